//! Searching the articles of a project: plain text or a regular expression, whole words or not,
//! with or without case, over one document or all; each hit a char span (Unicode scalar values,
//! end-exclusive) with its keyword-in-context excerpt. Plain queries are escaped into the same
//! engine (`regex`), so the options mean the same for both.

use regex::{Regex, RegexBuilder};

use crate::model::{Document, Project, Span};

/// The most hits one search reports: a query matching more is too broad to read or tag.
pub const MAX_HITS: usize = 100_000;

/// Chars of context shown either side of a hit.
pub const CONTEXT_CHARS: usize = 40;

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub pattern: String,
    /// `pattern` is a regular expression (the `regex` crate's syntax), not plain text.
    pub regex: bool,
    /// Only matches that begin and end at word boundaries.
    pub whole_word: bool,
    pub case_sensitive: bool,
}

/// Why a query cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("type something to search for")]
    Empty,
    #[error("this is not a regular expression Marginalia can use: {0}")]
    BadRegex(String),
}

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex,
}

impl Query {
    /// Compiles the query; a bad regular expression is an error that says what is wrong.
    pub fn compile(&self) -> Result<Matcher, QueryError> {
        if self.pattern.trim().is_empty() {
            return Err(QueryError::Empty);
        }
        let body = if self.regex {
            self.pattern.clone()
        } else {
            regex::escape(&self.pattern)
        };
        let body = if self.whole_word {
            format!(r"\b(?:{body})\b")
        } else {
            body
        };
        let regex = RegexBuilder::new(&body)
            .case_insensitive(!self.case_sensitive)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| QueryError::BadRegex(first_line_of_error(&e)))?;
        Ok(Matcher { regex })
    }
}

/// The regex crate's message without its pointer lines, for one line in a panel.
fn first_line_of_error(error: &regex::Error) -> String {
    let text = error.to_string();
    text.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map_or_else(
            || text.clone(),
            |l| l.trim_start_matches("error: ").to_owned(),
        )
}

/// One hit: the document (its index in the project) and the char span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub span: Span,
}

/// Every hit of `matcher` in the project's documents, or in the one with id `doc`, in document
/// and text order (at most [`MAX_HITS`]); empty matches are skipped.
#[must_use]
pub fn search(project: &Project, matcher: &Matcher, doc: Option<&str>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (d, document) in project.documents().iter().enumerate() {
        if doc.is_some_and(|id| id != document.id()) {
            continue;
        }
        let text = document.text();
        // Bytes to chars by walking forward from the last hit: one pass over the text.
        let (mut byte, mut char) = (0, 0);
        let mut to_char = |at: usize| {
            char += text[byte..at].chars().count();
            byte = at;
            char
        };
        for found in matcher.regex.find_iter(text) {
            if found.start() == found.end() {
                continue;
            }
            let start = to_char(found.start());
            let end = to_char(found.end());
            hits.push(Hit {
                doc: d,
                span: Span::new(start, end),
            });
            if hits.len() == MAX_HITS {
                return hits;
            }
        }
    }
    hits
}

/// A hit in its context: up to [`CONTEXT_CHARS`] before and after, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InContext {
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// The keyword-in-context excerpt of `span` in `doc`, newlines shown as spaces.
#[must_use]
pub fn in_context(doc: &Document, span: Span) -> InContext {
    let one_line = |s: &str| s.replace('\n', " ");
    InContext {
        left: one_line(doc.text_before(span.start, CONTEXT_CHARS)),
        matched: one_line(doc.quote(span).unwrap_or_default()),
        right: one_line(doc.text_after(span.end, CONTEXT_CHARS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Meta};

    fn project(texts: &[&str]) -> Project {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(&format!("d{i}"), &format!("T{i}"), (*t).to_owned()))
            .collect();
        Project::from_parts(Meta::default(), Vec::new(), docs)
    }

    fn spans(project: &Project, query: Query) -> Vec<(usize, usize, usize)> {
        let matcher = query.compile().unwrap();
        search(project, &matcher, None)
            .into_iter()
            .map(|h| (h.doc, h.span.start, h.span.end))
            .collect()
    }

    #[test]
    fn plain_whole_word_case_and_regex_queries_give_char_spans() {
        let p = project(&[
            "État, états — l'État 🇪🇺 état",
            "Multi-stakeholder and multistakeholder",
        ]);
        let plain = |pattern: &str| Query {
            pattern: pattern.into(),
            ..Query::default()
        };
        assert_eq!(
            spans(&p, plain("état")),
            [(0, 0, 4), (0, 6, 10), (0, 16, 20), (0, 24, 28)]
        );
        let word = Query {
            whole_word: true,
            ..plain("état")
        };
        assert_eq!(spans(&p, word).len(), 3, "“états” is another word");
        let case = Query {
            case_sensitive: true,
            ..plain("État")
        };
        assert_eq!(spans(&p, case), [(0, 0, 4), (0, 16, 20)]);
        assert_eq!(
            spans(&p, plain("l'é")),
            [(0, 14, 17)],
            "plain text is not a pattern"
        );
        let regex = Query {
            regex: true,
            ..plain(r"multi-?stakeholder")
        };
        assert_eq!(spans(&p, regex), [(1, 0, 17), (1, 22, 38)]);
        let one = search(&p, &plain("multi").compile().unwrap(), Some("d1"));
        assert_eq!(one.len(), 2);
    }

    #[test]
    fn bad_and_empty_queries_say_what_is_wrong() {
        let bad = Query {
            pattern: "(unclosed".into(),
            regex: true,
            ..Query::default()
        };
        match bad.compile() {
            Err(QueryError::BadRegex(message)) => {
                assert!(message.contains("unclosed"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(Query::default().compile(), Err(QueryError::Empty)));
    }

    #[test]
    fn a_hit_shows_its_context_on_one_line() {
        let p = project(&["First line.\nThe norm of due diligence applies."]);
        let matcher = Query {
            pattern: "due diligence".into(),
            ..Query::default()
        }
        .compile()
        .unwrap();
        let hit = search(&p, &matcher, None)[0];
        let kwic = in_context(&p.documents()[0], hit.span);
        assert_eq!(kwic.left, "First line. The norm of ");
        assert_eq!(kwic.matched, "due diligence");
        assert_eq!(kwic.right, " applies.");
    }
}
