//! Turning a file's bytes into an article: decoding, newlines, text extraction and title.

use std::path::Path;

use scraper::Html;

use super::MAX_ARTICLE_BYTES;
use super::charset::declared_charset;
use super::decode::{DecodeError, decode_with_declared_owned};
use super::error::ImportError;
use super::html::extract_from;
use super::nesting::{MAX_HTML_NESTING, check_nesting};
use super::newlines::normalise_owned;
use super::title::{stem_title, text_title};
use crate::model::sha256_hex;
use crate::model::{ImportRecord, SourceFormat};

/// An article read from a file, ready to become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedArticle {
    /// The article's title (see [`article_from_bytes`] for where it comes from).
    pub title: String,
    /// The article as stored: UTF-8, newlines normalised to "\n", no byte order mark. For
    /// HTML, the visible text of the article in paragraphs separated by "\n\n".
    pub text: String,
    /// The path of the file as given, as a display string.
    pub source: String,
    /// What was done to the file's bytes to get `text`.
    pub record: ImportRecord,
}

/// Makes an article from a file's bytes, read as `format`; `source` is the path as given,
/// used in errors, for the title fallback and as [`ImportedArticle::source`].
///
/// The title is, for HTML, the article's first `<h1>`, else the `<title>` without the site's
/// name; for Text and Markdown, the headline near the top (see `title`); else the file stem of
/// `source`.
///
/// # Errors
///
/// [`ImportError::TooLarge`] over [`MAX_ARTICLE_BYTES`]; [`ImportError::Empty`] for no bytes
/// or only whitespace; [`ImportError::Binary`] and [`ImportError::Undecodable`] when the
/// bytes are not text; [`ImportError::NoText`] for HTML without visible article text;
/// [`ImportError::TooDeep`] for HTML nested deeper than [`MAX_HTML_NESTING`] levels.
pub fn article_from_bytes(
    bytes: &[u8],
    format: SourceFormat,
    source: &str,
) -> Result<ImportedArticle, ImportError> {
    article_at(bytes.to_vec(), format, source, Path::new(source))
}

/// [`article_from_bytes`], with `path` (the path `source` displays) named in errors.
pub(super) fn article_at(
    bytes: Vec<u8>,
    format: SourceFormat,
    source: &str,
    path: &Path,
) -> Result<ImportedArticle, ImportError> {
    let path_buf = || path.to_path_buf();
    let bytes_len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if bytes_len > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: path_buf(),
            size: bytes_len,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { path: path_buf() });
    }
    let declared = match format {
        SourceFormat::Html => declared_charset(&bytes),
        SourceFormat::Text | SourceFormat::Markdown => None,
    };
    // The bytes are hashed first and then become the text, so that only one copy is held.
    let bytes_sha256 = sha256_hex(&bytes);
    let decoded = decode_with_declared_owned(bytes, declared).map_err(|error| match error {
        DecodeError::Binary => ImportError::Binary { path: path_buf() },
        DecodeError::Undecodable { encoding, detail } => ImportError::Undecodable {
            path: path_buf(),
            encoding: encoding.to_owned(),
            detail,
        },
    })?;
    if decoded
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .is_empty()
    {
        return Err(ImportError::Empty { path: path_buf() });
    }
    let encoding = decoded.encoding.name().to_owned();
    let bom = decoded.bom;
    let (normalised, newlines) = normalise_owned(decoded.text);
    let (title, text) = match format {
        SourceFormat::Html => {
            check_nesting(&normalised, MAX_HTML_NESTING).map_err(|deep| ImportError::TooDeep {
                path: path_buf(),
                line: deep.line,
                limit: MAX_HTML_NESTING,
            })?;
            let document = Html::parse_document(&normalised);
            drop(normalised);
            let extracted = extract_from(&document);
            drop(document);
            if extracted.text.is_empty() {
                return Err(ImportError::NoText { path: path_buf() });
            }
            let title = extracted.title.unwrap_or_else(|| stem_title(source));
            (title, extracted.text)
        }
        SourceFormat::Text | SourceFormat::Markdown => {
            (text_title(&normalised, format, source), normalised)
        }
    };
    Ok(ImportedArticle {
        title,
        text,
        source: source.to_owned(),
        record: ImportRecord {
            format,
            encoding,
            bom,
            newlines,
            bytes_sha256,
            bytes_len,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewlineStyle;
    use proptest::prelude::*;

    #[test]
    fn text_and_markdown_articles() {
        let bytes = b"\xEF\xBB\xBF## Budget talks\r\n\r\nThe minister\xE2\x80\x99s plan.\r\n";
        let article =
            article_from_bytes(bytes, SourceFormat::Markdown, "in/budget.md").expect("imports");
        assert_eq!(article.title, "Budget talks");
        assert_eq!(
            article.text,
            "## Budget talks\n\nThe minister\u{2019}s plan.\n"
        );
        assert_eq!(article.source, "in/budget.md");
        assert_eq!(
            article.record,
            ImportRecord {
                format: SourceFormat::Markdown,
                encoding: "UTF-8".to_owned(),
                bom: true,
                newlines: NewlineStyle::Crlf,
                bytes_sha256: sha256_hex(bytes),
                bytes_len: 46,
            }
        );
    }

    #[test]
    fn utf16_with_mixed_newlines() {
        let text = "\u{FEFF}Torture 👩\u{200D}🔬\r\ne\u{301}\u{A0}\u{FEFF}x\rend\n";
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|unit| {
                    if big_endian {
                        unit.to_be_bytes()
                    } else {
                        unit.to_le_bytes()
                    }
                })
                .collect();
            let article = article_from_bytes(&bytes, SourceFormat::Text, "t.txt").expect("ok");
            assert_eq!(
                article.text,
                "Torture 👩\u{200D}🔬\ne\u{301}\u{A0}\u{FEFF}x\nend\n"
            );
            assert_eq!(article.title, "Torture 👩\u{200D}🔬");
            let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert_eq!(article.record.encoding, encoding);
            assert!(article.record.bom);
            assert_eq!(article.record.newlines, NewlineStyle::Mixed);
        }
    }

    #[test]
    fn html_article_falls_back_to_the_file_stem() {
        let article = article_from_bytes(b"<p>Just text</p>", SourceFormat::Html, "clip.html")
            .expect("imports");
        assert_eq!(
            (article.title.as_str(), article.text.as_str()),
            ("clip", "Just text\n")
        );
        assert_eq!(article.record.newlines, NewlineStyle::None);
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let bytes = b"<html><head><meta charset=\"iso-8859-2\"></head><body><p>\xA3\xF3d\xBC</p>";
        let article = article_from_bytes(bytes, SourceFormat::Html, "p.html").expect("imports");
        assert_eq!(article.text, "Łódź\n");
        assert_eq!(article.record.encoding, "ISO-8859-2");
    }

    #[test]
    fn errors() {
        type Check = fn(&ImportError) -> bool;
        let cases: [(&str, &[u8], SourceFormat, Check); 7] = [
            ("zero bytes", b"", SourceFormat::Text, |e| {
                matches!(e, ImportError::Empty { .. })
            }),
            ("whitespace only", b" \r\n\t \n", SourceFormat::Text, |e| {
                matches!(e, ImportError::Empty { .. })
            }),
            ("bom only", b"\xEF\xBB\xBF  ", SourceFormat::Markdown, |e| {
                matches!(e, ImportError::Empty { .. })
            }),
            ("blank html", b"\n \n", SourceFormat::Html, |e| {
                matches!(e, ImportError::Empty { .. })
            }),
            (
                "html without text",
                b"<script>app()</script>",
                SourceFormat::Html,
                |e| matches!(e, ImportError::NoText { .. }),
            ),
            ("binary", b"%PDF\0\x01\x02", SourceFormat::Text, |e| {
                matches!(e, ImportError::Binary { .. })
            }),
            (
                "bad utf-16",
                b"\xFF\xFEa",
                SourceFormat::Text,
                |e| matches!(e, ImportError::Undecodable { encoding, .. } if encoding == "UTF-16LE"),
            ),
        ];
        for (case, bytes, format, check) in cases {
            match article_from_bytes(bytes, format, "dir/f.txt") {
                Err(error) => {
                    assert!(check(&error), "{case}: {error:?}");
                    assert!(error.to_string().contains("`dir/f.txt`"), "{case}: {error}");
                }
                Ok(article) => panic!("{case}: imported {article:?}"),
            }
        }
    }

    #[test]
    fn html_nested_past_the_limit_is_refused_quickly_and_deep_pages_below_it_import() {
        let nested = |depth: usize| {
            format!(
                "<html><body>\n{}<p>Deep text.</p>{}</body></html>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let article = article_from_bytes(
            nested(MAX_HTML_NESTING - 3).as_bytes(),
            SourceFormat::Html,
            "deep.html",
        )
        .expect("html, body, the divs and p are within the limit");
        assert_eq!(article.text, "Deep text.\n");
        for page in [nested(200_000), "<div>".repeat(1_000_000)] {
            let started = std::time::Instant::now();
            let error = article_from_bytes(page.as_bytes(), SourceFormat::Html, "deep.html")
                .expect_err("too deep");
            assert!(
                matches!(
                    error,
                    ImportError::TooDeep {
                        limit: MAX_HTML_NESTING,
                        ..
                    }
                ),
                "{error:?}"
            );
            assert!(
                error.to_string().contains("more than 256 levels deep"),
                "{error}"
            );
            // The tree builder would take minutes; refusing takes a tokenizer pass.
            assert!(
                started.elapsed().as_secs_f64() < 1.0,
                "{:?}",
                started.elapsed()
            );
        }
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..512),
            format in prop_oneof![
                Just(SourceFormat::Text),
                Just(SourceFormat::Markdown),
                Just(SourceFormat::Html),
            ],
        ) {
            if let Ok(article) = article_from_bytes(&bytes, format, "x") {
                prop_assert!(!article.text.contains('\r'));
                prop_assert_eq!(article.record.bytes_len, bytes.len() as u64);
            }
        }

        #[test]
        fn arbitrary_html_never_panics(html in "(<[a-z/!]{0,8}[ a-z=\"']{0,8}>|[a-z &;#\r\n]{0,8}){0,40}") {
            if let Ok(article) = article_from_bytes(html.as_bytes(), SourceFormat::Html, "x") {
                prop_assert!(article.text.ends_with('\n') && !article.text.ends_with("\n\n"));
            }
        }
    }
}
