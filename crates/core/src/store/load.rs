//! Loading a project file: size limit, UTF-8, RON parse, format version, then every invariant.
//! Loading only reads; it never writes to the file.

use std::{fs, io::Read, path::Path};

use super::{
    DiskStamp,
    error::{LoadError, LocatedProblem, existing_backup},
    ron_format,
};
use crate::model::{FORMAT_VERSION, Problem, Project, Severity, validate};

/// Largest project file accepted, in bytes (256 MiB). Larger files are refused with
/// [`LoadError::TooLarge`]: before they are read when their size says so, and once that many bytes
/// are read whatever it says (a device or a file still growing).
pub const MAX_PROJECT_BYTES: u64 = 256 * 1024 * 1024;

/// Most annotations a project file may hold, over all its documents (one million; a thorough
/// coding of a long article has a few thousand). More is refused with
/// [`LoadError::TooManyAnnotations`] before the project is checked or indexed.
pub const MAX_PROJECT_ANNOTATIONS: usize = 1_000_000;

/// A project that opened, with the problems it may be opened with (stored quotes that no longer
/// match the text, a changed text hash). Those are reported, never silently fixed or dropped.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<LocatedProblem>,
    /// The file as it was read ([`load`] only), for a later save to check against.
    pub stamp: Option<DiskStamp>,
}

/// Reads and checks the project file at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let metadata = fs::metadata(path).map_err(unreadable)?;
    if metadata.len() > MAX_PROJECT_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: MAX_PROJECT_BYTES,
        });
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_PROJECT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    let mut loaded = load_bytes(&bytes, path)?;
    loaded.stamp = Some(DiskStamp::of(&bytes, &metadata));
    Ok(loaded)
}

/// Checks and loads a project file's bytes (as [`load`] does once it has read them): the size
/// limit, an optional UTF-8 byte order mark, UTF-8, then [`load_str`]. `path` is used in
/// messages only.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_PROJECT_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_PROJECT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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
    load_str_limited(source, path, MAX_PROJECT_ANNOTATIONS)
}

/// [`load_str`] with at most `limit` annotations.
fn load_str_limited(source: &str, path: &Path, limit: usize) -> Result<Loaded, LoadError> {
    // Refuse a file with too many annotations before parsing it, in bounded memory.
    check_count(annotation_fields(source), limit, path)?;
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
                backup: existing_backup(path),
            });
        }
    };
    check_version(project.format_version(), path)?;
    check_annotation_count(&project, limit, path)?;
    project.reindex();
    let problems = validate::check_project(&project);
    let lines = if problems.is_empty() {
        None
    } else {
        Some(Lines::of(source))
    };
    let (errors, warnings): (Vec<_>, Vec<_>) = problems
        .into_iter()
        .map(|problem| LocatedProblem {
            line: lines.as_ref().and_then(|lines| lines.locate(&problem)),
            problem,
        })
        .partition(|p| p.problem.severity() == Severity::Error);
    if !errors.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            problems: errors.into_iter().chain(warnings).collect(),
            backup: existing_backup(path),
        });
    }
    Ok(Loaded {
        project,
        warnings,
        stamp: None,
    })
}

/// How many annotations a project file's text holds, counted before parsing it: the `start:`
/// fields followed by a number. An orphan (its annotation and
/// its suggestion) counts too, so this may count more than the annotations, never fewer in a file
/// Marginalia wrote; the exact count is checked again once the file is parsed.
fn annotation_fields(source: &str) -> usize {
    source
        .match_indices("start:")
        .filter(|&(at, _)| {
            let field = source[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '(' || c == ',');
            let number = source[at + "start:".len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
            field && number
        })
        .count()
}

/// [`LoadError::TooManyAnnotations`] when the project holds more than `limit` annotations.
fn check_annotation_count(project: &Project, limit: usize, path: &Path) -> Result<(), LoadError> {
    let count: usize = project
        .documents()
        .iter()
        .map(|d| d.annotations().len())
        .sum();
    check_count(count, limit, path)
}

/// [`LoadError::TooManyAnnotations`] when `count` is over `limit`.
fn check_count(count: usize, limit: usize, path: &Path) -> Result<(), LoadError> {
    if count > limit {
        return Err(LoadError::TooManyAnnotations {
            path: path.to_owned(),
            count,
            limit,
            backup: existing_backup(path),
        });
    }
    Ok(())
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

/// Where the items of a project file are: the 1-based lines of every `id: "…"` (in file order) and
/// of every quoted string, found in one pass over the text so that locating many problems stays
/// linear in the file's size.
struct Lines<'s> {
    ids: std::collections::HashMap<&'s str, Vec<usize>>,
    strings: std::collections::HashMap<&'s str, usize>,
}

impl<'s> Lines<'s> {
    fn of(source: &'s str) -> Self {
        let mut ids: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        let mut strings: std::collections::HashMap<&str, usize> = Default::default();
        let mut line = 1;
        let mut counted_to = 0;
        for (at, _) in source.match_indices('"') {
            if at < counted_to {
                continue;
            }
            line += source[counted_to..at].matches('\n').count();
            let start = at + 1;
            let Some(len) = source[start..].find(['"', '\n']) else {
                break;
            };
            let value = &source[start..start + len];
            if source[..at].ends_with("id: ") {
                ids.entry(value).or_default().push(line);
            }
            strings.entry(value).or_insert(line);
            counted_to = start + len + 1;
            line += source[at..counted_to].matches('\n').count();
        }
        Self { ids, strings }
    }

    /// The line of the item a problem is about: its `id: "…"` (the second such line for a
    /// duplicate id), or the stored text hash.
    fn locate(&self, problem: &Problem) -> Option<usize> {
        match problem {
            Problem::TextHashMismatch { stored, .. } => self.strings.get(stored.as_str()).copied(),
            Problem::DuplicateId { id, .. } => self.ids.get(id.as_str())?.get(1).copied(),
            other => self.ids.get(other.item_id()?)?.first().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MAX_NESTING;

    const SAMPLE: &str = include_str!("../../../testkit/data/small-sample.ron");

    #[test]
    fn files_over_the_size_limit_are_refused_before_they_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.ron");
        let file = fs::File::create(&path).expect("create");
        // A sparse file: nothing is written.
        file.set_len(MAX_PROJECT_BYTES + 1).expect("set_len");
        let error = load(&path).expect_err("too large");
        assert!(
            matches!(error, LoadError::TooLarge { size, limit, .. }
                if size == MAX_PROJECT_BYTES + 1 && limit == MAX_PROJECT_BYTES),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(message.contains("huge.ron") && message.contains("split the project"));
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_a_parse_error_that_says_so() {
        // Fields the format does not know are skipped, however they nest.
        let deep = format!(
            "Project(format_version: 1, extra: {}",
            "[".repeat(MAX_NESTING * 4)
        );
        let error = load_bytes(deep.as_bytes(), Path::new("deep.ron")).expect_err("too deep");
        assert!(
            matches!(error, LoadError::Parse { line: 1, .. }),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains(&format!("nesting deeper than {MAX_NESTING} levels")),
            "{message}"
        );
        assert!(message.starts_with("deep.ron:1:"), "{message}");
    }

    #[test]
    fn more_annotations_than_the_limit_are_refused_before_the_file_is_parsed() {
        let loaded = load_str(SAMPLE, Path::new("s.ron")).expect("sample loads");
        let count: usize = loaded
            .project
            .documents()
            .iter()
            .map(|d| d.annotations().len())
            .sum();
        assert!(count > 1);
        assert_eq!(annotation_fields(SAMPLE), count);
        assert!(load_str_limited(SAMPLE, Path::new("s.ron"), count).is_ok());
        // Cut short, the file cannot be parsed: the count is refused first all the same.
        let cut = &SAMPLE[..SAMPLE.len() - 40];
        let error = load_str_limited(cut, Path::new("many.ron"), count - 1).expect_err("over");
        assert!(
            matches!(&error, LoadError::TooManyAnnotations { count: c, limit, .. }
                if *c == count && *limit == count - 1),
            "{error:?}"
        );
        assert!(error.to_string().contains("many.ron holds"), "{error}");
    }

    #[test]
    fn bytes_load_with_or_without_a_byte_order_mark_and_must_be_utf8() {
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
        assert!(load_bytes(&with_bom, Path::new("bom.ron")).is_ok());
        let error = load_bytes(b"Project(\n  \xFF", Path::new("bad.ron")).expect_err("not utf-8");
        assert!(
            matches!(
                error,
                LoadError::NotUtf8 {
                    line: 2,
                    column: 3,
                    ..
                }
            ),
            "{error:?}"
        );
    }
}
