//! Normalising newlines to "\n" and recording which convention the file used.

use crate::model::NewlineStyle;

/// Converts CRLF and lone CR to LF, and reports the newline convention found.
///
/// The style is [`NewlineStyle::None`] when there is no newline at all, [`NewlineStyle::Mixed`]
/// when more than one of LF, CRLF and lone CR occurs, and otherwise the one that occurs.
#[must_use]
pub fn normalise(text: &str) -> (String, NewlineStyle) {
    if !text.contains('\r') {
        let style = if text.contains('\n') {
            NewlineStyle::Lf
        } else {
            NewlineStyle::None
        };
        return (text.to_owned(), style);
    }
    let mut out = String::with_capacity(text.len());
    let (mut lf, mut crlf, mut cr) = (false, false, false);
    let mut rest = text;
    while let Some(at) = rest.find(['\r', '\n']) {
        let (before, from_break) = rest.split_at(at);
        out.push_str(before);
        out.push('\n');
        rest = if let Some(after) = from_break.strip_prefix("\r\n") {
            crlf = true;
            after
        } else if let Some(after) = from_break.strip_prefix('\r') {
            cr = true;
            after
        } else {
            lf = true;
            from_break.strip_prefix('\n').unwrap_or_default()
        };
    }
    out.push_str(rest);
    let style = match (lf, crlf, cr) {
        (true, false, false) => NewlineStyle::Lf,
        (false, true, false) => NewlineStyle::Crlf,
        (false, false, true) => NewlineStyle::Cr,
        (false, false, false) => NewlineStyle::None,
        _ => NewlineStyle::Mixed,
    };
    (out, style)
}

/// [`normalise`], keeping `text` itself when it has no carriage return (no copy).
#[must_use]
pub fn normalise_owned(text: String) -> (String, NewlineStyle) {
    if text.contains('\r') {
        normalise(&text)
    } else {
        let style = if text.contains('\n') {
            NewlineStyle::Lf
        } else {
            NewlineStyle::None
        };
        (text, style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_each_style() {
        let cases = [
            ("", "", NewlineStyle::None),
            ("one line", "one line", NewlineStyle::None),
            ("a\nb\n", "a\nb\n", NewlineStyle::Lf),
            ("a\r\nb\r\n", "a\nb\n", NewlineStyle::Crlf),
            ("a\rb\r", "a\nb\n", NewlineStyle::Cr),
            ("a\r\nb\nc", "a\nb\nc", NewlineStyle::Mixed),
            ("a\rb\r\n", "a\nb\n", NewlineStyle::Mixed),
            ("a\n\rb", "a\n\nb", NewlineStyle::Mixed),
            ("end\r\n", "end\n", NewlineStyle::Crlf),
            ("end\r", "end\n", NewlineStyle::Cr),
            ("\r\n", "\n", NewlineStyle::Crlf),
            ("a\r\r\nb", "a\n\nb", NewlineStyle::Mixed),
            ("é\r\n😀\r\n", "é\n😀\n", NewlineStyle::Crlf),
        ];
        for (input, output, style) in cases {
            assert_eq!(normalise(input), (output.to_owned(), style), "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn output_never_contains_cr(text in "(?s)[a-z\r\n\u{e9}\u{1F600}]{0,64}|.{0,64}") {
            let (out, _) = normalise(&text);
            prop_assert!(!out.contains('\r'));
            // Every line break in the input becomes exactly one "\n".
            let breaks = text.replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(out, breaks);
        }

        #[test]
        fn text_without_cr_is_unchanged(text in "[^\r]{0,64}") {
            let (out, style) = normalise(&text);
            prop_assert_eq!(&out, &text);
            prop_assert_eq!(style == NewlineStyle::None, !text.contains('\n'));
        }
    }
}
