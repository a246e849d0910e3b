//! What a project file was on disk when it was read or written — its size, modification time and
//! the SHA-256 of its bytes —, so that a save can tell whether another program changed the file
//! since, instead of silently replacing changes it never read.

use std::{
    fs::{self, File},
    io::{self, Write},
    path::Path,
    time::SystemTime,
};

use sha2::{Digest, Sha256};

use crate::model::{hex, sha256_hex};

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

    /// The stamp of bytes whose SHA-256 is `sha256` (lowercase hex), written to a file whose
    /// metadata is `metadata`.
    #[must_use]
    pub fn hashed(sha256: String, metadata: &fs::Metadata) -> Self {
        Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            sha256,
        }
    }

    /// The stamp of the file at `path` now, hashed as it is read (never held whole); `None`
    /// when there is no file.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        let mut file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let metadata = file.metadata()?;
        let mut hashing = Hashing::new(io::sink());
        io::copy(&mut file, &mut hashing)?;
        Ok(Some(Self::hashed(hashing.sha256_hex(), &metadata)))
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

/// A writer that hashes what passes through it on its way to `inner`, so that a file's stamp is
/// known once it is written without keeping its bytes.
pub struct Hashing<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Hashing<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
        }
    }

    /// The SHA-256 of everything written so far, lowercase hex.
    #[must_use]
    pub fn sha256_hex(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
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
