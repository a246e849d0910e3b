//! Where a char range of a laid-out block sits: one rectangle per row it covers, in the galley's
//! coordinates. Offsets are chars of the block's text (egui's cursor unit).

use eframe::egui::{Galley, Rect, epaint::text::cursor::CCursor, pos2};

/// The rectangles covering chars `start..end` of `galley`, one per row; empty when the range is.
#[must_use]
pub fn range_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    if start >= end {
        return Vec::new();
    }
    let min = galley.layout_from_cursor(CCursor::new(start));
    let max = galley.layout_from_cursor(CCursor::new(end));
    let mut rects = Vec::with_capacity(max.row.saturating_sub(min.row) + 1);
    for row_index in min.row..=max.row.min(galley.rows.len().saturating_sub(1)) {
        let placed = &galley.rows[row_index];
        let left = if row_index == min.row {
            placed.row.x_offset(min.column)
        } else {
            0.0
        };
        let right = if row_index == max.row {
            placed.row.x_offset(max.column)
        } else {
            placed.row.size.x
        };
        if right > left {
            rects.push(Rect::from_min_max(
                pos2(placed.pos.x + left, placed.pos.y),
                pos2(placed.pos.x + right, placed.pos.y + placed.row.size.y),
            ));
        }
    }
    rects
}
