//! Deciding whether a file is plain text, Markdown or HTML.

use std::path::Path;

use encoding_rs::Encoding;

use crate::model::SourceFormat;

/// How many bytes at the start of a file are looked at to recognise HTML.
const SNIFF_BYTES: usize = 512;

/// The format for a file: from its extension (case-insensitive) when that is a known one,
/// otherwise HTML if the bytes look like HTML, otherwise plain text.
pub fn format_for(path: &Path, bytes: &[u8]) -> SourceFormat {
    format_from_extension(path).unwrap_or(if looks_like_html(bytes) {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    })
}

/// Every extension (lowercase, without the dot) an article file is known by, with its format:
/// the one list that article import, annotation import and the window's file choosers share.
pub const ARTICLE_EXTENSIONS: [(&str, SourceFormat); 7] = [
    ("txt", SourceFormat::Text),
    ("text", SourceFormat::Text),
    ("md", SourceFormat::Markdown),
    ("markdown", SourceFormat::Markdown),
    ("html", SourceFormat::Html),
    ("htm", SourceFormat::Html),
    ("xhtml", SourceFormat::Html),
];

/// The extensions of [`ARTICLE_EXTENSIONS`] alone, in the same order.
pub const ARTICLE_EXTENSION_NAMES: [&str; 7] = {
    let mut names = [""; 7];
    let mut i = 0;
    while i < names.len() {
        names[i] = ARTICLE_EXTENSIONS[i].0;
        i += 1;
    }
    names
};

/// The format named by the file's extension (case-insensitive, see [`ARTICLE_EXTENSIONS`]);
/// `None` for any other extension or none.
pub fn format_from_extension(path: &Path) -> Option<SourceFormat> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    ARTICLE_EXTENSIONS
        .iter()
        .find(|(name, _)| *name == extension)
        .map(|(_, format)| *format)
}

/// Whether the bytes start, after any byte order mark and whitespace, with `<!doctype html`
/// or `<html` (case-insensitive).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let prefix = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let start = match Encoding::for_bom(prefix) {
        // Decoding a cut-off prefix may end in a replacement character; that is harmless here.
        Some((encoding, bom_len)) => encoding
            .decode_without_bom_handling(prefix.get(bom_len..).unwrap_or_default())
            .0
            .into_owned(),
        None => String::from_utf8_lossy(prefix).into_owned(),
    };
    let start = start.trim_start().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_are_the_extensions_of_the_one_list() {
        let names: Vec<&str> = ARTICLE_EXTENSIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ARTICLE_EXTENSION_NAMES);
    }

    #[test]
    fn formats() {
        let page = b"\xEF\xBB\xBF \n<!DOCTYPE HTML><p>x".as_slice();
        let utf16_page = b"\xFF\xFE<\0h\0t\0m\0l\0>\0".as_slice();
        let cases: [(&str, &[u8], SourceFormat); 11] = [
            ("a.txt", b"<html>", SourceFormat::Text),
            ("a.TEXT", b"", SourceFormat::Text),
            ("a.md", b"# x", SourceFormat::Markdown),
            ("a.Markdown", b"", SourceFormat::Markdown),
            ("a.html", b"plain", SourceFormat::Html),
            ("a.HTM", b"", SourceFormat::Html),
            ("a.xhtml", b"", SourceFormat::Html),
            ("saved", page, SourceFormat::Html),
            ("saved.php", utf16_page, SourceFormat::Html),
            ("notes.rtf", b"<p>not a page</p>", SourceFormat::Text),
            ("README", b"   <HTML lang=en>", SourceFormat::Html),
        ];
        for (path, bytes, format) in cases {
            assert_eq!(format_for(Path::new(path), bytes), format, "{path}");
        }
    }
}
