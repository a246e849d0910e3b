//! Making and reading relations in the window with real events: the link picker (L) in at most
//! three keys, a drag from the selected annotation's handle, the pick-list when a drop lands on
//! overlapping annotations, tag-and-link (Shift+L), a link across a hundred paragraphs, and
//! deleting an annotation with its relations and undoing it. Checked on the resulting project.

mod common;

use common::{
    project_with, span_of,
    window::{App, at_char, click_at, drag, drag_words, open, press, project},
};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use marginalia::{model::Relation, store};

const TEXT: &str = "Officials said the talks had failed, citing the rules of the road.\n\n\
                    The ministry, in a statement, said the sanctions stay.";

fn app_with(dir: &std::path::Path, text: &str, tags: &[(&str, &str, &str)]) -> App<'static> {
    let file = dir.join("study.ron");
    store::save(project_with(text, tags).project(), &file).unwrap();
    open(&file, dir)
}

fn id_of(app: &App<'_>, quote: &str) -> String {
    project(app).documents()[0]
        .annotations()
        .iter()
        .find(|a| a.quote == quote)
        .unwrap_or_else(|| panic!("an annotation of “{quote}”"))
        .id
        .clone()
}

fn relations(app: &App<'_>) -> Vec<(String, String, String)> {
    let doc = &project(app).documents()[0];
    let quote = |id: &str| {
        doc.annotation(id)
            .map(|a| a.quote.clone())
            .unwrap_or_default()
    };
    doc.relations()
        .iter()
        .map(|r: &Relation| (quote(&r.from), r.kind.clone(), quote(&r.to)))
        .collect()
}

fn click_text(app: &mut App<'_>, text: &str, needle: &str) {
    let point = at_char(app, span_of(text, needle, 0).start + 2);
    click_at(app, point);
}

/// L, Alt+A, Enter: links the selected claim to its nearest source.
fn link_to_nearest_source(app: &mut App<'_>) {
    press(app, Modifiers::NONE, Key::L);
    press(app, Modifiers::ALT, Key::A);
    press(app, Modifiers::NONE, Key::Enter);
}

fn triple(from: &str, kind: &str, to: &str) -> (String, String, String) {
    (from.to_owned(), kind.to_owned(), to.to_owned())
}

const TAGS: &[(&str, &str, &str)] = &[
    ("Officials", "source", ""),
    ("the talks had failed", "claim", ""),
    ("the rules of the road", "norm", ""),
    ("The ministry", "source", ""),
];

#[test]
fn the_nearest_source_is_linked_in_three_keys_and_the_nearest_norm_in_two() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    click_text(&mut app, TEXT, "the talks had failed");
    assert_eq!(
        app.state().selected(),
        Some(id_of(&app, "the talks had failed").as_str())
    );

    // L, Alt+A (the kind "attributed to"), Enter: the nearest source.
    press(&mut app, Modifiers::NONE, Key::L);
    assert!(app.state().linking(), "L opens the link picker");
    press(&mut app, Modifiers::ALT, Key::A);
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert!(!app.state().linking());
    assert_eq!(
        relations(&app),
        [triple("the talks had failed", "attributed_to", "Officials")]
    );

    // L, Enter: the nearest annotation any kind allows — the norm, by "invokes".
    press(&mut app, Modifiers::NONE, Key::L);
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert_eq!(
        relations(&app)[1],
        triple("the talks had failed", "invokes", "the rules of the road")
    );
    // Nothing typed while linking reached the note or the project otherwise.
    assert_eq!(project(&app).documents()[0].annotations().len(), 4);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(relations(&app).len(), 1, "undo takes the last link back");
}

#[test]
fn typing_filters_the_picker_and_escape_links_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    click_text(&mut app, TEXT, "the talks had failed");
    press(&mut app, Modifiers::NONE, Key::L);
    app.get_by_label("Link filter").type_text("ministry");
    app.run_steps(2);
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(!app.state().linking());
    assert!(relations(&app).is_empty());

    press(&mut app, Modifiers::NONE, Key::L);
    app.get_by_label("Link filter").type_text("ministry");
    app.run_steps(2);
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert_eq!(
        relations(&app),
        [triple(
            "the talks had failed",
            "attributed_to",
            "The ministry"
        )]
    );
}

#[test]
fn a_drag_from_the_handle_links_to_the_highlight_it_is_dropped_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    click_text(&mut app, TEXT, "the talks had failed");
    let handle = app
        .state()
        .link_handle()
        .expect("the selection has a link handle");
    let target = at_char(&app, span_of(TEXT, "The ministry", 0).start + 3);
    drag(&mut app, handle, target);
    assert_eq!(
        relations(&app),
        [triple(
            "the talks had failed",
            "attributed_to",
            "The ministry"
        )]
    );
    assert_eq!(
        project(&app).documents()[0].annotations().len(),
        4,
        "the drag made no selection and tagged nothing"
    );

    // A drop on text no allowed annotation covers links nothing.
    let handle = app.state().link_handle().unwrap();
    let plain = at_char(&app, span_of(TEXT, "statement", 0).start + 2);
    drag(&mut app, handle, plain);
    assert_eq!(relations(&app).len(), 1);
}

#[test]
fn a_drop_on_overlapping_annotations_asks_which_and_links_only_the_choice() {
    let text = "The ministry of defence said the sanctions stay.";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(
        dir.path(),
        text,
        &[
            ("The ministry of defence", "source", ""),
            ("ministry of defence", "norm", ""),
            ("the sanctions stay", "claim", ""),
        ],
    );
    click_text(&mut app, text, "the sanctions stay");
    let handle = app.state().link_handle().unwrap();
    let overlap = at_char(&app, span_of(text, "defence", 0).start + 2);
    drag(&mut app, handle, overlap);
    assert!(
        relations(&app).is_empty(),
        "nothing linked to a guessed target"
    );
    assert!(app.state().linking(), "a pick-list asks");
    // A new popup measures itself on its first frame and shows on the next.
    app.run_steps(2);
    assert!(
        app.query_by_label_contains("Norm “ministry of defence” — invokes")
            .is_some(),
        "both overlapping annotations are offered"
    );
    app.get_by_label_contains("Source “The ministry of defence” — attributed to")
        .click();
    app.run_steps(2);
    assert_eq!(
        relations(&app),
        [triple(
            "the sanctions stay",
            "attributed_to",
            "The ministry of defence"
        )]
    );
    assert!(!app.state().linking());
}

#[test]
fn tagging_a_source_right_after_a_claim_then_shift_l_links_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, &[]);
    drag_words(&mut app, TEXT, "the", "failed");
    press(&mut app, Modifiers::NONE, Key::Num1);
    drag_words(&mut app, TEXT, "Officials", "Officials");
    press(&mut app, Modifiers::NONE, Key::Num2);
    press(&mut app, Modifiers::SHIFT, Key::L);
    assert_eq!(
        relations(&app),
        [triple("the talks had failed", "attributed_to", "Officials")]
    );
}

#[test]
fn a_source_a_hundred_paragraphs_away_is_linked_without_scrolling_to_it() {
    let mut text = String::from("The envoy said restraint is required.\n\n");
    for i in 0..100 {
        text.push_str(&format!(
            "Paragraph {i} of background with no coding at all.\n\n"
        ));
    }
    text.push_str("Annex: the envoy's office.");
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(
        dir.path(),
        &text,
        &[
            ("restraint is required", "claim", ""),
            ("the envoy's office", "source", ""),
        ],
    );
    click_text(&mut app, &text, "restraint is required");
    press(&mut app, Modifiers::NONE, Key::L);
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert_eq!(
        relations(&app),
        [triple(
            "restraint is required",
            "attributed_to",
            "the envoy's office"
        )]
    );
    // The details panel lists it, with the other end one click away.
    app.get_by_label("“the envoy's office”").click();
    app.run_steps(4);
    assert_eq!(
        app.state().selected(),
        Some(id_of(&app, "the envoy's office").as_str())
    );
}

#[test]
fn deleting_an_annotation_takes_its_relations_and_undo_brings_all_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    click_text(&mut app, TEXT, "the talks had failed");
    link_to_nearest_source(&mut app);
    press(&mut app, Modifiers::NONE, Key::L);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let before = project(&app).clone();
    assert_eq!(relations(&app).len(), 2);

    assert!(
        app.query_by_label("Delete (also removes 2 relations)")
            .is_some(),
        "the delete button says what goes with it"
    );
    press(&mut app, Modifiers::NONE, Key::Delete);
    assert!(relations(&app).is_empty());
    assert!(
        app.state()
            .notice()
            .is_some_and(|n| n.contains("the 2 relations that linked it")),
        "{:?}",
        app.state().notice()
    );
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(project(&app).documents(), before.documents());
}

#[test]
fn a_relation_is_reversed_re_kinded_and_deleted_from_the_details_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    click_text(&mut app, TEXT, "the talks had failed");
    link_to_nearest_source(&mut app);
    // "attributed to" runs from claims to sources only: reversing it is not offered.
    assert!(app.get_by_label("Reverse").accesskit_node().is_disabled());
    app.get_by_label("Delete relation").click();
    app.run_steps(2);
    assert!(relations(&app).is_empty());
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(relations(&app).len(), 1);
}

#[test]
fn kinds_are_added_in_the_codebook_and_claims_without_a_source_filtered_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(
        dir.path(),
        TEXT,
        &[
            ("Officials", "source", ""),
            ("the talks had failed", "claim", ""),
            ("the sanctions stay", "claim", ""),
        ],
    );
    app.get_by_label("New kind:").click();
    app.run_steps(2);
    app.get_by_label("New kind:").type_text("Contradicts");
    app.run_steps(2);
    app.get_by_label("Add kind").click();
    app.run_steps(2);
    let kind = project(&app)
        .relation_kind("contradicts")
        .expect("the kind was added");
    assert_eq!(
        (kind.name.as_str(), kind.from_labels.len()),
        ("Contradicts", 0)
    );

    click_text(&mut app, TEXT, "the talks had failed");
    link_to_nearest_source(&mut app);
    app.get_by_label("Only unattributed claims").click();
    app.run_steps(2);
    assert!(
        app.query_by_label("1 of 3").is_some(),
        "one claim has no source"
    );
    assert!(app.query_by_label("the sanctions stay").is_some());
}

#[test]
fn a_kind_is_renamed_in_place_and_the_rename_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), TEXT, TAGS);
    app.get_by_label("More for kind invokes").click();
    app.run_steps(2);
    app.get_by_label("Rename").click();
    app.run_steps(2);
    let field = app
        .query_all_by_role(eframe::egui::accesskit::Role::TextInput)
        .find(|field| field.is_focused())
        .expect("the rename field has the keys");
    field.type_text(" the principle");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let name = |app: &App<'_>| project(app).relation_kind("invokes").unwrap().name.clone();
    assert_eq!(name(&app), "invokes the principle");
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(name(&app), "invokes");
}
