//! Errors of loading and saving project files; each names the file and says what to do.

use std::{fmt, io, path::PathBuf};

use crate::model::Problem;

/// A problem found in a loaded project, with the line of the file it concerns where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    /// 1-based line of the file that holds the item, if it could be found.
    pub line: Option<usize>,
    pub problem: Problem,
}

impl fmt::Display for LocatedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

fn list(problems: &[LocatedProblem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

/// Why a project file could not be opened. The file is never changed by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Unreadable { path: PathBuf, source: io::Error },
    #[error(
        "{} is {size} bytes, more than the {limit} bytes a project file may have; it is probably \
         not a Marginalia project — check that you chose the right file, or split the project \
         into several", path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{} holds {count} annotations, more than the {limit} a project file may have; it is \
         probably damaged or not made by Marginalia — {}, or split the documents over several \
         projects", path.display(), backup_advice(backup.as_deref())
    )]
    TooManyAnnotations {
        path: PathBuf,
        count: usize,
        limit: usize,
        /// The project's backup, if there was one when the file was read.
        backup: Option<PathBuf>,
    },
    #[error(
        "{}:{line}:{column}: not valid UTF-8 text; a project file is UTF-8 — was it saved in \
         another encoding?", path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error(
        "{}:{line}:{column}: {message} — fix the file by hand, or {}",
        path.display(), backup_advice(backup.as_deref())
    )]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The project's backup, if there was one when the file was read.
        backup: Option<PathBuf>,
    },
    #[error(
        "{} was made by a newer Marginalia (format version {found}; this one reads version \
         {supported}): update Marginalia to open it", path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: format version {found} is not a Marginalia format version", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error(
        "{} is not a sound project ({} problem{}); correct these in the file, or {}:{}",
        path.display(), problems.len(), if problems.len() == 1 { "" } else { "s" },
        backup_advice(backup.as_deref()), list(problems)
    )]
    Invalid {
        path: PathBuf,
        problems: Vec<LocatedProblem>,
        /// The project's backup, if there was one when the file was read.
        backup: Option<PathBuf>,
    },
}

/// Why a save failed. In every case the file that was there before is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot turn the project into RON text: {0}")]
    Serialize(String),
    #[error(
        "cannot save {}: {reason} ({source}). {} Save to another folder with “Save as”, or \
         free the problem and save again",
        path.display(), previous_advice(*previous)
    )]
    Write {
        path: PathBuf,
        reason: &'static str,
        source: io::Error,
        /// Whether a file was at `path` when the save failed (it is unchanged).
        previous: bool,
    },
    #[error(
        "cannot keep the previous version of {} as {}: {source}. Nothing was written; the file \
         is unchanged", path.display(), backup.display()
    )]
    Backup {
        path: PathBuf,
        backup: PathBuf,
        source: io::Error,
    },
    #[error(
        "{} was changed by another program since it was opened; nothing was saved. Reload it to \
         see the other changes, save your version under another name with “Save as”, or \
         overwrite the other changes", path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "{} is read-only, so it was not replaced; nothing was saved. Make it writable, or save \
         your version under another name with “Save as”", path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "another program has been writing {} for {} s; nothing was saved. Try again once it is \
         done", path.display(), waited.as_secs()
    )]
    Busy {
        path: PathBuf,
        waited: std::time::Duration,
    },
    #[error("cannot lock {} for saving: {source}; nothing was saved", path.display())]
    Lock { path: PathBuf, source: io::Error },
}

/// The backup of the project at `path`, if there is one now: named in a load error's advice,
/// looked for when the error is made (not when it is shown).
#[must_use]
pub(super) fn existing_backup(path: &std::path::Path) -> Option<PathBuf> {
    Some(super::backup_path(path)).filter(|backup| backup.is_file())
}

/// What to say about a project's backup: open it, if there is one.
fn backup_advice(backup: Option<&std::path::Path>) -> String {
    match backup {
        Some(backup) => format!("open its backup ({})", backup.display()),
        None => "restore it from a copy (it has no .bak backup beside it)".to_owned(),
    }
}

/// What a failed save left: the previous file as it was, or no file (there was none before).
fn previous_advice(previous: bool) -> &'static str {
    if previous {
        "The previous version of the file is unchanged."
    } else {
        "No file was written."
    }
}

impl SaveError {
    /// [`SaveError::Write`] for a failure to write `path`, saying whether a file is there now
    /// (and so left unchanged).
    #[must_use]
    pub fn write_failed(path: &std::path::Path, source: io::Error) -> Self {
        Self::Write {
            path: path.to_owned(),
            reason: write_reason(&source),
            previous: path.exists(),
            source,
        }
    }
}

/// A short reason for an I/O failure while writing, in the user's terms.
#[must_use]
pub fn write_reason(error: &io::Error) -> &'static str {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "the folder is read-only or you may not write there",
        io::ErrorKind::ReadOnlyFilesystem => "the disk or folder is read-only",
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::NotFound => "the folder does not exist",
        io::ErrorKind::IsADirectory => "a folder of that name is in the way",
        _ => "the file could not be written",
    }
}
