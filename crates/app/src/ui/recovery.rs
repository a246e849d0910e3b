//! Recovery copies from the window: while there are unsaved changes, the project is written to
//! its recovery file every `recovery_interval` (30 s on the desktop); on opening a project, a
//! recovery copy newer than it is offered for restore. When, where and how is the workspace's
//! [`Recovery`]; this file adds the window's messages and status.

use std::{
    path::{Path, PathBuf},
    time::{Instant, SystemTime},
};

use eframe::egui::Context;

use super::{app::MarginaliaApp, dialogs::modals::Modal};
use crate::{
    clock::for_people,
    store,
    workspace::{Recovery, RecoveryTick},
};

/// The open project's recovery copies (the rules live in the workspace layer) and when the
/// last copy was written, for the status bar.
#[derive(Debug)]
pub struct RecoveryClock {
    recovery: Recovery,
    last_written: Option<String>,
}

impl RecoveryClock {
    /// Recovery copies kept in `data_dir`.
    #[must_use]
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            recovery: Recovery::new(data_dir),
            last_written: None,
        }
    }

    /// Forgets the timers (after a save or when another project opens).
    pub fn reset(&mut self) {
        self.recovery.reset();
        self.last_written = None;
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
        self.recovery.recovery.path_for(&self.workspace)
    }

    /// Writes a recovery copy when unsaved changes have waited `recovery_interval` since they
    /// began or since the last copy, and the project changed since that copy.
    pub(super) fn tick_recovery(&mut self, ctx: &Context) {
        let tick = self.recovery.recovery.tick(
            &self.workspace,
            self.config.recovery_interval,
            Instant::now(),
        );
        match tick {
            RecoveryTick::Nothing => {}
            RecoveryTick::WakeIn(wait) | RecoveryTick::Busy(wait) => {
                ctx.request_repaint_after(wait)
            }
            RecoveryTick::Written(_) => {
                self.recovery.last_written = Some(for_people(SystemTime::now()));
            }
            RecoveryTick::Failed(e) => self.messages.error(
                "Could not write the recovery copy",
                format!("{e}\n\nYour work is still here; save it with File > Save as…."),
            ),
        }
    }

    /// Offers the open project's recovery copy if it is newer than the project file.
    pub(super) fn offer_recovery(&mut self) {
        let pending = self.recovery.recovery.pending(&self.workspace);
        self.offer(pending);
    }

    /// Offers the recovery copy of a project that was never saved, if one was left behind.
    pub(super) fn offer_unsaved_recovery(&mut self) {
        let pending = self.recovery.recovery.pending_never_saved();
        self.offer(pending);
    }

    fn offer(&mut self, pending: Option<store::PendingRecovery>) {
        if let Some(pending) = pending {
            self.modal = Some(Modal::Recovery {
                path: pending.path,
                written: for_people(pending.written),
            });
        }
    }

    /// Opens the recovery copy at `path` as the project, unsaved: belonging to the open
    /// project's file, or to no file when it is the copy of a project never saved.
    pub(super) fn restore_recovery(&mut self, path: &Path) {
        match self.recovery.recovery.restore(&self.workspace, path) {
            Ok(restored) => {
                self.workspace = restored;
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
