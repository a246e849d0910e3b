//! Choosing a file: the native dialog (rfd, through the desktop portal) runs on its own thread
//! and sends its answer back; when no native dialog can open, a window asks for a typed path
//! and says why.

use std::{
    path::{Path, PathBuf},
    sync::mpsc::{self, Receiver, TryRecvError},
};

use eframe::egui::{self, Context, Key, TextEdit};

use crate::ui::action::{Action, FileRequest};

/// The typed-path window: which request, what is typed, why the native dialog is not used.
struct Typed {
    request: FileRequest,
    text: String,
    reason: Option<String>,
    /// Put the cursor in the field on the next frame.
    focus: bool,
}

/// File choosing for the window.
pub struct FileDialogs {
    /// Whether to try native dialogs at all (off in tests and when known to be unavailable).
    native: bool,
    pending: Option<(FileRequest, Receiver<Vec<PathBuf>>)>,
    typed: Option<Typed>,
}

impl FileDialogs {
    #[must_use]
    pub fn new(native: bool) -> Self {
        Self {
            native,
            pending: None,
            typed: None,
        }
    }

    /// Whether a native dialog is open now.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Asks the user for a file for `request`, starting in `folder`.
    pub fn request(
        &mut self,
        ctx: &Context,
        request: FileRequest,
        folder: Option<&Path>,
        suggested: &str,
    ) {
        if self.pending.is_some() {
            return;
        }
        let reason = if self.native {
            native_unavailable()
        } else {
            None
        };
        if !self.native || reason.is_some() {
            self.typed = Some(Typed {
                request,
                // Start from the project's folder (and a suggested name), ready to complete.
                text: folder
                    .map(|f| f.join(suggested).display().to_string())
                    .unwrap_or_default(),
                reason,
                focus: true,
            });
            return;
        }
        let (send, receive) = mpsc::channel();
        let dialog = dialog_for(request, folder, suggested);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen: Vec<PathBuf> = match request {
                FileRequest::SaveAs | FileRequest::SaveMerged => {
                    dialog.save_file().into_iter().collect()
                }
                FileRequest::Export(format) if format.extension().is_none() => {
                    dialog.pick_folder().into_iter().collect()
                }
                FileRequest::Export(_) => dialog.save_file().into_iter().collect(),
                FileRequest::CompareWith | FileRequest::ImportAnnotations => {
                    dialog.pick_files().unwrap_or_default()
                }
                _ => dialog.pick_file().into_iter().collect(),
            };
            let _ = send.send(chosen);
            ctx.request_repaint();
        });
        self.pending = Some((request, receive));
    }

    /// Shows the typed-path window and collects answers from the native dialog.
    pub fn ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        if let Some((request, receiver)) = &self.pending {
            match receiver.try_recv() {
                Ok(paths) => {
                    if !paths.is_empty() {
                        actions.push(answer(*request, paths));
                    }
                    self.pending = None;
                }
                Err(TryRecvError::Disconnected) => {
                    let request = *request;
                    self.pending = None;
                    self.typed = Some(Typed {
                        request,
                        text: String::new(),
                        reason: Some("The file dialog closed unexpectedly.".to_owned()),
                        focus: true,
                    });
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        let Some(typed) = &mut self.typed else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("typed-path")).show(ctx, |ui| {
            ui.heading(title(typed.request));
            if let Some(reason) = &typed.reason {
                ui.label(reason);
            }
            let caption = ui.label(match typed.request {
                FileRequest::CompareWith => "Paths of the projects (separate several with ;):",
                FileRequest::ImportAnnotations => "Paths of the files (separate several with ;):",
                FileRequest::Export(format) if format.extension().is_none() => {
                    "Path of the folder:"
                }
                _ => "Path of the file:",
            });
            let edit = ui
                .add(TextEdit::singleline(&mut typed.text).desired_width(420.0))
                .labelled_by(caption.id);
            if std::mem::take(&mut typed.focus) {
                edit.request_focus();
            }
            let enter =
                (edit.lost_focus() || edit.has_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                let path = typed.text.trim();
                if (ui
                    .add_enabled(!path.is_empty(), egui::Button::new("OK"))
                    .clicked()
                    || enter)
                    && !path.is_empty()
                {
                    let paths = if typed.request.takes_several() {
                        path.split(';')
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .map(PathBuf::from)
                            .collect()
                    } else {
                        vec![PathBuf::from(path)]
                    };
                    actions.push(answer(typed.request, paths));
                    close = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    close = true;
                }
            });
        });
        if close {
            self.typed = None;
        }
    }
}

/// The action for files chosen for `request` (`paths` is not empty).
fn answer(request: FileRequest, mut paths: Vec<PathBuf>) -> Action {
    match request {
        FileRequest::CompareWith => Action::CompareWith(paths),
        FileRequest::ImportAnnotations => Action::ImportAnnotations(paths),
        _ => Action::Chosen(request, paths.swap_remove(0)),
    }
}

fn title(request: FileRequest) -> &'static str {
    match request {
        FileRequest::NewFromArticle => "New project from article",
        FileRequest::OpenProject => "Open project",
        FileRequest::AddArticle => "Add article to project",
        FileRequest::SaveAs => "Save project as",
        FileRequest::CompareWith => "Compare with other analysts' projects",
        FileRequest::SaveMerged => "Save merged project as",
        FileRequest::Export(_) => "Export",
        FileRequest::ImportAnnotations => "Import annotations",
        FileRequest::UpdateArticle => "Update article text",
    }
}

fn dialog_for(request: FileRequest, folder: Option<&Path>, suggested: &str) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(title(request));
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    match request {
        FileRequest::OpenProject | FileRequest::CompareWith => {
            dialog.add_filter("Marginalia project", &["ron"])
        }
        FileRequest::SaveAs | FileRequest::SaveMerged => dialog
            .add_filter("Marginalia project", &["ron"])
            .set_file_name(suggested),
        FileRequest::Export(format) => match format.extension() {
            Some(extension) => dialog
                .add_filter(format.describe(), &[extension])
                .set_file_name(suggested),
            None => dialog,
        },
        FileRequest::ImportAnnotations => dialog
            .add_filter(
                "Annotations (brat, doccano, W3C, REFI-QDA)",
                &[
                    "ann", "jsonl", "json", "jsonld", "qdpx", "txt", "md", "html",
                ],
            )
            .add_filter("Any file", &["*"]),
        FileRequest::NewFromArticle | FileRequest::AddArticle | FileRequest::UpdateArticle => {
            dialog
                .add_filter("Article", &["txt", "md", "markdown", "html", "htm"])
                .add_filter("Any file", &["*"])
        }
    }
}

/// Why no native dialog can open here, if that is known before trying: on Linux the dialog
/// needs the desktop portal (over the session bus) or zenity.
fn native_unavailable() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    (!bus && !zenity).then(|| {
        "No file dialog can open on this desktop (there is no desktop portal session and no \
         zenity). Type the path instead, drop the file on the window, or use Open recent."
            .to_owned()
    })
}
