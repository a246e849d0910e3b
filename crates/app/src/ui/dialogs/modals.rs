//! The questions the window asks before going on — unsaved changes (Save / Discard / Cancel),
//! what to do with a deleted label's annotations, whether to restore a recovery copy — the
//! project settings (titles and annotator), and the help and about windows.

use std::path::PathBuf;

use eframe::egui::{self, ComboBox, Context, Grid, Key, RichText};

use crate::{
    export::Format,
    model::{LabelRemoval, Project, plural::counted},
    store::Allow,
    ui::shortcuts::HELP_TABLE,
    workspace::ChangesAnswer,
};

pub use crate::workspace::Pending;

/// A question or window shown over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    UnsavedChanges {
        then: Pending,
    },
    /// The comparison has curation decisions not saved in a merged project.
    UnsavedDecisions {
        then: Pending,
    },
    RemoveLabel {
        id: String,
        name: String,
        count: usize,
        reassign_to: Option<String>,
    },
    Recovery {
        path: PathBuf,
        written: String,
    },
    /// Another program changed the project's file since it was opened or last saved: noticed
    /// while `saving` it, or while it was open.
    ChangedOnDisk {
        path: PathBuf,
        dirty: bool,
        saving: bool,
        /// What the user already agreed to replace in this save.
        agreed: Allow,
    },
    /// Saving would replace a read-only project file.
    ReadOnlyFile {
        path: PathBuf,
        agreed: Allow,
    },
    /// A folder export found the files of a previous export in its folder (and nothing else).
    ReplaceExportFiles {
        format: Format,
        folder: PathBuf,
        files: Vec<String>,
    },
    /// The project's title and annotator, and its documents' titles, being edited.
    ProjectSettings(ProjectSettings),
    Shortcuts,
    About,
}

/// What File > Project settings… edits: the project's title, who is annotating (recorded in
/// the project), and each document's title, as `(id, title)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectSettings {
    pub title: String,
    pub annotator: String,
    pub documents: Vec<(String, String)>,
}

impl ProjectSettings {
    /// The settings as `project` has them now.
    #[must_use]
    pub fn of(project: &Project) -> Self {
        Self {
            title: project.meta().title.clone(),
            annotator: project.meta().annotator.clone(),
            documents: project
                .documents()
                .iter()
                .map(|d| (d.id().to_owned(), d.title().to_owned()))
                .collect(),
        }
    }
}

/// The answer to a modal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The answer to the unsaved-changes question asked before `Pending`.
    UnsavedChanges(Pending, ChangesAnswer),
    /// Close the comparison without saving its decisions, then go on.
    DiscardDecisionsThen(Pending),
    RemoveLabel {
        id: String,
        removal: LabelRemoval,
    },
    Restore(PathBuf),
    DiscardRecovery(PathBuf),
    /// Read the changed file again (unsaved work is kept in a file of its own first).
    Reload,
    /// Save again, replacing what the user agreed to: another program's changes (they stay as
    /// the backup), a read-only file (it stays read-only).
    SaveAllowing(Allow),
    /// Save under another name instead.
    SaveAsInstead,
    /// Export again, replacing the files of a previous export in `folder`.
    ReplaceExport {
        format: Format,
        folder: PathBuf,
    },
    /// Apply these project settings.
    ProjectSettings(ProjectSettings),
    /// Close without doing anything (Cancel, Escape, Close, or “Decide later”).
    Close,
}

impl Modal {
    pub fn ui(&mut self, ctx: &Context, project: &Project) -> Option<Answer> {
        let mut answer = None;
        let response = egui::Modal::new(egui::Id::unique("marginalia-modal")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match self {
                Self::UnsavedChanges { then } => {
                    ui.heading("Save changes?");
                    let title = if project.meta().title.is_empty() { "This project" } else { &project.meta().title };
                    ui.label(format!(
                        "“{title}” has changes that are not saved. Save them before going on?"
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            answer = Some(Answer::UnsavedChanges(then.clone(), ChangesAnswer::Save));
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::UnsavedChanges(then.clone(), ChangesAnswer::Discard));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::RemoveLabel {
                    id,
                    name,
                    count,
                    reassign_to,
                } => {
                    ui.heading(format!("Delete the label “{name}”?"));
                    ui.label(format!(
                        "{count} annotation{} use{} it. Delete them with the label, or give them \
                         another label?",
                        if *count == 1 { "" } else { "s" },
                        if *count == 1 { "s" } else { "" },
                    ));
                    ui.horizontal(|ui| {
                        let caption = ui.label("Give them the label:");
                        let others: Vec<_> = project.labels().iter().filter(|l| l.id != *id).collect();
                        let shown = reassign_to
                            .as_deref()
                            .and_then(|r| project.label(r))
                            .map_or("choose…", |l| l.name.as_str());
                        ComboBox::from_id_salt("reassign-label")
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                for label in others {
                                    ui.selectable_value(reassign_to, Some(label.id.clone()), &label.name);
                                }
                            })
                            .response
                            .labelled_by(caption.id);
                    });
                    ui.horizontal(|ui| {
                        if let Some(to) = reassign_to.clone()
                            && ui.button("Reassign and delete label").clicked()
                        {
                            answer = Some(Answer::RemoveLabel {
                                id: id.clone(),
                                removal: LabelRemoval::ReassignTo(to),
                            });
                        }
                        let delete = if *count == 1 {
                            "Delete label and its annotation".to_owned()
                        } else {
                            format!("Delete label and its {count} annotations")
                        };
                        if ui.button(delete).clicked() {
                            answer = Some(Answer::RemoveLabel {
                                id: id.clone(),
                                removal: LabelRemoval::DeleteAnnotations,
                            });
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                    ui.weak("Either way, Undo brings everything back.");
                }
                Self::UnsavedDecisions { then } => {
                    ui.heading("Discard the comparison's decisions?");
                    ui.label(
                        "The decisions taken in the comparison are not saved in a merged project \
                         yet. Cancel, then Save merged project as… keeps them.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button("Discard decisions").clicked() {
                            answer = Some(Answer::DiscardDecisionsThen(then.clone()));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::Recovery { path, written } => {
                    ui.heading("Recover unsaved work?");
                    ui.label(format!(
                        "A recovery copy written {written} is newer than the project file. It holds \
                         changes that were not saved, probably because Marginalia did not close \
                         normally."
                    ));
                    ui.weak(path.display().to_string());
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Some(Answer::Restore(path.clone()));
                        }
                        if ui.button("Discard the copy").clicked() {
                            answer = Some(Answer::DiscardRecovery(path.clone()));
                        }
                        if ui.button("Decide later").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::ChangedOnDisk {
                    path,
                    dirty,
                    saving,
                    agreed,
                } => {
                    ui.heading("The file was changed by another program");
                    let when = if *saving { "Nothing was saved: " } else { "" };
                    ui.label(format!(
                        "{when}{} changed on disk since you opened or last saved it (another \
                         program, a sync or a git pull wrote it).",
                        path.display()
                    ));
                    if *dirty {
                        ui.label(
                            "Your unsaved changes are still here. Reload keeps them in a file of \
                             their own first; Overwrite replaces the other version, which stays \
                             as the backup (.bak).",
                        );
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Reload").clicked() {
                            answer = Some(Answer::Reload);
                        }
                        if *dirty || *saving {
                            if ui.button("Save as…").clicked() {
                                answer = Some(Answer::SaveAsInstead);
                            }
                            if ui.button("Overwrite").clicked() {
                                answer = Some(Answer::SaveAllowing(Allow {
                                    other_changes: true,
                                    ..*agreed
                                }));
                            }
                        }
                        let keep = if *saving { "Cancel" } else { "Keep mine" };
                        if ui.button(keep).clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::ReadOnlyFile { path, agreed } => {
                    ui.heading("The project file is read-only");
                    ui.label(format!(
                        "Nothing was saved: {} is read-only, perhaps to keep it from being \
                         changed. Replace it anyway (it stays read-only), or save your version \
                         under another name?",
                        path.display()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Replace anyway").clicked() {
                            answer = Some(Answer::SaveAllowing(Allow {
                                read_only: true,
                                ..*agreed
                            }));
                        }
                        if ui.button("Save as…").clicked() {
                            answer = Some(Answer::SaveAsInstead);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::ReplaceExportFiles { format, folder, files } => {
                    ui.heading("Replace the files of a previous export?");
                    ui.label(format!(
                        "Nothing was written: {} already holds {} this {} export writes:",
                        folder.display(),
                        counted(files.len(), "file"),
                        format.name(),
                    ));
                    const SHOWN: usize = 8;
                    for file in files.iter().take(SHOWN) {
                        ui.label(format!("• {file}"));
                    }
                    if files.len() > SHOWN {
                        ui.label(format!("… and {} more", files.len() - SHOWN));
                    }
                    ui.label("Replace them, or choose another folder?");
                    ui.horizontal(|ui| {
                        if ui.button("Replace").clicked() {
                            answer = Some(Answer::ReplaceExport {
                                format: *format,
                                folder: folder.clone(),
                            });
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                }
                Self::ProjectSettings(settings) => {
                    ui.heading("Project settings");
                    Grid::new("project-settings").num_columns(2).show(ui, |ui| {
                        let caption = ui.label("Project title:");
                        ui.add(egui::TextEdit::singleline(&mut settings.title).desired_width(320.0))
                            .labelled_by(caption.id);
                        ui.end_row();
                        let caption = ui.label("Annotator:");
                        ui.add(
                            egui::TextEdit::singleline(&mut settings.annotator)
                                .desired_width(320.0)
                                .hint_text("Your name, recorded in the project"),
                        )
                        .labelled_by(caption.id);
                        ui.end_row();
                    });
                    if !settings.documents.is_empty() {
                        ui.add_space(6.0);
                        ui.strong("Documents");
                        egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
                            Grid::new("document-titles").num_columns(2).show(ui, |ui| {
                                for (n, (_, title)) in settings.documents.iter_mut().enumerate() {
                                    let caption = ui.label(format!("Title of document {}:", n + 1));
                                    ui.add(egui::TextEdit::singleline(title).desired_width(320.0))
                                        .labelled_by(caption.id);
                                    ui.end_row();
                                }
                            });
                        });
                    }
                    let valid = !settings.title.trim().is_empty()
                        && settings.documents.iter().all(|(_, t)| !t.trim().is_empty());
                    ui.horizontal(|ui| {
                        if ui.add_enabled(valid, egui::Button::new("Apply")).clicked() {
                            answer = Some(Answer::ProjectSettings(settings.clone()));
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Close);
                        }
                    });
                    if !valid {
                        ui.weak("A project and each document need a title.");
                    }
                }
                Self::Shortcuts => {
                    ui.heading("Keyboard shortcuts and gestures");
                    egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.7).show(ui, |ui| {
                        Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for (keys, what) in HELP_TABLE {
                                ui.label(RichText::new(*keys).strong());
                                ui.label(*what);
                                ui.end_row();
                            }
                        });
                    });
                    if ui.button("Close").clicked() {
                        answer = Some(Answer::Close);
                    }
                }
                Self::About => {
                    ui.heading("Marginalia");
                    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                    ui.label(env!("CARGO_PKG_DESCRIPTION"));
                    ui.label(
                        "Projects are plain RON files (see docs/FORMAT.md); offsets count Unicode \
                         characters, so they never drift on emoji or accents.",
                    );
                    if ui.button("Close").clicked() {
                        answer = Some(Answer::Close);
                    }
                }
            }
        });
        if answer.is_none()
            && (response.should_close() || ctx.input(|i| i.key_pressed(Key::Escape)))
        {
            answer = Some(Answer::Close);
        }
        answer
    }
}
