//! How deeply an HTML page nests its elements, found by tokenizing alone (linear in the
//! page's length) before the page is parsed into a tree.
//!
//! The HTML tree builder checks the stack of open elements for every tag it meets, so a page
//! that nests thousands of elements (or leaves thousands of `<div>`s unclosed) takes time
//! quadratic in its length: 200,000 nested `<div>`s take minutes. Pages are refused above
//! [`MAX_HTML_NESTING`] levels, a depth no article reaches (news pages nest 20 to 60 levels).
//! At that depth the tree builder's checks cost about as much as the rest of parsing: 10 MB of
//! elements nested 250 deep import in about 2.5 s, against 2 s for 10 MB of shallow elements.

use std::cell::Cell;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};

/// The deepest nesting of elements accepted in an HTML article.
pub const MAX_HTML_NESTING: usize = 256;

/// Elements that never hold others: they open no level.
#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the parser closes them when a sibling starts, so
/// an unclosed run of them does not nest (`<p>a<p>b`, `<li>`, table rows and cells).
#[rustfmt::skip]
const IMPLIED_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Where a page first nests deeper than a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The line (1-based) of the start tag that went past the limit.
    pub line: u64,
}

/// Checks that `html` nests elements at most `limit` levels deep, counting each start tag that
/// can hold others and is not closed by a sibling, less each end tag. The text of `<script>`,
/// `<style>`, `<textarea>` and other raw-text elements is skipped as the parser skips it.
///
/// # Errors
///
/// [`TooDeep`] at the first start tag past `limit`.
pub fn check_nesting(html: &str, limit: usize) -> Result<(), TooDeep> {
    let counter = Tokenizer::new(
        DepthCounter {
            depth: Cell::new(0),
            limit,
            too_deep: Cell::new(None),
        },
        Default::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The counter asks the tokenizer to pause (as for a script) once the limit is passed, so a
    // page of a million unclosed tags is refused after the first `limit` of them.
    if let TokenizerResult::Done = counter.feed(&input) {
        counter.end();
    }
    counter.sink.too_deep.get().map_or(Ok(()), Err)
}

/// Counts open elements as the tokenizer reports tags.
struct DepthCounter {
    depth: Cell<usize>,
    limit: usize,
    too_deep: Cell<Option<TooDeep>>,
}

impl TokenSink for DepthCounter {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let name: &str = &tag.name;
        if tag.self_closing || VOID.contains(&name) || IMPLIED_END.contains(&name) {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::EndTag => self.depth.set(self.depth.get().saturating_sub(1)),
            TagKind::StartTag => {
                let depth = self.depth.get() + 1;
                self.depth.set(depth);
                if depth > self.limit {
                    self.too_deep.set(Some(TooDeep { line }));
                    return TokenSinkResult::Script(());
                }
                // The parser reads these elements' contents as text, not tags.
                return match name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                };
            }
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_elements_that_hold_others() {
        let nested = |depth: usize| "<div>".repeat(depth) + "text" + &"</div>".repeat(depth);
        assert_eq!(check_nesting(&nested(10), 10), Ok(()));
        assert_eq!(check_nesting(&nested(11), 10), Err(TooDeep { line: 1 }));
        // Closed siblings do not add up.
        assert_eq!(check_nesting(&"<div>a</div>\n".repeat(1000), 1), Ok(()));
        // Void elements, self-closing tags and elements closed by their siblings open no level.
        let flat = "<p>a<br><img src=x><li>b<td>c<svg/>".repeat(100);
        assert_eq!(check_nesting(&flat, 1), Ok(()));
        // The line of the tag that went past the limit.
        assert_eq!(
            check_nesting("<div>\n<div>\n\n<span>x", 2),
            Err(TooDeep { line: 4 })
        );
    }

    #[test]
    fn tags_inside_scripts_styles_and_comments_are_text() {
        let page = "<div><script>if (a<b) { document.write('<div><div><div>') }</script>\
                    <style>p::before { content: '<div>' }</style><!-- <div><div> -->\
                    <textarea><div><div></textarea><title><i><i></title>ok</div>";
        assert_eq!(check_nesting(page, 2), Ok(()));
    }

    #[test]
    fn a_million_unclosed_tags_are_refused_at_the_limit() {
        let page = "<div>".repeat(1_000_000);
        assert_eq!(
            check_nesting(&page, MAX_HTML_NESTING),
            Err(TooDeep { line: 1 })
        );
    }
}
