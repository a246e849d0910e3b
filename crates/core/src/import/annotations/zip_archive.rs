//! A ZIP archive read into memory only, never extracted: entry names that would escape the
//! archive are refused, each entry is limited to [`MAX_ENTRY_BYTES`] and the archive as a whole to
//! [`MAX_ARCHIVE_ENTRIES`] entries and [`MAX_ARCHIVE_UNPACKED_BYTES`] unpacked. An entry that says
//! it unpacks to more is refused before it is inflated, and reading stops at the limit whatever it
//! says (a ZIP bomb is refused, not unpacked). The REFI-QDA reader (`qdpx`) reads through it.

use std::{
    collections::HashMap,
    io::{self, BufRead, BufReader, Cursor, Read},
    path::Path,
};

use zip::ZipArchive;

use super::{AnnotationImportError, MAX_ARCHIVE_ENTRIES, MAX_ARCHIVE_UNPACKED_BYTES};

/// The largest entry read from an archive, uncompressed (256 MiB, the size of the largest project
/// file: `project.qde` holds the whole project, 172 MB for 100,000 documents).
pub const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;

/// How much of an archive is read.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveLimits {
    pub entries: usize,
    pub entry_bytes: u64,
    pub unpacked_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        Self {
            entries: MAX_ARCHIVE_ENTRIES,
            entry_bytes: MAX_ENTRY_BYTES,
            unpacked_bytes: MAX_ARCHIVE_UNPACKED_BYTES,
        }
    }
}

/// Whether an entry name stays inside the archive: relative, no `..`, no drive letter.
pub fn is_enclosed(name: &str) -> bool {
    let first = name.split(['/', '\\']).next().unwrap_or_default();
    !name.is_empty()
        && !name.starts_with(['/', '\\'])
        && !first.contains(':')
        && !name.contains('\0')
        && name.split(['/', '\\']).all(|part| part != "..")
}

/// The archive, with the names of the entries that may be read.
pub struct Archive<'b> {
    pub path: &'b Path,
    zip: ZipArchive<Cursor<&'b [u8]>>,
    /// (index, name with `/` separators) of every enclosed file entry.
    pub names: Vec<(usize, String)>,
    /// The first entry of each name, and of each name in ASCII lower case, for [`Archive::find`].
    by_name: HashMap<String, usize>,
    by_folded_name: HashMap<String, usize>,
    /// Entries refused because their names escape the archive.
    pub refused: Vec<String>,
    limits: ArchiveLimits,
    /// Bytes unpacked so far (an entry read a second time may be taken off again).
    pub(super) unpacked: u64,
    /// Set when reading went over [`ArchiveLimits::unpacked_bytes`]: the import is refused.
    pub over_limit: Option<AnnotationImportError>,
}

impl<'b> Archive<'b> {
    pub fn open(
        path: &'b Path,
        bytes: &'b [u8],
        limits: ArchiveLimits,
    ) -> Result<Self, AnnotationImportError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            AnnotationImportError::malformed(
                path,
                None,
                format!(
                    "not a REFI-QDA project: a .qdpx is a ZIP archive, and this file is not one \
                     ({e}). Export the project again as REFI-QDA (.qdpx)"
                ),
            )
        })?;
        if zip.len() > limits.entries {
            return Err(AnnotationImportError::ArchiveTooLarge {
                path: path.to_owned(),
                what: format!("has {} entries", zip.len()),
                limit: format!("{} entries", limits.entries),
            });
        }
        let mut names = Vec::new();
        let mut refused = Vec::new();
        for (index, name) in zip.file_names().enumerate() {
            let Ok(name) = name else { continue };
            if name.ends_with('/') {
                continue;
            }
            if is_enclosed(&name) {
                names.push((index, name.replace('\\', "/")));
            } else {
                refused.push(name.into_owned());
            }
        }
        let mut by_name = HashMap::new();
        let mut by_folded_name = HashMap::new();
        for (index, name) in &names {
            by_name.entry(name.clone()).or_insert(*index);
            by_folded_name
                .entry(name.to_ascii_lowercase())
                .or_insert(*index);
        }
        Ok(Self {
            path,
            zip,
            names,
            by_name,
            by_folded_name,
            refused,
            limits,
            unpacked: 0,
            over_limit: None,
        })
    }

    /// The index of entry `name`, matched exactly, else ignoring case.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(name)
            .or_else(|| self.by_folded_name.get(&name.to_ascii_lowercase()))
            .copied()
    }

    /// The bytes of entry `index`, at most [`MAX_ENTRY_BYTES`]. Going over the archive's
    /// [`MAX_ARCHIVE_UNPACKED_BYTES`] also sets [`Archive::over_limit`].
    pub fn read(&mut self, index: usize, name: &str) -> Result<Vec<u8>, String> {
        self.read_with(index, name, |entry, size| {
            // Room for the size the entry declares (within the limits), so that the buffer is
            // not grown by doubling; a false size only means growing after all.
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            entry.read_to_end(&mut bytes).map(|_| bytes)
        })?
        .map_err(|e| e.to_string())
    }

    /// What `read` makes of entry `index` as it is inflated, within the same limits as
    /// [`Archive::read`]: `read` is given the entry, cut off one byte past what may be read, and
    /// the size it declares (at most that).
    pub fn read_with<T>(
        &mut self,
        index: usize,
        name: &str,
        read: impl FnOnce(&mut dyn BufRead, u64) -> T,
    ) -> Result<T, String> {
        let file = self.zip.by_index(index).map_err(|e| e.to_string())?;
        let too_large = || {
            format!(
                "{name} is larger than {} uncompressed",
                human_bytes(self.limits.entry_bytes)
            )
        };
        if file.size() > self.limits.entry_bytes {
            return Err(too_large());
        }
        let left = self.limits.unpacked_bytes.saturating_sub(self.unpacked);
        let over_archive = || AnnotationImportError::ArchiveTooLarge {
            path: self.path.to_owned(),
            what: format!("unpacks to over {} bytes", self.limits.unpacked_bytes),
            limit: format!("{} bytes", self.limits.unpacked_bytes),
        };
        if file.size() > left {
            self.over_limit.get_or_insert_with(over_archive);
            return Err(format!("{name}: the archive unpacks to too much"));
        }
        // The sizes an archive declares may be false: never read past either limit.
        let most = self.limits.entry_bytes.min(left);
        let size = file.size().min(most);
        let mut entry = Counted {
            inner: file.take(most + 1),
            read: 0,
        };
        let made = read(&mut BufReader::new(&mut entry), size);
        let read = entry.read;
        if read > most {
            if read > self.limits.entry_bytes {
                return Err(too_large());
            }
            self.over_limit.get_or_insert_with(over_archive);
            return Err(format!("{name}: the archive unpacks to too much"));
        }
        self.unpacked += read;
        Ok(made)
    }
}

/// A reader that counts the bytes it gives.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += u64::try_from(n).unwrap_or(u64::MAX);
        Ok(n)
    }
}

/// `bytes` as whole MiB when it is a multiple of one, else as bytes.
fn human_bytes(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}
