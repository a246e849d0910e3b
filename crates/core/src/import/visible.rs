//! The visible text under an article root: walking the tree, leaving out boilerplate, and
//! laying out block elements as paragraphs.

use scraper::ElementRef;

use super::boilerplate::Filter;
use super::paragraphs::Paragraphs;
use super::walk::{Step, walk};

/// Elements that start and end a paragraph.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
    "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul", "xmp",
];

/// Elements whose text keeps its whitespace.
const PREFORMATTED: &[&str] = &["pre", "listing", "plaintext", "xmp"];

/// Table cells, separated from their neighbours by a space.
const CELLS: &[&str] = &["td", "th"];

/// The visible text under `root` as paragraphs separated by "\n\n", ending in "\n" (or empty
/// when there is no visible text). `filter` decides which elements below `root` are left out.
pub fn visible_text(root: ElementRef<'_>, filter: &Filter) -> String {
    let mut out = Paragraphs::default();
    let mut preformatted_depth = 0usize;
    walk(root, |step| {
        match step {
            Step::Open(el) => {
                if el != root && filter.drops(el) {
                    return false;
                }
                let name = el.value().name();
                if name == "br" {
                    out.line_break();
                } else if BLOCKS.contains(&name) {
                    out.end_paragraph();
                } else if CELLS.contains(&name) {
                    out.space();
                }
                if PREFORMATTED.contains(&name) {
                    preformatted_depth += 1;
                }
            }
            Step::Close(el) => {
                let name = el.value().name();
                if BLOCKS.contains(&name) {
                    out.end_paragraph();
                } else if CELLS.contains(&name) {
                    out.space();
                }
                if PREFORMATTED.contains(&name) {
                    preformatted_depth = preformatted_depth.saturating_sub(1);
                }
            }
            Step::Text(text) if preformatted_depth > 0 => out.push_preformatted(text),
            Step::Text(text) => out.push_text(text),
        }
        true
    });
    out.finish()
}
