//! Finding the encoding an HTML document declares for itself in a `<meta>` tag.

use encoding_rs::Encoding;

/// How many bytes at the start of a document are searched for a declaration.
pub const PRESCAN_BYTES: usize = 1024;

/// The encoding declared by a `charset=` in the first [`PRESCAN_BYTES`] bytes of an HTML
/// document, as in `<meta charset="iso-8859-2">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">`.
///
/// Returns `None` when there is no declaration or its label is not a known encoding label.
/// This is a simple scan, not the full WHATWG prescan: it takes the first `charset=` it finds.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    let needle = b"charset";
    let start = head
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))?;
    let rest = head.get(start + needle.len()..)?;
    let rest = skip_spaces(rest);
    let rest = skip_spaces(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let rest = skip_spaces(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let label = rest.get(..end)?;
    Encoding::for_label(label)
}

/// `bytes` without its leading ASCII whitespace.
fn skip_spaces(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_declarations() {
        let cases: [(&[u8], Option<&str>); 8] = [
            (b"<meta charset=\"iso-8859-2\">", Some("ISO-8859-2")),
            (b"<META CHARSET='Windows-1250'/>", Some("windows-1250")),
            (b"<meta charset=latin1>", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
                Some("KOI8-R"),
            ),
            (b"<meta charset = \" utf-8 \">", Some("UTF-8")),
            (b"<meta charset=\"no-such-thing\">", None),
            (b"<p>no declaration</p>", None),
            (b"charset", None),
        ];
        for (bytes, expected) in cases {
            let found = declared_charset(bytes).map(Encoding::name);
            assert_eq!(found, expected, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn only_looks_at_the_start() {
        let mut bytes = vec![b' '; PRESCAN_BYTES];
        bytes.extend_from_slice(b"<meta charset=iso-8859-2>");
        assert_eq!(declared_charset(&bytes), None);
    }
}
