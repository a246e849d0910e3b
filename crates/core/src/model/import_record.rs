//! `ImportRecord`: what was done to a source file to obtain a document's stored text.

use serde::{Deserialize, Serialize};

/// The kind of file an article was imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
}

/// The newline convention found in the original file before normalisation to "\n".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewlineStyle {
    None,
    Lf,
    Crlf,
    Cr,
    Mixed,
}

/// What was done to a source file to get a document's stored text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub format: SourceFormat,
    /// WHATWG name of the encoding the bytes were decoded from, as encoding_rs gives it
    /// ("UTF-8", "UTF-16LE", "windows-1252", "ISO-8859-2").
    pub encoding: String,
    /// Whether the file began with a byte order mark (which is not part of the text).
    pub bom: bool,
    pub newlines: NewlineStyle,
    /// Lowercase hex SHA-256 of the original file's bytes.
    pub bytes_sha256: String,
    /// Size of the original file in bytes.
    pub bytes_len: u64,
}
