//! The errors an import can end in, each naming the file and saying what the user can do.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Why a file could not be imported as an article.
///
/// Every message names the file (as the path was given) and suggests what to do next.
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be opened, inspected or read.
    #[error(
        "could not read `{}`: {source} — check that the file exists and that you may read it.",
        path.display()
    )]
    Unreadable {
        /// The file, as given.
        path: PathBuf,
        /// What the operating system reported.
        source: io::Error,
    },

    /// The file has zero bytes, or nothing but whitespace (and perhaps a byte order mark).
    #[error(
        "`{}` is empty: there is no text to import — check that you picked the right file.",
        path.display()
    )]
    Empty {
        /// The file, as given.
        path: PathBuf,
    },

    /// The file is larger than [`MAX_ARTICLE_BYTES`](super::MAX_ARTICLE_BYTES).
    #[error(
        "`{}` is too large to be an article ({size} bytes; the limit is {}): \
         import the article on its own, or split it into smaller files.",
        path.display(),
        human_size(*limit)
    )]
    TooLarge {
        /// The file, as given.
        path: PathBuf,
        /// The file's size, in bytes.
        size: u64,
        /// The largest size accepted, in bytes.
        limit: u64,
    },

    /// The file holds binary data (NUL bytes, or mostly control characters), not text.
    #[error(
        "`{}` looks like a binary file, not text: Marginalia imports .txt, .md and .html \
         articles — save the article as text or HTML first.",
        path.display()
    )]
    Binary {
        /// The file, as given.
        path: PathBuf,
    },

    /// The bytes are not valid in the encoding they were found (or detected) to be in.
    #[error(
        "`{}` could not be read as {encoding} text ({detail}): \
         open it in an editor and save it again as UTF-8, then import that copy.",
        path.display()
    )]
    Undecodable {
        /// The file, as given.
        path: PathBuf,
        /// WHATWG name of the encoding that was tried, e.g. "UTF-16LE".
        encoding: String,
        /// What was wrong, e.g. where the first malformed byte sequence is.
        detail: String,
    },

    /// An HTML file in which no visible article text was found.
    #[error(
        "`{}` has no visible article text: the page may fill itself in with JavaScript — \
         save the page again once it has loaded, or copy the article into a .txt file.",
        path.display()
    )]
    NoText {
        /// The file, as given.
        path: PathBuf,
    },

    /// An HTML file that nests elements deeper than
    /// [`MAX_HTML_NESTING`](super::MAX_HTML_NESTING) levels, which no article does.
    #[error(
        "`{}` nests HTML elements more than {limit} levels deep (from line {line}), which no \
         article does: the page may leave many tags unclosed. Save the article as a .txt file, \
         or repair the page in an editor, and import that.",
        path.display()
    )]
    TooDeep {
        /// The file, as given.
        path: PathBuf,
        /// The line (1-based) where the nesting went past the limit.
        line: u64,
        /// The deepest nesting accepted.
        limit: usize,
    },
}

/// A size in bytes as whole mebibytes when it is one, else as bytes, for messages.
fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_suggest_a_remedy() {
        let path = PathBuf::from("notes.pdf");
        let cases = [
            (
                ImportError::Binary { path: path.clone() },
                "`notes.pdf` looks like a binary file, not text: Marginalia imports .txt, .md and \
                 .html articles — save the article as text or HTML first.",
            ),
            (
                ImportError::TooLarge {
                    path: path.clone(),
                    size: 52_428_801,
                    limit: 52_428_800,
                },
                "`notes.pdf` is too large to be an article (52428801 bytes; the limit is 50 MiB): \
                 import the article on its own, or split it into smaller files.",
            ),
            (
                ImportError::Empty { path: path.clone() },
                "`notes.pdf` is empty: there is no text to import — check that you picked the \
                 right file.",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn undecodable_names_the_encoding() {
        let error = ImportError::Undecodable {
            path: PathBuf::from("a/b.txt"),
            encoding: "UTF-16LE".to_owned(),
            detail: "malformed byte sequence at byte 7".to_owned(),
        };
        let message = error.to_string();
        assert!(message.starts_with("`a/b.txt` could not be read as UTF-16LE text"));
        assert!(message.contains("at byte 7"));
    }
}
