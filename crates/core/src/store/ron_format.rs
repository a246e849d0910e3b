//! The RON text of a project: deterministic, pretty, diff-friendly output, written as it is made,
//! and a parser whose errors carry line and column.

use std::{fmt, io};

use ron::{extensions::Extensions, ser::PrettyConfig};
use serde::Deserialize;

use crate::model::Project;

/// Deepest nesting the parser accepts; a project file needs 6.
pub const MAX_NESTING: usize = 32;

/// The project as RON text. The same project always gives the same bytes: fields in contract
/// order, annotations sorted by `(start, end, id)`, four-space indents, `\n` newlines, strings
/// unescaped (multi-line texts stay multi-line, raw `r#"…"#` strings where a text holds `"` or `\`).
pub fn to_ron(project: &Project) -> Result<String, ron::Error> {
    let mut bytes = Vec::new();
    write_ron(project, &mut bytes).map_err(|e| match e {
        WriteRonError::Serialize(e) => e,
        WriteRonError::Io(e) => ron::Error::Io(e.to_string()),
    })?;
    Ok(String::from_utf8(bytes).expect("RON is written from UTF-8 strings"))
}

/// Why [`write_ron`] stopped.
#[derive(Debug)]
pub enum WriteRonError {
    /// The project cannot be written as RON.
    Serialize(ron::Error),
    /// The output refused the bytes (a full disk, a closed pipe), with its error unchanged.
    Io(io::Error),
}

/// Writes the project's RON text — the bytes [`to_ron`] returns — into `out` as it is made, so
/// that saving a project never holds its whole text in memory. `out` should be buffered: the
/// text comes in many small pieces.
pub fn write_ron(project: &Project, out: &mut dyn io::Write) -> Result<(), WriteRonError> {
    let config = PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::empty());
    let mut text = IoText { out, error: None };
    // Name only the top-level struct, as the format's documentation shows it.
    let written = fmt::Write::write_str(&mut text, "Project")
        .map_err(|_| ron::Error::Fmt)
        .and_then(|()| ron::Options::default().to_writer_pretty(&mut text, project, config))
        .and_then(|()| fmt::Write::write_str(&mut text, "\n").map_err(|_| ron::Error::Fmt));
    match (written, text.error) {
        (_, Some(error)) => Err(WriteRonError::Io(error)),
        (Err(error), None) => Err(WriteRonError::Serialize(error)),
        (Ok(()), None) => Ok(()),
    }
}

/// Text written into an [`io::Write`], keeping the first error it gave (RON's own adapter keeps
/// only its message, and a full disk must stay a full disk).
struct IoText<'w> {
    out: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

impl fmt::Write for IoText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error.get_or_insert(e);
            fmt::Error
        })
    }
}

/// Where a parse failed and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (chars).
    pub column: usize,
    pub message: String,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// Parses a project's RON text. Derived indexes are not built yet.
pub fn parse(source: &str) -> Result<Project, ParseFailure> {
    options().from_str(source).map_err(|e| {
        // A string left open runs to the end of the file: the file was cut off inside it.
        let at_end = rest_from(source, e.span.end).trim().is_empty()
            || matches!(e.code, ron::Error::ExpectedStringEnd);
        ParseFailure {
            line: e.span.start.line,
            column: e.span.start.col,
            message: if at_end {
                describe(&ron::Error::Eof)
            } else {
                describe(&e.code)
            },
        }
    })
}

/// The text from a 1-based line and column (chars) to the end.
fn rest_from(source: &str, at: ron::error::Position) -> &str {
    let line_start = source
        .match_indices('\n')
        .nth(at.line.saturating_sub(2))
        .map_or(0, |(i, _)| i + 1);
    let line_start = if at.line <= 1 { 0 } else { line_start };
    let rest = &source[line_start..];
    let skip = rest
        .char_indices()
        .nth(at.col.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    &rest[skip..]
}

/// Just the version field of a file, when the rest does not parse (it may be from a newer
/// Marginalia with a different shape).
#[must_use]
pub fn probe_version(source: &str) -> Option<u32> {
    #[derive(Deserialize)]
    #[serde(rename = "Project")]
    struct Probe {
        format_version: u32,
    }
    options()
        .from_str::<Probe>(source)
        .ok()
        .map(|p| p.format_version)
}

/// ron's error in the words of a project file.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => {
            "the file ends too early: it is cut off or a bracket is not closed".into()
        }
        ron::Error::ExceededRecursionLimit => {
            format!("nesting deeper than {MAX_NESTING} levels; this is not a project file")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}
