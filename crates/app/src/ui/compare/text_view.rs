//! The article in the compare view: one column per analyst with paragraphs aligned, or the text
//! once with a gutter per analyst. The innermost passage takes the fill; a passage with
//! another inside or across it is outlined in its label's colour. Only the paragraphs in view are laid out (egui caches the
//! galleys), so the cost of a frame follows the screen, not the article. Offsets are chars of
//! the document text; byte ranges are UTF-8 bytes of it.

use eframe::egui::{
    self, Color32, FontId, Galley, Pos2, Rect, ScrollArea, Sense, Stroke, StrokeKind, TextFormat,
    Ui, pos2,
    text::{CCursor, LayoutJob},
    vec2,
};
use std::sync::Arc;

use super::{CompareAction, Layout, styles::Style};
use crate::{
    compare::{Comparison, DocumentComparison},
    model::{Project, Span},
    ui::{
        article::{
            blocks::{self, Block, Heights},
            geometry::range_rects,
            highlight::{heading_level, hide_prefix},
        },
        colors::{band_color, label_color},
    },
};

const TEXT_SIZE: f32 = 15.0;
const COLUMN_GAP: f32 = 18.0;
const GUTTER: f32 = 7.0;
const MARKER: f32 = 8.0;

/// A passage decorated in one column (chars, absolute in the document).
#[derive(Debug, Clone)]
struct Piece {
    span: Span,
    style: Style,
    fill: Color32,
    item: usize,
}

/// The laid-out state of one compared document.
pub struct TextView {
    text: String,
    blocks: Vec<Block>,
    /// `columns[analyst][block]`: that analyst's passages touching the block.
    columns: Vec<Vec<Vec<Piece>>>,
    /// `stacked[block]`: every analyst's passages, for the single column.
    stacked: Vec<Vec<Piece>>,
    heights: Heights,
    laid_out_for: Option<(Layout, u32)>,
    /// The block each item starts in.
    item_block: Vec<usize>,
    /// An item to bring into view, for a few frames while heights settle.
    pending_scroll: Option<(usize, u8)>,
}

impl TextView {
    /// The view of document `doc` of the comparison; `projects[0]` holds its text.
    #[must_use]
    pub fn new(comparison: &Comparison, projects: &[Project], doc: usize) -> Self {
        let compared = &comparison.documents[doc];
        let text = projects[0]
            .document(&compared.document_ids[0])
            .map(|d| d.text().to_owned())
            .unwrap_or_default();
        let blocks = blocks::split(&text);
        let fill_of = |label: &str| {
            comparison
                .labels
                .iter()
                .find(|l| l.id == label)
                .map_or(Color32::GRAY, label_color)
        };
        let analysts = comparison.analysts.len();
        let mut columns = vec![vec![Vec::new(); blocks.len()]; analysts];
        let mut stacked = vec![Vec::new(); blocks.len()];
        for (index, item) in compared.items.iter().enumerate() {
            let style = Style::of(item.kind);
            for (analyst, column) in columns.iter_mut().enumerate() {
                if !item.has(analyst) {
                    let missing = Piece {
                        span: item.span,
                        style: Style::Missing,
                        fill: Color32::GRAY,
                        item: index,
                    };
                    place(&blocks, column, missing);
                }
            }
            let mut seen: Vec<(Span, &str)> = Vec::new();
            for member in &item.members {
                let a = &member.annotation;
                let piece = Piece {
                    span: a.span(),
                    style,
                    fill: fill_of(&a.label),
                    item: index,
                };
                place(&blocks, &mut columns[member.analyst], piece.clone());
                if !seen.contains(&(a.span(), a.label.as_str())) {
                    seen.push((a.span(), a.label.as_str()));
                    place(&blocks, &mut stacked, piece);
                }
            }
        }
        let item_block = compared
            .items
            .iter()
            .map(|item| blocks::block_at_char(&blocks, item.span.start))
            .collect();
        let heights = Heights::new(vec![0.0; blocks.len()]);
        Self {
            text,
            blocks,
            columns,
            stacked,
            heights,
            laid_out_for: None,
            item_block,
            pending_scroll: None,
        }
    }

    /// Brings item `item` into view on the next frames.
    pub fn scroll_to(&mut self, item: usize) {
        self.pending_scroll = Some((item, 3));
    }

    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &DocumentComparison,
        names: &[String],
        layout: Layout,
        current: Option<usize>,
        dark: bool,
        actions: &mut Vec<CompareAction>,
    ) {
        let analysts = names.len();
        let full = ui.available_width() - MARKER - 14.0;
        let (columns, column_width, text_left) = match layout {
            Layout::SideBySide => {
                let n = analysts as f32;
                (
                    analysts,
                    ((full - COLUMN_GAP * (n - 1.0)) / n).max(80.0),
                    MARKER,
                )
            }
            Layout::Stacked => {
                let gutters = GUTTER * analysts as f32 + 6.0;
                (1, (full - gutters).clamp(80.0, 760.0), MARKER + gutters)
            }
        };
        let font = FontId::proportional(TEXT_SIZE);
        let line_height = ui.fonts_mut(|f| f.row_height(&font));
        let key = (layout, column_width.round() as u32);
        if self.laid_out_for != Some(key) {
            let estimates = self
                .blocks
                .iter()
                .map(|b| estimate(b, column_width, line_height))
                .collect();
            self.heights = Heights::new(estimates);
            self.laid_out_for = Some(key);
        }

        header_ui(ui, names, layout, column_width, text_left);
        let mut scroll = ScrollArea::vertical()
            .id_salt(("compare-text", doc.text_sha256.as_str()))
            .auto_shrink(false);
        if let Some((item, frames)) = self.pending_scroll {
            let block = self.item_block.get(item).copied().unwrap_or(0);
            scroll = scroll.vertical_scroll_offset((self.heights.top(block) - 80.0).max(0.0));
            self.pending_scroll = (frames > 1).then_some((item, frames - 1));
            ui.ctx().request_repaint();
        }
        let text_color = ui.visuals().strong_text_color();
        scroll.show_viewport(ui, |ui, viewport| {
            self.heights.refresh();
            let (rect, response) = ui.allocate_exact_size(
                vec2(ui.available_width(), self.heights.total() + 120.0),
                Sense::click(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Compared article")
            });
            let painter = ui.painter_at(ui.clip_rect());
            let mut index = self.heights.block_at_y(viewport.min.y);
            let mut clicked_item = None;
            while index < self.blocks.len() && self.heights.top(index) < viewport.max.y {
                let top = self.heights.top(index);
                let mut height: f32 = 0.0;
                for column in 0..columns {
                    let pieces = match layout {
                        Layout::SideBySide => &self.columns[column][index],
                        Layout::Stacked => &self.stacked[index],
                    };
                    let block = &self.blocks[index];
                    let job = block_job(
                        &self.text,
                        block,
                        pieces,
                        current,
                        &font,
                        text_color,
                        column_width,
                        dark,
                    );
                    let galley = ui.fonts_mut(|f| f.layout_job(job));
                    let x = text_left + column as f32 * (column_width + COLUMN_GAP);
                    let at = rect.min + vec2(x, top);
                    height = height.max(galley.size().y);
                    if layout == Layout::Stacked {
                        gutters_ui(
                            &painter,
                            &galley,
                            block,
                            &self.columns,
                            index,
                            rect.min + vec2(MARKER, top),
                        );
                    }
                    if response.clicked()
                        && let Some(pointer) = response.interact_pointer_pos()
                        && let Some(item) = item_at(&galley, block, pieces, pointer - at.to_vec2())
                    {
                        clicked_item = Some(item);
                    }
                    outlines_ui(&painter, &galley, block, pieces, at, dark);
                    painter.galley(at, galley, text_color);
                }
                if let Some(item) = current
                    && self.blocks[index].span.end >= doc.items[item].span.start
                    && self.blocks[index].span.start <= doc.items[item].span.end
                    && !self.blocks[index].span.is_empty()
                {
                    let bar = Rect::from_min_size(rect.min + vec2(0.0, top), vec2(3.0, height));
                    painter.rect_filled(bar, 1.0, ui.visuals().selection.bg_fill);
                }
                let measured = if self.blocks[index].span.is_empty() {
                    line_height * 0.5
                } else {
                    height + line_height * 0.45
                };
                if self.heights.set(index, measured) {
                    ui.ctx().request_repaint();
                }
                index += 1;
            }
            if let Some(item) = clicked_item {
                actions.push(CompareAction::Show(item));
            }
        });
    }
}

/// Adds `piece` to every block it touches.
fn place(blocks: &[Block], per_block: &mut [Vec<Piece>], piece: Piece) {
    let first = blocks::block_at_char(blocks, piece.span.start);
    for (block, list) in blocks.iter().zip(per_block.iter_mut()).skip(first) {
        if block.span.start >= piece.span.end {
            break;
        }
        list.push(piece.clone());
    }
}

fn estimate(block: &Block, width: f32, line_height: f32) -> f32 {
    if block.span.is_empty() {
        return line_height * 0.5;
    }
    let per_row = (width / (TEXT_SIZE * 0.48)).max(1.0);
    let rows = (block.span.len() as f32 / per_row).ceil().max(1.0);
    rows * line_height + line_height * 0.45
}

/// The innermost piece covering char `at` (absolute).
fn innermost(pieces: &[Piece], at: usize) -> Option<&Piece> {
    pieces
        .iter()
        .filter(|p| p.span.contains_char(at))
        .min_by_key(|p| (p.span.len(), p.style == Style::Missing))
}

#[allow(clippy::too_many_arguments)]
fn block_job(
    text: &str,
    block: &Block,
    pieces: &[Piece],
    current: Option<usize>,
    font: &FontId,
    color: Color32,
    width: f32,
    dark: bool,
) -> LayoutJob {
    let line = &text[block.bytes.clone()];
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: width,
            ..Default::default()
        },
        ..Default::default()
    };
    let byte_of: Vec<usize> = line
        .char_indices()
        .map(|(b, _)| b)
        .chain([line.len()])
        .collect();
    let mut cuts: Vec<usize> = vec![0, block.span.len()];
    for piece in pieces {
        for edge in [piece.span.start, piece.span.end] {
            if edge > block.span.start && edge < block.span.end {
                cuts.push(edge - block.span.start);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for run in cuts.windows(2) {
        let mut format = TextFormat {
            font_id: font.clone(),
            color,
            ..TextFormat::default()
        };
        if let Some(piece) = innermost(pieces, block.span.start + run[0]) {
            piece
                .style
                .apply(&mut format, piece.fill, current == Some(piece.item), dark);
        }
        job.append(&line[byte_of[run[0]]..byte_of[run[1]]], 0.0, format);
    }
    if let Some(level) = heading_level(line) {
        hide_prefix(&mut job, level + 1);
    }
    if line.is_empty() {
        job.append(
            "",
            0.0,
            TextFormat {
                font_id: font.clone(),
                color,
                ..TextFormat::default()
            },
        );
    }
    job
}

/// The item under `local` (a point relative to the galley), if a passage is there.
fn item_at(galley: &Galley, block: &Block, pieces: &[Piece], local: Pos2) -> Option<usize> {
    if !galley.rect.expand(2.0).contains(local) {
        return None;
    }
    let cursor = galley.cursor_from_pos(local.to_vec2());
    let at = block.span.start + cursor.index.0.min(block.span.len());
    innermost(pieces, at)
        .or_else(|| innermost(pieces, at.saturating_sub(1)))
        .map(|p| p.item)
}

/// An outline in its label's colour around every passage that has a shorter one inside it or
/// across it: the inner passage takes the fill, and the outer one stays recognisable.
fn outlines_ui(
    painter: &egui::Painter,
    galley: &Galley,
    block: &Block,
    pieces: &[Piece],
    at: Pos2,
    dark: bool,
) {
    let coded = || pieces.iter().filter(|p| p.style != Style::Missing);
    for outer in coded() {
        let covers_a_shorter = coded().any(|inner| {
            inner.span.len() < outer.span.len()
                && inner.span.start < outer.span.end
                && outer.span.start < inner.span.end
        });
        if !covers_a_shorter {
            continue;
        }
        let start = outer.span.start.max(block.span.start) - block.span.start;
        let end = outer
            .span
            .end
            .min(block.span.end)
            .saturating_sub(block.span.start);
        let stroke = Stroke::new(1.5, band_color(outer.fill, dark));
        for rect in range_rects(galley, start, end) {
            painter.rect_stroke(
                rect.translate(at.to_vec2()).expand(1.0),
                2.0,
                stroke,
                StrokeKind::Outside,
            );
        }
    }
}

/// In the stacked layout: for each analyst, a bar beside the lines their passages cover.
fn gutters_ui(
    painter: &egui::Painter,
    galley: &Arc<Galley>,
    block: &Block,
    columns: &[Vec<Vec<Piece>>],
    index: usize,
    origin: Pos2,
) {
    for (analyst, column) in columns.iter().enumerate() {
        for piece in &column[index] {
            if piece.style == Style::Missing {
                continue;
            }
            let start = piece.span.start.saturating_sub(block.span.start);
            let end = piece
                .span
                .end
                .min(block.span.end)
                .saturating_sub(block.span.start);
            let top = galley.pos_from_cursor(CCursor::new(start)).min.y;
            let bottom = galley.pos_from_cursor(CCursor::new(end)).max.y;
            let x = origin.x + analyst as f32 * GUTTER;
            let bar = Rect::from_min_max(
                pos2(x, origin.y + top),
                pos2(x + GUTTER - 2.0, origin.y + bottom),
            );
            painter.rect_filled(bar, 1.0, piece.fill);
        }
    }
}

/// Column headings: the analysts' names (or, stacked, which gutter is whose).
fn header_ui(ui: &mut Ui, names: &[String], layout: Layout, column_width: f32, text_left: f32) {
    match layout {
        Layout::SideBySide => {
            ui.horizontal(|ui| {
                ui.add_space(text_left);
                for (i, name) in names.iter().enumerate() {
                    let letter = crate::compare::analyst_letter(i);
                    ui.allocate_ui(vec2(column_width, 20.0), |ui| {
                        ui.set_width(column_width);
                        ui.strong(format!("{letter}: {name}"));
                    });
                    ui.add_space(COLUMN_GAP - ui.spacing().item_spacing.x);
                }
            });
        }
        Layout::Stacked => {
            let list: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| format!("gutter {}: {n}", i + 1))
                .collect();
            ui.weak(format!("Left to right, {}", list.join(", ")));
        }
    }
}
