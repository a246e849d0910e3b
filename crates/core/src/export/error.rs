//! Why an export did not happen.

use std::path::PathBuf;

/// An annotation whose stored quote no longer matches the text at its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMismatch {
    pub document: String,
    pub id: String,
    /// Char offsets.
    pub start: usize,
    pub end: usize,
    pub stored: String,
    /// What the text reads at the span (empty when the span is past the end).
    pub actual: String,
}

/// An export that could not be made or written. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is no document with id “{id}”; the project has: {}", .documents.join(", "))]
    NoSuchDocument { id: String, documents: Vec<String> },
    #[error(
        "{} annotation(s) no longer match the text, so the export was stopped: {}. Open the project \
         in Marginalia (or run `marginalia check`) and correct them first",
        .0.len(),
        .0.iter().map(|m| format!("{} in “{}” at {}..{} (stored “{}”, text reads “{}”)", m.id, m.document, m.start, m.end, m.stored, m.actual)).collect::<Vec<_>>().join("; ")
    )]
    QuotesDoNotMatch(Vec<QuoteMismatch>),
    #[error(
        "{} {} not apply to {format}, which has no such choice; leave {} out",
        .options.join(" and "), if .options.len() == 1 { "does" } else { "do" },
        if .options.len() == 1 { "it" } else { "them" }
    )]
    OptionsNotUsed {
        options: Vec<&'static str>,
        format: &'static str,
    },
    #[error("could not build the {what}: {reason}")]
    Render { what: &'static str, reason: String },
    #[error("could not write {}: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
    /// A folder export into a folder that already holds files; nothing was written.
    #[error("{}", folder_not_empty(path, replaced, others))]
    FolderNotEmpty {
        path: PathBuf,
        /// Files of the names the export writes, which it would replace.
        replaced: Vec<String>,
        /// Other files and folders, which an export never mixes with.
        others: Vec<String>,
    },
}

/// The message of [`ExportError::FolderNotEmpty`].
fn folder_not_empty(path: &std::path::Path, replaced: &[String], others: &[String]) -> String {
    let files = |names: &[String], what: &str| {
        const SHOWN: usize = 5;
        let mut list = names
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if names.len() > SHOWN {
            list.push_str(&format!(", and {} more", names.len() - SHOWN));
        }
        let plural = if names.len() == 1 { "" } else { "s" };
        format!("{} {what}file{plural} ({list})", names.len())
    };
    let mut message = format!("nothing was written: {} is not empty", path.display());
    if !replaced.is_empty() {
        message.push_str(&format!(
            "; the export would replace {} there",
            files(replaced, "")
        ));
    }
    if others.is_empty() {
        message.push_str(". Choose an empty or new folder, or allow the export to replace them");
    } else {
        message.push_str(&format!(
            "; it also holds {}, which an export never mixes with. Choose an empty or new folder",
            files(others, "other ")
        ));
    }
    message
}
