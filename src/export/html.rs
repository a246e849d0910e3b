//! The HTML report: one self-contained file (inline CSS, no scripts, nothing fetched) an analyst
//! can mail or print — the title and annotator, a legend with each label's count, every article
//! with its highlights (overlaps stay visible as stacked underlines), notes as numbered footnotes,
//! and a table of all annotations and relations. Every piece of text is escaped, so an article
//! that contains `<script>` shows it as text. Positions shown are chars.

use std::fmt::Write;

use super::{ExportError, ExportOptions, Output, Scope};
use crate::model::{Annotation, Document, label::parse_color};

const STYLE: &str = "body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\
h1,h2,h3,table,.meta,.legend{font-family:system-ui,sans-serif}\
.meta{color:#555}\
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}\
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}\
mark{color:inherit;padding:0 0 3px;border-radius:2px}\
sup.fn{font:600 .7em system-ui,sans-serif}\
sup.fn a{text-decoration:none}\
.notes{font-size:.92em}\
table{border-collapse:collapse;width:100%;font-size:.85em;margin:1rem 0}\
th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}\
th{background:#f2f2f2}\
@media print{body{margin:0;max-width:none}a{color:inherit}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{break-before:page}}";

/// Renders the scope as one HTML page.
pub fn export(scope: &Scope, _options: &ExportOptions) -> Result<Output, ExportError> {
    let meta = scope.project.meta();
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"Marginalia\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<h1>{}</h1>\n",
        escape(&meta.title),
        escape(&meta.title)
    );
    let total = scope.annotation_count();
    let _ = writeln!(
        html,
        "<p class=\"meta\">Coded by {} · {total} annotation{} in {} document{}</p>",
        escape(&meta.annotator),
        if total == 1 { "" } else { "s" },
        scope.documents.len(),
        if scope.documents.len() == 1 { "" } else { "s" }
    );
    legend(scope, &mut html);
    let mut numbers = Footnotes::default();
    for doc in &scope.documents {
        document(scope, doc, &mut numbers, &mut html);
    }
    html.push_str("</body>\n</html>\n");
    Ok(Output::File(html.into_bytes()))
}

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label's colour as CSS, with `alpha` (0–1); grey when the colour is malformed.
fn css_color(scope: &Scope, label: &str, alpha: f32) -> String {
    let [r, g, b] = scope
        .project
        .label(label)
        .and_then(|l| parse_color(&l.color))
        .unwrap_or([128, 128, 128]);
    if alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{alpha})")
    }
}

fn legend(scope: &Scope, html: &mut String) {
    html.push_str("<ul class=\"legend\">\n");
    for label in scope.labels() {
        let count: usize = scope
            .documents
            .iter()
            .map(|d| {
                d.annotations()
                    .iter()
                    .filter(|a| a.label == label.id)
                    .count()
            })
            .sum();
        let _ = writeln!(
            html,
            "<li><span class=\"swatch\" style=\"background:{}\"></span>{} ({count})</li>",
            css_color(scope, &label.id, 1.0),
            escape(&label.name)
        );
    }
    html.push_str("</ul>\n");
}

/// Footnote numbers, given to annotations with notes in report order.
#[derive(Default)]
struct Footnotes {
    next: usize,
}

fn document(scope: &Scope, doc: &Document, numbers: &mut Footnotes, html: &mut String) {
    let _ = writeln!(html, "<h2>{}</h2>", escape(doc.title()));
    let annotations = doc.annotations();
    // Footnote number of each annotation (by index), for those with notes.
    let notes: Vec<Option<usize>> = annotations
        .iter()
        .map(|a| {
            (!a.note.trim().is_empty()).then(|| {
                numbers.next += 1;
                numbers.next
            })
        })
        .collect();
    html.push_str("<article>\n<p>");
    highlighted_text(scope, doc, &notes, html);
    html.push_str("</p>\n</article>\n");
    if notes.iter().any(Option::is_some) {
        html.push_str("<h3>Notes</h3>\n<ol class=\"notes\">\n");
        for (a, number) in annotations.iter().zip(&notes) {
            if let Some(n) = number {
                let _ = writeln!(
                    html,
                    "<li id=\"note-{n}\" value=\"{n}\"><strong>{}</strong> “{}”: {} <a href=\"#ref-{n}\">↩</a></li>",
                    escape(scope.label_name(&a.label)),
                    escape(&crate::excerpt::shorten(&a.quote, 80)),
                    escape(&a.note).replace('\n', "<br>")
                );
            }
        }
        html.push_str("</ol>\n");
    }
    table(scope, doc, &notes, html);
}

/// The text with a `<mark>` per stretch covered by the same annotations, paragraphs from blank
/// lines, `<br>` for single line breaks, and a footnote mark where an annotation with a note ends.
fn highlighted_text(scope: &Scope, doc: &Document, notes: &[Option<usize>], html: &mut String) {
    let annotations = doc.annotations();
    let mut cuts: Vec<usize> = annotations
        .iter()
        .flat_map(|a| [a.start, a.end])
        .chain([0, doc.char_len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut newlines = 0;
    for pair in cuts.windows(2) {
        let span = crate::model::Span::new(pair[0], pair[1]);
        let covering: Vec<&Annotation> = doc
            .annotations_in(span)
            .filter(|a| a.start <= span.start && a.end >= span.end)
            .collect();
        let piece = doc.quote(span).unwrap_or_default();
        for (i, line) in piece.split('\n').enumerate() {
            if i > 0 {
                newlines += 1;
            }
            if line.is_empty() {
                continue;
            }
            flush_newlines(&mut newlines, html);
            if covering.is_empty() {
                html.push_str(&escape(line));
            } else {
                mark(scope, &covering, line, html);
            }
        }
        for (a, number) in annotations.iter().zip(notes) {
            if let Some(n) = number
                && a.end == span.end
            {
                flush_newlines(&mut newlines, html);
                let _ = write!(
                    html,
                    "<sup class=\"fn\"><a href=\"#note-{n}\" id=\"ref-{n}\">{n}</a></sup>"
                );
            }
        }
    }
}

fn flush_newlines(newlines: &mut usize, html: &mut String) {
    match std::mem::take(newlines) {
        0 => {}
        1 => html.push_str("<br>\n"),
        _ => html.push_str("</p>\n<p>"),
    }
}

/// One highlighted stretch: the innermost annotation's colour as the fill, one underline per
/// covering annotation, and their labels as the tooltip.
fn mark(scope: &Scope, covering: &[&Annotation], line: &str, html: &mut String) {
    let innermost = covering
        .iter()
        .min_by_key(|a| a.end - a.start)
        .map_or("", |a| a.label.as_str());
    let underlines: Vec<String> = covering
        .iter()
        .enumerate()
        .map(|(k, a)| {
            format!(
                "inset 0 -{}px 0 {}",
                2 * (k + 1),
                css_color(scope, &a.label, 1.0)
            )
        })
        .collect();
    let names: Vec<&str> = covering
        .iter()
        .map(|a| scope.label_name(&a.label))
        .collect();
    let _ = write!(
        html,
        "<mark style=\"background:{};box-shadow:{}\" title=\"{}\">{}</mark>",
        css_color(scope, innermost, 0.35),
        underlines.join(","),
        escape(&names.join(", ")),
        escape(line)
    );
}

fn table(scope: &Scope, doc: &Document, notes: &[Option<usize>], html: &mut String) {
    if doc.annotations().is_empty() {
        html.push_str("<p class=\"meta\">No annotations.</p>\n");
        return;
    }
    html.push_str(
        "<table>\n<thead><tr><th>#</th><th>Label</th><th>Quote</th><th>Position (chars)</th>\
         <th>Note</th></tr></thead>\n<tbody>\n",
    );
    for (i, (a, number)) in doc.annotations().iter().zip(notes).enumerate() {
        let note = match number {
            Some(n) => format!(
                "<a href=\"#note-{n}\">[{n}]</a> {}",
                escape(&a.note).replace('\n', "<br>")
            ),
            None => String::new(),
        };
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td><span class=\"swatch\" style=\"background:{}\"></span>{}</td><td>{}</td><td>{}–{}</td><td>{note}</td></tr>",
            i + 1,
            css_color(scope, &a.label, 1.0),
            escape(scope.label_name(&a.label)),
            escape(&a.quote),
            a.start,
            a.end
        );
    }
    html.push_str("</tbody>\n</table>\n");
    if doc.relations().is_empty() {
        return;
    }
    html.push_str(
        "<table>\n<thead><tr><th>From</th><th>Relation</th><th>To</th><th>Note</th></tr></thead>\n<tbody>\n",
    );
    let quote = |id: &str| {
        doc.annotation(id)
            .map(|a| escape(&crate::excerpt::shorten(&a.quote, 60)))
            .unwrap_or_default()
    };
    for r in doc.relations() {
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            quote(&r.from),
            escape(&r.kind),
            quote(&r.to),
            escape(&r.note)
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Label, Meta, Project};

    fn report(text: &str, spans: &[(&str, usize, usize, &str)]) -> String {
        let annotations = spans
            .iter()
            .enumerate()
            .map(|(i, (label, start, end, note))| Annotation {
                quote: text.chars().skip(*start).take(end - start).collect(),
                note: (*note).into(),
                ..Annotation::bare(&format!("a{i}"), label, *start, *end)
            })
            .collect();
        let doc = Document::new("d", "<Doc>", text.into()).with_annotations(annotations);
        let labels = vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("norm", "Norm <b>", "#009E73"),
        ];
        let project = Project::from_parts(Meta::default(), labels, vec![doc]);
        let scope = Scope::new(&project, None).unwrap();
        let Ok(Output::File(bytes)) = export(&scope, &ExportOptions::default()) else {
            panic!("one file")
        };
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn markup_in_the_text_notes_and_labels_is_shown_as_text() {
        let html = report(
            "Say <script>alert(1)</script> & go.",
            &[("norm", 4, 29, "<img src=x onerror=alert(2)>")],
        );
        assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("Norm &lt;b&gt;"));
        assert!(html.contains("<h2>&lt;Doc&gt;</h2>"));
    }

    #[test]
    fn overlaps_stack_underlines_and_notes_become_footnotes() {
        let html = report(
            "one two three four",
            &[("claim", 0, 13, "outer"), ("norm", 4, 7, "")],
        );
        // "two" is covered by both: filled with the inner (norm) colour, underlined twice.
        assert!(html.contains(
            "<mark style=\"background:rgba(0,158,115,0.35);box-shadow:inset 0 -2px 0 #d55e00,inset 0 -4px 0 #009e73\" title=\"Claim, Norm &lt;b&gt;\">two</mark>"
        ), "{html}");
        assert!(html.contains(
            "three</mark><sup class=\"fn\"><a href=\"#note-1\" id=\"ref-1\">1</a></sup> four"
        ));
        assert!(html.contains("<li id=\"note-1\" value=\"1\"><strong>Claim</strong>"));
        assert_eq!(
            html,
            report(
                "one two three four",
                &[("claim", 0, 13, "outer"), ("norm", 4, 7, "")]
            )
        );
    }

    #[test]
    fn blank_lines_make_paragraphs_and_single_newlines_breaks() {
        let html = report("a\nb\n\nc", &[("claim", 0, 6, "")]);
        assert!(html.contains("a</mark><br>\n<mark"), "{html}");
        assert!(html.contains("b</mark></p>\n<p><mark"), "{html}");
    }
}
