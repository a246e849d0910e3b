//! The project's documents; clicking one shows it (each keeps its own scroll position).

use eframe::egui::Ui;

use crate::{
    model::Project,
    ui::{action::Action, widgets::shorten},
};

pub fn documents_ui(
    ui: &mut Ui,
    project: &Project,
    current: Option<&str>,
    actions: &mut Vec<Action>,
) {
    ui.heading("Documents");
    if project.documents().is_empty() {
        ui.weak("No articles yet. Use File > Add article… or drop one on the window.");
    }
    for doc in project.documents() {
        let selected = current == Some(doc.id());
        let text = format!(
            "{}  ({})",
            shorten(doc.title(), 40),
            doc.annotations().len()
        );
        let response = ui
            .selectable_label(selected, text)
            .on_hover_text(doc.title());
        if response.clicked() && !selected {
            actions.push(Action::ShowDocument(doc.id().to_owned()));
        }
    }
}
