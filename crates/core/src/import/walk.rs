//! A depth-first walk over a parsed HTML subtree without recursion, so deeply nested
//! documents cannot overflow the stack.

use scraper::{ElementRef, Node};

/// One step of a [`walk`].
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// The start of an element. The visitor's answer says whether to walk into it.
    Open(ElementRef<'a>),
    /// The end of an element that was walked into.
    Close(ElementRef<'a>),
    /// A text node (entities already decoded by the parser).
    Text(&'a str),
}

/// Walks `root` and everything under it in document order, calling `visit` for each element
/// start and end and each text node. Comments, doctypes and processing instructions are not
/// visited. When `visit` returns `false` for [`Step::Open`], the element's contents are
/// skipped and no [`Step::Close`] is sent for it; the return value is ignored for other steps.
pub fn walk<'a>(root: ElementRef<'a>, mut visit: impl FnMut(Step<'a>) -> bool) {
    let root_node = *root;
    let mut node = root_node;
    'walk: loop {
        let entered = match node.value() {
            Node::Element(_) => ElementRef::wrap(node).is_some_and(|el| visit(Step::Open(el))),
            Node::Text(text) => {
                visit(Step::Text(text));
                false
            }
            _ => false,
        };
        if entered && let Some(child) = node.first_child() {
            node = child;
            continue;
        }
        // Leave `node` (closing it if it was entered), then its ancestors until one has a
        // next sibling.
        let mut close = entered;
        loop {
            if close && let Some(el) = ElementRef::wrap(node) {
                visit(Step::Close(el));
            }
            if node == root_node {
                break 'walk;
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                continue 'walk;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => break 'walk,
            }
            close = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn steps(html: &str, skip: &str) -> String {
        let doc = Html::parse_fragment(html);
        let mut out = String::new();
        walk(doc.root_element(), |step| match step {
            Step::Open(el) => {
                out.push_str(&format!("<{}>", el.value().name()));
                el.value().name() != skip
            }
            Step::Close(el) => {
                out.push_str(&format!("</{}>", el.value().name()));
                true
            }
            Step::Text(text) => {
                out.push_str(text);
                true
            }
        });
        out
    }

    #[test]
    fn visits_in_document_order() {
        let cases = [
            (
                "<p>a<b>b</b><!-- c --><br>d</p>",
                "",
                "<html><p>a<b>b</b><br></br>d</p></html>",
            ),
            (
                "<p>a<b>b</b>c</p><i>d</i>",
                "b",
                "<html><p>a<b>c</p><i>d</i></html>",
            ),
            (
                "<div><div><div></div></div></div>",
                "",
                "<html><div><div><div></div></div></div></html>",
            ),
        ];
        for (html, skip, expected) in cases {
            assert_eq!(steps(html, skip), expected, "{html}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let html = "<span>".repeat(depth) + "deep";
        let expected = format!(
            "<html>{}deep{}</html>",
            "<span>".repeat(depth),
            "</span>".repeat(depth)
        );
        assert!(steps(&html, "") == expected);
    }
}
