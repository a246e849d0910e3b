//! Telling annotation formats apart by file name and, where that is not enough, by content.

use std::path::Path;

use super::AnnotationImportError;

/// A format annotations can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationFormat {
    Brat,
    Doccano,
    W3c,
    Qdpx,
}

/// The format of `path`: a folder or `.ann` file is brat (so is a `.txt` with an `.ann` beside
/// it), `.qdpx` is REFI-QDA, and JSON is W3C when it names an `Annotation` type or the W3C
/// context, doccano otherwise.
pub fn detect(path: &Path) -> Result<AnnotationFormat, AnnotationImportError> {
    if path.is_dir() {
        return Ok(AnnotationFormat::Brat);
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "ann" => return Ok(AnnotationFormat::Brat),
        "txt" if path.with_extension("ann").is_file() => return Ok(AnnotationFormat::Brat),
        "qdpx" => return Ok(AnnotationFormat::Qdpx),
        "jsonl" => return Ok(AnnotationFormat::Doccano),
        "json" | "jsonld" => {}
        _ => {
            return Err(AnnotationImportError::UnknownFormat {
                path: path.to_owned(),
            });
        }
    }
    let bytes = AnnotationImportError::read_limited(path)?;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    if head.contains("www.w3.org/ns/anno.jsonld")
        || head.contains("\"AnnotationCollection\"")
        || head.contains("\"Annotation\"")
        || head.contains("\"AnnotationPage\"")
    {
        Ok(AnnotationFormat::W3c)
    } else {
        Ok(AnnotationFormat::Doccano)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, content: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            path
        };
        let w3c = write(
            "a.json",
            r#"{"@context": "http://www.w3.org/ns/anno.jsonld"}"#,
        );
        let doccano = write("b.json", r#"{"text": "x", "label": []}"#);
        let ann = write("c.ann", "");
        let txt = write("c.txt", "");
        let lone = write("d.txt", "");
        assert_eq!(detect(&w3c).unwrap(), AnnotationFormat::W3c);
        assert_eq!(detect(&doccano).unwrap(), AnnotationFormat::Doccano);
        assert_eq!(detect(&ann).unwrap(), AnnotationFormat::Brat);
        assert_eq!(detect(&txt).unwrap(), AnnotationFormat::Brat);
        assert_eq!(detect(dir.path()).unwrap(), AnnotationFormat::Brat);
        assert!(matches!(
            detect(&lone),
            Err(AnnotationImportError::UnknownFormat { .. })
        ));
    }
}
