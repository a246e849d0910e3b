//! A proposal the analyst rejected: kept in its document so that the same proposal (the same
//! label over the same text) is not made again. Offsets are chars, end-exclusive.

use serde::{Deserialize, Serialize};

use super::Span;

/// One rejected proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The label the proposal would have coded the passage with.
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The text of `[start, end)` when it was rejected: a rejection holds only for that text.
    pub quote: String,
    /// The rule that made the proposal.
    #[serde(default)]
    pub rule: String,
}

impl Rejection {
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
