//! What is drawn around a block's text: the mouse selection, find hits, a band under the text and
//! a margin stripe per annotation in its label's colour (one lane each, so overlaps stay apart),
//! the selected annotation's outline, the dashed outlines of suggestions and the flash of a
//! revealed one. Offsets are chars of the document.

use std::sync::Arc;

use eframe::egui::{
    Color32, CornerRadius, Galley, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, Visuals,
    pos2,
};

use super::{MARGIN, ShownProposal, blocks::Block, geometry::range_rects, lanes::Lanes};
use crate::{
    model::{Annotation, Document, Project, Span},
    ui::colors::{band_color, label_color},
};

/// Width of a margin stripe and the gap between lanes, in points.
const STRIPE: f32 = 3.0;
const LANE: f32 = 5.0;
/// Lanes shown; deeper nesting shares the last lane.
const MAX_LANES: usize = 6;
/// Height of an annotation's band under the text, the gap between stacked bands, and how many
/// heights there are (deeper nesting shares the last), in points.
const BAND: f32 = 2.5;
const BAND_GAP: f32 = 1.0;
const BAND_LEVELS: usize = 3;

/// Painting helpers for one laid-out block at screen position `at`.
pub struct Marks<'a> {
    pub painter: &'a Painter,
    pub galley: &'a Arc<Galley>,
    pub block: &'a Block,
    pub at: Pos2,
    pub visuals: &'a Visuals,
}

impl Marks<'_> {
    /// Screen rects of `span` (document chars) within this block.
    fn rects(&self, span: Span) -> Vec<Rect> {
        let start = span.start.max(self.block.span.start) - self.block.span.start;
        let end = span
            .end
            .min(self.block.span.end)
            .saturating_sub(self.block.span.start);
        range_rects(self.galley, start, end)
            .into_iter()
            .map(|r| r.translate(self.at.to_vec2()))
            .collect()
    }

    pub fn selection(&self, span: Span) {
        let fill = self.visuals.selection.bg_fill.gamma_multiply(0.8);
        for rect in self.rects(span) {
            self.painter.rect_filled(rect, CornerRadius::ZERO, fill);
        }
    }

    pub fn find_hits(&self, hits: &[Span], current: Option<usize>) {
        let first = hits.partition_point(|h| h.end <= self.block.span.start);
        let amber = Color32::from_rgb(0xF0, 0xB4, 0x00);
        for (i, hit) in hits.iter().enumerate().skip(first) {
            if hit.start >= self.block.span.end {
                break;
            }
            let strong = current == Some(i);
            for rect in self.rects(*hit) {
                let fill = amber.gamma_multiply(if strong { 0.75 } else { 0.3 });
                self.painter.rect_filled(rect, CornerRadius::same(2), fill);
                if strong {
                    self.painter.rect_stroke(
                        rect,
                        CornerRadius::same(2),
                        Stroke::new(1.5, amber),
                        StrokeKind::Outside,
                    );
                }
            }
        }
    }

    /// Underlines and margin stripes for every annotation in this block, and the outline of the
    /// selected one.
    pub fn annotations(
        &self,
        project: &Project,
        doc: &Document,
        lanes: &Lanes,
        selected: Option<&str>,
    ) {
        // A blank line has no glyphs to mark.
        if self.block.span.is_empty() {
            return;
        }
        for (index, annotation) in doc.indexed_annotations_in(self.block.span) {
            let color = project
                .label(&annotation.label)
                .map_or(Color32::GRAY, label_color);
            let color = band_color(color, self.visuals.dark_mode);
            let lane = lanes.of(index).unwrap_or(0).min(MAX_LANES - 1);
            let rects = self.rects(annotation.span());
            // A solid band under the text in the label's own colour, one height per lane: an
            // outer annotation stays visible where an inner one takes the fill.
            let band = (lane.min(BAND_LEVELS - 1)) as f32 * (BAND + BAND_GAP);
            for rect in &rects {
                let bottom = rect.max.y - 1.0 - band;
                let band_rect =
                    Rect::from_min_max(pos2(rect.min.x, bottom - BAND), pos2(rect.max.x, bottom));
                self.painter
                    .rect_filled(band_rect, CornerRadius::ZERO, color);
            }
            let (Some(first), Some(last)) = (rects.first(), rects.last()) else {
                continue;
            };
            let x = self.at.x - MARGIN * 0.3 - lane as f32 * LANE;
            let stripe = Rect::from_min_max(pos2(x - STRIPE, first.min.y), pos2(x, last.max.y));
            self.painter
                .rect_filled(stripe, CornerRadius::same(1), color);
            if selected == Some(annotation.id.as_str()) {
                let stroke = Stroke::new(2.0, self.visuals.strong_text_color());
                for rect in &rects {
                    self.painter.rect_stroke(
                        rect.expand(1.0),
                        CornerRadius::same(2),
                        stroke,
                        StrokeKind::Outside,
                    );
                }
            }
        }
    }

    /// The shown suggestions in this block: a dashed outline in the label's colour and no fill,
    /// so that a proposal never reads as coding; the one looked at thicker, in the text colour.
    pub fn proposals(&self, project: &Project, proposals: &[ShownProposal<'_>]) {
        if self.block.span.is_empty() {
            return;
        }
        for shown in proposals {
            let p = shown.proposal;
            if p.span.end <= self.block.span.start || p.span.start >= self.block.span.end {
                continue;
            }
            let color = project.label(&p.label).map_or(Color32::GRAY, label_color);
            let color = band_color(color, self.visuals.dark_mode);
            let stroke = if shown.current {
                Stroke::new(2.0, self.visuals.strong_text_color())
            } else {
                Stroke::new(1.5, color)
            };
            for rect in self.rects(p.span) {
                let r = rect.expand(1.5);
                let corners = [
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                ];
                let outline = [corners[0], corners[1], corners[2], corners[3], corners[0]];
                self.painter
                    .extend(Shape::dashed_line(&outline, stroke, 4.0, 3.0));
            }
        }
    }

    /// A fading fill over `span`; `strength` goes from 1 to 0.
    pub fn flash(&self, span: Span, strength: f32) {
        let fill = self
            .visuals
            .warn_fg_color
            .gamma_multiply(0.5 * strength.clamp(0.0, 1.0));
        for rect in self.rects(span) {
            self.painter
                .rect_filled(rect.expand(2.0), CornerRadius::same(3), fill);
        }
    }
}

/// One line describing an annotation: colour chip, label name, note (for tooltips and lists).
pub fn annotation_line_ui(ui: &mut Ui, project: &Project, annotation: &Annotation) {
    let label = project.label(&annotation.label);
    ui.horizontal(|ui| {
        let color = label.map_or(Color32::GRAY, label_color);
        crate::ui::widgets::color_chip_ui(ui, color);
        ui.strong(label.map_or(annotation.label.as_str(), |l| l.name.as_str()));
        if !annotation.note.is_empty() {
            ui.label(format!(
                "— {}",
                crate::ui::widgets::shorten(&annotation.note, 80)
            ));
        }
    });
}

/// One line describing a suggestion under the pointer: label, how sure, and why.
pub fn proposal_line_ui(ui: &mut Ui, project: &Project, proposal: &crate::suggest::Proposal) {
    let label = project.label(&proposal.label);
    ui.horizontal(|ui| {
        let color = label.map_or(Color32::GRAY, label_color);
        crate::ui::widgets::color_chip_ui(ui, color);
        ui.strong(format!(
            "Suggested {}",
            label.map_or(proposal.label.as_str(), |l| l.name.as_str())
        ));
        ui.label(format!(
            "{:.0} % sure — {}",
            proposal.confidence * 100.0,
            proposal.reason
        ));
    });
}
