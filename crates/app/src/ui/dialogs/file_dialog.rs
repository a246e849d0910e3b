//! Choosing a file: the native dialog (rfd, through the desktop portal) runs on its own thread
//! and sends its answer back; when no native dialog can open, a window asks for a typed path
//! and says why; Tab completes the typed path and lists the folder's matching files.

use std::{
    path::{Path, PathBuf},
    sync::mpsc::{self, Receiver, TryRecvError},
};

use eframe::egui::{self, Context, Key, TextEdit};

use super::path_completion::{Files, complete};
use crate::import::ARTICLE_EXTENSION_NAMES;
use crate::ui::action::{Action, FileRequest};

/// The typed-path window: which request, what is typed, why the native dialog is not used.
struct Typed {
    request: FileRequest,
    text: String,
    reason: Option<String>,
    /// Put the cursor in the field on the next frame.
    focus: bool,
    /// The names the last Tab offered, and how many matched in all.
    matches: Option<(Vec<String>, usize)>,
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
                matches: None,
            });
            return;
        }
        let (send, receive) = mpsc::channel();
        let dialog = dialog_for(request, folder, suggested);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen: Vec<PathBuf> = match request {
                FileRequest::SaveAs | FileRequest::SaveMerged | FileRequest::AnalysisTable(_) => {
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
                        matches: None,
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
            let field = egui::Id::unique("typed-path-field");
            let edit = ui
                .add(
                    TextEdit::singleline(&mut typed.text)
                        .id(field)
                        .lock_focus(true)
                        .desired_width(420.0),
                )
                .labelled_by(caption.id)
                .on_hover_text("Tab completes the name");
            if std::mem::take(&mut typed.focus) {
                edit.request_focus();
            }
            if edit.changed() {
                typed.matches = None;
            }
            // Tab completes the path (the field keeps the focus): after the field has taken the
            // text typed in this frame, so that nothing typed before the Tab lands after it.
            if edit.has_focus() && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Tab))
            {
                complete_typed(ui.ctx(), field, typed);
                ui.ctx().request_repaint();
            }
            if let Some((names, total)) = &typed.matches {
                matches_ui(ui, field, typed.request, &mut typed.text, names, *total);
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

/// Completes the typed path (the last one of several) and moves the cursor to its end.
fn complete_typed(ctx: &Context, field: egui::Id, typed: &mut Typed) {
    let start = if typed.request.takes_several() {
        typed.text.rfind(';').map_or(0, |i| i + 1)
    } else {
        0
    };
    let last = typed.text[start..].trim_start();
    let lead = typed.text.len() - last.len();
    let done = complete(last, files_for(typed.request));
    typed.text = format!("{}{}", &typed.text[..lead], done.text);
    typed.matches = Some((done.matches, done.total));
    let mut state = TextEdit::load_state(ctx, field).unwrap_or_default();
    let end = egui::text::CCursor::new(typed.text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, field);
}

/// The names the last Tab found, under the field; clicking one puts it in the path.
fn matches_ui(
    ui: &mut egui::Ui,
    field: egui::Id,
    request: FileRequest,
    text: &mut String,
    names: &[String],
    total: usize,
) {
    if names.is_empty() {
        ui.weak(match files_for(request) {
            Files::FoldersOnly => "No folder here starts like that.",
            _ => "No folder or file of this kind here starts like that.",
        });
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for name in names {
            if ui.small_button(name).clicked() {
                let cut = text
                    .rfind(['/', std::path::MAIN_SEPARATOR])
                    .map_or(0, |i| i + 1);
                text.truncate(cut);
                text.push_str(name);
                ui.memory_mut(|m| m.request_focus(field));
            }
        }
        if total > names.len() {
            ui.weak(format!("… and {} more", total - names.len()));
        }
    });
}

/// The extensions of the files each kind of request takes (articles: the import's one list).
const PROJECTS: &[&str] = &["ron"];
const ARTICLES: &[&str] = &ARTICLE_EXTENSION_NAMES;
/// Annotation files, and the articles a brat `.ann` or a folder of them is read with.
const ANNOTATIONS: &[&str] = &joined::<5, 7, 12>(
    ["ann", "jsonl", "json", "jsonld", "qdpx"],
    ARTICLE_EXTENSION_NAMES,
);

/// `a` followed by `b` (`C` must be `A + B`).
const fn joined<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    assert!(A + B == C, "the joined list has room for both");
    let mut all = [""; C];
    let mut i = 0;
    while i < C {
        all[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    all
}

/// The files `request` can take, for completing a typed path.
fn files_for(request: FileRequest) -> Files {
    match request {
        FileRequest::OpenProject
        | FileRequest::CompareWith
        | FileRequest::SaveAs
        | FileRequest::SaveMerged => Files::Extensions(PROJECTS),
        FileRequest::NewFromArticle | FileRequest::AddArticle | FileRequest::UpdateArticle => {
            Files::Extensions(ARTICLES)
        }
        FileRequest::ImportAnnotations => Files::Extensions(ANNOTATIONS),
        FileRequest::Export(format) if format.extension().is_none() => Files::FoldersOnly,
        FileRequest::Export(_) | FileRequest::AnalysisTable(_) => Files::Any,
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
        FileRequest::AnalysisTable(_) => "Export table",
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
            dialog.add_filter("Marginalia project", PROJECTS)
        }
        FileRequest::SaveAs | FileRequest::SaveMerged => dialog
            .add_filter("Marginalia project", PROJECTS)
            .set_file_name(suggested),
        FileRequest::Export(format) => match format.extension() {
            Some(extension) => dialog
                .add_filter(format.describe(), &[extension])
                .set_file_name(suggested),
            None => dialog,
        },
        FileRequest::AnalysisTable(table) => dialog
            .add_filter(table.describe(), &[table.extension()])
            .set_file_name(suggested),
        FileRequest::ImportAnnotations => dialog
            .add_filter("Annotations (brat, doccano, W3C, REFI-QDA)", ANNOTATIONS)
            .add_filter("Any file", &["*"]),
        FileRequest::NewFromArticle | FileRequest::AddArticle | FileRequest::UpdateArticle => {
            dialog
                .add_filter("Article", ARTICLES)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_path_offers_every_article_extension_the_import_reads() {
        for (extension, _) in crate::import::ARTICLE_EXTENSIONS {
            let name = format!("article.{extension}");
            assert!(files_for(FileRequest::AddArticle).takes(&name), "{name}");
            assert!(
                files_for(FileRequest::ImportAnnotations).takes(&name),
                "{name}"
            );
        }
        assert!(files_for(FileRequest::ImportAnnotations).takes("a.ann"));
        assert!(!files_for(FileRequest::OpenProject).takes("article.md"));
        assert!(!files_for(FileRequest::Export(crate::export::Format::Brat)).takes("a.ann"));
    }
}
