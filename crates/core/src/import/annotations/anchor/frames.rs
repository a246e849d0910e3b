//! The frames positions may be read in — unit (chars, UTF-16 or bytes) × newlines (over the text
//! as the file holds it, or with CRLF already counted as one char) —, an annotation placed at its
//! position in one frame, and the vote for the frame that places most annotations exactly.

use crate::{
    import::annotations::{ForeignAnnotation, ForeignDocument, UnitChoice},
    import::normalise,
    model::{OffsetIndex, OffsetUnit, Span, snap},
};

/// How positions are read: in which unit, and whether over the text as the file holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Frame {
    pub unit: OffsetUnit,
    /// Positions count the file's text with its CRLFs (`true`) or the normalised text.
    raw: bool,
}

/// The two versions of a document's text its positions may count in: as the file holds it (raw,
/// CRLFs kept) and as it is stored (normalised), each with its offset index.
pub(super) struct TextVersions<'t> {
    raw: &'t str,
    raw_index: OffsetIndex,
    pub text: &'t str,
    pub index: OffsetIndex,
    /// `removed[k]`: how many chars normalising drops before raw char `k` (each CR of a CRLF).
    removed: Vec<usize>,
}

impl<'t> TextVersions<'t> {
    pub fn new(raw: &'t str, text: &'t str) -> Self {
        let mut removed = Vec::new();
        if raw.contains('\r') {
            let chars: Vec<char> = raw.chars().collect();
            removed.reserve(chars.len() + 1);
            let mut dropped = 0;
            for (k, c) in chars.iter().enumerate() {
                removed.push(dropped);
                if *c == '\r' && chars.get(k + 1) == Some(&'\n') {
                    dropped += 1;
                }
            }
            removed.push(dropped);
        }
        Self {
            raw,
            raw_index: OffsetIndex::new(raw),
            text,
            index: OffsetIndex::new(text),
            removed,
        }
    }

    fn frames(&self, choice: UnitChoice) -> Vec<Frame> {
        let units = match choice {
            UnitChoice::Fixed(unit) => vec![unit],
            UnitChoice::Detect => vec![OffsetUnit::Chars, OffsetUnit::Utf16],
        };
        let raws: &[bool] = if self.removed.is_empty() {
            &[false]
        } else {
            &[false, true]
        };
        units
            .iter()
            .flat_map(|&unit| raws.iter().map(move |&raw| Frame { unit, raw }))
            .collect()
    }

    /// The char span of the normalised text that `[start, end)` in `frame` means.
    pub fn span(&self, frame: Frame, start: usize, end: usize) -> Option<Span> {
        let (text, index) = if frame.raw {
            (self.raw, &self.raw_index)
        } else {
            (self.text, &self.index)
        };
        let start = index.from_unit(text, start, frame.unit)?;
        let end = index.from_unit(text, end, frame.unit)?;
        if frame.raw {
            Some(Span::new(
                start - self.removed[start],
                end - self.removed[end],
            ))
        } else {
            Some(Span::new(start, end))
        }
    }

    pub fn quote(&self, span: Span) -> Option<&'t str> {
        let range = self.index.byte_range(self.text, span)?;
        self.text.get(range)
    }
}

/// Where an annotation lands, or why it does not.
pub(super) enum Placement {
    /// At its position; `widened` when it was moved out to whole grapheme clusters.
    Exact {
        span: Span,
        widened: bool,
    },
    /// Found by its quote.
    ByQuote(Span),
    Failed(String),
}

/// Places `a` by its position in `frame`: `None` when it has none or it is not a valid span;
/// `Failed` when it reads something other than its quote.
pub(super) fn place_at(
    texts: &TextVersions<'_>,
    frame: Frame,
    a: &ForeignAnnotation,
) -> Option<Placement> {
    let position = a.position?;
    let span = texts.span(frame, position.start, position.end)?;
    if span.is_empty() {
        return None;
    }
    if let Some(quote) = normalised_quote(a) {
        let reads = texts.quote(span)?;
        return Some(
            if reads == quote || reads.trim() == quote.trim() && !quote.trim().is_empty() {
                Placement::Exact {
                    span,
                    widened: false,
                }
            } else {
                Placement::Failed(format!(
                    "its position reads “{}”, not its quote",
                    crate::excerpt::shorten(reads, 40)
                ))
            },
        );
    }
    let whole = snap::to_graphemes(texts.text, &texts.index, span);
    Some(Placement::Exact {
        span: whole,
        widened: whole != span,
    })
}

/// The frame that places most of `doc`'s annotations exactly (their quote matches, or, without
/// quotes, they fall on whole characters); the earlier frame on a tie.
pub(super) fn best_frame(texts: &TextVersions<'_>, doc: &ForeignDocument) -> Option<Frame> {
    let frames = texts.frames(doc.unit);
    frames.iter().copied().max_by_key(|&frame| {
        let exact = doc
            .annotations
            .iter()
            .filter(|a| {
                matches!(
                    place_at(texts, frame, a),
                    Some(Placement::Exact { widened: false, .. })
                )
            })
            .count();
        // max_by_key keeps the last maximum, so rank the earlier frame higher.
        (
            exact,
            std::cmp::Reverse(frames.iter().position(|f| *f == frame)),
        )
    })
}

/// The quote as the normalised text would read it.
pub(super) fn normalised_quote(a: &ForeignAnnotation) -> Option<String> {
    a.quote.as_deref().map(|q| normalise(q).0)
}
