//! Recovery copies of the open workspace, as the window keeps them: when one is due
//! ([`RecoverySchedule`]), where it goes, writing it under the project's lock, finding one left
//! by a crashed session at start-up, and restoring it as unsaved work. One type, so the window
//! and the crash tests run the same code.

use std::{
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use super::{RecoveryDue, RecoverySchedule, Workspace};
use crate::store::{self, DiskStamp, LoadError, PendingRecovery, ProjectLock, SaveError};

/// What [`Recovery::tick`] did.
#[derive(Debug)]
pub enum RecoveryTick {
    /// Nothing to write: no unsaved changes, or the last copy holds them.
    Nothing,
    /// A copy is due after this much more time (ask to be woken then).
    WakeIn(Duration),
    /// A copy was written to this path.
    Written(PathBuf),
    /// Another writer holds the project's lock (it is being saved): the copy is tried again
    /// after this much time.
    Busy(Duration),
    /// Writing the copy failed; it is tried again after new changes.
    Failed(SaveError),
}

/// How soon a copy is tried again when another writer held the project's lock.
const RETRY_WHEN_BUSY: Duration = Duration::from_secs(2);

/// The recovery copies of one workspace, kept in `data_dir`.
#[derive(Debug)]
pub struct Recovery {
    schedule: RecoverySchedule,
    data_dir: PathBuf,
}

impl Recovery {
    /// Recovery copies kept in `data_dir` (the application's data folder).
    #[must_use]
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            schedule: RecoverySchedule::default(),
            data_dir,
        }
    }

    /// Forgets the timers (after a save or a discard, or when another project opens).
    pub fn reset(&mut self) {
        self.schedule.reset();
    }

    /// Where `workspace`'s recovery copy goes: one per project file, one for a project never
    /// saved.
    #[must_use]
    pub fn path_for(&self, workspace: &Workspace) -> PathBuf {
        store::recovery_path(workspace.file(), &self.data_dir)
    }

    /// The copy of a project never saved.
    fn never_saved_path(&self) -> PathBuf {
        store::recovery_path(None, &self.data_dir)
    }

    /// Writes a copy of `workspace` if one is due at `now`, copies `interval` apart. The copy
    /// is written while holding the project's lock (not waiting for it: when another writer
    /// holds it, the copy is tried again shortly), so it never reads a project half-saved by
    /// another process nor leaves a temporary file a live writer could be taken to own.
    pub fn tick(
        &mut self,
        workspace: &Workspace,
        interval: Duration,
        now: Instant,
    ) -> RecoveryTick {
        let revision = workspace.editor().revision();
        match self
            .schedule
            .due(workspace.is_dirty(), revision, interval, now)
        {
            RecoveryDue::Nothing => return RecoveryTick::Nothing,
            RecoveryDue::In(wait) => return RecoveryTick::WakeIn(wait),
            RecoveryDue::Now => {}
        }
        let lock = match workspace.file() {
            Some(file) if !workspace.holds_lock() => {
                match ProjectLock::acquire_within(file, Duration::ZERO) {
                    Ok(lock) => Some(lock),
                    Err(SaveError::Busy { .. }) => return RecoveryTick::Busy(RETRY_WHEN_BUSY),
                    Err(error) => {
                        self.schedule.written(revision);
                        return RecoveryTick::Failed(error);
                    }
                }
            }
            _ => None,
        };
        let path = self.path_for(workspace);
        let written = store::write_recovery(workspace.project(), &path);
        drop(lock);
        self.schedule.written(revision);
        match written {
            Ok(()) => RecoveryTick::Written(path),
            Err(error) => RecoveryTick::Failed(error),
        }
    }

    /// A copy of `workspace`'s project newer than its file, left by a session that ended
    /// without saving.
    #[must_use]
    pub fn pending(&self, workspace: &Workspace) -> Option<PendingRecovery> {
        store::pending_recovery(&self.path_for(workspace), workspace.file())
    }

    /// The copy of a project never saved, if one was left behind.
    #[must_use]
    pub fn pending_never_saved(&self) -> Option<PendingRecovery> {
        store::pending_recovery(&self.never_saved_path(), None)
    }

    /// The workspace that restores the copy at `path` over `workspace`: its project, unsaved,
    /// belonging to `workspace`'s file — or to no file when it is the copy of a project never
    /// saved. The file's stamp is taken now, so that a save of the restored work refuses if
    /// another program changes the file after the restore.
    ///
    /// # Errors
    ///
    /// The copy cannot be read or is not a sound project; `workspace` is untouched.
    pub fn restore(&self, workspace: &Workspace, path: &Path) -> Result<Workspace, LoadError> {
        let loaded = store::load(path)?;
        let file = if path == self.never_saved_path() {
            None
        } else {
            workspace.file().map(Path::to_path_buf)
        };
        let stamp = file
            .as_deref()
            .and_then(|file| DiskStamp::read(file).ok().flatten());
        let mut restored = Workspace::unsaved(loaded.project, file);
        restored.stamp = stamp;
        Ok(restored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;
    use crate::workspace::WorkspaceError;

    const NOW: &str = "2026-12-01T10:00:00Z";

    fn retitle(workspace: &mut Workspace, title: &str) {
        let edit = Edit::SetProjectInfo {
            title: title.to_owned(),
            annotator: "A".to_owned(),
        };
        workspace.editor_mut().apply(edit, NOW).unwrap();
    }

    #[test]
    fn a_due_copy_is_written_under_the_lock_and_restored_with_the_files_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("study.ron");
        store::save(&crate::model::Project::new("Study", "A", NOW), &file).unwrap();
        let mut workspace = Workspace::open(&file).unwrap().workspace;
        let mut recovery = Recovery::new(dir.path().join("data"));
        let start = Instant::now();
        let interval = Duration::from_secs(30);
        assert!(matches!(
            recovery.tick(&workspace, interval, start),
            RecoveryTick::Nothing
        ));
        retitle(&mut workspace, "Changed");
        assert!(matches!(
            recovery.tick(&workspace, interval, start),
            RecoveryTick::WakeIn(wait) if wait == interval
        ));
        // Another writer holds the lock: the copy waits for it.
        let held = ProjectLock::acquire(&file).unwrap();
        let later = start + interval;
        assert!(matches!(
            recovery.tick(&workspace, interval, later),
            RecoveryTick::Busy(_)
        ));
        assert!(recovery.pending(&workspace).is_none());
        drop(held);
        let RecoveryTick::Written(path) = recovery.tick(&workspace, interval, later) else {
            panic!("the copy is written once the lock is free");
        };
        assert_eq!(path, recovery.path_for(&workspace));
        assert!(matches!(
            recovery.tick(&workspace, interval, later),
            RecoveryTick::Nothing
        ));

        let pending = recovery
            .pending(&workspace)
            .expect("the copy is newer than the file");
        let restored = recovery.restore(&workspace, &pending.path).unwrap();
        assert_eq!(restored.project().meta().title, "Changed");
        assert!(restored.is_dirty());
        assert_eq!(restored.file(), Some(file.as_path()));
        // Another program writes the file after the restore: saving the restored work refuses.
        let mut restored = restored;
        let mut other = Workspace::open(&file).unwrap().workspace;
        retitle(&mut other, "Theirs");
        other.save().unwrap();
        assert!(matches!(
            restored.save(),
            Err(WorkspaceError::Save(SaveError::ChangedOnDisk { .. }))
        ));
        assert_eq!(
            restored.project().meta().title,
            "Changed",
            "the work is kept"
        );
    }
}
