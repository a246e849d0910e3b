//! `Orphan` (an annotation that lost its place when the article's text was updated) and
//! `TextRevision` (the record of one such update).
//!
//! An orphan keeps everything the analyst made: the annotation with its label, note and times,
//! its quote and the text around it, and the relations that link it. Its `start`/`end` are char
//! offsets into the text it was last placed in, which is no longer the document's text; a
//! [`Suggestion`] is in chars of the current text.

use serde::{Deserialize, Serialize};

use super::{Annotation, Relation, Span};

/// How many chars of text before and after a quote an orphan keeps, to find its place again.
pub const CONTEXT_CHARS: usize = 48;

/// An annotation waiting for the analyst to place it again, or drop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Orphan {
    /// The annotation as it was last placed. `start`/`end` are chars of that earlier text.
    pub annotation: Annotation,
    /// Up to [`CONTEXT_CHARS`] chars before the quote in that earlier text.
    #[serde(default)]
    pub before: String,
    /// Up to [`CONTEXT_CHARS`] chars after the quote in that earlier text.
    #[serde(default)]
    pub after: String,
    /// The relations that linked it, held here until it is placed again (a relation between two
    /// orphans is held by one of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// The best match in the current text, too weak to place it without the analyst.
    #[serde(default)]
    pub suggestion: Option<Suggestion>,
    /// RFC 3339 UTC: when the update that orphaned it was made.
    #[serde(default)]
    pub orphaned: String,
}

impl Orphan {
    #[must_use]
    pub fn id(&self) -> &str {
        &self.annotation.id
    }
}

/// A place in the current text where an orphan may belong, with how sure the search is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// First char (char offset into the document's current text).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// 0–100: how closely the text there and around it matches the orphan's quote and context.
    pub confidence: u8,
}

impl Suggestion {
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One update of a document's text: which text it replaced and what became of the annotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRevision {
    /// Lowercase hex SHA-256 of the text this update replaced.
    pub previous_sha256: String,
    /// RFC 3339 UTC.
    pub updated: String,
    /// The file the new text was read from, as the analyst gave it.
    #[serde(default)]
    pub source: Option<String>,
    /// Annotations whose text was untouched and that moved by the diff alone.
    pub moved: usize,
    /// Annotations touched by an edit and found again by their quote and context.
    pub refound: usize,
    /// Annotations that could not be placed with confidence and became orphans.
    pub orphaned: usize,
}
