//! The label palette: colour chip (a colour picker), key and name, counts (in the document shown
//! and in the project) and a menu (key, rename, delete) per label, fitted to the panel's width;
//! choose an active label for fast tagging; add, rename, recolour, re-key and delete labels.

use std::collections::HashMap;

use eframe::egui::{self, RichText, Ui, WidgetInfo};

use super::rename_field::Renaming;
use crate::{
    model::{Document, Label, Project, label::color_hex},
    ui::{action::Action, colors::label_color},
};

/// Editing state of the label panel.
#[derive(Default)]
pub struct LabelsPanel {
    renaming: Renaming,
    new_name: String,
    /// Per label: annotations in the document shown and in the whole project (orphans
    /// included), and what they were counted for (document, revision).
    counts: HashMap<String, (usize, usize)>,
    counted_for: Option<(Option<String>, u64)>,
}

impl LabelsPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        shown: Option<&Document>,
        revision: u64,
        active: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        self.count(project, shown, revision);
        ui.heading("Labels");
        let ask = active.is_none();
        if ui
            .radio(ask, "Ask with a palette after each drag")
            .on_hover_text("Or choose a label below: every drag is then tagged with it at once.")
            .clicked()
            && !ask
        {
            actions.push(Action::SetActiveLabel(None));
        }
        for label in project.labels() {
            self.label_row_ui(ui, project, label, active, actions);
        }
        ui.add_space(4.0);
        if let Some(name) =
            super::add_by_name::add_by_name_ui(ui, "New label:", &mut self.new_name, "Add label")
        {
            actions.push(Action::AddLabel(name));
        }
    }

    /// Counts every label's annotations once per change of the project or of the document shown.
    fn count(&mut self, project: &Project, shown: Option<&Document>, revision: u64) {
        let key = (shown.map(|d| d.id().to_owned()), revision);
        if self.counted_for.as_ref() == Some(&key) {
            return;
        }
        self.counts.clear();
        for doc in project.documents() {
            let here = shown.is_some_and(|s| s.id() == doc.id());
            let labels = doc
                .annotations()
                .iter()
                .chain(doc.orphans().iter().map(|o| &o.annotation))
                .map(|a| a.label.as_str());
            for label in labels {
                let entry = self.counts.entry(label.to_owned()).or_default();
                entry.1 += 1;
                if here {
                    entry.0 += 1;
                }
            }
        }
        self.counted_for = Some(key);
    }

    fn start_rename(&mut self, label: &Label) {
        self.renaming.start(&label.id, &label.name);
    }

    fn label_row_ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        label: &Label,
        active: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            let is_active = active == Some(label.id.as_str());
            if ui
                .radio(is_active, "")
                .on_hover_text(format!("Tag every drag as {} at once", label.name))
                .clicked()
                && !is_active
            {
                actions.push(Action::SetActiveLabel(Some(label.id.clone())));
            }
            let [r, g, b, _] = label_color(label).to_array();
            let mut rgb3 = [r, g, b];
            // A square swatch: the name needs the room more than a wide colour button.
            ui.spacing_mut().interact_size.x = ui.spacing().interact_size.y;
            if ui
                .color_edit_button_srgb(&mut rgb3)
                .on_hover_text("Change colour")
                .changed()
            {
                let color = color_hex(rgb3);
                actions.push(Action::UpdateLabel(Label {
                    color,
                    ..label.clone()
                }));
            }
            // From the right: the actions menu, the count and the key, then the name in what
            // is left, cut short if need be, so the row always fits the panel.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let more = ui.menu_button("…", |ui| {
                    key_menu_ui(ui, project, label, actions);
                    if ui.button("Rename").clicked() {
                        self.start_rename(label);
                        ui.close();
                    }
                    if ui.button("Delete label").clicked() {
                        actions.push(Action::RemoveLabel(label.id.clone()));
                        ui.close();
                    }
                });
                let name = label.name.clone();
                more.response.widget_info(|| {
                    WidgetInfo::labeled(egui::Role::Button, true, format!("More for {name}"))
                });
                let (here, all) = self.counts.get(&label.id).copied().unwrap_or_default();
                let counts = if project.documents().len() > 1 {
                    format!("{here} / {all}")
                } else {
                    all.to_string()
                };
                ui.weak(counts).on_hover_text(format!(
                    "{here} in the document shown, {all} in the project"
                ));
                self.name_ui(ui, label, is_active, actions);
            });
        });
    }

    /// The label's name, or the field renaming it; a double-click on the name renames it.
    fn name_ui(&mut self, ui: &mut Ui, label: &Label, is_active: bool, actions: &mut Vec<Action>) {
        if self.renaming.is_for(&label.id) {
            if let Some(name) = self.renaming.ui(ui, &label.name, "Label name") {
                actions.push(Action::UpdateLabel(Label {
                    name,
                    ..label.clone()
                }));
            }
            return;
        }
        let name = RichText::new(&label.name);
        let name = if is_active { name.strong() } else { name };
        let response = ui
            .with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                // The key first, as the palette shows it.
                if let Some(key) = label.key {
                    ui.weak(key.to_string())
                        .on_hover_text("The key that tags a selection with this label");
                }
                ui.add(
                    egui::Label::new(name)
                        .truncate()
                        .sense(egui::Sense::click()),
                )
            })
            .inner;
        if response
            .on_hover_text(if label.description.is_empty() {
                "Double-click to rename"
            } else {
                &label.description
            })
            .double_clicked()
        {
            self.start_rename(label);
        }
    }
}

/// The label's key (none or 1–9) as a submenu; keys used by other labels are not offered.
fn key_menu_ui(ui: &mut Ui, project: &Project, label: &Label, actions: &mut Vec<Action>) {
    let taken = |digit: char| {
        project
            .labels()
            .iter()
            .any(|l| l.id != label.id && l.key == Some(digit))
    };
    let hover = "The key that tags a selection with this label";
    if let Some(key) = super::key_menu::key_menu_ui(ui, label.key, '1'..='9', taken, hover) {
        actions.push(Action::UpdateLabel(Label {
            key,
            ..label.clone()
        }));
    }
}
