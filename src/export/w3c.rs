//! W3C Web Annotation export: one JSON-LD `AnnotationCollection` with its first page holding
//! every annotation.
//!
//! Each annotation has a tagging body (the label's name), a commenting body for its note, and a
//! target on the document's text (named by its SHA-256 as an RFC 6920 `ni:` IRI) with a
//! `TextQuoteSelector` (the quote with 32 chars of prefix and suffix) and a
//! `TextPositionSelector` in code points (chars), as the standard requires. Relations are
//! `linking` annotations whose target is the `from` annotation and whose body is the `to`
//! annotation. Ids are stable `urn:uuid:` IRIs, so the same project gives the same file.

use serde_json::{Value, json};

use super::{CONTEXT_CHARS, ExportError, ExportOptions, Output, Scope, after, before, guid};
use crate::{
    import::annotations::anchor::ni_sha256,
    model::{Annotation, Document},
};

/// The `urn:uuid:` IRI of an annotation or relation id.
#[must_use]
pub fn iri(kind: &str, id: &str) -> String {
    format!("urn:uuid:{}", guid(&format!("{kind}:{id}")).to_lowercase())
}

/// Renders the scope as an `AnnotationCollection`.
pub fn export(scope: &Scope, _options: &ExportOptions) -> Result<Output, ExportError> {
    let meta = scope.project.meta();
    let mut items = Vec::new();
    for doc in &scope.documents {
        for a in doc.annotations() {
            items.push(tagging(scope, doc, a));
        }
        for r in doc.relations() {
            let mut body = vec![
                Value::String(iri("annotation", &r.to)),
                textual("tagging", &r.kind),
            ];
            if !r.note.is_empty() {
                body.push(textual("commenting", &r.note));
            }
            items.push(json!({
                "id": iri("relation", &r.id),
                "type": "Annotation",
                "motivation": "linking",
                "body": body,
                "target": iri("annotation", &r.from),
            }));
        }
    }
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": iri("project", &meta.title),
        "type": "AnnotationCollection",
        "label": meta.title,
        "generator": {"type": "Software", "name": "Marginalia"},
        "total": items.len(),
        "first": {
            "id": format!("{}#page1", iri("project", &meta.title)),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut bytes = serde_json::to_vec_pretty(&collection).map_err(|e| ExportError::Render {
        what: "W3C annotations",
        reason: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(Output::File(bytes))
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

fn tagging(scope: &Scope, doc: &Document, a: &Annotation) -> Value {
    let mut body = vec![textual("tagging", scope.label_name(&a.label))];
    if !a.note.is_empty() {
        body.push(textual("commenting", &a.note));
    }
    let creator = if a.analysts.is_empty() {
        scope.project.meta().annotator.clone()
    } else {
        a.analysts.join("; ")
    };
    let mut item = json!({
        "id": iri("annotation", &a.id),
        "type": "Annotation",
        "motivation": "tagging",
        "body": body,
        "target": {
            "source": ni_sha256(doc.text()),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote,
                    "prefix": before(doc, a.start, CONTEXT_CHARS),
                    "suffix": after(doc, a.end, CONTEXT_CHARS),
                },
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    });
    if let Some(map) = item.as_object_mut() {
        if !creator.is_empty() {
            map.insert("creator".into(), json!({"type": "Person", "name": creator}));
        }
        for (key, value) in [("created", &a.created), ("modified", &a.modified)] {
            if !value.is_empty() {
                map.insert(key.into(), Value::String(value.clone()));
            }
        }
    }
    item
}
