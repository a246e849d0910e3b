//! The basics a desktop tool has, driven headless through egui_kittest: a saved blog page
//! becomes a project titled by its headline; documents and the project are renamed and the
//! annotator set in File > Project settings…, shown in the status bar and saved; Markdown
//! headings show without their `#`s; a double-click anywhere in a hyphenated word selects it;
//! Help lists every key; a typed path completes with Tab.

mod common;

use std::path::Path;

use common::{
    span_of,
    window::{at_char, click_label, drag_words, open, open_stepping, press, project},
};
use eframe::egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::kittest::Queryable;
use marginalia::{
    store,
    ui::{dialogs::modals::Modal, shortcuts::HELP_TABLE},
};

/// Writes `name` with `contents` into `dir`.
fn write(dir: &Path, name: &str, contents: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_saved_blog_page_is_titled_by_its_headline_and_titles_and_annotator_are_set_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "post.html",
        "<html><head><title>Crossroads Blog | Institute for Security Studies</title></head>\
         <body><nav>Crossroads Blog | Institute for Security Studies</nav><article>\
         <h1>States Agree on Cyber Norms</h1><p>The group met in Geneva and agreed.</p>\
         </article></body></html>",
    );
    let mut app = open(&page, dir.path());
    assert_eq!(
        project(&app).documents()[0].title(),
        "States Agree on Cyber Norms"
    );
    assert_eq!(project(&app).meta().title, "States Agree on Cyber Norms");

    click_label(&mut app, "File");
    click_label(&mut app, "Project settings…");
    // A grid measures itself in its first frame and shows from the next.
    app.run_steps(2);
    assert!(
        matches!(app.state().modal(), Some(Modal::ProjectSettings(_))),
        "{:?}",
        app.state().modal()
    );
    let title = app.get_by_label("Project title:");
    title.focus();
    app.run_steps(1);
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.get_by_label("Project title:").type_text("Geneva study");
    app.get_by_label("Annotator:").focus();
    app.run_steps(1);
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.get_by_label("Annotator:").type_text("Ines Vidal");
    app.get_by_label("Title of document 1:").focus();
    app.run_steps(1);
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.get_by_label("Title of document 1:")
        .type_text("Geneva agreement");
    app.run_steps(1);
    click_label(&mut app, "Apply");

    assert_eq!(project(&app).meta().title, "Geneva study");
    assert_eq!(project(&app).meta().annotator, "Ines Vidal");
    assert_eq!(project(&app).documents()[0].title(), "Geneva agreement");
    app.get_by_label("Annotator: Ines Vidal");
    // Each change is undoable; redo brings it back.
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        project(&app).documents()[0].title(),
        "States Agree on Cyber Norms"
    );
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);

    press(&mut app, Modifiers::COMMAND, Key::S);
    // A project not saved yet is offered the folder its article came from.
    let offered = app.get_by_label("Path of the file:").value().unwrap();
    assert!(
        offered.starts_with(&dir.path().display().to_string()),
        "{offered}"
    );
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let saved_to = dir.path().join("geneva.ron");
    app.get_by_label("Path of the file:")
        .type_text(&saved_to.display().to_string());
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    let saved = store::load(&saved_to).unwrap().project;
    assert_eq!(saved.meta().annotator, "Ines Vidal");
    assert_eq!(saved.meta().title, "Geneva study");
    assert_eq!(saved.documents()[0].title(), "Geneva agreement");
}

#[test]
fn markdown_headings_show_without_their_markers_and_keep_the_stored_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "## Heading of the memo\n\nBody text of the memo follows here.\n";
    let article = write(dir.path(), "memo.md", text);
    let mut app = open(&article, dir.path());
    let stored = project(&app).documents()[0].text().to_owned();
    assert!(
        stored.starts_with("## Heading"),
        "the stored text keeps its markers"
    );

    // The heading's first letter stands where the body's does: the markers take no room.
    let heading = app.state().char_rect(3).unwrap();
    let body = app
        .state()
        .char_rect(span_of(&stored, "Body", 0).start)
        .unwrap();
    assert!(
        (heading.left() - body.left()).abs() < 1.0,
        "{heading:?} {body:?}"
    );
    let hash = app.state().char_rect(0).unwrap();
    assert!((hash.left() - heading.left()).abs() < 1.0);

    drag_words(&mut app, &stored, "Heading", "memo");
    press(&mut app, Modifiers::NONE, Key::Num1);
    let annotation = &project(&app).documents()[0].annotations()[0];
    assert_eq!(annotation.quote, "Heading of the memo");
    assert_eq!(
        annotation.span(),
        span_of(&stored, "Heading of the memo", 0)
    );
}

#[test]
fn a_double_click_anywhere_in_a_hyphenated_word_selects_the_whole_word() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks\n\nA multi-stakeholder approach was agreed.\n";
    let article = write(dir.path(), "talks.txt", text);
    let word = span_of(text, "multi-stakeholder", 0);
    for offset in [word.start + 1, word.start + 5, word.start + 9, word.end - 1] {
        // Short frames, so that the two clicks fall within the double-click interval.
        let mut app = open_stepping(&article, dir.path(), 0.05);
        let at = at_char(&app, offset);
        app.event(Event::PointerMoved(at));
        for pressed in [true, false, true, false] {
            app.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            app.step();
        }
        app.run_steps(3);
        assert_eq!(
            app.state().text_selection(),
            Some(word),
            "clicked at {offset}"
        );
    }
}

#[test]
fn help_lists_every_key_the_window_answers_to() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", "Title\n\nText.\n");
    let mut app = open(&article, dir.path());
    press(&mut app, Modifiers::NONE, Key::F1);
    for keys in [
        "Ctrl+Plus / Ctrl+Minus / Ctrl+0",
        "Ctrl+B",
        "Ctrl+Shift+B",
        "Compare: A / B / C …",
        "Compare: K",
        "Compare: X",
        "Compare: U",
        "Delete / Backspace",
        "Alt+Left / Alt+Right",
        "Tab (in a typed path)",
    ] {
        app.get_by_label(keys);
    }
    for (keys, _) in HELP_TABLE {
        app.get_by_label(keys);
    }
}

#[test]
fn tab_completes_a_typed_path_and_lists_the_matching_files() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", "First\n\nText.\n");
    let study = dir.path().join("second-study.ron");
    let article = marginalia::import::read_article(&first).unwrap();
    let mut editor = marginalia::model::Editor::new(marginalia::model::Project::new(
        "Second",
        "Tester",
        common::NOW,
    ));
    editor
        .apply(
            marginalia::model::Edit::AddDocument(Box::new(article.into_document("d-1"))),
            common::NOW,
        )
        .unwrap();
    store::save(editor.project(), &study).unwrap();
    write(dir.path(), "second-draft.ron", "not a project");
    write(dir.path(), "secret.txt", "an article, not a project");

    let mut app = open(&study, dir.path());
    press(&mut app, Modifiers::COMMAND, Key::O);
    app.get_by_label("Path of the file:").type_text("sec");
    app.run_steps(1);
    press(&mut app, Modifiers::NONE, Key::Tab);
    let typed = app.get_by_label("Path of the file:").value().unwrap();
    assert!(typed.ends_with("second-"), "{typed}");
    // Both projects are listed; the article is not.
    app.get_by_label("second-draft.ron");
    app.get_by_label("second-study.ron");
    assert!(app.query_by_label("secret.txt").is_none());

    // A letter and the Tab in one frame, as a fast typist sends them: the letter counts.
    app.get_by_label("Path of the file:").type_text("s");
    press(&mut app, Modifiers::NONE, Key::Tab);
    let typed = app.get_by_label("Path of the file:").value().unwrap();
    assert!(typed.ends_with("second-study.ron"), "{typed}");
    press(&mut app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
    assert_eq!(app.state().workspace().file(), Some(study.as_path()));
}

#[test]
fn the_tooltip_of_a_passage_shows_on_hover_but_never_over_a_question_the_window_asks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("coded.ron");
    std::fs::copy(
        marginalia_testkit::repository("projects/cyber-norms-sample.ron"),
        &file,
    )
    .unwrap();
    let mut app = open(&file, dir.path());
    let (start, note) = {
        let doc = &project(&app).documents()[0];
        let annotation = doc
            .annotations()
            .iter()
            .find(|a| !a.note.is_empty() && doc.covering_innermost_first(a.start).len() == 1)
            .expect("a passage with a note and nothing over its start");
        (annotation.start, annotation.note.clone())
    };
    let first_line = note.lines().next().unwrap().to_owned();
    let hover = |app: &mut common::window::App<'_>| {
        let pos = at_char(app, start);
        app.event(Event::PointerMoved(pos));
        app.step();
        // The tooltip shows once the pointer has rested (egui waits half a second).
        app.run_steps(60);
    };
    hover(&mut app);
    assert!(
        app.query_by_label_contains(&first_line).is_some(),
        "the tooltip lists the passage with its note"
    );
    press(&mut app, Modifiers::NONE, Key::F1);
    app.run_steps(2);
    assert!(matches!(app.state().modal(), Some(Modal::Shortcuts)));
    hover(&mut app);
    assert!(
        app.query_by_label_contains(&first_line).is_none(),
        "no tooltip over the help window"
    );
}

#[test]
fn label_counts_follow_the_document_shown_beside_the_project_total() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.ron");
    std::fs::copy(
        marginalia_testkit::repository("projects/cyber-norms-sample.ron"),
        &file,
    )
    .unwrap();
    let mut app = open(&file, dir.path());
    let count_of = |app: &common::window::App<'_>, doc: usize, label: &str| {
        project(app).documents()[doc]
            .annotations()
            .iter()
            .filter(|a| a.label == label)
            .count()
    };
    let total = project(&app).label_count("source");
    let first = count_of(&app, 0, "source");
    assert!(
        app.query_by_label(&format!("{first} / {total}")).is_some(),
        "the Source row shows {first} / {total}"
    );
    let second_title = project(&app).documents()[1].title().to_owned();
    app.get_by_label_contains(&second_title[..20]).click();
    app.run_steps(3);
    let second = count_of(&app, 1, "source");
    assert_ne!(first, second, "the sample's articles differ in sources");
    assert!(app.query_by_label(&format!("{second} / {total}")).is_some());
}
