//! The analysis panel through the window: search every document, tag the hits (widened, the
//! coded ones skipped) as one undoable step, reveal a hit, a bad regular expression said in place,
//! and a count opening the passages behind it. Real key presses and clicks through egui_kittest,
//! checked on the resulting project.

mod common;

use common::{
    NOW, project_with, span_of, tag,
    window::{App, click_label, open, press, project},
};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::{
    model::{Document, Edit, Span},
    store,
};

const FIRST: &str = "Norms matter.\n\nStates agreed on norms of restraint. Some doubt the norms.";
const SECOND: &str = "A second article on norms.";

/// The app on a saved two-document project; "Some doubt the norms." is coded as a claim.
fn app(dir: &std::path::Path) -> App<'static> {
    let mut editor = project_with(FIRST, &[]);
    tag(
        &mut editor,
        "d-1",
        span_of(FIRST, "Some doubt the norms.", 0),
        "claim",
        "",
    );
    editor
        .apply(
            Edit::AddDocument(Box::new(Document::new("d-2", "Second", SECOND.to_owned()))),
            NOW,
        )
        .unwrap();
    let file = dir.join("study.ron");
    store::save(editor.project(), &file).unwrap();
    open(&file, dir)
}

fn claims(app: &App<'_>) -> Vec<(String, Span)> {
    project(app)
        .documents()
        .iter()
        .flat_map(|d| {
            d.annotations()
                .iter()
                .filter(|a| a.label == "claim")
                .map(|a| (d.id().to_owned(), a.span()))
        })
        .collect()
}

/// Opens the Search tab with Ctrl+Shift+F and types `pattern` into its field.
fn search_for(app: &mut App<'_>, pattern: &str) {
    press(app, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    app.run_steps(2);
    assert!(
        app.state().analysis().is_open(),
        "Ctrl+Shift+F opens the panel"
    );
    app.get_by_label("Find").type_text(pattern);
    app.run_steps(2);
}

#[test]
fn every_hit_is_tagged_widened_to_its_sentence_and_one_undo_takes_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    search_for(&mut app, "norms");
    click_label(&mut app, "All documents");
    app.get_by_label("4 hits in 2 documents");

    click_label(&mut app, "widened to");
    click_label(&mut app, "its sentence");
    click_label(&mut app, "Tag 4 hits as Claim");

    let sentence = |text: &str, s: &str| span_of(text, s, 0);
    assert_eq!(
        claims(&app),
        [
            ("d-1".to_owned(), sentence(FIRST, "Norms matter.")),
            (
                "d-1".to_owned(),
                sentence(FIRST, "States agreed on norms of restraint.")
            ),
            ("d-1".to_owned(), sentence(FIRST, "Some doubt the norms.")),
            (
                "d-2".to_owned(),
                sentence(SECOND, "A second article on norms.")
            ),
        ]
    );
    let notice = app
        .state()
        .notice()
        .expect("the status bar says what was done");
    assert!(notice.contains("Tagged 3 passages as Claim"), "{notice}");
    assert!(notice.contains("1 hit already coded"), "{notice}");
    assert_eq!(
        app.state().workspace().editor().undo_description(),
        Some("tag 3 passages as Claim")
    );

    click_label(&mut app, "Edit");
    app.get_by_label_contains("Undo tag 3 passages as Claim")
        .click();
    app.run_steps(2);
    assert_eq!(
        claims(&app),
        [("d-1".to_owned(), sentence(FIRST, "Some doubt the norms."))],
        "one undo takes every tagged hit back"
    );
}

#[test]
fn unchecked_hits_are_left_alone_and_a_click_on_a_hit_reveals_it_in_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    search_for(&mut app, "norms");
    click_label(&mut app, "All documents");
    click_label(&mut app, "Check none");
    click_label(&mut app, "Tag hit 2");
    app.get_by_label("Tag 1 hit as Claim").click();
    app.run_steps(2);
    let hit = span_of(FIRST, "norms", 0);
    assert_eq!(claims(&app).len(), 2);
    assert!(claims(&app).contains(&("d-1".to_owned(), hit)));

    app.get_by_label_contains("A second article on").click();
    app.run_steps(3);
    assert_eq!(app.state().current_document(), Some("d-2"));
    assert_eq!(
        app.state().text_selection(),
        Some(span_of(SECOND, "norms", 0)),
        "the hit is selected, ready for a label key"
    );
}

#[test]
fn a_bad_regular_expression_is_said_in_place_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let before = project(&app).clone();
    click_label(&mut app, "View");
    click_label(&mut app, "Analysis panel");
    click_label(&mut app, "Regular expression");
    click_label(&mut app, "Find");
    app.get_by_label("Find").type_text("norms (of");
    app.run_steps(2);
    app.get_by_label_contains("not a regular expression Marginalia can use");
    assert_eq!(
        app.query_all_by_label_contains("hits as Claim").count(),
        0,
        "nothing to tag"
    );
    assert_eq!(project(&app), &before);
    assert!(
        app.state().messages().is_empty(),
        "said in place, not in a message"
    );
}

#[test]
fn a_count_opens_the_passages_behind_it_and_a_passage_reveals_its_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    click_label(&mut app, "View");
    click_label(&mut app, "Analysis panel");
    click_label(&mut app, "Counts");
    click_label(&mut app, "Article, Claim: 1");
    eprintln!("{:?}", app.state().analysis().tab());
    for n in app.query_all_by_label_contains("passage") {
        eprintln!("{n:?}");
    }
    app.get_by_label("1 passage");
    let id = project(&app).documents()[0].annotations()[0].id.clone();
    app.get_by_label_contains("“Some doubt the norms.”").click();
    app.run_steps(3);
    assert_eq!(app.state().selected(), Some(id.as_str()));
}

#[test]
fn the_listed_passages_export_as_csv_where_the_user_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    click_label(&mut app, "View");
    click_label(&mut app, "Analysis panel");
    click_label(&mut app, "Passages");
    app.get_by_label("Export CSV…").click();
    app.run_steps(3);
    app.get_by_label("Path of the file:").type_text("");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("-passages.csv"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let csv = std::fs::read_to_string(&written[0]).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("document,title,annotation_id,label")
    );
    let row = lines.next().expect("the one coded passage");
    assert!(row.contains("Some doubt the norms."), "{row}");
    assert_eq!(lines.next(), None);
    app.get_by_label("Table written");
}
