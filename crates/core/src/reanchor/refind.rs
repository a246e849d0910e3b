//! Finding a quote again in a changed text, fuzzily, by its words and the text around it, with a
//! confidence score. All offsets are chars.
//!
//! Candidates are the place the diff carries the old span to, and the places where the quote
//! occurs verbatim (the nearest [`MAX_VERBATIM`] of them). Each is scored
//! `quote similarity × (0.8 + 0.2 × context similarity)`, where similarity is the share of
//! chars a char diff keeps (1.0 = the same) after runs of whitespace, no-break spaces included,
//! are made one space. Two non-overlapping candidates scoring within [`AMBIGUITY_MARGIN`] of each
//! other make the result ambiguous: the analyst decides.

use std::time::Duration;

use similar::TextDiff;

use super::char_map::CharMap;
use crate::model::{Document, Span, snap};

/// At most this many verbatim occurrences of a quote are scored, the nearest to where it was.
pub const MAX_VERBATIM: usize = 64;

/// A runner-up this close to the best (and elsewhere) makes the match ambiguous.
pub const AMBIGUITY_MARGIN: f64 = 0.05;

/// A char diff of two quotes may take this long before it settles for a coarser ratio.
const SIMILARITY_BUDGET: Duration = Duration::from_millis(50);

/// What is being looked for: a quote with the text around it, from an earlier version.
pub struct Wanted<'a> {
    pub quote: &'a str,
    pub before: &'a str,
    pub after: &'a str,
    /// Where the diff carries the old span (may be empty when its text was deleted).
    pub near: Option<Span>,
}

/// The best place found and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub span: Span,
    /// 0.0–1.0.
    pub confidence: f64,
    /// Another place, elsewhere, scores nearly as well.
    pub ambiguous: bool,
}

/// `text` with every run of whitespace made one space.
fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// 0.0–1.0: how much of two texts a char diff keeps, whitespace runs counted as one space.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (normalised(a), normalised(b));
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    f64::from(
        TextDiff::configure()
            .timeout(SIMILARITY_BUDGET)
            .diff_chars(a.as_str(), b.as_str())
            .ratio(),
    )
}

/// 0.0–1.0: how well the text around `span` matches the wanted context, weighted by length.
fn context_similarity(doc: &Document, span: Span, wanted: &Wanted) -> f64 {
    let before_len = wanted.before.chars().count();
    let after_len = wanted.after.chars().count();
    if before_len + after_len == 0 {
        return 1.0;
    }
    let before = similarity(wanted.before, doc.text_before(span.start, before_len));
    let after = similarity(wanted.after, doc.text_after(span.end, after_len));
    #[allow(clippy::cast_precision_loss)] // context lengths are tens of chars
    let weighted =
        (before * before_len as f64 + after * after_len as f64) / (before_len + after_len) as f64;
    weighted
}

/// The char spans where `quote` occurs verbatim in `doc`, nearest to `near` first, at most
/// [`MAX_VERBATIM`].
fn verbatim(doc: &Document, quote: &str, near: usize) -> Vec<Span> {
    if quote.is_empty() {
        return Vec::new();
    }
    let len = quote.chars().count();
    let mut spans: Vec<Span> = doc
        .text()
        .match_indices(quote)
        .filter_map(|(byte, _)| doc.offsets().char_from_byte(doc.text(), byte))
        .map(|start| Span::new(start, start + len))
        .collect();
    spans.sort_by_key(|s| s.start.abs_diff(near));
    spans.truncate(MAX_VERBATIM);
    spans
}

/// `span` on grapheme edges, without the whitespace at its edges that the quote does not have.
fn tidied(doc: &Document, span: Span, quote: &str) -> Span {
    let mut span = snap::to_graphemes(doc.text(), doc.offsets(), span);
    let Some(text) = doc.quote(span) else {
        return span;
    };
    if !quote.starts_with(char::is_whitespace) {
        span.start += text.chars().take_while(|c| c.is_whitespace()).count();
    }
    if !quote.ends_with(char::is_whitespace) {
        let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
        span.end = span.end.saturating_sub(trailing).max(span.start);
    }
    span
}

/// Finds the wanted quote in `doc` (the new text); `None` when there is no candidate at all.
#[must_use]
pub fn refind(doc: &Document, wanted: &Wanted) -> Option<Found> {
    let near = wanted.near.map_or(0, |s| s.start);
    let mut scored: Vec<(Span, f64)> = verbatim(doc, wanted.quote, near)
        .into_iter()
        .map(|span| (span, 0.8 + 0.2 * context_similarity(doc, span, wanted)))
        .collect();
    if let Some(span) = wanted.near.map(|s| tidied(doc, s, wanted.quote))
        && !span.is_empty()
        && !scored.iter().any(|(s, _)| *s == span)
    {
        let quote = similarity(wanted.quote, doc.quote(span).unwrap_or_default());
        scored.push((
            span,
            quote * (0.8 + 0.2 * context_similarity(doc, span, wanted)),
        ));
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, confidence) = *scored.first()?;
    let ambiguous = scored[1..]
        .iter()
        .any(|(span, score)| confidence - score < AMBIGUITY_MARGIN && !span.overlaps(best));
    Some(Found {
        span: best,
        confidence,
        ambiguous,
    })
}

/// The context of `span` in `doc` that an orphan keeps: `count` chars before and after.
#[must_use]
pub fn context_of(doc: &Document, span: Span, count: usize) -> (String, String) {
    (
        doc.text_before(span.start, count).to_owned(),
        doc.text_after(span.end, count).to_owned(),
    )
}

/// Where the diff carries `span` of the old text, if anywhere.
#[must_use]
pub fn near(map: &CharMap, span: Span) -> Option<Span> {
    let near = map.span_near(span);
    (!near.is_empty()).then_some(near)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_ignores_whitespace_kinds_and_grades_edits() {
        assert!((similarity("10\u{a0}000 euros", "10 000  euros") - 1.0).abs() < 1e-9);
        let typo = similarity("the goverment said", "the government said");
        assert!(typo > 0.95 && typo < 1.0, "{typo}");
        assert!(similarity("completely different", "nothing alike here") < 0.6);
        assert!(similarity("", "x").abs() < 1e-9);
    }

    #[test]
    fn a_repeated_quote_is_placed_by_its_context_or_called_ambiguous() {
        let doc = Document::new(
            "d",
            "T",
            "The minister said no. Later, the minister said no. Then rain.".into(),
        );
        let by_context = Wanted {
            quote: "the minister said no",
            before: "Later, ",
            after: ". Then rain.",
            near: None,
        };
        let found = refind(&doc, &by_context).unwrap();
        assert_eq!(found.span, Span::new(29, 49));
        assert!(!found.ambiguous && found.confidence > 0.95);
        let no_context = Wanted {
            quote: "minister said no",
            before: "",
            after: "",
            near: None,
        };
        assert!(refind(&doc, &no_context).unwrap().ambiguous);
    }
}
