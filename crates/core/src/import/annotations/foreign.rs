//! What an annotation file says, before anchoring: labels by name, positions in the file's own
//! unit, quotes and context where the format has them.

use std::path::PathBuf;

use crate::model::OffsetUnit;

/// How to read positions whose unit a format leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitChoice {
    /// Work it out per document from the text and the quotes (see [`super::anchor`]).
    #[default]
    Detect,
    /// The positions are in this unit.
    Fixed(OffsetUnit),
}

/// A passage's position as a file gives it: `[start, end)` in `unit`, over the document's text as
/// the file holds it (which may still have CRLF newlines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// A label (code) as a file names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForeignLabel {
    /// The name annotations refer to it by.
    pub name: String,
    /// `#RRGGBB`, when the file has one.
    pub color: Option<String>,
    pub description: String,
}

/// One annotation as a file gives it. At least one of `position` and `quote` is set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForeignAnnotation {
    /// The file's id for it (for relations and for the report).
    pub id: String,
    /// The label's name ([`ForeignLabel::name`]).
    pub label: String,
    pub position: Option<Position>,
    /// The passage's text, when the file records it.
    pub quote: Option<String>,
    /// Text just before and after the passage (W3C `TextQuoteSelector`).
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub note: String,
    /// RFC 3339, when the file records it.
    pub created: Option<String>,
    pub modified: Option<String>,
    /// Who made it, when the file says.
    pub creator: Option<String>,
}

/// A link between two annotations, by the file's ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForeignRelation {
    pub kind: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// One document's annotations as a file gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForeignDocument {
    pub title: String,
    /// The text as the file holds it, when the format carries it (brat, doccano, REFI-QDA);
    /// newlines not yet normalised.
    pub text: Option<String>,
    /// What the file calls the text (W3C `target.source`), to find it among known texts.
    pub text_ref: Option<String>,
    /// The unit of [`ForeignAnnotation::position`].
    pub unit: UnitChoice,
    pub annotations: Vec<ForeignAnnotation>,
    pub relations: Vec<ForeignRelation>,
}

/// Everything read from one annotation file (or brat folder).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ForeignSet {
    /// The format's name, for reports ("brat", "doccano", "W3C", "REFI-QDA").
    pub format: &'static str,
    /// The file or folder it was read from.
    pub path: PathBuf,
    pub labels: Vec<ForeignLabel>,
    pub documents: Vec<ForeignDocument>,
    /// Who coded it, when the file says (REFI-QDA users, W3C creators).
    pub annotator: Option<String>,
    /// What the reader skipped and why (unsupported line types, etc.), for the report.
    pub skipped: Vec<String>,
}
