//! The row under a list of labels or relation kinds that adds one by name: a captioned field and
//! an Add button (Enter in the field adds too).

use eframe::egui::{self, TextEdit, Ui, WidgetInfo};

/// Shows the row; returns the name to add (trimmed, not empty) once the user asks, and clears
/// the field then. `button` names the Add button for screen readers and tests.
pub fn add_by_name_ui(
    ui: &mut Ui,
    caption: &str,
    name: &mut String,
    button: &str,
) -> Option<String> {
    ui.horizontal(|ui| {
        let caption = ui.label(caption);
        let edit = ui
            .add(TextEdit::singleline(name).desired_width((ui.available_width() - 50.0).max(60.0)))
            .labelled_by(caption.id);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let trimmed = name.trim().to_owned();
        let add = ui.add_enabled(!trimmed.is_empty(), egui::Button::new("Add"));
        let button = button.to_owned();
        add.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, button.clone()));
        ((add.clicked() || enter) && !trimmed.is_empty()).then(|| {
            name.clear();
            trimmed
        })
    })
    .inner
}
