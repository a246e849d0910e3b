//! Saving a project atomically: the new text goes to a temporary file in the same folder, is
//! flushed and synced, and is renamed over the target; the previous version is kept beside it as
//! `NAME.bak` (e.g. `study.ron.bak`). A failure at any point leaves the previous file as it was.

use std::{
    fs::{self, File},
    io::{self, Write},
    path::{Path, PathBuf},
};

use super::{
    error::{SaveError, write_reason},
    ron_format,
};
use crate::model::Project;

/// The backup kept beside a project file: its name with `.bak` appended.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `project` to `path` atomically and keeps the previous version as its backup.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = ron_format::to_ron(project).map_err(|e| SaveError::Serialize(e.to_string()))?;
    write_atomically(path, text.as_bytes())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Replaces the file at `path` with `bytes` so that it holds either the old or the new content
/// in full at every moment, keeping the old content as the backup.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace_file(path, bytes, Backup::Keep)
}

/// Replaces the file at `path` with `bytes` atomically, keeping no backup: for exports, which
/// can always be made again from the project.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace_file(path, bytes, Backup::Skip)
}

/// Whether [`replace_file`] keeps the replaced content as `NAME.bak`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Backup {
    Keep,
    Skip,
}

/// Replaces the file at `path` with `bytes` atomically (temp file, sync, rename).
pub(super) fn replace_file(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    let write_error = |source: io::Error| SaveError::Write {
        path: path.to_owned(),
        reason: write_reason(&source),
        source,
    };
    let folder = folder_of(path);
    let previous = fs::metadata(path).ok();
    let mut temp = temp_in(folder, previous.as_ref()).map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.flush().map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if backup == Backup::Keep && previous.as_ref().is_some_and(fs::Metadata::is_file) {
        keep_backup(path, folder).map_err(|source| SaveError::Backup {
            path: path.to_owned(),
            backup: backup_path(path),
            source,
        })?;
    }
    temp.persist(path).map_err(|e| write_error(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// A temporary file in `folder`, with the permissions of the file it will replace (or the usual
/// ones for a new file, rather than the temporary file's private 0600).
fn temp_in(folder: &Path, previous: Option<&fs::Metadata>) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".marginalia-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = previous.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = previous;
    builder.tempfile_in(folder)
}

/// Copies the current file to its backup name, atomically too (temp file, sync, rename).
fn keep_backup(path: &Path, folder: &Path) -> io::Result<()> {
    let mut backup = temp_in(folder, fs::metadata(path).ok().as_ref())?;
    io::copy(&mut File::open(path)?, backup.as_file_mut())?;
    backup.as_file().sync_all()?;
    backup.persist(backup_path(path)).map_err(|e| e.error)?;
    Ok(())
}

/// Makes the rename durable. Best effort: not every platform can sync a folder.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}
