//! Small projects for the export and import tests: annotations built from char offsets, with
//! their quotes taken from the text so every export's quote check passes.

use crate::model::{Annotation, Document, Label, Meta, Project, Span};

/// An annotation of `text` over chars `[start, end)` with its quote and fixed times.
pub fn annotation(text: &str, id: &str, label: &str, start: usize, end: usize) -> Annotation {
    let doc = Document::new("tmp", "tmp", text.to_owned());
    Annotation {
        id: id.into(),
        label: label.into(),
        start,
        end,
        quote: doc
            .quote(Span::new(start, end))
            .unwrap_or_else(|| panic!("span {start}..{end} is outside the test text"))
            .to_owned(),
        note: String::new(),
        created: "2024-05-01T10:00:00Z".into(),
        modified: "2024-05-02T11:00:00Z".into(),
        analysts: Vec::new(),
        origin: crate::model::Origin::ByHand,
    }
}

/// A document titled `title` holding `text` with annotations given as `(id, label, start, end)`.
pub fn document(
    id: &str,
    title: &str,
    text: &str,
    spans: &[(&str, &str, usize, usize)],
) -> Document {
    Document::new(id, title, text.to_owned()).with_annotations(
        spans
            .iter()
            .map(|&(a, label, start, end)| annotation(text, a, label, start, end))
            .collect(),
    )
}

/// A project "Due diligence" by "Ana" with the labels claim, source and norm.
pub fn project(documents: Vec<Document>) -> Project {
    let meta = Meta {
        title: "Due diligence".into(),
        annotator: "Ana".into(),
        created: "2024-05-01T09:00:00Z".into(),
        modified: "2024-05-03T09:00:00Z".into(),
    };
    let labels = vec![
        Label::new("claim", "Claim", "#D55E00"),
        Label::new("source", "Source", "#0072B2"),
        Label::new("norm", "Norm", "#009E73"),
    ];
    Project::from_parts(meta, labels, documents)
}

/// `project` with a relation `id` of `kind` from annotation `from` to `to` in document `doc`.
pub fn with_relation(
    project: Project,
    doc: &str,
    id: &str,
    kind: &str,
    from: &str,
    to: &str,
) -> Project {
    let mut editor = crate::model::Editor::new(project);
    editor
        .apply(
            crate::model::Edit::AddRelation {
                doc: doc.into(),
                relation: crate::model::Relation {
                    id: id.into(),
                    kind: kind.into(),
                    from: from.into(),
                    to: to.into(),
                    note: String::new(),
                },
            },
            "2024-05-04T09:00:00Z",
        )
        .unwrap_or_else(|e| panic!("test relation: {e}"));
    editor.into_project()
}
