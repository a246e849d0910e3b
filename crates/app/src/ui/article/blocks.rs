//! The article cut into blocks — one per line of the stored text (paragraphs, headings, the
//! blank lines between them) — with their vertical positions. Offsets are chars of the
//! document text; byte ranges are UTF-8 bytes of it. Finding the block at a char or at a height
//! is a binary search, so the cost does not grow with the article.

use std::ops::Range;

use crate::model::Span;

/// One line of the stored text, without its `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Char offsets of the block in the document text.
    pub span: Span,
    /// Byte offsets of the block in the document text.
    pub bytes: Range<usize>,
}

/// Cuts `text` at every `\n`; the newline belongs to no block. An empty text is one empty block.
#[must_use]
pub fn split(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let (mut byte, mut char) = (0, 0);
    for line in text.split('\n') {
        let chars = line.chars().count();
        blocks.push(Block {
            span: Span::new(char, char + chars),
            bytes: byte..byte + line.len(),
        });
        byte += line.len() + 1;
        char += chars + 1;
    }
    blocks
}

/// The index of the block holding char `offset` (a newline belongs to the block before it; an
/// offset past the end to the last block).
#[must_use]
pub fn block_at_char(blocks: &[Block], offset: usize) -> usize {
    blocks
        .partition_point(|b| b.span.end < offset)
        .min(blocks.len().saturating_sub(1))
}

/// Vertical layout of the blocks: each block's height (measured once laid out, estimated
/// before) and the running total, in points.
#[derive(Debug, Default, Clone)]
pub struct Heights {
    heights: Vec<f32>,
    /// `tops[i]` is the top of block `i`; `tops[len]` the total height.
    tops: Vec<f32>,
    stale: bool,
}

impl Heights {
    #[must_use]
    pub fn new(heights: Vec<f32>) -> Self {
        let mut this = Self {
            heights,
            tops: Vec::new(),
            stale: true,
        };
        this.refresh();
        this
    }

    /// Records a block's height; returns whether it changed.
    pub fn set(&mut self, block: usize, height: f32) -> bool {
        let changed = (self.heights[block] - height).abs() > 0.01;
        if changed {
            self.heights[block] = height;
            self.stale = true;
        }
        changed
    }

    /// Recomputes the running totals after heights changed.
    pub fn refresh(&mut self) {
        if !self.stale {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
        self.stale = false;
    }

    #[must_use]
    pub fn top(&self, block: usize) -> f32 {
        self.tops[block]
    }

    #[must_use]
    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The block at height `y` (clamped to the first and last block).
    #[must_use]
    pub fn block_at_y(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&top| top <= y)
            .saturating_sub(1)
            .min(self.heights.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks_with_char_and_byte_ranges() {
        let blocks = split("Tête\n\nÉtats act.");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].span, Span::new(0, 4));
        assert_eq!(blocks[0].bytes, 0..5);
        assert_eq!(blocks[1].span, Span::new(5, 5));
        assert_eq!(blocks[2].span, Span::new(6, 16));
        assert_eq!(blocks[2].bytes, 7..18);
        assert_eq!(block_at_char(&blocks, 0), 0);
        assert_eq!(block_at_char(&blocks, 4), 0);
        assert_eq!(block_at_char(&blocks, 5), 1);
        assert_eq!(block_at_char(&blocks, 9), 2);
        assert_eq!(block_at_char(&blocks, 99), 2);
        assert_eq!(split("").len(), 1);
    }

    #[test]
    fn heights_find_the_block_at_a_height() {
        let mut heights = Heights::new(vec![10.0, 20.0, 5.0]);
        assert_eq!(heights.total(), 35.0);
        assert_eq!(heights.block_at_y(-3.0), 0);
        assert_eq!(heights.block_at_y(10.0), 1);
        assert_eq!(heights.block_at_y(29.9), 1);
        assert_eq!(heights.block_at_y(31.0), 2);
        assert_eq!(heights.block_at_y(99.0), 2);
        assert!(heights.set(1, 30.0));
        heights.refresh();
        assert_eq!(heights.top(2), 40.0);
    }
}
