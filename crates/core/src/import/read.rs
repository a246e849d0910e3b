//! Reading an article file from disk, within the size limit.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use super::MAX_ARTICLE_BYTES;
use super::article::{ImportedArticle, article_at};
use super::error::ImportError;
use super::format::format_for;

/// Reads the file at `path` and makes an article of it.
///
/// The size is checked before reading: a file over [`MAX_ARTICLE_BYTES`] bytes is
/// [`ImportError::TooLarge`]. The format comes from the extension (`.txt`/`.text`,
/// `.md`/`.markdown`, `.html`/`.htm`/`.xhtml`, case-insensitive); with any other extension
/// the file is HTML if it starts with `<!doctype html` or `<html`, else plain text.
///
/// # Errors
///
/// [`ImportError::Unreadable`] when the file cannot be opened or read, and otherwise as for
/// [`article_from_bytes`](super::article_from_bytes).
pub fn read_article(path: &Path) -> Result<ImportedArticle, ImportError> {
    let unreadable = |source| ImportError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size| ImportError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_ARTICLE_BYTES,
    };
    let file = File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(size));
    }
    // The size may be wrong (a pipe, or a file still growing): never read past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_ARTICLE_BYTES {
        return Err(too_large(read));
    }
    let format = format_for(path, &bytes);
    article_at(bytes, format, &path.display().to_string(), path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;
    use std::fs;

    #[test]
    fn rejects_files_over_the_limit_before_reading_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("huge.txt");
        let file = File::create(&path).expect("create");
        // A sparse file: nothing is written.
        file.set_len(MAX_ARTICLE_BYTES + 1).expect("set_len");
        match read_article(&path) {
            Err(ImportError::TooLarge { size, limit, .. }) => {
                assert_eq!((size, limit), (MAX_ARTICLE_BYTES + 1, MAX_ARTICLE_BYTES));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_and_picks_the_format() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cases = [
            ("a.md", "# Title\nText\n", SourceFormat::Markdown, "Title"),
            (
                "a.txt",
                "<html><title>No</title>",
                SourceFormat::Text,
                "<html><title>No</title>",
            ),
            (
                "page",
                "<!DOCTYPE html><title>Yes</title><p>x",
                SourceFormat::Html,
                "Yes",
            ),
            ("notes", "First line\n", SourceFormat::Text, "First line"),
        ];
        for (name, content, format, title) in cases {
            let path = dir.path().join(name);
            fs::write(&path, content).expect("write");
            let article = read_article(&path).expect("imports");
            assert_eq!(article.record.format, format, "{name}");
            assert_eq!(article.title, title, "{name}");
            assert_eq!(article.source, path.display().to_string());
        }
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let empty = dir.path().join("empty.txt");
        let blank = dir.path().join("blank.md");
        fs::write(&empty, "").expect("write");
        fs::write(&blank, "\n  \n").expect("write");
        let missing = dir.path().join("missing.txt");
        assert!(matches!(read_article(&empty), Err(ImportError::Empty { path }) if path == empty));
        assert!(matches!(read_article(&blank), Err(ImportError::Empty { path }) if path == blank));
        assert!(matches!(
            read_article(&missing),
            Err(ImportError::Unreadable { path, .. }) if path == missing
        ));
        assert!(matches!(
            read_article(dir.path()),
            Err(ImportError::Unreadable { .. })
        ));
    }
}
