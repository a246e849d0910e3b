//! `Report`: what updating a document's text did to each annotation — moved, re-found (with
//! confidence) or orphaned — as data for the window and as text for the command line.

use std::fmt;

use crate::excerpt::shorten;
use crate::model::Suggestion;

/// An annotation an edit touched that was found again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: String,
    pub label: String,
    pub old_quote: String,
    pub new_quote: String,
    /// 0–100.
    pub confidence: u8,
    /// It was an orphan from an earlier update.
    pub was_orphan: bool,
}

/// An annotation that could not be placed with confidence and is (still) an orphan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub id: String,
    pub label: String,
    pub quote: String,
    /// The best match, when it reached [`super::SUGGEST_AT`]: offered to the analyst.
    pub suggestion: Option<Suggestion>,
    /// Another place scored nearly as well as the best.
    pub ambiguous: bool,
    /// It was an orphan from an earlier update.
    pub was_orphan: bool,
}

/// What one text update did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The document's title.
    pub title: String,
    /// Annotations no edit touched, moved by the diff.
    pub moved: usize,
    pub refound: Vec<Placed>,
    pub orphaned: Vec<Unplaced>,
}

impl Report {
    #[must_use]
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            ..Self::default()
        }
    }

    /// One line: "412 moved exactly, 5 re-found, 2 orphaned".
    #[must_use]
    pub fn summary(&self) -> String {
        format!(
            "{} moved exactly, {} re-found, {} orphaned",
            self.moved,
            self.refound.len(),
            self.orphaned.len()
        )
    }
}

/// Up to this many chars of each quote in the text report.
const QUOTE_CHARS: usize = 60;

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "“{}”: {}", self.title, self.summary())?;
        for p in &self.refound {
            let earlier = if p.was_orphan { " (was an orphan)" } else { "" };
            writeln!(
                f,
                "  re-found {:>3}%  {} [{}] “{}” → “{}”{earlier}",
                p.confidence,
                p.id,
                p.label,
                shorten(&p.old_quote, QUOTE_CHARS),
                shorten(&p.new_quote, QUOTE_CHARS),
            )?;
        }
        for u in &self.orphaned {
            let why = match (u.suggestion, u.ambiguous) {
                (None, _) => "not found".to_owned(),
                (Some(s), true) => format!(
                    "ambiguous: several places match as well as {}..{} ({}%)",
                    s.start, s.end, s.confidence
                ),
                (Some(s), false) => {
                    format!(
                        "best match {}..{} at {}%, suggested",
                        s.start, s.end, s.confidence
                    )
                }
            };
            let earlier = if u.was_orphan { ", still" } else { "" };
            writeln!(
                f,
                "  orphaned{earlier}  {} [{}] “{}” — {why}",
                u.id,
                u.label,
                shorten(&u.quote, QUOTE_CHARS)
            )?;
        }
        Ok(())
    }
}
