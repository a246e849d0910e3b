//! The `suggest` command: proposals with their rule and reason, as JSON, exit status 0 with
//! proposals and 1 without; `--apply` adding them (claims linked to their sources, the rule
//! recorded) in one saved step; `--evaluate` scoring against the project's coding with a label
//! map; a bad map or rules file explained.

mod common;

use common::{marginalia_in, project_with};
use marginalia::{
    model::{ATTRIBUTED_TO, Origin},
    store,
};

const TEXT: &str = "Officials told reporters that the talks had stalled.\n\n\
                    States should refrain from attacking hospitals.";

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args.iter().map(|a| a as _).collect();
    marginalia_in(dir, &args)
}

fn saved(dir: &std::path::Path, text: &str, tags: &[(&str, &str, &str)]) -> std::path::PathBuf {
    let file = dir.join("study.ron");
    store::save(project_with(text, tags).project(), &file).unwrap();
    file
}

#[test]
fn proposals_are_printed_with_their_rule_and_reason_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), TEXT, &[]);
    let out = run(dir.path(), &["suggest", "study.ron"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("source  0.90  attribution.that  “Officials”"),
        "{text}"
    );
    assert!(text.contains("“that the talks had stalled”"), "{text}");
    assert!(text.contains("norm.refrain-from"), "{text}");
    assert!(text.ends_with("3 proposals\n"), "{text}");

    let out = run(
        dir.path(),
        &["suggest", "study.ron", "--json", "--labels", "norm"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["count"], 1);
    assert_eq!(
        json["proposals"][0]["quote"],
        "States should refrain from attacking hospitals"
    );

    let out = run(
        dir.path(),
        &["suggest", "study.ron", "--min-confidence", "0.95"],
    );
    assert_eq!(out.status.code(), Some(1), "nothing that sure");
}

#[test]
fn apply_adds_the_proposals_linked_and_saves_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path(), TEXT, &[]);
    let out = run(dir.path(), &["suggest", "study.ron", "--apply"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("added 3 annotations and 1 relation"),
        "{stderr}"
    );
    let project = store::load(&file).unwrap().project;
    let doc = &project.documents()[0];
    assert_eq!(doc.annotations().len(), 3);
    assert!(
        doc.annotations()
            .iter()
            .all(|a| matches!(a.origin, Origin::Suggested { .. }))
    );
    assert_eq!(doc.relations().len(), 1);
    assert_eq!(doc.relations()[0].kind, ATTRIBUTED_TO);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("origin: Suggested(\n") && written.contains("rule: \"attribution.that\","),
        "the file records where each annotation came from"
    );
    // Run again: everything is coded, nothing is proposed or saved.
    let again = run(dir.path(), &["suggest", "study.ron", "--apply"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(store::load(&file).unwrap().project, project);
}

#[test]
fn evaluate_scores_against_the_coding_through_a_label_map() {
    let dir = tempfile::tempdir().unwrap();
    saved(
        dir.path(),
        TEXT,
        &[
            ("Officials", "source", ""),
            ("that the talks had stalled", "claim", ""),
        ],
    );
    let out = run(
        dir.path(),
        &["suggest", "study.ron", "--evaluate", "--json"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let source = &json["labels"][0];
    assert_eq!(source["label"], "source");
    assert_eq!(source["strict_matches"], 1);
    assert_eq!(source["strict"]["f1"], 1.0);
    let norm = &json["labels"][2];
    assert_eq!(
        (norm["annotations"].as_u64(), norm["proposals"].as_u64()),
        (Some(0), Some(1))
    );

    let out = run(
        dir.path(),
        &[
            "suggest",
            "study.ron",
            "--evaluate",
            "--map",
            "Content=claim",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no label “Content”"));
    let out = run(
        dir.path(),
        &["suggest", "study.ron", "--map", "Claim=speaker"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a role"));
}

#[test]
fn a_bad_rules_file_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), TEXT, &[]);
    std::fs::write(dir.path().join("rules.ron"), "(version: 1").unwrap();
    let out = run(
        dir.path(),
        &["suggest", "study.ron", "--rules", "rules.ron"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the rules file is not valid"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
