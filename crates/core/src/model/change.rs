//! `Change`: the primitive, self-describing steps every edit is made of. Each one carries what it
//! replaces, so it can be applied and its inverse applied without consulting anything else.

use super::{
    Annotation, Document, Label, Meta, Orphan, Project, Rejection, Relation, RelationKind,
};

/// One primitive change to a project. Document and label positions are indices (undo restores
/// them exactly); annotations are found by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Change {
    InsertAnnotation {
        doc: usize,
        annotation: Annotation,
    },
    RemoveAnnotation {
        doc: usize,
        annotation: Annotation,
    },
    ReplaceAnnotation {
        doc: usize,
        before: Annotation,
        after: Annotation,
    },
    InsertRelation {
        doc: usize,
        index: usize,
        relation: Relation,
    },
    RemoveRelation {
        doc: usize,
        index: usize,
        relation: Relation,
    },
    ReplaceRelation {
        doc: usize,
        index: usize,
        before: Relation,
        after: Relation,
    },
    InsertRelationKind {
        index: usize,
        kind: RelationKind,
    },
    RemoveRelationKind {
        index: usize,
        kind: RelationKind,
    },
    ReplaceRelationKind {
        index: usize,
        before: RelationKind,
        after: RelationKind,
    },
    InsertLabel {
        index: usize,
        label: Label,
    },
    RemoveLabel {
        index: usize,
        label: Label,
    },
    ReplaceLabel {
        index: usize,
        before: Label,
        after: Label,
    },
    InsertDocument {
        index: usize,
        document: Box<Document>,
    },
    RemoveDocument {
        index: usize,
        document: Box<Document>,
    },
    RetitleDocument {
        index: usize,
        before: String,
        after: String,
    },
    ReplaceMeta {
        before: Meta,
        after: Meta,
    },
    /// A whole document at once: what updating its text does (text, annotations, orphans).
    ReplaceDocument {
        index: usize,
        before: Box<Document>,
        after: Box<Document>,
    },
    InsertOrphan {
        doc: usize,
        index: usize,
        orphan: Box<Orphan>,
    },
    RemoveOrphan {
        doc: usize,
        index: usize,
        orphan: Box<Orphan>,
    },
    ReplaceOrphan {
        doc: usize,
        index: usize,
        before: Box<Orphan>,
        after: Box<Orphan>,
    },
    InsertRejection {
        doc: usize,
        index: usize,
        rejection: Rejection,
    },
    RemoveRejection {
        doc: usize,
        index: usize,
        rejection: Rejection,
    },
}

impl Change {
    /// The change that undoes this one.
    pub(super) fn inverse(&self) -> Self {
        match self.clone() {
            Self::InsertAnnotation { doc, annotation } => {
                Self::RemoveAnnotation { doc, annotation }
            }
            Self::RemoveAnnotation { doc, annotation } => {
                Self::InsertAnnotation { doc, annotation }
            }
            Self::ReplaceAnnotation { doc, before, after } => Self::ReplaceAnnotation {
                doc,
                before: after,
                after: before,
            },
            Self::InsertRelation {
                doc,
                index,
                relation,
            } => Self::RemoveRelation {
                doc,
                index,
                relation,
            },
            Self::RemoveRelation {
                doc,
                index,
                relation,
            } => Self::InsertRelation {
                doc,
                index,
                relation,
            },
            Self::ReplaceRelation {
                doc,
                index,
                before,
                after,
            } => Self::ReplaceRelation {
                doc,
                index,
                before: after,
                after: before,
            },
            Self::InsertRelationKind { index, kind } => Self::RemoveRelationKind { index, kind },
            Self::RemoveRelationKind { index, kind } => Self::InsertRelationKind { index, kind },
            Self::ReplaceRelationKind {
                index,
                before,
                after,
            } => Self::ReplaceRelationKind {
                index,
                before: after,
                after: before,
            },
            Self::InsertLabel { index, label } => Self::RemoveLabel { index, label },
            Self::RemoveLabel { index, label } => Self::InsertLabel { index, label },
            Self::ReplaceLabel {
                index,
                before,
                after,
            } => Self::ReplaceLabel {
                index,
                before: after,
                after: before,
            },
            Self::InsertDocument { index, document } => Self::RemoveDocument { index, document },
            Self::RemoveDocument { index, document } => Self::InsertDocument { index, document },
            Self::RetitleDocument {
                index,
                before,
                after,
            } => Self::RetitleDocument {
                index,
                before: after,
                after: before,
            },
            Self::ReplaceMeta { before, after } => Self::ReplaceMeta {
                before: after,
                after: before,
            },
            Self::ReplaceDocument {
                index,
                before,
                after,
            } => Self::ReplaceDocument {
                index,
                before: after,
                after: before,
            },
            Self::InsertOrphan { doc, index, orphan } => Self::RemoveOrphan { doc, index, orphan },
            Self::RemoveOrphan { doc, index, orphan } => Self::InsertOrphan { doc, index, orphan },
            Self::ReplaceOrphan {
                doc,
                index,
                before,
                after,
            } => Self::ReplaceOrphan {
                doc,
                index,
                before: after,
                after: before,
            },
            Self::InsertRejection {
                doc,
                index,
                rejection,
            } => Self::RemoveRejection {
                doc,
                index,
                rejection,
            },
            Self::RemoveRejection {
                doc,
                index,
                rejection,
            } => Self::InsertRejection {
                doc,
                index,
                rejection,
            },
        }
    }

    /// Applies the change. The project must be in the state the change was recorded against.
    pub(super) fn apply(&self, project: &mut Project) {
        match self {
            Self::InsertAnnotation { doc, annotation } => {
                project.index.add(&annotation.id);
                project.documents[*doc].insert_annotation(annotation.clone());
            }
            Self::RemoveAnnotation { doc, annotation } => {
                project.index.remove(&annotation.id);
                project.documents[*doc].remove_annotation(&annotation.id);
            }
            Self::ReplaceAnnotation { doc, before, after } => {
                project.index.remove(&before.id);
                project.index.add(&after.id);
                project.documents[*doc].replace_annotation(after.clone());
            }
            Self::InsertRelation {
                doc,
                index,
                relation,
            } => {
                project.index.add(&relation.id);
                project.documents[*doc]
                    .relations
                    .insert(*index, relation.clone());
            }
            Self::RemoveRelation { doc, index, .. } => {
                let removed = project.documents[*doc].relations.remove(*index);
                project.index.remove(&removed.id);
            }
            Self::ReplaceRelation {
                doc, index, after, ..
            } => {
                project.documents[*doc].relations[*index] = after.clone();
            }
            Self::InsertRelationKind { index, kind } => {
                project.relation_kinds.insert(*index, kind.clone());
            }
            Self::RemoveRelationKind { index, .. } => {
                project.relation_kinds.remove(*index);
            }
            Self::ReplaceRelationKind { index, after, .. } => {
                project.relation_kinds[*index] = after.clone();
            }
            Self::InsertLabel { index, label } => {
                project.index.add_label(&label.id);
                project.labels.insert(*index, label.clone());
            }
            Self::RemoveLabel { index, .. } => {
                let removed = project.labels.remove(*index);
                project.index.remove_label(&removed.id);
            }
            Self::ReplaceLabel { index, after, .. } => {
                project.index.remove_label(&project.labels[*index].id);
                project.index.add_label(&after.id);
                project.labels[*index] = after.clone();
            }
            Self::InsertDocument { index, document } => {
                project.index.add_document(document);
                project.documents.insert(*index, (**document).clone());
            }
            Self::RemoveDocument { index, .. } => {
                let removed = project.documents.remove(*index);
                project.index.remove_document(&removed);
            }
            Self::RetitleDocument { index, after, .. } => {
                project.documents[*index].title.clone_from(after);
            }
            Self::ReplaceMeta { after, .. } => project.meta = after.clone(),
            Self::ReplaceDocument { index, after, .. } => {
                project.index.remove_document(&project.documents[*index]);
                project.index.add_document(after);
                project.documents[*index] = (**after).clone();
            }
            Self::InsertOrphan { doc, index, orphan } => {
                project.index.add_orphan(orphan);
                project.documents[*doc]
                    .orphans
                    .insert(*index, (**orphan).clone());
            }
            Self::RemoveOrphan { doc, index, .. } => {
                let removed = project.documents[*doc].orphans.remove(*index);
                project.index.remove_orphan(&removed);
            }
            Self::ReplaceOrphan {
                doc, index, after, ..
            } => {
                project
                    .index
                    .remove_orphan(&project.documents[*doc].orphans[*index]);
                project.index.add_orphan(after);
                project.documents[*doc].orphans[*index] = (**after).clone();
            }
            Self::InsertRejection {
                doc,
                index,
                rejection,
            } => {
                project.documents[*doc]
                    .rejected
                    .insert(*index, rejection.clone());
            }
            Self::RemoveRejection { doc, index, .. } => {
                project.documents[*doc].rejected.remove(*index);
            }
        }
    }
}
