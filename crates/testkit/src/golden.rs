//! The golden exports: every format's output for the small sample, as files under
//! `crates/core/tests/golden/` (a folder format as a folder, a `.qdpx` unpacked into one). The
//! test `every_format_matches_its_golden_file` compares them with what the exporters write now;
//! `cargo run -p marginalia-testkit --bin bless-goldens` rewrites them after an intended change.

use std::{
    collections::BTreeMap,
    fs, io,
    io::Read,
    path::{Path, PathBuf},
};

use marginalia_core::{
    export::{self, ExportOptions, Format, Output},
    store,
};

/// The folder the golden files live in.
#[must_use]
pub fn golden_folder() -> PathBuf {
    crate::repository("crates/core/tests/golden")
}

/// What the exporters write for the small sample now: each file's path under
/// [`golden_folder`] ('/'-separated) and its bytes.
///
/// # Panics
///
/// If the small sample does not load or a format fails to export it.
#[must_use]
pub fn golden_exports() -> BTreeMap<String, Vec<u8>> {
    let project = store::load(&crate::fixture("small-sample.ron"))
        .expect("the small sample loads")
        .project;
    let mut files = BTreeMap::new();
    for format in Format::ALL {
        let made = export::export(&project, format, &ExportOptions::default())
            .unwrap_or_else(|error| panic!("{format:?} exports the small sample: {error}"));
        let name = format!("small-sample.{}", format.extension().unwrap_or("brat"));
        match made.output {
            Output::File(bytes) if format == Format::Qdpx => {
                for (entry, content) in unzip(&bytes) {
                    files.insert(format!("{name}/{entry}"), content);
                }
            }
            Output::File(bytes) => {
                files.insert(name, bytes);
            }
            Output::Folder(entries) => {
                for (file, bytes) in entries {
                    files.insert(format!("{name}/{file}"), bytes);
                }
            }
        }
    }
    files
}

/// The golden files on disk, by path under [`golden_folder`] ('/'-separated).
///
/// # Errors
///
/// If the folder or a file in it cannot be read.
pub fn goldens_on_disk() -> io::Result<BTreeMap<String, Vec<u8>>> {
    let root = golden_folder();
    let mut files = BTreeMap::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.insert(relative(&root, &path), fs::read(&path)?);
            }
        }
    }
    Ok(files)
}

/// How the golden files on disk differ from what the exporters write now.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct GoldenDifferences {
    /// Written now, but not on disk.
    pub missing: Vec<String>,
    /// On disk with other bytes than are written now.
    pub changed: Vec<String>,
    /// On disk, but no exporter writes them any more.
    pub stale: Vec<String>,
}

impl GoldenDifferences {
    /// Compares `on_disk` with `exported`.
    #[must_use]
    pub fn between(
        on_disk: &BTreeMap<String, Vec<u8>>,
        exported: &BTreeMap<String, Vec<u8>>,
    ) -> Self {
        let mut differences = Self::default();
        for (file, bytes) in exported {
            match on_disk.get(file) {
                None => differences.missing.push(file.clone()),
                Some(old) if old != bytes => differences.changed.push(file.clone()),
                Some(_) => {}
            }
        }
        differences.stale = on_disk
            .keys()
            .filter(|file| !exported.contains_key(*file))
            .cloned()
            .collect();
        differences
    }

    /// Whether the files on disk are exactly the ones written now.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.changed.is_empty() && self.stale.is_empty()
    }
}

/// Rewrites the golden files: writes every file the exporters write now and removes the stale
/// ones (and folders left empty). Returns what was different before.
///
/// # Errors
///
/// If a file cannot be read, written or removed.
pub fn bless() -> io::Result<GoldenDifferences> {
    let root = golden_folder();
    let exported = golden_exports();
    let differences = GoldenDifferences::between(&goldens_on_disk()?, &exported);
    for file in differences.missing.iter().chain(&differences.changed) {
        let path = root.join(file);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &exported[file])?;
    }
    for file in &differences.stale {
        let path = root.join(file);
        fs::remove_file(&path)?;
        // Folders the stale file leaves empty go too; a folder still holding files stays.
        let mut folder = path.parent();
        while let Some(dir) = folder.filter(|dir| *dir != root) {
            if fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
    }
    Ok(differences)
}

/// `path` under `root`, '/'-separated.
fn relative(root: &Path, path: &Path) -> String {
    let inside = path.strip_prefix(root).unwrap_or(path);
    inside
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The entries of a ZIP archive, by name, in the archive's order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive =
        zip::ZipArchive::new(io::Cursor::new(bytes)).expect("a .qdpx export is a ZIP archive");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("an entry of the archive");
            let name = entry.name().expect("an entry name").into_owned();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("the entry unpacks");
            (name, content)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_missing_changed_and_stale_files() {
        let files = |pairs: &[(&str, &str)]| -> BTreeMap<String, Vec<u8>> {
            pairs
                .iter()
                .map(|(name, bytes)| ((*name).to_owned(), bytes.as_bytes().to_vec()))
                .collect()
        };
        let on_disk = files(&[("a.csv", "1"), ("b.md", "old"), ("gone/x.ann", "T1")]);
        let exported = files(&[("a.csv", "1"), ("b.md", "new"), ("c.html", "<p>")]);
        let differences = GoldenDifferences::between(&on_disk, &exported);
        assert_eq!(differences.missing, ["c.html"]);
        assert_eq!(differences.changed, ["b.md"]);
        assert_eq!(differences.stale, ["gone/x.ann"]);
        assert!(!differences.is_empty());
        assert!(GoldenDifferences::between(&exported, &exported).is_empty());
    }
}
