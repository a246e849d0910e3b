//! The limits every annotation importer keeps to — file size, nesting depth, number of
//! annotations, and for REFI-QDA archives their entries — and the checks that report them.
//!
//! A file over a limit is refused with an error naming the limit and what the analyst can do;
//! nothing is ever cut off silently.

use std::path::Path;

use super::AnnotationImportError;

/// The largest annotation file read, in bytes (200 MiB: a `.qdpx` holds its articles). Each
/// file of a brat folder is held to it on its own.
pub const MAX_ANNOTATION_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// Most annotations one annotation file (or brat folder) may hold (one million; a thorough coding
/// of a long article has a few thousand). Counted as the file is read, so a file over it is refused
/// before more are kept.
pub const MAX_FILE_ANNOTATIONS: usize = 1_000_000;

/// Deepest nesting of arrays and objects in a doccano or W3C JSON file (a W3C collection with
/// embedded pages and refined selectors needs about ten). Checked before the JSON is parsed.
pub const MAX_JSON_NESTING: usize = 64;

/// Deepest nesting of elements in a REFI-QDA `project.qde` (its deepest part, a code hierarchy,
/// is rarely more than a dozen levels).
pub const MAX_XML_NESTING: usize = 256;

/// Most entries a REFI-QDA `.qdpx` archive may have (a project has one per source and note): room
/// for a corpus of 100,000 documents, which Marginalia's own export writes as 100,001 entries.
pub const MAX_ARCHIVE_ENTRIES: usize = 250_000;

/// Most bytes read out of a `.qdpx` archive in all, uncompressed (512 MiB): a corpus of 100,000
/// short documents with 200,000 codings unpacks to 250 MB, its sources and the project's XML.
/// Entries that say they unpack to more are refused before anything is inflated, and reading
/// stops at the limit whatever they say.
pub const MAX_ARCHIVE_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// [`AnnotationImportError::TooLarge`] when `size` bytes is over [`MAX_ANNOTATION_FILE_BYTES`].
pub fn check_size(path: &Path, size: usize) -> Result<(), AnnotationImportError> {
    let size = u64::try_from(size).unwrap_or(u64::MAX);
    if size > MAX_ANNOTATION_FILE_BYTES {
        return Err(AnnotationImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_ANNOTATION_FILE_BYTES,
        });
    }
    Ok(())
}

/// Counts the annotations of one file as a reader finds them.
#[derive(Debug)]
pub struct AnnotationCount {
    count: usize,
    limit: usize,
}

impl Default for AnnotationCount {
    fn default() -> Self {
        Self::with_limit(MAX_FILE_ANNOTATIONS)
    }
}

impl AnnotationCount {
    /// A count that refuses more than `limit` annotations.
    #[must_use]
    pub fn with_limit(limit: usize) -> Self {
        Self { count: 0, limit }
    }

    /// Counts `n` more; [`AnnotationImportError::TooManyAnnotations`] once over the limit.
    pub fn add(&mut self, path: &Path, n: usize) -> Result<(), AnnotationImportError> {
        self.count = self.count.saturating_add(n);
        if self.count > self.limit {
            return Err(AnnotationImportError::TooManyAnnotations {
                path: path.to_owned(),
                limit: self.limit,
            });
        }
        Ok(())
    }
}

/// [`AnnotationImportError::TooDeep`] when the JSON text nests arrays and objects deeper than
/// `limit`; brackets inside strings do not count. Not a validation: malformed JSON passes here
/// and is reported by the parser. (For JSONL, check each line on its own.)
pub fn check_json_nesting(
    path: &Path,
    json: &[u8],
    limit: usize,
) -> Result<(), AnnotationImportError> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in json {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Err(AnnotationImportError::TooDeep {
                        path: path.to_owned(),
                        line: Some(line),
                        limit,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::annotations::UnitChoice;

    #[test]
    fn sizes_over_the_file_limit_are_refused() {
        let path = Path::new("big.json");
        let limit = usize::try_from(MAX_ANNOTATION_FILE_BYTES).expect("fits");
        assert!(check_size(path, limit).is_ok());
        let error = check_size(path, limit + 1).expect_err("over");
        assert!(matches!(error, AnnotationImportError::TooLarge { .. }));
        assert!(
            error.to_string().starts_with("big.json is 209715201 bytes"),
            "{error}"
        );
    }

    #[test]
    fn counts_refuse_the_first_annotation_over_the_limit() {
        let path = Path::new("many.jsonl");
        let mut count = AnnotationCount::with_limit(3);
        assert!(count.add(path, 2).is_ok());
        assert!(count.add(path, 1).is_ok());
        let error = count.add(path, 1).expect_err("over");
        assert!(
            matches!(
                error,
                AnnotationImportError::TooManyAnnotations { limit: 3, .. }
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(message.contains("more than 3 annotations"), "{message}");
        assert!(message.contains("smaller parts"), "{message}");
    }

    #[test]
    fn json_nesting_is_measured_outside_strings() {
        let path = Path::new("deep.json");
        let cases: [(&str, usize, Option<usize>); 7] = [
            ("[[[]]]", 3, None),
            ("[[[[]]]]", 3, Some(1)),
            (r#"{"a": "[[[[[[", "b": [1]}"#, 2, None),
            (r#"{"a": "\"[[[[", "b": [1]}"#, 2, None),
            ("[[]]\n[[]]\n[[[]]]", 2, Some(3)),
            ("[\n[\n[\n]]]", 2, Some(3)),
            ("]]]][[", 2, None),
        ];
        for (json, limit, line) in cases {
            let result = check_json_nesting(path, json.as_bytes(), limit);
            match (result, line) {
                (Ok(()), None) => {}
                (
                    Err(AnnotationImportError::TooDeep {
                        line: found,
                        limit: l,
                        ..
                    }),
                    Some(_),
                ) => {
                    assert_eq!((found, l), (line, limit), "{json}");
                }
                (other, _) => panic!("{json}: {other:?}"),
            }
        }
    }

    /// Each importer's bytes entry point, by name.
    fn importers() -> [(&'static str, ImportBytes); 4] {
        use super::super::{brat, doccano, qdpx, w3c};
        [
            ("brat", |p, b| {
                let files = brat::BratFiles {
                    ann: b,
                    ..brat::BratFiles::default()
                };
                brat::from_bytes(p, &files)
            }),
            ("doccano", |p, b| {
                doccano::from_bytes(p, b, UnitChoice::Detect)
            }),
            ("W3C", |p, b| w3c::from_bytes(p, b, UnitChoice::Detect)),
            ("REFI-QDA", qdpx::from_bytes),
        ]
    }

    type ImportBytes = fn(&Path, &[u8]) -> Result<super::super::ForeignSet, AnnotationImportError>;

    #[test]
    fn every_importer_refuses_bytes_over_the_size_limit() {
        let limit = usize::try_from(MAX_ANNOTATION_FILE_BYTES).expect("fits");
        // Zeroed memory is not touched until written, so this costs no time.
        let huge = vec![0u8; limit + 1];
        for (name, import) in importers() {
            let error = import(Path::new("huge"), &huge).expect_err(name);
            assert!(
                matches!(error, AnnotationImportError::TooLarge { .. }),
                "{name}: {error:?}"
            );
        }
    }

    #[test]
    fn json_importers_refuse_nesting_over_the_limit_with_its_line() {
        let deep = format!("\n{}", "[".repeat(MAX_JSON_NESTING + 1));
        let jsonl = format!(
            "{{\"text\": \"a\"}}\n{{\"text\": {}}}",
            "[".repeat(MAX_JSON_NESTING)
        );
        let cases: [(&str, &str, ImportBytes); 3] = [
            ("W3C", &deep, |p, b| {
                super::super::w3c::from_bytes(p, b, UnitChoice::Detect)
            }),
            ("doccano", &deep, |p, b| {
                super::super::doccano::from_bytes(p, b, UnitChoice::Detect)
            }),
            ("doccano JSONL", &jsonl, |p, b| {
                super::super::doccano::from_bytes(p, b, UnitChoice::Detect)
            }),
        ];
        for (name, json, import) in cases {
            let error = import(Path::new("deep.json"), json.as_bytes()).expect_err(name);
            assert!(
                matches!(
                    error,
                    AnnotationImportError::TooDeep {
                        line: Some(2),
                        limit: MAX_JSON_NESTING,
                        ..
                    }
                ),
                "{name}: {error:?}"
            );
            let message = error.to_string();
            assert!(
                message.starts_with("deep.json, line 2: nested more than 64 levels"),
                "{message}"
            );
        }
    }

    #[test]
    fn importers_refuse_more_annotations_than_the_limit() {
        let n = MAX_FILE_ANNOTATIONS + 1;
        let mut brat = String::with_capacity(n * 16);
        let mut doccano = String::with_capacity(n * 12 + 32);
        doccano.push_str("{\"text\": \"ab\", \"label\": [");
        for i in 0..n {
            brat.push_str(&format!("T{i}\tx 0 1\ta\n"));
            doccano.push_str(if i == 0 {
                "[0,1,\"x\"]"
            } else {
                ",[0,1,\"x\"]"
            });
        }
        doccano.push_str("]}");
        let cases: [(&str, &str, ImportBytes); 2] = [
            ("brat", &brat, importers()[0].1),
            ("doccano", &doccano, importers()[1].1),
        ];
        for (name, file, import) in cases {
            let error = import(Path::new("many"), file.as_bytes()).expect_err(name);
            assert!(
                matches!(
                    error,
                    AnnotationImportError::TooManyAnnotations {
                        limit: MAX_FILE_ANNOTATIONS,
                        ..
                    }
                ),
                "{name}: {error:?}"
            );
        }
    }
}
