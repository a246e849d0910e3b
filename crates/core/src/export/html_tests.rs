//! Tests of the HTML report: exact highlights for overlaps, paragraphs and footnotes, escaping of
//! everything that came from the analyst or the article, determinism.

use super::*;
use crate::export::Format;
use crate::model::{Label, Meta, Project};

fn annotation(
    id: &str,
    label: &str,
    text: &str,
    start: usize,
    end: usize,
    note: &str,
) -> Annotation {
    Annotation {
        id: id.into(),
        label: label.into(),
        start,
        end,
        quote: text.chars().skip(start).take(end - start).collect(),
        note: note.into(),
        created: "2024-05-01T10:00:00Z".into(),
        modified: String::new(),
        analysts: Vec::new(),
        origin: crate::model::Origin::ByHand,
    }
}

/// An annotation to make: id, label, start, end (chars), note.
type Spec<'a> = (&'a str, &'a str, usize, usize, &'a str);

fn project(text: &str, spans: &[Spec], labels: Vec<Label>) -> Project {
    let annotations = spans
        .iter()
        .map(|&(id, label, start, end, note)| annotation(id, label, text, start, end, note))
        .collect();
    let doc = Document::new("d1", "Doc", text.to_owned()).with_annotations(annotations);
    let meta = Meta {
        title: "Report".into(),
        annotator: "ana".into(),
        ..Meta::default()
    };
    Project::from_parts(meta, labels, vec![doc])
}

fn labels() -> Vec<Label> {
    vec![
        Label::new("claim", "Claim", "#D55E00"),
        Label::new("source", "Source", "#0072b2"),
    ]
}

fn report(project: &Project) -> String {
    match crate::export::export(project, Format::Html, &ExportOptions::default())
        .unwrap()
        .output
    {
        Output::File(bytes) => String::from_utf8(bytes).unwrap(),
        Output::Folder(_) => panic!("the report is one file"),
    }
}

/// The inside of the first article `<div>`.
fn article_of(html: &str) -> &str {
    let start = html.find("<div class=\"article\">\n").unwrap() + 22;
    let end = start + html[start..].find("</div>").unwrap();
    &html[start..end]
}

const CLAIM: &str = "<mark style=\"background:rgba(213,94,0,0.35);box-shadow:inset 0 -3px #D55E00\" \
                     title=\"Claim\">";
const SOURCE: &str = "<mark style=\"background:rgba(0,114,178,0.35);box-shadow:inset 0 -3px \
                      #0072B2\" title=\"Source\">";

#[test]
fn articles_render_exactly() {
    let footnote = |n: usize| {
        format!("<sup class=\"fn\"><a href=\"#d1-note-{n}\" id=\"d1-ref-{n}\">{n}</a></sup>")
    };
    // The inner (source) fills; the outer claim's band stays lowest, as beside the overlap.
    let both = "<mark style=\"background:rgba(0,114,178,0.35);box-shadow:inset 0 -3px #D55E00,\
                inset 0 -6px #0072B2\" title=\"Source, Claim\">";
    let cases: Vec<(&str, &str, Vec<Spec>, String)> = vec![
        (
            "plain paragraphs and line breaks",
            "One\ntwo\n\n\nThree",
            vec![],
            "<p>One<br>two</p>\n<p>Three</p>\n".to_owned(),
        ),
        (
            "overlap: the innermost fills, every annotation has its band, the outer lowest",
            "ab cd ef",
            vec![("a1", "claim", 0, 5, ""), ("a2", "source", 3, 8, "why")],
            format!(
                "<p>{CLAIM}ab </mark>{both}cd</mark>{SOURCE} ef</mark>{}</p>\n",
                footnote(1)
            ),
        ),
        (
            "a passage across a paragraph break; its mark stays before the break",
            "ab\n\ncd",
            vec![("a1", "claim", 0, 3, "note")],
            format!("<p>{CLAIM}ab</mark>{}</p>\n<p>cd</p>\n", footnote(1)),
        ),
        (
            "emoji, CJK and a combining accent count as chars",
            "👍🏾 中文 Cafe\u{301}!",
            vec![("a1", "source", 3, 5, ""), ("a2", "claim", 6, 11, "é")],
            format!(
                "<p>👍🏾 {SOURCE}中文</mark> {CLAIM}Cafe\u{301}</mark>{}!</p>\n",
                footnote(1)
            ),
        ),
    ];
    for (what, text, spans, expected) in cases {
        let html = report(&project(text, &spans, labels()));
        assert_eq!(article_of(&html), expected, "{what}");
    }
}

#[test]
fn footnotes_are_numbered_where_they_appear_and_listed_below() {
    let text = "first second third";
    let spans = [
        ("a1", "claim", 0, 12, "outer note"),
        ("a2", "source", 6, 12, ""),
        ("a3", "source", 0, 5, "inner note"),
    ];
    let html = report(&project(text, &spans, labels()));
    let notes_start = html.find("<ol class=\"notes\">").unwrap();
    let notes = &html[notes_start..];
    let inner = notes.find("inner note").unwrap();
    let outer = notes.find("outer note").unwrap();
    assert!(inner < outer, "numbered in the order their marks appear");
    assert!(notes.contains("<li id=\"d1-note-1\"><a href=\"#d1-ref-1\">↑</a>"));
    assert!(
        html.contains("<td class=\"num\">6–12</td>"),
        "positions in chars"
    );
    assert_eq!(
        html.matches("<sup class=\"fn\">").count(),
        2,
        "only notes get numbers"
    );
}

#[test]
fn everything_from_the_project_is_escaped() {
    let text = "Before <script>alert('x')</script> & after.";
    let mut labels = labels();
    labels[0].name = "<script>label</script>".into();
    labels[0].description = "\"quoted\" & <b>".into();
    let spans = [("a1", "claim", 7, 34, "<script>note</script>")];
    let mut project = project(text, &spans, labels);
    project = Project::from_parts(
        Meta {
            title: "<script>title</script>".into(),
            annotator: "O'Brien <x>".into(),
            ..Meta::default()
        },
        project.labels().to_vec(),
        project.documents().to_vec(),
    );
    let html = report(&project);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"));
    for escaped in [
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        "&lt;script&gt;note&lt;/script&gt;",
        "&lt;script&gt;label&lt;/script&gt;",
        "<title>&lt;script&gt;title&lt;/script&gt;</title>",
        "O&#39;Brien &lt;x&gt;",
        "&quot;quoted&quot; &amp; &lt;b&gt;",
        " &amp; after.",
    ] {
        assert!(html.contains(escaped), "{escaped} in {html}");
    }
}

#[test]
fn the_report_is_self_contained_and_deterministic() {
    let project = crate::export::qdpx::tests::sample_project();
    let html = report(&project);
    assert_eq!(html, report(&project));
    assert!(html.starts_with("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    for outside in [
        "<script", "<link", "src=", "http://", "https://", "@import", "url(",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<h2>Ministre &amp; loi</h2>"));
    assert!(html.contains("<h3>Relations</h3>"));
    assert!(html.contains("<td>attributed_to</td>"));
    assert!(html.contains("<strong>Claim</strong> (2)"), "legend counts");
    assert!(html.contains("Coded by <strong>ana</strong>"));
}
