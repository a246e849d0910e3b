//! The advisory lock every writer of a project takes for read-modify-write: an exclusive lock
//! (`std::fs::File::lock`, flock on Unix, LockFileEx on Windows) on a hidden lock file beside the
//! project, `.NAME.lock`, held until the [`ProjectLock`] is dropped. The lock file is never
//! removed: removing it would let two writers lock two different files. Locking is advisory, so
//! it orders Marginalia's own writers (the command line, the window's saves, recovery copies); any
//! other program is caught by the disk stamp check ([`super::DiskStamp`]).

use std::{
    fs::{File, OpenOptions, TryLockError},
    io,
    path::{Path, PathBuf},
    thread,
    time::{Duration, Instant},
};

use super::SaveError;

/// How long a writer waits for another to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// How often a waiting writer tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(10);

/// The lock file of the project at `project`: `.NAME.lock` beside the file it names (the target
/// of a symbolic link, so that every link to one project shares one lock).
#[must_use]
pub fn lock_path(project: &Path) -> PathBuf {
    let project = super::save::write_target(project);
    let mut name = std::ffi::OsString::from(".");
    name.push(project.file_name().unwrap_or_default());
    name.push(".lock");
    project.with_file_name(name)
}

/// An exclusive lock on a project, released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    /// `None` when the folder cannot hold a lock file (read-only): no other writer can save
    /// there either, and the save itself reports the folder.
    _file: Option<File>,
}

impl ProjectLock {
    /// Locks the project at `project`, waiting up to [`LOCK_WAIT`] for another writer.
    pub fn acquire(project: &Path) -> Result<Self, SaveError> {
        Self::acquire_within(project, LOCK_WAIT)
    }

    /// Locks the project at `project`, waiting up to `wait` for another writer.
    pub fn acquire_within(project: &Path, wait: Duration) -> Result<Self, SaveError> {
        let path = lock_path(project);
        let file = match OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
        {
            Ok(file) => file,
            Err(e) if cannot_hold_a_lock_file(&e) => return Ok(Self { _file: None }),
            Err(source) => {
                return Err(SaveError::Lock {
                    path: project.to_owned(),
                    source,
                });
            }
        };
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: Some(file) }),
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                    thread::sleep(RETRY_EVERY);
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(SaveError::Busy {
                        path: project.to_owned(),
                        waited: wait,
                    });
                }
                Err(TryLockError::Error(source)) => {
                    return Err(SaveError::Lock {
                        path: project.to_owned(),
                        source,
                    });
                }
            }
        }
    }
}

/// Whether opening the lock file failed because the folder cannot be written at all (or is not
/// there): then no save can happen in it either, and the save says why in its own words.
fn cannot_hold_a_lock_file(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied
            | io::ErrorKind::ReadOnlyFilesystem
            | io::ErrorKind::NotFound
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_for_the_first_and_gives_up_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("study.ron");
        assert_eq!(lock_path(&project), dir.path().join(".study.ron.lock"));
        let first = ProjectLock::acquire(&project).unwrap();
        let error = ProjectLock::acquire_within(&project, Duration::from_millis(50)).unwrap_err();
        assert!(matches!(error, SaveError::Busy { .. }), "{error:?}");
        assert!(error.to_string().contains("another program"), "{error}");
        drop(first);
        assert!(ProjectLock::acquire_within(&project, Duration::from_millis(50)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_shares_its_targets_lock() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("study.ron");
        std::fs::write(&target, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(lock_path(&link), lock_path(&target));
    }
}
