//! Reading W3C Web Annotation (JSON-LD): an `AnnotationCollection` with embedded pages, an
//! `AnnotationPage`, a JSON array of annotations, or a single `Annotation`.
//!
//! Annotations are grouped into documents by their target's `source`; the file does not carry
//! the text, so [`super::anchor`] finds it among the known texts. `TextPositionSelector` offsets
//! should be chars (code points) by the standard, but browser tools such as Hypothesis write UTF-16
//! code units: the caller's [`UnitChoice`] decides, and `Detect` lets the quotes decide.
//! `linking` annotations become relations: from their target to their IRI body.

use std::{collections::HashMap, path::Path};

use serde_json::{Map, Value};

use super::{
    AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignRelation, ForeignSet,
    MAX_JSON_NESTING, Position, UnitChoice,
    limits::{self, AnnotationCount},
    utf8::without_bom,
};

/// The relation kind of a `linking` annotation without a tag.
const DEFAULT_RELATION_KIND: &str = "related_to";

/// Reads `path`; positions are read in `units`.
pub fn read(path: &Path, units: UnitChoice) -> Result<ForeignSet, AnnotationImportError> {
    from_bytes(path, &AnnotationImportError::read_limited(path)?, units)
}

/// Reads a W3C Web Annotation file's bytes, as [`read`] does once it has read them; `path` is
/// used in messages. Positions are read in `units`.
pub fn from_bytes(
    path: &Path,
    bytes: &[u8],
    units: UnitChoice,
) -> Result<ForeignSet, AnnotationImportError> {
    limits::check_size(path, bytes.len())?;
    let bytes = without_bom(bytes);
    limits::check_json_nesting(path, bytes, MAX_JSON_NESTING)?;
    let json: Value = serde_json::from_slice(bytes).map_err(|e| {
        AnnotationImportError::malformed(
            path,
            Some(e.line()),
            format!("not valid JSON ({e}); a W3C Web Annotation file is JSON-LD"),
        )
    })?;
    let mut set = ForeignSet {
        format: "W3C",
        path: path.to_owned(),
        annotator: json.get("creator").and_then(creator_name),
        ..ForeignSet::default()
    };
    let items = items(&json, &mut set.skipped).map_err(|m| malformed(path, m))?;
    AnnotationCount::default().add(path, items.len())?;
    let mut relations = Vec::new();
    // Where each source's document is, and which document each annotation id went to first.
    let mut document_at = HashMap::new();
    let mut home_of = HashMap::new();
    for (n, item) in items.iter().enumerate() {
        let Some(object) = item.as_object() else {
            set.skipped
                .push(format!("item {}: not an annotation object", n + 1));
            continue;
        };
        let id = string(object, "id").map_or_else(|| format!("#{}", n + 1), str::to_owned);
        if has(object, "motivation", "linking") {
            match relation(object) {
                Some(r) => relations.push((id, r)),
                None => set.skipped.push(format!(
                    "annotation {id}: a link without the annotation it starts at or the one it \
                     points to is not imported"
                )),
            }
            continue;
        }
        match annotation(object, id.clone(), &mut set.skipped) {
            Some((source, a)) => {
                if set.annotator.is_none() {
                    set.annotator.clone_from(&a.creator);
                }
                let at = document_for(&mut set.documents, &mut document_at, source, units);
                home_of.entry(a.id.clone()).or_insert(at);
                set.documents[at].annotations.push(a);
            }
            None => set.skipped.push(format!(
                "annotation {id}: it has no TextQuoteSelector or TextPositionSelector, so there is \
                 no passage to place; it is not imported"
            )),
        }
    }
    for (id, r) in relations {
        match home_of.get(&r.from).map(|&at| &mut set.documents[at]) {
            Some(doc) => doc.relations.push(r),
            None => set.skipped.push(format!(
                "link {id}: the annotation it starts at ({}) is not in the file; it is not \
                 imported",
                r.from
            )),
        }
    }
    Ok(set)
}

fn malformed(path: &Path, message: String) -> AnnotationImportError {
    AnnotationImportError::malformed(path, None, message)
}

/// The annotations of a collection, page, array or single annotation.
fn items<'j>(json: &'j Value, skipped: &mut Vec<String>) -> Result<Vec<&'j Value>, String> {
    if let Some(array) = json.as_array() {
        return Ok(array.iter().collect());
    }
    let Some(object) = json.as_object() else {
        return Err(not_annotations());
    };
    if has(object, "type", "AnnotationCollection") {
        return collection_items(object, skipped);
    }
    if has(object, "type", "AnnotationPage") {
        return Ok(page_items(object, skipped));
    }
    if has(object, "type", "Annotation") || object.contains_key("target") {
        return Ok(vec![json]);
    }
    Err(not_annotations())
}

fn not_annotations() -> String {
    "this JSON is not a W3C Web Annotation: expected an AnnotationCollection, an AnnotationPage, \
     an Annotation or an array of annotations"
        .to_owned()
}

/// Items of the collection's embedded pages (`first`, then each embedded `next`).
fn collection_items<'j>(
    collection: &'j Map<String, Value>,
    skipped: &mut Vec<String>,
) -> Result<Vec<&'j Value>, String> {
    match collection.get("first") {
        Some(Value::Object(page)) => Ok(page_items(page, skipped)),
        Some(Value::String(iri)) => Err(format!(
            "the collection's first page is only linked ({iri}), not embedded; Marginalia reads \
             only pages embedded in the file: save the collection with its pages (or the page \
             itself) and import that"
        )),
        _ => Ok(collection
            .get("items")
            .and_then(Value::as_array)
            .map(|items| items.iter().collect())
            .unwrap_or_default()),
    }
}

/// A page's items, followed by those of the embedded pages after it.
fn page_items<'j>(page: &'j Map<String, Value>, skipped: &mut Vec<String>) -> Vec<&'j Value> {
    let mut items = Vec::new();
    let mut page = Some(page);
    while let Some(current) = page {
        items.extend(
            current
                .get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
        page = match current.get("next") {
            Some(Value::Object(next)) => Some(next),
            Some(Value::String(iri)) => {
                skipped.push(format!(
                    "the collection goes on in page {iri}, which is not in the file; only \
                     embedded pages are read"
                ));
                None
            }
            _ => None,
        };
    }
    items
}

/// The index of the document annotations of `source` go to, made when first seen
/// (`document_at`: where each source's document is).
fn document_for(
    documents: &mut Vec<ForeignDocument>,
    document_at: &mut HashMap<Option<String>, usize>,
    source: Option<String>,
    units: UnitChoice,
) -> usize {
    *document_at.entry(source.clone()).or_insert_with(|| {
        documents.push(ForeignDocument {
            title: String::new(),
            text: None,
            text_ref: source,
            unit: units,
            annotations: Vec::new(),
            relations: Vec::new(),
        });
        documents.len() - 1
    })
}

/// A passage annotation: its target's source and what it says; `None` without any selector
/// Marginalia can place.
fn annotation(
    object: &Map<String, Value>,
    id: String,
    skipped: &mut Vec<String>,
) -> Option<(Option<String>, ForeignAnnotation)> {
    let target = first_object(object.get("target")?)?;
    let source = string(target, "source").map(str::to_owned);
    let selectors = selectors(target);
    let quote = selectors
        .iter()
        .find(|s| has(s, "type", "TextQuoteSelector"));
    let position = selectors
        .iter()
        .find(|s| has(s, "type", "TextPositionSelector"))
        .and_then(|s| {
            Some(Position {
                start: offset(s, "start")?,
                end: offset(s, "end")?,
            })
        });
    if quote.is_none() && position.is_none() {
        return None;
    }
    let bodies = bodies(object);
    let text_bodies: Vec<&Map<String, Value>> =
        bodies.iter().filter_map(Value::as_object).collect();
    let tagging_motivation = has(object, "motivation", "tagging");
    let mut tags = text_bodies
        .iter()
        .filter(|b| purpose_is(b, "tagging", tagging_motivation))
        .filter_map(|b| body_text(b));
    let label = tags.next().map(str::to_owned).unwrap_or_else(|| {
        object
            .get("motivation")
            .and_then(first_string)
            .unwrap_or("annotation")
            .to_owned()
    });
    let more: Vec<&str> = tags.collect();
    if !more.is_empty() {
        skipped.push(format!(
            "annotation {id}: only its first tag ({label}) is its label; the others ({}) are not \
             imported",
            more.join(", ")
        ));
    }
    let commenting_motivation = has(object, "motivation", "commenting");
    let mut notes: Vec<&str> = text_bodies
        .iter()
        .filter(|b| purpose_is(b, "commenting", commenting_motivation))
        .filter_map(|b| body_text(b))
        .collect();
    if let Some(value) = object.get("bodyValue").and_then(Value::as_str) {
        notes.push(value);
    }
    let text = |key: &str| quote.and_then(|q| string(q, key)).map(str::to_owned);
    Some((
        source,
        ForeignAnnotation {
            id,
            label,
            position,
            quote: text("exact"),
            prefix: text("prefix"),
            suffix: text("suffix"),
            note: notes.join("\n\n"),
            created: string(object, "created").map(str::to_owned),
            modified: string(object, "modified").map(str::to_owned),
            creator: object.get("creator").and_then(creator_name),
        },
    ))
}

/// A `linking` annotation as a relation: target = from, IRI body = to, tag = kind.
fn relation(object: &Map<String, Value>) -> Option<ForeignRelation> {
    let from = object.get("target").and_then(iri)?;
    let bodies = bodies(object);
    let to = bodies.iter().find_map(|b| match b {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) if body_text(o).is_none() => string(o, "id").map(str::to_owned),
        _ => None,
    })?;
    let text_bodies: Vec<&Map<String, Value>> =
        bodies.iter().filter_map(Value::as_object).collect();
    let kind = text_bodies
        .iter()
        .find(|b| purpose_is(b, "tagging", true))
        .and_then(|b| body_text(b))
        .unwrap_or(DEFAULT_RELATION_KIND);
    let note: Vec<&str> = text_bodies
        .iter()
        .filter(|b| purpose_is(b, "commenting", false))
        .filter_map(|b| body_text(b))
        .collect();
    Some(ForeignRelation {
        kind: kind.to_owned(),
        from,
        to,
        note: note.join("\n\n"),
    })
}

/// The IRI a target names: a string, or the `id` (or `source`) of the first object.
fn iri(target: &Value) -> Option<String> {
    match target {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(iri),
        Value::Object(o) => string(o, "id")
            .or_else(|| string(o, "source"))
            .map(str::to_owned),
        _ => None,
    }
}

/// A value that may be one object or an array: its first object.
fn first_object(value: &Value) -> Option<&Map<String, Value>> {
    match value {
        Value::Object(o) => Some(o),
        Value::Array(items) => items.iter().find_map(Value::as_object),
        _ => None,
    }
}

/// A target's selectors: `selector` as one object or an array, and any TextQuoteSelector a
/// selector is `refinedBy` (its position would be relative to the outer selection, so only the
/// quote is taken from a refinement, when the target has none).
fn selectors(target: &Map<String, Value>) -> Vec<&Map<String, Value>> {
    let mut out: Vec<&Map<String, Value>> = match target.get("selector") {
        Some(Value::Object(o)) => vec![o],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    };
    if !out.iter().any(|s| has(s, "type", "TextQuoteSelector")) {
        let mut refined: Vec<&Map<String, Value>> = Vec::new();
        let mut pending: Vec<&Map<String, Value>> = out.clone();
        while let Some(s) = pending.pop() {
            if let Some(next) = s.get("refinedBy").and_then(first_object) {
                if has(next, "type", "TextQuoteSelector") {
                    refined.push(next);
                }
                pending.push(next);
            }
        }
        out.extend(refined.into_iter().take(1));
    }
    out
}

/// `body` as a list (one object, a string, or an array).
fn bodies(object: &Map<String, Value>) -> Vec<Value> {
    match object.get("body") {
        Some(Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    }
}

/// Whether a body has `purpose`, or (when `by_motivation`) is a textual body without a purpose.
fn purpose_is(body: &Map<String, Value>, purpose: &str, by_motivation: bool) -> bool {
    if body.contains_key("purpose") {
        has(body, "purpose", purpose)
    } else {
        by_motivation && body_text(body).is_some()
    }
}

/// A textual body's `value` (also `rdf:value` or `chars`, as older tools write it).
fn body_text(body: &Map<String, Value>) -> Option<&str> {
    ["value", "rdf:value", "chars"]
        .iter()
        .find_map(|key| string(body, key))
}

/// A creator's name: a string, an object's `name` (or `nickname`), or the first of an array.
fn creator_name(creator: &Value) -> Option<String> {
    match creator {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => string(o, "name")
            .or_else(|| string(o, "nickname"))
            .map(str::to_owned),
        Value::Array(items) => items.iter().find_map(creator_name),
        _ => None,
    }
}

/// A string field, also under its JSON-LD keyword (`@id`, `@type`).
fn string<'j>(object: &'j Map<String, Value>, key: &str) -> Option<&'j str> {
    object
        .get(key)
        .or_else(|| object.get(&format!("@{key}")))
        .and_then(Value::as_str)
}

/// A non-negative integer offset (also written as a string or a whole float by some tools).
fn offset(object: &Map<String, Value>, key: &str) -> Option<usize> {
    match object.get(key)? {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                    .map(|f| f as u64)
            })
            .and_then(|n| usize::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn first_string(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// Whether `key` (a string or an array of strings, also under `@key`) holds `name`, with or
/// without a vocabulary prefix (`oa:`, `as:`).
fn has(object: &Map<String, Value>, key: &str, name: &str) -> bool {
    let matches = |s: &str| s == name || s.rsplit_once(':').is_some_and(|(_, local)| local == name);
    let value = object.get(key).or_else(|| object.get(&format!("@{key}")));
    match value {
        Some(Value::String(s)) => matches(s),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        export::{ExportOptions, Format, export, write_output},
        import::annotations::{KnownText, anchor},
        model::{
            Annotation, Document, Edit, Editor, Label, Meta, OffsetUnit, Project, Relation, Span,
        },
    };

    fn annotation(doc: &Document, id: &str, label: &str, quote: &str, note: &str) -> Annotation {
        let byte = doc.text().find(quote).unwrap();
        let start = doc.text()[..byte].chars().count();
        let end = start + quote.chars().count();
        Annotation {
            quote: doc.quote(Span::new(start, end)).unwrap().to_owned(),
            note: note.into(),
            created: "2024-05-01T10:00:00Z".into(),
            modified: "2024-05-02T10:00:00Z".into(),
            ..Annotation::bare(id, label, start, end)
        }
    }

    /// Emoji with a skin tone, a flag, a combining accent, CJK, Hebrew and a claim over a newline.
    fn sample() -> Project {
        let text = "Ana 👍🏾 said 🇫🇷 cafe\u{301} works.\n東京 agreed; שלום עליכם.\nThe end 👨‍👩‍👧.";
        let doc = Document::new("d1", "Field notes", text.into());
        let annotations = vec![
            annotation(
                &doc,
                "a1",
                "claim",
                "cafe\u{301} works.\n東京 agreed",
                "a claim\nover lines",
            ),
            annotation(&doc, "a2", "source", "Ana 👍🏾", ""),
            annotation(&doc, "a3", "norm", "שלום עליכם", ""),
            annotation(&doc, "a4", "claim", "🇫🇷", ""),
            annotation(&doc, "a5", "source", "👨‍👩‍👧", "family"),
        ];
        let doc = doc.with_annotations(annotations);
        let labels = vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("source", "Source of it", "#0072B2"),
            Label::new("norm", "Norm", "#009E73"),
        ];
        let meta = Meta {
            title: "Round trip".into(),
            annotator: "ana".into(),
            ..Meta::default()
        };
        let mut editor = Editor::new(Project::from_parts(meta, labels, vec![doc]));
        for (id, kind, from, to, note) in [
            ("r1", "attributed to", "a1", "a2", "she says so"),
            ("r2", "supports", "a3", "a1", ""),
        ] {
            let relation = Relation {
                id: id.into(),
                kind: kind.into(),
                from: from.into(),
                to: to.into(),
                note: note.into(),
            };
            let edit = Edit::AddRelation {
                doc: "d1".into(),
                relation,
            };
            editor.apply(edit, "2024-05-01T10:00:00Z").unwrap();
        }
        editor.into_project()
    }

    fn write(dir: &tempfile::TempDir, json: &str) -> std::path::PathBuf {
        let path = dir.path().join("annotations.json");
        std::fs::write(&path, json).unwrap();
        path
    }

    fn known(text: &str) -> KnownText<'_> {
        KnownText {
            title: "Article",
            text,
            source: None,
        }
    }

    /// `(start, end, label)` of each placed annotation.
    fn spans(path: &Path, units: UnitChoice, text: &str) -> Vec<(usize, usize, String)> {
        let anchored = anchor(vec![read(path, units).unwrap()], &[known(text)]);
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        anchored.documents[0]
            .annotations
            .iter()
            .map(|a| (a.span.start, a.span.end, a.label.clone()))
            .collect()
    }

    #[test]
    fn an_export_reads_back_with_the_same_labels_spans_notes_and_relations() {
        let project = sample();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonld");
        let out = export(&project, Format::W3c, &ExportOptions::default()).unwrap();
        write_output(&out.output, &path, crate::export::InFolder::EmptyOnly).unwrap();
        let set = read(&path, UnitChoice::Detect).unwrap();
        assert_eq!((set.format, set.skipped.len()), ("W3C", 0));
        assert_eq!(set.annotator.as_deref(), Some("ana"));
        let doc = &project.documents()[0];
        let anchored = anchor(
            vec![set],
            &[KnownText {
                title: doc.title(),
                text: doc.text(),
                source: None,
            }],
        );
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        let placed = &anchored.documents[0];
        assert_eq!(
            (placed.known, placed.title.as_str()),
            (Some(0), "Field notes")
        );
        let got: Vec<(String, usize, usize, String, Option<String>)> = placed
            .annotations
            .iter()
            .map(|a| {
                let created = a.created.clone();
                (
                    a.label.clone(),
                    a.span.start,
                    a.span.end,
                    a.note.clone(),
                    created,
                )
            })
            .collect();
        let expected: Vec<(String, usize, usize, String, Option<String>)> = doc
            .annotations()
            .iter()
            .map(|a| {
                let name = project.label(&a.label).unwrap().name.clone();
                (
                    name,
                    a.start,
                    a.end,
                    a.note.clone(),
                    Some(a.created.clone()),
                )
            })
            .collect();
        assert_eq!(got, expected);
        let quote = |foreign: &str| {
            let a = placed
                .annotations
                .iter()
                .find(|a| a.foreign_id == foreign)
                .unwrap();
            doc.quote(a.span).unwrap().to_owned()
        };
        let links: Vec<(String, String, String, String)> = placed
            .relations
            .iter()
            .map(|r| (r.kind.clone(), quote(&r.from), quote(&r.to), r.note.clone()))
            .collect();
        let original: Vec<(String, String, String, String)> = doc
            .relations()
            .iter()
            .map(|r| {
                let q = |id: &str| doc.annotation(id).unwrap().quote.clone();
                (r.kind.clone(), q(&r.from), q(&r.to), r.note.clone())
            })
            .collect();
        assert_eq!(links, original);
    }

    #[test]
    fn utf16_positions_over_emoji_land_on_the_right_chars() {
        // chars: 👍 0, 🏾 1, ' ' 2, o 3, k 4, ' ' 5, 🇫 6, 🇷 7, ' ' 8, f 9 … e 12.
        // UTF-16: each of 👍 🏾 🇫 🇷 takes two units.
        let text = "👍🏾 ok 🇫🇷 fine";
        let json = r#"[
          {"type": "Annotation", "motivation": "tagging",
           "body": {"type": "TextualBody", "purpose": "tagging", "value": "word"},
           "target": {"source": "https://example.org/a.html", "selector": [
             {"type": "TextPositionSelector", "start": 5, "end": 7},
             {"type": "TextQuoteSelector", "exact": "ok"}]}},
          {"type": "Annotation", "motivation": "tagging", "body": [{"value": "flag"}],
           "target": {"source": "https://example.org/a.html", "selector": [
             {"type": "TextPositionSelector", "start": 8, "end": 12},
             {"type": "TextQuoteSelector", "exact": "🇫🇷"}]}},
          {"type": "Annotation", "motivation": "tagging", "body": [{"value": "word"}],
           "target": {"source": "https://example.org/a.html", "selector": [
             {"type": "TextPositionSelector", "start": 13, "end": 17},
             {"type": "TextQuoteSelector", "exact": "fine"}]}}
        ]"#;
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, json);
        let expected = vec![
            (3, 5, "word".to_owned()),
            (6, 8, "flag".to_owned()),
            (9, 13, "word".to_owned()),
        ];
        assert_eq!(spans(&path, UnitChoice::Detect, text), expected);
        assert_eq!(
            spans(&path, UnitChoice::Fixed(OffsetUnit::Utf16), text),
            expected
        );
        let anchored = anchor(
            vec![read(&path, UnitChoice::Detect).unwrap()],
            &[known(text)],
        );
        assert!(
            anchored.notices.iter().any(|n| n.contains("UTF-16")),
            "{:?}",
            anchored.notices
        );
    }

    #[test]
    fn a_quote_with_prefix_and_suffix_picks_its_occurrence() {
        let text = "the rule applies. Later, the rule was broken; the rule stays.";
        let json = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
          "motivation": "tagging", "body": "https://example.org/tags/norm",
          "bodyValue": "look here",
          "target": {"source": "urn:x", "selector":
            {"type": "TextQuoteSelector", "exact": "the rule", "prefix": "Later, ",
             "suffix": " was"}}}"#;
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, json);
        let set = read(&path, UnitChoice::Detect).unwrap();
        assert_eq!(set.documents[0].annotations[0].note, "look here");
        assert_eq!(
            spans(&path, UnitChoice::Detect, text),
            [(25, 33, "tagging".to_owned())]
        );
    }

    #[test]
    fn pages_arrays_and_embedded_next_pages_are_read() {
        let item = |n: usize| {
            format!(
                r#"{{"id": "a{n}", "type": "Annotation", "motivation": "tagging",
                "body": {{"purpose": "tagging", "value": "L{n}"}},
                "target": {{"source": "s", "selector": {{"type": "TextPositionSelector",
                "start": {n}, "end": {}}}}}}}"#,
                n + 1
            )
        };
        let cases = [
            format!(
                r#"{{"type": "AnnotationPage", "items": [{}, {}]}}"#,
                item(0),
                item(1)
            ),
            format!(
                r#"{{"type": ["AnnotationCollection"], "first": {{"type": "AnnotationPage",
                "items": [{}], "next": {{"type": "AnnotationPage", "items": [{}]}}}}}}"#,
                item(0),
                item(1)
            ),
            format!("[{}, {}]", item(0), item(1)),
        ];
        let dir = tempfile::tempdir().unwrap();
        for json in &cases {
            let set = read(&write(&dir, json), UnitChoice::Detect).unwrap();
            let got: Vec<(&str, &str, Option<Position>)> = set.documents[0]
                .annotations
                .iter()
                .map(|a| (a.id.as_str(), a.label.as_str(), a.position))
                .collect();
            assert_eq!(
                got,
                [
                    ("a0", "L0", Some(Position { start: 0, end: 1 })),
                    ("a1", "L1", Some(Position { start: 1, end: 2 })),
                ],
                "{json}"
            );
            assert_eq!(set.documents[0].text_ref.as_deref(), Some("s"));
        }
    }

    #[test]
    fn linked_pages_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            &dir,
            r#"{"type": "AnnotationCollection", "first": "https://example.org/page1"}"#,
        );
        let err = read(&path, UnitChoice::Detect).unwrap_err().to_string();
        assert!(
            err.contains("only linked") && err.contains("page1"),
            "{err}"
        );
        let path = write(
            &dir,
            r#"{"type": "AnnotationPage", "items": [], "next": "https://example.org/p2"}"#,
        );
        let set = read(&path, UnitChoice::Detect).unwrap();
        assert!(set.skipped[0].contains("https://example.org/p2"));
    }

    #[test]
    fn bodies_creators_and_targets_in_their_many_shapes() {
        let json = r#"[
          {"id": "x1", "motivation": ["oa:commenting"], "creator": "Bea",
           "body": [{"type": "TextualBody", "value": "a comment"},
                    {"purpose": "tagging", "value": "claim"},
                    {"purpose": "tagging", "value": "extra"}],
           "target": [{"source": "s1", "selector": {"type": "TextQuoteSelector", "exact": "x"}}]},
          {"id": "x2", "motivation": "tagging", "creator": {"type": "Person", "name": "Cy"},
           "created": "2024-01-01T00:00:00Z",
           "body": {"type": "TextualBody", "value": "source"},
           "target": {"source": "s2", "selector": {"type": "FragmentSelector", "value": "p1",
             "refinedBy": {"type": "TextQuoteSelector", "exact": "y"}}}},
          {"id": "x3", "motivation": "highlighting", "target": "s1"},
          {"id": "x4", "motivation": "linking", "body": "x2", "target": "x1"},
          {"id": "x5", "motivation": "linking", "body": ["x1"], "target": "nowhere"}
        ]"#;
        let dir = tempfile::tempdir().unwrap();
        let set = read(&write(&dir, json), UnitChoice::Detect).unwrap();
        assert_eq!(set.annotator.as_deref(), Some("Bea"));
        let docs: Vec<(Option<&str>, Vec<&str>)> = set
            .documents
            .iter()
            .map(|d| {
                let ids = d.annotations.iter().map(|a| a.id.as_str()).collect();
                (d.text_ref.as_deref(), ids)
            })
            .collect();
        assert_eq!(docs, [(Some("s1"), vec!["x1"]), (Some("s2"), vec!["x2"])]);
        let x1 = &set.documents[0].annotations[0];
        assert_eq!(
            (x1.label.as_str(), x1.note.as_str(), x1.quote.as_deref()),
            ("claim", "a comment", Some("x"))
        );
        let x2 = &set.documents[1].annotations[0];
        assert_eq!(
            (
                x2.label.as_str(),
                x2.creator.as_deref(),
                x2.quote.as_deref()
            ),
            ("source", Some("Cy"), Some("y"))
        );
        assert_eq!(x2.created.as_deref(), Some("2024-01-01T00:00:00Z"));
        assert_eq!(
            set.documents[0].relations,
            [ForeignRelation {
                kind: "related_to".into(),
                from: "x1".into(),
                to: "x2".into(),
                note: String::new(),
            }]
        );
        assert_eq!(set.skipped.len(), 3, "{:?}", set.skipped);
        assert!(set.skipped[0].contains("x1") && set.skipped[0].contains("extra"));
        assert!(set.skipped[1].contains("x3") && set.skipped[1].contains("TextQuoteSelector"));
        assert!(set.skipped[2].contains("x5") && set.skipped[2].contains("nowhere"));
    }

    #[test]
    fn files_that_are_not_annotations_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("{\n  \"type\": \"Annotation\",\n  oops\n}", "line 3"),
            (r#"{"text": "doccano?"}"#, "not a W3C Web Annotation"),
            ("42", "not a W3C Web Annotation"),
        ];
        for (json, message) in cases {
            let err = read(&write(&dir, json), UnitChoice::Detect)
                .unwrap_err()
                .to_string();
            assert!(err.contains(message), "{json}: {err}");
            assert!(err.contains("annotations.json"), "{err}");
        }
    }
}
