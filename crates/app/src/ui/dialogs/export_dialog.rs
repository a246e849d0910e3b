//! The Export window: the format, its options, which documents, and — before anything is
//! written — what the format cannot carry and whether every quote still matches its text.

use eframe::egui::{self, Context, RichText};

use crate::{
    export::{self, ExportError, ExportOptions, Format, Loss, Scope},
    model::{OffsetUnit, Project},
};

/// What the Export window asks for.
pub enum ExportChoice {
    /// Go on: choose where to write.
    ChooseDestination,
    Cancel,
}

/// The export settings, kept between exports while the window runs.
pub struct ExportDialog {
    pub format: Format,
    pub options: ExportOptions,
    /// Export only the document shown (its title goes into `options.document`).
    pub only_current: bool,
    /// The loss report and quote check for the settings and project revision they were made for.
    preview: Option<(PreviewKey, Result<Vec<Loss>, String>)>,
}

#[derive(Clone, PartialEq, Eq)]
struct PreviewKey {
    format: Format,
    options: ExportOptions,
    revision: u64,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            format: Format::Csv,
            options: ExportOptions::default(),
            only_current: false,
            preview: None,
        }
    }
}

impl ExportDialog {
    /// The options for the export about to be made, with the document filled in.
    #[must_use]
    pub fn effective_options(&self, current: Option<&str>) -> ExportOptions {
        ExportOptions {
            document: self
                .only_current
                .then(|| current.map(str::to_owned))
                .flatten(),
            ..self.options.only_for(self.format)
        }
    }

    /// Shows the window for the document shown, `current` (its id); `revision` tells when the
    /// project changed, so the report is redone.
    pub fn ui(
        &mut self,
        ctx: &Context,
        project: &Project,
        current: Option<&str>,
        revision: u64,
    ) -> Option<ExportChoice> {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Export");
            ui.label("Format:");
            for format in Format::ALL {
                ui.radio_value(&mut self.format, format, format.describe());
            }
            ui.separator();
            if let Some(title) = current
                .and_then(|id| project.document(id))
                .map(|d| d.title())
            {
                ui.checkbox(
                    &mut self.only_current,
                    format!(
                        "Only the document shown: {}",
                        crate::excerpt::shorten(title, 50)
                    ),
                );
            }
            if self.format.has_offset_choice() {
                egui::ComboBox::from_label("Positions counted in")
                    .selected_text(self.options.offsets.describe())
                    .show_ui(ui, |ui| {
                        for unit in OffsetUnit::ALL {
                            ui.selectable_value(&mut self.options.offsets, unit, unit.describe());
                        }
                    });
            }
            if self.format == Format::Csv {
                ui.checkbox(
                    &mut self.options.csv_bom,
                    "Start with a byte-order mark (for Excel)",
                );
                ui.checkbox(
                    &mut self.options.csv_protect_formulas,
                    "Protect against formulas (cells starting with = + - @ get a ')",
                );
            }
            ui.separator();
            let options = self.effective_options(current);
            let ready = self.report_ui(ui, project, options, revision);
            ui.separator();
            ui.horizontal(|ui| {
                let go = if self.format.extension().is_some() {
                    "Choose file and export…"
                } else {
                    "Choose folder and export…"
                };
                if ui.add_enabled(ready, egui::Button::new(go)).clicked() {
                    choice = Some(ExportChoice::ChooseDestination);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(ExportChoice::Cancel);
                }
            });
        });
        choice
    }

    /// Shows what will be lost (or why the export cannot be made); returns whether it can.
    fn report_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        options: ExportOptions,
        revision: u64,
    ) -> bool {
        let key = PreviewKey {
            format: self.format,
            options,
            revision,
        };
        if self.preview.as_ref().is_none_or(|(k, _)| *k != key) {
            let report = preview(project, key.format, &key.options).map_err(|e| e.to_string());
            self.preview = Some((key, report));
        }
        let Some((_, report)) = &self.preview else {
            return false;
        };
        match report {
            Ok(losses) if losses.is_empty() => {
                ui.label("Nothing is left out: this format carries everything in the project.");
                true
            }
            Ok(losses) => {
                ui.label(RichText::new("What this format cannot carry:").strong());
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for loss in losses {
                            ui.label(format!("• {loss}"));
                        }
                    });
                true
            }
            Err(error) => {
                ui.colored_label(ui.visuals().error_fg_color, error);
                false
            }
        }
    }
}

/// The loss report after the checks an export makes first.
fn preview(
    project: &Project,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<Loss>, ExportError> {
    let scope = Scope::new(project, options.document.as_deref())?;
    export::check_quotes(&scope)?;
    Ok(export::losses(format, &scope, options))
}
