//! The unsaved-changes guard in front of every way the project can go: New from article…, Quit
//! and the window's close button each ask first, Cancel keeps the work, Save saves it before
//! going on, and nothing is asked when nothing is unsaved.

mod common;

use common::{
    project_with,
    window::{App, drag_words, open, press},
};
use eframe::egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::kittest::Queryable;
use marginalia::{
    store,
    ui::dialogs::modals::{Modal, Pending},
};

const TEXT: &str = "Due diligence\n\nStates must exercise due diligence over their territory.";

/// The app on a saved project in `dir`, with one passage tagged since: unsaved work.
fn with_unsaved_work(dir: &std::path::Path) -> (std::path::PathBuf, App<'static>) {
    let file = dir.join("p.ron");
    store::save(project_with(TEXT, &[]).project(), &file).unwrap();
    let mut app = open(&file, &dir.join("data"));
    drag_words(&mut app, TEXT, "must", "exercise");
    press(&mut app, Modifiers::NONE, Key::Num1);
    assert!(app.state().workspace().is_dirty());
    (file, app)
}

fn asks_before(app: &App<'_>, pending: &Pending) -> bool {
    matches!(app.state().modal(), Some(Modal::UnsavedChanges { then }) if then == pending)
}

/// Presses the window's close button (the viewport is asked to close).
fn close_button(app: &mut App<'_>) {
    app.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    app.run_steps(1);
    // The harness sends its input again every frame: the close is one press.
    app.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .clear();
    app.run_steps(2);
}

#[test]
fn new_from_article_asks_first_and_cancel_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let (_file, mut app) = with_unsaved_work(dir.path());
    press(&mut app, Modifiers::COMMAND, Key::N);
    assert!(asks_before(&app, &Pending::NewFromArticle));
    app.get_by_label("Cancel").click();
    app.run_steps(2);
    assert!(app.state().modal().is_none());
    assert!(
        app.state().workspace().is_dirty(),
        "Cancel keeps the changes"
    );
}

#[test]
fn quit_asks_first_and_save_saves_before_closing() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut app) = with_unsaved_work(dir.path());
    press(&mut app, Modifiers::COMMAND, Key::Q);
    assert!(asks_before(&app, &Pending::Quit));
    assert!(!app.state().closing(), "nothing closes while it asks");
    app.get_by_label("Save").click();
    app.run_steps(2);
    assert!(app.state().closing(), "saved, the window closes");
    let saved = store::load(&file).unwrap().project;
    assert_eq!(
        saved.documents()[0].annotations().len(),
        1,
        "the work was saved first"
    );
}

#[test]
fn the_close_button_asks_first_and_asks_nothing_when_nothing_is_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut app) = with_unsaved_work(dir.path());
    close_button(&mut app);
    assert!(asks_before(&app, &Pending::Quit));
    assert!(!app.state().closing());
    app.get_by_label("Cancel").click();
    app.run_steps(2);
    assert!(!app.state().closing() && app.state().workspace().is_dirty());

    // Saved, nothing is asked: the close goes through.
    press(&mut app, Modifiers::COMMAND, Key::S);
    assert!(!app.state().workspace().is_dirty());
    close_button(&mut app);
    assert!(app.state().modal().is_none(), "nothing to ask about");
    assert_eq!(
        store::load(&file).unwrap().project.documents()[0]
            .annotations()
            .len(),
        1
    );
}
