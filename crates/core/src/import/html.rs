//! Extracting an article's title and visible text from an HTML document.

use scraper::{ElementRef, Html};

use super::boilerplate::{Filter, Strictness, is_furniture, is_marked};
use super::paragraphs::Paragraphs;
use super::visible::visible_text;

/// The namespace of HTML elements (as opposed to SVG or `MathML` ones).
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// What [`extract`] found in an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The article's headline (its first `<h1>`, else the `<title>` without the site's name),
    /// whitespace collapsed and trimmed; `None` if neither has any text.
    pub title: Option<String>,
    /// The article's visible text: paragraphs separated by "\n\n", ending in a single "\n";
    /// empty when there is none.
    pub text: String,
}

/// Extracts the title and the visible text of the article in an HTML document.
///
/// The article root is the largest `<article>` (by extracted text length, in characters), else
/// `<main>`, else `<body>`; when a root has no visible text the next choice is tried, and for
/// `<body>` laxer filters. The `boilerplate` module says what is left out, and `paragraphs`
/// how the text is laid out.
#[must_use]
pub fn extract(html: &str) -> Extracted {
    extract_from(&Html::parse_document(html))
}

/// [`extract`] from a parsed document, so that the page's text need not be kept while it is
/// read (the parser holds its own copy).
pub(super) fn extract_from(document: &Html) -> Extracted {
    let (root, text) = article_root(document);
    Extracted {
        title: title(document, root),
        text,
    }
}

/// The article root and its visible text.
fn article_root(document: &Html) -> (ElementRef<'_>, String) {
    let elements = || {
        document
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|el| is_html(*el))
    };
    let mut best: Option<(ElementRef<'_>, String, usize)> = None;
    for article in elements().filter(|el| is_named(*el, "article") && is_candidate(*el)) {
        let text = visible_text(article, &Filter::new(article, true, Strictness::Full));
        let length = text.chars().count();
        if length > 0 && best.as_ref().is_none_or(|(_, _, most)| length > *most) {
            best = Some((article, text, length));
        }
    }
    if let Some((article, text, _)) = best {
        return (article, text);
    }
    if let Some(main) = elements().find(|el| is_named(*el, "main") && !is_furniture(*el)) {
        let text = visible_text(main, &Filter::new(main, true, Strictness::Full));
        if !text.is_empty() {
            return (main, text);
        }
    }
    let body = elements()
        .find(|el| is_named(*el, "body"))
        .unwrap_or_else(|| document.root_element());
    let mut text = String::new();
    for strictness in [
        Strictness::Full,
        Strictness::KeepForms,
        Strictness::KeepMarked,
    ] {
        text = visible_text(body, &Filter::new(body, false, strictness));
        if !text.is_empty() {
            break;
        }
    }
    (body, text)
}

/// Whether an `<article>` may be the article root: it is not itself marked as boilerplate
/// (a comment, say) and is not inside page furniture such as `<aside>` or `<footer>`.
fn is_candidate(article: ElementRef<'_>) -> bool {
    !is_marked(article)
        && !is_furniture(article)
        && !article
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(is_furniture)
}

/// The article's headline: the first `<h1>` of the article (the root), else the `<title>`
/// without a site name after a separator ("Headline | Site"), else the document's first `<h1>`.
fn title(document: &Html, root: ElementRef<'_>) -> Option<String> {
    let first = |within: ElementRef<'_>, name: &str| {
        within
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|el| is_named(*el, name))
            .map(collapsed_text)
            .find(|text| !text.trim().is_empty())
    };
    let document_root = document.root_element();
    first(root, "h1")
        .or_else(|| first(document_root, "title").map(|t| without_site_name(&t)))
        .or_else(|| first(document_root, "h1"))
}

/// A `<title>` without the site's name that follows a separator: "Headline | Site" → "Headline".
fn without_site_name(title: &str) -> String {
    [" | ", " – ", " — ", " - ", " :: ", " · "]
        .iter()
        .filter_map(|separator| title.rfind(separator))
        .max()
        .map(|at| title[..at].trim())
        .filter(|headline| !headline.is_empty())
        .unwrap_or(title)
        .to_owned()
}

/// All the text in an element on one line: ASCII whitespace collapsed, trimmed.
fn collapsed_text(el: ElementRef<'_>) -> String {
    let mut line = Paragraphs::default();
    for text in el.text() {
        line.push_text(text);
    }
    line.finish().trim_end_matches('\n').to_owned()
}

/// Whether `el` is the HTML element `name` (not, say, an SVG `<title>`).
fn is_named(el: ElementRef<'_>, name: &str) -> bool {
    el.value().name() == name && is_html(el)
}

/// Whether `el` is in the HTML namespace.
fn is_html(el: ElementRef<'_>) -> bool {
    &*el.value().name.ns == HTML_NAMESPACE
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
