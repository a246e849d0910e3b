//! Which annotation a click on overlapping highlights selects: the innermost first, then each
//! further click the next one out, round again.

use crate::model::{Annotation, Document};

/// The annotations covering char `offset`, innermost (shortest) first; ties by later start.
#[must_use]
pub fn covering_innermost_first(doc: &Document, offset: usize) -> Vec<&Annotation> {
    let mut covering: Vec<&Annotation> = doc.annotations_covering(offset).collect();
    covering.sort_by(|a, b| {
        (a.end - a.start)
            .cmp(&(b.end - b.start))
            .then(b.start.cmp(&a.start))
            .then(a.id.cmp(&b.id))
    });
    covering
}

/// The annotation a click at char `offset` selects, given the current selection.
#[must_use]
pub fn next_at(doc: &Document, offset: usize, selected: Option<&str>) -> Option<String> {
    let covering = covering_innermost_first(doc, offset);
    let current = selected.and_then(|id| covering.iter().position(|a| a.id == id));
    let next = match current {
        Some(i) => (i + 1) % covering.len(),
        None => 0,
    };
    covering.get(next).map(|a| a.id.clone())
}
