//! The `stats` command on the sample project: the document × label table with totals, label
//! co-occurrence, relations per kind and sources, as text, JSON and CSV.

mod common;

fn stats(args: &[&str]) -> std::process::Output {
    let mut all = vec!["stats", "projects/cyber-norms-sample.ron"];
    all.extend_from_slice(args);
    let args: Vec<&dyn AsRef<std::ffi::OsStr>> = all.iter().map(|a| a as _).collect();
    common::marginalia_in(&common::repository(""), &args)
}

#[test]
fn stats_print_the_counts_as_tables_json_and_csv() {
    let text = stats(&[]);
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("  total                                          36 / 3201        14 / 787       16 / 1608"),
        "{text}"
    );
    assert!(text.contains("  attributed to                5"), "{text}");
    assert!(text.contains("Co-occurrence"), "{text}");

    let json: serde_json::Value = serde_json::from_slice(&stats(&["--json"]).stdout).unwrap();
    assert_eq!(json["totals"]["claim"]["passages"], 36);
    assert_eq!(json["totals"]["norm"]["chars"], 1608);
    assert_eq!(json["relations"]["attributed_to"], 5);
    assert_eq!(
        json["co_occurrence"]["claim"]["source"],
        json["co_occurrence"]["source"]["claim"]
    );
    assert_eq!(json["sources"].as_array().unwrap().len(), 5);

    let csv = String::from_utf8(stats(&["--csv"]).stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "document,title,label,passages,chars");
    assert_eq!(lines.len(), 1 + 2 * 3, "a row per document and label");
    assert!(lines[1].ends_with(",claim,18,1538"), "{}", lines[1]);
}
