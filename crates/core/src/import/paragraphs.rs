//! Assembling visible text into paragraphs: whitespace collapsing, line breaks and
//! preformatted text.

/// Collects text into paragraphs separated by exactly "\n\n".
///
/// Outside preformatted text, runs of ASCII whitespace collapse to one space and paragraphs
/// are trimmed of ASCII whitespace; other whitespace such as U+00A0 (from `&nbsp;`) is kept.
/// Paragraphs with nothing but whitespace are dropped.
#[derive(Debug, Default)]
pub struct Paragraphs {
    /// The paragraphs ended so far, each followed by "\n\n" (one copy of the text, not one
    /// per paragraph and another for joining them).
    done: String,
    current: String,
    pending_space: bool,
    preformatted: bool,
}

impl Paragraphs {
    /// Appends ordinary text, collapsing runs of ASCII whitespace to a single space.
    pub fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
            } else {
                self.flush_space();
                self.current.push(c);
            }
        }
    }

    /// Appends preformatted text (from `<pre>`) exactly as it is.
    pub fn push_preformatted(&mut self, text: &str) {
        self.flush_space();
        self.current.push_str(text);
        self.preformatted = true;
    }

    /// Separates what comes next from what came before by a space, unless at a line start.
    pub fn space(&mut self) {
        self.pending_space = true;
    }

    /// Starts a new line within the paragraph (a `<br>`).
    pub fn line_break(&mut self) {
        self.current.push('\n');
        self.pending_space = false;
    }

    /// Ends the current paragraph, if it has any text.
    pub fn end_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        let kept = if self.preformatted {
            trim_preformatted(&paragraph)
        } else {
            paragraph.trim_matches(|c: char| c.is_ascii_whitespace())
        };
        if !kept.chars().all(char::is_whitespace) {
            self.done.push_str(kept);
            self.done.push_str("\n\n");
        }
        self.pending_space = false;
        self.preformatted = false;
    }

    /// The paragraphs joined by "\n\n", ending in a single "\n"; empty if there is no text.
    pub fn finish(mut self) -> String {
        self.end_paragraph();
        if self.done.is_empty() {
            return String::new();
        }
        // The last paragraph ends in a single "\n".
        self.done.pop();
        self.done.shrink_to_fit();
        self.done
    }

    /// Writes a pending space, unless the paragraph or line has not started.
    fn flush_space(&mut self) {
        if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push(' ');
        }
        self.pending_space = false;
    }
}

/// Preformatted text without its leading blank lines and trailing whitespace, keeping the
/// indentation of its first line.
fn trim_preformatted(text: &str) -> &str {
    let text = text.trim_end_matches(|c: char| c.is_ascii_whitespace());
    let first_visible = text
        .find(|c: char| !c.is_ascii_whitespace())
        .unwrap_or(text.len());
    let line_start = text
        .get(..first_visible)
        .and_then(|blank| blank.rfind('\n'))
        .map_or(0, |newline| newline + 1);
    text.get(line_start..).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_separates_paragraphs() {
        let mut p = Paragraphs::default();
        p.push_text("  one \t two\n");
        p.push_text(" three ");
        p.end_paragraph();
        p.end_paragraph();
        p.push_text("\u{a0}four\u{a0} ");
        p.line_break();
        p.push_text("  five");
        p.space();
        p.end_paragraph();
        p.push_text(" \u{a0} ");
        p.end_paragraph();
        p.push_preformatted("\n\n  code\n    more\n\n");
        assert_eq!(
            p.finish(),
            "one two three\n\n\u{a0}four\u{a0}\nfive\n\n  code\n    more\n"
        );
    }

    #[test]
    fn nothing_gives_empty_text() {
        let mut p = Paragraphs::default();
        p.push_text(" \n ");
        p.line_break();
        assert_eq!(p.finish(), "");
    }
}
