//! Already-coded wording: a passage coded somewhere in the project is proposed, with the same
//! label, wherever the same words appear again (ASCII case aside, whole words) and are not
//! coded that way yet. One pass over each article finds every wording at once (Aho–Corasick).
//! Offsets are bytes of the document text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Found, Role};
use crate::model::Project;

/// Wordings shorter than this (chars) or of one word are too common to propose.
const MIN_CHARS: usize = 12;

/// Every coded wording of the project and the labels it was coded with.
pub struct Wordings {
    matcher: Option<AhoCorasick>,
    labels: Vec<Vec<String>>,
}

impl Wordings {
    /// The wordings of every annotation of `project` at least [`MIN_CHARS`] long and of two
    /// words or more.
    #[must_use]
    pub fn of(project: &Project) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut labels: Vec<Vec<String>> = Vec::new();
        for doc in project.documents() {
            for a in doc.annotations() {
                let wording = a.quote.trim();
                if wording.chars().count() < MIN_CHARS || wording.split_whitespace().count() < 2 {
                    continue;
                }
                // ASCII case folded only: the text keeps its byte offsets when folded the same way.
                let key = wording.to_ascii_lowercase();
                let i = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    labels.push(Vec::new());
                    patterns.len() - 1
                });
                if !labels[i].contains(&a.label) {
                    labels[i].push(a.label.clone());
                }
            }
        }
        let matcher = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Self { matcher, labels }
    }

    /// The places in `text` where a coded wording appears as whole words, each with a label it
    /// was coded with.
    #[must_use]
    pub fn find(&self, text: &str, confidence: f32) -> Vec<Found> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let folded = text.to_ascii_lowercase();
        for hit in matcher.find_iter(&folded) {
            let (start, end) = (hit.start(), hit.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            for label in &self.labels[hit.pattern().as_usize()] {
                found.push(Found {
                    range: start..end,
                    role: Role::Coded(label.clone()),
                    rule: "coded-elsewhere".to_owned(),
                    confidence,
                    reason: "the same wording is coded this way elsewhere in the project"
                        .to_owned(),
                    cue: None,
                    source: None,
                });
            }
        }
        found
    }
}
