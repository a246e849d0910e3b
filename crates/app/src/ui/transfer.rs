//! Export and import from the window: the Export window's answer, writing the chosen format
//! where the user chose, and importing other tools' annotations into the open project as one
//! undoable step. Every outcome — what was left out, what could not be placed — is told in a
//! message.

use std::path::{Path, PathBuf};

use eframe::egui::Context;

use super::{
    action::{Action, FileRequest},
    app::MarginaliaApp,
    dialogs::{export_dialog::ExportChoice, modals::Modal},
};
use crate::{
    clock::now_rfc3339,
    export::{Format, InFolder},
    import::annotations::{Unanchored, UnitChoice},
    model::plural::counted,
    workspace::{ImportAnnotationsError, export_to_path, suggested_stem},
};

/// At most this many unplaced annotations are listed in a message (the rest are counted).
const LISTED: usize = 20;

impl MarginaliaApp {
    /// Shows the Export window while it is open and acts on its answer.
    pub(super) fn export_window(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        if !self.export_open {
            return;
        }
        let current = self.doc.clone();
        let revision = self.workspace.editor().revision();
        let choice = self
            .export
            .ui(ctx, self.workspace.project(), current.as_deref(), revision);
        match choice {
            Some(ExportChoice::ChooseDestination) => {
                self.export_open = false;
                actions.push(Action::Choose(FileRequest::Export(self.export.format)));
            }
            Some(ExportChoice::Cancel) => self.export_open = false,
            None => {}
        }
    }

    /// The file name an export starts with: the project's title and the format's extension.
    pub(super) fn suggested_export_name(&self, format: Format) -> String {
        let stem = suggested_stem(&self.workspace.project().meta().title);
        match format.extension() {
            Some(extension) => format!("{stem}.{extension}"),
            None => format!("{stem}-brat"),
        }
    }

    /// Writes the export set up in the Export window to `path`; a folder export meeting a
    /// previous export's files there (and nothing else) asks before replacing them.
    pub(super) fn export_to(&mut self, format: Format, path: &Path, in_folder: InFolder) {
        let path = match format.extension() {
            Some(extension) if path.extension().is_none() => path.with_extension(extension),
            _ => path.to_owned(),
        };
        let options = self.export.effective_options(self.doc.as_deref());
        let written = export_to_path(
            self.workspace.project(),
            self.workspace.file(),
            format,
            &options,
            &path,
            in_folder,
        );
        match written {
            Ok(losses) => {
                let mut body = format!("{} written to {}.", format.describe(), path.display());
                if losses.is_empty() {
                    body.push_str("\nNothing was left out.");
                } else {
                    body.push_str("\nLeft out, as the format cannot carry it:");
                    for loss in losses {
                        body.push_str(&format!("\n• {loss}"));
                    }
                }
                self.messages.info("Exported", body);
            }
            Err(error) if error.replaceable().is_some() => {
                self.modal = Some(Modal::ReplaceExportFiles {
                    format,
                    folder: path,
                    files: error.replaceable().unwrap_or_default().to_vec(),
                });
            }
            Err(error) => self.messages.error(
                "Export not written",
                format!("{error}\nThe project is unchanged and no file was written."),
            ),
        }
    }

    /// Imports annotation files into the open project as one undoable step, and reports what
    /// was added and what could not be placed.
    pub(super) fn import_annotations(&mut self, paths: &[PathBuf]) {
        let failed = |e: &dyn std::fmt::Display| {
            format!("{e}\nNothing was imported; the project is unchanged.")
        };
        let now = now_rfc3339();
        let imported = match self
            .workspace
            .import_annotations(paths, UnitChoice::Detect, &now)
        {
            Ok(imported) => imported,
            Err(ImportAnnotationsError::NothingPlaced { unplaced, .. }) => {
                let mut body = "No annotation could be placed.".to_owned();
                push_unplaced(&mut body, &unplaced);
                self.messages.error("Nothing imported", failed(&body));
                return;
            }
            Err(error) => {
                self.messages
                    .error("Could not import annotations", failed(&error));
                return;
            }
        };
        let summary = imported.summary;
        let mut body = format!(
            "{} annotation(s) and {} relation(s) imported{}{}.",
            summary.annotations,
            summary.relations,
            plural_part(summary.documents_added, "new document"),
            plural_part(summary.labels_added, "new label"),
        );
        if summary.already_there > 0 {
            body.push_str(&format!(
                "\n{} were already in the project (same label and passage) and were skipped.",
                summary.already_there
            ));
        }
        for notice in &imported.notices {
            body.push_str(&format!("\nNote: {notice}"));
        }
        push_unplaced(&mut body, &imported.unplaced);
        body.push_str("\nEdit > Undo takes the whole import back.");
        self.messages.info("Annotations imported", body);
        // Show the document the import was about.
        if imported.first_document.is_some() {
            self.show_document(imported.first_document);
        }
    }
}

/// ", 2 new documents" (nothing for none), to follow a sentence's first part.
fn plural_part(count: usize, what: &str) -> String {
    match count {
        0 => String::new(),
        n => format!(", {}", counted(n, what)),
    }
}

/// Appends the list of annotations that could not be placed (at most [`LISTED`]).
fn push_unplaced(body: &mut String, missed: &[Unanchored]) {
    if missed.is_empty() {
        return;
    }
    body.push_str(&format!(
        "\n{} annotation(s) could not be placed and were not imported:",
        missed.len()
    ));
    for miss in missed.iter().take(LISTED) {
        body.push_str(&format!("\n• {miss}"));
    }
    if missed.len() > LISTED {
        body.push_str(&format!("\n… and {} more.", missed.len() - LISTED));
    }
}
