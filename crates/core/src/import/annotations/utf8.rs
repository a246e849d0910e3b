//! The text of an annotation file: UTF-8, with or without a byte-order mark. A file that is not
//! UTF-8 is refused with the line where it stops being UTF-8, as brat, doccano and W3C files must be
//! UTF-8.

use std::path::Path;

use super::AnnotationImportError;

/// `bytes` without a leading UTF-8 byte-order mark.
#[must_use]
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// `bytes` (of the file at `path`, a `format` file) as UTF-8 text without its byte-order mark; an
/// error names the 1-based line where the bytes stop being UTF-8.
pub fn utf8_text<'b>(
    path: &Path,
    bytes: &'b [u8],
    format: &str,
) -> Result<&'b str, AnnotationImportError> {
    let bytes = without_bom(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        AnnotationImportError::malformed(
            path,
            Some(line),
            format!(
                "not UTF-8 text; {format} files are UTF-8: save it as UTF-8 and import it again"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_order_mark_is_dropped_and_a_bad_byte_is_found_by_line() {
        let path = Path::new("a.ann");
        assert_eq!(
            utf8_text(path, b"\xEF\xBB\xBFone\ntwo", "brat").unwrap(),
            "one\ntwo"
        );
        let error = utf8_text(path, b"one\ntw\xFFo", "brat")
            .unwrap_err()
            .to_string();
        assert!(error.contains("line 2: not UTF-8"), "{error}");
        assert!(error.contains("brat files are UTF-8"), "{error}");
        assert_eq!(without_bom(b"plain"), b"plain");
    }
}
