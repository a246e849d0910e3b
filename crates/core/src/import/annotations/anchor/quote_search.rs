//! Finding an annotation by its quote when its position does not read it: the occurrence whose
//! prefix and suffix match best, then the one nearest its position.

use super::frames::{Frame, Placement, TextVersions, normalised_quote};
use crate::{import::annotations::ForeignAnnotation, import::normalise, model::Span};

/// Finds `a` by its quote: the occurrence whose prefix and suffix match best, then the one nearest
/// its position. Several equally good occurrences with nothing to choose between them fail.
pub(super) fn find_by_quote(
    texts: &TextVersions<'_>,
    frame: Frame,
    a: &ForeignAnnotation,
) -> Placement {
    let Some(quote) = normalised_quote(a).filter(|q| !q.is_empty()) else {
        return Placement::Failed(match a.position {
            Some(p) if p.start >= p.end => format!("its passage {}..{} is empty", p.start, p.end),
            Some(p) => format!("its position {}..{} is not in the text", p.start, p.end),
            None => "it has neither a position nor a quote".to_owned(),
        });
    };
    let hint = a
        .position
        .and_then(|p| texts.span(frame, p.start, p.start.max(p.end)))
        .map(|s| s.start);
    let prefix = a.prefix.as_deref().map(|p| normalise(p).0);
    let suffix = a.suffix.as_deref().map(|s| normalise(s).0);
    let text = texts.text;
    let mut candidates = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(quote.as_str()) {
        let byte = from + found;
        let end_byte = byte + quote.len();
        let score = usize::from(
            prefix
                .as_deref()
                .is_some_and(|p| !p.is_empty() && text[..byte].ends_with(p)),
        ) + usize::from(
            suffix
                .as_deref()
                .is_some_and(|s| !s.is_empty() && text[end_byte..].starts_with(s)),
        );
        candidates.push((byte, end_byte, score));
        from = byte + text[byte..].chars().next().map_or(1, char::len_utf8);
    }
    if candidates.is_empty() {
        return Placement::Failed("its quote is not in the text".to_owned());
    }
    let best_score = candidates.iter().map(|c| c.2).max().unwrap_or(0);
    let best: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.2 == best_score)
        .map(|c| (c.0, c.1))
        .collect();
    let to_span = |(b, e): (usize, usize)| {
        let start = texts.index.char_from_byte(text, b).unwrap_or(0);
        let end = texts.index.char_from_byte(text, e).unwrap_or(start);
        Span::new(start, end)
    };
    let chosen = match (best.len(), hint) {
        (1, _) => to_span(best[0]),
        (_, Some(hint)) => best
            .into_iter()
            .map(to_span)
            .min_by_key(|s| s.start.abs_diff(hint))
            .unwrap_or_default(),
        (n, None) => {
            return Placement::Failed(format!(
                "its quote occurs {n} times in the text and nothing tells which is meant"
            ));
        }
    };
    Placement::ByQuote(chosen)
}
