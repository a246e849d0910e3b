//! The Markdown summary for memos: the project's passages grouped by label, in codebook order.
//!
//! ```text
//! # <project title>
//!
//! Annotator: <name>
//!
//! ## Claim (1)
//!
//! - > we will comply — Speech, chars 19–33
//!   Note: the minister hedges
//!
//! ## Norm (0)
//!
//! none
//! ```
//!
//! Positions are char offsets (Unicode scalar values), end-exclusive, as in the project file.
//! Within a label, passages follow the documents' order, then saved order. A quote's newlines
//! become spaces, its ends are trimmed and a Markdown character at its start is escaped, so a
//! passage never turns into a heading, list or code block; raw HTML, links and code are escaped
//! wherever they are; titles, names and notes are flattened the same way.
//! Annotations whose label is not in the codebook come last, under their label id.

use std::fmt::Write;

use super::{ExportError, ExportOptions, Output, Scope};
use crate::model::{Annotation, Document};

/// Renders the scope as a Markdown summary.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let mut out = String::new();
    let meta = scope.project.meta();
    line(&mut out, &format!("# {}", flatten(&meta.title)));
    if !meta.annotator.trim().is_empty() {
        line(&mut out, "");
        line(
            &mut out,
            &format!("Annotator: {}", flatten(&meta.annotator)),
        );
    }
    for label in scope.labels() {
        section(&mut out, &label.name, &passages(scope, |id| id == label.id));
    }
    for id in unknown_labels(scope) {
        section(&mut out, &id, &passages(scope, |l| l == id));
    }
    Ok(Output::File(out.into_bytes()))
}

/// The scope's annotations whose label id passes `wanted`, with their documents.
fn passages<'a>(
    scope: &Scope<'a>,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(&'a Document, &'a Annotation)> {
    scope
        .documents
        .iter()
        .flat_map(|&doc| doc.annotations().iter().map(move |a| (doc, a)))
        .filter(|(_, a)| wanted(&a.label))
        .collect()
}

/// Label ids used by annotations but missing from the codebook, sorted.
fn unknown_labels(scope: &Scope) -> Vec<String> {
    let mut ids: Vec<String> = scope
        .documents
        .iter()
        .flat_map(|d| d.annotations())
        .filter(|a| scope.project.label(&a.label).is_none())
        .map(|a| a.label.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// One label's heading and its passages (or "none").
fn section(out: &mut String, name: &str, passages: &[(&Document, &Annotation)]) {
    line(out, "");
    line(out, &format!("## {} ({})", flatten(name), passages.len()));
    line(out, "");
    if passages.is_empty() {
        line(out, "none");
    }
    for (doc, a) in passages {
        line(
            out,
            &format!(
                "- > {} — {}, chars {}–{}",
                harmless_quote(&a.quote),
                flatten(doc.title()),
                a.start,
                a.end
            ),
        );
        if !a.note.trim().is_empty() {
            line(out, &format!("  Note: {}", flatten(&a.note)));
        }
    }
}

fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}");
}

/// `text` on one line that Markdown shows as the text it is: newlines (and CRs) turned into
/// spaces, ends trimmed, and what could become markup anywhere in a line escaped — `<` (raw HTML
/// and autolinks such as `<javascript:…>`), `&` (entities), `[` and `]` (links and images) and
/// `` ` `` (code).
pub(crate) fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace(['\r', '\n'], " ").trim().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '[' | ']' | '`' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A quote on one line that Markdown reads as plain text at the start of a blockquote: a leading
/// block marker (`#`, `>`, `-`, `+`, `*`, `=`, `|`, `` ` ``, `~`, `_`, or digits followed by `.`
/// or `)`) gets a backslash.
pub(crate) fn harmless_quote(quote: &str) -> String {
    let flat = flatten(quote);
    let digits = flat.chars().take_while(char::is_ascii_digit).count();
    let after_digits = flat[digits..].chars().next();
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        return format!("{}\\{}", &flat[..digits], &flat[digits..]);
    }
    match flat.chars().next() {
        Some('#' | '>' | '-' | '+' | '*' | '=' | '|' | '`' | '~' | '_') => format!("\\{flat}"),
        _ => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{annotation, document, project};
    use crate::model::Project;

    fn render(project: &Project) -> String {
        let scope = Scope::new(project, None).unwrap();
        let Output::File(bytes) = export(&scope, &ExportOptions::default()).unwrap() else {
            panic!("Markdown is one file");
        };
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn passages_grouped_by_label_in_codebook_order() {
        let text = "The minister said:\nwe will comply. 👍🏾 中文";
        let mut noted = annotation(text, "a2", "claim", 19, 34);
        noted.note = "hedged\nlater retracted".into();
        let first = crate::model::Document::new("d1", "Speech", text.into())
            .with_annotations(vec![annotation(text, "a1", "source", 4, 12), noted]);
        let second = document("d2", "Reply", "# Not a heading", &[("b1", "claim", 0, 15)]);
        let spanning = document("d3", "Notes", "one\ntwo", &[("c1", "claim", 0, 7)]);
        let md = render(&project(vec![first, second, spanning]));
        assert_eq!(
            md,
            "# Due diligence\n\
             \n\
             Annotator: Ana\n\
             \n\
             ## Claim (3)\n\
             \n\
             - > we will comply. — Speech, chars 19–34\n\
             \x20 Note: hedged later retracted\n\
             - > \\# Not a heading — Reply, chars 0–15\n\
             - > one two — Notes, chars 0–7\n\
             \n\
             ## Source (1)\n\
             \n\
             - > minister — Speech, chars 4–12\n\
             \n\
             ## Norm (0)\n\
             \n\
             none\n"
        );
    }

    #[test]
    fn markdown_at_the_start_of_a_quote_is_made_harmless() {
        let cases = [
            ("# heading", "\\# heading"),
            ("> quoted", "\\> quoted"),
            ("- item", "\\- item"),
            ("* item", "\\* item"),
            ("+ item", "\\+ item"),
            ("12. item", "12\\. item"),
            ("3) item", "3\\) item"),
            ("```rust", "\\`\\`\\`rust"),
            ("  ~~~ fence", "\\~~~ fence"),
            ("| a | b |", "\\| a | b |"),
            ("===", "\\==="),
            ("1990 was", "1990 was"),
            ("line\n# two", "line # two"),
            ("👍🏾 Cafe\u{301}", "👍🏾 Cafe\u{301}"),
        ];
        for (quote, expected) in cases {
            assert_eq!(harmless_quote(quote), expected, "{quote:?}");
        }
    }

    #[test]
    fn html_links_and_code_in_titles_quotes_and_notes_are_shown_not_run() {
        assert_eq!(
            flatten("<script>alert(1)</script> & [x](javascript:alert(1)) `code` a\\b"),
            "&lt;script>alert(1)&lt;/script> &amp; \\[x\\](javascript:alert(1)) \\`code\\` a\\\\b"
        );
        assert_eq!(
            harmless_quote("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn labels_missing_from_the_codebook_come_last() {
        let p = project(vec![document("d", "Doc", "abc", &[("a", "ghost", 0, 3)])]);
        assert!(
            render(&p)
                .ends_with("## Norm (0)\n\nnone\n\n## ghost (1)\n\n- > abc — Doc, chars 0–3\n")
        );
    }
}
