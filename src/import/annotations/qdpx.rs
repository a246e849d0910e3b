//! Reading REFI-QDA projects (`.qdpx`): the exchange format of ATLAS.ti, MAXQDA, NVivo and
//! QualCoder — a ZIP with `project.qde` (XML) and the text sources under `sources/`.
//!
//! Entries are read into memory, never extracted, and each is capped at
//! [`MAX_ENTRY_BYTES`]. Codes (flattened from their hierarchy) become labels; every `Coding` of a
//! `PlainTextSelection` becomes an annotation at the selection's positions (code points,
//! end-exclusive) with the selection's description as its note; `Link`s between selections become
//! relations. Source texts keep their CRLFs here: vendors differ in whether positions count CRLF as
//! one or two, and the anchoring step tries both. A selection's `name` is taken as its quote only
//! when it is as long as the selection (some vendors put a label there instead).

use std::{
    collections::HashMap,
    io::{Cursor, Read},
    path::Path,
};

use quick_xml::{
    Reader,
    events::{BytesStart, Event},
};

use super::{
    AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignLabel, ForeignRelation,
    ForeignSet, Position, UnitChoice,
};
use crate::model::{OffsetUnit, label::parse_color};

/// The largest entry of the archive that is read, uncompressed (100 MiB).
pub const MAX_ENTRY_BYTES: u64 = 100 * 1024 * 1024;

type Archive = zip::ZipArchive<Cursor<Vec<u8>>>;

/// Reads a `.qdpx` file.
pub fn read(path: &Path) -> Result<ForeignSet, AnnotationImportError> {
    let bytes = AnnotationImportError::read_limited(path)?;
    let bad = |message: String| AnnotationImportError::malformed(path, None, message);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "not a REFI-QDA project (.qdpx is a ZIP archive): {e}"
        ))
    })?;
    let qde = entry(&mut archive, "project.qde")
        .map_err(bad)?
        .ok_or_else(|| bad("the archive has no project.qde".to_owned()))?;
    let qde = String::from_utf8(qde).map_err(|_| bad("project.qde is not UTF-8".to_owned()))?;
    let parsed = parse(&qde)
        .map_err(|(position, message)| bad(format!("project.qde, byte {position}: {message}")))?;
    let mut set = ForeignSet {
        format: "REFI-QDA",
        path: path.to_owned(),
        labels: parsed.codes.values().cloned().collect(),
        annotator: parsed.creator.clone(),
        skipped: parsed.skipped.clone(),
        ..ForeignSet::default()
    };
    set.labels
        .sort_by_key(|l| parsed.code_order.iter().position(|n| *n == l.name));
    for source in &parsed.sources {
        let text = match source_text(&mut archive, source) {
            Ok(text) => text,
            Err(reason) => {
                set.skipped
                    .push(format!("source “{}” was skipped: {reason}", source.name));
                continue;
            }
        };
        set.documents.push(document(&parsed, source, text));
    }
    Ok(set)
}

/// Reads the archive entry `name` (case-insensitively, `\` taken as `/`), refusing names that
/// leave the archive and entries larger than [`MAX_ENTRY_BYTES`].
fn entry(archive: &mut Archive, name: &str) -> Result<Option<Vec<u8>>, String> {
    let wanted = name.replace('\\', "/").to_lowercase();
    let found = (0..archive.len()).find(|&i| {
        archive.by_index(i).ok().is_some_and(|f| {
            f.enclosed_name().is_some()
                && f.name()
                    .is_ok_and(|n| n.replace('\\', "/").to_lowercase() == wanted)
        })
    });
    let Some(index) = found else {
        return Ok(None);
    };
    let file = archive.by_index(index).map_err(|e| e.to_string())?;
    if file.size() > MAX_ENTRY_BYTES {
        return Err(format!(
            "{name} is {} bytes uncompressed, more than the {MAX_ENTRY_BYTES} allowed",
            file.size()
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(bytes))
}

/// A text source as project.qde describes it.
#[derive(Debug, Default)]
struct Source {
    name: String,
    plain_text_path: Option<String>,
    content: Option<String>,
    selections: Vec<Selection>,
}

#[derive(Debug, Default)]
struct Selection {
    guid: String,
    name: String,
    start: Option<usize>,
    end: Option<usize>,
    description: String,
    codes: Vec<String>,
    creator: Option<String>,
    created: Option<String>,
    modified: Option<String>,
}

#[derive(Debug, Default)]
struct Link {
    name: String,
    origin: String,
    target: String,
    note_refs: Vec<String>,
}

/// Everything read from project.qde.
#[derive(Debug, Default)]
struct Parsed {
    users: HashMap<String, String>,
    codes: HashMap<String, ForeignLabel>,
    code_order: Vec<String>,
    sources: Vec<Source>,
    notes: HashMap<String, String>,
    links: Vec<Link>,
    creator: Option<String>,
    skipped: Vec<String>,
}

fn attributes(e: &BytesStart) -> HashMap<String, String> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| (key, v.into_owned()))
        })
        .collect()
}

/// Parses project.qde; an error gives the byte position and the reason.
fn parse(xml: &str) -> Result<Parsed, (u64, String)> {
    let mut reader = Reader::from_str(xml);
    let mut parsed = Parsed::default();
    let mut creator_guid = None;
    // Where we are: the open selection, the open note, the open link.
    let mut selection: Option<Selection> = None;
    let mut note_guid: Option<String> = None;
    let mut in_link = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position(), e.to_string()))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    b"PlainTextSelection" => {
                        if let (Some(s), Some(source)) =
                            (selection.take(), parsed.sources.last_mut())
                        {
                            source.selections.push(s);
                        }
                    }
                    b"Link" => in_link = false,
                    b"Note" => note_guid = None,
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let Some(e) = start else { continue };
        let attrs = attributes(&e);
        let get = |key: &str| attrs.get(key).cloned();
        let text = |reader: &mut Reader<&[u8]>| -> Result<String, (u64, String)> {
            if empty {
                return Ok(String::new());
            }
            let raw = reader
                .read_text(e.name())
                .map_err(|err| (reader.error_position(), err.to_string()))?;
            let raw = raw
                .decode()
                .map_err(|err| (reader.buffer_position(), err.to_string()))?;
            quick_xml::escape::unescape(&raw)
                .map(std::borrow::Cow::into_owned)
                .map_err(|err| (reader.buffer_position(), err.to_string()))
        };
        match e.local_name().as_ref() {
            b"Project" => {
                creator_guid = get("creatingUserGUID");
            }
            b"User" => {
                if let Some(guid) = get("guid") {
                    let name = get("name").or_else(|| get("id")).unwrap_or_default();
                    parsed.users.insert(guid, name);
                }
            }
            b"Code" => {
                if let (Some(guid), Some(name)) = (get("guid"), get("name")) {
                    parsed.code_order.push(name.clone());
                    parsed.codes.insert(
                        guid,
                        ForeignLabel {
                            name,
                            color: get("color").filter(|c| parse_color(c).is_some()),
                            description: String::new(),
                        },
                    );
                }
            }
            b"TextSource" => parsed.sources.push(Source {
                name: get("name").unwrap_or_default(),
                plain_text_path: get("plainTextPath"),
                ..Source::default()
            }),
            b"PDFSource" | b"PictureSource" | b"AudioSource" | b"VideoSource" => {
                parsed.skipped.push(format!(
                    "source “{}” is not a text ({}), so it was skipped",
                    get("name").unwrap_or_default(),
                    String::from_utf8_lossy(e.local_name().as_ref())
                ));
            }
            b"PlainTextSelection" => {
                let position = |key: &str| get(key).and_then(|v| v.trim().parse().ok());
                let s = Selection {
                    guid: get("guid").unwrap_or_default(),
                    name: get("name").unwrap_or_default(),
                    start: position("startPosition"),
                    end: position("endPosition"),
                    creator: get("creatingUser"),
                    created: get("creationDateTime"),
                    modified: get("modifiedDateTime"),
                    ..Selection::default()
                };
                if empty {
                    if let Some(source) = parsed.sources.last_mut() {
                        source.selections.push(s);
                    }
                } else {
                    selection = Some(s);
                }
            }
            b"CodeRef" => {
                if let (Some(s), Some(target)) = (selection.as_mut(), get("targetGUID")) {
                    s.codes.push(target);
                }
            }
            b"Description" => {
                let content = text(&mut reader)?;
                if let Some(s) = selection.as_mut() {
                    s.description = content;
                } else if let Some(code) = parsed.code_order.last().and_then(|name| {
                    parsed
                        .codes
                        .values_mut()
                        .find(|c| &c.name == name && c.description.is_empty())
                }) {
                    code.description = content;
                }
            }
            b"PlainTextContent" => {
                let content = text(&mut reader)?;
                if let Some(guid) = &note_guid {
                    parsed.notes.insert(guid.clone(), content);
                } else if let Some(source) = parsed.sources.last_mut() {
                    source.content = Some(content);
                }
            }
            b"Note" => note_guid = get("guid"),
            b"Link" => {
                parsed.links.push(Link {
                    name: get("name").unwrap_or_default(),
                    origin: get("originGUID").unwrap_or_default(),
                    target: get("targetGUID").unwrap_or_default(),
                    note_refs: Vec::new(),
                });
                in_link = !empty;
            }
            b"NoteRef" => {
                if let (true, Some(link), Some(target)) =
                    (in_link, parsed.links.last_mut(), get("targetGUID"))
                {
                    link.note_refs.push(target);
                }
            }
            _ => {}
        }
    }
    parsed.creator = creator_guid.and_then(|g| parsed.users.get(&g).cloned());
    Ok(parsed)
}

/// The text of a source: its `.txt` in the archive, or its embedded content.
fn source_text(archive: &mut Archive, source: &Source) -> Result<String, String> {
    if let Some(path) = &source.plain_text_path {
        let inner = path
            .strip_prefix("internal://")
            .map_or_else(|| path.clone(), |name| format!("sources/{name}"));
        let candidates = [inner.clone(), format!("sources/{inner}")];
        for candidate in candidates {
            if let Some(bytes) = entry(archive, &candidate)? {
                return decode(&bytes);
            }
        }
        if source.content.is_none() {
            return Err(format!("its text {path} is not in the archive"));
        }
    }
    source
        .content
        .clone()
        .ok_or_else(|| "it has no text".to_owned())
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => crate::import::decode(bytes)
            .map(|decoded| decoded.text)
            .map_err(|e| e.to_string()),
    }
}

fn document(parsed: &Parsed, source: &Source, text: String) -> ForeignDocument {
    let user = |guid: &Option<String>| guid.as_ref().and_then(|g| parsed.users.get(g).cloned());
    let mut annotations = Vec::new();
    for s in &source.selections {
        let position = s
            .start
            .zip(s.end)
            .map(|(start, end)| Position { start, end });
        let length = s.start.zip(s.end).map(|(a, b)| b.saturating_sub(a));
        let quote =
            (!s.name.is_empty() && Some(s.name.chars().count()) == length).then(|| s.name.clone());
        for (k, code) in s.codes.iter().enumerate() {
            let Some(label) = parsed.codes.get(code) else {
                continue;
            };
            annotations.push(ForeignAnnotation {
                id: if k == 0 {
                    s.guid.clone()
                } else {
                    format!("{}#{k}", s.guid)
                },
                label: label.name.clone(),
                position,
                quote: quote.clone(),
                note: s.description.clone(),
                created: s.created.clone(),
                modified: s.modified.clone().or_else(|| s.created.clone()),
                creator: user(&s.creator),
                ..ForeignAnnotation::default()
            });
        }
    }
    let relations = parsed
        .links
        .iter()
        .filter(|l| source.selections.iter().any(|s| s.guid == l.origin))
        .map(|l| ForeignRelation {
            kind: l.name.clone(),
            from: l.origin.clone(),
            to: l.target.clone(),
            note: l
                .note_refs
                .iter()
                .filter_map(|g| parsed.notes.get(g).cloned())
                .collect::<Vec<_>>()
                .join("\n\n"),
        })
        .collect();
    ForeignDocument {
        title: source.name.clone(),
        text: Some(text),
        unit: UnitChoice::Fixed(OffsetUnit::Chars),
        annotations,
        relations,
        ..ForeignDocument::default()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::import::annotations::anchor;

    /// A `.qdpx` with `project.qde` and the given sources.
    fn archive(qde: &str, sources: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("project.qde", options).unwrap();
        zip.write_all(qde.as_bytes()).unwrap();
        for (name, bytes) in sources {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const QDE: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<Project name="Vendor project" creatingUserGUID="U1" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="U1" name="Ana Analyst"/></Users>
  <CodeBook><Codes>
    <Code guid="C1" name="Claim" isCodable="true" color="#D55E00"><Description>Asserted &amp; argued</Description>
      <Code guid="C2" name="Sub &lt;claim&gt;" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="S1" name="Article" plainTextPath="internal://S1.txt">
      <PlainTextSelection guid="P1" name="three" startPosition="10" endPosition="15" creatingUser="U1" creationDateTime="2026-01-01T00:00:00Z">
        <Description>a note &lt;here&gt;</Description>
        <Coding guid="K1"><CodeRef targetGUID="C1"/></Coding>
        <Coding guid="K2"><CodeRef targetGUID="C2"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="P2" name="Code label" startPosition="0" endPosition="3">
        <Coding guid="K3"><CodeRef targetGUID="C1"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="S2" name="Scan"/>
  </Sources>
  <Notes><Note guid="N1" name="n"><PlainTextContent>why linked</PlainTextContent></Note></Notes>
  <Links><Link guid="L1" name="supports" originGUID="P2" targetGUID="P1"><NoteRef targetGUID="N1"/></Link></Links>
</Project>"##;

    #[test]
    fn a_vendor_project_with_crlf_sources_anchors_to_the_right_spans() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vendor.qdpx");
        // Positions count CRLF as two chars: "three" is at 10..15 in the raw text.
        std::fs::write(
            &path,
            archive(QDE, &[("sources/S1.txt", b"one\r\ntwo\r\nthree")]),
        )
        .unwrap();
        let set = read(&path).unwrap();
        assert_eq!(set.annotator.as_deref(), Some("Ana Analyst"));
        let names: Vec<&str> = set.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Claim", "Sub <claim>"]);
        assert_eq!(set.labels[0].description, "Asserted & argued");
        assert_eq!(set.labels[0].color.as_deref(), Some("#D55E00"));
        assert!(set.skipped.iter().any(|s| s.contains("Scan")));
        let anchored = anchor(&[set], &[]);
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        let doc = &anchored.documents[0];
        assert_eq!(doc.text, "one\ntwo\nthree");
        let got: Vec<(&str, usize, usize, &str)> = doc
            .annotations
            .iter()
            .map(|a| (a.label.as_str(), a.span.start, a.span.end, a.note.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Claim", 8, 13, "a note <here>"),
                ("Sub <claim>", 8, 13, "a note <here>"),
                ("Claim", 0, 3, ""),
            ]
        );
        assert_eq!(doc.relations.len(), 1);
        assert_eq!(doc.relations[0].note, "why linked");
        assert_eq!(doc.annotations[0].creator.as_deref(), Some("Ana Analyst"));
    }

    #[test]
    fn broken_archives_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&[u8], &str); 2] = [
            (b"not a zip", "ZIP archive"),
            (
                &archive("<Project><Sources></Project>", &[]),
                "project.qde, byte",
            ),
        ];
        for (i, (bytes, expected)) in cases.into_iter().enumerate() {
            let path = dir.path().join(format!("{i}.qdpx"));
            std::fs::write(&path, bytes).unwrap();
            let error = read(&path).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
        }
        let mut empty = zip::ZipWriter::new(Cursor::new(Vec::new()));
        empty
            .start_file("other.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        let path = dir.path().join("empty.qdpx");
        std::fs::write(&path, empty.finish().unwrap().into_inner()).unwrap();
        assert!(
            read(&path)
                .unwrap_err()
                .to_string()
                .contains("no project.qde")
        );
    }
}
