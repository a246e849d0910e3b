//! Turning a file's bytes into text: byte order marks, UTF-8, and detected legacy encodings.

use chardetng::EncodingDetector;
use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE};
use thiserror::Error;

/// How many bytes at the start of a file (without a byte order mark) are searched for a NUL
/// byte, the sign of a binary file.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Text decoded from a file's bytes, and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without the byte order mark. Newlines are as in the file.
    pub text: String,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static Encoding,
    /// Whether the bytes began with a byte order mark.
    pub bom: bool,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The bytes hold binary data: a NUL byte near the start, or mostly control characters.
    #[error("binary data, not text")]
    Binary,
    /// The bytes are malformed in the encoding they were found or detected to be in.
    #[error("not valid {encoding}: {detail}")]
    Undecodable {
        /// WHATWG name of the encoding, as `encoding_rs` gives it.
        encoding: &'static str,
        /// What is wrong and where, as a byte offset into the file.
        detail: String,
    },
}

/// Decodes a file's bytes, finding the encoding from a byte order mark, else by checking for
/// UTF-8, else by detection with `chardetng`.
///
/// Never replaces malformed input: bytes that are not valid in the encoding give
/// [`DecodeError::Undecodable`]. Bytes without a byte order mark that have a NUL byte in the
/// first [`BINARY_SNIFF_BYTES`] bytes, or text that is mostly control characters, give
/// [`DecodeError::Binary`].
///
/// # Errors
///
/// [`DecodeError::Binary`] for binary data; [`DecodeError::Undecodable`] for bytes that are
/// malformed in the encoding given by their byte order mark, or detected.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_declared(bytes, None)
}

/// Like [`decode`], but for bytes that are neither valid UTF-8 nor marked by a byte order mark,
/// first tries `declared` (an encoding the document names for itself, such as an HTML
/// `<meta charset>`) before falling back to detection.
///
/// A declaration of UTF-8, UTF-16 or the "replacement" encoding is ignored.
///
/// # Errors
///
/// As for [`decode`].
pub fn decode_with_declared(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    decode_with_declared_owned(bytes.to_vec(), declared)
}

/// [`decode_with_declared`] of bytes it may keep: valid UTF-8 becomes the text as it is, without
/// a copy.
///
/// # Errors
///
/// As for [`decode`].
pub fn decode_with_declared_owned(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    let decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        Decoded {
            text: decode_strictly(encoding, body, bom_len)?,
            encoding,
            bom: true,
        }
    } else if has_nul_near_start(&bytes) {
        return Err(DecodeError::Binary);
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => Decoded {
                text,
                encoding: UTF_8,
                bom: false,
            },
            Err(not_utf8) => decode_legacy(not_utf8.as_bytes(), declared)?,
        }
    };
    if is_mostly_control(&decoded.text) {
        return Err(DecodeError::Binary);
    }
    Ok(decoded)
}

/// Decodes bytes that are not UTF-8 and have no byte order mark: with the declared encoding
/// if there is a usable one and the bytes are valid in it, else with the detected encoding.
fn decode_legacy(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    let usable = declared.filter(|&e| ![UTF_8, UTF_16LE, UTF_16BE, REPLACEMENT].contains(&e));
    if let Some(encoding) = usable
        && let Ok(text) = decode_strictly(encoding, bytes, 0)
    {
        return Ok(Decoded {
            text,
            encoding,
            bom: false,
        });
    }
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    // The bytes are known not to be UTF-8, so UTF-8 is not a candidate.
    let encoding = detector.guess(None, false);
    Ok(Decoded {
        text: decode_strictly(encoding, bytes, 0)?,
        encoding,
        bom: false,
    })
}

/// Decodes `bytes` (which start `offset` bytes into the file) as `encoding`, failing at the
/// first malformed sequence.
fn decode_strictly(
    encoding: &'static Encoding,
    bytes: &[u8],
    offset: usize,
) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut rest = bytes;
    let mut consumed = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        consumed += read;
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(rest.len().saturating_mul(3).max(16)),
            DecoderResult::Malformed(bad, after) => {
                let start = consumed.saturating_sub(usize::from(bad) + usize::from(after));
                let detail = if start + usize::from(bad) >= bytes.len() {
                    "the file ends in the middle of a character".to_owned()
                } else {
                    format!(
                        "malformed byte sequence at byte offset {}",
                        offset.saturating_add(start)
                    )
                };
                return Err(DecodeError::Undecodable {
                    encoding: encoding.name(),
                    detail,
                });
            }
        }
    }
}

/// Whether there is a NUL byte in the first [`BINARY_SNIFF_BYTES`] bytes.
fn has_nul_near_start(bytes: &[u8]) -> bool {
    bytes
        .get(..BINARY_SNIFF_BYTES)
        .unwrap_or(bytes)
        .contains(&0)
}

/// Whether more than one character in ten is a control character other than tab, line feed,
/// carriage return and form feed. No real text comes close; decoded binary data does.
fn is_mostly_control(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    controls.saturating_mul(10) > chars
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_2, WINDOWS_1252};

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn legacy(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "test text must be encodable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    const WINDOWS_1252_TEXT: &str = "The minister said: \u{201C}We will not raise taxes\u{201D} \
        \u{2014} but the budget, worth \u{20AC}40 billion, tells a different story. \
        Critics weren\u{2019}t convinced; one called it \u{2018}creative accounting\u{2019}. \
        The caf\u{E9} owners\u{2019} association agreed \u{2026} reluctantly.\r\n";

    const ISO_8859_2_TEXT: &str = "Zażółć gęślą jaźń. Księżyc świecił nad miastem, \
        a źródła podały, że rząd zmienił ustawę o podatkach.\n\
        Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda schválila změny zákona \
        a ministr řekl, že důchody porostou.\n";

    #[test]
    fn decodes_each_encoding() {
        let emoji = "Grüße 😀 naïve — 𝄞 done\n";
        // (case, bytes, expected encoding name, bom, expected text)
        let cases: Vec<(&str, Vec<u8>, &str, bool, &str)> = vec![
            ("utf-8", "Grüße 😀\n".into(), "UTF-8", false, "Grüße 😀\n"),
            (
                "utf-8 bom",
                [b"\xEF\xBB\xBF".as_slice(), "Grüße".as_bytes()].concat(),
                "UTF-8",
                true,
                "Grüße",
            ),
            ("ascii", b"plain\n".to_vec(), "UTF-8", false, "plain\n"),
            ("utf-16le bom", utf16(emoji, false), "UTF-16LE", true, emoji),
            ("utf-16be bom", utf16(emoji, true), "UTF-16BE", true, emoji),
            ("bom only", b"\xEF\xBB\xBF".to_vec(), "UTF-8", true, ""),
            ("empty", Vec::new(), "UTF-8", false, ""),
            (
                "windows-1252",
                legacy(WINDOWS_1252, WINDOWS_1252_TEXT),
                "windows-1252",
                false,
                WINDOWS_1252_TEXT,
            ),
        ];
        for (case, bytes, encoding, bom, text) in cases {
            let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{case}: {e}"));
            assert_eq!(decoded.encoding.name(), encoding, "{case}");
            assert_eq!(decoded.bom, bom, "{case}");
            assert_eq!(decoded.text, text, "{case}");
        }
    }

    #[test]
    fn detects_central_european_text() {
        let decoded = decode(&legacy(ISO_8859_2, ISO_8859_2_TEXT)).expect("decodes");
        assert_eq!(decoded.text, ISO_8859_2_TEXT);
        assert!(!decoded.bom);
        // windows-1250, the other likely guess, puts ą, ś and ź elsewhere: only ISO-8859-2
        // gives this text back.
        assert_eq!(decoded.encoding, ISO_8859_2);
    }

    #[test]
    fn rejects_malformed_utf16() {
        let mut odd = utf16("abc", false);
        odd.push(b'd');
        let unpaired_le = [0xFF, 0xFE, 0x3D, 0xD8, b'a', 0];
        let unpaired_be = [0xFE, 0xFF, 0xDC, 0x00, 0, b'a'];
        let cases: [(&str, &[u8], &str, &str); 3] = [
            ("odd length", &odd, "UTF-16LE", "ends in the middle"),
            (
                "lone high surrogate",
                &unpaired_le,
                "UTF-16LE",
                "byte offset 2",
            ),
            (
                "lone low surrogate",
                &unpaired_be,
                "UTF-16BE",
                "byte offset 2",
            ),
        ];
        for (case, bytes, encoding, detail) in cases {
            match decode(bytes) {
                Err(DecodeError::Undecodable {
                    encoding: found,
                    detail: message,
                }) => {
                    assert_eq!(found, encoding, "{case}");
                    assert!(message.contains(detail), "{case}: {message}");
                }
                other => panic!("{case}: {other:?}"),
            }
        }
    }

    #[test]
    fn rejects_malformed_utf8_after_bom() {
        let result = decode(b"\xEF\xBB\xBFok \xFF");
        assert_eq!(
            result,
            Err(DecodeError::Undecodable {
                encoding: "UTF-8",
                detail: "the file ends in the middle of a character".to_owned(),
            })
        );
        assert!(matches!(
            decode(b"\xEF\xBB\xBFok \xFF and more"),
            Err(DecodeError::Undecodable { detail, .. }) if detail.ends_with("byte offset 6")
        ));
    }

    #[test]
    fn rejects_binary() {
        let late_nul = [vec![b'a'; BINARY_SNIFF_BYTES], vec![0, b'b']].concat();
        let cases: [(&str, &[u8], bool); 5] = [
            ("nul at start", b"\0\x01PNG", true),
            ("utf-16 without bom", b"h\0i\0", true),
            ("mostly controls", b"\x01\x02\x03\x04abc", true),
            (
                "text with a form feed",
                b"page one\x0Cpage two\r\n\ttabbed",
                false,
            ),
            ("nul after the sniffed prefix", &late_nul, false),
        ];
        for (case, bytes, binary) in cases {
            let result = decode(bytes);
            assert_eq!(
                result == Err(DecodeError::Binary),
                binary,
                "{case}: {result:?}"
            );
        }
    }

    #[test]
    fn declared_encoding_is_used_when_valid() {
        let text = "Łódź";
        let bytes = legacy(ISO_8859_2, text);
        let decoded = decode_with_declared(&bytes, Some(ISO_8859_2)).expect("decodes");
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, ISO_8859_2)
        );
        // A declaration never overrides a BOM or valid UTF-8.
        let decoded = decode_with_declared("Łódź".as_bytes(), Some(ISO_8859_2)).expect("ok");
        assert_eq!(decoded.encoding, UTF_8);
        // A UTF-8 declaration on bytes that are not UTF-8 falls back to detection.
        let decoded = decode_with_declared(&bytes, Some(UTF_8)).expect("decodes");
        assert_ne!(decoded.encoding, UTF_8);
    }
}
