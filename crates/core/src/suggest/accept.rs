//! Accepting proposals: each becomes an annotation that records the rule it came from, and a
//! claim is linked ("attributed to") to its proposed source when the project's kind allows the
//! pair — the source accepted with it, or accepted (coded) before; all in one undoable step.
//! Offsets are chars.

use std::collections::{HashMap, HashSet};

use super::Proposal;
use crate::model::{
    ATTRIBUTED_TO, Document, Edit, EditError, Origin, Project, Relation, edit::new_annotation, ids,
    plural::counted,
};

/// What accepting will do: the edit (one undo step) and what it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct AcceptPlan {
    pub edit: Edit,
    pub annotations: usize,
    pub relations: usize,
}

/// Plans accepting the proposals at `chosen` of `proposals` (all of one `suggest` run, so that
/// their `source` indexes hold; a proposal's span may have been moved since). A chosen proposal
/// already coded the same way adds nothing, but its claim is still linked to it.
pub fn plan_accept(
    project: &Project,
    proposals: &[Proposal],
    chosen: &[usize],
    now: &str,
) -> Result<AcceptPlan, EditError> {
    let mut edits = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // The annotation each chosen proposal becomes (new or already there).
    let mut made: HashMap<usize, String> = HashMap::new();
    for &i in chosen {
        let p = &proposals[i];
        let doc = &project.documents()[p.doc];
        if let Some(existing) = coded_as(doc, p) {
            made.insert(i, existing.to_owned());
            continue;
        }
        let mut annotation = new_annotation(project, doc.id(), p.span, &p.label, now)?;
        while !taken.insert(annotation.id.clone()) {
            annotation.id = ids::fresh_id(project, "a");
        }
        annotation.origin = Origin::Suggested {
            rule: p.rule.clone(),
        };
        made.insert(i, annotation.id.clone());
        edits.push(Edit::AddAnnotation {
            doc: doc.id().to_owned(),
            annotation,
        });
    }
    let annotations = edits.len();
    let kind = project.relation_kind(ATTRIBUTED_TO);
    for &i in chosen {
        let p = &proposals[i];
        let Some((s, source)) = p.source.and_then(|s| proposals.get(s).map(|q| (s, q))) else {
            continue;
        };
        let doc = &project.documents()[p.doc];
        let to = made
            .get(&s)
            .map(String::as_str)
            .or_else(|| coded_as(doc, source));
        let allowed = kind.is_some_and(|k| k.allows(&p.label, &source.label));
        let (Some(from), Some(to)) = (made.get(&i), to) else {
            continue;
        };
        let linked = doc
            .relations()
            .iter()
            .any(|r| r.kind == ATTRIBUTED_TO && r.from == *from && r.to == to);
        if !allowed || source.doc != p.doc || linked {
            continue;
        }
        let mut id = ids::fresh_id(project, "r");
        while !taken.insert(id.clone()) {
            id = ids::fresh_id(project, "r");
        }
        edits.push(Edit::AddRelation {
            doc: doc.id().to_owned(),
            relation: Relation {
                id,
                kind: ATTRIBUTED_TO.to_owned(),
                from: from.clone(),
                to: to.to_owned(),
                note: String::new(),
            },
        });
    }
    let relations = edits.len() - annotations;
    Ok(AcceptPlan {
        edit: Edit::Batch {
            name: format!("accept {}", counted(annotations, "suggestion")),
            edits,
        },
        annotations,
        relations,
    })
}

/// The annotation of `doc` that codes `proposal`'s span with its label, if one does.
#[must_use]
pub fn coded_as<'d>(doc: &'d Document, proposal: &Proposal) -> Option<&'d str> {
    doc.annotations_in(proposal.span)
        .find(|a| a.label == proposal.label && a.span() == proposal.span)
        .map(|a| a.id.as_str())
}
