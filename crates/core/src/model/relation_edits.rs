//! The edits of relations and of their kinds: a new relation checked against its kind's labels,
//! re-kinding or reversing one, and adding, changing and removing kinds in the codebook.

use super::{
    Document, Project, Relation, RelationKind,
    change::Change,
    edit::EditError,
    edit_error::{doc_index, ok_or_invalid},
    ids,
    relation_kind::adopt_kinds,
    validate::{self, Problem},
};

/// What to do with a kind's relations when the kind is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindRemoval {
    /// Delete them (also those orphans hold).
    DeleteRelations,
    /// Give them this other kind.
    ReassignTo(String),
}

/// A new relation of `kind` from annotation `from` to annotation `to` of document `doc`, with a
/// fresh id, if the kind allows the two ends' labels; `Edit::AddRelation` still checks it.
pub fn new_relation(
    project: &Project,
    doc: &str,
    from: &str,
    to: &str,
    kind: &str,
) -> Result<Relation, EditError> {
    let document = project
        .document(doc)
        .ok_or_else(|| EditError::NoDocument(doc.to_owned()))?;
    let relation = Relation {
        id: ids::fresh_id(project, "r"),
        kind: kind.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
        note: String::new(),
    };
    ok_or_invalid(allowed(project, document, &relation))?;
    Ok(relation)
}

/// The problem of a relation whose kind does not allow its ends' labels (none when an end or the
/// kind is missing: [`validate::check_relation`] reports those).
fn allowed(project: &Project, doc: &Document, relation: &Relation) -> Vec<Problem> {
    let label = |id: &str| doc.annotation(id).map(|a| a.label.as_str());
    match (
        project.relation_kind(&relation.kind),
        label(&relation.from),
        label(&relation.to),
    ) {
        (Some(kind), Some(from), Some(to)) if !kind.allows(from, to) => {
            vec![Problem::KindNotAllowed {
                kind: kind.name.clone(),
                from: from.to_owned(),
                to: to.to_owned(),
            }]
        }
        _ => Vec::new(),
    }
}

/// The changes that replace the relation with `relation`'s id in `doc` by `relation` (a new
/// kind, ends swapped, a note), checked like a new one.
pub(super) fn plan_update_relation(
    project: &Project,
    doc: &str,
    relation: &Relation,
) -> Result<Vec<Change>, EditError> {
    let d = doc_index(project, doc)?;
    let document = &project.documents[d];
    let index = document
        .relations
        .iter()
        .position(|r| r.id == relation.id)
        .ok_or_else(|| EditError::NoRelation {
            doc: doc.to_owned(),
            id: relation.id.clone(),
        })?;
    let before = &document.relations[index];
    if before == relation {
        return Ok(Vec::new());
    }
    let mut problems = validate::check_relation(document, relation);
    let ends = |r: &Relation| (r.kind.clone(), r.from.clone(), r.to.clone());
    if ends(before) != ends(relation) {
        problems.extend(allowed(project, document, relation));
    }
    ok_or_invalid(problems)?;
    let mut changes = kinds_to_declare(project, [relation]);
    changes.push(Change::ReplaceRelation {
        doc: d,
        index,
        before: before.clone(),
        after: relation.clone(),
    });
    Ok(changes)
}

/// The changes that declare every kind `relations` use and the project lacks (see
/// [`super::relation_kind::adopted_kind`]): a relation brought by an edit, an import or a script declares its kind.
pub(super) fn kinds_to_declare<'r>(
    project: &Project,
    relations: impl IntoIterator<Item = &'r Relation>,
) -> Vec<Change> {
    let mut kinds = project.relation_kinds.clone();
    let declared = kinds.len();
    adopt_kinds(&mut kinds, relations.into_iter());
    kinds
        .drain(declared..)
        .enumerate()
        .map(|(i, kind)| Change::InsertRelationKind {
            index: declared + i,
            kind,
        })
        .collect()
}

pub(super) fn plan_add_kind(
    project: &Project,
    kind: &RelationKind,
) -> Result<Vec<Change>, EditError> {
    if project.relation_kind(&kind.id).is_some() {
        return Err(EditError::IdInUse(kind.id.clone()));
    }
    ok_or_invalid(kind_problems(project, kind))?;
    Ok(vec![Change::InsertRelationKind {
        index: project.relation_kinds.len(),
        kind: kind.clone(),
    }])
}

pub(super) fn plan_update_kind(
    project: &Project,
    kind: &RelationKind,
) -> Result<Vec<Change>, EditError> {
    let index = kind_index(project, &kind.id)?;
    let before = &project.relation_kinds[index];
    if before == kind {
        return Ok(Vec::new());
    }
    ok_or_invalid(kind_problems(project, kind))?;
    Ok(vec![Change::ReplaceRelationKind {
        index,
        before: before.clone(),
        after: kind.clone(),
    }])
}

pub(super) fn plan_remove_kind(
    project: &Project,
    id: &str,
    relations: &KindRemoval,
) -> Result<Vec<Change>, EditError> {
    let index = kind_index(project, id)?;
    if let KindRemoval::ReassignTo(target) = relations {
        if target == id {
            return Err(EditError::ReassignToSelf);
        }
        kind_index(project, target)?;
    }
    let rekinded = |r: &Relation| match relations {
        KindRemoval::DeleteRelations => None,
        KindRemoval::ReassignTo(target) => Some(Relation {
            kind: target.clone(),
            ..r.clone()
        }),
    };
    let mut changes = Vec::new();
    for (d, doc) in project.documents.iter().enumerate() {
        for (i, relation) in doc.relations.iter().enumerate().rev() {
            if relation.kind != id {
                continue;
            }
            changes.push(match rekinded(relation) {
                Some(after) => Change::ReplaceRelation {
                    doc: d,
                    index: i,
                    before: relation.clone(),
                    after,
                },
                None => Change::RemoveRelation {
                    doc: d,
                    index: i,
                    relation: relation.clone(),
                },
            });
        }
        for (i, orphan) in doc.orphans.iter().enumerate() {
            if !orphan.relations.iter().any(|r| r.kind == id) {
                continue;
            }
            let mut after = orphan.clone();
            after.relations = orphan
                .relations
                .iter()
                .filter_map(|r| {
                    if r.kind == id {
                        rekinded(r)
                    } else {
                        Some(r.clone())
                    }
                })
                .collect();
            changes.push(Change::ReplaceOrphan {
                doc: d,
                index: i,
                before: Box::new(orphan.clone()),
                after: Box::new(after),
            });
        }
    }
    changes.push(Change::RemoveRelationKind {
        index,
        kind: project.relation_kinds[index].clone(),
    });
    Ok(changes)
}

fn kind_index(project: &Project, id: &str) -> Result<usize, EditError> {
    project
        .relation_kind_index(id)
        .ok_or_else(|| EditError::NoRelationKind(id.to_owned()))
}

/// Problems of a kind on its own and beside the project's other kinds (a key in use).
fn kind_problems(project: &Project, kind: &RelationKind) -> Vec<Problem> {
    let mut problems = validate::check_relation_kind(kind);
    if let Some(key) = kind.key
        && let Some(other) = project
            .relation_kinds
            .iter()
            .find(|k| k.id != kind.id && k.key == Some(key))
    {
        problems.push(Problem::DuplicateKindKey {
            key,
            first: other.id.clone(),
            second: kind.id.clone(),
        });
    }
    problems
}
