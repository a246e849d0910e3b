//! Noticing that another program changed the open project's file (a sync, a `git pull`, another
//! analyst's Marginalia), and acting on the user's answer: reload it — the unsaved work is first
//! written to a file of its own, so nothing is lost —, or keep working. A save that finds the file
//! changed asks whether to reload, save as… or overwrite (see `open_and_save.rs`).

use std::{path::PathBuf, time::Duration, time::SystemTime};

use eframe::egui::Context;

use super::{
    app::MarginaliaApp,
    dialogs::modals::Modal,
    file_watcher::{FileWatcher, state as file_state},
};
use crate::{
    clock::now_rfc3339,
    store::{self, Allow},
};

/// How often the open project's file is looked at, in seconds.
const CHECK_EVERY: f64 = 2.0;

/// The thread watching the project's file, when the project's file was last looked at on a frame,
/// and the state of the file the user chose to keep their version over (so that the same change
/// is asked about once).
#[derive(Debug, Default)]
pub struct DiskWatch {
    watcher: Option<FileWatcher>,
    next_check: f64,
    kept_over: Option<(u64, Option<SystemTime>)>,
}

impl MarginaliaApp {
    /// When the project's file changed on disk and nothing else is being asked, asks whether to
    /// reload it. The file is looked at on frames at most every [`CHECK_EVERY`] seconds, and a
    /// background [`FileWatcher`] wakes an idle window when the file changes, so the window draws
    /// nothing while idle.
    pub(super) fn watch_disk(&mut self, ctx: &Context) {
        let file = self.workspace.file();
        if self.disk_watch.watcher.as_ref().map(FileWatcher::path) != file {
            self.disk_watch.watcher = file
                .map(|file| FileWatcher::start(file, ctx, Duration::from_secs_f64(CHECK_EVERY)));
        }
        let woken = self
            .disk_watch
            .watcher
            .as_ref()
            .is_some_and(FileWatcher::take_change);
        let now = ctx.input(|i| i.time);
        if now < self.disk_watch.next_check && !woken {
            return;
        }
        self.disk_watch.next_check = now + CHECK_EVERY;
        if self.modal.is_some() || !self.workspace.changed_on_disk() {
            return;
        }
        let Some(path) = self.workspace.file().map(PathBuf::from) else {
            return;
        };
        let state = file_state(&path);
        if state.is_some() && state == self.disk_watch.kept_over {
            return;
        }
        self.disk_watch.kept_over = state;
        self.modal = Some(Modal::ChangedOnDisk {
            path,
            dirty: self.workspace.is_dirty(),
            saving: false,
            agreed: Allow::default(),
        });
    }

    /// Reads the project's file again. Unsaved work is first written to a file of its own in
    /// the data folder, named in a message; if that fails, nothing is reloaded.
    pub(super) fn reload_from_disk(&mut self) {
        let mut kept = None;
        if self.workspace.is_dirty() {
            let path = self.kept_version_path();
            if let Err(e) = store::write_recovery(self.workspace.project(), &path) {
                self.messages.error(
                    "Could not reload the project",
                    format!(
                        "Your unsaved changes could not be kept first ({e}), so nothing was \
                         reloaded; your work is still here. Save it with Save as…."
                    ),
                );
                return;
            }
            kept = Some(path);
        }
        match self.workspace.reload() {
            Ok(warnings) => {
                self.views.clear();
                self.selected = None;
                self.doc = None;
                self.recovery.reset();
                self.disk_watch.kept_over = None;
                self.settle_documents();
                let mut body = "The project now holds what its file holds.".to_owned();
                if let Some(kept) = kept {
                    body.push_str(&format!(
                        " Your unsaved version is kept at {}; open it with File > Open project… \
                         to look at it or copy from it.",
                        kept.display()
                    ));
                }
                if !warnings.is_empty() {
                    let list: Vec<String> = warnings.iter().map(ToString::to_string).collect();
                    body.push_str(&format!("\nProblems to review:\n{}", list.join("\n")));
                }
                self.messages.info("Reloaded from disk", body);
            }
            Err(e) => self.messages.error(
                "Could not reload the project",
                format!("{e}\n\nYour work is still here, as it was."),
            ),
        }
    }

    /// Where unsaved work goes when the project is reloaded: `kept/NAME-TIME.ron` in the data
    /// folder.
    fn kept_version_path(&self) -> PathBuf {
        let stem = self
            .workspace
            .file()
            .and_then(|f| f.file_stem())
            .map_or_else(|| "project".into(), |s| s.to_string_lossy().into_owned());
        let time = now_rfc3339().replace(':', "-");
        self.config
            .data_dir
            .join("kept")
            .join(format!("{stem}-unsaved-{time}.ron"))
    }
}
