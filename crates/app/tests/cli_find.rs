//! The `find` command: hits in their context and as JSON, exit status 0 with hits and 1 without,
//! a bad regular expression explained, and `--tag` tagging every hit in one saved step, skipping
//! what is already coded.

mod common;

use common::{marginalia_in, project_with};
use marginalia::store;

const TEXT: &str = "Multi-stakeholder talks resumed. The multistakeholder model, critics say, \
                    is vague.\n\nA second paragraph on multi-stakeholder governance.";

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args.iter().map(|a| a as _).collect();
    marginalia_in(dir, &args)
}

fn saved(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("study.ron");
    store::save(project_with(TEXT, &[]).project(), &file).unwrap();
    file
}

#[test]
fn hits_are_printed_in_context_and_the_exit_status_says_whether_there_were_any() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path());
    let out = run(
        dir.path(),
        &["find", "study.ron", "multi-?stakeholder", "--regex"],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Article  0..17  …[Multi-stakeholder] talks resumed."),
        "{text}"
    );
    assert!(text.ends_with("3 hits\n"), "{text}");

    let none = run(dir.path(), &["find", "study.ron", "treaty"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stdout).contains("0 hits"));

    let bad = run(dir.path(), &["find", "study.ron", "(multi", "--regex"]);
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(
        message.contains("not a regular expression") && message.contains("unclosed"),
        "{message}"
    );

    let json = run(
        dir.path(),
        &[
            "find",
            "study.ron",
            "Multi-stakeholder",
            "--case-sensitive",
            "--json",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["count"], 1);
    assert_eq!(value["hits"][0]["match"], "Multi-stakeholder");
    assert_eq!(value["hits"][0]["start"], 0);
}

#[test]
fn tag_widens_every_hit_saves_once_and_skips_what_is_already_coded() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let args = [
        "find",
        "study.ron",
        "stakeholder",
        "--tag",
        "norm",
        "--widen",
        "sentence",
    ];
    let first = run(dir.path(), &args);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stderr).contains("tagged 3 passages as norm"));
    let project = store::load(&file).unwrap().project;
    let quotes: Vec<&str> = project.documents()[0]
        .annotations()
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert_eq!(
        quotes,
        [
            "Multi-stakeholder talks resumed.",
            "The multistakeholder model, critics say, is vague.",
            "A second paragraph on multi-stakeholder governance."
        ]
    );
    let again = run(dir.path(), &args);
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("tagged 0 passages") && said.contains("3 already coded so, skipped"),
        "{said}"
    );
    assert_eq!(
        store::load(&file).unwrap().project.documents()[0]
            .annotations()
            .len(),
        3
    );

    let unknown = run(dir.path(), &["find", "study.ron", "talks", "--tag", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("there is no label “nope”"));
}
