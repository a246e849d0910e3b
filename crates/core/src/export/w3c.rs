//! Export as W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose first (and only)
//! `AnnotationPage` holds every annotation, tagged with its label's name, and every relation as a
//! `linking` annotation between two annotations.
//!
//! Each passage is targeted with a `TextQuoteSelector` (the quote with 32 chars of context on each
//! side) and a `TextPositionSelector` whose `start`/`end` are chars (code points), as the W3C
//! model requires: the model's own unit, so nothing is converted. The annotated text is named by
//! its SHA-256 as an RFC 6920 `ni:` IRI, which the importer recognises among known texts. Ids are
//! `urn:uuid:` GUIDs derived from the project's ids, so the same project exports the same bytes.

use serde::Serialize;

use super::{CONTEXT_CHARS, ExportError, ExportOptions, Output, Scope, guid};
use crate::model::{Annotation, Document, Relation, ni_sha256};

/// The JSON-LD context of the Web Annotation vocabulary.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Renders the scope as one pretty-printed `AnnotationCollection` with a trailing newline.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let title = scope.project.meta().title.as_str();
    let items: Vec<WebAnnotation> = scope
        .documents
        .iter()
        .flat_map(|doc| document_items(scope, doc))
        .collect();
    let collection = Collection {
        context: CONTEXT,
        id: urn(&format!("project:{title}")),
        kind: "AnnotationCollection",
        label: title,
        total: items.len(),
        generator: Generator {
            kind: "Software",
            name: "Marginalia",
        },
        first: Page {
            id: urn(&format!("page:{title}")),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut json = serde_json::to_string_pretty(&collection).map_err(|e| ExportError::Render {
        what: "W3C Web Annotation collection",
        reason: e.to_string(),
    })?;
    json.push('\n');
    Ok(Output::File(json.into_bytes()))
}

/// `urn:uuid:` and the lowercase GUID of `key`.
fn urn(key: &str) -> String {
    format!("urn:uuid:{}", guid(key).to_ascii_lowercase())
}

/// The id an annotation is exported with (and relations point to).
fn annotation_urn(id: &str) -> String {
    urn(&format!("annotation:{id}"))
}

/// A document's annotations in saved order, then its relations.
fn document_items<'a>(scope: &'a Scope, doc: &'a Document) -> Vec<WebAnnotation<'a>> {
    let source = ni_sha256(doc.text());
    let annotator = scope.project.meta().annotator.as_str();
    let tagged = doc
        .annotations()
        .iter()
        .map(|a| tagging(scope, doc, a, &source, annotator));
    let linked = doc.relations().iter().map(|r| linking(r, annotator));
    tagged.chain(linked).collect()
}

/// Who made an annotation: the analysts it was merged from, else the project's annotator.
fn creator(analysts: &[String], annotator: &str) -> Option<Creator> {
    let name = if analysts.is_empty() {
        annotator.trim().to_owned()
    } else {
        analysts.join(", ")
    };
    (!name.is_empty()).then_some(Creator {
        kind: "Person",
        name,
    })
}

/// A `tagging` annotation: the label's name, the note, and the passage's selectors.
fn tagging<'a>(
    scope: &'a Scope,
    doc: &'a Document,
    a: &'a Annotation,
    source: &str,
    annotator: &str,
) -> WebAnnotation<'a> {
    let mut body = vec![Body::Text(TextualBody::tag(scope.label_name(&a.label)))];
    body.extend(TextualBody::comment(&a.note).map(Body::Text));
    let prefix = doc.text_before(a.start, CONTEXT_CHARS);
    let suffix = doc.text_after(a.end, CONTEXT_CHARS);
    WebAnnotation {
        id: annotation_urn(&a.id),
        kind: "Annotation",
        motivation: "tagging",
        created: non_empty(&a.created),
        modified: non_empty(&a.modified),
        creator: creator(&a.analysts, annotator),
        body,
        target: Target::Text(TextTarget {
            source: source.to_owned(),
            selector: (
                Selector::TextQuoteSelector {
                    exact: &a.quote,
                    prefix: non_empty(prefix),
                    suffix: non_empty(suffix),
                },
                Selector::TextPositionSelector {
                    start: a.start,
                    end: a.end,
                },
            ),
        }),
    }
}

/// A `linking` annotation: from the relation's `from` annotation (target) to its `to` annotation
/// (the IRI body), tagged with the kind.
fn linking<'a>(r: &'a Relation, annotator: &str) -> WebAnnotation<'a> {
    let mut body = vec![
        Body::Iri(annotation_urn(&r.to)),
        Body::Text(TextualBody::tag(&r.kind)),
    ];
    body.extend(TextualBody::comment(&r.note).map(Body::Text));
    WebAnnotation {
        id: urn(&format!("relation:{}", r.id)),
        kind: "Annotation",
        motivation: "linking",
        created: None,
        modified: None,
        creator: creator(&[], annotator),
        body,
        target: Target::Iri(annotation_urn(&r.from)),
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    generator: Generator,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Generator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation<'a>>,
}

#[derive(Serialize)]
struct WebAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Creator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Iri(String),
    Text(TextualBody<'a>),
}

#[derive(Serialize)]
struct TextualBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

impl<'a> TextualBody<'a> {
    /// The `tagging` body naming a label or relation kind.
    fn tag(value: &'a str) -> Self {
        Self {
            kind: "TextualBody",
            purpose: "tagging",
            value,
            format: None,
        }
    }

    /// The `commenting` body holding a note, if there is one.
    fn comment(note: &'a str) -> Option<Self> {
        (!note.trim().is_empty()).then_some(Self {
            kind: "TextualBody",
            purpose: "commenting",
            value: note,
            format: Some("text/plain"),
        })
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target<'a> {
    Iri(String),
    Text(TextTarget<'a>),
}

#[derive(Serialize)]
struct TextTarget<'a> {
    source: String,
    selector: (Selector<'a>, Selector<'a>),
}

/// Selectors; offsets are chars (code points).
#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        prefix: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        suffix: Option<&'a str>,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        export::{Format, export as run_export},
        model::{Edit, Editor, Label, Meta, Project, Span},
    };

    fn annotation(doc: &Document, id: &str, label: &str, start: usize, end: usize) -> Annotation {
        Annotation {
            quote: doc.quote(Span::new(start, end)).unwrap().to_owned(),
            ..Annotation::bare(id, label, start, end)
        }
    }

    fn small() -> Project {
        let text = "Ana: 👍🏾 cafe\u{301}\n東京.";
        let doc = Document::new("d1", "Doc", text.into());
        let source = Annotation {
            analysts: vec!["ana".into(), "ben".into()],
            ..annotation(&doc, "a1", "source", 0, 3)
        };
        let claim = Annotation {
            note: "why \"so\"".into(),
            created: "2024-01-01T00:00:00Z".into(),
            modified: "2024-01-02T00:00:00Z".into(),
            ..annotation(&doc, "a2", "claim", 5, 16)
        };
        let doc = doc.with_annotations(vec![claim, source]);
        let meta = Meta {
            title: "Small".into(),
            annotator: "ana".into(),
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
            from: "a2".into(),
            to: "a1".into(),
            note: String::new(),
        };
        let edit = Edit::AddRelation {
            doc: "d1".into(),
            relation,
        };
        editor.apply(edit, "2024-01-03T00:00:00Z").unwrap();
        editor.into_project()
    }

    fn rendered(project: &Project) -> String {
        let out = run_export(project, Format::W3c, &ExportOptions::default()).unwrap();
        let Output::File(bytes) = out.output else {
            panic!("W3C writes one file")
        };
        String::from_utf8(bytes).unwrap()
    }

    const EXPECTED: &str = r#"{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "id": "urn:uuid:{project}",
  "type": "AnnotationCollection",
  "label": "Small",
  "total": 3,
  "generator": {
    "type": "Software",
    "name": "Marginalia"
  },
  "first": {
    "id": "urn:uuid:{page}",
    "type": "AnnotationPage",
    "startIndex": 0,
    "items": [
      {
        "id": "urn:uuid:{a1}",
        "type": "Annotation",
        "motivation": "tagging",
        "creator": {
          "type": "Person",
          "name": "ana, ben"
        },
        "body": [
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "Source"
          }
        ],
        "target": {
          "source": "{ni}",
          "selector": [
            {
              "type": "TextQuoteSelector",
              "exact": "Ana",
              "suffix": ": 👍🏾 cafe{acute}\n東京."
            },
            {
              "type": "TextPositionSelector",
              "start": 0,
              "end": 3
            }
          ]
        }
      },
      {
        "id": "urn:uuid:{a2}",
        "type": "Annotation",
        "motivation": "tagging",
        "created": "2024-01-01T00:00:00Z",
        "modified": "2024-01-02T00:00:00Z",
        "creator": {
          "type": "Person",
          "name": "ana"
        },
        "body": [
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "Claim"
          },
          {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": "why \"so\"",
            "format": "text/plain"
          }
        ],
        "target": {
          "source": "{ni}",
          "selector": [
            {
              "type": "TextQuoteSelector",
              "exact": "👍🏾 cafe{acute}\n東京",
              "prefix": "Ana: ",
              "suffix": "."
            },
            {
              "type": "TextPositionSelector",
              "start": 5,
              "end": 16
            }
          ]
        }
      },
      {
        "id": "urn:uuid:{r1}",
        "type": "Annotation",
        "motivation": "linking",
        "creator": {
          "type": "Person",
          "name": "ana"
        },
        "body": [
          "urn:uuid:{a1}",
          {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": "attributed_to"
          }
        ],
        "target": "urn:uuid:{a2}"
      }
    ]
  }
}
"#;

    #[test]
    fn writes_a_collection_of_tagging_and_linking_annotations() {
        let project = small();
        let id = |key: &str| guid(key).to_ascii_lowercase();
        let expected = EXPECTED
            .replace("{project}", &id("project:Small"))
            .replace("{page}", &id("page:Small"))
            .replace("{a1}", &id("annotation:a1"))
            .replace("{a2}", &id("annotation:a2"))
            .replace("{r1}", &id("relation:r1"))
            .replace("{ni}", &ni_sha256(project.documents()[0].text()))
            .replace("{acute}", "\u{301}");
        assert_eq!(rendered(&project), expected);
        assert_eq!(
            rendered(&small()),
            expected,
            "the same project, the same bytes"
        );
    }

    #[test]
    fn positions_are_chars_that_slice_the_quote() {
        let project = small();
        let json: serde_json::Value = serde_json::from_str(&rendered(&project)).unwrap();
        let chars: Vec<char> = project.documents()[0].text().chars().collect();
        let items = json["first"]["items"].as_array().unwrap();
        let mut checked = 0;
        for item in items.iter().filter(|i| i["motivation"] == "tagging") {
            let selectors = item["target"]["selector"].as_array().unwrap();
            let exact = selectors[0]["exact"].as_str().unwrap();
            let start = usize::try_from(selectors[1]["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(selectors[1]["end"].as_u64().unwrap()).unwrap();
            assert_eq!(chars[start..end].iter().collect::<String>(), exact);
            checked += 1;
        }
        assert_eq!(checked, 2);
    }

    #[test]
    fn creators_are_the_analysts_or_the_annotator_and_left_out_when_unknown() {
        let name = |c: Option<Creator>| c.map(|c| c.name);
        assert_eq!(name(creator(&[], "ana")), Some("ana".to_owned()));
        assert_eq!(
            name(creator(&["b".into(), "c".into()], "ana")),
            Some("b, c".to_owned())
        );
        assert_eq!(name(creator(&[], " ")), None);
    }
}
