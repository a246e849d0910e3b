//! Which HTML elements are not part of an article's visible text: scripts, navigation,
//! page furniture, hidden elements, and elements whose id or class marks boilerplate.

use std::collections::HashSet;

use scraper::ElementRef;

/// Elements whose contents are never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "button", "iframe", "svg",
    "head", "title", "select", "textarea", "input", "canvas", "object", "embed", "audio", "video",
    "dialog",
];

/// Substrings of an id or class token (compared in lowercase) that mark boilerplate.
#[rustfmt::skip]
const MARKERS: &[&str] = &[
    "comment", "cookie", "banner", "share", "social", "newsletter", "subscribe", "related",
    "sidebar", "advert", "promo", "breadcrumb", "menu", "nav",
];

/// Elements that hold the article itself: an element containing one is never dropped for its
/// id or class, and a `<header>` or `<form>` containing one is kept (some sites wrap the whole
/// page in a form).
const LANDMARKS: &[&str] = &["h1", "article", "main"];

/// Whether an element is one that never holds article text, whatever the context:
/// a [`DROPPED`] element or one that is hidden.
pub fn is_furniture(el: ElementRef<'_>) -> bool {
    DROPPED.contains(&el.value().name()) || is_hidden(el)
}

/// Whether the element's own id or class marks it as boilerplate (see [`MARKERS`]).
pub fn is_marked(el: ElementRef<'_>) -> bool {
    let element = el.value();
    element
        .id()
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .chain(element.classes())
        .any(|token| {
            let token = token.to_ascii_lowercase();
            MARKERS.iter().any(|marker| token.contains(marker))
        })
}

/// Whether the element has the `hidden` attribute or an inline style that hides it.
fn is_hidden(el: ElementRef<'_>) -> bool {
    let element = el.value();
    if element.attr("hidden").is_some() {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// How much a [`Filter`] leaves out besides page furniture, from most to least. Ids, classes
/// and forms can mislead (`<div class="has-sidebar">` or a `<form>` around the whole page), so
/// when a stricter filter leaves no text a laxer one is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Forms and elements with a boilerplate id or class are left out.
    Full,
    /// Elements with a boilerplate id or class are left out; forms are kept.
    KeepForms,
    /// Forms and elements with a boilerplate id or class are kept.
    KeepMarked,
}

/// Decides which elements inside an article root are left out of its text.
pub struct Filter {
    /// Whether `<header>` elements are kept (they are inside an `<article>` or `<main>` root).
    keep_headers: bool,
    /// What else is left out.
    strictness: Strictness,
    /// Elements that are, or contain, a [`LANDMARKS`] element.
    landmarks: Box<dyn Fn(ElementRef<'_>) -> bool>,
}

impl Filter {
    /// A filter for the subtree under `root`.
    pub fn new(root: ElementRef<'_>, keep_headers: bool, strictness: Strictness) -> Self {
        let mut holders = HashSet::new();
        for el in root.descendants().filter_map(ElementRef::wrap) {
            if LANDMARKS.contains(&el.value().name()) {
                for holder in el.ancestors().chain(std::iter::once(*el)) {
                    if !holders.insert(holder.id()) {
                        break;
                    }
                }
            }
        }
        Filter {
            keep_headers,
            strictness,
            landmarks: Box::new(move |el| holders.contains(&el.id())),
        }
    }

    /// Whether `el` (below the root) and everything in it is left out of the text.
    pub fn drops(&self, el: ElementRef<'_>) -> bool {
        if is_furniture(el) {
            return true;
        }
        let holds_landmark = || (self.landmarks)(el);
        let dropped_here = match el.value().name() {
            "header" => !self.keep_headers,
            "form" => self.strictness == Strictness::Full,
            _ => self.strictness != Strictness::KeepMarked && is_marked(el),
        };
        dropped_here && !holds_landmark()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{CaseSensitivity, Html};

    /// Whether the first element with id or class "x" in `html` is dropped.
    fn dropped(html: &str, keep_headers: bool, strictness: Strictness) -> bool {
        let doc = Html::parse_document(html);
        let root = doc.root_element();
        let filter = Filter::new(root, keep_headers, strictness);
        let target = root.descendants().filter_map(ElementRef::wrap).find(|el| {
            el.value().id() == Some("x")
                || el.value().has_class("x", CaseSensitivity::CaseSensitive)
        });
        filter.drops(target.expect("the case has an element marked x"))
    }

    #[test]
    fn drop_rules() {
        use Strictness::{Full, KeepForms, KeepMarked};
        let cases = [
            ("<script id=x>var a</script>", true, Full, true),
            ("<nav id=x>Home</nav>", true, Full, true),
            ("<p id=x>text</p>", true, Full, false),
            ("<p id=x hidden>text</p>", true, Full, true),
            ("<p id=x style='display: none'>text</p>", true, Full, true),
            ("<div class='x Post-Comments'>c</div>", true, Full, true),
            ("<div class='x SiteMenu'>m</div>", true, Full, true),
            ("<div class='x SiteMenu'>m</div>", true, KeepMarked, false),
            (
                "<div id=x class='has-sidebar'><h1>T</h1></div>",
                true,
                Full,
                false,
            ),
            ("<header id=x>Site</header>", false, Full, true),
            ("<header id=x><h1>Title</h1></header>", false, Full, false),
            ("<header id=x>Byline</header>", true, Full, false),
            ("<form id=x>Sign up</form>", true, Full, true),
            ("<form id=x>Sign up</form>", true, KeepForms, false),
            ("<div id=x class=menu>m</div>", true, KeepForms, true),
            ("<form id=x><main>Page</main></form>", true, Full, false),
            (
                "<div id=x><button>Go</button></div>",
                true,
                KeepMarked,
                false,
            ),
        ];
        for (html, keep_headers, strictness, expected) in cases {
            let found = dropped(html, keep_headers, strictness);
            assert_eq!(found, expected, "{html}");
        }
    }
}
