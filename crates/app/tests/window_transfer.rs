//! Export and import in the window, driven headless through egui_kittest: File > Export… with
//! the loss report, writing a brat folder and a CSV file through the typed-path field, then
//! File > Import annotations… of that folder into a project of the same article without
//! annotations, undone and redone as one step and saved; the checks are on the files.

mod common;

use common::window::{App, open};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::{
    export::Format,
    model::{Document, Project},
    store,
};

fn press(app: &mut App<'_>, modifiers: Modifiers, key: Key) {
    app.key_press_modifiers(modifiers, key);
    app.run_steps(2);
}

fn click(app: &mut App<'_>, label: &str) {
    app.get_by_label(label).click();
    app.run_steps(2);
}

/// Types `name` after the folder the typed-path field starts in, and confirms.
fn type_path(app: &mut App<'_>, caption: &str, name: &str) {
    app.run_steps(2);
    app.get_by_label(caption).type_text(name);
    app.run_steps(1);
    press(app, Modifiers::NONE, Key::Enter);
    app.run_steps(2);
}

fn dismiss_messages(app: &mut App<'_>) {
    while app.query_by_label("Dismiss").is_some() {
        click(app, "Dismiss");
    }
}

#[test]
fn a_brat_export_from_the_window_imports_back_into_a_bare_copy_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let coded = dir.path().join("coded.ron");
    std::fs::copy(
        marginalia_testkit::repository("projects/cyber-norms-sample.ron"),
        &coded,
    )
    .unwrap();
    let original = store::load(&coded).unwrap().project;

    // Export: the window shows what brat cannot carry before anything is written.
    let mut app = open(&coded, dir.path());
    click(&mut app, "File");
    app.get_by_label_contains("Export…").click();
    app.run_steps(2);
    assert!(app.state().export_window_open());
    app.run_steps(4);
    click(&mut app, Format::Brat.describe());
    app.get_by_label_contains("who made each annotation and when is left out");
    click(&mut app, "Choose folder and export…");
    type_path(&mut app, "Path of the folder:", "-brat-out");
    let messages = app.state().messages().to_vec();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].body.contains("written to"), "{messages:?}");
    let folder = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir() && p.to_string_lossy().ends_with("-brat-out"))
        .expect("the brat folder was written");
    let files_written = std::fs::read_dir(&folder).unwrap().count();
    assert!(files_written >= 4);
    dismiss_messages(&mut app);

    // The same export again: the folder holds the previous export's files, so the window asks
    // before replacing them, naming them; Replace writes.
    let export_brat_again = |app: &mut App<'_>| {
        click(app, "File");
        app.get_by_label_contains("Export…").click();
        app.run_steps(6);
        click(app, Format::Brat.describe());
        click(app, "Choose folder and export…");
        type_path(app, "Path of the folder:", "-brat-out");
    };
    let conf = folder.join("annotation.conf");
    std::fs::write(&conf, "changed by hand").unwrap();
    export_brat_again(&mut app);
    app.get_by_label_contains("Replace the files of a previous export?");
    app.get_by_label_contains("annotation.conf");
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), "changed by hand");
    click(&mut app, "Replace");
    assert!(
        std::fs::read_to_string(&conf)
            .unwrap()
            .contains("[entities]")
    );
    let messages = app.state().messages().to_vec();
    assert!(messages[0].body.contains("written to"), "{messages:?}");
    dismiss_messages(&mut app);
    // With a file of the user's own in the folder, the export never mixes with it.
    std::fs::write(folder.join("my-notes.txt"), "mine").unwrap();
    export_brat_again(&mut app);
    assert!(
        app.query_by_label("Replace").is_none(),
        "no replacing next to other files"
    );
    let messages = app.state().messages().to_vec();
    assert!(
        messages[0].body.contains("my-notes.txt") && messages[0].body.contains("never mixes"),
        "{messages:?}"
    );
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        files_written + 1
    );
    std::fs::remove_file(folder.join("my-notes.txt")).unwrap();
    dismiss_messages(&mut app);

    // A CSV through Ctrl+E, with the byte-order mark for Excel.
    press(&mut app, Modifiers::COMMAND, Key::E);
    app.run_steps(4);
    click(&mut app, Format::Csv.describe());
    click(&mut app, "Start with a byte-order mark (for Excel)");
    click(&mut app, "Choose file and export…");
    type_path(&mut app, "Path of the file:", "");
    let csv = dir.path().join("cyber-norms-two-commentaries.csv");
    let bytes = std::fs::read(&csv).expect("the CSV was written");
    assert!(bytes.starts_with("\u{feff}document,".as_bytes()));
    assert!(
        bytes.iter().filter(|&&b| b == b'\n').count() > 8,
        "a header and a row per annotation"
    );
    drop(app);

    // Import into a project of the same articles with no annotations.
    let bare = Project::from_parts(
        original.meta().clone(),
        original.labels()[..1].to_vec(),
        original
            .documents()
            .iter()
            .map(|d| Document::new(d.id(), d.title(), d.text().to_owned()))
            .collect(),
    );
    let bare_file = dir.path().join("bare.ron");
    store::save(&bare, &bare_file).unwrap();
    let mut app = open(&bare_file, dir.path());
    click(&mut app, "File");
    click(&mut app, "Import annotations…");
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    type_path(
        &mut app,
        "Paths of the files (separate several with ;):",
        &name,
    );
    let count = |p: &Project| -> (usize, usize) {
        p.documents().iter().fold((0, 0), |(a, r), d| {
            (a + d.annotations().len(), r + d.relations().len())
        })
    };
    let (annotations, relations) = count(&original);
    let messages = app.state().messages().to_vec();
    let expected = format!("{annotations} annotation(s) and {relations} relation(s)");
    assert!(
        messages.len() == 1 && messages[0].body.contains(&expected),
        "{messages:?}"
    );
    let project = app.state().workspace().project();
    assert_eq!(project.documents().len(), 2, "the articles were recognised");
    assert_eq!(count(project), (annotations, relations));
    assert_eq!(project.labels().len(), 3, "source and norm were added");
    dismiss_messages(&mut app);

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(count(app.state().workspace().project()), (0, 0));
    assert_eq!(app.state().workspace().project().labels().len(), 1);
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    press(&mut app, Modifiers::COMMAND, Key::S);
    let saved = store::load(&bare_file).unwrap().project;
    let spans = |p: &Project| -> Vec<(String, usize, usize, String)> {
        p.documents()
            .iter()
            .flat_map(|d| d.annotations())
            .map(|a| (a.label.clone(), a.start, a.end, a.note.replace('\n', " ")))
            .collect()
    };
    assert_eq!(spans(&saved), spans(&original));
    assert_eq!(count(&saved), (annotations, relations));
}
