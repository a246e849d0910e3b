//! The lines of the analysis panel's lists: one clickable row of fixed height (so that a list of
//! 100,000 rows lays out only the rows in view), cut into columns painted as single clipped lines,
//! with an accessible name that reads the whole row.

use eframe::egui::{
    self, Align2, Color32, CornerRadius, FontId, Rect, Response, Sense, Ui, WidgetInfo, pos2, vec2,
};

/// The height of one row, without the spacing between rows (points).
pub const ROW_HEIGHT: f32 = 20.0;

/// A clickable row across the list's width, named `name` for screen readers (and tests).
pub fn row(ui: &mut Ui, name: &str) -> Response {
    let size = vec2(ui.available_width(), ROW_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let name = name.to_owned();
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, name.clone()));
    if response.hovered() {
        let fill = ui.visuals().widgets.hovered.weak_bg_fill;
        ui.painter().rect_filled(rect, CornerRadius::same(2), fill);
    }
    if response.has_focus() {
        let stroke = ui.visuals().selection.stroke;
        ui.painter()
            .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
    }
    response
}

/// How a column's text sits in its room.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// From the left; cut at the right edge.
    Left,
    /// Against the right edge; cut at the left (the end of a left context stays in view).
    Right,
}

/// Paints `text` on one line in the columns `left..left + width` of `row` (points from the row's
/// left), clipped to that room; returns the width the text took.
pub fn cell(
    ui: &Ui,
    row: Rect,
    (left, width): (f32, f32),
    text: &str,
    color: Color32,
    fit: Fit,
) -> f32 {
    let room = Rect::from_min_size(
        pos2(row.left() + left, row.top()),
        vec2(width, row.height()),
    );
    let painter = ui.painter_at(room);
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(13.0), color);
    let taken = galley.size().x.min(width);
    let (anchor, at) = match fit {
        Fit::Left => (Align2::LEFT_CENTER, room.left_center()),
        Fit::Right => (Align2::RIGHT_CENTER, room.right_center()),
    };
    let rect = anchor.anchor_size(at, galley.size());
    painter.galley(rect.min, galley, color);
    taken
}

/// A label's colour as a small square at `left` (points from the row's left).
pub fn chip(ui: &Ui, row: Rect, left: f32, color: Color32) {
    let rect = Rect::from_center_size(
        pos2(row.left() + left + 6.0, row.center().y),
        vec2(10.0, 10.0),
    );
    ui.painter().rect_filled(rect, CornerRadius::same(2), color);
}

/// The text colour of the theme, and the weaker one for context.
pub fn text_colors(ui: &Ui) -> (Color32, Color32) {
    let visuals = ui.visuals();
    (visuals.strong_text_color(), visuals.weak_text_color())
}
