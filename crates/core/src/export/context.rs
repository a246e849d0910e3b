//! The text around a passage, as CSV's context columns and W3C's prefix and suffix give it.

use crate::model::Document;

/// How many chars of context exports give on each side of a passage.
pub const CONTEXT_CHARS: usize = 32;

/// Up to `n` chars of `doc`'s text before char offset `start`.
#[must_use]
pub fn before(doc: &Document, start: usize, n: usize) -> &str {
    doc.quote(crate::model::Span::new(start.saturating_sub(n), start))
        .unwrap_or_default()
}

/// Up to `n` chars of `doc`'s text from char offset `end`.
#[must_use]
pub fn after(doc: &Document, end: usize, n: usize) -> &str {
    let stop = (end + n).min(doc.char_len());
    doc.quote(crate::model::Span::new(end.min(stop), stop))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_counts_chars_and_stops_at_the_edges() {
        let doc = Document::new("d", "D", "👍🏾 abc def".into());
        assert_eq!(before(&doc, 3, 32), "👍🏾 ");
        assert_eq!(before(&doc, 6, 2), "bc");
        assert_eq!(after(&doc, 6, 2), " d");
        assert_eq!(after(&doc, 9, 32), "f");
        assert_eq!(after(&doc, 11, 32), "");
    }
}
