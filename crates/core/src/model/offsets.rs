//! Conversions between char offsets (the model's unit), UTF-8 byte offsets and UTF-16 code units.
//!
//! Every conversion in Marginalia goes through [`OffsetIndex`], built once per text. It keeps a
//! checkpoint every [`STRIDE`] chars, so a conversion is a binary search plus a scan of at most
//! `STRIDE` chars, and the index costs about `len / STRIDE * 24` bytes. Pure-ASCII texts (where
//! all three units agree) skip the table altogether.

/// A unit other tools count text positions in. Formats choose one at their edge; the model counts
/// chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OffsetUnit {
    /// Unicode scalar values (Rust `char`s, Python `str` indices): the model's own unit.
    Chars,
    /// UTF-16 code units (JavaScript, Java, .NET string indices).
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

impl OffsetUnit {
    /// Every unit, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::Chars, Self::Utf16, Self::Bytes];

    /// The name used on the command line and in files (`chars`, `utf16`, `bytes`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Chars => "chars",
            Self::Utf16 => "utf16",
            Self::Bytes => "bytes",
        }
    }

    /// What the unit is, for people.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Chars => "characters (code points)",
            Self::Utf16 => "UTF-16 code units",
            Self::Bytes => "UTF-8 bytes",
        }
    }
}

/// Chars between two checkpoints.
pub const STRIDE: usize = 64;

/// Where one checkpoint char sits in each unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checkpoint {
    /// UTF-8 byte offset of the checkpoint char.
    byte: usize,
    /// UTF-16 code-unit offset of the checkpoint char.
    utf16: usize,
}

/// An index over one text for converting between char, byte and UTF-16 offsets.
///
/// The index does not own the text; pass the same text it was built from to every method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetIndex {
    /// Checkpoint `k` describes char `k * STRIDE`. Empty for ASCII text.
    checkpoints: Vec<Checkpoint>,
    /// Length of the text in chars.
    char_len: usize,
    /// Length of the text in UTF-16 code units.
    utf16_len: usize,
    /// Length of the text in bytes.
    byte_len: usize,
}

impl OffsetIndex {
    /// Builds the index for `text` in one pass.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                char_len: text.len(),
                utf16_len: text.len(),
                byte_len: text.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut utf16 = 0;
        let mut char_len = 0;
        for (byte, c) in text.char_indices() {
            if char_len % STRIDE == 0 {
                checkpoints.push(Checkpoint { byte, utf16 });
            }
            utf16 += c.len_utf16();
            char_len += 1;
        }
        Self {
            checkpoints,
            char_len,
            utf16_len: utf16,
            byte_len: text.len(),
        }
    }

    /// Length of the text in chars.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length of the text in UTF-16 code units.
    #[must_use]
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Length of the text in UTF-8 bytes.
    #[must_use]
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Byte offset of char offset `char`; `None` past the end (`char_len` maps to `byte_len`).
    #[must_use]
    pub fn byte_from_char(&self, text: &str, char: usize) -> Option<usize> {
        self.walk_from_char(text, char).map(|(byte, _)| byte)
    }

    /// UTF-16 offset of char offset `char`; `None` past the end.
    #[must_use]
    pub fn utf16_from_char(&self, text: &str, char: usize) -> Option<usize> {
        self.walk_from_char(text, char).map(|(_, utf16)| utf16)
    }

    /// Char offset of byte offset `byte`; `None` past the end or inside a multi-byte char.
    #[must_use]
    pub fn char_from_byte(&self, text: &str, byte: usize) -> Option<usize> {
        if byte > self.byte_len || !text.is_char_boundary(byte) {
            return None;
        }
        if self.is_ascii() {
            return Some(byte);
        }
        let k = self.checkpoints.partition_point(|c| c.byte <= byte) - 1;
        let from = self.checkpoints[k].byte;
        Some(k * STRIDE + text[from..byte].chars().count())
    }

    /// Char offset of UTF-16 offset `utf16`; `None` past the end or between the two halves of a
    /// surrogate pair.
    #[must_use]
    pub fn char_from_utf16(&self, text: &str, utf16: usize) -> Option<usize> {
        if utf16 > self.utf16_len {
            return None;
        }
        if self.is_ascii() {
            return Some(utf16);
        }
        let k = self.checkpoints.partition_point(|c| c.utf16 <= utf16) - 1;
        let Checkpoint {
            byte,
            utf16: mut at,
        } = self.checkpoints[k];
        let mut char = k * STRIDE;
        for c in text[byte..].chars() {
            if at >= utf16 {
                break;
            }
            at += c.len_utf16();
            char += 1;
        }
        (at == utf16).then_some(char)
    }

    /// (byte, UTF-16) offsets of char offset `char`.
    fn walk_from_char(&self, text: &str, char: usize) -> Option<(usize, usize)> {
        if char > self.char_len {
            return None;
        }
        if self.is_ascii() {
            return Some((char, char));
        }
        if char == self.char_len {
            // There is no checkpoint past the last char when the length is a multiple of STRIDE.
            return Some((self.byte_len, self.utf16_len));
        }
        let Checkpoint {
            mut byte,
            mut utf16,
        } = *self.checkpoints.get(char / STRIDE)?;
        for c in text[byte..].chars().take(char % STRIDE) {
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        Some((byte, utf16))
    }

    /// Offset `char` (a char offset) counted in `unit`; `None` past the end.
    #[must_use]
    pub fn to_unit(&self, text: &str, char: usize, unit: OffsetUnit) -> Option<usize> {
        match unit {
            OffsetUnit::Chars => (char <= self.char_len).then_some(char),
            OffsetUnit::Utf16 => self.utf16_from_char(text, char),
            OffsetUnit::Bytes => self.byte_from_char(text, char),
        }
    }

    /// The char offset of `offset` counted in `unit`; `None` past the end or inside a char.
    #[must_use]
    pub fn from_unit(&self, text: &str, offset: usize, unit: OffsetUnit) -> Option<usize> {
        match unit {
            OffsetUnit::Chars => (offset <= self.char_len).then_some(offset),
            OffsetUnit::Utf16 => self.char_from_utf16(text, offset),
            OffsetUnit::Bytes => self.char_from_byte(text, offset),
        }
    }

    /// Byte range of the char span `[start, end)`; `None` if either end is past the text.
    #[must_use]
    pub fn byte_range(&self, text: &str, span: super::Span) -> Option<std::ops::Range<usize>> {
        let start = self.byte_from_char(text, span.start)?;
        let end = self.byte_from_char(text, span.end)?;
        (start <= end).then_some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference conversions computed the slow, obvious way.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let (mut byte, mut utf16) = (0, 0);
        for c in text.chars() {
            out.push((byte, utf16));
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        out.push((byte, utf16));
        out
    }

    #[test]
    fn every_char_round_trips_in_mixed_scripts() {
        let text = "Ünïcode 👩🏽‍🔬 مرحبا שלום 中文 🇪🇺 e\u{301}".repeat(9);
        let index = OffsetIndex::new(&text);
        assert_eq!(index.char_len(), text.chars().count());
        for (char, (byte, utf16)) in reference(&text).into_iter().enumerate() {
            assert_eq!(index.byte_from_char(&text, char), Some(byte), "char {char}");
            assert_eq!(
                index.utf16_from_char(&text, char),
                Some(utf16),
                "char {char}"
            );
            assert_eq!(index.char_from_byte(&text, byte), Some(char), "byte {byte}");
            assert_eq!(
                index.char_from_utf16(&text, utf16),
                Some(char),
                "utf16 {utf16}"
            );
        }
    }

    #[test]
    fn positions_inside_a_char_or_past_the_end_are_refused() {
        let text = "a😀b";
        let index = OffsetIndex::new(text);
        // (what, result)
        let cases = [
            ("byte inside 😀", index.char_from_byte(text, 2)),
            ("utf16 between surrogates", index.char_from_utf16(text, 2)),
            ("char past end", index.byte_from_char(text, 4)),
            ("byte past end", index.char_from_byte(text, 7)),
            ("utf16 past end", index.char_from_utf16(text, 5)),
        ];
        for (what, result) in cases {
            assert_eq!(result, None, "{what}");
        }
        assert_eq!(index.char_from_utf16(text, 3), Some(2));
        assert_eq!(index.byte_from_char(text, 3), Some(6));
    }

    #[test]
    fn the_end_converts_when_the_length_is_a_multiple_of_the_stride() {
        let text = "é".repeat(STRIDE * 2);
        let index = OffsetIndex::new(&text);
        assert_eq!(index.byte_from_char(&text, STRIDE * 2), Some(text.len()));
        assert_eq!(index.utf16_from_char(&text, STRIDE * 2), Some(STRIDE * 2));
    }

    #[test]
    fn ascii_and_empty_texts_use_the_identity() {
        for text in ["", "plain ASCII text"] {
            let index = OffsetIndex::new(text);
            assert_eq!(index.char_len(), text.len());
            assert_eq!(index.byte_from_char(text, text.len()), Some(text.len()));
            assert_eq!(index.char_from_utf16(text, text.len()), Some(text.len()));
        }
    }

    proptest::proptest! {
        #[test]
        fn conversions_round_trip_on_any_text(text in "\\PC{0,300}") {
            let index = OffsetIndex::new(&text);
            for (char, (byte, utf16)) in reference(&text).into_iter().enumerate() {
                proptest::prop_assert_eq!(index.byte_from_char(&text, char), Some(byte));
                proptest::prop_assert_eq!(index.utf16_from_char(&text, char), Some(utf16));
                proptest::prop_assert_eq!(index.char_from_byte(&text, byte), Some(char));
                proptest::prop_assert_eq!(index.char_from_utf16(&text, utf16), Some(char));
                for (unit, value) in [(OffsetUnit::Chars, char), (OffsetUnit::Utf16, utf16), (OffsetUnit::Bytes, byte)] {
                    proptest::prop_assert_eq!(index.to_unit(&text, char, unit), Some(value));
                    proptest::prop_assert_eq!(index.from_unit(&text, value, unit), Some(char));
                }
            }
        }
    }
}
