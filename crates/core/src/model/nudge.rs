//! Moving one boundary of a span by a word (Alt+←/→ in the window). Offsets are chars
//! (Unicode scalar values); a word is a run of word chars as in [`super::snap`].

use super::{OffsetIndex, Span, snap};

/// Which end of a span moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    Start,
    End,
}

/// Which way it moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Back,
    Forward,
}

/// `span` with `boundary` moved by one word in `direction`: a start moves to the start of the
/// previous or next word, an end to the end of the previous or next word. `None` when the move
/// would leave the span empty or inverted, or there is no word to move to.
#[must_use]
pub fn nudge(
    text: &str,
    index: &OffsetIndex,
    span: Span,
    boundary: Boundary,
    direction: Direction,
) -> Option<Span> {
    let at = index.byte_from_char(text, span.at(boundary))?;
    let moved = match (boundary, direction) {
        (Boundary::Start, Direction::Forward) => {
            skip_forward(text, skip_forward(text, at, true), false)
        }
        (Boundary::Start, Direction::Back) => skip_back(text, skip_back(text, at, false), true),
        (Boundary::End, Direction::Forward) => {
            skip_forward(text, skip_forward(text, at, false), true)
        }
        (Boundary::End, Direction::Back) => skip_back(text, skip_back(text, at, true), false),
    };
    let moved = index.char_from_byte(text, moved)?;
    let result = match boundary {
        Boundary::Start => Span::new(moved, span.end),
        Boundary::End => Span::new(span.start, moved),
    };
    (moved != span.at(boundary) && result.start < result.end).then_some(result)
}

impl Span {
    fn at(self, boundary: Boundary) -> usize {
        match boundary {
            Boundary::Start => self.start,
            Boundary::End => self.end,
        }
    }
}

/// The byte offset after the run of word chars (`words`) or non-word chars starting at `byte`.
fn skip_forward(text: &str, byte: usize, words: bool) -> usize {
    text[byte..]
        .char_indices()
        .find(|&(_, c)| snap::is_word_char(c) != words)
        .map_or(text.len(), |(i, _)| byte + i)
}

/// The byte offset of the start of the run of word chars (`words`) or non-word chars ending at
/// `byte`.
fn skip_back(text: &str, byte: usize, words: bool) -> usize {
    text[..byte]
        .char_indices()
        .rev()
        .find(|&(_, c)| snap::is_word_char(c) != words)
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "States must prevent harm, and éé act.";

    fn run(
        span: (usize, usize),
        boundary: Boundary,
        direction: Direction,
    ) -> Option<(usize, usize)> {
        let index = OffsetIndex::new(TEXT);
        nudge(TEXT, &index, Span::new(span.0, span.1), boundary, direction)
            .map(|s| (s.start, s.end))
    }

    #[test]
    fn boundaries_move_by_whole_words() {
        use Boundary::*;
        use Direction::*;
        // "must prevent" = 7..19
        let cases = [
            ((7, 19), Start, Back, Some((0, 19))),
            ((7, 19), Start, Forward, Some((12, 19))),
            ((7, 19), End, Forward, Some((7, 24))),
            ((7, 19), End, Back, Some((7, 11))),
            ((30, 32), End, Forward, Some((30, 36))),
            ((26, 36), Start, Forward, Some((30, 36))),
        ];
        for (span, boundary, direction, expected) in cases {
            assert_eq!(
                run(span, boundary, direction),
                expected,
                "{span:?} {boundary:?} {direction:?}"
            );
        }
    }

    #[test]
    fn a_move_that_would_empty_the_span_is_refused() {
        assert_eq!(run((7, 11), Boundary::Start, Direction::Forward), None);
        assert_eq!(run((7, 11), Boundary::End, Direction::Back), None);
        assert_eq!(run((0, 6), Boundary::Start, Direction::Back), None);
        assert_eq!(run((30, 37), Boundary::End, Direction::Forward), None);
    }
}
