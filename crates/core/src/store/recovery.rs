//! Recovery copies: while a project has unsaved changes, the window writes it every 30 s to a
//! recovery file — beside the project as `NAME.ron.recovery`, or in the app's data folder for a
//! project never saved. On start, a recovery copy newer than its project is offered for restore;
//! a clean save removes it. Written atomically, without a backup of the previous copy.

use std::{
    fs, io,
    path::{Path, PathBuf},
    time::SystemTime,
};

use super::{
    error::SaveError,
    save::{Backup, write_project},
};
use crate::model::Project;

/// The file name of the recovery copy of a project never saved, in the app's data folder.
pub const UNSAVED_RECOVERY_NAME: &str = "unsaved-project.ron.recovery";

/// Where the recovery copy of a project lives: beside `project_file` (its name with
/// `.recovery` appended), or in `data_dir` when the project has never been saved.
#[must_use]
pub fn recovery_path(project_file: Option<&Path>, data_dir: &Path) -> PathBuf {
    match project_file {
        Some(path) => {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(".recovery");
            path.with_file_name(name)
        }
        None => data_dir.join(UNSAVED_RECOVERY_NAME),
    }
}

/// Writes a recovery copy of `project` to `path` atomically, creating its folder if needed.
pub fn write_recovery(project: &Project, path: &Path) -> Result<(), SaveError> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|source| SaveError::write_failed(path, source))?;
    }
    write_project(project, path, Backup::Skip).map(|_| ())
}

/// A recovery copy worth offering: newer than its project file (or the project file is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRecovery {
    pub path: PathBuf,
    /// When the copy was written.
    pub written: SystemTime,
}

/// The recovery copy at `recovery` if it exists and is newer than `project_file` (a missing
/// project file, or none, counts as older).
#[must_use]
pub fn pending_recovery(recovery: &Path, project_file: Option<&Path>) -> Option<PendingRecovery> {
    let written = fs::metadata(recovery).and_then(|m| m.modified()).ok()?;
    let project_written =
        project_file.and_then(|p| fs::metadata(p).and_then(|m| m.modified()).ok());
    match project_written {
        Some(saved) if saved >= written => None,
        _ => Some(PendingRecovery {
            path: recovery.to_owned(),
            written,
        }),
    }
}

/// Removes the recovery copy at `path`; a copy that is already gone is fine.
pub fn remove_recovery(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_sits_beside_the_project_or_in_the_data_folder() {
        let data = Path::new("/data");
        assert_eq!(
            recovery_path(Some(Path::new("/w/study.ron")), data),
            Path::new("/w/study.ron.recovery")
        );
        assert_eq!(recovery_path(None, data), data.join(UNSAVED_RECOVERY_NAME));
    }

    #[test]
    fn a_copy_newer_than_its_project_is_pending_and_an_older_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let project_file = dir.path().join("p.ron");
        let recovery = recovery_path(Some(&project_file), dir.path());
        let project = Project::new("t", "a", "2026-01-01T00:00:00Z");
        assert_eq!(pending_recovery(&recovery, Some(&project_file)), None);

        write_recovery(&project, &recovery).unwrap();
        assert!(pending_recovery(&recovery, Some(&project_file)).is_some());

        super::super::save(&project, &project_file).unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&project_file)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(pending_recovery(&recovery, Some(&project_file)), None);

        remove_recovery(&recovery).unwrap();
        remove_recovery(&recovery).unwrap();
        assert!(!recovery.exists());
    }

    #[test]
    fn a_recovery_copy_loads_as_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = dir.path().join("nested").join(UNSAVED_RECOVERY_NAME);
        let project = Project::new("t", "a", "2026-01-01T00:00:00Z");
        write_recovery(&project, &recovery).unwrap();
        assert_eq!(super::super::load(&recovery).unwrap().project, project);
        assert!(!super::super::backup_path(&recovery).exists());
    }
}
