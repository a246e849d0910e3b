//! Writing an export where the user chose: one file, or the files of a folder, each replaced
//! atomically so that no half-written file is ever left behind.

use std::path::Path;

use super::{ExportError, Output};
use crate::store;

/// What a folder export may do with a folder that already holds files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InFolder {
    /// Write only into a new or empty folder.
    #[default]
    EmptyOnly,
    /// Replace the files of the same names (a previous export of the same project), as long
    /// as the folder holds no others: an export never mixes with unrelated files.
    ReplaceSameNames,
}

/// Writes `output` to `path`: the file itself, or (for a folder) each file inside `path`,
/// creating the folder if needed. Only `path` and plain names inside it are written; a folder
/// that already holds files is written only as `in_folder` allows, and otherwise refused with
/// [`ExportError::FolderNotEmpty`] before anything is written.
pub fn write_output(output: &Output, path: &Path, in_folder: InFolder) -> Result<(), ExportError> {
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
            if path.is_dir() {
                check_folder(files, path, in_folder)?;
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

/// Refuses to write `files` into the existing folder `path` when it holds anything but (with
/// [`InFolder::ReplaceSameNames`]) files of the same names.
fn check_folder(
    files: &[(String, Vec<u8>)],
    path: &Path,
    in_folder: InFolder,
) -> Result<(), ExportError> {
    let entries = std::fs::read_dir(path).map_err(|e| ExportError::Write {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let writing: std::collections::HashSet<&str> =
        files.iter().map(|(name, _)| name.as_str()).collect();
    let (mut replaced, mut others) = (Vec::new(), Vec::new());
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if writing.contains(name.as_str()) {
            replaced.push(name);
        } else {
            others.push(name);
        }
    }
    let allowed = match in_folder {
        InFolder::EmptyOnly => replaced.is_empty() && others.is_empty(),
        InFolder::ReplaceSameNames => others.is_empty(),
    };
    if allowed {
        return Ok(());
    }
    replaced.sort();
    others.sort();
    Err(ExportError::FolderNotEmpty {
        path: path.to_owned(),
        replaced,
        others,
    })
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
        assert!(write_output(&bad, &out, InFolder::EmptyOnly).is_err());
        assert!(!dir.path().join("escape.txt").exists());
        let good = Output::Folder(vec![("a.txt".into(), b"x".to_vec())]);
        write_output(&good, &out, InFolder::EmptyOnly).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"x");
    }

    #[test]
    fn a_folder_export_says_what_it_would_replace_and_never_mixes_with_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("brat");
        let first = Output::Folder(vec![
            ("a.txt".into(), b"one".to_vec()),
            ("a.ann".into(), b"T1".to_vec()),
        ]);
        write_output(&first, &out, InFolder::EmptyOnly).unwrap();
        let again = Output::Folder(vec![
            ("a.txt".into(), b"two".to_vec()),
            ("a.ann".into(), b"T2".to_vec()),
        ]);
        // A folder holding a previous export: refused unless replacing is allowed, with the
        // files it would replace named.
        let error = write_output(&again, &out, InFolder::EmptyOnly).unwrap_err();
        assert!(
            matches!(&error, ExportError::FolderNotEmpty { replaced, others, .. }
                if *replaced == ["a.ann", "a.txt"] && others.is_empty()),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains("would replace 2 files (a.ann, a.txt) there"),
            "{message}"
        );
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        write_output(&again, &out, InFolder::ReplaceSameNames).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"two");
        // Another file in the folder: never mixed with, even when replacing is allowed.
        std::fs::write(out.join("notes.doc"), b"mine").unwrap();
        let error = write_output(&again, &out, InFolder::ReplaceSameNames).unwrap_err();
        assert!(
            matches!(&error, ExportError::FolderNotEmpty { others, .. } if *others == ["notes.doc"]),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("1 other file (notes.doc)"),
            "{error}"
        );
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"two");
        assert_eq!(std::fs::read(out.join("notes.doc")).unwrap(), b"mine");
        // An empty folder is written into.
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write_output(&again, &empty, InFolder::EmptyOnly).unwrap();
    }
}
