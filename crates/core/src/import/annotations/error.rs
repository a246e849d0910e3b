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
        "{} is {size} bytes, more than the {limit} bytes an annotation file may have; check that \
         this is an annotation file, or export the annotations in smaller parts and import them \
         one by one",
        .path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{} holds more than {limit} annotations, the most one file may bring in; export the \
         annotations in smaller parts (a few documents each) and import them one by one",
        .path.display()
    )]
    TooManyAnnotations { path: PathBuf, limit: usize },
    #[error(
        "{}{}: nested more than {limit} levels deep, which no annotation file needs; the file is \
         damaged or not an annotation export — export it again from the tool that made it",
        .path.display(), .line.map(|l| format!(", line {l}")).unwrap_or_default()
    )]
    TooDeep {
        path: PathBuf,
        /// 1-based line where the limit was passed, where the format has lines.
        line: Option<usize>,
        limit: usize,
    },
    #[error(
        "{}: the archive {what}, more than the limit of {limit}; it is damaged or not a \
         REFI-QDA project (an archive that unpacks to far more than it holds is refused rather \
         than unpacked) — export the project again, with fewer sources if it is very large",
        .path.display()
    )]
    ArchiveTooLarge {
        path: PathBuf,
        /// What is over the limit, as "has 200000 entries" or "unpacks to over 268435456 bytes".
        what: String,
        /// The limit, with its unit ("100000 entries", "268435456 bytes").
        limit: String,
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
        // The size may be wrong (a file still growing): never read past the limit.
        let read_error = |source| Self::Read {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(read_error)?;
        // Room for what the file says it holds, so that the buffer is not grown by doubling.
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, super::MAX_ANNOTATION_FILE_BYTES + 1),
            &mut bytes,
        )
        .map_err(read_error)?;
        super::limits::check_size(path, bytes.len())?;
        Ok(bytes)
    }
}
