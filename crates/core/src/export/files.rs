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

/// A file name stem made from a document title: letters, digits, `-` and `_` kept, runs of
/// anything else turned into one `_`, at most 60 chars; `document` when nothing is left.
#[must_use]
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            stem.push(c);
        } else if !stem.ends_with('_') {
            stem.push('_');
        }
    }
    let stem: String = stem.trim_matches('_').chars().take(60).collect();
    if stem.is_empty() {
        "document".to_owned()
    } else {
        stem
    }
}

/// Unique stems for several titles: repeats get `_2`, `_3`, … (compared case-insensitively,
/// for file systems that do).
#[must_use]
pub fn unique_stems<'t>(titles: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    titles
        .into_iter()
        .map(|title| {
            let base = file_stem(title);
            let mut stem = base.clone();
            let mut n = 1;
            while !taken.insert(stem.to_lowercase()) {
                n += 1;
                stem = format!("{base}_{n}");
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
        assert_eq!(file_stem("../../etc/passwd"), "etc_passwd");
        assert_eq!(
            file_stem("Due diligence: in cyberspace?"),
            "Due_diligence_in_cyberspace"
        );
        assert_eq!(file_stem("///"), "document");
        assert_eq!(
            unique_stems(["A b", "a b", "A b"]),
            vec!["A_b", "a_b_2", "A_b_3"]
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
