//! Recovery copies from the window: while there are unsaved changes, the project is written to
//! its recovery file every `recovery_interval` (30 s on the desktop) — when is the workspace's
//! [`RecoverySchedule`]; on opening a project, a recovery copy newer than it is offered for
//! restore. The files themselves are `store`'s.

use std::{
    path::{Path, PathBuf},
    time::{Instant, SystemTime},
};

use eframe::egui::Context;

use super::{app::MarginaliaApp, dialogs::modals::Modal};
use crate::{
    clock::for_people,
    store,
    workspace::{RecoveryDue, RecoverySchedule, Workspace},
};

/// The recovery schedule of the open project (the rule lives in the workspace layer) and when
/// the last copy was written, for the status bar.
#[derive(Debug, Default)]
pub struct RecoveryClock {
    schedule: RecoverySchedule,
    last_written: Option<String>,
}

impl RecoveryClock {
    /// Forgets the timers (after a save or when another project opens).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// When the last copy was written, for the status bar.
    #[must_use]
    pub fn last_written(&self) -> Option<&str> {
        self.last_written.as_deref()
    }
}

impl MarginaliaApp {
    /// Where the open project's recovery copy goes.
    #[must_use]
    pub fn recovery_path(&self) -> PathBuf {
        store::recovery_path(self.workspace.file(), &self.config.data_dir)
    }

    /// Writes a recovery copy when unsaved changes have waited `recovery_interval` since they
    /// began or since the last copy, and the project changed since that copy.
    pub(super) fn tick_recovery(&mut self, ctx: &Context) {
        let revision = self.workspace.editor().revision();
        let due = self.recovery.schedule.due(
            self.workspace.is_dirty(),
            revision,
            self.config.recovery_interval,
            Instant::now(),
        );
        match due {
            RecoveryDue::Nothing => return,
            RecoveryDue::In(wait) => {
                ctx.request_repaint_after(wait);
                return;
            }
            RecoveryDue::Now => {}
        }
        let path = self.recovery_path();
        match store::write_recovery(self.workspace.project(), &path) {
            Ok(()) => self.recovery.last_written = Some(for_people(SystemTime::now())),
            Err(e) => self.messages.error(
                "Could not write the recovery copy",
                format!("{e}\n\nYour work is still here; save it with File > Save as…."),
            ),
        }
        self.recovery.schedule.written(revision);
    }

    /// Offers the open project's recovery copy if it is newer than the project file.
    pub(super) fn offer_recovery(&mut self) {
        let path = self.recovery_path();
        if let Some(pending) = store::pending_recovery(&path, self.workspace.file()) {
            self.modal = Some(Modal::Recovery {
                path: pending.path,
                written: for_people(pending.written),
            });
        }
    }

    /// Offers the recovery copy of a project that was never saved, if one was left behind.
    pub(super) fn offer_unsaved_recovery(&mut self) {
        let path = store::recovery_path(None, &self.config.data_dir);
        if let Some(pending) = store::pending_recovery(&path, None) {
            self.modal = Some(Modal::Recovery {
                path: pending.path,
                written: for_people(pending.written),
            });
        }
    }

    /// Opens the recovery copy at `path` as the project, unsaved: belonging to the open
    /// project's file, or to no file when it is the copy of a project never saved.
    pub(super) fn restore_recovery(&mut self, path: &Path) {
        match store::load(path) {
            Ok(loaded) => {
                let never_saved = path == store::recovery_path(None, &self.config.data_dir);
                let file = if never_saved {
                    None
                } else {
                    self.workspace.file().map(Path::to_path_buf)
                };
                self.workspace = Workspace::unsaved(loaded.project, file);
                self.views.clear();
                self.selected = None;
                self.doc = None;
                self.settle_documents();
            }
            Err(e) => self.messages.error(
                "Could not restore the recovery copy",
                format!(
                    "{e}\n\nThe project stays as it was on disk; the copy is kept at {}.",
                    path.display()
                ),
            ),
        }
    }

    /// Removes a recovery copy; a failure is reported but changes nothing else.
    pub(super) fn remove_recovery_file(&mut self, path: &Path) {
        if let Err(e) = store::remove_recovery(path) {
            self.messages.error(
                "Could not remove an old recovery copy",
                format!(
                    "{}: {e}. It is harmless; you may delete it by hand.",
                    path.display()
                ),
            );
        }
    }

    /// The user chose to discard unsaved changes: their recovery copy goes too.
    pub(super) fn discard_recovery_copy(&mut self) {
        let path = self.recovery_path();
        self.remove_recovery_file(&path);
        self.recovery.reset();
    }
}
