//! The one edit API: every change to a project is an [`Edit`], checked against the invariants in
//! [`super::validate`] and turned into invertible [`Change`]s. Offsets are chars.
//!
//! [`apply`] is the only code that changes a project; [`super::Editor`] wraps it with undo, redo
//! and the unsaved-changes marker.

pub use super::edit_error::EditError;

pub use super::relation_edits::{KindRemoval, new_relation};

use super::{
    Annotation, Document, Label, Meta, Project, Rejection, Relation, RelationKind, Span,
    change::Change,
    edit_error::{doc_index, ok_or_invalid},
    ids,
    orphan_edits::{self, TextUpdate},
    relation_edits,
    validate::{self, Problem},
};

/// What to do with a label's annotations when the label is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelRemoval {
    /// Delete them (and relations that link them).
    DeleteAnnotations,
    /// Give them this other label.
    ReassignTo(String),
}

/// A change an analyst (through the window or the command line) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Add a complete annotation (see [`new_annotation`]).
    AddAnnotation {
        doc: String,
        annotation: Annotation,
    },
    /// Delete an annotation and the relations that link it.
    DeleteAnnotation {
        doc: String,
        id: String,
    },
    Relabel {
        doc: String,
        id: String,
        label: String,
    },
    /// Move an annotation's boundaries (char offsets); its quote follows the text.
    SetSpan {
        doc: String,
        id: String,
        span: Span,
    },
    /// Replace an annotation's note. Consecutive note edits of one annotation coalesce into one
    /// undo step.
    SetNote {
        doc: String,
        id: String,
        note: String,
    },
    AddRelation {
        doc: String,
        relation: Relation,
    },
    DeleteRelation {
        doc: String,
        id: String,
    },
    /// Replace the relation with the same id: another kind, the ends swapped, a note.
    UpdateRelation {
        doc: String,
        relation: Relation,
    },
    AddRelationKind(RelationKind),
    /// Replace the kind with the same id: rename, recolour, change key, description or labels.
    UpdateRelationKind(RelationKind),
    RemoveRelationKind {
        id: String,
        relations: KindRemoval,
    },
    AddLabel(Label),
    /// Replace the label with the same id: rename, recolour, change key or description.
    UpdateLabel(Label),
    RemoveLabel {
        id: String,
        annotations: LabelRemoval,
    },
    AddDocument(Box<Document>),
    RemoveDocument {
        id: String,
    },
    RetitleDocument {
        id: String,
        title: String,
    },
    /// Change the project's title and annotator.
    SetProjectInfo {
        title: String,
        annotator: String,
    },
    /// Several edits as one undo step, applied in order (all or none): what importing
    /// annotations into a project does.
    Import(Vec<Edit>),
    /// Several edits as one undo step named `name` ("tag 12 passages as Norm"), applied in order
    /// (all or none).
    Batch {
        name: String,
        edits: Vec<Edit>,
    },
    /// Replace a document's text with a new version, every annotation placed in it or
    /// orphaned (the `reanchor` module works the update out). Undo restores the old text.
    UpdateText(Box<TextUpdate>),
    /// Place an orphan at a span (char offsets) of the current text; its quote follows the text.
    PlaceOrphan {
        doc: String,
        id: String,
        span: Span,
    },
    /// Drop an orphan and the relations that link it.
    DropOrphan {
        doc: String,
        id: String,
    },
    /// Record that a proposal of `label` over `span` (chars) was rejected, so that it is not
    /// proposed again while the text there reads the same; `rule` made it.
    Reject {
        doc: String,
        span: Span,
        label: String,
        rule: String,
    },
}

impl Edit {
    /// A short description for the Undo/Redo menu entries ("add annotation").
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::AddAnnotation { .. } => "add annotation",
            Self::DeleteAnnotation { .. } => "delete annotation",
            Self::Relabel { .. } => "change label",
            Self::SetSpan { .. } => "move boundary",
            Self::SetNote { .. } => "edit note",
            Self::AddRelation { .. } => "add relation",
            Self::DeleteRelation { .. } => "delete relation",
            Self::UpdateRelation { .. } => "change relation",
            Self::AddRelationKind(_) => "add relation kind",
            Self::UpdateRelationKind(_) => "edit relation kind",
            Self::RemoveRelationKind { .. } => "remove relation kind",
            Self::AddLabel(_) => "add label",
            Self::UpdateLabel(_) => "edit label",
            Self::RemoveLabel { .. } => "remove label",
            Self::AddDocument(_) => "add document",
            Self::RemoveDocument { .. } => "remove document",
            Self::RetitleDocument { .. } => "rename document",
            Self::SetProjectInfo { .. } => "edit project details",
            Self::Import(_) => "import annotations",
            Self::Batch { .. } => "change several passages",
            Self::UpdateText(_) => "update article text",
            Self::PlaceOrphan { .. } => "place orphan",
            Self::DropOrphan { .. } => "drop orphan",
            Self::Reject { .. } => "reject suggestion",
        }
    }
}

/// A new annotation of `span` (char offsets) in document `doc`, with a fresh id and its quote;
/// [`apply`] still checks it.
pub fn new_annotation(
    project: &Project,
    doc: &str,
    span: Span,
    label: &str,
    now: &str,
) -> Result<Annotation, EditError> {
    let document = project
        .document(doc)
        .ok_or_else(|| EditError::NoDocument(doc.to_owned()))?;
    Ok(Annotation {
        id: ids::fresh_id(project, "a"),
        label: label.to_owned(),
        start: span.start,
        end: span.end,
        quote: document.quote(span).unwrap_or_default().to_owned(),
        note: String::new(),
        created: now.to_owned(),
        modified: now.to_owned(),
        analysts: Vec::new(),
        origin: crate::model::Origin::ByHand,
    })
}

/// Checks `edit` against the project and applies it; returns the changes made (for undo).
/// Reached through [`super::Editor::apply`], which records them.
/// `now` (RFC 3339) stamps the `modified` time of what changes. On error nothing changes.
pub(super) fn apply(
    project: &mut Project,
    edit: &Edit,
    now: &str,
) -> Result<Vec<Change>, EditError> {
    if let Edit::Import(edits) | Edit::Batch { edits, .. } = edit {
        return apply_all(project, edits, now);
    }
    let changes = plan(project, edit, now)?;
    for change in &changes {
        change.apply(project);
    }
    if !changes.is_empty() && project.meta.modified != now {
        let after = Meta {
            modified: now.to_owned(),
            ..project.meta.clone()
        };
        let stamp = Change::ReplaceMeta {
            before: project.meta.clone(),
            after,
        };
        stamp.apply(project);
        return Ok(changes.into_iter().chain([stamp]).collect());
    }
    Ok(changes)
}

/// Applies `edits` in order; when one is refused, undoes the ones before it and returns its error.
fn apply_all(project: &mut Project, edits: &[Edit], now: &str) -> Result<Vec<Change>, EditError> {
    let mut changes = Vec::new();
    for edit in edits {
        match apply(project, edit, now) {
            Ok(more) => changes.extend(more),
            Err(error) => {
                for change in changes.iter().rev() {
                    change.inverse().apply(project);
                }
                return Err(error);
            }
        }
    }
    Ok(changes)
}

fn find_annotation(
    project: &Project,
    doc: &str,
    id: &str,
) -> Result<(usize, Annotation), EditError> {
    let d = doc_index(project, doc)?;
    let annotation = project.documents[d]
        .annotation(id)
        .cloned()
        .ok_or_else(|| EditError::NoAnnotation {
            doc: doc.to_owned(),
            id: id.to_owned(),
        })?;
    Ok((d, annotation))
}

fn label_index(project: &Project, id: &str) -> Result<usize, EditError> {
    project
        .label_index(id)
        .ok_or_else(|| EditError::NoLabel(id.to_owned()))
}

/// A changed copy of an annotation, checked in its document.
fn replaced(
    project: &Project,
    d: usize,
    before: Annotation,
    change: impl FnOnce(&mut Annotation),
    now: &str,
) -> Result<Vec<Change>, EditError> {
    let mut after = before.clone();
    change(&mut after);
    if after == before {
        return Ok(Vec::new());
    }
    after.modified = now.to_owned();
    ok_or_invalid(validate::check_annotation(
        &project.documents[d],
        &project.labels,
        &after,
    ))?;
    Ok(vec![Change::ReplaceAnnotation {
        doc: d,
        before,
        after,
    }])
}

/// Removes annotations `ids` of document `d` and every relation that links one of them, also
/// those orphans hold.
fn removals(project: &Project, d: usize, ids: &[&str]) -> Vec<Change> {
    let doc = &project.documents[d];
    let mut changes = orphan_edits::relations_to(doc, d, ids);
    changes.extend(
        doc.relations
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, r)| ids.contains(&r.from.as_str()) || ids.contains(&r.to.as_str()))
            .map(|(index, relation)| Change::RemoveRelation {
                doc: d,
                index,
                relation: relation.clone(),
            }),
    );
    changes.extend(ids.iter().filter_map(|id| {
        doc.annotation(id).map(|a| Change::RemoveAnnotation {
            doc: d,
            annotation: a.clone(),
        })
    }));
    changes
}

/// Problems a label would have next to the project's other labels (key clashes).
fn key_clash(project: &Project, label: &Label) -> Vec<Problem> {
    let Some(key) = label.key else {
        return Vec::new();
    };
    project
        .labels
        .iter()
        .filter(|other| other.id != label.id && other.key == Some(key))
        .map(|other| Problem::DuplicateKey {
            key,
            first: other.id.clone(),
            second: label.id.clone(),
        })
        .collect()
}

/// The changes `edit` makes, after checking it; the project is not touched.
fn plan(project: &Project, edit: &Edit, now: &str) -> Result<Vec<Change>, EditError> {
    match edit {
        Edit::AddAnnotation { doc, annotation } => {
            let d = doc_index(project, doc)?;
            if project.id_in_use(&annotation.id) {
                return Err(EditError::IdInUse(annotation.id.clone()));
            }
            ok_or_invalid(validate::check_annotation(
                &project.documents[d],
                &project.labels,
                annotation,
            ))?;
            Ok(vec![Change::InsertAnnotation {
                doc: d,
                annotation: annotation.clone(),
            }])
        }
        Edit::DeleteAnnotation { doc, id } => {
            let (d, _) = find_annotation(project, doc, id)?;
            Ok(removals(project, d, &[id]))
        }
        Edit::Relabel { doc, id, label } => {
            let (d, before) = find_annotation(project, doc, id)?;
            label_index(project, label)?;
            replaced(project, d, before, |a| a.label.clone_from(label), now)
        }
        Edit::SetSpan { doc, id, span } => {
            let (d, before) = find_annotation(project, doc, id)?;
            let quote = project.documents[d]
                .quote(*span)
                .unwrap_or_default()
                .to_owned();
            replaced(
                project,
                d,
                before,
                |a| {
                    (a.start, a.end) = (span.start, span.end);
                    a.quote = quote;
                },
                now,
            )
        }
        Edit::SetNote { doc, id, note } => {
            let (d, before) = find_annotation(project, doc, id)?;
            replaced(project, d, before, |a| a.note.clone_from(note), now)
        }
        Edit::AddRelation { doc, relation } => {
            let d = doc_index(project, doc)?;
            if project.id_in_use(&relation.id) {
                return Err(EditError::IdInUse(relation.id.clone()));
            }
            ok_or_invalid(validate::check_relation(&project.documents[d], relation))?;
            let mut changes = relation_edits::kinds_to_declare(project, [relation]);
            changes.push(Change::InsertRelation {
                doc: d,
                index: project.documents[d].relations.len(),
                relation: relation.clone(),
            });
            Ok(changes)
        }
        Edit::DeleteRelation { doc, id } => {
            let d = doc_index(project, doc)?;
            let index = project.documents[d]
                .relations
                .iter()
                .position(|r| &r.id == id)
                .ok_or_else(|| EditError::NoRelation {
                    doc: doc.clone(),
                    id: id.clone(),
                })?;
            Ok(vec![Change::RemoveRelation {
                doc: d,
                index,
                relation: project.documents[d].relations[index].clone(),
            }])
        }
        Edit::UpdateRelation { doc, relation } => {
            relation_edits::plan_update_relation(project, doc, relation)
        }
        Edit::AddRelationKind(kind) => relation_edits::plan_add_kind(project, kind),
        Edit::UpdateRelationKind(kind) => relation_edits::plan_update_kind(project, kind),
        Edit::RemoveRelationKind { id, relations } => {
            relation_edits::plan_remove_kind(project, id, relations)
        }
        Edit::AddLabel(label) => {
            if project.id_in_use(&label.id) {
                return Err(EditError::IdInUse(label.id.clone()));
            }
            let mut problems = validate::check_label(label);
            problems.extend(key_clash(project, label));
            ok_or_invalid(problems)?;
            Ok(vec![Change::InsertLabel {
                index: project.labels.len(),
                label: label.clone(),
            }])
        }
        Edit::UpdateLabel(label) => {
            let index = label_index(project, &label.id)?;
            let before = project.labels[index].clone();
            if &before == label {
                return Ok(Vec::new());
            }
            let mut problems = validate::check_label(label);
            problems.extend(key_clash(project, label));
            ok_or_invalid(problems)?;
            Ok(vec![Change::ReplaceLabel {
                index,
                before,
                after: label.clone(),
            }])
        }
        Edit::RemoveLabel { id, annotations } => {
            let index = label_index(project, id)?;
            let mut changes = Vec::new();
            for (d, doc) in project.documents.iter().enumerate() {
                let used: Vec<&Annotation> =
                    doc.annotations.iter().filter(|a| &a.label == id).collect();
                match annotations {
                    LabelRemoval::DeleteAnnotations => {
                        let ids: Vec<&str> = used.iter().map(|a| a.id.as_str()).collect();
                        changes.extend(removals(project, d, &ids));
                        let orphans: Vec<&str> = doc
                            .orphans
                            .iter()
                            .filter(|o| &o.annotation.label == id)
                            .map(super::Orphan::id)
                            .collect();
                        changes.extend(orphan_edits::orphan_removals(project, d, &orphans));
                    }
                    LabelRemoval::ReassignTo(target) => {
                        if target == id {
                            return Err(EditError::ReassignToSelf);
                        }
                        label_index(project, target)?;
                        changes.extend(used.into_iter().map(|before| Change::ReplaceAnnotation {
                            doc: d,
                            before: before.clone(),
                            after: Annotation {
                                label: target.clone(),
                                modified: now.to_owned(),
                                ..before.clone()
                            },
                        }));
                        changes.extend(orphan_edits::orphans_relabelled(doc, d, id, target, now));
                    }
                }
            }
            changes.push(Change::RemoveLabel {
                index,
                label: project.labels[index].clone(),
            });
            Ok(changes)
        }
        Edit::AddDocument(document) => {
            if document.id.is_empty() {
                return Err(EditError::Invalid(vec![Problem::EmptyId {
                    kind: "document",
                }]));
            }
            if project.id_in_use(&document.id) {
                return Err(EditError::IdInUse(document.id.clone()));
            }
            if let Some(same) = project
                .index
                .has_text(&document.text_sha256)
                .then(|| {
                    project
                        .documents
                        .iter()
                        .find(|d| d.text_sha256 == document.text_sha256)
                })
                .flatten()
            {
                return Err(EditError::DuplicateText {
                    title: same.title.clone(),
                });
            }
            let mut seen = std::collections::HashSet::new();
            let inner_ids = document.annotations.iter().map(|a| &a.id);
            let orphan_ids = document.orphans.iter().flat_map(|o| {
                std::iter::once(&o.annotation.id).chain(o.relations.iter().map(|r| &r.id))
            });
            let relation_ids = document.relations.iter().map(|r| &r.id);
            for id in inner_ids.chain(relation_ids).chain(orphan_ids) {
                if project.id_in_use(id) || !seen.insert(id) {
                    return Err(EditError::IdInUse(id.clone()));
                }
            }
            let mut document = document.clone();
            document.reindex_text();
            ok_or_invalid(validate::check_document_items(project, &document))?;
            let held = document.orphans.iter().flat_map(|o| &o.relations);
            let mut changes =
                relation_edits::kinds_to_declare(project, document.relations.iter().chain(held));
            changes.push(Change::InsertDocument {
                index: project.documents.len(),
                document,
            });
            Ok(changes)
        }
        Edit::RemoveDocument { id } => {
            let index = doc_index(project, id)?;
            Ok(vec![Change::RemoveDocument {
                index,
                document: Box::new(project.documents[index].clone()),
            }])
        }
        Edit::RetitleDocument { id, title } => {
            let index = doc_index(project, id)?;
            let before = project.documents[index].title.clone();
            if &before == title {
                return Ok(Vec::new());
            }
            Ok(vec![Change::RetitleDocument {
                index,
                before,
                after: title.clone(),
            }])
        }
        Edit::SetProjectInfo { title, annotator } => {
            let before = project.meta.clone();
            let after = Meta {
                title: title.clone(),
                annotator: annotator.clone(),
                ..before.clone()
            };
            if after == before {
                return Ok(Vec::new());
            }
            Ok(vec![Change::ReplaceMeta { before, after }])
        }
        Edit::Import(_) | Edit::Batch { .. } => {
            unreachable!("an import or a batch is applied edit by edit in `apply`")
        }
        Edit::UpdateText(update) => orphan_edits::plan_text_update(project, update),
        Edit::PlaceOrphan { doc, id, span } => {
            orphan_edits::plan_place(project, doc, id, *span, now)
        }
        Edit::DropOrphan { doc, id } => orphan_edits::plan_drop(project, doc, id),
        Edit::Reject {
            doc,
            span,
            label,
            rule,
        } => plan_reject(project, doc, *span, label, rule),
    }
}

/// Records a rejection at the end of the document's list; nothing when it is recorded already.
fn plan_reject(
    project: &Project,
    doc: &str,
    span: Span,
    label: &str,
    rule: &str,
) -> Result<Vec<Change>, EditError> {
    let d = doc_index(project, doc)?;
    let document = &project.documents[d];
    let quote = document
        .quote(span)
        .filter(|_| !span.is_empty())
        .ok_or_else(|| EditError::NotInText {
            doc: doc.to_owned(),
            start: span.start,
            end: span.end,
        })?;
    if document.is_rejected(span, label) {
        return Ok(Vec::new());
    }
    Ok(vec![Change::InsertRejection {
        doc: d,
        index: document.rejected.len(),
        rejection: Rejection {
            label: label.to_owned(),
            start: span.start,
            end: span.end,
            quote: quote.to_owned(),
            rule: rule.to_owned(),
        },
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_applies_all_its_edits_or_none() {
        let now = "2026-01-01T00:00:00Z";
        let mut project = Project::new("p", "a", now);
        project
            .documents
            .push(Document::new("d1", "Doc", "one two".into()));
        project.reindex();
        let before = project.clone();
        let label = Label::new("extra", "Extra", "#112233");
        let annotation = |id: &str, label: &str| Annotation {
            quote: "one".into(),
            ..Annotation::bare(id, label, 0, 3)
        };
        let good = Edit::Import(vec![
            Edit::AddLabel(label.clone()),
            Edit::AddAnnotation {
                doc: "d1".into(),
                annotation: annotation("a1", "extra"),
            },
        ]);
        let bad = Edit::Import(vec![
            Edit::AddLabel(Label::new("other", "Other", "#445566")),
            Edit::AddAnnotation {
                doc: "d1".into(),
                annotation: annotation("a2", "missing"),
            },
        ]);
        assert!(apply(&mut project, &bad, now).is_err());
        assert_eq!(project, before, "a refused import leaves nothing behind");
        let changes = apply(&mut project, &good, now).unwrap();
        assert_eq!(project.label("extra"), Some(&label));
        assert_eq!(project.documents[0].annotations().len(), 1);
        for change in changes.iter().rev() {
            change.inverse().apply(&mut project);
        }
        assert_eq!(project, before, "one step undoes the whole import");
    }
}
