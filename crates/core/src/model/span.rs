//! `Span`: a range of a document's text in Unicode scalar values (Rust `char`s), end-exclusive.
//!
//! Every offset in the model is a char offset: the unit of the project file, of the window's text
//! cursors, of the W3C Web Annotation model, of REFI-QDA and of brat. Byte and UTF-16 offsets
//! exist only at the edges (see [`super::offsets`]).

/// A half-open range `[start, end)` of char offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First char of the range (char offset).
    pub start: usize,
    /// One past the last char of the range (char offset).
    pub end: usize,
}

impl Span {
    /// The span `[start, end)` in chars. `start > end` is allowed here and reported by validation.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span between two char offsets given in either order.
    #[must_use]
    pub fn between(a: usize, b: usize) -> Self {
        Self::new(a.min(b), a.max(b))
    }

    /// Number of chars covered.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no char (including reversed spans).
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether the char at `offset` lies inside the span.
    #[must_use]
    pub const fn contains_char(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies entirely inside `self` (a span contains itself).
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one char.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end && !self.is_empty() && !other.is_empty()
    }

    /// Number of chars the two spans share.
    #[must_use]
    pub fn overlap_len(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn queries_follow_half_open_ranges() {
        // (a, b, overlaps, a contains b, overlap length)
        let cases = [
            (Span::new(0, 5), Span::new(5, 8), false, false, 0),
            (Span::new(0, 5), Span::new(4, 8), true, false, 1),
            (Span::new(0, 10), Span::new(2, 4), true, true, 2),
            (Span::new(3, 3), Span::new(0, 9), false, false, 0),
            (Span::new(2, 6), Span::new(2, 6), true, true, 4),
        ];
        for (a, b, overlaps, contains, overlap) in cases {
            assert_eq!(a.overlaps(b), overlaps, "{a} overlaps {b}");
            assert_eq!(b.overlaps(a), overlaps, "{b} overlaps {a}");
            assert_eq!(a.contains(b), contains, "{a} contains {b}");
            assert_eq!(a.overlap_len(b), overlap, "{a} ∩ {b}");
        }
        assert!(Span::new(4, 2).is_empty());
        assert_eq!(Span::new(4, 2).len(), 0);
        assert_eq!(Span::between(9, 3), Span::new(3, 9));
        assert!(Span::new(3, 5).contains_char(4) && !Span::new(3, 5).contains_char(5));
    }
}
