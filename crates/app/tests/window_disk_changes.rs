//! Another program writes the open project's file: the window notices and offers to reload,
//! keeping unsaved work in a file of its own; a save that finds the file changed saves nothing
//! and asks Reload / Save as… / Overwrite, with the work in memory untouched.

mod common;

use common::{
    NOW, project_with,
    window::{drag_words, open_stepping, press, project},
};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use marginalia::{
    model::{Edit, Project},
    store,
    ui::dialogs::modals::Modal,
};

const TEXT: &str = "Due diligence\n\nStates must exercise due diligence over their territory.";

/// A project file in `dir` and the app open on it, its frames half a second apart.
fn opened(dir: &std::path::Path) -> (std::path::PathBuf, common::window::App<'static>) {
    let file = dir.join("p.ron");
    store::save(project_with(TEXT, &[]).project(), &file).unwrap();
    let app = open_stepping(&file, &dir.join("data"), 0.5);
    (file, app)
}

/// Another analyst's version of the project: the same article, another title.
fn theirs() -> Project {
    let mut editor = project_with(TEXT, &[("States", "source", "")]);
    let edit = Edit::SetProjectInfo {
        title: "Their version".into(),
        annotator: "Ben".into(),
    };
    editor.apply(edit, NOW).unwrap();
    editor.into_project()
}

/// Tags "must exercise" as a claim with a drag and a key: unsaved work.
fn tag_a_claim(app: &mut common::window::App<'_>) {
    drag_words(app, TEXT, "must", "exercise");
    press(app, Modifiers::NONE, Key::Num1);
    assert!(app.state().workspace().is_dirty());
}

fn claims(project: &Project) -> usize {
    project.documents()[0]
        .annotations()
        .iter()
        .filter(|a| a.label == "claim")
        .count()
}

#[test]
fn a_change_on_disk_is_noticed_and_reload_keeps_the_unsaved_work_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut app) = opened(dir.path());
    tag_a_claim(&mut app);
    store::save(&theirs(), &file).unwrap();
    app.run_steps(6);
    assert!(
        matches!(
            app.state().modal(),
            Some(Modal::ChangedOnDisk {
                dirty: true,
                saving: false,
                ..
            })
        ),
        "the window asks about the change"
    );
    app.get_by_label("Reload").click();
    app.run_steps(2);
    assert_eq!(project(&app).meta().title, "Their version");
    assert!(!app.state().workspace().is_dirty());
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("data/kept"))
        .expect("the unsaved work was kept")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    let kept = store::load(&kept[0]).unwrap().project;
    assert_eq!(claims(&kept), 1, "the kept file holds the unsaved claim");

    // Asked once per change: after a reload, nothing more is asked.
    app.run_steps(6);
    assert!(app.state().modal().is_none());
}

#[test]
fn keeping_mine_asks_once_and_a_save_then_refuses_until_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut app) = opened(dir.path());
    tag_a_claim(&mut app);
    store::save(&theirs(), &file).unwrap();
    app.run_steps(6);
    app.get_by_label("Keep mine").click();
    app.run_steps(6);
    assert!(
        app.state().modal().is_none(),
        "the same change is not asked about again"
    );

    press(&mut app, Modifiers::COMMAND, Key::S);
    app.run_steps(2);
    assert!(
        matches!(
            app.state().modal(),
            Some(Modal::ChangedOnDisk { saving: true, .. })
        ),
        "the save asks instead of replacing their changes"
    );
    assert_eq!(
        store::load(&file).unwrap().project.meta().title,
        "Their version"
    );
    assert_eq!(claims(project(&app)), 1, "the work in memory is untouched");

    app.get_by_label("Overwrite").click();
    app.run_steps(2);
    let saved = store::load(&file).unwrap().project;
    assert_eq!(
        (saved.meta().title.as_str(), claims(&saved)),
        ("Test project", 1)
    );
    let backup = store::load(&store::backup_path(&file)).unwrap().project;
    assert_eq!(
        backup.meta().title,
        "Their version",
        "theirs stays as the backup"
    );
    assert!(!app.state().workspace().is_dirty());
}
