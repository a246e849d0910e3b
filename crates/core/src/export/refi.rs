//! REFI-QDA pieces shared by the project (`.qdpx`) and codebook (`.qdc`) exports: namespaces,
//! the origin string, a small indenting XML writer with escaping, and the `<Code>` elements.
//!
//! No offsets here: positions are written by [`super::qdpx`] (REFI-QDA counts chars, the model's
//! unit, end-exclusive).

use crate::model::{
    Label,
    label::{color_hex, parse_color},
};

use super::guid;

/// Namespace of `project.qde` inside a `.qdpx` (REFI-QDA Project.xsd 1.0).
pub const PROJECT_NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// Namespace of a `.qdc` codebook (REFI-QDA Codebook.xsd 1.0).
pub const CODEBOOK_NAMESPACE: &str = "urn:QDA-XML:codebook:1.0";

/// The XML declaration both files start with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

/// What REFI-QDA's `origin` attribute says made the file: `Marginalia <version>`.
#[must_use]
pub fn origin() -> String {
    format!("Marginalia {}", env!("CARGO_PKG_VERSION"))
}

/// The stable GUID of label `id`'s `<Code>`.
#[must_use]
pub fn code_guid(label_id: &str) -> String {
    guid(&format!("label:{label_id}"))
}

/// The stable GUID of the `<User>` named `name`.
#[must_use]
pub fn user_guid(name: &str) -> String {
    guid(&format!("user:{name}"))
}

/// A colour as REFI-QDA's `RGBType` wants it (`#RRGGBB`, uppercase), or `None` when the stored
/// colour is not a well-formed `#RRGGBB`.
#[must_use]
pub fn upper_color(color: &str) -> Option<String> {
    parse_color(color).map(color_hex)
}

/// Whether XML 1.0 allows `c` in a document at all (even escaped).
#[must_use]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Escapes an attribute value: markup characters, both quotes, and tab, CR and LF as character
/// references so that attribute-value normalisation keeps them. Forbidden chars become U+FFFD.
#[must_use]
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes element text: `&`, `<`, `>`, and CR as a character reference (a parser would turn a
/// literal CR into LF). Forbidden chars become U+FFFD.
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An element's attributes in writing order; `None` values are left out.
pub type Attributes<'a> = [(&'a str, Option<&'a str>)];

/// A small XML writer: one element per line, two-space indentation, attributes in the order
/// given, everything escaped. Output is a pure function of the calls, so exports are
/// byte-identical for the same project.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

impl XmlWriter {
    /// A writer that has written the XML declaration.
    #[must_use]
    pub fn new() -> Self {
        Self {
            out: DECLARATION.to_owned(),
            open: Vec::new(),
        }
    }

    fn start_tag(&mut self, name: &str, attributes: &Attributes) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            if let Some(value) = value {
                self.out.push(' ');
                self.out.push_str(key);
                self.out.push_str("=\"");
                self.out.push_str(&escape_attribute(value));
                self.out.push('"');
            }
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// Opens `<name …>`; close it with [`Self::close`].
    pub fn open(&mut self, name: &'static str, attributes: &Attributes) {
        self.start_tag(name, attributes);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Writes `<name …/>`.
    pub fn empty(&mut self, name: &str, attributes: &Attributes) {
        self.start_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// Writes `<name>text</name>` on one line (newlines in `text` kept as they are).
    pub fn text_element(&mut self, name: &str, text: &str) {
        self.start_tag(name, &[]);
        self.out.push('>');
        self.out.push_str(&escape_text(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// The document, with every element still open closed.
    #[must_use]
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Writes `<Codes>` with one `<Code>` per label, in codebook order: name, `isCodable="true"`,
/// the colour (uppercase, when well-formed) and the description (when there is one).
pub fn write_codes(xml: &mut XmlWriter, labels: &[Label]) {
    xml.open("Codes", &[]);
    for label in labels {
        let guid = code_guid(&label.id);
        let color = upper_color(&label.color);
        let attributes = [
            ("guid", Some(guid.as_str())),
            ("name", Some(label.name.as_str())),
            ("isCodable", Some("true")),
            ("color", color.as_deref()),
        ];
        if label.description.trim().is_empty() {
            xml.empty("Code", &attributes);
        } else {
            xml.open("Code", &attributes);
            xml.text_element("Description", &label.description);
            xml.close();
        }
    }
    xml.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_every_character_readable_back() {
        let cases = [
            ("a&b", "a&amp;b", "a&amp;b"),
            (
                "<x y=\"1\" z='2'>",
                "&lt;x y=&quot;1&quot; z=&apos;2&apos;&gt;",
                "&lt;x y=\"1\" z='2'&gt;",
            ),
            (
                "line\r\nnext\tcol",
                "line&#13;&#10;next&#9;col",
                "line&#13;\nnext\tcol",
            ),
            (
                "bell\u{7}\u{FFFE}",
                "bell\u{FFFD}\u{FFFD}",
                "bell\u{FFFD}\u{FFFD}",
            ),
            ("👍🏾 é 中文", "👍🏾 é 中文", "👍🏾 é 中文"),
        ];
        for (raw, attribute, text) in cases {
            assert_eq!(escape_attribute(raw), attribute, "attribute of {raw:?}");
            assert_eq!(escape_text(raw), text, "text of {raw:?}");
        }
    }

    #[test]
    fn colours_are_uppercase_or_left_out() {
        assert_eq!(upper_color("#d55e00").as_deref(), Some("#D55E00"));
        assert_eq!(upper_color("#D55E00").as_deref(), Some("#D55E00"));
        assert_eq!(upper_color("red"), None);
        assert_eq!(upper_color("#abc"), None);
    }

    #[test]
    fn codes_are_written_with_description_only_when_there_is_one() {
        let mut claim = Label::new("claim", "Claim <A&B>", "#d55e00");
        claim.description = "What is asserted".into();
        let source = Label::new("source", "Source", "blue");
        let mut xml = XmlWriter::new();
        write_codes(&mut xml, &[claim, source]);
        let expected = format!(
            "{DECLARATION}<Codes>\n  <Code guid=\"{}\" name=\"Claim &lt;A&amp;B&gt;\" \
             isCodable=\"true\" color=\"#D55E00\">\n    <Description>What is asserted\
             </Description>\n  </Code>\n  <Code guid=\"{}\" name=\"Source\" \
             isCodable=\"true\"/>\n</Codes>\n",
            code_guid("claim"),
            code_guid("source")
        );
        assert_eq!(xml.finish(), expected);
    }
}
