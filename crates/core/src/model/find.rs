//! Finding text in a document: every occurrence of a query, ignoring case, as char spans
//! (Unicode scalar values, end-exclusive) of the text.

use super::Span;

/// The most hits reported; a query that matches more is too broad to step through.
pub const MAX_HITS: usize = 10_000;

/// A char compared without case (its first lowercase char, so lengths stay one char each).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every non-overlapping occurrence of `query` in `text`, ignoring case, in order (at most
/// [`MAX_HITS`]). An empty or blank query finds nothing.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if query.trim().is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut hits = Vec::new();
    let mut at = 0;
    while at + needle.len() <= hay.len() && hits.len() < MAX_HITS {
        if hay[at] == needle[0] && hay[at..at + needle.len()] == needle[..] {
            hits.push(Span::new(at, at + needle.len()));
            at += needle.len();
        } else {
            at += 1;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_char_spans_found_without_case() {
        let text = "État et état: ÉTAT 👍🏽 état";
        let hits = find_all(text, "état");
        assert_eq!(hits.len(), 4);
        assert_eq!(hits[0], Span::new(0, 4));
        assert_eq!(hits[3], Span::new(22, 26));
        let quote: String = text.chars().skip(22).take(4).collect();
        assert_eq!(quote, "état");
        assert!(find_all(text, "  ").is_empty());
        assert_eq!(find_all("aaaa", "aa").len(), 2);
    }
}
