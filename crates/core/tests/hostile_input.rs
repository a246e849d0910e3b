//! A project file is data from a colleague: nothing in it decides where a file is written or
//! which file is read. Hostile titles and source paths are exported only into the folder the
//! user chose, and a folder export with a name that would leave it writes nothing at all.

use std::{collections::BTreeSet, fs, path::Path};

use marginalia_core::{
    export::{self, ExportOptions, Format, Output},
    model::{Document, Edit, Editor, Project},
    store,
};

/// Every path under `dir`, relative to it.
fn tree(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            out.insert(path.strip_prefix(dir).unwrap().display().to_string());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    out
}

#[test]
fn hostile_titles_and_sources_are_exported_only_into_the_chosen_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "not to be read").unwrap();
    let mut editor = Editor::new_unsaved(Project::new("P", "A", marginalia_testkit::NOW));
    let titles = ["../../escape", "/etc/passwd", "..", "a/b\\c", "CON", ""];
    for (i, title) in titles.iter().enumerate() {
        let doc = Document::new(&format!("d-{i}"), title, format!("Text number {i}."))
            .with_source(&secret.display().to_string(), None);
        editor
            .apply(Edit::AddDocument(Box::new(doc)), marginalia_testkit::NOW)
            .unwrap();
    }
    let project_file = dir.path().join("project.ron");
    store::save(editor.project(), &project_file).unwrap();
    // The file's own paths are data: loading reads only the project file.
    fs::remove_file(&secret).unwrap();
    let loaded = store::load(&project_file).unwrap().project;

    let chosen = dir.path().join("out");
    fs::create_dir(&chosen).unwrap();
    let outside = tree(dir.path());
    for format in Format::ALL {
        let made = export::export(&loaded, format, &ExportOptions::default()).unwrap();
        let target = chosen.join(format!("export.{}", format.extension().unwrap_or("d")));
        export::write_output(&made.output, &target, export::InFolder::EmptyOnly).unwrap();
        if let Output::Folder(files) = &made.output {
            assert_eq!(files.len(), 2 * titles.len() + 2, "{format:?}");
        }
    }
    let after = tree(dir.path());
    let new: Vec<&String> = after.difference(&outside).collect();
    assert!(
        new.iter().all(|p| p.starts_with("out/")),
        "everything written is inside the chosen folder: {new:?}"
    );
    assert!(!secret.exists(), "nothing recreated the source path");
}

#[test]
fn a_folder_export_with_a_name_that_leaves_the_folder_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("brat");
    let files = Output::Folder(vec![
        ("fine.txt".into(), b"ok".to_vec()),
        ("../escaped.txt".into(), b"no".to_vec()),
    ]);
    let error = export::write_output(&files, &target, export::InFolder::EmptyOnly).unwrap_err();
    assert!(
        error.to_string().contains("not a plain file name"),
        "{error}"
    );
    assert!(!target.exists(), "not even the folder was made");
    assert!(!dir.path().join("escaped.txt").exists());
}
