//! Why an edit was refused, and the small checks every kind of edit starts with.

use super::{Project, validate::Problem};

/// Why an edit was refused. The project is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no document with id “{0}”")]
    NoDocument(String),
    #[error("there is no annotation “{id}” in document “{doc}”")]
    NoAnnotation { doc: String, id: String },
    #[error("there is no relation “{id}” in document “{doc}”")]
    NoRelation { doc: String, id: String },
    #[error("there is no label “{0}”")]
    NoLabel(String),
    #[error("there is no relation kind “{0}”")]
    NoRelationKind(String),
    #[error("the id “{0}” is already in use")]
    IdInUse(String),
    #[error("what a removed label or kind held cannot be given to the label or kind itself")]
    ReassignToSelf,
    #[error("the document “{title}” is already in the project (same text)")]
    DuplicateText { title: String },
    #[error("there is no orphan “{id}” in document “{doc}”")]
    NoOrphan { doc: String, id: String },
    #[error("the new text is the same as the document's text; there is nothing to update")]
    SameText,
    #[error(
        "the update does not account for every annotation and relation (missing: {}; unknown: \
         {}); nothing was changed",
        .lost.join(", "),
        .unknown.join(", ")
    )]
    UpdateMismatch {
        lost: Vec<String>,
        unknown: Vec<String>,
    },
    #[error("chars {start}–{end} are not a passage of document “{doc}”")]
    NotInText {
        doc: String,
        start: usize,
        end: usize,
    },
    #[error("{}", join(.0))]
    Invalid(Vec<Problem>),
}

fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn ok_or_invalid(problems: Vec<Problem>) -> Result<(), EditError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid(problems))
    }
}

pub(super) fn doc_index(project: &Project, doc: &str) -> Result<usize, EditError> {
    project
        .document_index(doc)
        .ok_or_else(|| EditError::NoDocument(doc.to_owned()))
}
