//! Tests of HTML extraction (a child module of `html`).

use super::*;

/// Wraps body content in a page with a title.
fn page(body: &str) -> String {
    format!("<!doctype html><html><head><title>T</title></head><body>{body}</body></html>")
}

#[test]
fn extracts_visible_text() {
    // (case, body, expected text)
    let cases = [
        (
            "script and style dropped",
            "<p>Before</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>After</p>",
            "Before\n\nAfter\n",
        ),
        (
            "entities decoded",
            "<p>Fish &amp; chips &lt;3 &quot;yes&quot; &#8212; caf&eacute; &euro;5</p>",
            "Fish & chips <3 \"yes\" \u{2014} café €5\n",
        ),
        (
            "nbsp kept",
            "<p>10&nbsp;km  and\n  more&nbsp;</p>",
            "10\u{a0}km and more\u{a0}\n",
        ),
        (
            "br is a line break",
            "<p>Line one<br>\n  Line two <br/> Line three</p>",
            "Line one\nLine two\nLine three\n",
        ),
        (
            "lists without bullets",
            "<ul>\n<li>First <b>item</b></li>\n<li>Second</li></ul><ol><li>Third</li></ol>",
            "First item\n\nSecond\n\nThird\n",
        ),
        (
            "blockquote",
            "<p>He said:</p><blockquote><p>Quoted\ntext.</p></blockquote><p>End.</p>",
            "He said:\n\nQuoted text.\n\nEnd.\n",
        ),
        (
            "nested divs",
            "<div>Outer <div><div>Inner</div> tail</div></div>",
            "Outer\n\nInner\n\ntail\n",
        ),
        (
            "comments dropped",
            "<p>Kept<!-- hidden --> text</p><!-- <p>nope</p> -->",
            "Kept text\n",
        ),
        (
            "inline elements join",
            "<p>A <em>very</em> <a href=#>good</a><span>day</span>.</p>",
            "A very goodday.\n",
        ),
        (
            "pre keeps whitespace",
            "<p>Code:</p><pre>\nfn main() {\n    go();\n}\n</pre>",
            "Code:\n\nfn main() {\n    go();\n}\n",
        ),
        (
            "headings and sections",
            "<section><h2>Heading</h2>Text <i>here</i></section><hr><p>After rule</p>",
            "Heading\n\nText here\n\nAfter rule\n",
        ),
        (
            "table cells and rows",
            "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>",
            "a b\n\nc d\n",
        ),
        (
            "page furniture dropped",
            "<header>Site</header><nav>Home</nav><p>Body</p><aside>Ad</aside>\
             <form><button>Go</button></form><footer>(c)</footer><noscript>JS</noscript>",
            "Body\n",
        ),
        (
            "boilerplate classes dropped",
            "<div class='cookie-Banner'>Accept</div><p>Body</p><div id=comments>Nice!</div>\
             <ul class='share-links'><li>Tweet</li></ul><p class=promo-box>Buy</p>",
            "Body\n",
        ),
        (
            "hidden dropped",
            "<p hidden>Secret</p><p style='display:none'>Secret</p><p>Shown</p>",
            "Shown\n",
        ),
        (
            "svg and iframe dropped",
            "<p>A<svg><title>icon</title><text>svg text</text></svg>B</p><iframe>x</iframe>",
            "AB\n",
        ),
        ("no text", "<div><img src=x.png></div>", ""),
    ];
    for (case, body, expected) in cases {
        let extracted = extract(&page(body));
        assert_eq!(extracted.text, expected, "{case}");
    }
}

#[test]
fn picks_the_article_root() {
    let cases = [
        (
            "largest article wins",
            "<p>Outside</p><article><p>Short</p></article>\
             <article><header><h1>Title</h1><p>By A. Writer</p></header><p>Long article body.</p>\
             <footer>Tags</footer></article>",
            "Title\n\nBy A. Writer\n\nLong article body.\n",
        ),
        (
            "main when there is no article",
            "<header>Site</header><main><h1>Title</h1><p>Body</p></main><p>Outside</p>",
            "Title\n\nBody\n",
        ),
        (
            "body header with the h1 kept",
            "<header><a>Logo</a></header><div><header><h1>Title</h1></header><p>Body</p></div>",
            "Title\n\nBody\n",
        ),
        (
            "comment articles are not the article",
            "<main><h1>Title</h1><p>Body</p>\
             <section id=comments><article class=comment><p>A much longer comment than the \
             article body itself</p></article></section></main>",
            "Title\n\nBody\n",
        ),
        (
            "empty article falls back",
            "<article><img src=x></article><main><p>Main text</p></main>",
            "Main text\n",
        ),
        (
            "a marked wrapper holding the h1 is kept",
            "<div class='layout has-sidebar'><h1>Title</h1><p>Body</p></div>\
             <div class=sidebar>Links</div>",
            "Title\n\nBody\n",
        ),
        (
            "a page wrapped in a form",
            "<form id=aspnetForm><div class=menu>Menu</div><h2>Notice</h2><p>Text</p></form>",
            "Notice\n\nText\n",
        ),
        (
            "an article in a page wrapped in a form",
            "<form><nav>Menu</nav><article><p>Article</p></article></form>",
            "Article\n",
        ),
        (
            "markers ignored rather than find nothing",
            "<div class=social-wrapper><p>Only text</p></div>",
            "Only text\n",
        ),
    ];
    for (case, body, expected) in cases {
        assert_eq!(extract(&page(body)).text, expected, "{case}");
    }
}

#[test]
fn titles() {
    let cases = [
        // The article's headline wins over the page title, which often carries the site's name.
        ("<title>\n  Budget\n  talks </title><h1>H</h1>", Some("H")),
        (
            "<title>\n  Budget\n  talks | The Daily </title><p>x</p>",
            Some("Budget talks"),
        ),
        (
            "<title>U.S. - China talks - Reuters</title>",
            Some("U.S. - China talks"),
        ),
        (
            "<title> </title><p>x</p><h1>First <i>h1</i></h1><h1>Second</h1>",
            Some("First h1"),
        ),
        (
            "<svg><title>Icon</title></svg><h1>Heading</h1>",
            Some("Heading"),
        ),
        ("<p>No title at all</p>", None),
    ];
    for (html, title) in cases {
        assert_eq!(extract(html).title.as_deref(), title, "{html}");
    }
}

#[test]
fn whole_page() {
    let html = "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n\
        <title>Rates rise again | The Daily</title>\n<style>body{font:serif}</style>\n</head>\n\
        <body>\n<nav class=top-nav><a href=/>Home</a></nav>\n<article>\n  <h1>Rates rise again</h1>\n\
        <p class=byline>By Ana Ruiz</p>\n  <p>The central bank raised rates\n  by 0.25&nbsp;points \
        on Tuesday.</p>\n  <p>&ldquo;We act,&rdquo; it said.</p>\n\
        <div class=share-tools><a>Share</a></div>\n</article>\n<footer>&copy; The Daily</footer>\n\
        </body>\n</html>\n";
    let extracted = extract(html);
    assert_eq!(extracted.title.as_deref(), Some("Rates rise again"));
    assert_eq!(
        extracted.text,
        "Rates rise again\n\nBy Ana Ruiz\n\nThe central bank raised rates by 0.25\u{a0}points on \
         Tuesday.\n\n\u{201C}We act,\u{201D} it said.\n"
    );
}
