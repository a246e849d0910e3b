//! Accepting proposals: each becomes an annotation that records the rule it came from, and a
//! claim accepted with its source is linked to it ("attributed to") when the project's kind
//! allows the pair; all in one undoable step. Offsets are chars.

use std::collections::{HashMap, HashSet};

use super::Proposal;
use crate::model::{
    ATTRIBUTED_TO, Edit, EditError, Origin, Project, Relation, edit::new_annotation, ids,
    plural::counted,
};

/// What accepting will do: the edit (one undo step) and what it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct AcceptPlan {
    pub edit: Edit,
    pub annotations: usize,
    pub relations: usize,
}

/// Plans accepting `proposals` (all of one `suggest` run, so that their `source` indexes hold).
pub fn plan_accept(
    project: &Project,
    proposals: &[Proposal],
    now: &str,
) -> Result<AcceptPlan, EditError> {
    let mut edits = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // Each accepted proposal's new annotation id.
    let mut made: HashMap<usize, String> = HashMap::new();
    for (i, p) in proposals.iter().enumerate() {
        let doc = &project.documents()[p.doc];
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
    for (i, p) in proposals.iter().enumerate() {
        let Some(source) = p.source.and_then(|s| proposals.get(s).map(|q| (s, q))) else {
            continue;
        };
        let allowed = kind.is_some_and(|k| k.allows(&p.label, &source.1.label));
        let (Some(from), Some(to)) = (made.get(&i), made.get(&source.0)) else {
            continue;
        };
        if !allowed || source.1.doc != p.doc {
            continue;
        }
        let mut id = ids::fresh_id(project, "r");
        while !taken.insert(id.clone()) {
            id = ids::fresh_id(project, "r");
        }
        edits.push(Edit::AddRelation {
            doc: project.documents()[p.doc].id().to_owned(),
            relation: Relation {
                id,
                kind: ATTRIBUTED_TO.to_owned(),
                from: from.clone(),
                to: to.clone(),
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
