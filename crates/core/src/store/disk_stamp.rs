//! What a project file was on disk when it was read or written — its size, modification time and
//! the SHA-256 of its bytes —, so that a save can tell whether another program changed the file
//! since, instead of silently replacing changes it never read.

use std::{fs, io, path::Path, time::SystemTime};

use crate::model::sha256_hex;

/// A project file's size, modification time and content hash at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    sha256: String,
}

impl DiskStamp {
    /// The stamp of `bytes`, read from a file whose metadata is `metadata`.
    #[must_use]
    pub fn of(bytes: &[u8], metadata: &fs::Metadata) -> Self {
        Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            sha256: sha256_hex(bytes),
        }
    }

    /// The stamp of the file at `path` now; `None` when there is no file.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let bytes = fs::read(path)?;
        Ok(Some(Self::of(&bytes, &metadata)))
    }

    /// Whether the file at `path` still has this size and modification time: a cheap check,
    /// for noticing changes while a project is open (a save compares the hash too).
    #[must_use]
    pub fn looks_current(&self, path: &Path) -> bool {
        fs::metadata(path).is_ok_and(|m| m.len() == self.len && m.modified().ok() == self.modified)
    }

    /// Whether `other` holds the same bytes (the modification time alone may differ, e.g.
    /// after a `touch` or a copy that keeps the content).
    #[must_use]
    pub fn same_content(&self, other: &Self) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_has_another_stamp_and_a_missing_one_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        assert_eq!(DiskStamp::read(&path).unwrap(), None);
        fs::write(&path, "one").unwrap();
        let first = DiskStamp::read(&path).unwrap().unwrap();
        assert!(first.looks_current(&path));
        fs::write(&path, "two").unwrap();
        let second = DiskStamp::read(&path).unwrap().unwrap();
        assert!(!first.same_content(&second), "same size, other bytes");
        assert!(second.same_content(&DiskStamp::read(&path).unwrap().unwrap()));
    }
}
