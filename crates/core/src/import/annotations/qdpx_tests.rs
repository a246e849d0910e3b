//! Tests of the `.qdpx` reader: Marginalia's own export read back and anchored, archives made the
//! way other vendors make them (CRLF texts, inline content, PDF sources, names as labels), and
//! archives that must be refused.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use super::*;
use crate::export::{ExportOptions, Format, qdpx::tests::sample_project, write_output};
use crate::import::annotations::anchor;

/// Writes a ZIP with these entries to `dir/name`.
fn write_zip(dir: &Path, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (entry, bytes) in entries {
        zip.start_file(*entry, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[test]
fn an_export_reads_back_to_the_same_labels_spans_notes_and_relations() {
    let project = sample_project();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("project.qdpx");
    let export = crate::export::export(&project, Format::Qdpx, &ExportOptions::default()).unwrap();
    write_output(&export.output, &path, crate::export::InFolder::EmptyOnly).unwrap();

    let set = read(&path).unwrap();
    assert_eq!(set.format, "REFI-QDA");
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    let anchored = anchor(vec![set], &[]);
    assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
    assert_eq!(anchored.annotator.as_deref(), Some("ana"));

    for label in project.labels() {
        let read = anchored
            .labels
            .iter()
            .find(|l| l.name == label.name)
            .unwrap();
        assert_eq!(
            read.color,
            Some(label.color.to_uppercase()),
            "{}",
            label.name
        );
        assert_eq!(read.description, label.description);
    }
    assert_eq!(anchored.documents.len(), project.documents().len());
    for (doc, read) in project.documents().iter().zip(&anchored.documents) {
        assert_eq!(read.title, doc.title());
        assert_eq!(read.text, doc.text());
        let mut expected: Vec<(&str, usize, usize, &str)> = doc
            .annotations()
            .iter()
            .map(|a| {
                let label = project.label(&a.label).unwrap().name.as_str();
                (label, a.start, a.end, a.note.as_str())
            })
            .collect();
        let mut got: Vec<(&str, usize, usize, &str)> = read
            .annotations
            .iter()
            .map(|a| (a.label.as_str(), a.span.start, a.span.end, a.note.as_str()))
            .collect();
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected, "{}", doc.title());

        let span_of_foreign = |id: &str| {
            read.annotations
                .iter()
                .find(|a| a.foreign_id == id)
                .map(|a| (a.span.start, a.span.end))
        };
        let span_of_own = |id: &str| doc.annotation(id).map(|a| (a.start, a.end));
        let expected: Vec<_> = doc
            .relations()
            .iter()
            .map(|r| {
                (
                    r.kind.as_str(),
                    span_of_own(&r.from),
                    span_of_own(&r.to),
                    r.note.as_str(),
                )
            })
            .collect();
        let got: Vec<_> = read
            .relations
            .iter()
            .map(|r| {
                (
                    r.kind.as_str(),
                    span_of_foreign(&r.from),
                    span_of_foreign(&r.to),
                    r.note.as_str(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{}", doc.title());
    }
    let merged = anchored.documents[0]
        .annotations
        .iter()
        .find(|a| a.label == "Claim" && a.note.is_empty())
        .unwrap();
    assert_eq!(merged.creator.as_deref(), Some("ben"), "the first coder");
    assert_eq!(merged.created.as_deref(), Some("2024-05-01T10:00:00Z"));
}

/// A project.qde around one text source's selections, as another vendor might write it.
fn qde(source: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project name="Vendor" creatingUserGUID="00000000-0000-0000-0000-000000000001" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="00000000-0000-0000-0000-000000000001" name="Vendor user"/></Users>
  <CodeBook><Codes>
    <Code guid="C1" name="Claim" isCodable="true" color="#f00"/>
    <Code guid="C2" name="Source" isCodable="true"><Code guid="C3" name="Expert" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources>
{source}
  </Sources>
</Project>"##
    )
}

/// `<PlainTextSelection>` of `quote`'s first occurrence in `text`, counted in chars of `text`.
fn selection(guid: &str, text: &str, quote: &str, code: &str, name: Option<&str>) -> String {
    let byte = text.find(quote).unwrap();
    let start = text[..byte].chars().count();
    let end = start + quote.chars().count();
    let name = name.map_or(String::new(), |n| format!(" name=\"{n}\""));
    format!(
        "<PlainTextSelection guid=\"{guid}\"{name} startPosition=\"{start}\" endPosition=\"{end}\">\
         <Coding guid=\"{guid}-c\"><CodeRef targetGUID=\"{code}\"/></Coding></PlainTextSelection>"
    )
}

#[test]
fn positions_counting_crlf_as_two_chars_anchor_to_the_right_spans() {
    let raw = "First line 👍🏾\r\nSecond « claim » here\r\n\r\n中文 third Cafe\u{301}.";
    let selections = [
        selection("S1", raw, "« claim »", "C1", None),
        selection("S2", raw, "中文 third", "C3", None),
        selection("S3", raw, "Cafe\u{301}", "C1", Some("Café")),
    ]
    .concat();
    let source = format!(
        "<TextSource guid=\"T1\" name=\"CRLF\" plainTextPath=\"internal://T1.txt\">{selections}</TextSource>"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut text_bytes = b"\xEF\xBB\xBF".to_vec();
    text_bytes.extend_from_slice(raw.as_bytes());
    let path = write_zip(
        dir.path(),
        "crlf.qdpx",
        &[
            ("project.qde", qde(&source).as_bytes()),
            ("sources/T1.txt", &text_bytes),
        ],
    );
    let set = read(&path).unwrap();
    assert_eq!(
        set.documents[0].text.as_deref(),
        Some(raw),
        "BOM dropped, CRLF kept"
    );
    assert_eq!(set.annotator.as_deref(), Some("Vendor user"));
    let anchored = anchor(vec![set], &[]);
    assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
    let doc = &anchored.documents[0];
    let quotes: Vec<(String, &str)> = doc
        .annotations
        .iter()
        .map(|a| {
            let quote: String = doc
                .text
                .chars()
                .skip(a.span.start)
                .take(a.span.len())
                .collect();
            (quote, a.label.as_str())
        })
        .collect();
    assert_eq!(
        quotes,
        [
            ("« claim »".to_owned(), "Claim"),
            ("中文 third".to_owned(), "Expert"),
            ("Cafe\u{301}".to_owned(), "Claim"),
        ]
    );
    let claim = anchored.labels.iter().find(|l| l.name == "Claim").unwrap();
    assert_eq!(claim.color.as_deref(), Some("#FF0000"));
}

#[test]
fn other_vendors_shapes_are_read_and_the_rest_is_listed() {
    let source = r#"
    <PDFSource guid="P1" name="scan.pdf" path="internal://P1.pdf"/>
    <TextSource guid="T1" name="Inline">
      <PlainTextContent>One &amp; two.
Three.</PlainTextContent>
      <PlainTextSelection guid="S1" name="Claim label" startPosition="0" endPosition="3">
        <Description>a note</Description>
        <Coding guid="G1"><CodeRef targetGUID="C1"/></Coding>
        <Coding guid="G2"><CodeRef targetGUID="C1"/></Coding>
        <Coding guid="G3"><CodeRef targetGUID="C2"/></Coding>
        <NoteRef targetGUID="N1"/>
      </PlainTextSelection>
      <PlainTextSelection guid="S2" startPosition="6" endPosition="9"/>
      <PlainTextSelection guid="S3" startPosition="x" endPosition="9"/>
    </TextSource>
    <TextSource guid="T2" name="Escaping" plainTextPath="internal://../../etc/passwd"/>"#;
    let xml = qde(source).replace(
        "</Sources>",
        "</Sources>\n  <Notes><Note guid=\"N1\"><PlainTextContent>memo</PlainTextContent></Note></Notes>",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_zip(
        dir.path(),
        "vendor.qdpx",
        &[("project.qde", xml.as_bytes()), ("../evil.txt", b"x")],
    );
    let set = read(&path).unwrap();
    let doc = &set.documents[0];
    assert_eq!(doc.text.as_deref(), Some("One & two.\nThree."));
    let annotations: Vec<(&str, &str, Option<&str>, &str)> = doc
        .annotations
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.label.as_str(),
                a.quote.as_deref(),
                a.note.as_str(),
            )
        })
        .collect();
    assert_eq!(
        annotations,
        [
            ("S1", "Claim", None, "a note\n\nmemo"),
            ("S1#Source", "Source", None, "a note\n\nmemo"),
        ],
        "one annotation per code; a name that is not the passage is no quote"
    );
    assert_eq!(set.documents[1].text, None);
    let skipped = set.skipped.join("\n");
    for expected in [
        "../evil.txt refused",
        "PDFSource “scan.pdf” skipped",
        "1 selection(s) without a code",
        "selection S3 skipped",
        "leaves the archive",
    ] {
        assert!(skipped.contains(expected), "{expected:?} in {skipped}");
    }
    let labels: Vec<&str> = set.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        labels,
        ["Claim", "Source", "Expert"],
        "nested codes flattened"
    );
}

#[test]
fn files_that_are_not_refi_qda_projects_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let not_zip = dir.path().join("plain.qdpx");
    std::fs::write(&not_zip, "hello").unwrap();
    let no_qde = write_zip(dir.path(), "empty.qdpx", &[("readme.txt", b"hi")]);
    let broken = write_zip(
        dir.path(),
        "broken.qdpx",
        &[(
            "project.qde",
            b"<?xml version=\"1.0\"?>\n<Project name=\"P\">\n  <Sources>\n  </Source>\n</Project>",
        )],
    );
    let cases = [
        (
            not_zip,
            "a .qdpx is a ZIP archive, and this file is not one",
        ),
        (no_qde, "has no project.qde"),
        (broken, "line 4: project.qde, column 3"),
    ];
    for (path, expected) in cases {
        let error = read(&path).unwrap_err().to_string();
        assert!(error.contains(expected), "{expected:?} in {error}");
        assert!(error.contains(&path.display().to_string()), "{error}");
    }
}

#[test]
fn entry_names_that_leave_the_archive_are_not_enclosed() {
    let cases = [
        ("sources/a.txt", true),
        ("project.qde", true),
        ("sources/../project.qde", false),
        ("../x.txt", false),
        ("/etc/passwd", false),
        ("\\windows\\x", false),
        ("C:/x.txt", false),
        ("", false),
    ];
    for (name, enclosed) in cases {
        assert_eq!(is_enclosed(name), enclosed, "{name:?}");
    }
}

/// Reads the archive `entries` make within `limits`.
fn read_within(
    entries: &[(&str, &[u8])],
    limits: ArchiveLimits,
) -> Result<ForeignSet, AnnotationImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = write_zip(dir.path(), "limits.qdpx", entries);
    read_archive(&path, &std::fs::read(&path).unwrap(), limits)
}

#[test]
fn archives_over_the_entry_count_or_unpacked_size_are_refused_before_they_are_unpacked() {
    let small = ArchiveLimits {
        entries: 3,
        entry_bytes: 4096,
        unpacked_bytes: 14_000,
    };
    let project = qde(
        r#"<TextSource guid="S1" name="One" plainTextPath="internal://a.txt"/>
           <TextSource guid="S2" name="Two" plainTextPath="internal://a.txt"/>
           <TextSource guid="S3" name="Three" plainTextPath="internal://a.txt"/>"#,
    );
    let qde_entry = ("project.qde", project.as_bytes());
    let zeros = vec![b' '; 4000];
    // Within every limit: the project.qde and three reads of a 4000-byte text.
    assert!(read_within(&[qde_entry, ("sources/a.txt", &zeros)], small).is_ok());

    let four = [
        qde_entry,
        ("sources/a.txt", zeros.as_slice()),
        ("b", b"".as_slice()),
        ("c", b"".as_slice()),
    ];
    let error = read_within(&four, small).unwrap_err();
    assert!(
        matches!(&error, AnnotationImportError::ArchiveTooLarge { what, .. } if what == "has 4 entries"),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("more than the limit of 3 entries"),
        "{error}"
    );

    // A text that compresses well past what the archive may unpack (a small ZIP bomb): the
    // third source's read is refused, and so is the import.
    let bomb = ArchiveLimits {
        unpacked_bytes: 9_000,
        ..small
    };
    let error = read_within(&[qde_entry, ("sources/a.txt", &zeros)], bomb).unwrap_err();
    assert!(
        matches!(&error, AnnotationImportError::ArchiveTooLarge { what, .. }
            if what == "unpacks to over 9000 bytes"),
        "{error:?}"
    );

    // One entry larger than an entry may be: its source is skipped, and said so.
    let big = vec![b' '; 5000];
    let set = read_within(&[qde_entry, ("sources/a.txt", &big)], small).unwrap();
    assert!(
        set.skipped
            .iter()
            .any(|s| s.contains("sources/a.txt is larger than 4096 bytes uncompressed")),
        "{:?}",
        set.skipped
    );
    // …and a project.qde larger than that refuses the archive.
    let tiny = ArchiveLimits {
        entry_bytes: 100,
        ..small
    };
    let error = read_within(&[qde_entry], tiny).unwrap_err().to_string();
    assert!(
        error.contains("project.qde is larger than 100 bytes"),
        "{error}"
    );
}

#[test]
fn the_default_limits_are_the_documented_ones() {
    let limits = ArchiveLimits::default();
    assert_eq!(
        (limits.entries, limits.entry_bytes, limits.unpacked_bytes),
        (250_000, 256 * 1024 * 1024, 512 * 1024 * 1024)
    );
}

#[test]
fn a_project_qde_in_another_encoding_than_utf8_is_read_whole_and_decoded() {
    // Parsed as it is inflated, UTF-8 only; anything else is read again whole and decoded.
    let text = "Ministers said states must act.";
    let source = format!(
        r#"<TextSource guid="S1" name="Déclaration" plainTextPath="internal://a.txt">{}</TextSource>"#,
        selection("P1", text, "states must act", "C1", None)
    );
    let xml = qde(&source).replace("encoding=\"utf-8\"", "encoding=\"utf-16\"");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    for (name, qde_bytes) in [("utf8.qdpx", xml.into_bytes()), ("utf16.qdpx", utf16)] {
        let path = write_zip(
            dir.path(),
            name,
            &[
                ("project.qde", &qde_bytes),
                ("sources/a.txt", text.as_bytes()),
            ],
        );
        let set = read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let document = &set.documents[0];
        assert_eq!(document.title, "Déclaration", "{name}");
        let labels: Vec<_> = document
            .annotations
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(labels, ["Claim"], "{name}");
    }
}
