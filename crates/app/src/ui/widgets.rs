//! Small shared widgets of the window (and the text excerpt helper, re-exported).

use eframe::egui::{Color32, CornerRadius, Sense, Ui, vec2};

use crate::model::{Annotation, Document, Span, plural::counted};

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

/// Where annotation `to` is seen from `from`: "same paragraph", "2 paragraphs below", ….
#[must_use]
pub fn where_from(doc: &Document, from: &Annotation, to: &Annotation) -> String {
    let (gap, below) = if to.start >= from.end {
        (Span::new(from.end, to.start), true)
    } else {
        (Span::new(to.end.min(from.start), from.start), false)
    };
    let between = doc.quote(gap).unwrap_or_default().as_bytes();
    // Each run of newlines ends a paragraph.
    let paragraphs = (0..between.len())
        .filter(|&i| between[i] == b'\n' && (i == 0 || between[i - 1] != b'\n'))
        .count();
    match (paragraphs, below) {
        (0, _) => "same paragraph".to_owned(),
        (n, true) => format!("{} below", counted(n, "paragraph")),
        (n, false) => format!("{} above", counted(n, "paragraph")),
    }
}

pub use crate::excerpt::shorten;
