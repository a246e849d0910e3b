//! The selected annotation: its label (changeable), quote, offsets, relations and a note
//! editor. Typing in the note changes the project as you type; consecutive keystrokes are one
//! undo step.

use eframe::egui::{ComboBox, RichText, ScrollArea, TextEdit, Ui};

use crate::{
    model::{Document, Project},
    ui::{action::Action, colors::label_color, widgets},
};

/// The note being edited, kept apart from the project while typing.
#[derive(Default)]
pub struct DetailsPanel {
    note: String,
    note_for: Option<String>,
    focus_note: bool,
}

impl DetailsPanel {
    /// Puts the cursor in the note editor on the next frame.
    pub fn focus_note(&mut self) {
        self.focus_note = true;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        selected: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        let Some(annotation) = selected.and_then(|id| doc.annotation(id)) else {
            ui.weak("Select an annotation in the article or the list to see it here.");
            self.note_for = None;
            return;
        };
        ui.label(RichText::new("Selected annotation").strong());
        ui.horizontal(|ui| {
            let caption = ui.label("Label:");
            let current = project.label(&annotation.label);
            if let Some(label) = current {
                widgets::color_chip_ui(ui, label_color(label));
            }
            ComboBox::from_id_salt("selected-label")
                .selected_text(current.map_or(annotation.label.as_str(), |l| l.name.as_str()))
                .show_ui(ui, |ui| {
                    for label in project.labels() {
                        if ui
                            .selectable_label(label.id == annotation.label, &label.name)
                            .clicked()
                            && label.id != annotation.label
                        {
                            actions.push(Action::Relabel {
                                id: annotation.id.clone(),
                                label: label.id.clone(),
                            });
                        }
                    }
                })
                .response
                .labelled_by(caption.id);
        });
        ScrollArea::vertical()
            .id_salt("selected-quote")
            .max_height(90.0)
            .show(ui, |ui| {
                ui.label(RichText::new(format!("“{}”", annotation.quote)).italics());
            });
        let utf16 = doc
            .offsets()
            .utf16_from_char(doc.text(), annotation.start)
            .zip(doc.offsets().utf16_from_char(doc.text(), annotation.end));
        let offsets = match utf16 {
            Some((s, e)) if (s, e) != (annotation.start, annotation.end) => format!(
                "chars {}–{} (UTF-16 {s}–{e}) · {}",
                annotation.start, annotation.end, annotation.id
            ),
            _ => format!(
                "chars {}–{} · {}",
                annotation.start, annotation.end, annotation.id
            ),
        };
        ui.weak(offsets);
        if !annotation.analysts.is_empty() {
            ui.weak(format!("From: {}", annotation.analysts.join(", ")))
                .on_hover_text("In a merged project: the analysts who coded this passage alike");
        }

        ui.add_space(4.0);
        super::relations_list::relations_ui(ui, project, doc, annotation, actions);
        ui.add_space(4.0);
        let switched = self.note_for.as_deref() != Some(annotation.id.as_str());
        if switched {
            self.note = annotation.note.clone();
            self.note_for = Some(annotation.id.clone());
        }
        let caption = ui.label("Note:");
        let edit = ui
            .add(
                TextEdit::multiline(&mut self.note)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text("Why this passage, what it means…"),
            )
            .labelled_by(caption.id);
        if std::mem::take(&mut self.focus_note) {
            edit.request_focus();
        } else if switched && edit.has_focus() {
            // Another annotation was selected: what is typed next must not land in its note
            // unasked.
            edit.surrender_focus();
        }
        if edit.changed() {
            actions.push(Action::SetNote {
                id: annotation.id.clone(),
                note: self.note.clone(),
            });
        } else if !edit.has_focus() && self.note != annotation.note {
            // Undo or redo changed the note: show what the project holds.
            self.note = annotation.note.clone();
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button("Copy quote").clicked() {
                actions.push(Action::CopyQuote(annotation.id.clone()));
            }
            if ui
                .button(widgets::delete_text(doc, &annotation.id))
                .on_hover_text("Delete / Backspace; Ctrl+Z restores it")
                .clicked()
            {
                actions.push(Action::Delete(annotation.id.clone()));
            }
        });
    }
}
