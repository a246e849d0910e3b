//! The status bar: a word about what just happened, document, counts, who is annotating (a link
//! to the project settings), unsaved marker, project file and last recovery copy.

use std::path::Path;

use eframe::egui::{RichText, Ui};

use crate::{
    model::{Document, Project},
    ui::action::Action,
};

/// What the status bar shows besides the project itself.
pub struct StatusInput<'a> {
    /// What just happened that the user should know (e.g. relations removed with a delete).
    pub notice: Option<&'a str>,
    pub project: &'a Project,
    pub doc: Option<&'a Document>,
    pub dirty: bool,
    pub file: Option<&'a Path>,
    /// When the last recovery copy was written (local time, for people).
    pub last_recovery: Option<&'a str>,
}

pub fn status_ui(ui: &mut Ui, input: &StatusInput<'_>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if let Some(notice) = input.notice {
            ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
            ui.separator();
        }
        if let Some(doc) = input.doc {
            ui.label(RichText::new(doc.title()).strong());
            ui.separator();
            ui.label(format!("{} annotations here", doc.annotations().len()));
        }
        let total: usize = input
            .project
            .documents()
            .iter()
            .map(|d| d.annotations().len())
            .sum();
        ui.label(format!("{total} in project"));
        ui.separator();
        let annotator = &input.project.meta().annotator;
        let who = if annotator.trim().is_empty() {
            "Annotator: not set".to_owned()
        } else {
            format!("Annotator: {annotator}")
        };
        if ui
            .link(who)
            .on_hover_text("Who is annotating, recorded in the project: File > Project settings…")
            .clicked()
        {
            actions.push(Action::ShowProjectSettings);
        }
        ui.separator();
        if input.dirty {
            ui.label(RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color));
        } else {
            ui.weak("Saved");
        }
        ui.separator();
        match input.file {
            Some(file) => ui.weak(file.display().to_string()),
            None => ui.weak("Not saved to a file yet"),
        };
        if let Some(at) = input.last_recovery {
            ui.separator();
            ui.weak(format!("Recovery copy {at}"));
        }
    });
}
