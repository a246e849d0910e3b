//! `CharMap`: where each char of an old text went in a new one, from a word-level diff of the
//! two (the `similar` crate's patience diff). All offsets are chars.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Span;

/// How long the diff may take before it settles for a coarser (still correct) answer.
const DIFF_BUDGET: Duration = Duration::from_secs(2);

/// A run of the old text and the run of the new text it became: the same text when `equal`,
/// else a replacement (either side may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    old_start: usize,
    old_len: usize,
    new_start: usize,
    new_len: usize,
    equal: bool,
}

impl Piece {
    fn old_end(&self) -> usize {
        self.old_start + self.old_len
    }
}

/// The diff between two texts as a map from old char offsets to new ones.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// In order; together they cover both texts without gaps.
    pieces: Vec<Piece>,
    new_len: usize,
}

/// The text split into words, spaces and punctuation, with the char offset where each begins
/// (and one past the end).
fn tokens(text: &str) -> (Vec<&str>, Vec<usize>) {
    let words: Vec<&str> = text.split_word_bounds().collect();
    let mut starts = Vec::with_capacity(words.len() + 1);
    let mut at = 0;
    for word in &words {
        starts.push(at);
        at += word.chars().count();
    }
    starts.push(at);
    (words, starts)
}

impl CharMap {
    /// Diffs `old` against `new` word by word.
    #[must_use]
    pub fn between(old: &str, new: &str) -> Self {
        let (old_words, old_at) = tokens(old);
        let (new_words, new_at) = tokens(new);
        let deadline = Instant::now() + DIFF_BUDGET;
        let ops = capture_diff_slices_deadline(
            Algorithm::Patience,
            &old_words,
            &new_words,
            Some(deadline),
        );
        let piece = |old: (usize, usize), new: (usize, usize), equal| Piece {
            old_start: old_at[old.0],
            old_len: old_at[old.0 + old.1] - old_at[old.0],
            new_start: new_at[new.0],
            new_len: new_at[new.0 + new.1] - new_at[new.0],
            equal,
        };
        let pieces = ops
            .iter()
            .map(|op| match *op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => piece((old_index, len), (new_index, len), true),
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => piece((old_index, old_len), (new_index, 0), false),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => piece((old_index, 0), (new_index, new_len), false),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => piece((old_index, old_len), (new_index, new_len), false),
            })
            .collect();
        Self {
            pieces,
            new_len: new_at.last().copied().unwrap_or(0),
        }
    }

    /// The piece holding old char `offset` (pure insertions hold no char).
    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let after = self.pieces.partition_point(|p| p.old_start <= offset);
        self.pieces[..after]
            .iter()
            .rev()
            .find(|p| p.old_len > 0)
            .filter(|p| offset < p.old_end())
    }

    /// Where `span` is in the new text if none of its chars was touched by an edit.
    #[must_use]
    pub fn unchanged(&self, span: Span) -> Option<Span> {
        if span.is_empty() {
            return None;
        }
        let piece = self.piece_at(span.start)?;
        (piece.equal && span.end <= piece.old_end()).then(|| {
            let shift = |o: usize| o - piece.old_start + piece.new_start;
            Span::new(shift(span.start), shift(span.end))
        })
    }

    /// Where old char `offset` most likely is in the new text: exact in unchanged text, in
    /// proportion inside a replaced run. Rounds down (for a start).
    #[must_use]
    pub fn start_near(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            None => self.new_len,
            Some(p) if p.equal => offset - p.old_start + p.new_start,
            Some(p) => p.new_start + (offset - p.old_start) * p.new_len / p.old_len,
        }
    }

    /// Where old end offset `end` (exclusive) most likely is in the new text; rounds up.
    #[must_use]
    pub fn end_near(&self, end: usize) -> usize {
        let Some(last) = end.checked_sub(1) else {
            return self.start_near(0);
        };
        match self.piece_at(last) {
            None => self.new_len,
            Some(p) if p.equal => end - p.old_start + p.new_start,
            Some(p) => p.new_start + ((end - p.old_start) * p.new_len).div_ceil(p.old_len),
        }
    }

    /// `span` carried to the new text by [`Self::start_near`] and [`Self::end_near`]; may be
    /// empty when its text was deleted.
    #[must_use]
    pub fn span_near(&self, span: Span) -> Span {
        let start = self.start_near(span.start);
        Span::new(start, self.end_near(span.end).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_spans_shift_and_touched_ones_do_not_map_exactly() {
        let old = "Alpha beta gamma. Delta epsilon.";
        let new = "Intro. Alpha beta gama. Delta epsilon!";
        let map = CharMap::between(old, new);
        // "Alpha beta" moved by 7.
        assert_eq!(map.unchanged(Span::new(0, 10)), Some(Span::new(7, 17)));
        // "gamma" was edited.
        assert_eq!(map.unchanged(Span::new(11, 16)), None);
        assert_eq!(map.span_near(Span::new(11, 16)), Span::new(18, 22));
        // "Delta epsilon" moved by 6 (one char shorter "gama").
        assert_eq!(map.unchanged(Span::new(18, 31)), Some(Span::new(24, 37)));
        // A span across the edit is not unchanged.
        assert_eq!(map.unchanged(Span::new(6, 20)), None);
    }

    #[test]
    fn deleted_text_maps_to_an_empty_span_and_offsets_count_chars() {
        let old = "Ünïcødé 👩🏽‍🔬 first.\n\nGone paragraph.\n\nLast.";
        let new = "Ünïcødé 👩🏽‍🔬 first.\n\nLast.";
        let map = CharMap::between(old, new);
        let gone = old.find("Gone").map(|b| old[..b].chars().count()).unwrap();
        assert!(map.span_near(Span::new(gone, gone + 4)).is_empty());
        let last = old.chars().count() - 5;
        let new_last = new.chars().count() - 5;
        assert_eq!(
            map.unchanged(Span::new(last, last + 4)),
            Some(Span::new(new_last, new_last + 4))
        );
        assert_eq!(map.unchanged(Span::new(0, 7)), Some(Span::new(0, 7)));
    }
}
