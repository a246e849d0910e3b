//! The command line as a user runs it: `new`, `add`, `info`, `check`, errors and exit statuses.

mod common;

use common::marginalia;
use std::{
    fs,
    path::PathBuf,
    process::{Command, Output},
};

use marginalia::store;

fn data(name: &str) -> PathBuf {
    marginalia_testkit::fixture(name)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn new_from_a_saved_page_and_a_windows_1252_file_checks_clean_with_the_readers_text() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.ron");
    let output = marginalia(&[
        &"new",
        &data("saved-page.html"),
        &data("windows-1252.txt"),
        &"-o",
        &project,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("decoded from windows-1252, CRLF newlines → LF"),
        "{}",
        stdout(&output)
    );

    let check = marginalia(&[&"check", &project]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    assert!(stdout(&check).contains("sound"));

    let loaded = store::load(&project).unwrap().project;
    let docs = loaded.documents();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text(),
        fs::read_to_string(data("saved-page.expected.txt")).unwrap()
    );
    assert_eq!(
        docs[1].text(),
        fs::read_to_string(data("windows-1252.expected.txt")).unwrap()
    );
    assert_eq!(loaded.meta().annotator, "Test Analyst");
    assert_eq!(loaded.meta().title, "2 articles");
    let record = docs[1].import_record().unwrap();
    assert_eq!(record.encoding, "windows-1252");
}

#[test]
fn add_info_and_refusing_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.ron");
    let made = marginalia(&[
        &"new",
        &data("iso-8859-2.txt"),
        &"-o",
        &project,
        &"--title",
        &"Polish press",
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let again = marginalia(&[&"new", &data("iso-8859-2.txt"), &"-o", &project]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let added = marginalia(&[&"add", &project, &data("windows-1252.txt")]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        dir.path().join("study.ron.bak").exists(),
        "the previous version is kept"
    );
    let twice = marginalia(&[&"add", &project, &data("windows-1252.txt")]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        stderr(&twice).contains("already in the project"),
        "{}",
        stderr(&twice)
    );

    let info = marginalia(&[&"info", &project]);
    let text = stdout(&info);
    assert!(info.status.success());
    for expected in [
        "Polish press",
        "Test Analyst",
        "2 documents, 0 annotations",
        "claim",
        "Source [2]",
        "from ",
    ] {
        assert!(text.contains(expected), "info lacks {expected:?}:\n{text}");
    }
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("broken.ron");
    let example = fs::read_to_string(marginalia_testkit::repository("docs/FORMAT.md")).unwrap();
    let start = example.find("```ron\n").unwrap() + 7;
    let mut ron = example[start..start + example[start..].find("```").unwrap()].to_owned();
    ron = ron
        .replacen("label: \"claim\"", "label: \"clam\"", 1)
        .replacen("end: 16,", "end: 9999,", 1);
    fs::write(&project, &ron).unwrap();
    let check = marginalia(&[&"check", &project]);
    assert_eq!(check.status.code(), Some(1));
    let text = stdout(&check);
    assert!(
        text.contains("clam") && text.contains("9999") && text.contains("2 problems"),
        "{text}"
    );
    assert!(text.contains("line "), "problems carry lines: {text}");
    assert_eq!(
        fs::read_to_string(&project).unwrap(),
        ron,
        "check never writes"
    );
}

#[test]
fn errors_go_to_stderr_without_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&dyn AsRef<std::ffi::OsStr>], &str); 3] = [
        (&[&"check", &dir.path().join("missing.ron")], "cannot read"),
        (
            &[
                &"new",
                &dir.path().join("none.txt"),
                &"-o",
                &dir.path().join("x.ron"),
            ],
            "none.txt",
        ),
        (&[&"info", &data("saved-page.html")], "saved-page.html"),
    ];
    for (args, expected) in cases {
        let output = marginalia(args);
        assert_eq!(output.status.code(), Some(2));
        let err = stderr(&output);
        assert!(
            err.starts_with("error: ") && err.contains(expected),
            "{err}"
        );
        assert!(
            !err.contains("backtrace") && !err.contains("panicked"),
            "{err}"
        );
        assert!(stdout(&output).is_empty());
    }
    assert!(
        !dir.path().join("x.ron").exists(),
        "a failed new writes nothing"
    );
}

#[test]
fn help_says_a_path_opens_in_the_window_and_lists_the_commands() {
    let output = marginalia(&[&"--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("[PATH]"), "{text}");
    assert!(text.contains("opens the window"), "{text}");
    for command in ["new", "add", "info", "check"] {
        assert!(text.contains(command), "{text}");
    }
}

#[test]
fn a_subcommand_name_is_not_taken_for_a_path() {
    let output = marginalia(&[&"info", &"/nonexistent/project.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/project.ron"),
        "{}",
        stderr(&output)
    );
}

/// A save into a folder the user may not write to fails cleanly: the previous file stays
/// byte-identical and no temporary file is left. Run as an ordinary user (root ignores folder
/// permissions, so as root the command runs as `nobody`).
#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_cleanly_and_keeps_the_file() {
    use std::os::unix::{fs::PermissionsExt, process::CommandExt};

    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    // The binary and the article are copied where `nobody` can reach them.
    let binary = dir.path().join("marginalia");
    fs::copy(env!("CARGO_BIN_EXE_marginalia"), &binary).unwrap();
    let article = dir.path().join("article.txt");
    fs::copy(data("windows-1252.txt"), &article).unwrap();
    fs::set_permissions(&article, fs::Permissions::from_mode(0o644)).unwrap();

    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let project = folder.join("study.ron");
    let made = marginalia(&[&"new", &data("iso-8859-2.txt"), &"-o", &project]);
    assert!(made.status.success(), "{}", stderr(&made));
    fs::set_permissions(&project, fs::Permissions::from_mode(0o644)).unwrap();
    let before = fs::read(&project).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();

    let mut command = Command::new(&binary);
    command.args(["add".as_ref(), project.as_os_str(), article.as_os_str()]);
    // As root, run as `nobody` (std drops supplementary groups when root changes the uid).
    if running_as_root() {
        command.uid(65534).gid(65534);
    }
    let output = command.output().unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();

    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    let err = stderr(&output);
    assert!(
        err.contains("read-only") && err.contains("unchanged"),
        "{err}"
    );
    assert_eq!(
        fs::read(&project).unwrap(),
        before,
        "the previous file is byte-identical"
    );
    let names: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| *path != store::lock_path(&project))
        .collect();
    assert_eq!(
        names.len(),
        1,
        "only the project (and its lock file), no temporary file: {names:?}"
    );
}

/// Whether this process runs as root (whose writes ignore folder permissions).
#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

#[test]
fn update_carries_annotations_to_a_new_version_reports_orphans_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.ron");
    fs::copy(marginalia::sample::sample_project_path(), &project).unwrap();
    let original = fs::read(&project).unwrap();
    let loaded = store::load(&project).unwrap().project;
    let doc = &loaded.documents()[0];
    let deleted = "At some point, ignorance becomes a policy.";
    let revised = doc
        .text()
        .replacen(deleted, "", 1)
        .replacen("cyber security", "cybersecurity", 1)
        .replace('\n', "\r\n");
    let article = dir.path().join("revised.txt");
    fs::write(&article, revised).unwrap();
    let title = doc.title().to_owned();

    let dry = marginalia(&[
        &"update",
        &project,
        &"--doc",
        &title,
        &article,
        &"--dry-run",
    ]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(stdout(&dry).contains("dry run"), "{}", stdout(&dry));
    assert_eq!(
        fs::read(&project).unwrap(),
        original,
        "a dry run changes nothing"
    );

    let output = marginalia(&[&"update", &project, &"--doc", &title, &article]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("33 moved exactly, 1 re-found, 1 orphaned"),
        "{out}"
    );
    assert!(
        out.contains("a-7bf3ddd7370c") && out.contains("not found"),
        "{out}"
    );
    assert!(out.contains("1 orphan to review"), "{out}");
    let bak = dir.path().join("study.ron.bak");
    assert_eq!(
        fs::read(bak).unwrap(),
        original,
        "the old file is the backup"
    );
    let updated = store::load(&project).unwrap().project;
    let doc = &updated.documents()[0];
    assert_eq!(doc.orphans().len(), 1);
    assert_eq!(doc.orphans()[0].annotation.quote, deleted);
    let revision = &doc.revisions()[0];
    assert_eq!(
        revision.previous_sha256,
        loaded.documents()[0].text_sha256()
    );
    assert_eq!(
        (revision.moved, revision.refound, revision.orphaned),
        (33, 1, 1)
    );

    let unknown = marginalia(&[&"update", &project, &"--doc", &"No such title", &article]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains(&title), "{}", stderr(&unknown));
    let again = marginalia(&[&"update", &project, &"--doc", &title, &article]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("nothing to update"),
        "{}",
        stderr(&again)
    );
}
