//! Small shared widgets of the window (and the text excerpt helper, re-exported).

use eframe::egui::{Color32, CornerRadius, Sense, Ui, vec2};

use crate::model::{Document, plural::counted};

/// A small square of `color`, as a label's mark in lists and menus.
pub fn color_chip_ui(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, CornerRadius::same(2), color);
}

/// The text of a button that deletes annotation `id`, saying what goes with it: "Delete (also
/// removes 1 relation)".
#[must_use]
pub fn delete_text(doc: &Document, id: &str) -> String {
    match doc.relations_linking(id) {
        0 => "Delete".to_owned(),
        n => format!("Delete (also removes {})", counted(n, "relation")),
    }
}

pub use crate::excerpt::shorten;
