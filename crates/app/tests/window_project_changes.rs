//! Nothing changes without a word, and what the window shows follows the project: a delete
//! that takes relations with it says so (where it happens and in the undo step's name), and the
//! annotation list follows every way the project is replaced (restore, open) and undone.

mod common;

use std::time::Duration;

use common::{
    NOW, project_with, span_of,
    window::{at_char, click_at, click_label, drag_words, open, open_sized, press, project},
};
use eframe::egui::{Key, Modifiers, vec2};
use egui_kittest::kittest::Queryable;
use marginalia::{
    model::{Edit, Relation},
    store,
    ui::dialogs::modals::Modal,
};

const TEXT: &str = "Due diligence in cyberspace\n\nStates must exercise due diligence over \
                    their territory. Attribution remains hard, and norms guide conduct.\n\n\
                    A second paragraph closes the article.";

#[test]
fn deleting_a_linked_claim_says_it_also_removes_its_relation_and_undo_restores_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = project_with(
        TEXT,
        &[("must exercise", "claim", ""), ("States", "source", "")],
    );
    let ids: Vec<String> = editor.project().documents()[0]
        .annotations()
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let (source, claim) = (ids[0].clone(), ids[1].clone());
    editor
        .apply(
            Edit::AddRelation {
                doc: "d-1".to_owned(),
                relation: Relation {
                    id: "r-1".to_owned(),
                    kind: "attributed_to".to_owned(),
                    from: claim.clone(),
                    to: source,
                    note: String::new(),
                },
            },
            NOW,
        )
        .unwrap();
    let file = dir.path().join("linked.ron");
    store::save(editor.project(), &file).unwrap();
    let mut app = open(&file, dir.path());

    let point = at_char(&app, span_of(TEXT, "exercise", 0).start + 2);
    click_at(&mut app, point);
    assert_eq!(app.state().selected(), Some(claim.as_str()));
    app.get_by_label("Delete (also removes 1 relation)");

    press(&mut app, Modifiers::NONE, Key::Delete);
    let doc = &project(&app).documents()[0];
    assert!(doc.annotation(&claim).is_none());
    assert!(doc.relations().is_empty());
    let notice = app.state().notice().expect("the status bar says what went");
    assert!(notice.contains("1 relation"), "{notice}");
    assert_eq!(
        app.state().workspace().editor().undo_description(),
        Some("delete annotation (also removes 1 relation)")
    );
    click_label(&mut app, "Edit");
    app.get_by_label_contains("Undo delete annotation (also removes 1 relation)");
    press(&mut app, Modifiers::NONE, Key::Escape);

    press(&mut app, Modifiers::COMMAND, Key::Z);
    let doc = &project(&app).documents()[0];
    assert!(doc.annotation(&claim).is_some());
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(doc.relations()[0].from, claim);
}

#[test]
fn the_annotation_list_shows_every_row_after_a_recovery_copy_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "Due",
        "diligence",
        "cyberspace",
        "States",
        "exercise",
        "territory",
        "Attribution",
        "remains",
        "norms",
        "guide",
    ];
    let tags: Vec<(&str, &str, &str)> = words.iter().map(|w| (*w, "claim", "")).collect();
    let file = dir.path().join("ten.ron");
    store::save(project_with(TEXT, &tags).project(), &file).unwrap();
    let size = vec2(1400.0, 900.0);
    {
        let mut app = open_sized(&file, dir.path(), size, Duration::ZERO);
        app.get_by_label("10 of 10");
        drag_words(&mut app, TEXT, "second", "paragraph");
        press(&mut app, Modifiers::NONE, Key::Num2);
        app.get_by_label("11 of 11");
        // Dropped without saving: a crash, as far as the files know.
    }
    let mut app = open_sized(&file, dir.path(), size, Duration::ZERO);
    app.get_by_label("10 of 10");
    assert!(matches!(app.state().modal(), Some(Modal::Recovery { .. })));
    app.get_by_label("Restore").click();
    app.run_steps(2);
    assert_eq!(project(&app).documents()[0].annotations().len(), 11);
    app.get_by_label("11 of 11");
    assert!(app.query_by_label("second paragraph").is_some());
}

#[test]
fn the_annotation_list_follows_another_project_opened_over_the_same_document_id() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    store::save(
        project_with(TEXT, &[("States", "claim", "")]).project(),
        &first,
    )
    .unwrap();
    let second = dir.path().join("second.ron");
    store::save(
        project_with(TEXT, &[("norms", "norm", ""), ("conduct", "norm", "")]).project(),
        &second,
    )
    .unwrap();
    let mut app = open(&first, dir.path());
    app.get_by_label("1 of 1");

    press(&mut app, Modifiers::COMMAND, Key::O);
    // The typed path starts in the project's folder.
    app.get_by_label("Path of the file:")
        .type_text("second.ron");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    assert_eq!(project(&app).documents()[0].annotations().len(), 2);
    app.get_by_label("2 of 2");
    assert!(app.query_by_label("conduct").is_some());
}
