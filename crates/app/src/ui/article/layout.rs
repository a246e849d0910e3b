//! The article's laid-out blocks: one cached galley per block, rebuilt only when its text, its
//! highlights or the typography change, and only for blocks near the viewport. Galleys far from
//! the viewport are dropped again, so the view holds a few screens of laid-out text however long
//! the article is; blocks keep their last measured height, or an estimate until first laid out.
//! Offsets are chars of the document text.

use std::{ops::Range, sync::Arc};

use eframe::egui::{Galley, Pos2, Ui, Vec2};

use super::{
    blocks::{self, Block, Heights},
    highlight::{self, Typography},
};
use crate::model::{Document, Project};

/// A block's galley and the key it was built for.
struct Cached {
    key: u64,
    galley: Arc<Galley>,
}

/// Blocks, their heights and their cached galleys for one document.
pub struct Layout {
    pub blocks: Vec<Block>,
    pub heights: Heights,
    cache: Vec<Option<Cached>>,
    /// The blocks whose galley is cached, so dropping far ones does not scan every block.
    cached: Vec<usize>,
}

/// Vertical gap below a paragraph, as a share of the line height.
const PARAGRAPH_GAP: f32 = 0.35;

impl Layout {
    /// Cuts `doc` into blocks with estimated heights; nothing is laid out yet.
    #[must_use]
    pub fn new(doc: &Document, typography: &Typography) -> Self {
        let blocks = blocks::split(doc.text());
        let heights = blocks.iter().map(|b| estimate(b, typography)).collect();
        let cache = blocks.iter().map(|_| None).collect();
        Self {
            blocks,
            heights: Heights::new(heights),
            cache,
            cached: Vec::new(),
        }
    }

    /// The galley of `index`, laid out now if its key changed; records its real height.
    pub fn ensure(
        &mut self,
        ui: &Ui,
        index: usize,
        project: &Project,
        doc: &Document,
        typography: &Typography,
    ) -> Arc<Galley> {
        let block = &self.blocks[index];
        let pieces = highlight::pieces(project, doc, block, typography.dark);
        let key = highlight::layout_key(block, &pieces, typography);
        if let Some(cached) = &self.cache[index]
            && cached.key == key
        {
            return Arc::clone(&cached.galley);
        }
        let line = &doc.text()[block.bytes.clone()];
        let job = highlight::block_job(line, block, &pieces, typography);
        let galley = ui.ctx().fonts_mut(|fonts| fonts.layout_job(job));
        let height = block_height(&galley, block, typography);
        self.heights.set(index, height);
        let previous = self.cache[index].replace(Cached {
            key,
            galley: Arc::clone(&galley),
        });
        if previous.is_none() {
            self.cached.push(index);
        }
        galley
    }

    /// Drops the galleys of the blocks outside `keep` (block indices); their heights stay.
    pub fn drop_galleys_outside(&mut self, keep: Range<usize>) {
        let cache = &mut self.cache;
        self.cached.retain(|&index| {
            let kept = keep.contains(&index);
            if !kept {
                cache[index] = None;
            }
            kept
        });
    }

    /// The cached galley of `index`, if it was laid out (possibly for older typography).
    #[must_use]
    pub fn galley(&self, index: usize) -> Option<&Arc<Galley>> {
        self.cache[index].as_ref().map(|c| &c.galley)
    }

    /// Top-left of block `index` relative to the content's top-left.
    #[must_use]
    pub fn block_origin(&self, index: usize) -> Vec2 {
        Vec2::new(0.0, self.heights.top(index))
    }

    /// The char offset nearest to `local` (relative to the content's top-left): the cursor
    /// position between chars, for selecting.
    #[must_use]
    pub fn cursor_at(&self, local: Pos2) -> usize {
        let index = self.heights.block_at_y(local.y);
        let block = &self.blocks[index];
        match self.galley(index) {
            Some(galley) => {
                let cursor = galley.cursor_from_pos(local.to_vec2() - self.block_origin(index));
                block.span.start + cursor.index.0.min(block.span.len())
            }
            None => block.span.start,
        }
    }

    /// The char whose glyph is under `local`, if the point is on text.
    #[must_use]
    pub fn char_under(&self, local: Pos2) -> Option<usize> {
        let index = self.heights.block_at_y(local.y);
        let block = &self.blocks[index];
        let galley = self.galley(index)?;
        let inside = local.to_vec2() - self.block_origin(index);
        let row = galley.rows.iter().find(|r| {
            let rect = r.rect();
            rect.min.y <= inside.y && inside.y < rect.max.y
        })?;
        let rect = row.rect();
        if inside.x < rect.min.x || inside.x >= rect.max.x {
            return None;
        }
        // The cursor nearest the point sits on one side of the glyph under it.
        let cursor = galley.cursor_from_pos(inside);
        let glyph_x = galley.pos_from_cursor(cursor).min.x;
        let char = if inside.x < glyph_x {
            cursor.index.0.checked_sub(1)?
        } else {
            cursor.index.0
        };
        (char < block.span.len()).then_some(block.span.start + char)
    }
}

/// Height of a laid-out block: blank lines take half a line, paragraphs get a gap below.
fn block_height(galley: &Galley, block: &Block, typography: &Typography) -> f32 {
    if block.span.is_empty() {
        typography.line_height() * 0.5
    } else {
        galley.size().y + typography.line_height() * PARAGRAPH_GAP
    }
}

/// Height of a block before it is laid out, from its length.
fn estimate(block: &Block, typography: &Typography) -> f32 {
    if block.span.is_empty() {
        return typography.line_height() * 0.5;
    }
    let per_row = (typography.wrap_width / (typography.text_size * 0.48)).max(1.0);
    let rows = (block.span.len() as f32 / per_row).ceil().max(1.0);
    rows * typography.line_height() + typography.line_height() * PARAGRAPH_GAP
}
