//! Which annotation a click on overlapping highlights selects: the innermost first, then each
//! further click the next one out, round again.

use crate::model::Document;

/// The annotation a click at char `offset` selects, given the current selection.
#[must_use]
pub fn next_at(doc: &Document, offset: usize, selected: Option<&str>) -> Option<String> {
    let covering = doc.covering_innermost_first(offset);
    let current = selected.and_then(|id| covering.iter().position(|a| a.id == id));
    let next = match current {
        Some(i) => (i + 1) % covering.len(),
        None => 0,
    };
    covering.get(next).map(|a| a.id.clone())
}
