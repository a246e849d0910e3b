//! Importing the saved fixtures in `crates/testkit/data/`: each gives exactly the expected text and
//! title, and a record of how its bytes were read.

use std::fs;
use std::path::PathBuf;

use marginalia_core::import::{ImportError, ImportedArticle, MAX_ARTICLE_BYTES, read_article};
use marginalia_core::model::{ImportRecord, NewlineStyle, SourceFormat};
use sha2::{Digest, Sha256};

/// The path of a fixture.
fn data(name: &str) -> PathBuf {
    marginalia_testkit::fixture(name)
}

/// The contents of a UTF-8 fixture.
fn expected(name: &str) -> String {
    fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"))
}

/// Imports a fixture, failing the test with the error message if it cannot be imported.
fn import(name: &str) -> ImportedArticle {
    read_article(&data(name)).unwrap_or_else(|e| panic!("importing {name}: {e}"))
}

/// The record expected for a fixture read from `encoding` with `newlines`, without a BOM.
fn record(
    name: &str,
    format: SourceFormat,
    encoding: &str,
    newlines: NewlineStyle,
) -> ImportRecord {
    let bytes = fs::read(data(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"));
    let bytes_sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    ImportRecord {
        format,
        encoding: encoding.to_owned(),
        bom: false,
        newlines,
        bytes_sha256,
        bytes_len: bytes.len() as u64,
    }
}

#[test]
fn saved_web_page() {
    let article = import("saved-page.html");
    assert_eq!(article.text, expected("saved-page.expected.txt"));
    assert_eq!(
        article.title,
        expected("saved-page.expected-title.txt").trim_end_matches('\n')
    );
    assert_eq!(
        article.source,
        data("saved-page.html").display().to_string()
    );
    assert_eq!(
        article.record,
        record(
            "saved-page.html",
            SourceFormat::Html,
            "UTF-8",
            NewlineStyle::Lf
        )
    );
}

#[test]
fn windows_1252_text_with_crlf() {
    let article = import("windows-1252.txt");
    let text = expected("windows-1252.expected.txt");
    assert_eq!(article.text, text);
    assert_eq!(Some(article.title.as_str()), text.lines().next());
    assert_eq!(
        article.record,
        record(
            "windows-1252.txt",
            SourceFormat::Text,
            "windows-1252",
            NewlineStyle::Crlf
        )
    );
}

#[test]
fn iso_8859_2_text() {
    let article = import("iso-8859-2.txt");
    assert_eq!(article.text, expected("iso-8859-2.expected.txt"));
    assert_eq!(
        article.record,
        record(
            "iso-8859-2.txt",
            SourceFormat::Text,
            "ISO-8859-2",
            NewlineStyle::Lf
        )
    );
}

#[test]
fn oversized_and_empty_files_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let huge = dir.path().join("huge.html");
    let file = fs::File::create(&huge).expect("create");
    file.set_len(MAX_ARTICLE_BYTES + 1).expect("sparse file");
    assert!(matches!(
        read_article(&huge),
        Err(ImportError::TooLarge { size, .. }) if size == MAX_ARTICLE_BYTES + 1
    ));
    let empty = dir.path().join("empty.md");
    fs::write(&empty, "\u{FEFF}\n\n").expect("write");
    let error = read_article(&empty).expect_err("nothing to import");
    assert!(matches!(error, ImportError::Empty { .. }));
    assert!(error.to_string().contains("empty.md"), "{error}");
}
