//! `marginalia export` and `marginalia import` as a user runs them: the loss report, the guard
//! against writing over the project, one document alone, and a project made from another tool's
//! files with the annotations it could not place listed.

mod common;

use common::{marginalia, text};

use marginalia::store;

#[test]
fn export_writes_the_format_and_prints_what_it_cannot_carry() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("evidence.jsonl");
    let sample = marginalia_testkit::fixture("small-sample.ron");
    let output = marginalia(&[
        &"export",
        &sample,
        &"--format",
        &"jsonl",
        &"--offsets",
        &"utf16",
        &"-o",
        &out,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("notes (5)"), "{stdout}");
    assert!(stdout.contains("relations (1)"), "{stdout}");
    let line: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    // "東京 officials" comes after a flag and a thumbs-up with skin tone: UTF-16 counts more.
    let project = store::load(&sample).unwrap().project;
    let doc = &project.documents()[0];
    let tokyo = doc
        .annotations()
        .iter()
        .find(|a| a.quote == "東京 officials")
        .unwrap();
    let utf16 = doc
        .offsets()
        .utf16_from_char(doc.text(), tokyo.start)
        .unwrap();
    assert!(utf16 > tokyo.start);
    assert!(
        line["label"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l[0] == utf16 && l[2] == "Source"),
        "{line}"
    );
}

#[test]
fn export_refuses_to_write_over_its_project_and_names_the_documents_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    std::fs::copy(marginalia_testkit::fixture("small-sample.ron"), &project).unwrap();
    let before = std::fs::read(&project).unwrap();
    let output = marginalia(&[&"export", &project, &"-f", &"json", &"-o", &project]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("is the project itself"));
    assert_eq!(std::fs::read(&project).unwrap(), before);

    let out = dir.path().join("one.md");
    let output = marginalia(&[
        &"export", &project, &"-f", &"md", &"--doc", &"Nope", &"-o", &out,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("Brussels & Tokyo <on> due diligence"));
    assert!(!out.exists());
}

#[test]
fn import_makes_a_project_from_a_brat_export_and_lists_what_it_could_not_place() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    let output = marginalia(&[
        &"export",
        &marginalia_testkit::fixture("small-sample.ron"),
        &"-f",
        &"brat",
        &"-o",
        &brat,
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    // Add a line whose covered text is not in the article.
    let ann = std::fs::read_dir(&brat)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ann"))
        .unwrap();
    let mut lines = std::fs::read_to_string(&ann).unwrap();
    lines.push_str("T99\tclaim 0 5\tNot here\n");
    std::fs::write(&ann, lines).unwrap();

    let project = dir.path().join("imported.ron");
    let output = marginalia(&[&"import", &brat, &"-o", &project]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("1 annotation(s) could not be placed"),
        "{stdout}"
    );
    assert!(stdout.contains("T99"), "{stdout}");
    let imported = store::load(&project).unwrap();
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.project.documents()[0].annotations().len(), 8);
    assert_eq!(imported.project.documents()[0].relations().len(), 1);

    let again = marginalia(&[&"import", &brat, &"-o", &project]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing project is not replaced"
    );
}

#[test]
fn an_option_the_format_cannot_use_is_refused_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let sample = marginalia_testkit::fixture("small-sample.ron");
    let refused = marginalia(&[
        &"export",
        &sample,
        &"-f",
        &"json",
        &"--offsets",
        &"utf16",
        &"--bom",
        &"-o",
        &out,
    ]);
    assert!(!refused.status.success());
    let error = text(&refused.stderr);
    assert!(
        error.contains("--offsets and --bom do not apply to json"),
        "{error}"
    );
    assert!(!out.exists(), "nothing was written");
    // The formats that have the choice take it.
    let csv = dir.path().join("out.csv");
    let taken = marginalia(&[
        &"export",
        &sample,
        &"-f",
        &"csv",
        &"--offsets",
        &"utf16",
        &"--bom",
        &"-o",
        &csv,
    ]);
    assert!(taken.status.success(), "{}", text(&taken.stderr));
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
}

#[test]
fn a_folder_export_replaces_a_previous_export_only_when_told_and_never_mixes_with_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    let sample = marginalia_testkit::fixture("small-sample.ron");
    let export = |extra: &[&dyn AsRef<std::ffi::OsStr>]| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
            vec![&"export", &sample, &"-f", &"brat", &"-o", &brat];
        args.extend_from_slice(extra);
        marginalia(&args)
    };
    assert!(export(&[]).status.success());
    let conf = brat.join("annotation.conf");
    std::fs::write(&conf, "edited").unwrap();
    let again = export(&[]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again.stdout));
    let stderr = text(&again.stderr);
    assert!(
        stderr.contains("is not empty; the export would replace")
            && stderr.contains("annotation.conf")
            && stderr.contains("--replace"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), "edited");
    let replaced = export(&[&"--replace"]);
    assert!(replaced.status.success(), "{}", text(&replaced.stderr));
    assert!(
        std::fs::read_to_string(&conf)
            .unwrap()
            .starts_with("[entities]")
    );
    // A file of the user's own: refused even with --replace, and kept.
    std::fs::write(brat.join("notes.odt"), "mine").unwrap();
    std::fs::write(&conf, "edited").unwrap();
    let mixed = export(&[&"--replace"]);
    assert_eq!(mixed.status.code(), Some(2));
    let stderr = text(&mixed.stderr);
    assert!(stderr.contains("1 other file (notes.odt)"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), "edited");
    assert_eq!(
        std::fs::read_to_string(brat.join("notes.odt")).unwrap(),
        "mine"
    );
}
