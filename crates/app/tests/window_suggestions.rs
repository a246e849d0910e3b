//! Suggestions through the window: a run from the Suggest menu, stepping with F8, accepting a
//! claim (its source and their relation come with it) with Enter, rejecting with Delete, a
//! boundary moved before accepting, Ctrl+Z taking each decision back, a rejected proposal not
//! coming back on the next run, accepting every shown proposal of some labels, the reason on
//! hover, and a run cancelled. Real key presses and clicks through egui_kittest, checked on the
//! resulting project.

mod common;

use std::time::{Duration, Instant};

use common::{
    span_of,
    window::{App, at_char, click_label, open, press, project},
};
use eframe::egui::{Event, Key, Modifiers, accesskit::Role};
use egui_kittest::kittest::Queryable;
use marginalia::{
    model::{ATTRIBUTED_TO, Document, Meta, Origin, Project, Span, label::default_labels},
    store,
    ui::suggestions::Status,
};

const TEXT: &str = "Officials told reporters that the talks had stalled.\n\n\
                    States should refrain from attacks on hospitals.";

fn app(dir: &std::path::Path) -> App<'static> {
    let editor = common::project_with(TEXT, &[]);
    let file = dir.join("study.ron");
    store::save(editor.project(), &file).unwrap();
    open(&file, dir)
}

/// Runs Suggest > Suggest in this document (or the Suggestions tab's button, once it shows)
/// and waits for the run to end.
fn suggest_here(app: &mut App<'_>) {
    if !app.state().analysis().is_open() {
        click_label(app, "Suggest");
    }
    click_label(app, "Suggest in this document");
    finish(app);
}

fn finish(app: &mut App<'_>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.state().suggestions().running().is_some() {
        assert!(Instant::now() < deadline, "the run ends");
        std::thread::sleep(Duration::from_millis(10));
        app.run_steps(1);
    }
    app.run_steps(2);
}

/// The passage and label of the proposal looked at.
fn current(app: &App<'_>) -> Option<(String, String)> {
    let suggestions = app.state().suggestions();
    let p = suggestions.list()?.proposal(suggestions.current()?)?;
    let quote = project(app).documents()[0].quote(p.span)?.to_owned();
    Some((quote, p.label.clone()))
}

fn look_at(app: &mut App<'_>, quote: &str) {
    for _ in 0..8 {
        if current(app).is_some_and(|(q, _)| q == quote) {
            return;
        }
        press(app, Modifiers::NONE, Key::F8);
    }
    panic!(
        "F8 reaches the proposal of {quote:?}; at {:?}",
        current(app)
    );
}

/// (quote, label, suggested rule) of every annotation.
fn coded(app: &App<'_>) -> Vec<(String, String, bool)> {
    project(app).documents()[0]
        .annotations()
        .iter()
        .map(|a| {
            let suggested = matches!(a.origin, Origin::Suggested { .. });
            (a.quote.clone(), a.label.clone(), suggested)
        })
        .collect()
}

#[test]
fn enter_accepts_a_claim_with_its_source_delete_rejects_and_ctrl_z_takes_each_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    suggest_here(&mut app);
    assert!(
        app.state().analysis().is_open(),
        "the Suggestions tab shows"
    );
    let notice = app.state().notice().unwrap_or_default().to_owned();
    assert!(notice.contains("in this document"), "{notice}");
    assert!(coded(&app).is_empty(), "nothing is coded before a decision");

    look_at(&mut app, "that the talks had stalled");
    press(&mut app, Modifiers::NONE, Key::Enter);
    let mut got = coded(&app);
    got.sort();
    assert_eq!(
        got,
        [
            ("Officials".to_owned(), "source".to_owned(), true),
            (
                "that the talks had stalled".to_owned(),
                "claim".to_owned(),
                true
            ),
        ]
    );
    let doc = &project(&app).documents()[0];
    let relation = &doc.relations()[0];
    assert_eq!(relation.kind, ATTRIBUTED_TO);
    assert_eq!(doc.annotation(&relation.from).unwrap().label, "claim");
    assert_eq!(doc.annotation(&relation.to).unwrap().quote, "Officials");
    assert_eq!(
        current(&app).map(|(_, label)| label),
        Some("norm".to_owned()),
        "the next proposal is looked at"
    );

    press(&mut app, Modifiers::NONE, Key::Delete);
    assert_eq!(project(&app).documents()[0].rejected().len(), 1);
    assert_eq!(coded(&app).len(), 2, "a rejection codes nothing");
    assert!(app.state().suggestions().list().unwrap().shown().is_empty());

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert!(project(&app).documents()[0].rejected().is_empty());
    assert_eq!(app.state().suggestions().list().unwrap().shown().len(), 1);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert!(
        coded(&app).is_empty(),
        "one undo takes the claim, its source and the link"
    );
    assert!(project(&app).documents()[0].relations().is_empty());
    assert_eq!(app.state().suggestions().list().unwrap().shown().len(), 3);
}

#[test]
fn a_rejected_proposal_does_not_come_back_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    suggest_here(&mut app);
    look_at(&mut app, "Officials");
    press(&mut app, Modifiers::NONE, Key::Delete);
    suggest_here(&mut app);
    let suggestions = app.state().suggestions();
    let list = suggestions.list().unwrap();
    let officials = span_of(TEXT, "Officials", 0);
    assert!(
        list.shown()
            .iter()
            .all(|&i| list.proposal(i).unwrap().span != officials),
        "the rejected source is not proposed again"
    );
    assert_eq!(list.shown().len(), 2, "the claim and the norm are");
}

#[test]
fn a_boundary_moved_before_accepting_is_the_one_coded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    suggest_here(&mut app);
    look_at(&mut app, "that the talks had stalled");
    press(&mut app, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    press(&mut app, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(
        current(&app),
        Some(("the talks had".to_owned(), "claim".to_owned()))
    );
    press(&mut app, Modifiers::NONE, Key::Enter);
    let claim: Vec<Span> = project(&app).documents()[0]
        .annotations()
        .iter()
        .filter(|a| a.label == "claim")
        .map(|a| a.span())
        .collect();
    assert_eq!(claim, [span_of(TEXT, "the talks had", 0)]);
    assert_eq!(
        project(&app).documents()[0].relations().len(),
        1,
        "still linked to its source"
    );
}

#[test]
fn accepting_the_shown_proposals_of_some_labels_codes_them_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    suggest_here(&mut app);
    app.get_by_role_and_label(Role::CheckBox, "Norm").click();
    app.run_steps(2);
    app.get_by_label("Accept the 2 shown").click();
    app.run_steps(2);
    let mut got: Vec<String> = coded(&app).into_iter().map(|(_, l, _)| l).collect();
    got.sort();
    assert_eq!(got, ["claim", "source"], "the hidden norm is left");
    assert_eq!(
        app.state().workspace().editor().undo_description(),
        Some("accept 2 suggestions")
    );
    let list = app.state().suggestions().list().unwrap();
    let norm = (0..3)
        .filter_map(|i| list.proposal(i).map(|p| (i, p)))
        .find(|(_, p)| p.label == "norm")
        .map(|(i, _)| i)
        .unwrap();
    assert_eq!(list.status(norm), Some(Status::Pending));
}

#[test]
fn the_reason_shows_on_hover_over_a_proposal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    suggest_here(&mut app);
    let at = at_char(&app, span_of(TEXT, "hospitals", 0).start + 2);
    app.event(Event::PointerMoved(at));
    app.run_steps(4);
    app.get_by_label("Suggested Norm");
}

#[test]
fn a_cancelled_run_leaves_no_proposals_and_the_project_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    // Four hundred articles of plain ASCII attributions: long enough that Cancel lands first.
    let article = "Officials told reporters that the talks had stalled. ".repeat(80);
    let documents = (0..400)
        .map(|i| {
            Document::new(
                &format!("d-{i}"),
                &format!("Article {i}"),
                format!("{i}. {article}"),
            )
        })
        .collect();
    let corpus = Project::from_parts(Meta::default(), default_labels(), documents);
    let file = dir.path().join("corpus.ron");
    store::save(&corpus, &file).unwrap();
    let mut app = open(&file, dir.path());
    let before = project(&app).clone();
    click_label(&mut app, "Suggest");
    click_label(&mut app, "Suggest in all documents");
    assert!(app.state().suggestions().running().is_some());
    click_label(&mut app, "Suggest");
    click_label(&mut app, "Cancel suggesting");
    finish(&mut app);
    assert!(app.state().suggestions().list().is_none());
    let notice = app.state().notice().unwrap_or_default().to_owned();
    assert!(notice.contains("cancelled"), "{notice}");
    assert_eq!(project(&app), &before);
}
