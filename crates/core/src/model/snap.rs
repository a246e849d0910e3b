//! Snapping spans to grapheme clusters and to whole words. All offsets are chars.
//!
//! A span never starts or ends inside a grapheme cluster (a flag, an emoji with a skin tone or a
//! ZWJ sequence, a letter with its combining accent): [`to_graphemes`] widens a span outwards to
//! the nearest cluster boundaries. [`to_words`] is the "snap to words" of the window: it grows a
//! span to whole words and leaves out surrounding spaces and punctuation.

use unicode_segmentation::GraphemeCursor;

use super::{OffsetIndex, Span};

/// Whether byte offset `byte` of `text` lies on a grapheme cluster boundary.
#[must_use]
pub fn is_grapheme_boundary_byte(text: &str, byte: usize) -> bool {
    if byte == 0 || byte >= text.len() {
        return byte <= text.len();
    }
    if !text.is_char_boundary(byte) {
        return false;
    }
    GraphemeCursor::new(byte, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

/// Whether char offset `char` of `text` lies on a grapheme cluster boundary.
#[must_use]
pub fn is_grapheme_boundary(text: &str, index: &OffsetIndex, char: usize) -> bool {
    index
        .byte_from_char(text, char)
        .is_some_and(|byte| is_grapheme_boundary_byte(text, byte))
}

/// The nearest grapheme boundary at or before byte offset `byte` (a char boundary).
fn boundary_at_or_before(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary_byte(text, byte) {
        return byte;
    }
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The nearest grapheme boundary at or after byte offset `byte` (a char boundary).
fn boundary_at_or_after(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary_byte(text, byte) {
        return byte;
    }
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// Widens `span` so that both ends lie on grapheme boundaries; clamps it to the text first.
#[must_use]
pub fn to_graphemes(text: &str, index: &OffsetIndex, span: Span) -> Span {
    let len = index.char_len();
    let span = Span::new(span.start.min(len), span.end.min(len));
    let (Some(start), Some(end)) = (
        index.byte_from_char(text, span.start),
        index.byte_from_char(text, span.end),
    ) else {
        return span;
    };
    let start = boundary_at_or_before(text, start);
    let end = boundary_at_or_after(text, end.max(start));
    Span::new(
        index.char_from_byte(text, start).unwrap_or(span.start),
        index.char_from_byte(text, end).unwrap_or(span.end),
    )
}

/// Whether `c` belongs to a word: letters, digits and combining marks (and joiners inside emoji).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == '\u{200D}' || is_emoji_like(c)
}

/// Combining marks, variation selectors and emoji modifiers: never a word's edge on their own.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Pictographs and regional indicators: treated as word chars so emoji can be tagged as words.
fn is_emoji_like(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF)
}

/// Punctuation that joins two word chars into one word: "don’t", "well-known", "3.5".
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '-' | '‐' | '\u{2011}' | '.' | ',' | '_' | '·'
    )
}

/// The char before byte offset `byte`, with its byte offset.
fn char_before(text: &str, byte: usize) -> Option<(usize, char)> {
    text.get(..byte)?.char_indices().next_back()
}

/// The char at byte offset `byte`.
fn char_at(text: &str, byte: usize) -> Option<char> {
    text.get(byte..)?.chars().next()
}

/// Grows `span` to whole words and trims surrounding whitespace and punctuation.
///
/// Returns `None` when the span holds no word char at all (only spaces or punctuation); the
/// caller then keeps the selection as it is, snapped to graphemes. The result is always
/// grapheme-aligned.
#[must_use]
pub fn to_words(text: &str, index: &OffsetIndex, span: Span) -> Option<Span> {
    let range = index.byte_range(text, to_graphemes(text, index, span))?;
    let (mut start, mut end) = (range.start, range.end);
    // Trim everything that is not a word char from both ends.
    while start < end {
        match char_at(text, start) {
            Some(c) if !is_word_char(c) => start += c.len_utf8(),
            _ => break,
        }
    }
    while end > start {
        match char_before(text, end) {
            Some((at, c)) if !is_word_char(c) => end = at,
            _ => break,
        }
    }
    if start == end {
        return None;
    }
    // Grow outwards over word chars, and over a joiner with a word char on its far side.
    loop {
        match char_before(text, start) {
            Some((at, c)) if is_word_char(c) => start = at,
            Some((at, c))
                if is_joiner(c)
                    && char_before(text, at).is_some_and(|(_, b)| b.is_alphanumeric()) =>
            {
                start = at;
            }
            _ => break,
        }
    }
    loop {
        match char_at(text, end) {
            Some(c) if is_word_char(c) => end += c.len_utf8(),
            Some(c)
                if is_joiner(c)
                    && char_at(text, end + c.len_utf8()).is_some_and(char::is_alphanumeric) =>
            {
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    let words = Span::new(
        index.char_from_byte(text, start)?,
        index.char_from_byte(text, end)?,
    );
    Some(to_graphemes(text, index, words))
}

/// The word a double-click on char `at` selects: the whole word around it, also when `at` is the
/// hyphen or apostrophe inside one ("multi-stakeholder", "don’t"). `None` on a space or on
/// punctuation between words.
#[must_use]
pub fn word_at(text: &str, index: &OffsetIndex, at: usize) -> Option<Span> {
    let inside = index
        .byte_from_char(text, at)
        .and_then(|byte| Some((byte, char_at(text, byte)?)))
        .filter(|&(byte, c)| {
            is_joiner(c)
                && char_before(text, byte).is_some_and(|(_, b)| b.is_alphanumeric())
                && char_at(text, byte + c.len_utf8()).is_some_and(char::is_alphanumeric)
        });
    let span = match inside {
        Some(_) => Span::new(at.saturating_sub(1), at + 2),
        None => Span::new(at, at + 1),
    };
    to_words(text, index, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, span: Span) -> String {
        text.chars().skip(span.start).take(span.len()).collect()
    }

    /// Char offset of the first occurrence of `needle` in `text`.
    fn at(text: &str, needle: &str) -> usize {
        text[..text.find(needle).expect("needle in text")]
            .chars()
            .count()
    }

    #[test]
    fn grapheme_snapping_never_splits_a_cluster() {
        // (text, a char offset inside a cluster, the cluster as a quote)
        let cases = [
            ("x e\u{301} y", 3, "e\u{301}"),
            ("flag 🇫🇷 here", 6, "🇫🇷"),
            ("tone 👍🏾 ok", 6, "👍🏾"),
            ("zwj 👩‍👩‍👧 fam", 6, "👩‍👩‍👧"),
            (
                "jamo \u{1112}\u{1161}\u{11AB} x",
                6,
                "\u{1112}\u{1161}\u{11AB}",
            ),
        ];
        for (text, inside, cluster) in cases {
            let index = OffsetIndex::new(text);
            let snapped = to_graphemes(text, &index, Span::new(inside, inside));
            assert_eq!(quote(text, snapped), cluster, "in {text:?}");
            assert!(is_grapheme_boundary(text, &index, snapped.start));
            assert!(is_grapheme_boundary(text, &index, snapped.end));
        }
    }

    #[test]
    fn word_snapping_grows_to_words_and_drops_punctuation() {
        // (text, selection start needle + offset, selection end needle + offset, expected quote)
        let text =
            "States should not “knowingly allow” harm—ever… Don’t we agree? Café e\u{301}té 3.5%";
        let cases = [
            (("tates", 0), ("shou", 3), "States should"),
            (("“know", 0), ("allow”", 6), "knowingly allow"),
            (("harm", 2), ("ever", 2), "harm—ever"),
            (("Don", 1), ("Don", 2), "Don’t"),
            (("agree", 0), ("agree?", 6), "agree"),
            (("Café", 3), ("Café", 4), "Café"),
            (("e\u{301}té", 1), ("e\u{301}té", 2), "e\u{301}té"),
            (("3.5", 0), ("3.5", 1), "3.5"),
        ];
        let index = OffsetIndex::new(text);
        for ((a, da), (b, db), expected) in cases {
            let span = Span::new(at(text, a) + da, at(text, b) + db);
            let snapped = to_words(text, &index, span).expect("a word");
            assert_eq!(quote(text, snapped), expected, "selection {span}");
        }
        let only_punct = Span::new(at(text, "… "), at(text, "… ") + 2);
        assert_eq!(to_words(text, &index, only_punct), None);
    }

    #[test]
    fn a_word_is_found_wherever_in_it_the_click_lands() {
        let text = "A multi-stakeholder, well\u{2011}known approach; don’t — ok.";
        let index = OffsetIndex::new(text);
        let words = [
            ("multi-stakeholder", "multi-stakeholder"),
            ("well\u{2011}known", "well\u{2011}known"),
            ("don’t", "don’t"),
        ];
        for (word, expected) in words {
            let start = at(text, word);
            for offset in start..start + word.chars().count() {
                let found = word_at(text, &index, offset).map(|s| quote(text, s));
                assert_eq!(found.as_deref(), Some(expected), "clicked at {offset}");
            }
        }
        assert_eq!(word_at(text, &index, at(text, " —")), None, "a space");
        assert_eq!(
            word_at(text, &index, at(text, "—")),
            None,
            "a dash between words"
        );
    }

    proptest::proptest! {
        #[test]
        fn snapped_spans_are_grapheme_aligned_and_inside_the_text(
            text in "(\\PC|e\u{301}|🇪🇺|👍🏾|👩‍👩‍👧| |\\.){0,60}",
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let index = OffsetIndex::new(&text);
            let span = Span::between(a, b);
            let snapped = to_graphemes(&text, &index, span);
            proptest::prop_assert!(snapped.end <= index.char_len());
            proptest::prop_assert!(is_grapheme_boundary(&text, &index, snapped.start));
            proptest::prop_assert!(is_grapheme_boundary(&text, &index, snapped.end));
            if let Some(words) = to_words(&text, &index, span) {
                proptest::prop_assert!(!words.is_empty() && words.end <= index.char_len());
                proptest::prop_assert!(is_grapheme_boundary(&text, &index, words.start));
                proptest::prop_assert!(is_grapheme_boundary(&text, &index, words.end));
            }
        }
    }
}
