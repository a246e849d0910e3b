//! Choosing a title for an article from a plain text or Markdown file.

use std::path::Path;

use crate::model::SourceFormat;

/// The longest first line, in characters, that is taken as a title.
pub const MAX_TITLE_CHARS: usize = 150;

/// The title of a Text or Markdown article: its first non-empty line, trimmed (for Markdown,
/// without leading `#`s and spaces), if that is at most [`MAX_TITLE_CHARS`] characters long;
/// otherwise the file stem of `source`.
pub fn text_title(text: &str, format: SourceFormat, source: &str) -> String {
    let first_line = text
        .lines()
        .map(|line| match format {
            SourceFormat::Markdown => line.trim().trim_start_matches('#').trim(),
            SourceFormat::Text | SourceFormat::Html => line.trim(),
        })
        .find(|line| !line.is_empty());
    match first_line {
        Some(line) if line.chars().count() <= MAX_TITLE_CHARS => line.to_owned(),
        _ => stem_title(source),
    }
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
