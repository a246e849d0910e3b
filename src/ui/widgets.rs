//! Small shared widgets of the window (and the text excerpt helper, re-exported).

use eframe::egui::{Color32, CornerRadius, Sense, Ui, vec2};

/// A small square of `color`, as a label's mark in lists and menus.
pub fn color_chip(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, CornerRadius::same(2), color);
}

pub use crate::excerpt::shorten;
