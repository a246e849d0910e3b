//! Choosing a title for an article from a plain text or Markdown file.

use std::path::Path;

use crate::model::SourceFormat;

/// The longest first line, in characters, that is taken as a title.
pub const MAX_TITLE_CHARS: usize = 150;

/// How many non-empty lines from the top are looked at for a headline.
const HEADLINE_SEARCH_LINES: usize = 12;

/// The title of a Text or Markdown article: its headline, else the file stem of `source`.
///
/// The headline is, for Markdown, the first `# ` heading near the top (without its `#`s); else
/// the first heading-like line among the first [`HEADLINE_SEARCH_LINES`]: at most
/// [`MAX_TITLE_CHARS`] characters, not a site's name line ("Crossroads Blog | Institute …") and
/// not ending like a sentence; else the first non-empty line if it is short enough.
pub fn text_title(text: &str, format: SourceFormat, source: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(HEADLINE_SEARCH_LINES)
        .collect();
    let unmarked = |line: &str| match format {
        SourceFormat::Markdown => line.trim_start_matches('#').trim().to_owned(),
        SourceFormat::Text | SourceFormat::Html => line.to_owned(),
    };
    let short = |line: &&&str| line.chars().count() <= MAX_TITLE_CHARS;
    let top_heading = (format == SourceFormat::Markdown)
        .then(|| lines.iter().find(|line| line.starts_with("# ")))
        .flatten();
    let headline = top_heading
        .or_else(|| lines.iter().find(|line| is_headline_like(&unmarked(line))))
        .or_else(|| lines.first())
        .filter(short)
        .map(|line| unmarked(line))
        .filter(|line| !line.is_empty());
    headline.unwrap_or_else(|| stem_title(source))
}

/// Whether a line reads like a headline: short, with words, no site-name separators, and not
/// ending like a sentence or a lead-in.
fn is_headline_like(line: &str) -> bool {
    let separators = [" | ", " · ", " :: ", " » ", " › "];
    line.chars().count() <= MAX_TITLE_CHARS
        && line.chars().any(char::is_alphabetic)
        && !separators.iter().any(|s| line.contains(s))
        && !line.ends_with(['.', ',', ';', ':'])
}

/// The file stem of `source` ("notes" for "dir/notes.txt"), or `source` itself if it has none.
pub fn stem_title(source: &str) -> String {
    Path::new(source).file_stem().map_or_else(
        || source.to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_first_line_or_the_file_stem() {
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        let longest = "é".repeat(MAX_TITLE_CHARS);
        let cases = [
            (
                "\n\n  Budget talks stall  \nBody",
                SourceFormat::Text,
                "Budget talks stall",
            ),
            ("# Heading\ntext", SourceFormat::Text, "# Heading"),
            (
                "\n## Heading ##\ntext",
                SourceFormat::Markdown,
                "Heading ##",
            ),
            ("###\n#  Real title\n", SourceFormat::Markdown, "Real title"),
            (long.as_str(), SourceFormat::Text, "report"),
            (longest.as_str(), SourceFormat::Text, longest.as_str()),
            ("  \n\t\n", SourceFormat::Markdown, "report"),
            // A saved blog page: the site's name line first, then the headline.
            (
                "Crossroads Blog | Institute for Security Studies\n\nStates Agree on Cyber \
                 Norms\n\nBy Ana Ruiz.\n\nThe text.",
                SourceFormat::Text,
                "States Agree on Cyber Norms",
            ),
            (
                "Home › Blog\n\nSkip to content.\n\n# The Real Headline\n\nBody.",
                SourceFormat::Markdown,
                "The Real Headline",
            ),
        ];
        for (text, format, title) in cases {
            assert_eq!(text_title(text, format, "in/report.txt"), title, "{text:?}");
        }
    }

    #[test]
    fn stems() {
        let cases = [
            ("a/b/notes.txt", "notes"),
            ("notes", "notes"),
            ("..", ".."),
            ("", ""),
        ];
        for (source, stem) in cases {
            assert_eq!(stem_title(source), stem, "{source}");
        }
    }
}
