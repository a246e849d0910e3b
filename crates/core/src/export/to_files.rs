//! Writing an export where the user chose: one file, or the files of a folder, each replaced
//! atomically so that no half-written file is ever left behind.

use std::path::Path;

use super::{ExportError, Output};
use crate::store;

/// Writes `output` to `path`: the file itself, or (for a folder) each file inside `path`,
/// creating the folder if needed. Only `path` and plain names inside it are written.
pub fn write_output(output: &Output, path: &Path) -> Result<(), ExportError> {
    let failed = |path: &Path, reason: String| ExportError::Write {
        path: path.to_owned(),
        reason,
    };
    match output {
        Output::File(bytes) => {
            if path.is_dir() {
                return Err(failed(path, "it is a folder; choose a file name".into()));
            }
            store::write_replacing(path, bytes).map_err(|e| failed(path, e.to_string()))
        }
        Output::Folder(files) => {
            if path.is_file() {
                return Err(failed(
                    path,
                    "it is a file; this format writes a folder of files".into(),
                ));
            }
            // No name may reach outside the chosen folder; checked before anything is written.
            if let Some((name, _)) = files
                .iter()
                .find(|(name, _)| Path::new(name).file_name() != Some(name.as_ref()))
            {
                return Err(failed(&path.join(name), "not a plain file name".into()));
            }
            std::fs::create_dir_all(path).map_err(|e| failed(path, e.to_string()))?;
            for (name, bytes) in files {
                let target = path.join(name);
                store::write_replacing(&target, bytes)
                    .map_err(|e| failed(&target, e.to_string()))?;
            }
            Ok(())
        }
    }
}

/// Whether two paths name the same existing file (so an export never overwrites its project).
#[must_use]
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The longest stem [`file_stem`] makes, in chars.
const MAX_STEM_CHARS: usize = 60;

/// A file name stem made from a title: its words (runs of letters and digits) in lower case,
/// joined by `-`, as many whole words as fit in 60 chars; `fallback` when the title has no word.
/// Nothing else is kept, so the stem can never name another folder.
#[must_use]
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut stem = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let len = stem.chars().count();
        if len == 0 {
            stem = word.chars().take(MAX_STEM_CHARS).collect();
        } else if len + 1 + word.chars().count() <= MAX_STEM_CHARS {
            stem.push('-');
            stem.push_str(&word);
        } else {
            break;
        }
    }
    if stem.is_empty() {
        fallback.to_owned()
    } else {
        stem
    }
}

/// Unique [`file_stem`]s for several document titles (`document` for a title without words):
/// repeats get `-2`, `-3`, ….
#[must_use]
pub fn unique_stems<'t>(titles: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    titles
        .into_iter()
        .map(|title| {
            let base = file_stem(title, "document");
            let mut stem = base.clone();
            let mut n = 1;
            while !taken.insert(stem.to_lowercase()) {
                n += 1;
                stem = format!("{base}-{n}");
            }
            stem
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_plain_names() {
        assert_eq!(file_stem("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(
            file_stem("Due diligence: in cyberspace?", "x"),
            "due-diligence-in-cyberspace"
        );
        assert_eq!(file_stem("///", "document"), "document");
        let long = "word ".repeat(30);
        let stem = file_stem(&long, "x");
        assert!(
            stem.chars().count() <= 60 && stem.ends_with("word"),
            "{stem}"
        );
        assert_eq!(file_stem(&"é".repeat(90), "x").chars().count(), 60);
        assert_eq!(
            unique_stems(["A b", "a b", "A b"]),
            vec!["a-b", "a-b-2", "a-b-3"]
        );
    }

    #[test]
    fn a_folder_export_writes_only_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        let bad = Output::Folder(vec![("../escape.txt".into(), b"x".to_vec())]);
        assert!(write_output(&bad, &out).is_err());
        assert!(!dir.path().join("escape.txt").exists());
        let good = Output::Folder(vec![("a.txt".into(), b"x".to_vec())]);
        write_output(&good, &out).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"x");
    }
}
