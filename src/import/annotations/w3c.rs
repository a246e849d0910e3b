//! Reading W3C Web Annotation files (JSON-LD): an `AnnotationCollection` with embedded pages, an
//! `AnnotationPage`, an array of annotations, or a single annotation.
//!
//! Annotations are grouped by their target's `source` (W3C files do not carry the text; the
//! anchoring step finds it among the known texts). A `TextQuoteSelector` gives the quote, prefix
//! and suffix; a `TextPositionSelector` the position, whose unit is left to anchoring because the
//! best-known producers write UTF-16 positions although the standard says code points. The label is
//! the tagging body, the note the commenting bodies; `linking` annotations become relations.

use std::path::Path;

use serde_json::Value;

use super::{
    AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignRelation, ForeignSet,
    Position, UnitChoice,
};

/// Reads `path`; positions are read in `units` (detected from the quotes by default).
pub fn read(path: &Path, units: UnitChoice) -> Result<ForeignSet, AnnotationImportError> {
    let bytes = AnnotationImportError::read_limited(path)?;
    let json: Value = serde_json::from_slice(&bytes).map_err(|e| {
        AnnotationImportError::malformed(path, Some(e.line()), format!("not valid JSON: {e}"))
    })?;
    let items =
        annotations_of(&json).map_err(|m| AnnotationImportError::malformed(path, None, m))?;
    let mut set = ForeignSet {
        format: "W3C",
        path: path.to_owned(),
        ..ForeignSet::default()
    };
    let mut relations = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if let Some(relation) = read_annotation(item, n + 1, units, &mut set) {
            relations.push(relation);
        }
    }
    for relation in relations {
        match set
            .documents
            .iter_mut()
            .find(|d| d.annotations.iter().any(|a| a.id == relation.from))
        {
            Some(doc) => doc.relations.push(relation),
            None => set.skipped.push(format!(
                "a linking annotation from {} was skipped: that annotation is not in the file",
                relation.from
            )),
        }
    }
    Ok(set)
}

/// The annotations a W3C document holds, wherever it keeps them.
fn annotations_of(json: &Value) -> Result<Vec<&Value>, String> {
    if let Some(items) = json.as_array() {
        return Ok(items.iter().collect());
    }
    match types(json).as_slice() {
        t if t.contains(&"AnnotationCollection") => match &json["first"] {
            Value::Object(_) => annotations_of(&json["first"]),
            Value::Null => Ok(Vec::new()),
            _ => Err(
                "the collection's pages are not in the file (\"first\" is a link); save the \
                 pages with their items embedded"
                    .to_owned(),
            ),
        },
        t if t.contains(&"AnnotationPage") => Ok(json["items"]
            .as_array()
            .map(|items| items.iter().collect())
            .unwrap_or_default()),
        t if t.contains(&"Annotation") => Ok(vec![json]),
        _ => {
            Err("no W3C Annotation, AnnotationPage or AnnotationCollection in the file".to_owned())
        }
    }
}

/// The `type` (one or several) of a JSON-LD node.
fn types(node: &Value) -> Vec<&str> {
    match &node["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A value that may be one item or an array of them, as a list.
fn one_or_many(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// Adds one annotation to its document in `set`; a `linking` annotation is returned as a
/// relation instead.
fn read_annotation(
    item: &Value,
    n: usize,
    units: UnitChoice,
    set: &mut ForeignSet,
) -> Option<ForeignRelation> {
    let id = string(&item["id"]).unwrap_or_else(|| format!("annotation {n}"));
    let motivations: Vec<&str> = one_or_many(&item["motivation"])
        .into_iter()
        .filter_map(Value::as_str)
        .collect();
    let bodies = one_or_many(&item["body"]);
    let purpose_of = |body: &Value| -> Option<String> {
        string(&body["purpose"]).or_else(|| {
            motivations
                .iter()
                .find(|m| **m == "tagging" || **m == "commenting")
                .map(|m| (*m).to_owned())
        })
    };
    let texts = |purpose: &str| -> Vec<String> {
        bodies
            .iter()
            .filter(|b| b.is_object() && purpose_of(b).as_deref() == Some(purpose))
            .filter_map(|b| string(&b["value"]).or_else(|| string(&b["chars"])))
            .collect()
    };
    let label = texts("tagging").into_iter().next();
    let note = texts("commenting").join("\n\n");
    if motivations.contains(&"linking") {
        let target = one_or_many(&item["target"])
            .into_iter()
            .find_map(|t| string(t).or_else(|| string(&t["id"])));
        let to = bodies.iter().find_map(|b| {
            string(b).or_else(|| {
                (b.is_object() && b.get("value").is_none())
                    .then(|| string(&b["id"]))
                    .flatten()
            })
        });
        if let (Some(from), Some(to)) = (target, to) {
            return Some(ForeignRelation {
                kind: label.unwrap_or_else(|| "related_to".to_owned()),
                from,
                to,
                note,
            });
        }
        set.skipped.push(format!(
            "{id}: a linking annotation without both ends was skipped"
        ));
        return None;
    }
    let Some(target) = one_or_many(&item["target"])
        .into_iter()
        .find(|t| t.is_object())
    else {
        set.skipped.push(format!(
            "{id}: no target with a selector, so nothing to place"
        ));
        return None;
    };
    let source = string(&target["source"])
        .or_else(|| string(&target["source"]["id"]))
        .unwrap_or_default();
    let mut annotation = ForeignAnnotation {
        id,
        label: label.unwrap_or_else(|| "tag".to_owned()),
        note,
        created: string(&item["created"]),
        modified: string(&item["modified"]),
        creator: match &item["creator"] {
            Value::String(name) => Some(name.clone()),
            other => string(&other["name"]).or_else(|| string(&other["nickname"])),
        },
        ..ForeignAnnotation::default()
    };
    for selector in one_or_many(&target["selector"]) {
        match selector["type"].as_str() {
            Some("TextQuoteSelector") => {
                annotation.quote = string(&selector["exact"]);
                annotation.prefix = string(&selector["prefix"]);
                annotation.suffix = string(&selector["suffix"]);
            }
            Some("TextPositionSelector") => {
                if let (Some(start), Some(end)) =
                    (selector["start"].as_u64(), selector["end"].as_u64())
                {
                    annotation.position = usize::try_from(start)
                        .ok()
                        .zip(usize::try_from(end).ok())
                        .map(|(start, end)| Position { start, end });
                }
            }
            _ => {}
        }
    }
    if annotation.quote.is_none() && annotation.position.is_none() {
        set.skipped.push(format!(
            "{}: no TextQuoteSelector or TextPositionSelector, so nothing to place",
            annotation.id
        ));
        return None;
    }
    if set.annotator.is_none() {
        set.annotator.clone_from(&annotation.creator);
    }
    let doc = match set
        .documents
        .iter()
        .position(|d| d.text_ref.as_deref() == Some(source.as_str()))
    {
        Some(i) => &mut set.documents[i],
        None => {
            set.documents.push(ForeignDocument {
                title: String::new(),
                text_ref: Some(source),
                unit: units,
                ..ForeignDocument::default()
            });
            let last = set.documents.len() - 1;
            &mut set.documents[last]
        }
    };
    doc.annotations.push(annotation);
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        export::{self, ExportOptions, Format, Output},
        import::annotations::{KnownText, anchor},
        model::{Annotation, Document, Edit, Editor, Label, Meta, Project, Relation},
    };

    fn project(text: &str) -> Project {
        let span = |needle: &str| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let annotation = |id: &str, label: &str, needle: &str, note: &str| {
            let (start, end) = span(needle);
            Annotation {
                id: id.into(),
                label: label.into(),
                start,
                end,
                quote: needle.into(),
                note: note.into(),
                created: "2026-01-01T00:00:00Z".into(),
                modified: "2026-01-02T00:00:00Z".into(),
                analysts: Vec::new(),
            }
        };
        let mut annotations = vec![
            annotation("a1", "claim", "states must act", "hedged\nclaim"),
            annotation("a2", "source", "東京 👍🏾 office", ""),
        ];
        annotations.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let doc = Document::new("d1", "Doc", text.into()).with_annotations(annotations);
        let meta = Meta {
            title: "P".into(),
            annotator: "Ana".into(),
            ..Meta::default()
        };
        let labels = vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("source", "Source", "#0072B2"),
        ];
        let mut editor = Editor::new(Project::from_parts(meta, labels, vec![doc]));
        let relation = Relation {
            id: "r1".into(),
            kind: "attributed_to".into(),
            from: "a1".into(),
            to: "a2".into(),
            note: "said so".into(),
        };
        let add = Edit::AddRelation {
            doc: "d1".into(),
            relation,
        };
        editor.apply(add, "2026-01-03T00:00:00Z").unwrap();
        editor.into_project()
    }

    fn written(project: &Project, dir: &Path) -> std::path::PathBuf {
        let made = export::export(project, Format::W3c, &ExportOptions::default()).unwrap();
        let Output::File(bytes) = made.output else {
            panic!("one file")
        };
        let path = dir.join("w3c.jsonld");
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn an_export_reads_back_with_labels_spans_notes_and_relations() {
        let text = "🇪🇺 Here states must act, says the 東京 👍🏾 office.";
        let project = project(text);
        let dir = tempfile::tempdir().unwrap();
        let set = read(&written(&project, dir.path()), UnitChoice::Detect).unwrap();
        assert_eq!(set.annotator.as_deref(), Some("Ana"));
        let known = [KnownText {
            title: "Doc",
            text,
            source: None,
        }];
        let anchored = anchor(&[set], &known);
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        let doc = &anchored.documents[0];
        let got: Vec<(&str, usize, usize, &str)> = doc
            .annotations
            .iter()
            .map(|a| (a.label.as_str(), a.span.start, a.span.end, a.note.as_str()))
            .collect();
        let want: Vec<(&str, usize, usize, &str)> = project.documents()[0]
            .annotations()
            .iter()
            .map(|a| {
                let name = project.label(&a.label).unwrap().name.as_str();
                (name, a.start, a.end, a.note.as_str())
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(doc.relations.len(), 1);
        assert_eq!(doc.relations[0].kind, "attributed_to");
        assert_eq!(doc.relations[0].note, "said so");
        assert_eq!(
            doc.annotations[0].created.as_deref(),
            Some("2026-01-01T00:00:00Z")
        );
    }

    #[test]
    fn a_quote_with_a_prefix_and_no_position_finds_the_occurrence_the_prefix_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quote.json");
        let annotation = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "x",
            "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Norm"}],
            "target": {"source": "https://example.org/a", "selector": {
                "type": "TextQuoteSelector", "exact": "norm", "prefix": "second "
            }}
        });
        std::fs::write(&path, annotation.to_string()).unwrap();
        let text = "first norm, second norm";
        let known = [KnownText {
            title: "A",
            text,
            source: None,
        }];
        let anchored = anchor(&[read(&path, UnitChoice::Detect).unwrap()], &known);
        let span = anchored.documents[0].annotations[0].span;
        assert_eq!((span.start, span.end), (19, 23));
    }

    #[test]
    fn files_without_annotations_or_with_linked_pages_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (
                r#"{"type": "AnnotationCollection", "first": "https://x/page1"}"#,
                "embedded",
            ),
            (r#"{"type": "Something"}"#, "no W3C Annotation"),
            ("{not json", "not valid JSON"),
        ];
        for (content, expected) in cases {
            let path = dir.path().join("bad.json");
            std::fs::write(&path, content).unwrap();
            let error = read(&path, UnitChoice::Detect).unwrap_err().to_string();
            assert!(error.contains(expected), "{content}: {error}");
        }
    }
}
