//! The HTML report's figures: the document × label table of passages and coded chars with
//! totals, and per document a distribution strip — one row per label, each passage a mark at its
//! place along the text — drawn as inline SVG (self-contained, no scripts), with its numbers in
//! the table beside it. Positions are char offsets; the strip's x is the passage's share of the
//! document's length in chars.

use std::fmt::Write as _;

use super::{
    Scope,
    html::{escape, label_rgb, swatch},
};
use crate::{analysis::count_table_of, model::Document, model::label::color_hex};

/// The strip's width in SVG user units (it scales to the page's width).
const STRIP_WIDTH: f64 = 600.0;
/// The height of one label's row, and the room left of the rows for the label's name.
const ROW_HEIGHT: f64 = 16.0;
const NAME_WIDTH: f64 = 110.0;

/// The count table of the scope's documents: passages and coded chars per label, with totals.
pub(crate) fn counts_section(scope: &Scope) -> String {
    let table = count_table_of(scope.project, scope.documents.iter().copied());
    let mut html = String::from(
        "<section class=\"counts\">\n<h2>Counts</h2>\n<p class=\"meta\">Passages per document and \
         label, with the characters they cover (overlaps counted once).</p>\n<table>\n\
         <thead><tr><th>Document</th>",
    );
    for label in &table.labels {
        let _ = write!(
            html,
            "<th>{}{}</th>",
            swatch(label_rgb(scope, label)),
            escape(scope.label_name(label))
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    let row = |html: &mut String, name: &str, cells: &[crate::analysis::Cell]| {
        let _ = write!(html, "<tr><td>{name}</td>");
        for cell in cells {
            let _ = write!(
                html,
                "<td class=\"num\">{} ({} chars)</td>",
                cell.passages, cell.chars
            );
        }
        html.push_str("</tr>\n");
    };
    for (number, (_, title, cells)) in table.rows.iter().enumerate() {
        let link = format!("<a href=\"#d{}\">{}</a>", number + 1, escape(title));
        row(&mut html, &link, cells);
    }
    row(&mut html, "<strong>Total</strong>", &table.totals);
    html.push_str("</tbody>\n</table>\n</section>\n");
    html
}

/// Where the passages of each label lie along `doc`: one row per label of the codebook, a mark
/// per passage; empty for a document without passages.
pub(crate) fn distribution_svg(scope: &Scope, doc: &Document, number: usize) -> String {
    if doc.annotations().is_empty() {
        return String::new();
    }
    let length = doc.char_len().max(1) as f64;
    let labels: Vec<&str> = scope.labels().iter().map(|l| l.id.as_str()).collect();
    let height = ROW_HEIGHT * labels.len() as f64;
    let width = NAME_WIDTH + STRIP_WIDTH;
    let mut svg = format!(
        "<h3>Where the passages lie</h3>\n<svg class=\"strip\" role=\"img\" \
         aria-labelledby=\"strip{number}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"system-ui,sans-serif\" font-size=\"11\">\n\
         <title id=\"strip{number}\">Passages of each label along “{}”, from its start (left) to its \
         end (right)</title>\n",
        escape(doc.title())
    );
    for (row, label) in labels.iter().enumerate() {
        let y = ROW_HEIGHT * row as f64;
        let colour = color_hex(label_rgb(scope, label));
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect x=\"{NAME_WIDTH}\" y=\"{:.1}\" \
             width=\"{STRIP_WIDTH}\" height=\"{:.1}\" fill=\"#f3f3f3\"/>",
            y + ROW_HEIGHT * 0.75,
            escape(scope.label_name(label)),
            y + 2.0,
            ROW_HEIGHT - 4.0
        );
        for a in doc.annotations().iter().filter(|a| a.label == *label) {
            let x = NAME_WIDTH + STRIP_WIDTH * a.start as f64 / length;
            let w = (STRIP_WIDTH * (a.end - a.start) as f64 / length).max(1.5);
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{colour}\">\
                 <title>{} {}–{}</title></rect>",
                y + 2.0,
                ROW_HEIGHT - 4.0,
                escape(scope.label_name(label)),
                a.start,
                a.end
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Label, Meta, Project};

    fn project() -> Project {
        let text = "abcdefghij".repeat(10);
        let a = |id: &str, label: &str, start: usize, end: usize| Annotation {
            quote: text[start..end].to_owned(),
            ..Annotation::bare(id, label, start, end)
        };
        let doc = Document::new("d1", "<One>", text.clone())
            .with_annotations(vec![a("c1", "claim", 0, 10), a("s1", "source", 50, 52)]);
        let empty = Document::new("d2", "Two", "Nothing.".into());
        Project::from_parts(
            Meta::default(),
            vec![
                Label::new("claim", "Claim", "#D55E00"),
                Label::new("source", "Source", "#0072B2"),
            ],
            vec![doc, empty],
        )
    }

    #[test]
    fn the_count_table_has_a_row_per_document_and_totals() {
        let p = project();
        let scope = Scope::new(&p, None).unwrap();
        let html = counts_section(&scope);
        assert!(html.contains("<a href=\"#d1\">&lt;One&gt;</a>"), "{html}");
        assert!(
            html.contains("<td class=\"num\">1 (10 chars)</td><td class=\"num\">1 (2 chars)</td>")
        );
        assert!(html.contains(
            "<tr><td><strong>Total</strong></td><td class=\"num\">1 (10 chars)</td><td class=\"num\">1 (2 chars)</td></tr>"
        ));
        let one = Scope::new(&p, Some("d2")).unwrap();
        assert!(
            !counts_section(&one).contains("#d2"),
            "rows are numbered within the scope"
        );
    }

    #[test]
    fn each_passage_is_a_mark_at_its_share_of_the_text() {
        let p = project();
        let scope = Scope::new(&p, None).unwrap();
        let svg = distribution_svg(&scope, &p.documents()[0], 1);
        assert!(svg.contains("aria-labelledby=\"strip1\""));
        assert!(svg.contains("along “&lt;One&gt;”"));
        // 100 chars over 600 units: c1 at 0 is 60 wide; s1 at 50 is at 300, 12 wide.
        assert!(
            svg.contains(
                "<rect x=\"110.0\" y=\"2.0\" width=\"60.0\" height=\"12.0\" fill=\"#D55E00\">"
            ),
            "{svg}"
        );
        assert!(
            svg.contains(
                "<rect x=\"410.0\" y=\"18.0\" width=\"12.0\" height=\"12.0\" fill=\"#0072B2\">"
            ),
            "{svg}"
        );
        assert_eq!(distribution_svg(&scope, &p.documents()[1], 2), "");
    }
}
