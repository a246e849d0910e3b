//! `Annotation` (a tagged passage) and `Relation` (a typed link between two annotations).

use serde::{Deserialize, Serialize};

use super::Span;

/// A passage of a document tagged with a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within the project.
    pub id: String,
    /// A `labels[].id` of the project.
    pub label: String,
    /// First char of the passage (char offset into the document's text).
    pub start: usize,
    /// One past the last char (char offset, end-exclusive).
    pub end: usize,
    /// The text of `[start, end)` when the annotation was made; checked on every load.
    pub quote: String,
    /// The analyst's note.
    #[serde(default)]
    pub note: String,
    /// RFC 3339 UTC.
    #[serde(default)]
    pub created: String,
    /// RFC 3339 UTC.
    #[serde(default)]
    pub modified: String,
    /// In a merged project: the analysts whose projects had this annotation. Empty otherwise,
    /// and then left out of the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analysts: Vec<String>,
    /// How the annotation was made: by hand (the default, left out of the file) or by
    /// accepting a suggestion.
    #[serde(default, skip_serializing_if = "Origin::is_by_hand")]
    pub origin: Origin,
}

/// How an annotation came to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// An analyst made it.
    #[default]
    ByHand,
    /// An analyst accepted a proposal of this suggestion rule ("attribution.that").
    Suggested { rule: String },
}

impl Origin {
    #[must_use]
    pub fn is_by_hand(&self) -> bool {
        *self == Self::ByHand
    }

    /// The rule a suggested annotation came from.
    #[must_use]
    pub fn rule(&self) -> Option<&str> {
        match self {
            Self::ByHand => None,
            Self::Suggested { rule } => Some(rule),
        }
    }
}

impl Annotation {
    /// The passage as a char span.
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// An annotation `[start, end)` (chars) with empty quote, note and times: for code and tests
    /// that read only spans and labels. It fails validation until its quote is set.
    #[must_use]
    pub fn bare(id: &str, label: &str, start: usize, end: usize) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            start,
            end,
            quote: String::new(),
            note: String::new(),
            created: String::new(),
            modified: String::new(),
            analysts: Vec::new(),
            origin: crate::model::Origin::ByHand,
        }
    }

    /// The order annotations are kept and saved in: `(start, end, id)`.
    #[must_use]
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.start, self.end, &self.id)
    }
}

/// The kind of relation that ties a fragment of a passage coded in pieces to the fragment before
/// it (from the later to the earlier, both of one label): brat's discontinuous passages
/// (`T1\tclaim 0 5;9 14`) are imported as one annotation per fragment tied this way, and exported
/// back as one.
pub const CONTINUES: &str = "continues";

/// A typed, directed link between two annotations of the same document (e.g. a claim
/// `attributed_to` a source).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Unique within the project.
    pub id: String,
    /// What the link means, e.g. `attributed_to`.
    pub kind: String,
    /// Id of the annotation the link starts at.
    pub from: String,
    /// Id of the annotation the link points to.
    pub to: String,
    /// The analyst's note.
    #[serde(default)]
    pub note: String,
}
