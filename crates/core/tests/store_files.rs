//! Project files: deterministic RON, atomic saves with backups, and loads that check everything
//! and report each problem with its place.

use std::{fs, path::Path};

use marginalia_core::{
    model::{Edit, FORMAT_VERSION, Problem},
    store::{self, LoadError},
};
use marginalia_testkit::project_with;

const TEXT: &str = "Dr. Ana Petrović said “States should not knowingly allow harm” — and 🇪🇺 agreed…\n\
                    Quotes \"raw\" and back\\slash r#\"hash\"# stay.";

fn sample_editor() -> marginalia_core::model::Editor {
    let mut editor = project_with(
        TEXT,
        &[
            ("Ana Petrović", "source", "named official"),
            (
                "States should not knowingly allow harm",
                "norm",
                "due diligence\nsecond line",
            ),
            ("should not", "claim", "nested \"quoted\" note"),
            ("🇪🇺 agreed", "claim", ""),
        ],
    );
    marginalia_testkit::relate(&mut editor, 1, 0, "n");
    editor
}

#[test]
fn save_load_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    let editor = sample_editor();
    store::save(editor.project(), &first).unwrap();
    let loaded = store::load(&first).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(&loaded.project, editor.project());
    store::save(&loaded.project, &second).unwrap();
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
    let text = fs::read_to_string(&first).unwrap();
    assert!(
        text.starts_with("Project(\n    format_version: 1,\n"),
        "{text}"
    );
    assert!(
        text.contains("Dr. Ana Petrović said"),
        "texts are stored unescaped"
    );
}

#[test]
fn saving_keeps_the_previous_version_as_backup_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.ron");
    let mut editor = sample_editor();
    store::save(editor.project(), &path).unwrap();
    let first = fs::read(&path).unwrap();
    let id = editor.project().documents()[0].annotations()[0].id.clone();
    editor
        .apply(
            Edit::DeleteAnnotation {
                doc: "d-1".into(),
                id,
            },
            marginalia_testkit::NOW,
        )
        .unwrap();
    store::save(editor.project(), &path).unwrap();
    assert_eq!(fs::read(dir.path().join("study.ron.bak")).unwrap(), first);
    assert_ne!(fs::read(&path).unwrap(), first);
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The lock file stays: removing it would let two writers lock two different files.
    assert_eq!(names, [".study.ron.lock", "study.ron", "study.ron.bak"]);
}

#[test]
fn a_failed_save_leaves_the_old_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let editor = sample_editor();
    // A folder that does not exist.
    let missing = dir.path().join("gone/study.ron");
    let error = store::save(editor.project(), &missing)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("does not exist") && error.contains("No file was written"),
        "there was no file before, so none is said to be unchanged: {error}"
    );
    // With an old file: the backup cannot be kept (a folder is in its way), so nothing is
    // written and the old file is byte-identical.
    let old = dir.path().join("old.ron");
    store::save(editor.project(), &old).unwrap();
    let before = fs::read(&old).unwrap();
    fs::create_dir(store::backup_path(&old)).unwrap();
    fs::write(store::backup_path(&old).join("keep.txt"), "x").unwrap();
    let mut changed = sample_editor();
    let edit = Edit::SetProjectInfo {
        title: "Changed".into(),
        annotator: "Tester".into(),
    };
    changed.apply(edit, marginalia_testkit::NOW).unwrap();
    let error = store::save(changed.project(), &old)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unchanged"), "{error}");
    assert_eq!(
        fs::read(&old).unwrap(),
        before,
        "the old file is byte-identical"
    );
    fs::remove_dir_all(store::backup_path(&old)).unwrap();
    fs::remove_file(&old).unwrap();
    // A target that is a folder: the rename fails after the temp file was written.
    let blocked = dir.path().join("blocked.ron");
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("keep.txt"), "x").unwrap();
    assert!(store::save(editor.project(), &blocked).is_err());
    assert_eq!(fs::read(blocked.join("keep.txt")).unwrap(), b"x");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| *path != store::lock_path(&blocked) && *path != store::lock_path(&old))
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temp files left behind, only the project's lock file: {leftovers:?}"
    );
}

#[test]
fn loading_never_writes_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.ron");
    store::save(sample_editor().project(), &path).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let (bytes, modified, files) = (
        fs::read(&path).unwrap(),
        fs::metadata(&path).unwrap().modified().unwrap(),
        listing(),
    );
    store::load(&path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert_eq!(listing(), files, "no file appears or goes");
}

/// The saved sample with one textual substitution applied.
fn corrupted(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} in the saved file");
    text.replacen(from, to, 1)
}

/// Whether a problem is the one a case expects.
type ProblemTest = fn(&Problem) -> bool;

fn load_text(text: &str) -> Result<store::Loaded, LoadError> {
    store::load_str(text, Path::new("study.ron"))
}

/// Line (1-based) of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn malformed_files_give_their_specific_error_with_the_place() {
    let editor = sample_editor();
    let saved = store::to_ron(editor.project()).unwrap();
    let annotations = editor.project().documents()[0].annotations();
    let first_id = annotations[0].id.clone();

    // Truncated file.
    for cut in [
        &saved[..saved.floor_char_boundary(saved.len() / 2)],
        &saved[..saved.rfind("documents").unwrap()],
    ] {
        match load_text(cut) {
            Err(LoadError::Parse { line, message, .. }) => {
                assert!(message.contains("ends too early"), "{message}");
                assert!(
                    line > cut.trim_end().matches('\n').count(),
                    "points at the end of the file: {line}"
                );
            }
            other => panic!("truncated: {other:?}"),
        }
    }
    // Wrong type.
    let wrong = corrupted(&saved, "meta: (", "meta: 5,\n    old_meta: (");
    match load_text(&wrong) {
        Err(LoadError::Parse {
            line,
            column,
            message,
            ..
        }) => {
            assert!(
                line == 3 && (10..=11).contains(&column),
                "{line}:{column} {message}"
            );
            assert!(message.contains("expected"), "{message}");
        }
        other => panic!("wrong type: {other:?}"),
    }
    let start_as_text = corrupted(&saved, "start: ", "start: \"ten\", _x: ");
    match load_text(&start_as_text) {
        Err(LoadError::Parse {
            line,
            column,
            message,
            ..
        }) => {
            assert_eq!(line, line_of(&start_as_text, "start: \"ten\""));
            assert!(column > 1);
            assert!(
                message.to_lowercase().contains("expected"),
                "says what was expected: {message}"
            );
        }
        other => panic!("string for a number: {other:?}"),
    }
    // A newer format version, even when the rest of the file has a new shape.
    let newer = saved
        .replacen("format_version: 1", "format_version: 7", 1)
        .replacen("meta:", "metadata_v7:", 1);
    match load_text(&newer) {
        Err(
            error @ LoadError::NewerVersion {
                found: 7,
                supported: FORMAT_VERSION,
                ..
            },
        ) => {
            assert!(error.to_string().contains("newer Marginalia"), "{error}");
        }
        other => panic!("newer version: {other:?}"),
    }
    // Invariants: each problem with its annotation and line.
    let quote_of_first = annotations[0].quote.clone();
    let cases: Vec<(String, ProblemTest)> = vec![
        (corrupted(&saved, "end: ", "end: 9999, _was: "), |p| {
            matches!(p, Problem::SpanOutOfBounds { end: 9999, .. })
        }),
        (
            corrupted(&saved, "label: \"claim\"", "label: \"clam\""),
            |p| matches!(p, Problem::UnknownLabel { label, .. } if label == "clam"),
        ),
        (
            corrupted(&saved, &format!("id: \"{first_id}\""), "id: \"r-1\""),
            |p| {
                matches!(p, Problem::DuplicateId { .. })
                    || matches!(p, Problem::DanglingRelation { .. })
            },
        ),
    ];
    for (text, expected) in cases {
        match load_text(&text) {
            Err(LoadError::Invalid { problems, .. }) => {
                let found = problems
                    .iter()
                    .find(|p| expected(&p.problem))
                    .unwrap_or_else(|| panic!("{problems:?}"));
                let line = found.line.expect("the problem has a line");
                assert!(
                    text.lines().nth(line - 1).unwrap().contains("id: "),
                    "line {line} holds the item"
                );
            }
            other => panic!("expected invalid: {other:?}"),
        }
    }
    // Duplicate annotation ids point at the second use.
    let second_id = annotations[1].id.clone();
    let duplicate = saved.replacen(
        &format!("id: \"{second_id}\""),
        &format!("id: \"{first_id}\""),
        1,
    );
    match load_text(&duplicate) {
        Err(LoadError::Invalid { problems, .. }) => {
            let dup = problems.iter().find(|p| matches!(&p.problem, Problem::DuplicateId { kind: "annotation", id } if *id == first_id)).expect("duplicate reported");
            assert_eq!(
                dup.line,
                Some(
                    duplicate
                        .match_indices(&format!("id: \"{first_id}\""))
                        .nth(1)
                        .map(|(at, _)| duplicate[..at].matches('\n').count() + 1)
                        .unwrap()
                )
            );
        }
        other => panic!("duplicate: {other:?}"),
    }
    // A stored quote that no longer matches: reported with id and both texts, project still opens.
    let mismatch = saved.replacen(
        &format!("quote: \"{quote_of_first}\""),
        "quote: \"Ana Petrovic\"",
        1,
    );
    let loaded = load_text(&mismatch).expect("a quote mismatch is repairable");
    match &loaded.warnings[..] {
        [warning] => {
            assert!(
                matches!(&warning.problem, Problem::QuoteMismatch { id, stored, actual, .. }
                if *id == first_id && stored == "Ana Petrovic" && actual == "Ana Petrović")
            );
            assert_eq!(
                warning.line,
                Some(line_of(&mismatch, &format!("id: \"{first_id}\"")))
            );
        }
        other => panic!("one quote warning expected: {other:?}"),
    }
    assert_eq!(
        loaded.project.documents()[0].annotations()[0].quote,
        "Ana Petrovic",
        "kept, not fixed"
    );
}

#[test]
fn hand_written_files_may_leave_out_the_optional_fields() {
    let text = r##"Project(
    format_version: 1,
    meta: (title: "Minimal", annotator: "me"),
    labels: [(id: "claim", name: "Claim", color: "#D55E00")],
    documents: [(
        id: "d1", title: "One",
        text_sha256: "ea2b8a0f9ab23d1c5b6ac4b8b0d9b7a7b9b9db4b6a3d3f3ea2e1ac2e3c3b8d8d",
        text: "Hello world",
        annotations: [(id: "a1", label: "claim", start: 6, end: 11, quote: "world")],
    )],
)"##;
    let sha = marginalia_core::model::sha256_hex(b"Hello world");
    let text = text.replace(
        "ea2b8a0f9ab23d1c5b6ac4b8b0d9b7a7b9b9db4b6a3d3f3ea2e1ac2e3c3b8d8d",
        &sha,
    );
    let loaded = load_text(&text).unwrap();
    assert!(loaded.warnings.is_empty());
    let annotation = &loaded.project.documents()[0].annotations()[0];
    assert_eq!(
        (annotation.note.as_str(), annotation.created.as_str()),
        ("", "")
    );
    assert_eq!(loaded.project.labels()[0].key, None);
}

/// The example in docs/FORMAT.md: the first ```ron block.
fn format_doc_example() -> String {
    let doc = fs::read_to_string(marginalia_testkit::repository("docs/FORMAT.md")).unwrap();
    let start = doc.find("```ron\n").expect("a ron block") + "```ron\n".len();
    doc[start..start + doc[start..].find("```").unwrap()].to_owned()
}

#[test]
fn the_format_doc_example_loads_checks_clean_and_is_saved_as_written() {
    let example = format_doc_example();
    let loaded = load_text(&example).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let doc = &loaded.project.documents()[0];
    assert_eq!(doc.annotations().len(), 4);
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(
        store::to_ron(&loaded.project).unwrap(),
        example,
        "the example is in canonical form"
    );
}

#[cfg(unix)]
#[test]
fn a_save_through_a_symbolic_link_replaces_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    store::save(sample_editor().project(), &target).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut editor = sample_editor();
    let edit = Edit::SetProjectInfo {
        title: "Through the link".into(),
        annotator: "Tester".into(),
    };
    editor.apply(edit, marginalia_testkit::NOW).unwrap();
    store::save(editor.project(), &link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    let saved = store::load(&target).unwrap().project;
    assert_eq!(
        saved.meta().title,
        "Through the link",
        "the target holds the save"
    );
    assert!(
        store::backup_path(&target).exists(),
        "the backup is beside the target"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_project_is_not_replaced_unless_allowed_and_copies_keep_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.ron");
    store::save(sample_editor().project(), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    let error = store::save(sample_editor().project(), &path).unwrap_err();
    assert!(
        matches!(error, store::SaveError::ReadOnly { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);

    let lock = store::ProjectLock::acquire(&path).unwrap();
    let allow = store::Allow {
        read_only: true,
        ..store::Allow::default()
    };
    store::save_checked(sample_editor().project(), &path, None, allow, &lock).unwrap();
    drop(lock);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o444, "it stays read-only");

    // A private project's backup and recovery copy are private too.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    store::save(sample_editor().project(), &path).unwrap();
    assert_eq!(mode(&store::backup_path(&path)), 0o600);
    let recovery = store::recovery_path(Some(&path), dir.path());
    store::write_recovery(sample_editor().project(), &recovery).unwrap();
    assert_eq!(mode(&recovery), 0o600);
}

/// Many problems are located in one pass over the file: 20,000 stored quotes that no longer match
/// their text (each a warning with its line) and a duplicate id load in well under a second per
/// 10 MB.
#[test]
fn a_file_with_many_problems_loads_in_linear_time() {
    let (project, _) = marginalia_testkit::workload::two_analysts(2_000_000, 20_000, 7);
    let text = store::to_ron(&project).unwrap();
    let broken = text.replace("quote: \"", "quote: \"~");
    assert_eq!(broken.len() - text.len(), 20_000, "every quote changed");
    let started = std::time::Instant::now();
    let loaded = store::load_str(&broken, Path::new("many.ron")).unwrap();
    let took = started.elapsed();
    assert_eq!(loaded.warnings.len(), 20_000);
    assert!(
        loaded.warnings.iter().all(|w| w.line.is_some()),
        "each has its line"
    );
    assert!(took.as_secs_f64() < 2.0, "took {took:?}");
}

#[test]
fn an_error_says_what_was_true_when_it_happened_not_when_it_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("study.ron");
    std::fs::write(&file, "Project(format_version: 1, oops").unwrap();
    std::fs::write(store::backup_path(&file), "the previous version").unwrap();
    let error = store::load(&file).expect_err("malformed");
    // The backup goes after the error was made: showing the error reads no file.
    std::fs::remove_file(store::backup_path(&file)).unwrap();
    assert!(error.to_string().contains("open its backup"), "{error}");
    let without = store::load(&file).expect_err("malformed");
    assert!(
        without
            .to_string()
            .contains("it has no .bak backup beside it"),
        "{without}"
    );
}
