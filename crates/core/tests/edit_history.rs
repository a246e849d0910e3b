//! The edit API with undo: property tests over random edit sequences, and the behaviours the
//! window relies on (note coalescing, dirty marker, label removal choices).

use marginalia_core::model::{
    Annotation, Document, Edit, EditError, Editor, Label, LabelRemoval, Project, Relation, Span,
    edit::new_annotation, snap, validate,
};
use marginalia_testkit::{NOW, project_with, span_of, tag};
use proptest::prelude::*;

const TEXT: &str = "States “should not” knowingly allow harm — Dr. Ana Petrović said… \
                    Flags 🇪🇺 and 👩🏽‍🔬 and e\u{301}té stay whole.\nA second paragraph here.";

/// One random request; numbers pick among what exists at the time.
#[derive(Debug, Clone)]
enum Intent {
    Tag(usize, usize, usize),
    Delete(usize),
    Relabel(usize, usize),
    Move(usize, usize, usize),
    Note(usize, String),
    Relate(usize, usize),
    Unrelate(usize),
    AddLabel(String),
    RecolorLabel(usize, usize),
    RemoveLabel(usize, bool, usize),
    AddDocument(String),
    RemoveDocument(usize),
    Retitle(usize, String),
}

fn intent() -> impl Strategy<Value = Intent> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(a, b, c)| Intent::Tag(a, b, c)),
        1 => any::<usize>().prop_map(Intent::Delete),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Intent::Relabel(a, b)),
        1 => (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(a, b, c)| Intent::Move(a, b, c)),
        2 => (any::<usize>(), "[a-z é👍]{0,6}").prop_map(|(a, s)| Intent::Note(a, s)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Intent::Relate(a, b)),
        1 => any::<usize>().prop_map(Intent::Unrelate),
        1 => "[A-Za-z]{1,8}".prop_map(Intent::AddLabel),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Intent::RecolorLabel(a, b)),
        1 => (any::<usize>(), any::<bool>(), any::<usize>()).prop_map(|(a, b, c)| Intent::RemoveLabel(a, b, c)),
        1 => "[a-z🇪🇺 \n]{1,30}".prop_map(Intent::AddDocument),
        1 => any::<usize>().prop_map(Intent::RemoveDocument),
        1 => (any::<usize>(), "[A-Z][a-z]{0,8}").prop_map(|(a, s)| Intent::Retitle(a, s)),
    ]
}

fn pick<T>(items: &[T], n: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n % items.len()])
}

/// Every (document id, annotation) pair.
fn all_annotations(project: &Project) -> Vec<(String, Annotation)> {
    project
        .documents()
        .iter()
        .flat_map(|d| {
            d.annotations()
                .iter()
                .map(|a| (d.id().to_owned(), a.clone()))
        })
        .collect()
}

/// Turns an intent into an edit valid or not; invalid ones must be refused cleanly.
fn to_edit(project: &Project, intent: Intent, n: usize) -> Option<Edit> {
    let annotations = all_annotations(project);
    let labels = project.labels();
    let docs = project.documents();
    Some(match intent {
        Intent::Tag(d, a, b) => {
            let doc = pick(docs, d)?;
            let len = doc.char_len().max(1);
            let span = snap::to_graphemes(
                doc.text(),
                doc.offsets(),
                Span::between(a % len, b % len + 1),
            );
            let label = &pick(labels, a ^ b)?.id;
            let annotation = new_annotation(project, doc.id(), span, label, NOW).ok()?;
            Edit::AddAnnotation {
                doc: doc.id().to_owned(),
                annotation,
            }
        }
        Intent::Delete(i) => {
            let (doc, a) = pick(&annotations, i)?;
            Edit::DeleteAnnotation {
                doc: doc.clone(),
                id: a.id.clone(),
            }
        }
        Intent::Relabel(i, l) => {
            let (doc, a) = pick(&annotations, i)?;
            Edit::Relabel {
                doc: doc.clone(),
                id: a.id.clone(),
                label: pick(labels, l)?.id.clone(),
            }
        }
        Intent::Move(i, s, e) => {
            let (doc, a) = pick(&annotations, i)?;
            let len = project.document(doc)?.char_len() + 2;
            Edit::SetSpan {
                doc: doc.clone(),
                id: a.id.clone(),
                span: Span::new(s % len, e % len),
            }
        }
        Intent::Note(i, note) => {
            let (doc, a) = pick(&annotations, i)?;
            Edit::SetNote {
                doc: doc.clone(),
                id: a.id.clone(),
                note,
            }
        }
        Intent::Relate(i, j) => {
            let (doc, a) = pick(&annotations, i)?;
            let (_, b) = pick(&annotations, j)?;
            Edit::AddRelation {
                doc: doc.clone(),
                relation: Relation {
                    id: format!("r-{n}"),
                    kind: "attributed_to".into(),
                    from: a.id.clone(),
                    to: b.id.clone(),
                    note: String::new(),
                },
            }
        }
        Intent::Unrelate(i) => {
            let relations: Vec<_> = docs
                .iter()
                .flat_map(|d| {
                    d.relations()
                        .iter()
                        .map(|r| (d.id().to_owned(), r.id.clone()))
                })
                .collect();
            let (doc, id) = pick(&relations, i)?.clone();
            Edit::DeleteRelation { doc, id }
        }
        Intent::AddLabel(name) => Edit::AddLabel(Label::new(&format!("l-{n}"), &name, "#CC79A7")),
        Intent::RecolorLabel(l, c) => {
            let mut label = pick(labels, l)?.clone();
            label.color = ["#123456", "#abcdef", "bad"][c % 3].to_owned();
            label.key = Some(['1', '2', '7'][c % 3]);
            Edit::UpdateLabel(label)
        }
        Intent::RemoveLabel(l, delete, target) => {
            let id = pick(labels, l)?.id.clone();
            let annotations = if delete {
                LabelRemoval::DeleteAnnotations
            } else {
                LabelRemoval::ReassignTo(pick(labels, target)?.id.clone())
            };
            Edit::RemoveLabel { id, annotations }
        }
        Intent::AddDocument(text) => {
            Edit::AddDocument(Box::new(Document::new(&format!("d-{n}"), "New", text)))
        }
        Intent::RemoveDocument(d) => Edit::RemoveDocument {
            id: pick(docs, d)?.id().to_owned(),
        },
        Intent::Retitle(d, title) => Edit::RetitleDocument {
            id: pick(docs, d)?.id().to_owned(),
            title,
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_restores_and_redo_all_reproduces(intents in prop::collection::vec(intent(), 1..40)) {
        let setup = project_with(TEXT, &[("should not", "norm", ""), ("Ana Petrović", "source", "n")]);
        let mut editor = Editor::new(setup.into_project());
        let original = editor.project().clone();
        let mut steps = 0;
        for (n, intent) in intents.into_iter().enumerate() {
            let Some(edit) = to_edit(editor.project(), intent, n) else { continue };
            let before = editor.project().clone();
            let now = format!("2026-11-26T10:{:02}:00Z", n % 60);
            match editor.apply(edit, &now) {
                Ok(()) => {
                    if editor.project() != &before {
                        steps += 1;
                    }
                }
                Err(_) => prop_assert_eq!(editor.project(), &before, "a refused edit changed the project"),
            }
            let problems = validate::check_project(editor.project());
            prop_assert!(problems.is_empty(), "invariants broken: {problems:?}");
        }
        let last = editor.project().clone();
        let mut undone = 0;
        while editor.undo() {
            undone += 1;
            prop_assert!(validate::check_project(editor.project()).is_empty());
        }
        prop_assert!(undone <= steps, "more undo steps than edits");
        prop_assert_eq!(editor.project(), &original);
        while editor.redo() {
            prop_assert!(validate::check_project(editor.project()).is_empty());
        }
        prop_assert_eq!(editor.project(), &last);
    }
}

#[test]
fn note_typing_coalesces_into_one_undo_step() {
    let mut editor = project_with(TEXT, &[("should not", "norm", "")]);
    let id = editor.project().documents()[0].annotations()[0].id.clone();
    for note in ["S", "St", "Sta", "Stat"] {
        let edit = Edit::SetNote {
            doc: "d-1".into(),
            id: id.clone(),
            note: note.into(),
        };
        editor.apply(edit, NOW).unwrap();
    }
    assert_eq!(editor.undo_description(), Some("edit note"));
    editor.undo();
    let note = &editor.project().documents()[0].annotations()[0].note;
    assert_eq!(note, "", "one undo removes the whole typed note");
    assert_eq!(editor.undo_description(), Some("add annotation"));

    // Ending coalescing (the note editor lost focus) starts a new step.
    editor.redo();
    editor.end_coalescing();
    let edit = Edit::SetNote {
        doc: "d-1".into(),
        id: id.clone(),
        note: "Stated".into(),
    };
    editor.apply(edit, NOW).unwrap();
    editor.undo();
    assert_eq!(
        editor.project().documents()[0].annotations()[0].note,
        "Stat"
    );
}

#[test]
fn dirty_marker_follows_saves_undo_and_coalesced_typing() {
    let mut editor = project_with(TEXT, &[]);
    assert!(editor.is_dirty(), "a project never saved is dirty");
    editor.mark_saved();
    assert!(!editor.is_dirty());
    let id = tag(&mut editor, "d-1", span_of(TEXT, "harm", 0), "claim", "");
    assert!(editor.is_dirty());
    editor.undo();
    assert!(!editor.is_dirty(), "undo back to the saved state is clean");
    editor.redo();
    editor.mark_saved();
    let note = |n: &str| Edit::SetNote {
        doc: "d-1".into(),
        id: id.clone(),
        note: n.into(),
    };
    editor.apply(note("a"), NOW).unwrap();
    editor.mark_saved();
    editor.apply(note("ab"), NOW).unwrap();
    assert!(
        editor.is_dirty(),
        "typing after a save is unsaved even when it coalesces"
    );
}

#[test]
fn removing_a_label_reassigns_or_deletes_as_asked() {
    let tags = [
        ("should not", "norm", ""),
        ("harm", "claim", ""),
        ("Ana Petrović", "source", ""),
    ];
    let mut editor = project_with(TEXT, &tags);
    let reassign = Edit::RemoveLabel {
        id: "norm".into(),
        annotations: LabelRemoval::ReassignTo("claim".into()),
    };
    editor.apply(reassign, NOW).unwrap();
    let project = editor.project();
    assert!(project.label("norm").is_none());
    assert_eq!(project.label_count("claim"), 2);
    editor.undo();
    let delete = Edit::RemoveLabel {
        id: "norm".into(),
        annotations: LabelRemoval::DeleteAnnotations,
    };
    editor.apply(delete, NOW).unwrap();
    assert_eq!(editor.project().documents()[0].annotations().len(), 2);
    assert_eq!(editor.project().label_count("claim"), 1);
    let to_self = Edit::RemoveLabel {
        id: "claim".into(),
        annotations: LabelRemoval::ReassignTo("claim".into()),
    };
    assert_eq!(editor.apply(to_self, NOW), Err(EditError::ReassignToSelf));
}

#[test]
fn edits_that_break_an_invariant_are_refused_with_the_reason() {
    let mut editor = project_with(TEXT, &[("harm", "claim", "")]);
    let id = editor.project().documents()[0].annotations()[0].id.clone();
    let flag = span_of(TEXT, "🇪🇺", 0);
    let cases: Vec<(Edit, &str)> = vec![
        (
            Edit::SetSpan {
                doc: "d-1".into(),
                id: id.clone(),
                span: Span::new(5, 5),
            },
            "is empty",
        ),
        (
            Edit::SetSpan {
                doc: "d-1".into(),
                id: id.clone(),
                span: Span::new(5, 9999),
            },
            "runs past the end",
        ),
        (
            Edit::SetSpan {
                doc: "d-1".into(),
                id: id.clone(),
                span: Span::new(flag.start + 1, flag.end),
            },
            "inside a grapheme",
        ),
        (
            Edit::Relabel {
                doc: "d-1".into(),
                id: id.clone(),
                label: "nope".into(),
            },
            "no label",
        ),
        (
            Edit::AddLabel(Label::new("claim", "Again", "#000000")),
            "already in use",
        ),
        (Edit::AddLabel(Label::new("new", "New", "red")), "#RRGGBB"),
        (
            Edit::AddLabel(Label {
                key: Some('1'),
                ..Label::new("new", "New", "#000000")
            }),
            "key “1”",
        ),
        (
            Edit::AddLabel(Label::new("", "Unnamed id", "#000000")),
            "empty id",
        ),
        (
            Edit::DeleteAnnotation {
                doc: "d-1".into(),
                id: "missing".into(),
            },
            "no annotation",
        ),
    ];
    for (edit, expected) in cases {
        let before = editor.project().clone();
        let error = editor
            .apply(edit.clone(), NOW)
            .expect_err("refused")
            .to_string();
        assert!(error.contains(expected), "{edit:?}: {error}");
        assert_eq!(editor.project(), &before);
    }
}

#[test]
fn deleting_an_annotation_takes_its_relations_and_undo_brings_both_back() {
    let mut editor = project_with(
        TEXT,
        &[("harm", "claim", ""), ("Ana Petrović", "source", "")],
    );
    marginalia_testkit::relate(&mut editor, 0, 1, "");
    let ids: Vec<String> = editor.project().documents()[0]
        .annotations()
        .iter()
        .map(|a| a.id.clone())
        .collect();
    editor
        .apply(
            Edit::DeleteAnnotation {
                doc: "d-1".into(),
                id: ids[1].clone(),
            },
            NOW,
        )
        .unwrap();
    assert!(editor.project().documents()[0].relations().is_empty());
    editor.undo();
    assert_eq!(editor.project().documents()[0].relations().len(), 1);
    assert_eq!(editor.project().documents()[0].annotations().len(), 2);
}
