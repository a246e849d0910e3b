//! The orphans of the shown document: annotations an update of the article text could not place
//! with confidence, each with its old quote, label and note, to place (at the suggestion or at
//! the next selection in the article) or drop.

use eframe::egui::{self, RichText, Ui};

use crate::{
    excerpt::shorten,
    model::{Document, Orphan, Project},
    ui::{action::Action, colors::label_color, widgets},
};

/// Up to this many chars of an orphan's quote are shown; all of it on hover.
const QUOTE_CHARS: usize = 140;

/// Lists the orphans of `doc` (nothing when it has none). `placing` is the orphan waiting for a
/// selection in the article.
pub fn orphans_ui(
    ui: &mut Ui,
    project: &Project,
    doc: &Document,
    placing: Option<&str>,
    actions: &mut Vec<Action>,
) {
    if doc.orphans().is_empty() {
        return;
    }
    let heading = format!("Orphans ({})", doc.orphans().len());
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt("orphans")
        .default_open(true)
        .show(ui, |ui| {
            ui.weak(
                "These annotations lost their place when the article text was updated. Place \
                 each one, or drop it.",
            );
            egui::ScrollArea::vertical()
                .id_salt("orphans-list")
                .max_height(260.0)
                .show(ui, |ui| {
                    for orphan in doc.orphans() {
                        ui.separator();
                        orphan_ui(ui, project, doc, orphan, placing, actions);
                    }
                });
        });
    ui.separator();
}

fn orphan_ui(
    ui: &mut Ui,
    project: &Project,
    doc: &Document,
    orphan: &Orphan,
    placing: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let a = &orphan.annotation;
    let id = orphan.id().to_owned();
    ui.horizontal(|ui| {
        if let Some(label) = project.label(&a.label) {
            widgets::color_chip_ui(ui, label_color(label));
            ui.label(RichText::new(&label.name).strong());
        }
        if !orphan.relations.is_empty() {
            ui.weak(format!("{} relation(s) held", orphan.relations.len()));
        }
    });
    ui.label(format!("“{}”", shorten(&a.quote, QUOTE_CHARS)))
        .on_hover_text(&a.quote);
    if !a.note.is_empty() {
        ui.label(RichText::new(format!("Note: {}", shorten(&a.note, QUOTE_CHARS))).italics())
            .on_hover_text(&a.note);
    }
    if placing == Some(id.as_str()) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Drag over its passage in the article to place it here.",
        );
        if ui.button("Stop placing").clicked() {
            actions.push(Action::PlaceBySelection(None));
        }
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(suggestion) = orphan.suggestion {
            let text = doc.quote(suggestion.span()).unwrap_or_default();
            let button = ui
                .button(format!("Place at suggestion ({}%)", suggestion.confidence))
                .on_hover_text(format!("“{}”", shorten(text, 300)));
            if button.clicked() {
                actions.push(Action::PlaceOrphan {
                    id: id.clone(),
                    span: suggestion.span(),
                });
            }
            if ui.button("Show suggestion").clicked() {
                actions.push(Action::ScrollTo(suggestion.start));
            }
        }
        if ui
            .button("Place by selecting…")
            .on_hover_text("The next passage you select in the article becomes its place.")
            .clicked()
        {
            actions.push(Action::PlaceBySelection(Some(id.clone())));
        }
        if ui
            .button("Drop")
            .on_hover_text("Edit > Undo brings it back.")
            .clicked()
        {
            actions.push(Action::DropOrphan(id.clone()));
        }
    });
}
