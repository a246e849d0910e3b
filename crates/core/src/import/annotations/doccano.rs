//! Reading doccano's sequence-labelling exports into plain [`ForeignSet`] data.
//!
//! The file is JSONL (one JSON object per non-empty line) or a JSON array of such objects (or one
//! object). Each object is a document: its text from `"text"` (or `"data"`), its title from
//! `"title"`, else `"id"` or `"name"`, else `<file stem> #<line>`. Passages come from `"label"`
//! or `"labels"` as `[start, end, "label"]` arrays and from `"entities"` as
//! `{"id", "start_offset", "end_offset", "label"}` objects (newer doccano), whose `"relations"`
//! (`{"from_id", "to_id", "type"}`) are read too.
//!
//! Positions are kept exactly as the file gives them, `[start, end)` in the file's unit: doccano
//! counts Python `str` indices (chars), but files made by JavaScript tools count UTF-16 code
//! units, so the unit is the caller's [`UnitChoice`] and [`super::anchor`] works it out when asked
//! to detect it. Whatever cannot be carried (document-level labels, doccano's per-document
//! comments, empty spans) is listed in [`ForeignSet::skipped`].

use std::{collections::HashMap, path::Path};

use serde_json::{Map, Value};

use super::{
    AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignRelation, ForeignSet,
    MAX_JSON_NESTING, Position, UnitChoice,
    limits::{self, AnnotationCount},
    utf8::utf8_text,
};
use crate::model::OffsetUnit;

/// Where an object sits in the file: its line (JSONL) or its place in a JSON array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordPlace {
    Line(usize),
    Item(usize),
}

impl RecordPlace {
    fn line(self) -> Option<usize> {
        match self {
            Self::Line(line) => Some(line),
            Self::Item(_) => None,
        }
    }

    /// The prefix of the ids of this object's annotations (`line3`, `item3`).
    fn tag(self) -> String {
        match self {
            Self::Line(n) => format!("line{n}"),
            Self::Item(n) => format!("item{n}"),
        }
    }

    fn number(self) -> usize {
        match self {
            Self::Line(n) | Self::Item(n) => n,
        }
    }

    /// For messages: "line 3" or "item 3 of the array".
    fn describe(self) -> String {
        match self {
            Self::Line(n) => format!("line {n}"),
            Self::Item(n) => format!("item {n} of the array"),
        }
    }

    /// A malformed-file error at this place.
    fn error(self, path: &Path, message: &str) -> AnnotationImportError {
        let message = match self {
            Self::Line(_) => message.to_owned(),
            Self::Item(_) => format!("{}: {message}", self.describe()),
        };
        AnnotationImportError::malformed(path, self.line(), message)
    }
}

/// Reads the doccano file at `path`; positions are in `units`.
pub fn read(path: &Path, units: UnitChoice) -> Result<ForeignSet, AnnotationImportError> {
    from_bytes(path, &AnnotationImportError::read_limited(path)?, units)
}

/// Reads a doccano file's bytes, as [`read`] does once it has read them; `path` is used in
/// messages and for document titles. Positions are in `units`.
pub fn from_bytes(
    path: &Path,
    bytes: &[u8],
    units: UnitChoice,
) -> Result<ForeignSet, AnnotationImportError> {
    limits::check_size(path, bytes.len())?;
    let text = utf8_text(path, bytes, "doccano")?;
    let stem = path.file_stem().map_or_else(
        || "doccano".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let mut set = ForeignSet {
        format: "doccano",
        path: path.to_owned(),
        ..ForeignSet::default()
    };
    let mut count = AnnotationCount::default();
    for (place, value) in records(path, text)? {
        let doc = read_document(path, place, &value, units, &stem, &mut set.skipped)?;
        count.add(path, doc.annotations.len())?;
        set.documents.push(doc);
    }
    if set.documents.is_empty() {
        return Err(AnnotationImportError::malformed(
            path,
            None,
            "the file holds no documents; a doccano export has one JSON object per line",
        ));
    }
    Ok(set)
}

/// The file's objects with their places: a whole-file array or object, else one per line.
fn records(path: &Path, text: &str) -> Result<Vec<(RecordPlace, Value)>, AnnotationImportError> {
    // Too deep as a whole: perhaps JSONL with unclosed lines; each line is checked on its own.
    let whole = limits::check_json_nesting(path, text.as_bytes(), MAX_JSON_NESTING)
        .ok()
        .and_then(|()| serde_json::from_str::<Value>(text).ok());
    match whole {
        Some(Value::Array(items)) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, item)| (RecordPlace::Item(i + 1), item))
            .collect()),
        Some(object @ Value::Object(_)) => {
            let first = text.lines().position(|l| !l.trim().is_empty()).unwrap_or(0);
            Ok(vec![(RecordPlace::Line(first + 1), object)])
        }
        Some(_) => Err(AnnotationImportError::malformed(
            path,
            None,
            "expected one JSON object per line (doccano JSONL) or an array of such objects",
        )),
        None => lines(path, text),
    }
}

/// One object per non-empty line.
fn lines(path: &Path, text: &str) -> Result<Vec<(RecordPlace, Value)>, AnnotationImportError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            limits::check_json_nesting(path, line.as_bytes(), MAX_JSON_NESTING).map_err(
                |e| match e {
                    AnnotationImportError::TooDeep { path, limit, .. } => {
                        AnnotationImportError::TooDeep {
                            path,
                            line: Some(i + 1),
                            limit,
                        }
                    }
                    other => other,
                },
            )?;
            serde_json::from_str::<Value>(line)
                .map(|value| (RecordPlace::Line(i + 1), value))
                .map_err(|e| {
                    AnnotationImportError::malformed(
                        path,
                        Some(i + 1),
                        format!(
                            "not valid JSON ({e}); each line of a doccano JSONL file must be one \
                             JSON object"
                        ),
                    )
                })
        })
        .collect()
}

/// One object: a document with its passages.
fn read_document(
    path: &Path,
    place: RecordPlace,
    value: &Value,
    units: UnitChoice,
    stem: &str,
    skipped: &mut Vec<String>,
) -> Result<ForeignDocument, AnnotationImportError> {
    let object = value
        .as_object()
        .ok_or_else(|| place.error(path, "expected a JSON object with \"text\" and \"label\""))?;
    let text = ["text", "data"]
        .iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str))
        .ok_or_else(|| {
            place.error(
                path,
                "no \"text\" (or \"data\") string: a doccano line holds the document's text there",
            )
        })?;
    let mut reader = Passages::new(path, place);
    for key in ["label", "labels"] {
        if let Some(labels) = object.get(key) {
            reader.label_array(key, labels)?;
            break;
        }
    }
    if let Some(entities) = object.get("entities") {
        reader.entities(entities)?;
    }
    if let Some(relations) = object.get("relations") {
        reader.relations(relations)?;
    }
    reader.note_comments(object);
    skipped.append(&mut reader.skipped);
    Ok(ForeignDocument {
        title: title(object, stem, place),
        text: Some(text.to_owned()),
        text_ref: None,
        unit: match (units, stated_unit(object)) {
            (UnitChoice::Detect, Some(stated)) => UnitChoice::Fixed(stated),
            _ => units,
        },
        annotations: reader.annotations,
        relations: reader.relations,
    })
}

/// The unit a line names in `"offsets"` (as Marginalia's JSONL export writes it): unless the
/// caller chose a unit, the positions are read in it and nothing is guessed.
fn stated_unit(object: &Map<String, Value>) -> Option<OffsetUnit> {
    let name = object.get("offsets")?.as_str()?;
    OffsetUnit::ALL.into_iter().find(|u| u.name() == name)
}

/// `"title"`, else `"id"` or `"name"`, else `<file stem> #<line>`.
fn title(object: &Map<String, Value>, stem: &str, place: RecordPlace) -> String {
    ["title", "id", "name"]
        .iter()
        .find_map(|key| match object.get(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| format!("{stem} #{}", place.number()))
}

/// The passages and relations of one object as they are read.
struct Passages<'p> {
    path: &'p Path,
    place: RecordPlace,
    annotations: Vec<ForeignAnnotation>,
    relations: Vec<ForeignRelation>,
    /// doccano entity id → the id given to its annotation.
    entity_ids: HashMap<String, String>,
    skipped: Vec<String>,
}

impl<'p> Passages<'p> {
    fn new(path: &'p Path, place: RecordPlace) -> Self {
        Self {
            path,
            place,
            annotations: Vec::new(),
            relations: Vec::new(),
            entity_ids: HashMap::new(),
            skipped: Vec::new(),
        }
    }

    fn error(&self, message: &str) -> AnnotationImportError {
        self.place.error(self.path, message)
    }

    /// `[[start, end, "label"], …]`; plain strings are whole-document labels, which are skipped.
    fn label_array(&mut self, key: &str, labels: &Value) -> Result<(), AnnotationImportError> {
        let items = labels.as_array().ok_or_else(|| {
            self.error(&format!(
                "\"{key}\" should be a list of [start, end, \"label\"]"
            ))
        })?;
        let mut document_labels = Vec::new();
        for (k, item) in items.iter().enumerate() {
            match item {
                Value::String(name) => document_labels.push(format!("“{name}”")),
                Value::Array(parts) if parts.len() >= 3 => {
                    let what = format!("\"{key}\" item {}", k + 1);
                    let start = self.offset(&parts[0], &what)?;
                    let end = self.offset(&parts[1], &what)?;
                    let label = self.label_name(&parts[2], &what)?;
                    self.push(start, end, label, &what)?;
                }
                _ => {
                    return Err(self.error(&format!(
                        "\"{key}\" item {} is {item}, not [start, end, \"label\"]",
                        k + 1
                    )));
                }
            }
        }
        if !document_labels.is_empty() {
            self.skipped.push(format!(
                "{}: document label(s) {} not imported: Marginalia labels passages, not whole \
                 documents",
                self.place.describe(),
                document_labels.join(", ")
            ));
        }
        Ok(())
    }

    /// `[{"id", "start_offset", "end_offset", "label"}, …]`.
    fn entities(&mut self, entities: &Value) -> Result<(), AnnotationImportError> {
        let items = entities.as_array().ok_or_else(|| {
            self.error(
                "\"entities\" should be a list of {\"start_offset\", \"end_offset\", \"label\"}",
            )
        })?;
        for (k, item) in items.iter().enumerate() {
            let what = format!("\"entities\" item {}", k + 1);
            let field = |name: &str| {
                item.get(name)
                    .ok_or_else(|| self.error(&format!("{what} has no \"{name}\"")))
            };
            let start = self.offset(field("start_offset")?, &what)?;
            let end = self.offset(field("end_offset")?, &what)?;
            let label = self.label_name(field("label")?, &what)?;
            let entity_id = item.get("id").and_then(id_text);
            if let Some(id) = self.push(start, end, label, &what)?
                && let Some(entity_id) = entity_id
            {
                self.entity_ids.insert(entity_id, id);
            }
        }
        Ok(())
    }

    /// `[{"from_id", "to_id", "type"}, …]` between this object's entities.
    fn relations(&mut self, relations: &Value) -> Result<(), AnnotationImportError> {
        let items = relations.as_array().ok_or_else(|| {
            self.error("\"relations\" should be a list of {\"from_id\", \"to_id\", \"type\"}")
        })?;
        for (k, item) in items.iter().enumerate() {
            let end = |name: &str| item.get(name).and_then(id_text);
            let (Some(from), Some(to)) = (end("from_id"), end("to_id")) else {
                return Err(self.error(&format!(
                    "\"relations\" item {} needs \"from_id\" and \"to_id\"",
                    k + 1
                )));
            };
            let kind = item
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("related")
                .to_owned();
            match (self.entity_ids.get(&from), self.entity_ids.get(&to)) {
                (Some(from), Some(to)) => self.relations.push(ForeignRelation {
                    kind,
                    from: from.clone(),
                    to: to.clone(),
                    note: String::new(),
                }),
                _ => self.skipped.push(format!(
                    "{}: relation {kind} ({from} → {to}) left out: it links an entity the line \
                     does not have",
                    self.place.describe()
                )),
            }
        }
        Ok(())
    }

    /// doccano comments belong to the whole document: say they were not imported.
    fn note_comments(&mut self, object: &Map<String, Value>) {
        let count = match object.get("Comments").or_else(|| object.get("comments")) {
            Some(Value::Array(items)) => items.len(),
            Some(Value::String(s)) if !s.trim().is_empty() => 1,
            _ => 0,
        };
        if count > 0 {
            self.skipped.push(format!(
                "{}: {count} comment(s) not imported: doccano comments belong to the whole \
                 document, not to a passage; copy them into a note by hand if you need them",
                self.place.describe()
            ));
        }
    }

    /// Adds a passage `[start, end)`; returns its id, or `None` when it was empty and skipped.
    fn push(
        &mut self,
        start: usize,
        end: usize,
        label: String,
        what: &str,
    ) -> Result<Option<String>, AnnotationImportError> {
        if start > end {
            return Err(self.error(&format!("{what} ends ({end}) before it starts ({start})")));
        }
        if start == end {
            self.skipped.push(format!(
                "{}: {what} ({label}) is empty ({start}..{end}) and was left out",
                self.place.describe()
            ));
            return Ok(None);
        }
        let id = format!("{}-{}", self.place.tag(), self.annotations.len() + 1);
        self.annotations.push(ForeignAnnotation {
            id: id.clone(),
            label,
            position: Some(Position { start, end }),
            ..ForeignAnnotation::default()
        });
        Ok(Some(id))
    }

    fn offset(&self, value: &Value, what: &str) -> Result<usize, AnnotationImportError> {
        value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                self.error(&format!(
                    "{what}: position {value} is not a whole number of zero or more"
                ))
            })
    }

    fn label_name(&self, value: &Value, what: &str) -> Result<String, AnnotationImportError> {
        match value {
            Value::String(name) if !name.trim().is_empty() => Ok(name.clone()),
            Value::Number(n) => Ok(n.to_string()),
            _ => Err(self.error(&format!("{what}: label {value} is not a name"))),
        }
    }
}

/// An id as doccano writes it (a number or a string), as text.
fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{self, ExportOptions, Format, fixture};
    use crate::import::annotations::anchor;
    use crate::model::Project;

    fn read_text(name: &str, content: &str, units: UnitChoice) -> Result<ForeignSet, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        read(&path, units).map_err(|e| e.to_string())
    }

    fn spans(doc: &ForeignDocument) -> Vec<(String, String, usize, usize)> {
        doc.annotations
            .iter()
            .map(|a| {
                let p = a.position.unwrap();
                (a.id.clone(), a.label.clone(), p.start, p.end)
            })
            .collect()
    }

    fn owned(rows: &[(&str, &str, usize, usize)]) -> Vec<(String, String, usize, usize)> {
        rows.iter()
            .map(|&(i, l, s, e)| (i.to_owned(), l.to_owned(), s, e))
            .collect()
    }

    #[test]
    fn every_shape_of_line_reads_into_documents() {
        let file = concat!(
            "{\"id\": 7, \"text\": \"The UN said so.\", \"label\": [[4, 6, \"ORG\"], [0, 15, \"claim\"]]}\n",
            "\n",
            "{\"data\": \"x y\", \"labels\": [[0, 1, \"A\"]], \"title\": \"Second\"}\r\n",
            "{\"text\": \"ab cd\", \"entities\": [{\"id\": 10, \"start_offset\": 0, \"end_offset\": 2, \"label\": \"src\"}, ",
            "{\"id\": 11, \"start_offset\": 3, \"end_offset\": 5, \"label\": \"claim\"}], ",
            "\"relations\": [{\"id\": 1, \"from_id\": 11, \"to_id\": 10, \"type\": \"attributed_to\"}]}\n",
            "{\"name\": \"Named\", \"text\": \"\"}\n",
        );
        let set = read_text("set.jsonl", file, UnitChoice::Detect).unwrap();
        assert_eq!(set.format, "doccano");
        assert!(set.skipped.is_empty(), "{:?}", set.skipped);
        let table = [
            (
                "7",
                "The UN said so.",
                owned(&[("line1-1", "ORG", 4, 6), ("line1-2", "claim", 0, 15)]),
            ),
            ("Second", "x y", owned(&[("line3-1", "A", 0, 1)])),
            (
                "set #4",
                "ab cd",
                owned(&[("line4-1", "src", 0, 2), ("line4-2", "claim", 3, 5)]),
            ),
            ("Named", "", Vec::new()),
        ];
        assert_eq!(set.documents.len(), table.len());
        for (doc, (title, text, expected)) in set.documents.iter().zip(table) {
            assert_eq!(doc.title, title);
            assert_eq!(doc.text.as_deref(), Some(text));
            assert_eq!(doc.unit, UnitChoice::Detect);
            assert_eq!(spans(doc), expected, "{title}");
            assert!(doc.annotations.iter().all(|a| a.quote.is_none()));
        }
        assert_eq!(
            set.documents[2].relations,
            vec![ForeignRelation {
                kind: "attributed_to".into(),
                from: "line4-2".into(),
                to: "line4-1".into(),
                note: String::new(),
            }]
        );
    }

    #[test]
    fn a_json_array_and_a_single_object_are_read_too() {
        let array =
            "[\n {\"text\": \"abc\", \"label\": [[0, 3, \"X\"]]},\n {\"text\": \"de\"}\n]\n";
        let set = read_text("set.json", array, UnitChoice::Fixed(OffsetUnit::Utf16)).unwrap();
        assert_eq!(set.documents.len(), 2);
        assert_eq!(set.documents[0].title, "set #1");
        assert_eq!(spans(&set.documents[0]), owned(&[("item1-1", "X", 0, 3)]));
        assert_eq!(set.documents[1].unit, UnitChoice::Fixed(OffsetUnit::Utf16));
        let single = "\n{\n  \"text\": \"abc\",\n  \"label\": [[1, 2, \"Y\"]]\n}\n";
        let set = read_text("one.json", single, UnitChoice::Detect).unwrap();
        assert_eq!(spans(&set.documents[0]), owned(&[("line2-1", "Y", 1, 2)]));
    }

    #[test]
    fn comments_document_labels_and_empty_spans_are_reported_not_dropped() {
        let file = concat!(
            "{\"text\": \"abc\", \"label\": [\"positive\", [0, 1, \"X\"], [2, 2, \"Y\"]], ",
            "\"Comments\": [\"check this\", \"and this\"]}\n",
            "{\"text\": \"abc\", \"comments\": \"one remark\", \"entities\": [], ",
            "\"relations\": [{\"from_id\": 1, \"to_id\": 2, \"type\": \"r\"}]}\n",
        );
        let set = read_text("c.jsonl", file, UnitChoice::Detect).unwrap();
        assert_eq!(
            set.skipped,
            vec![
                "line 1: \"label\" item 3 (Y) is empty (2..2) and was left out",
                "line 1: document label(s) “positive” not imported: Marginalia labels passages, \
                 not whole documents",
                "line 1: 2 comment(s) not imported: doccano comments belong to the whole \
                 document, not to a passage; copy them into a note by hand if you need them",
                "line 2: relation r (1 → 2) left out: it links an entity the line does not have",
                "line 2: 1 comment(s) not imported: doccano comments belong to the whole \
                 document, not to a passage; copy them into a note by hand if you need them",
            ]
        );
        assert_eq!(spans(&set.documents[0]), owned(&[("line1-1", "X", 0, 1)]));
    }

    #[test]
    fn malformed_lines_are_named_by_line() {
        let cases = [
            (
                "{\"text\": \"a\"}\n\n{\"text\": \"b\"\n",
                "line 3: not valid JSON",
            ),
            (
                "{\"text\": \"a\"}\n{\"label\": []}\n",
                "line 2: no \"text\"",
            ),
            (
                "{\"text\": \"a\"}\n[1, 2]\n3\n",
                "line 2: expected a JSON object",
            ),
            (
                "{\"text\": \"a\", \"label\": [[-1, 1, \"X\"]]}\n{}\n",
                "line 1: \"label\" item 1: position -1",
            ),
            (
                "{\"text\": \"a\", \"label\": [[3, 1, \"X\"]]}\n{}\n",
                "line 1: \"label\" item 1 ends (1) before it starts (3)",
            ),
            (
                "{\"text\": \"a\", \"label\": [[0, 1]]}\n{}\n",
                "line 1: \"label\" item 1 is [0,1]",
            ),
            (
                "{\"text\": \"a\", \"entities\": [{\"start_offset\": 0, \"label\": \"X\"}]}\n{}\n",
                "line 1: \"entities\" item 1 has no \"end_offset\"",
            ),
            (
                "[{\"text\": \"a\"}, {\"data\": 5}]",
                "item 2 of the array: no \"text\"",
            ),
            ("\n\n", "holds no documents"),
            (
                "\u{feff}{\"text\": \"a\"}\n{\"text\": \"b\"}\n\u{1}bad",
                "line 3: not valid JSON",
            ),
        ];
        for (content, expected) in cases {
            let error = read_text("bad.jsonl", content, UnitChoice::Detect).unwrap_err();
            assert!(error.contains("bad.jsonl"), "{error}");
            assert!(error.contains(expected), "{content:?}: {error}");
        }
        let dir = tempfile::tempdir().unwrap();
        let latin1 = dir.path().join("latin1.jsonl");
        std::fs::write(&latin1, b"{\"text\": \"a\"}\n{\"text\": \"caf\xE9\"}\n").unwrap();
        let error = read(&latin1, UnitChoice::Detect).unwrap_err().to_string();
        assert!(error.contains("line 2: not UTF-8"), "{error}");
    }

    /// A project with emoji (astral chars), a combining mark, CJK and a CRLF-origin text.
    fn sample() -> Project {
        fixture::project(vec![
            fixture::document(
                "d1",
                "Emoji",
                "Wir 👍🏾 sagen: Cafe\u{301} 中文 🇫🇷",
                &[
                    ("a1", "claim", 4, 6),
                    ("a2", "source", 7, 12),
                    ("a3", "norm", 7, 25),
                    ("a4", "claim", 23, 25),
                ],
            ),
            fixture::document(
                "d2",
                "From CRLF",
                "First line\nsecond 中文 line\n",
                &[("b1", "norm", 11, 20)],
            ),
        ])
    }

    /// Exports `project` as JSONL in `unit`, reads it back with `units` and anchors it; with
    /// `unstated`, the `"offsets"` key is taken out first, as in a file from another tool.
    fn round_trip(
        project: &Project,
        unit: OffsetUnit,
        units: UnitChoice,
        unstated: bool,
    ) -> anchor::Anchored {
        let options = ExportOptions {
            offsets: unit,
            ..ExportOptions::default()
        };
        let exported = export::export(project, Format::Jsonl, &options).unwrap();
        let export::Output::File(bytes) = exported.output else {
            panic!("one file")
        };
        let mut text = String::from_utf8(bytes).unwrap();
        if unstated {
            text = text.replace(&format!(",\"offsets\":\"{}\"", unit.name()), "");
        }
        let set = from_bytes(Path::new("project.jsonl"), text.as_bytes(), units).unwrap();
        anchor(vec![set], &[])
    }

    fn assert_same_passages(project: &Project, anchored: &anchor::Anchored) {
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        assert_eq!(
            anchored
                .labels
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>(),
            ["Claim", "Source", "Norm"][..],
            "labels by name, in first-seen order"
        );
        assert_eq!(anchored.documents.len(), project.documents().len());
        for (doc, back) in project.documents().iter().zip(&anchored.documents) {
            assert_eq!(back.title, doc.title());
            assert_eq!(back.text, doc.text());
            let expected: Vec<(&str, usize, usize)> = doc
                .annotations()
                .iter()
                .map(|a| {
                    (
                        project.label(&a.label).unwrap().name.as_str(),
                        a.start,
                        a.end,
                    )
                })
                .collect();
            let got: Vec<(&str, usize, usize)> = back
                .annotations
                .iter()
                .map(|a| (a.label.as_str(), a.span.start, a.span.end))
                .collect();
            assert_eq!(got, expected, "{}", doc.title());
        }
    }

    #[test]
    fn jsonl_round_trips_in_every_unit() {
        let project = sample();
        for unit in OffsetUnit::ALL {
            let anchored = round_trip(&project, unit, UnitChoice::Fixed(unit), false);
            assert_same_passages(&project, &anchored);
            let stated = round_trip(&project, unit, UnitChoice::Detect, false);
            assert_same_passages(&project, &stated);
            assert!(
                !stated
                    .notices
                    .iter()
                    .any(|n| n.contains("positions read as")),
                "the stated unit is not guessed: {:?}",
                stated.notices
            );
        }
    }

    #[test]
    fn detection_reads_utf16_files_as_utf16_and_char_files_as_chars() {
        let project = sample();
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let anchored = round_trip(&project, unit, UnitChoice::Detect, true);
            assert_same_passages(&project, &anchored);
            let said = format!("“Emoji”: positions read as {}", unit.describe());
            assert!(
                anchored.notices.iter().any(|n| n.ends_with(&said)),
                "{unit:?}: {:?}",
                anchored.notices
            );
        }
    }
}
