//! Loading a project file: size limit, UTF-8, RON parse, format version, then every invariant.
//! Loading only reads; it never writes to the file.

use std::{fs, path::Path};

use super::{
    error::{LoadError, LocatedProblem},
    ron_format,
};
use crate::model::{FORMAT_VERSION, Problem, Project, Severity, validate};

/// Largest project file accepted, in bytes.
pub const MAX_PROJECT_BYTES: u64 = 256 * 1024 * 1024;

/// A project that opened, with the problems it may be opened with (stored quotes that no longer
/// match the text, a changed text hash). Those are reported, never silently fixed or dropped.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<LocatedProblem>,
}

/// Reads and checks the project file at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_PROJECT_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_PROJECT_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(unreadable)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
        }
    })?;
    load_str(source, path)
}

/// 1-based line and column of the end of `valid` (valid UTF-8 up to the error).
fn line_column(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Parses and checks a project's RON text; `path` is used in messages only.
pub fn load_str(source: &str, path: &Path) -> Result<Loaded, LoadError> {
    let mut project = match ron_format::parse(source) {
        Ok(project) => project,
        Err(failure) => {
            if let Some(found) = ron_format::probe_version(source) {
                check_version(found, path)?;
            }
            return Err(LoadError::Parse {
                path: path.to_owned(),
                line: failure.line,
                column: failure.column,
                message: failure.message,
            });
        }
    };
    check_version(project.format_version(), path)?;
    project.reindex();
    let (errors, warnings): (Vec<_>, Vec<_>) = validate::check_project(&project)
        .into_iter()
        .map(|problem| LocatedProblem {
            line: locate(source, &problem),
            problem,
        })
        .partition(|p| p.problem.severity() == Severity::Error);
    if !errors.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            problems: errors.into_iter().chain(warnings).collect(),
        });
    }
    Ok(Loaded { project, warnings })
}

fn check_version(found: u32, path: &Path) -> Result<(), LoadError> {
    match found {
        FORMAT_VERSION => Ok(()),
        newer if newer > FORMAT_VERSION => Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        }),
        _ => Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            found,
        }),
    }
}

/// The 1-based line of the file holding the item a problem is about: the line with its
/// `id: "…"` (the second such line for a duplicate id), or the stored text hash.
fn locate(source: &str, problem: &Problem) -> Option<usize> {
    let (needle, nth) = match problem {
        Problem::TextHashMismatch { stored, .. } => (stored.clone(), 0),
        Problem::DuplicateId { id, .. } => (format!("id: \"{id}\""), 1),
        other => (format!("id: \"{}\"", other.item_id()?), 0),
    };
    let (at, _) = source.match_indices(&needle).nth(nth)?;
    Some(source[..at].matches('\n').count() + 1)
}
