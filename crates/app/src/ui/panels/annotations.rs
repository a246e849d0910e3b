//! The current document's annotations in reading order — label chip, shortened quote, note
//! marker, relation count — filtered by label, by text and to the claims without a source. Clicking one reveals it in the article; the
//! annotation selected in the article is highlighted and scrolled to here. Only the rows in view
//! are drawn, and the filtered list is rebuilt only when the project or the filter changes.

use std::collections::HashMap;

use eframe::egui::{self, ComboBox, ScrollArea, TextEdit, Ui};

use crate::{
    model::{Document, Project, linking::Unattributed},
    ui::{action::Action, colors::label_color, widgets},
};

/// Filter state and the cached filtered list.
#[derive(Default)]
pub struct AnnotationsPanel {
    label: Option<String>,
    text: String,
    /// Only claims no `attributed_to` relation starts at.
    unattributed: bool,
    /// Indices into the document's annotations that pass the filter with the number of
    /// relations linking each, and what they were computed for (document, revision, label,
    /// text, unattributed).
    shown: Vec<(usize, usize)>,
    shown_for: Option<(String, u64, Option<String>, String, bool)>,
    /// The selection last scrolled to, so a new selection scrolls the list once.
    scrolled_to: Option<String>,
}

impl AnnotationsPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        revision: u64,
        selected: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        ui.heading("Annotations");
        ui.horizontal(|ui| {
            let caption = ui.label("Label:");
            let shown = self
                .label
                .as_deref()
                .and_then(|id| project.label(id))
                .map_or("All labels".to_owned(), |l| l.name.clone());
            ComboBox::from_id_salt("annotation-label-filter")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.label, None, "All labels");
                    for label in project.labels() {
                        ui.selectable_value(&mut self.label, Some(label.id.clone()), &label.name);
                    }
                })
                .response
                .labelled_by(caption.id);
        });
        ui.horizontal(|ui| {
            let caption = ui.label("Text:");
            ui.add(
                TextEdit::singleline(&mut self.text)
                    .hint_text("in quote or note")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(caption.id);
        });
        ui.checkbox(&mut self.unattributed, "Only unattributed claims")
            .on_hover_text("Claims that no “attributed to” relation ties to a source yet");
        self.refresh(project, doc, revision);
        ui.weak(format!(
            "{} of {}",
            self.shown.len(),
            doc.annotations().len()
        ));
        ui.separator();

        let scroll_to_selected = selected.is_some() && self.scrolled_to.as_deref() != selected;
        let selected_row = selected.and_then(|id| {
            self.shown
                .iter()
                .position(|&(i, _)| doc.annotations()[i].id == id)
        });
        let row_height = ui.spacing().interact_size.y;
        let mut area = ScrollArea::vertical()
            .id_salt("annotation-list")
            .auto_shrink(false)
            .max_height(ui.available_height() * 0.55);
        if scroll_to_selected && let Some(row) = selected_row {
            let spacing = ui.spacing().item_spacing.y;
            area =
                area.vertical_scroll_offset((row as f32 * (row_height + spacing) - 60.0).max(0.0));
            self.scrolled_to = selected.map(ToOwned::to_owned);
        }
        area.show_rows(ui, row_height, self.shown.len(), |ui, rows| {
            for &(index, links) in &self.shown[rows] {
                let annotation = &doc.annotations()[index];
                let is_selected = selected == Some(annotation.id.as_str());
                let response = ui
                    .horizontal(|ui| {
                        let color = project
                            .label(&annotation.label)
                            .map_or(egui::Color32::GRAY, label_color);
                        widgets::color_chip_ui(ui, color);
                        let marker = if annotation.note.is_empty() {
                            ""
                        } else {
                            " (note)"
                        };
                        let links = match links {
                            0 => String::new(),
                            1 => " · 1 link".to_owned(),
                            n => format!(" · {n} links"),
                        };
                        let text =
                            format!("{}{marker}{links}", widgets::shorten(&annotation.quote, 48));
                        // Cut to the panel's width: a long row never widens the panel.
                        ui.add(egui::Button::selectable(is_selected, text).truncate())
                    })
                    .inner;
                if response.clicked() {
                    self.scrolled_to = Some(annotation.id.clone());
                    actions.push(Action::Reveal(annotation.id.clone()));
                }
            }
        });
        if selected.is_none() {
            self.scrolled_to = None;
        }
    }

    fn refresh(&mut self, project: &Project, doc: &Document, revision: u64) {
        let key = (
            doc.id().to_owned(),
            revision,
            self.label.clone(),
            self.text.clone(),
            self.unattributed,
        );
        if self.shown_for.as_ref() == Some(&key) {
            return;
        }
        let mut links: HashMap<&str, usize> = HashMap::new();
        for relation in doc.relations() {
            *links.entry(relation.from.as_str()).or_default() += 1;
            *links.entry(relation.to.as_str()).or_default() += 1;
        }
        let needle = self.text.trim().to_lowercase();
        let without_source = Unattributed::of(project, doc);
        self.shown = doc
            .annotations()
            .iter()
            .enumerate()
            .filter(|(_, a)| self.label.as_ref().is_none_or(|l| *l == a.label))
            .filter(|(_, a)| {
                needle.is_empty()
                    || a.quote.to_lowercase().contains(&needle)
                    || a.note.to_lowercase().contains(&needle)
            })
            .filter(|(_, a)| !self.unattributed || without_source.contains(a))
            .map(|(i, a)| (i, links.get(a.id.as_str()).copied().unwrap_or(0)))
            .collect();
        self.shown_for = Some(key);
    }
}
