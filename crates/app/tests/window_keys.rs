//! Where each key goes: the label palette owns its keys while it shows, a text field receives
//! keys only while it visibly has the focus, and the keys for the selected annotation (1–9,
//! Delete, Alt+arrows) never reach a field the user is not typing in. Real pointer drags and key
//! presses through egui_kittest, checked on the resulting project.

mod common;

use common::{
    project_with, span_of,
    window::{App, at_char, click_at, drag_words, open, press, project},
};
use eframe::egui::{Key, Modifiers, accesskit::Role};
use egui_kittest::kittest::Queryable;
use marginalia::store;

const TEXT: &str = "Due diligence in cyberspace\n\nStates must exercise due diligence over \
                    their territory. Attribution remains hard, and norms guide conduct.\n\n\
                    A second paragraph closes the article.";

/// The app on a saved project over [`TEXT`] with the given `(needle, label, note)` tags.
fn app_with(dir: &std::path::Path, tags: &[(&str, &str, &str)]) -> App<'static> {
    let file = dir.join("study.ron");
    store::save(project_with(TEXT, tags).project(), &file).unwrap();
    open(&file, dir)
}

fn annotation_by_quote<'a>(app: &'a App<'_>, quote: &str) -> &'a marginalia::model::Annotation {
    project(app).documents()[0]
        .annotations()
        .iter()
        .find(|a| a.quote == quote)
        .unwrap_or_else(|| panic!("an annotation of “{quote}”"))
}

/// Clicks inside the highlight of `needle`'s first occurrence.
fn click_text(app: &mut App<'_>, needle: &str) {
    let point = at_char(app, span_of(TEXT, needle, 0).start + 2);
    click_at(app, point);
}

/// Selects the annotation of `needle` and types `note` into its note field.
fn write_note(app: &mut App<'_>, needle: &str, note: &str) {
    click_text(app, needle);
    app.get_by_label("Note:").click();
    app.run_steps(2);
    app.get_by_label("Note:").type_text(note);
    app.run_steps(2);
}

#[test]
fn a_label_key_after_a_drag_tags_the_passage_and_leaves_the_note_typed_before_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), &[("due diligence over", "claim", "")]);
    write_note(&mut app, "due diligence over", "Hedged.");
    assert_eq!(
        annotation_by_quote(&app, "due diligence over").note,
        "Hedged."
    );

    drag_words(&mut app, TEXT, "Attribution", "hard");
    assert!(app.state().palette_open());
    press(&mut app, Modifiers::NONE, Key::Num3);

    assert_eq!(
        annotation_by_quote(&app, "due diligence over").note,
        "Hedged.",
        "the key went to the palette, not into the note"
    );
    assert_eq!(
        annotation_by_quote(&app, "Attribution remains hard").label,
        "norm"
    );
    assert!(!app.state().palette_open());
}

#[test]
fn the_palette_owns_its_keys_while_the_find_field_holds_a_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), &[]);
    press(&mut app, Modifiers::COMMAND, Key::F);
    app.get_by_label("Find:").type_text("due");
    app.run_steps(2);
    app.get_by_label("2 hits");

    drag_words(&mut app, TEXT, "States", "must");
    press(&mut app, Modifiers::NONE, Key::Num2);
    assert_eq!(annotation_by_quote(&app, "States must").label, "source");
    app.get_by_label("2 hits");

    // Escape belongs to the palette too: it cancels the selection, the find bar stays.
    drag_words(&mut app, TEXT, "second", "paragraph");
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(!app.state().palette_open());
    assert!(app.state().text_selection().is_none());
    app.get_by_label("2 hits");
    assert_eq!(project(&app).documents()[0].annotations().len(), 1);
}

#[test]
fn a_label_being_renamed_gives_up_the_keys_when_the_article_is_dragged() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), &[]);
    app.get_by_label("More for Claim").click();
    app.run_steps(2);
    app.get_by_label("Rename").click();
    app.run_steps(2);
    let typing = |app: &App<'_>| {
        app.query_all_by_role(Role::TextInput)
            .any(|field| field.is_focused())
    };
    assert!(typing(&app), "the rename field has the keys");

    drag_words(&mut app, TEXT, "Attribution", "hard");
    assert!(
        !typing(&app),
        "the drag took the keys from the rename field"
    );
    press(&mut app, Modifiers::NONE, Key::Num2);

    assert_eq!(
        annotation_by_quote(&app, "Attribution remains hard").label,
        "source"
    );
    let names: Vec<&str> = project(&app)
        .labels()
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Claim", "Source", "Norm"],
        "no key typed into a name"
    );
}

#[test]
fn keys_typed_into_a_focused_note_stay_there_and_reach_the_annotation_once_it_loses_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), &[("remains hard", "source", "")]);
    write_note(&mut app, "remains hard", "Who says");

    // In the visibly focused note, 1, Backspace and Alt+→ edit the note.
    for key in [Key::Num1, Key::Backspace] {
        press(&mut app, Modifiers::NONE, key);
    }
    press(&mut app, Modifiers::ALT, Key::ArrowRight);
    let annotation = annotation_by_quote(&app, "remains hard");
    assert_eq!(annotation.note, "Who says");
    assert_eq!(annotation.label, "source");

    // A click in the article takes the keys: 1 relabels, Alt+→ moves the start, Delete deletes.
    click_text(&mut app, "remains hard");
    press(&mut app, Modifiers::NONE, Key::Num1);
    assert_eq!(annotation_by_quote(&app, "remains hard").label, "claim");
    press(&mut app, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(annotation_by_quote(&app, "hard").note, "Who says");
    press(&mut app, Modifiers::NONE, Key::Delete);
    assert!(project(&app).documents()[0].annotations().is_empty());
}

#[test]
fn selecting_another_annotation_takes_the_focus_from_the_note_of_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(
        dir.path(),
        &[("remains hard", "source", ""), ("conduct", "norm", "")],
    );
    write_note(&mut app, "remains hard", "First");
    // Tagging a new passage selects it: its note must not take what is typed next.
    drag_words(&mut app, TEXT, "States", "must");
    press(&mut app, Modifiers::NONE, Key::Num1);
    let tagged = annotation_by_quote(&app, "States must").id.clone();
    assert_eq!(app.state().selected(), Some(tagged.as_str()));
    press(&mut app, Modifiers::NONE, Key::Num2);
    let tagged = annotation_by_quote(&app, "States must");
    assert_eq!(
        tagged.note, "",
        "nothing typed into the new annotation's note"
    );
    assert_eq!(tagged.label, "source", "2 relabelled it");
    assert_eq!(annotation_by_quote(&app, "remains hard").note, "First");
}
