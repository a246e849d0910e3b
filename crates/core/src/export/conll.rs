//! CoNLL-style BIO tokens for machine learning: one `token<TAB>tag` line per token.
//!
//! Tokenisation: the text is cut at Unicode word boundaries (UAX #29, as
//! `unicode_segmentation::UnicodeSegmentation::split_word_bound_indices` gives them), so an emoji
//! with its skin tone or a letter with its combining accent stays one token; segments made only
//! of whitespace are dropped. Each newline of the text ends a sentence: a blank line follows the
//! sentence's last token (paragraphs; several newlines in a row give one blank line). Every
//! document starts with the line `-DOCSTART-<TAB>O` and a blank line.
//!
//! Tags are `B-<label id>`, `I-<label id>` or `O`. A token belongs to an annotation when the
//! token's chars overlap the annotation's span (char offsets, end-exclusive), so a boundary inside
//! a word widens the annotation to the whole token ([`boundaries_inside_tokens`] counts those).
//! A token gets ONE tag: among the annotations it belongs to, the longest wins (the earlier start
//! on a tie, then saved order). `B-` marks the first token of a run won by one annotation, and the
//! first token of a sentence; `I-` the tokens after it.

use std::fmt::Write;

use unicode_segmentation::UnicodeSegmentation;

use super::{ExportError, ExportOptions, Output, Scope};
use crate::model::{Annotation, Document, Span};

/// The line that starts each document.
const DOCSTART: &str = "-DOCSTART-\tO";

/// A token or a sentence break of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'t> {
    /// A non-whitespace segment and its char span.
    Token { text: &'t str, span: Span },
    /// A newline.
    Break,
}

/// Renders the scope as BIO tokens.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let mut out = String::new();
    for doc in &scope.documents {
        render_document(&mut out, doc);
    }
    Ok(Output::File(out.into_bytes()))
}

/// Number of annotations whose start or end falls strictly inside a token (not at its edges).
#[must_use]
pub fn boundaries_inside_tokens(scope: &Scope) -> usize {
    scope
        .documents
        .iter()
        .map(|doc| {
            let spans: Vec<Span> = pieces(doc.text())
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Token { span, .. } => Some(span),
                    Piece::Break => None,
                })
                .collect();
            doc.annotations()
                .iter()
                .filter(|a| inside_a_token(&spans, a.start) || inside_a_token(&spans, a.end))
                .count()
        })
        .sum()
}

/// Whether char offset `offset` lies strictly inside one of `tokens` (sorted, disjoint).
fn inside_a_token(tokens: &[Span], offset: usize) -> bool {
    let after = tokens.partition_point(|t| t.start < offset);
    after > 0 && tokens[after - 1].end > offset
}

/// The tokens and newlines of `text`, in order, with char spans.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut chars = 0;
    for (_, segment) in text.split_word_bound_indices() {
        let len = segment.chars().count();
        let span = Span::new(chars, chars + len);
        chars += len;
        if segment.contains('\n') {
            out.push(Piece::Break);
        } else if !segment.chars().all(char::is_whitespace) {
            out.push(Piece::Token {
                text: segment,
                span,
            });
        }
    }
    out
}

/// Appends one document: the start line, then each sentence followed by a blank line.
fn render_document(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "{DOCSTART}\n");
    let mut sentence_open = false;
    let mut previous: Option<&Annotation> = None;
    for piece in pieces(doc.text()) {
        match piece {
            Piece::Break => {
                if sentence_open {
                    out.push('\n');
                }
                sentence_open = false;
                previous = None;
            }
            Piece::Token { text, span } => {
                let winner = winner(doc, span);
                let tag = match winner {
                    None => "O".to_owned(),
                    Some(a) if previous.is_some_and(|p| p.id == a.id) => format!("I-{}", a.label),
                    Some(a) => format!("B-{}", a.label),
                };
                let _ = writeln!(out, "{}\t{tag}", text.trim());
                sentence_open = true;
                previous = winner;
            }
        }
    }
    if sentence_open {
        out.push('\n');
    }
}

/// The annotation a token's tag comes from: the longest one overlapping `token`, the earlier
/// start on a tie, then saved order.
fn winner(doc: &Document, token: Span) -> Option<&Annotation> {
    doc.annotations_in(token)
        .min_by_key(|a| (std::cmp::Reverse(a.span().len()), a.start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{document, project};
    use crate::model::Project;

    fn render(project: &Project) -> String {
        let scope = Scope::new(project, None).unwrap();
        let Output::File(bytes) = export(&scope, &ExportOptions::default()).unwrap() else {
            panic!("CoNLL is one file");
        };
        String::from_utf8(bytes).unwrap()
    }

    fn tags(spans: &[(&str, &str, usize, usize)], text: &str) -> String {
        render(&project(vec![document("d", "Doc", text, spans)]))
    }

    #[test]
    fn nested_spans_the_longest_wins_and_runs_start_with_b() {
        // norm "states must act" (12..27) nests inside claim "said states must act." (7..28):
        // the longer claim wins every token they share.
        let text = "The UN said states must act.";
        let spans = [
            ("s", "source", 4, 6),
            ("c", "claim", 7, 28),
            ("n", "norm", 12, 27),
        ];
        assert_eq!(
            tags(&spans, text),
            "-DOCSTART-\tO\n\n\
             The\tO\nUN\tB-source\nsaid\tB-claim\nstates\tI-claim\nmust\tI-claim\n\
             act\tI-claim\n.\tI-claim\n\n"
        );
    }

    #[test]
    fn ties_go_to_the_earlier_start_and_adjacent_runs_restart() {
        let text = "alpha beta gamma";
        // Two annotations of equal length overlapping on "beta": the earlier start wins it.
        let spans = [("x", "claim", 0, 10), ("y", "norm", 6, 16)];
        assert_eq!(
            tags(&spans, text),
            "-DOCSTART-\tO\n\nalpha\tB-claim\nbeta\tI-claim\ngamma\tB-norm\n\n"
        );
        let adjacent = [("x", "claim", 0, 5), ("y", "claim", 6, 10)];
        assert_eq!(
            tags(&adjacent, text),
            "-DOCSTART-\tO\n\nalpha\tB-claim\nbeta\tB-claim\ngamma\tO\n\n"
        );
    }

    #[test]
    fn emoji_cjk_and_combining_marks_stay_whole_tokens() {
        // 👍🏾 is two chars but one token; Cafe + U+0301 is one token.
        let text = "👍🏾 Cafe\u{301} 中文";
        let spans = [("e", "claim", 0, 2), ("c", "norm", 3, 8)];
        assert_eq!(
            tags(&spans, text),
            "-DOCSTART-\tO\n\n👍🏾\tB-claim\nCafe\u{301}\tB-norm\n中\tO\n文\tO\n\n"
        );
    }

    #[test]
    fn a_span_starting_mid_word_widens_to_the_token_and_is_counted() {
        let text = "unreliable sources";
        // "reliable sources" starts inside "unreliable"; "sour" ends inside "sources".
        let spans = [("a", "claim", 2, 18), ("b", "source", 11, 15)];
        assert_eq!(
            tags(&spans, text),
            "-DOCSTART-\tO\n\nunreliable\tB-claim\nsources\tI-claim\n\n"
        );
        let p = project(vec![document("d", "Doc", text, &spans)]);
        let scope = Scope::new(&p, None).unwrap();
        assert_eq!(boundaries_inside_tokens(&scope), 2);
        let whole = project(vec![document("d", "Doc", text, &[("a", "claim", 0, 10)])]);
        assert_eq!(
            boundaries_inside_tokens(&Scope::new(&whole, None).unwrap()),
            0
        );
    }

    #[test]
    fn newlines_end_sentences_and_documents_are_separated() {
        // Text as imported from a CRLF file: newlines are already "\n".
        let p = project(vec![
            document(
                "d1",
                "One",
                "Hello world.\n\nNew  paragraph",
                &[("a", "claim", 6, 28)],
            ),
            document("d2", "Two", "", &[]),
            document("d3", "Three", "\n\nx\n", &[]),
        ]);
        assert_eq!(
            render(&p),
            "-DOCSTART-\tO\n\n\
             Hello\tO\nworld\tB-claim\n.\tI-claim\n\n\
             New\tB-claim\nparagraph\tI-claim\n\n\
             -DOCSTART-\tO\n\n\
             -DOCSTART-\tO\n\nx\tO\n\n"
        );
    }
}
