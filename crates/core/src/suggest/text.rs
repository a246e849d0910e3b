//! The pieces of an article the suggestion rules read: sentences (Unicode sentence boundaries,
//! joined again after an abbreviation such as "Sen." or "U.S."), the words of a stretch of text,
//! and the double-quoted stretches (straight or curly, a quotation running on into the next
//! paragraph when that paragraph opens with a quotation mark, as news prose writes it). Offsets
//! in this module are bytes of the document text; the engine turns them into chars at the end.

use std::ops::Range;

use crate::analysis::sentences::sentence_starts;

/// One word: where it lies (bytes) and its text in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// The words of `text[range]`: runs of letters, digits, apostrophes and hyphens inside a word;
/// "didn't" is one word.
#[must_use]
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    let piece = &text[range.clone()];
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(word(text, range.start + s, range.start + i));
        }
    }
    if let Some(s) = start {
        words.push(word(text, range.start + s, range.end));
    }
    words
}

fn word(text: &str, start: usize, end: usize) -> Word {
    let lower = text[start..end].to_lowercase();
    let lower = if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    };
    Word { start, end, lower }
}

/// The sentences of `text` (byte ranges, without the spaces and line breaks after them); a
/// sentence ending in one of `abbreviations` (lower case, with its dot) runs on into the next
/// within a paragraph.
#[must_use]
pub fn sentences(text: &str, abbreviations: &[String]) -> Vec<Range<usize>> {
    let mut starts = sentence_starts(text);
    starts.push(text.len());
    let mut sentences: Vec<Range<usize>> = Vec::new();
    for pair in starts.windows(2) {
        let piece = &text[pair[0]..pair[1]];
        let trimmed = piece.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let range = pair[0]..pair[0] + trimmed.len();
        let joins = sentences.last().is_some_and(|last| {
            let between = &text[last.end..range.start];
            !between.contains('\n') && ends_with_abbreviation(&text[last.clone()], abbreviations)
        });
        match sentences.last_mut() {
            Some(last) if joins => last.end = range.end,
            _ => sentences.push(range),
        }
    }
    sentences
}

fn ends_with_abbreviation(sentence: &str, abbreviations: &[String]) -> bool {
    let last = sentence
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    // A single capital and a dot is an initial ("John F. Kennedy").
    let initial = last.chars().count() == 2 && last.ends_with('.');
    initial || abbreviations.contains(&last)
}

/// `range` without the spaces around it and the stops that end it (a closing quotation mark
/// stays, with what it encloses).
#[must_use]
pub fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let kept = piece
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ' ']);
    start..(range.start + kept.len()).max(start)
}

/// Whether `c` opens or closes a double quotation.
fn quote_kind(c: char) -> Option<Quote> {
    match c {
        '“' | '„' | '«' => Some(Quote::Open),
        '”' | '»' => Some(Quote::Close),
        '"' => Some(Quote::Straight),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Open,
    Close,
    Straight,
}

/// The double-quoted stretches of `text`, each from its opening mark to just after its closing
/// one (bytes). A quotation left open at the end of a paragraph runs on when the next paragraph
/// opens with a quotation mark, and ends there otherwise.
#[must_use]
pub fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if let Some(start) = open {
                // Past the blank lines: does the next paragraph open a quotation?
                let rest = text[i..].trim_start();
                let reopens = rest.chars().next().and_then(quote_kind).is_some();
                if reopens {
                    let next = text.len() - rest.len();
                    while chars.peek().is_some_and(|(j, _)| *j <= next) {
                        chars.next();
                    }
                } else {
                    found.push(start..i);
                    open = None;
                }
            }
            continue;
        }
        // Two apostrophes or backticks stand for a double quotation mark in some newswires.
        let doubled = matches!(c, '\'' | '`') && chars.peek().is_some_and(|(_, n)| *n == c);
        let kind = if doubled {
            chars.next();
            Some(if c == '`' {
                Quote::Open
            } else {
                Quote::Straight
            })
        } else {
            quote_kind(c)
        };
        let Some(kind) = kind else {
            continue;
        };
        let end = i + if doubled { 2 } else { c.len_utf8() };
        match (open, kind) {
            (None, Quote::Open | Quote::Straight) => open = Some(i),
            (Some(start), Quote::Close | Quote::Straight) => {
                found.push(start..end);
                open = None;
            }
            // A second opening mark: the first was never closed; start again here.
            (Some(_), Quote::Open) => open = Some(i),
            (None, Quote::Close) => {}
        }
    }
    if let Some(start) = open {
        found.push(start..text.len());
    }
    found
}

/// Whether byte `at` lies inside one of `quotes` (sorted, not overlapping).
#[must_use]
pub fn inside(quotes: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).filter(|q| q.start <= at && at < q.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn words_keep_contractions_and_hyphens() {
        let text = "He didn’t say — well-known “facts”.";
        let found: Vec<String> = words(text, 0..text.len())
            .into_iter()
            .map(|w| w.lower)
            .collect();
        assert_eq!(found, ["he", "didn't", "say", "well-known", "facts"]);
    }

    #[test]
    fn an_abbreviation_does_not_end_a_sentence() {
        let abbreviations = vec!["sen.".to_owned(), "u.s.".to_owned()];
        let text = "Sen. Ana Lee said so. The U.S. Senate agreed.\n\nNew paragraph.";
        assert_eq!(
            texts(text, &sentences(text, &abbreviations)),
            [
                "Sen. Ana Lee said so.",
                "The U.S. Senate agreed.",
                "New paragraph."
            ]
        );
        let text = "John F. Kennedy spoke.";
        assert_eq!(texts(text, &sentences(text, &[])), [text]);
    }

    #[test]
    fn quotations_run_on_into_a_paragraph_that_opens_with_a_mark() {
        let text = "“One.\n\n“Two,” she said. \"Three\" and “four\n\nFive.";
        assert_eq!(
            texts(text, &quotations(text)),
            ["“One.\n\n“Two,”", "\"Three\"", "“four"]
        );
        let quotes = quotations(text);
        assert!(inside(&quotes, 1).is_some());
        assert!(inside(&quotes, text.find("she").unwrap()).is_none());
    }
}
