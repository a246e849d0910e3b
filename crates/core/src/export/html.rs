//! Export as a self-contained HTML report an analyst can mail or print: a legend of the labels,
//! the document × label counts, each article with its coded passages highlighted (overlaps as
//! stacked underlines) and an SVG strip of where they lie, footnoted notes, a table of the
//! annotations and one of the relations. Inline CSS, no scripts, no
//! external resources; every piece of text escaped; no export date, so the output is
//! deterministic.
//!
//! Positions are char offsets (the model's unit), end-exclusive; the report shows them as
//! `start–end`.

use std::collections::{BTreeSet, HashMap};

use super::{ExportError, ExportOptions, Output, Scope, html_charts};
use crate::model::{
    Annotation, Document, Span,
    label::{color_hex, parse_color},
};

/// The highlight's opacity over the label's colour.
const HIGHLIGHT_ALPHA: &str = "0.35";
/// The height of each annotation's band under the text, in CSS pixels.
const BAND_PX: usize = 3;

/// The colour of a label that has none (or an unknown label).
const NO_COLOUR: [u8; 3] = [0x88, 0x88, 0x88];

const STYLE: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;\
line-height:1.6;color:#1b1b1b;background:#fff}
h1,h2,h3{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.25}
.meta{color:#555}
.legend ul{list-style:none;padding:0}
.legend li{margin:.2em 0}
.article p{white-space:pre-wrap}
mark{color:inherit;padding:0 0 5px;border-radius:2px}
sup.fn{font-family:system-ui,sans-serif;font-size:.7em;line-height:0}
sup.fn a{text-decoration:none}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;\
margin-right:.35em;border:1px solid rgba(0,0,0,.25)}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:1em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.num{text-align:right;white-space:nowrap}
svg.strip{width:100%;height:auto}
@media print{body{max-width:none;margin:0;font-size:11pt}\
mark,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
.document{break-before:page}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
";

/// Renders the scope as one HTML file (UTF-8).
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let meta = scope.project.meta();
    let title = if meta.title.trim().is_empty() {
        "Marginalia report"
    } else {
        meta.title.as_str()
    };
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!(
        "<meta name=\"generator\" content=\"Marginalia {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    ));
    html.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    html.push_str(&summary(scope));
    html.push_str(&legend(scope));
    html.push_str(&html_charts::counts_section(scope));
    for (index, doc) in scope.documents.iter().enumerate() {
        html.push_str(&document_section(scope, doc, index + 1));
    }
    html.push_str("</body>\n</html>\n");
    Ok(Output::File(html.into_bytes()))
}

/// Escapes text for HTML content and attribute values: `& < > " '`.
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

/// Escaped text with each newline as `<br>`.
fn escape_lines(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

/// A label's colour (grey when it has none or is unknown).
pub(crate) fn label_rgb(scope: &Scope, label: &str) -> [u8; 3] {
    scope
        .project
        .label(label)
        .and_then(|l| parse_color(&l.color))
        .unwrap_or(NO_COLOUR)
}

pub(crate) fn swatch(rgb: [u8; 3]) -> String {
    format!(
        "<span class=\"swatch\" style=\"background:{}\"></span>",
        color_hex(rgb)
    )
}

/// Who coded the project and how much it holds.
fn summary(scope: &Scope) -> String {
    let annotator = &scope.project.meta().annotator;
    let coded_by = if annotator.trim().is_empty() {
        String::new()
    } else {
        format!("Coded by <strong>{}</strong> · ", escape(annotator))
    };
    format!(
        "<p class=\"meta\">{coded_by}{} document(s) · {} annotation(s)</p>\n",
        scope.documents.len(),
        scope.annotation_count()
    )
}

/// The label ids to show: the project's labels, then any id an annotation uses that it lacks.
fn label_ids<'s>(scope: &'s Scope) -> Vec<&'s str> {
    let mut ids: Vec<&str> = scope.labels().iter().map(|l| l.id.as_str()).collect();
    for a in scope.documents.iter().flat_map(|d| d.annotations()) {
        if !ids.contains(&a.label.as_str()) {
            ids.push(&a.label);
        }
    }
    ids
}

/// Each label's swatch, name, count in the scope and description.
fn legend(scope: &Scope) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for a in scope.documents.iter().flat_map(|d| d.annotations()) {
        *counts.entry(a.label.as_str()).or_default() += 1;
    }
    let mut html = String::from("<section class=\"legend\">\n<h2>Labels</h2>\n<ul>\n");
    for id in label_ids(scope) {
        let description = scope
            .project
            .label(id)
            .map(|l| l.description.trim())
            .filter(|d| !d.is_empty())
            .map_or(String::new(), |d| format!(" — {}", escape(d)));
        html.push_str(&format!(
            "<li>{}<strong>{}</strong> ({}){description}</li>\n",
            swatch(label_rgb(scope, id)),
            escape(scope.label_name(id)),
            counts.get(id).copied().unwrap_or(0)
        ));
    }
    html.push_str("</ul>\n</section>\n");
    html
}

/// One document: its title, the highlighted article, its notes, annotations and relations.
fn document_section(scope: &Scope, doc: &Document, number: usize) -> String {
    let footnotes = footnotes(doc);
    let mut html = format!(
        "<section class=\"document\" id=\"d{number}\">\n<h2>{}</h2>\n",
        escape(doc.title())
    );
    html.push_str(&article(scope, doc, number, &footnotes));
    html.push_str(&html_charts::distribution_svg(scope, doc, number));
    html.push_str(&notes_list(scope, doc, number, &footnotes));
    html.push_str(&annotations_table(scope, doc));
    html.push_str(&relations_table(scope, doc));
    html.push_str("</section>\n");
    html
}

/// The annotations with notes, in the order their footnote marks appear: by end, then saved
/// order. Their footnote number is their index + 1.
fn footnotes(doc: &Document) -> Vec<&Annotation> {
    let mut with_notes: Vec<&Annotation> = doc
        .annotations()
        .iter()
        .filter(|a| !a.note.trim().is_empty())
        .collect();
    with_notes.sort_by_key(|a| a.end);
    with_notes
}

/// The article's HTML: paragraphs, highlighted segments, footnote marks.
fn article(scope: &Scope, doc: &Document, number: usize, footnotes: &[&Annotation]) -> String {
    let len = doc.char_len();
    let mut boundaries: BTreeSet<usize> = BTreeSet::from([0, len]);
    for a in doc.annotations() {
        boundaries.insert(a.start.min(len));
        boundaries.insert(a.end.min(len));
    }
    let boundaries: Vec<usize> = boundaries.into_iter().collect();
    let mut out = Paragraphs::default();
    // The footnotes are in order of their ends: walk them alongside the boundaries.
    let mut next_note = 0;
    for (i, &at) in boundaries.iter().enumerate() {
        while let Some(note) = footnotes.get(next_note).filter(|a| a.end <= at) {
            next_note += 1;
            if note.end == at {
                let n = next_note;
                out.mark_after(&format!(
                    "<sup class=\"fn\"><a href=\"#d{number}-note-{n}\" id=\"d{number}-ref-{n}\">{n}</a></sup>"
                ));
            }
        }
        let Some(&next) = boundaries.get(i + 1) else {
            break;
        };
        let text = doc.quote(Span::new(at, next)).unwrap_or_default();
        let covering = doc.covering_innermost_first(at);
        out.text(text, mark_open(scope, &covering).as_deref());
    }
    format!("<div class=\"article\">\n{}</div>\n", out.finish())
}

/// The `<mark …>` tag for a segment covered by `covering` (innermost first): the innermost
/// label's colour as background, never a mix, and under the text one band per annotation in its
/// label's colour, the outermost lowest, so that every label of a nested or crossing passage
/// stays recognisable and an annotation's band keeps its height along the whole passage.
fn mark_open(scope: &Scope, covering: &[&Annotation]) -> Option<String> {
    let innermost = covering.first()?;
    let [r, g, b] = label_rgb(scope, &innermost.label);
    let mut outermost_first = covering.to_vec();
    outermost_first.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    // The first shadow is drawn on top: each band shows the 3px above the one before it.
    let bands: Vec<String> = outermost_first
        .iter()
        .enumerate()
        .map(|(k, a)| {
            format!(
                "inset 0 -{}px {}",
                BAND_PX * (k + 1),
                color_hex(label_rgb(scope, &a.label))
            )
        })
        .collect();
    let style = format!(
        "background:rgba({r},{g},{b},{HIGHLIGHT_ALPHA});box-shadow:{}",
        bands.join(",")
    );
    let names: Vec<&str> = covering
        .iter()
        .map(|a| scope.label_name(&a.label))
        .collect();
    Some(format!(
        "<mark style=\"{style}\" title=\"{}\">",
        escape(&names.join(", "))
    ))
}

/// Builds paragraphs from text: "\n\n" (or more) ends a paragraph, a single "\n" is `<br>`.
/// Newlines are held back until more text comes, so a footnote mark stays with the words
/// before it.
#[derive(Default)]
struct Paragraphs {
    html: String,
    open: bool,
    newlines: usize,
}

impl Paragraphs {
    /// Adds `text`, each line's run wrapped in `mark` (an opening tag) when given.
    fn text(&mut self, text: &str, mark: Option<&str>) {
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                self.newlines += 1;
            }
            if line.is_empty() {
                continue;
            }
            self.flush_newlines();
            self.open_paragraph();
            match mark {
                Some(open) => {
                    self.html.push_str(open);
                    self.html.push_str(&escape(line));
                    self.html.push_str("</mark>");
                }
                None => self.html.push_str(&escape(line)),
            }
        }
    }

    /// Adds inline HTML right after what came before, ahead of any held-back newlines.
    fn mark_after(&mut self, html: &str) {
        self.open_paragraph();
        self.html.push_str(html);
    }

    fn open_paragraph(&mut self) {
        if !self.open {
            self.html.push_str("<p>");
            self.open = true;
        }
    }

    fn flush_newlines(&mut self) {
        match (self.newlines, self.open) {
            (0, _) | (_, false) => {}
            (1, true) => self.html.push_str("<br>"),
            (_, true) => {
                self.html.push_str("</p>\n");
                self.open = false;
            }
        }
        self.newlines = 0;
    }

    fn finish(mut self) -> String {
        if self.open {
            self.html.push_str("</p>\n");
        }
        self.html
    }
}

/// The numbered notes under the article, each linking back to its mark.
fn notes_list(scope: &Scope, doc: &Document, number: usize, footnotes: &[&Annotation]) -> String {
    let _ = doc;
    if footnotes.is_empty() {
        return String::new();
    }
    let mut html = String::from("<h3>Notes</h3>\n<ol class=\"notes\">\n");
    for (n, a) in footnotes.iter().enumerate() {
        let n = n + 1;
        html.push_str(&format!(
            "<li id=\"d{number}-note-{n}\"><a href=\"#d{number}-ref-{n}\">↑</a> {}<strong>{}</strong> “{}”: {}</li>\n",
            swatch(label_rgb(scope, &a.label)),
            escape(scope.label_name(&a.label)),
            escape(&crate::excerpt::shorten(&a.quote, 60)),
            escape_lines(a.note.trim())
        ));
    }
    html.push_str("</ol>\n");
    html
}

/// Every annotation of the document in saved order: #, label, quote, position, note, created.
fn annotations_table(scope: &Scope, doc: &Document) -> String {
    if doc.annotations().is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<h3>Annotations</h3>\n<table>\n<thead><tr><th>#</th><th>Label</th><th>Quote</th>\
         <th>Position (chars)</th><th>Note</th><th>Created</th></tr></thead>\n<tbody>\n",
    );
    for (k, a) in doc.annotations().iter().enumerate() {
        html.push_str(&format!(
            "<tr><td class=\"num\">{}</td><td>{}{}</td><td>{}</td><td class=\"num\">{}–{}</td>\
             <td>{}</td><td>{}</td></tr>\n",
            k + 1,
            swatch(label_rgb(scope, &a.label)),
            escape(scope.label_name(&a.label)),
            escape_lines(&a.quote),
            a.start,
            a.end,
            escape_lines(a.note.trim()),
            escape(&a.created)
        ));
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// The document's relations, their ends named by their row in the annotations table.
fn relations_table(scope: &Scope, doc: &Document) -> String {
    if doc.relations().is_empty() {
        return String::new();
    }
    let row: HashMap<&str, usize> = doc
        .annotations()
        .iter()
        .enumerate()
        .map(|(k, a)| (a.id.as_str(), k + 1))
        .collect();
    let end = |id: &str| match doc.annotation(id) {
        Some(a) => format!(
            "#{} {}",
            row.get(id).copied().unwrap_or(0),
            escape(scope.label_name(&a.label))
        ),
        None => escape(id),
    };
    let mut html = String::from(
        "<h3>Relations</h3>\n<table>\n<thead><tr><th>From</th><th>Relation</th><th>To</th>\
         <th>Note</th></tr></thead>\n<tbody>\n",
    );
    for r in doc.relations() {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            end(&r.from),
            escape(&r.kind),
            end(&r.to),
            escape_lines(r.note.trim())
        ));
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
