//! The compare view, driven headless through egui_kittest: open a comparison of the two sample
//! projects from the File menu, step to differences with N, decide them with the buttons (and
//! undo one), and save the merged project; the checks are on the saved file.

mod common;

use std::path::Path;

use common::window::{App, open};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::{compare::ItemKind, store, ui::dialogs::modals::Modal};

fn press(app: &mut App<'_>, modifiers: Modifiers, key: Key) {
    app.key_press_modifiers(modifiers, key);
    app.run_steps(2);
}

fn click(app: &mut App<'_>, label: &str) {
    app.get_by_label(label).click();
    app.run_steps(2);
}

/// The shown document's current item.
fn current_item(app: &App<'_>) -> marginalia::compare::Item {
    let session = app.state().comparison().expect("comparing");
    let (doc, item) = session.current();
    session.comparison().documents[doc].items[item.expect("an item is current")].clone()
}

#[test]
fn a_comparison_of_two_analysts_is_curated_into_a_saved_merged_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = comparing(dir.path(), "cyber-norms-sample-second-coder.ron");
    let (mine, theirs) = (dir.path().join("maren.ron"), dir.path().join("other.ron"));
    let inputs_before = (
        std::fs::read(&mine).unwrap(),
        std::fs::read(&theirs).unwrap(),
    );
    assert!(
        app.state().messages().is_empty(),
        "{:?}",
        app.state().messages()
    );
    let session = app.state().comparison().expect("the compare view is open");
    assert_eq!(session.comparison().analysts, ["Maren Olsen", "Tomas Lind"]);
    app.get_by_label("Compared article");

    click(&mut app, "Accept all agreements");

    // N steps to the first difference: Tomas left out the opening "Yet".
    press(&mut app, Modifiers::NONE, Key::N);
    let first = current_item(&app);
    assert_eq!(first.kind, ItemKind::BoundaryConflict);
    assert!(
        first.members[1]
            .annotation
            .quote
            .starts_with("its modesty is deceptive")
    );
    // The buttons say their keys; B accepts Tomas's version and moves on to the next
    // undecided difference, a label conflict.
    app.get_by_label_contains("Accept B: Tomas Lind");
    press(&mut app, Modifiers::NONE, Key::B);
    let second = current_item(&app);
    assert_eq!(second.kind, ItemKind::LabelConflict);
    // Accept Maren's with the button, undo, and keep both with K instead.
    app.get_by_label_contains("Accept A: Maren Olsen").click();
    app.run_steps(2);
    assert_ne!(current_item(&app), second, "a decision moves on");
    press(&mut app, Modifiers::COMMAND, Key::Z);
    press(&mut app, Modifiers::NONE, Key::P);
    assert_eq!(current_item(&app), second);
    press(&mut app, Modifiers::NONE, Key::K);
    // P goes back over the second to the first difference.
    press(&mut app, Modifiers::NONE, Key::P);
    press(&mut app, Modifiers::NONE, Key::P);
    assert_eq!(current_item(&app), first);

    // Kappa over coded text only: the figure changes, the items and decisions stay.
    let kappa =
        |app: &App<'_>| app.state().comparison().unwrap().comparison().documents[0].labels[0].kappa;
    let (kappa_before, items_before) = (
        kappa(&app),
        app.state().comparison().unwrap().comparison().documents[0]
            .items
            .clone(),
    );
    click(&mut app, "Kappa over coded text only");
    assert!(kappa(&app).unwrap() < kappa_before.unwrap());
    let session = app.state().comparison().unwrap();
    assert_eq!(session.comparison().documents[0].items, items_before);
    assert_eq!(session.curation().undecided(), 70 - 25 - 22 - 2);

    // Opening another project now would lose the decisions: the window asks first.
    press(&mut app, Modifiers::COMMAND, Key::O);
    assert!(matches!(
        app.state().modal(),
        Some(Modal::UnsavedDecisions { .. })
    ));
    click(&mut app, "Cancel");
    assert!(app.state().modal().is_none());
    assert!(
        app.state().comparison().is_some(),
        "Cancel keeps the comparison"
    );

    let undecided = app.state().comparison().unwrap().curation().undecided();
    let saved = save_merged(&mut app);
    assert!(
        saved.contains(&format!(
            "The {undecided} items still undecided were left out"
        )),
        "{saved}"
    );

    let merged_file = dir.path().join("cyber-norms-two-commentaries-merged.ron");
    let merged = store::load(&merged_file)
        .expect("the merged project loads")
        .project;
    assert!(store::load(&merged_file).unwrap().warnings.is_empty());
    let doc = &merged.documents()[0];
    let spans: Vec<(usize, usize, &str)> = doc
        .annotations()
        .iter()
        .map(|a| (a.start, a.end, a.label.as_str()))
        .collect();
    // Tomas's boundaries for the first difference, not Maren's.
    let b = &first.members[1].annotation;
    let a = &first.members[0].annotation;
    assert!(spans.contains(&(b.start, b.end, b.label.as_str())));
    assert!(!spans.contains(&(a.start, a.end, a.label.as_str())));
    let kept_b = doc
        .annotations()
        .iter()
        .find(|x| x.start == b.start && x.end == b.end)
        .unwrap();
    assert_eq!(kept_b.analysts, ["Tomas Lind"]);
    // Both labels of the label conflict.
    for member in &second.members {
        let x = &member.annotation;
        assert!(spans.contains(&(x.start, x.end, x.label.as_str())), "{x:?}");
    }
    // Every agreement, recorded as coming from both analysts; undecided differences left out.
    let comparison = app.state().comparison().unwrap().comparison();
    let agreements: usize = comparison
        .documents
        .iter()
        .map(|d| {
            d.items
                .iter()
                .filter(|i| i.kind == ItemKind::Agreement)
                .count()
        })
        .sum();
    let from_both = merged
        .documents()
        .iter()
        .flat_map(|d| d.annotations())
        .filter(|x| x.analysts == ["Maren Olsen", "Tomas Lind"])
        .count();
    assert_eq!(from_both, agreements);
    let total: usize = merged
        .documents()
        .iter()
        .map(|d| d.annotations().len())
        .sum();
    assert_eq!(total, agreements + 1 + 2);
    assert!(
        !spans
            .iter()
            .any(|s| doc.quote(marginalia::model::Span::new(s.0, s.1))
                == Some("Officials from several smaller states"))
    );

    // Saved: the guard no longer asks, Open goes straight to choosing a file.
    press(&mut app, Modifiers::COMMAND, Key::O);
    assert!(app.state().modal().is_none());
    app.get_by_label("Path of the file:");

    // The compared projects are untouched.
    assert_eq!(
        (
            std::fs::read(&mine).unwrap(),
            std::fs::read(&theirs).unwrap()
        ),
        inputs_before
    );
}

/// The sample project and its second coder's, copied into `dir`, and the app comparing them.
fn comparing(dir: &Path, other: &str) -> App<'static> {
    let samples = marginalia_testkit::repository("projects");
    let mine = dir.join("maren.ron");
    std::fs::copy(samples.join("cyber-norms-sample.ron"), &mine).unwrap();
    std::fs::copy(samples.join(other), dir.join("other.ron")).unwrap();
    let mut app = open(&mine, dir);
    click(&mut app, "File");
    click(&mut app, "Compare with…");
    app.run_steps(2);
    app.get_by_label("Paths of the projects (separate several with ;):")
        .type_text("other.ron");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    assert!(
        app.state().comparison().is_some(),
        "{:?}",
        app.state().messages()
    );
    app
}

#[test]
fn the_decision_buttons_stay_in_place_whatever_the_quotes_length() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = comparing(dir.path(), "cyber-norms-sample-second-coder.ron");
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, Modifiers::NONE, Key::N);
        let quote_len = current_item(&app)
            .members
            .iter()
            .map(|m| m.annotation.quote.len())
            .max()
            .unwrap();
        let keep = app.get_by_label_contains("Keep both").rect();
        let drop = app.get_by_label_contains("Drop").rect();
        seen.push((quote_len, keep, drop));
    }
    let lengths: std::collections::BTreeSet<usize> = seen.iter().map(|s| s.0).collect();
    assert!(
        lengths.len() > 2,
        "differences of several lengths: {lengths:?}"
    );
    for (len, keep, drop) in &seen {
        assert_eq!(
            (*keep, *drop),
            (seen[0].1, seen[0].2),
            "with a quote of {len} bytes"
        );
    }
}

#[test]
fn saving_a_merge_with_nothing_undecided_says_nothing_of_undecided_items() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = comparing(dir.path(), "cyber-norms-sample.ron");
    click(&mut app, "Accept all agreements");
    assert_eq!(app.state().comparison().unwrap().curation().undecided(), 0);
    let saved = save_merged(&mut app);
    assert!(!saved.contains("undecided"), "{saved}");
}

/// Saves the merged project where the window offers to, and returns what the window then says.
fn save_merged(app: &mut App<'_>) -> String {
    click(app, "Save merged project as…");
    app.run_steps(2);
    press(app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    let messages = app.state().messages();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(!messages[0].is_error, "{messages:?}");
    messages[0].body.clone()
}

#[test]
fn a_relation_only_one_analyst_made_is_dropped_from_the_merge_by_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = comparing(dir.path(), "cyber-norms-sample-second-coder.ron");
    click(&mut app, "Accept all agreements");
    let merged_relations = || -> Vec<String> {
        let saved = dir.path().join("cyber-norms-two-commentaries-merged.ron");
        let merged = store::load(&saved).unwrap().project;
        let doc = &merged.documents()[0];
        let mut quotes: Vec<String> = doc
            .relations()
            .iter()
            .map(|r| doc.annotation(&r.from).unwrap().quote.clone())
            .collect();
        quotes.sort();
        quotes
    };
    // Maren's versions of the first article's differences, so that her relation's passages are
    // kept: undecided, the relation follows them.
    press(&mut app, Modifiers::NONE, Key::N);
    for _ in 0..60 {
        let session = app.state().comparison().unwrap();
        let doc = &session.comparison().documents[0];
        if doc
            .differences()
            .all(|(i, _)| session.curation().decision((0, i)).is_some())
        {
            break;
        }
        press(&mut app, Modifiers::NONE, Key::A);
    }
    save_merged(&mut app);
    let kept = merged_relations();
    assert!(
        kept.iter()
            .any(|q| q.starts_with("Several delegations warn")),
        "{kept:?}"
    );
    assert!(
        app.query_by_label_contains("Relation differences (1)")
            .is_some()
    );
    click(&mut app, "Leave relation out");
    // Saved again over the same file (the first save's message still shows).
    click(&mut app, "Save merged project as…");
    app.run_steps(2);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    assert_eq!(
        app.state().messages().len(),
        2,
        "{:?}",
        app.state().messages()
    );
    let after = merged_relations();
    assert_eq!(after.len() + 1, kept.len(), "{after:?}");
    assert!(
        !after
            .iter()
            .any(|q| q.starts_with("Several delegations warn"))
    );
}
