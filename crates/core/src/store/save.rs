//! Saving a project atomically: the new text goes to a temporary file in the same folder, is
//! flushed and synced, and is renamed over the target; the previous version is kept beside it as
//! `NAME.bak` (e.g. `study.ron.bak`). A failure at any point leaves the previous file as it was.
//!
//! A project is saved under its [`ProjectLock`], and a checked save ([`save_checked`]) first makes
//! sure the file is still what was read ([`DiskStamp`]). A symbolic link is written through: its
//! target is replaced and the link kept.

use std::{
    fs::{self, File},
    io::{self, Write},
    path::{Path, PathBuf},
};

use super::{
    DiskStamp, ProjectLock,
    disk_stamp::Hashing,
    error::SaveError,
    ron_format::{self, WriteRonError},
};
use crate::model::Project;

/// The backup kept beside a project file: its name with `.bak` appended.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// What a checked save may replace: by default neither changes another program made since the
/// file was read, nor a read-only file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allow {
    /// Replace the file even if it changed since it was read.
    pub other_changes: bool,
    /// Replace the file even if it is read-only (it stays read-only).
    pub read_only: bool,
}

/// Writes `project` to `path` atomically under its lock and keeps the previous version as its
/// backup, whatever the file holds now (for a new file, or one the user chose to replace); a
/// read-only file is refused.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    let lock = ProjectLock::acquire(path)?;
    save_checked(project, path, None, Allow::default(), &lock).map(|_| ())
}

/// Writes `project` to `path` as [`save`] does, with the lock already held. Unless `allow` says
/// so, refuses with [`SaveError::ChangedOnDisk`] when `expected` is the file as it was read and
/// the file now holds something else, and with [`SaveError::ReadOnly`] when the file is
/// read-only. Returns the stamp of the file as written.
pub fn save_checked(
    project: &Project,
    path: &Path,
    expected: Option<&DiskStamp>,
    allow: Allow,
    _held: &ProjectLock,
) -> Result<DiskStamp, SaveError> {
    let read_only =
        fs::metadata(write_target(path)).is_ok_and(|m| m.is_file() && m.permissions().readonly());
    if read_only && !allow.read_only {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    if let Some(expected) = expected.filter(|_| !allow.other_changes) {
        let now = DiskStamp::read(path).map_err(|source| SaveError::write_failed(path, source))?;
        if now.is_some_and(|now| !expected.same_content(&now)) {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
    }
    let sha256 = write_project(project, path, Backup::Keep)?;
    let target = write_target(path);
    remove_stale_temps(&target);
    let metadata = fs::metadata(&target).map_err(|source| SaveError::write_failed(path, source))?;
    Ok(DiskStamp::hashed(sha256, &metadata))
}

/// Replaces the file at `path` with the project's RON text, serialized straight into the file
/// (never held whole in memory) and hashed on the way; returns the SHA-256 of what was written.
pub(super) fn write_project(
    project: &Project,
    path: &Path,
    backup: Backup,
) -> Result<String, SaveError> {
    let mut unserializable = None;
    let mut sha256 = String::new();
    let written = replace_file(path, backup, |file| {
        let mut out = Hashing::new(io::BufWriter::new(file));
        match ron_format::write_ron(project, &mut out) {
            Ok(()) => {}
            Err(WriteRonError::Io(error)) => return Err(error),
            Err(WriteRonError::Serialize(error)) => {
                unserializable = Some(error.to_string());
                return Err(io::Error::other("the project cannot be written as RON"));
            }
        }
        out.flush()?;
        sha256 = out.sha256_hex();
        Ok(())
    });
    match (written, unserializable) {
        (Err(_), Some(message)) => Err(SaveError::Serialize(message)),
        (written, _) => written.map(|()| sha256),
    }
}

/// The file a save to `path` replaces: `path` itself, or the file a symbolic link at `path`
/// points to (however many links deep), so that saving keeps the link.
#[must_use]
pub fn write_target(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_owned();
    }
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// How old a temporary file of a save must be before a later save of the same file removes it:
/// long past any save, so that it can only be left over from one that was killed.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Removes the temporary files that killed saves of `target` left beside it (see [`temp_in`]),
/// once they are [`STALE_TEMP_AGE`] old. Best effort.
fn remove_stale_temps(target: &Path) {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The start of the name of every temporary file a save of `target` writes: `.marginalia-NAME-`.
fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    format!(".marginalia-{name}-")
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
    replace_file(path, Backup::Keep, |file| file.write_all(bytes))
}

/// Replaces the file at `path` with `bytes` atomically, keeping no backup: for exports, which
/// can always be made again from the project.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace_file(path, Backup::Skip, |file| file.write_all(bytes))
}

/// Whether [`replace_file`] keeps the replaced content as `NAME.bak`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Backup {
    Keep,
    Skip,
}

/// Replaces the file at `path` (through a symbolic link: its target) with what `content` writes,
/// atomically (temp file, sync, rename).
pub(super) fn replace_file(
    path: &Path,
    backup: Backup,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let write_error = |source: io::Error| SaveError::write_failed(path, source);
    let target = write_target(path);
    let path = target.as_path();
    let folder = folder_of(path);
    let previous = fs::metadata(path).ok();
    if let Some(kind) = previous.as_ref().and_then(special_kind) {
        // Never replace a device, a pipe or a socket with a regular file: an export is written
        // straight into a character device or a pipe (standard output, /dev/null, a FIFO);
        // anything else, or a project, is refused.
        return match (kind, backup) {
            (Special::Stream, Backup::Skip) => write_into(path, content).map_err(write_error),
            _ => Err(write_error(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is not a regular file (a device, pipe or socket), so it is not replaced",
            ))),
        };
    }
    let like = mode_source(path, backup).and_then(|p| fs::metadata(p).ok());
    let like = like.as_ref().or(previous.as_ref());
    let mut temp = temp_in(path, like).map_err(write_error)?;
    keep_owner(temp.as_file(), like);
    content(&mut temp).map_err(write_error)?;
    temp.flush().map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if backup == Backup::Keep && previous.as_ref().is_some_and(fs::Metadata::is_file) {
        keep_backup(path).map_err(|source| SaveError::Backup {
            path: path.to_owned(),
            backup: backup_path(path),
            source,
        })?;
    }
    temp.persist(path).map_err(|e| write_error(e.error))?;
    sync_folder(folder);
    Ok(())
}

/// What is at a path that is neither a regular file nor a folder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Special {
    /// A character device or a pipe: written into as it is.
    Stream,
    /// A block device, a socket, or anything else.
    Other,
}

fn special_kind(metadata: &fs::Metadata) -> Option<Special> {
    let kind = metadata.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_fifo() {
            return Some(Special::Stream);
        }
    }
    Some(Special::Other)
}

/// The file whose permissions a new `path` takes instead of its own previous ones: the project
/// a recovery copy (`NAME.recovery`, written without a backup) belongs to, when it exists.
fn mode_source(path: &Path, backup: Backup) -> Option<PathBuf> {
    if backup == Backup::Keep {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    let project = path.with_file_name(name.strip_suffix(".recovery")?);
    project.is_file().then_some(project)
}

/// Gives `file` the owner and group of the file it replaces, where that is permitted (as root,
/// or a group the user is in); otherwise it keeps the user's own.
fn keep_owner(file: &File, like: Option<&fs::Metadata>) {
    #[cfg(unix)]
    if let Some(like) = like {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
    }
    #[cfg(not(unix))]
    let _ = (file, like);
}

/// Writes `content` into the device or pipe at `path`.
fn write_into(
    path: &Path,
    content: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    content(&mut file)?;
    file.flush()
}

/// A temporary file beside `target`, named after it (`.marginalia-NAME-XXXXXX.tmp`), with the
/// permissions of the file it will replace (or the usual ones for a new file, rather than the
/// temporary file's private 0600).
fn temp_in(target: &Path, previous: Option<&fs::Metadata>) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(target);
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = previous.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = previous;
    builder.tempfile_in(folder_of(target))
}

/// Copies the current file to its backup name, atomically too (temp file, sync, rename).
fn keep_backup(path: &Path) -> io::Result<()> {
    let mut backup = temp_in(&backup_path(path), fs::metadata(path).ok().as_ref())?;
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
