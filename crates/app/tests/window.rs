//! The window, driven headless through egui_kittest with real pointer drags, clicks and key
//! presses; every check is on the resulting project (or files on disk).

mod common;

use std::{path::Path, time::Duration};

use common::{
    project_with, span_of, tag,
    window::{
        self, App, at_char, button, click_at, drag, open_sized, open_stepping, press, project,
        shift_click_at,
    },
};
use eframe::egui::{Event, Key, Modifiers, PointerButton, vec2};
use egui_kittest::kittest::Queryable;
use marginalia::{store, ui::dialogs::modals::Modal};

const TEXT: &str = "Due diligence in cyberspace\n\nStates must exercise due diligence over \
                    their territory. Attribution remains hard, and norms guide conduct.\n\n\
                    A second paragraph closes the article.";

/// The app opened on `file` in a 1280×800 window, writing recovery copies after `recovery`.
fn open(file: &Path, data: &Path, recovery: Duration) -> App<'static> {
    open_sized(file, data, vec2(1280.0, 800.0), recovery)
}

/// A saved project over [`TEXT`] with the given tags, in a fresh folder.
fn saved_project(dir: &Path, tags: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let editor = project_with(TEXT, tags);
    let file = dir.join("study.ron");
    store::save(editor.project(), &file).unwrap();
    file
}

/// Drags from inside the first char of `from` to inside the last char of `to` (words in TEXT).
fn drag_words(app: &mut App<'_>, from: &str, to: &str) {
    window::drag_words(app, TEXT, from, to);
}

#[test]
fn dragging_over_words_and_pressing_2_tags_them_as_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    // Start inside "must" and end inside "exercise": snapping grows to the whole words.
    let start = span_of(TEXT, "must", 0).start + 2;
    let end = span_of(TEXT, "exercise", 0).start + 3;
    let (a, b) = (at_char(&app, start), at_char(&app, end));
    drag(&mut app, a, b);
    assert!(
        app.state().palette_open(),
        "the label palette shows after the drag"
    );
    press(&mut app, Modifiers::NONE, Key::Num2);

    let doc = &project(&app).documents()[0];
    assert_eq!(doc.annotations().len(), 1);
    let annotation = &doc.annotations()[0];
    assert_eq!(annotation.label, "source");
    assert_eq!(annotation.span(), span_of(TEXT, "must exercise", 0));
    assert_eq!(annotation.quote, "must exercise");
    assert!(app.state().workspace().is_dirty());
}

#[test]
fn clicking_norm_in_the_palette_tags_a_norm() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    drag_words(&mut app, "Attribution", "hard");
    app.get_by_label("3  Norm").click();
    app.run_steps(2);

    let annotations = project(&app).documents()[0].annotations();
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].label, "norm");
    assert_eq!(annotations[0].quote, "Attribution remains hard");
}

#[test]
fn escape_cancels_a_selection_without_tagging() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    drag_words(&mut app, "States", "must");
    assert!(app.state().text_selection().is_some());
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(app.state().text_selection().is_none());
    press(&mut app, Modifiers::NONE, Key::Num1);
    assert!(project(&app).documents()[0].annotations().is_empty());
}

#[test]
fn a_clicked_highlight_is_selected_deleted_and_restored_by_undo() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[("due diligence over", "claim", "a note")]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    let original = project(&app).documents()[0].annotations()[0].clone();

    let inside = at_char(&app, original.start + 5);
    click_at(&mut app, inside);
    assert_eq!(app.state().selected(), Some(original.id.as_str()));
    // The details panel shows it.
    app.get_by_label("Selected annotation");

    press(&mut app, Modifiers::NONE, Key::Delete);
    assert!(project(&app).documents()[0].annotations().is_empty());
    assert_eq!(app.state().selected(), None);

    press(&mut app, Modifiers::COMMAND, Key::Z);
    let restored = &project(&app).documents()[0].annotations()[0];
    assert_eq!(restored.id, original.id);
    assert_eq!(restored.span(), original.span());
    assert_eq!(restored.note, "a note");

    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(
        project(&app).documents()[0].annotations().is_empty(),
        "redo deletes again"
    );
}

#[test]
fn repeated_clicks_on_overlapping_highlights_cycle_through_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut editor = project_with(TEXT, &[]);
    let outer = tag(
        &mut editor,
        "d-1",
        span_of(TEXT, "States must exercise due diligence", 0),
        "claim",
        "",
    );
    let inner = tag(&mut editor, "d-1", span_of(TEXT, "exercise", 0), "norm", "");
    let crossing = tag(
        &mut editor,
        "d-1",
        span_of(TEXT, "exercise due diligence over", 0),
        "source",
        "",
    );
    let file = dir.path().join("overlaps.ron");
    store::save(editor.project(), &file).unwrap();
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    let point = at_char(&app, span_of(TEXT, "exercise", 0).start + 3);
    let mut seen = Vec::new();
    for _ in 0..4 {
        click_at(&mut app, point);
        seen.push(app.state().selected().unwrap().to_owned());
    }
    // Innermost first, then outwards (shorter before longer), then round again.
    assert_eq!(seen, [inner.clone(), crossing, outer, inner]);
}

#[test]
fn alt_arrows_move_the_selected_annotations_boundaries_by_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[("exercise due", "claim", "")]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    let id = project(&app).documents()[0].annotations()[0].id.clone();
    let inside = at_char(&app, span_of(TEXT, "exercise", 0).start + 1);
    click_at(&mut app, inside);
    assert_eq!(app.state().selected(), Some(id.as_str()));

    let span = |app: &App<'_>| project(app).documents()[0].annotation(&id).unwrap().span();
    press(&mut app, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(span(&app), span_of(TEXT, "must exercise due", 0));
    press(&mut app, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(span(&app), span_of(TEXT, "must exercise due diligence", 0));
    press(&mut app, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(span(&app), span_of(TEXT, "exercise due diligence", 0));
    press(&mut app, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    press(&mut app, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(span(&app), span_of(TEXT, "exercise", 0));
    // One more would leave it empty: refused.
    press(&mut app, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(span(&app), span_of(TEXT, "exercise", 0));
    let quote = &project(&app).documents()[0].annotation(&id).unwrap().quote;
    assert_eq!(quote, "exercise");
}

#[test]
fn save_writes_a_file_that_loads_to_the_same_project_and_open_guards_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    drag_words(&mut app, "norms", "conduct");
    press(&mut app, Modifiers::NONE, Key::Num1);
    assert!(app.state().workspace().is_dirty());

    // With unsaved changes, Open asks first.
    press(&mut app, Modifiers::COMMAND, Key::O);
    assert!(matches!(
        app.state().modal(),
        Some(Modal::UnsavedChanges { .. })
    ));
    app.get_by_label("Cancel").click();
    app.run_steps(2);
    assert!(app.state().modal().is_none());
    assert!(
        app.state().workspace().is_dirty(),
        "Cancel keeps the changes"
    );

    press(&mut app, Modifiers::COMMAND, Key::S);
    assert!(!app.state().workspace().is_dirty());
    let loaded = store::load(&file).unwrap();
    assert_eq!(&loaded.project, project(&app));
    assert_eq!(
        loaded.project.documents()[0].annotations()[0].quote,
        "norms guide conduct"
    );

    // Saved: Open no longer asks, it goes straight to choosing a file.
    press(&mut app, Modifiers::COMMAND, Key::O);
    assert!(app.state().modal().is_none());
    app.get_by_label("Path of the file:");
}

#[test]
fn a_recovery_copy_is_written_and_offered_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let recovery = store::recovery_path(Some(&file), dir.path());
    {
        let mut app = open(&file, dir.path(), Duration::ZERO);
        drag_words(&mut app, "Attribution", "hard");
        press(&mut app, Modifiers::NONE, Key::Num2);
        assert!(recovery.is_file(), "recovery copy written while dirty");
        // The app is dropped here without saving: a crash, as far as the files know.
    }
    let on_disk = store::load(&file).unwrap().project;
    assert!(on_disk.documents()[0].annotations().is_empty());

    let mut app = open(&file, dir.path(), Duration::ZERO);
    assert!(matches!(app.state().modal(), Some(Modal::Recovery { .. })));
    app.get_by_label("Restore").click();
    app.run_steps(2);
    let annotations = project(&app).documents()[0].annotations();
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].quote, "Attribution remains hard");
    assert!(
        app.state().workspace().is_dirty(),
        "restored work still needs saving"
    );

    press(&mut app, Modifiers::COMMAND, Key::S);
    assert!(!recovery.exists(), "a clean save removes the recovery copy");
    assert_eq!(
        store::load(&file).unwrap().project.documents()[0]
            .annotations()
            .len(),
        1
    );
}

#[test]
fn a_malformed_project_shows_an_error_and_leaves_the_open_project_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[("Attribution", "claim", "")]);
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "Project(format_version: 1, meta: (title: \"x\"").unwrap();
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    drag_words(&mut app, "norms", "conduct");
    press(&mut app, Modifiers::NONE, Key::Num3);
    let before = project(&app).clone();

    // Open asks about the unsaved change first; go on without saving.
    press(&mut app, Modifiers::COMMAND, Key::O);
    app.get_by_label("Discard").click();
    app.run_steps(4);
    // The field starts in the project's folder: complete it with the file's name.
    app.get_by_label("Path of the file:")
        .type_text("broken.ron");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);

    let messages = app.state().messages();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].is_error);
    assert!(
        messages[0].title.contains("broken.ron"),
        "{}",
        messages[0].title
    );
    assert_eq!(project(&app), &before, "the open project is unchanged");
    assert_eq!(app.state().workspace().file(), Some(file.as_path()));
}

#[test]
fn with_an_active_label_a_drag_tags_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    // The radio button beside "Norm" in the label panel makes it the active label.
    app.get_by_label("Tag every drag as Norm at once").click();
    app.run_steps(2);

    drag_words(&mut app, "Attribution", "hard");
    assert!(!app.state().palette_open(), "no palette in fast mode");
    drag_words(&mut app, "norms", "conduct");
    let quotes: Vec<_> = project(&app).documents()[0]
        .annotations()
        .iter()
        .map(|a| (a.label.as_str(), a.quote.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            ("norm", "Attribution remains hard"),
            ("norm", "norms guide conduct")
        ]
    );
}

#[test]
fn double_click_selects_a_word_and_shift_click_extends_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    // Short steps, so that two clicks fall within the double-click interval.
    let mut app = open_stepping(&file, dir.path(), 0.05);

    let word = at_char(&app, span_of(TEXT, "territory", 0).start + 3);
    app.event(Event::PointerMoved(word));
    for _ in 0..2 {
        button(&app, word, true, Modifiers::NONE);
        app.step();
        button(&app, word, false, Modifiers::NONE);
        app.step();
    }
    app.run_steps(2);
    assert_eq!(
        app.state().text_selection(),
        Some(span_of(TEXT, "territory", 0))
    );

    let later = at_char(&app, span_of(TEXT, "hard", 0).start + 1);
    app.run_steps(10);
    // Shift held down while clicking further on.
    shift_click_at(&mut app, later);
    app.run_steps(10);
    press(&mut app, Modifiers::NONE, Key::Num1);
    let annotation = &project(&app).documents()[0].annotations()[0];
    assert_eq!(annotation.quote, "territory. Attribution remains hard");
    assert_eq!(annotation.label, "claim");
}

#[test]
fn right_click_on_a_highlight_opens_its_menu_and_edit_note_goes_to_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[("remains hard", "source", "")]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    let point = at_char(&app, span_of(TEXT, "remains", 0).start + 2);
    app.event(Event::PointerMoved(point));
    for pressed in [true, false] {
        app.event(Event::PointerButton {
            pos: point,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        app.step();
    }
    app.run_steps(2);
    let id = project(&app).documents()[0].annotations()[0].id.clone();
    assert_eq!(
        app.state().selected(),
        Some(id.as_str()),
        "right-click selects"
    );
    app.get_by_label("Edit note").click();
    app.run_steps(2);
    app.get_by_label("Note:").type_text("Hedged.");
    app.run_steps(2);
    assert_eq!(
        project(&app).documents()[0].annotations()[0].note,
        "Hedged."
    );
}

#[test]
fn a_selected_annotation_is_relabelled_by_its_key_and_a_used_label_asks_before_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(
        dir.path(),
        &[("remains hard", "source", ""), ("conduct", "source", "")],
    );
    let mut app = open(&file, dir.path(), Duration::from_secs(30));
    let first = at_char(&app, span_of(TEXT, "remains", 0).start + 2);
    click_at(&mut app, first);
    press(&mut app, Modifiers::NONE, Key::Num3);
    let labels = |app: &App<'_>| -> Vec<String> {
        project(app).documents()[0]
            .annotations()
            .iter()
            .map(|a| a.label.clone())
            .collect()
    };
    assert_eq!(labels(&app), ["norm", "source"]);

    // "Source" is still used once: deleting it asks, and reassigning keeps the annotation.
    for name in ["Claim", "Source", "Norm"] {
        app.get_by_label(&format!("More for {name}"));
    }
    app.get_by_label("More for Source").click();
    app.run_steps(2);
    app.get_by_label("Delete label").click();
    app.run_steps(4);
    assert!(matches!(
        app.state().modal(),
        Some(Modal::RemoveLabel { count: 1, .. })
    ));
    app.get_by_label("Delete label and its annotation").click();
    app.run_steps(2);
    assert!(project(&app).label("source").is_none());
    assert_eq!(labels(&app), ["norm"]);

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert!(
        project(&app).label("source").is_some(),
        "undo restores the label"
    );
    assert_eq!(labels(&app), ["norm", "source"]);
}

#[test]
fn find_steps_through_hits_and_the_list_reveals_an_annotation() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[("A second paragraph", "claim", "")]);
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    press(&mut app, Modifiers::COMMAND, Key::F);
    app.get_by_label("Find:").type_text("DUE");
    app.run_steps(2);
    app.get_by_label("2 hits");
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.get_by_label("1 of 2");
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.get_by_label("2 of 2");
    press(&mut app, Modifiers::SHIFT, Key::Enter);
    app.get_by_label("1 of 2");

    // Clicking a row of the list selects its annotation.
    app.get_by_label("A second paragraph").click();
    app.run_steps(2);
    let id = &project(&app).documents()[0].annotations()[0].id;
    assert_eq!(app.state().selected(), Some(id.as_str()));
}

#[test]
fn the_paragraphs_in_view_are_exposed_to_screen_readers() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let app = open(&file, dir.path(), Duration::from_secs(30));
    app.get_by_label("Due diligence in cyberspace");
    app.get_by_label_contains("Attribution remains hard, and norms guide conduct.");
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_article_is_added_and_a_dropped_project_opens() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved_project(dir.path(), &[]);
    let article = dir.path().join("memo.md");
    std::fs::write(&article, "# Memo\n\nStates must report incidents.\n").unwrap();
    let mut app = open(&file, dir.path(), Duration::from_secs(30));

    app.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(article)));
    app.run_steps(3);
    let titles: Vec<_> = project(&app)
        .documents()
        .iter()
        .map(|d| d.title().to_owned())
        .collect();
    assert_eq!(titles, ["Article", "Memo"]);
    let memo = project(&app).documents()[1].id().to_owned();
    assert_eq!(
        app.state().current_document(),
        Some(memo.as_str()),
        "the new article is shown"
    );
    app.get_by_label_contains("States must report incidents.");

    // A project dropped now asks about the unsaved addition first.
    let other = dir.path().join("other.ron");
    let mut editor = project_with("Another text entirely.", &[]);
    editor
        .apply(
            marginalia::model::Edit::SetProjectInfo {
                title: "Other".into(),
                annotator: "B".into(),
            },
            "2026-11-26T10:00:00Z",
        )
        .unwrap();
    store::save(editor.project(), &other).unwrap();
    app.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(other.clone())));
    app.run_steps(4);
    assert!(matches!(
        app.state().modal(),
        Some(Modal::UnsavedChanges { .. })
    ));
    app.get_by_label("Discard").click();
    app.run_steps(3);
    assert_eq!(project(&app).meta().title, "Other");
    assert_eq!(app.state().workspace().file(), Some(other.as_path()));
}
