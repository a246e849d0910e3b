//! Document ▸ Update article text… in the window, driven headless through egui_kittest: the new
//! version's path typed into the file field, the report, the orphans list, placing an orphan by
//! dragging over its new passage, dropping one, and undo back to the old text; every check is on
//! the resulting project.

mod common;

use common::{
    project_with, span_of,
    window::{App, open},
};
use eframe::egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::kittest::Queryable;
use marginalia::{
    model::{Document, Project},
    store,
};

const OLD: &str = "Due diligence in cyberspace\n\nStates must exercise due diligence over their \
                   territory. Attribution remains hard, and norms guide conduct.\n\nA second \
                   paragraph closes the article.";

const NEW: &str = "Due diligence in cyberspace\n\nUpdated on 14 March with new comments.\n\n\
                   States must exercise due diligence over their territory. Nobody can say \
                   for sure who attacked whom, and norms guide conduct.\n\nA second paragraph \
                   closes the article.";

fn project<'a>(app: &'a App<'_>) -> &'a Project {
    app.state().workspace().project()
}

fn article<'a>(app: &'a App<'_>) -> &'a Document {
    &project(app).documents()[0]
}

fn click_label(app: &mut App<'_>, label: &str) {
    app.get_by_label(label).click();
    app.run_steps(2);
}

fn press(app: &mut App<'_>, modifiers: Modifiers, key: Key) {
    app.key_press_modifiers(modifiers, key);
    app.run_steps(2);
}

fn button(app: &App<'_>, pos: Pos2, pressed: bool) {
    app.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// Screen point inside the glyph of char `offset` of the shown text.
fn at_char(app: &App<'_>, offset: usize) -> Pos2 {
    let rect = app.state().char_rect(offset).expect("char is on screen");
    rect.center() + vec2(2.0, 0.0)
}

/// A real drag from inside the first char of `from` to inside the last char of `to` in `text`.
fn drag_words(app: &mut App<'_>, text: &str, from: &str, to: &str) {
    let start = at_char(app, span_of(text, from, 0).start);
    let end = at_char(app, span_of(text, to, 0).end - 1);
    app.event(Event::PointerMoved(start));
    button(app, start, true);
    app.step();
    for t in [0.3, 0.7, 1.0] {
        app.event(Event::PointerMoved(start + (end - start) * t));
        app.step();
    }
    button(app, end, false);
    app.run_steps(3);
}

#[test]
fn an_updated_article_moves_annotations_lists_the_orphan_and_undo_restores_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let editor = project_with(
        OLD,
        &[
            ("States must exercise due diligence", "norm", ""),
            ("Attribution remains hard", "claim", "the crux of the piece"),
            ("norms guide conduct", "norm", ""),
        ],
    );
    let file = dir.path().join("study.ron");
    store::save(editor.project(), &file).unwrap();
    std::fs::write(dir.path().join("revised.txt"), NEW.replace('\n', "\r\n")).unwrap();
    let original = editor.project().clone();
    let claim = original.documents()[0]
        .annotations()
        .iter()
        .find(|a| a.note == "the crux of the piece")
        .map(|a| a.id.clone())
        .unwrap();

    let mut app = open(&file, dir.path());
    click_label(&mut app, "Document");
    click_label(&mut app, "Update article text…");
    app.run_steps(2);
    app.get_by_label("Path of the file:")
        .type_text("revised.txt");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(3);

    assert_eq!(article(&app).text(), NEW, "CRLF normalised, text replaced");
    for needle in ["States must exercise due diligence", "norms guide conduct"] {
        assert!(
            article(&app)
                .annotations()
                .iter()
                .any(|a| a.span() == span_of(NEW, needle, 0)),
            "{needle} moved"
        );
    }
    assert_eq!(article(&app).orphans().len(), 1);
    assert_eq!(article(&app).orphans()[0].id(), claim);
    let message = &app.state().messages()[0];
    assert!(message.title.contains("Updated"), "{message:?}");
    assert!(
        message
            .body
            .contains("2 moved exactly, 0 re-found, 1 orphaned"),
        "{}",
        message.body
    );
    click_label(&mut app, "Dismiss");
    app.get_by_label_contains("Orphans (1)");
    app.get_by_label("“Attribution remains hard”");

    // Place it by dragging over its new passage.
    click_label(&mut app, "Place by selecting…");
    drag_words(&mut app, NEW, "Nobody", "whom");
    let placed = article(&app).annotation(&claim).expect("placed");
    assert_eq!(placed.quote, "Nobody can say for sure who attacked whom");
    assert_eq!(placed.note, "the crux of the piece");
    assert!(article(&app).orphans().is_empty());
    assert!(!app.state().palette_open(), "placing does not tag");

    // Undo brings the orphan back; Drop removes it; undo again, then back to the old text.
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(article(&app).orphans().len(), 1);
    click_label(&mut app, "Drop");
    assert!(article(&app).orphans().is_empty());
    assert_eq!(article(&app).annotations().len(), 2);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(article(&app).orphans().len(), 1);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        article(&app).annotations(),
        original.documents()[0].annotations()
    );
    assert_eq!(article(&app).text(), OLD);
    assert!(article(&app).revisions().is_empty());
    // The view shows the old text again: a drag over its words tags them.
    drag_words(&mut app, OLD, "second", "paragraph");
    assert!(app.state().palette_open(), "the old text is laid out again");
}
