//! Why an annotation file could not be read.

use std::path::PathBuf;

/// An annotation file that could not be read at all. (Single annotations that cannot be placed
/// are not errors: they are listed in [`super::Anchored::unanchored`].)
#[derive(Debug, thiserror::Error)]
pub enum AnnotationImportError {
    #[error("could not read {}: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} is {size} bytes, more than the {limit} bytes an annotation file may have",
        .path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}: not a format Marginalia imports annotations from. It reads brat standoff (.ann with \
         its .txt, or their folder), doccano JSONL (.jsonl), W3C Web Annotation (.json, .jsonld) \
         and REFI-QDA projects (.qdpx)",
        .path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error("{}{}: {message}", .path.display(), .line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Malformed {
        path: PathBuf,
        /// 1-based line, where the format has lines.
        line: Option<usize>,
        message: String,
    },
}

impl AnnotationImportError {
    /// A malformed-file error at `line` (1-based) of `path`.
    pub fn malformed(
        path: &std::path::Path,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self::Malformed {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }

    /// Reads a whole file with the size limit, as every reader does.
    pub fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, Self> {
        let size = std::fs::metadata(path)
            .map_err(|source| Self::Read {
                path: path.to_owned(),
                source,
            })?
            .len();
        if size > super::MAX_ANNOTATION_FILE_BYTES {
            return Err(Self::TooLarge {
                path: path.to_owned(),
                size,
                limit: super::MAX_ANNOTATION_FILE_BYTES,
            });
        }
        std::fs::read(path).map_err(|source| Self::Read {
            path: path.to_owned(),
            source,
        })
    }
}
