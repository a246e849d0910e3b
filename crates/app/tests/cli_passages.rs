//! The `passages` command on the sample project: the coded passages of a label with their links,
//! filtered by text and document, as lines, CSV and Markdown, and its exit codes.

mod common;

fn passages(args: &[&str]) -> std::process::Output {
    let mut all = vec!["passages", "projects/cyber-norms-sample.ron"];
    all.extend_from_slice(args);
    let args: Vec<&dyn AsRef<std::ffi::OsStr>> = all.iter().map(|a| a as _).collect();
    common::marginalia_in(&common::repository(""), &args)
}

#[test]
fn the_sources_are_listed_with_the_claims_attributed_to_them() {
    let out = passages(&["--label", "source"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.ends_with("14 passages\n"), "{text}");
    assert!(text.contains("  Source  “"), "{text}");
    assert!(
        text.contains("    Claim “") && text.contains("” — attributed to"),
        "links shown below their source: {text}"
    );

    let csv = String::from_utf8(passages(&["--label", "source", "--csv"]).stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "document,title,annotation_id,label,start,end,quote,note,analysts,links"
    );
    assert_eq!(lines.len(), 1 + 14);

    let markdown = String::from_utf8(passages(&["--markdown"]).stdout).unwrap();
    assert!(
        markdown.starts_with("# Coded passages (66)\n"),
        "{markdown}"
    );
    assert_eq!(
        markdown.matches("\n## ").count(),
        2,
        "a section per document"
    );
}

#[test]
fn filters_narrow_the_list_and_an_empty_one_exits_1() {
    let one_doc = passages(&["--doc", "d-5e1f2a9c07b3", "--label", "claim", "--csv"]);
    assert_eq!(one_doc.status.code(), Some(0));
    let csv = String::from_utf8(one_doc.stdout).unwrap();
    assert!(csv.lines().count() > 1);
    assert!(
        csv.lines()
            .skip(1)
            .all(|row| row.starts_with("d-5e1f2a9c07b3,") && row.contains(",Claim,")),
        "{csv}"
    );

    let by_label = String::from_utf8_lossy(&passages(&["--by-label"]).stdout).into_owned();
    let labels: Vec<&str> = by_label
        .lines()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split("  ").nth(2))
        .collect();
    let first_source = labels.iter().position(|l| *l == "Source").unwrap();
    assert!(
        labels[..first_source].iter().all(|l| *l == "Claim"),
        "claims first, in codebook order: {labels:?}"
    );

    let none = passages(&["--text", "no article says zqxw"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&none.stdout), "0 passages\n");

    let unknown = passages(&["--label", "opinion"]);
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(message.contains("there is no label “opinion”"), "{message}");

    assert_eq!(
        passages(&["--doc", "no such document"]).status.code(),
        Some(2)
    );
}
