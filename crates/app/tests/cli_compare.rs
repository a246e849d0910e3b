//! The `compare` command: its tables and differences, its documented JSON, and the messages for
//! requests it cannot serve.

mod common;

/// `marginalia` with `args`, run in the repository's root, where the sample projects are.
fn marginalia(args: &[&str]) -> std::process::Output {
    let args: Vec<&dyn AsRef<std::ffi::OsStr>> = args.iter().map(|a| a as _).collect();
    common::marginalia_in(&common::repository(""), &args)
}

const SAMPLE: &str = "projects/cyber-norms-sample.ron";
const SECOND: &str = "projects/cyber-norms-sample-second-coder.ron";

#[test]
fn the_compare_command_prints_tables_and_differences() {
    let output = marginalia(&["compare", SAMPLE, SECOND]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("A = Maren Olsen, B = Tomas Lind"), "{text}");
    assert!(text.contains("SemEval-2013"));
    for kind in [
        "only in A",
        "only in B",
        "label conflict",
        "boundary conflict",
    ] {
        assert!(text.contains(kind), "{kind} missing in:\n{text}");
    }
    assert!(text.contains("“Officials from several smaller states”"));
    // The sample's first article: 3 relations by A, 2 by B, both of B's matching A's.
    assert!(
        text.contains("  attributed to     3    2   1.000 0.667 0.800   1.000 0.667 0.800"),
        "the relation agreement per kind:\n{text}"
    );
    assert!(
        text.contains("  1 relation difference:\n  - only in A: “Several delegations warn that due dilig…” attributed to “Several delegations”"),
        "the relation only A made:\n{text}"
    );
}

#[test]
fn the_compare_command_prints_the_documented_json() {
    let output = marginalia(&["compare", SAMPLE, SECOND, "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let doc = &docs[0];
    assert!(doc["title"].as_str().unwrap().starts_with("Due Diligence"));
    let attributed = &doc["relations"]["attributed_to"];
    assert_eq!(attributed["counts"], serde_json::json!([3, 2]));
    assert_eq!(attributed["matched"]["strict"], 2);
    assert_eq!(attributed["overlap"]["precision"], 1.0);
    let relation_differences = doc["relation_differences"].as_array().unwrap();
    assert_eq!(relation_differences.len(), 1);
    assert_eq!(
        relation_differences[0]["missing_from"],
        serde_json::json!(["Tomas Lind"])
    );
    assert_eq!(
        relation_differences[0]["relations"][0]["to_quote"],
        "Several delegations"
    );
    assert_eq!(doc["text_sha256"].as_str().unwrap().len(), 64);
    assert!(doc["length"].as_u64().unwrap() > 1000);
    for label in ["claim", "source", "norm"] {
        let figures = &doc["labels"][label];
        for key in ["alpha_u", "kappa"] {
            assert!(
                figures[key].as_f64().is_some_and(|v| v > 0.0 && v < 1.0),
                "{label} {key}"
            );
        }
        for scheme in ["strict", "overlap"] {
            for key in ["precision", "recall", "f1"] {
                assert!(figures[scheme][key].is_f64(), "{label} {scheme} {key}");
            }
        }
    }
    for scheme in ["strict", "exact", "partial", "type"] {
        assert!(doc["overall"][scheme]["f1"].is_f64(), "{scheme}");
    }
    assert!(doc["overall"]["alpha_u"].is_f64());
    let differences = doc["differences"].as_array().unwrap();
    assert!(!differences.is_empty());
    for difference in differences {
        assert!(difference["kind"].is_string());
        assert!(difference["start"].as_u64() < difference["end"].as_u64());
        for annotation in difference["annotations"].as_array().unwrap() {
            assert!(annotation["quote"].is_string());
        }
    }
    let kinds: Vec<&str> = differences
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"only_in")
            && kinds.contains(&"label_conflict")
            && kinds.contains(&"boundary_conflict")
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("NaN"));
}

#[test]
fn the_compare_command_explains_bad_requests() {
    let output = marginalia(&["compare", SAMPLE, SECOND, "--label", "opinion"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("“opinion”") && stderr.contains("claim, source, norm"),
        "{stderr}"
    );

    let output = marginalia(&["compare", SAMPLE]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "one project is not a comparison"
    );

    let output = marginalia(&["compare", SAMPLE, SECOND, "--label", "norm", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let labels = json["documents"][0]["labels"].as_object().unwrap();
    assert_eq!(labels.keys().collect::<Vec<_>>(), ["norm"]);
}
