//! The rules' word lists made ready for matching: phrases indexed by their first word, word
//! lists as sets, so that a cue is looked up once per word of the text rather than compared with
//! every phrase of the rules.

use std::collections::{HashMap, HashSet};

use super::{
    rules::{NormCue, Rules},
    text::Word,
};

/// Phrases of one or more words, by their first word.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new<'a>(list: impl IntoIterator<Item = &'a String>) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for phrase in list {
            let words: Vec<String> = phrase.split(' ').map(str::to_owned).collect();
            by_first.entry(words[0].clone()).or_default().push(words);
        }
        Self { by_first }
    }

    /// The length in words of the longest phrase that `words[i..]` begin with.
    #[must_use]
    pub fn at(&self, words: &[Word], i: usize) -> Option<usize> {
        let candidates = self.by_first.get(&words.get(i)?.lower)?;
        candidates
            .iter()
            .filter(|phrase| {
                phrase.len() <= words.len() - i
                    && phrase.iter().zip(&words[i..]).all(|(p, w)| *p == w.lower)
            })
            .map(Vec::len)
            .max()
    }

    /// Whether a phrase begins with `word`.
    #[must_use]
    pub fn starts(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
}

/// The rules, ready for matching.
pub struct Lexicon<'r> {
    pub rules: &'r Rules,
    pub reporting: Phrases,
    pub source_phrases: Phrases,
    pub sourceless: Phrases,
    pub negations: Phrases,
    pub between: HashSet<String>,
    pub pronouns: HashSet<String>,
    pub determiners: HashSet<String>,
    pub openers: HashSet<String>,
    pub abbreviations: HashSet<String>,
    /// The norm cues, by their first word, each with its words.
    pub norm_cues: HashMap<String, Vec<(Vec<String>, &'r NormCue)>>,
}

impl<'r> Lexicon<'r> {
    #[must_use]
    pub fn new(rules: &'r Rules) -> Self {
        let set = |list: &[String]| list.iter().cloned().collect::<HashSet<String>>();
        let mut norm_cues: HashMap<String, Vec<(Vec<String>, &NormCue)>> = HashMap::new();
        for cue in &rules.norm_cues {
            let words: Vec<String> = cue.phrase.split(' ').map(str::to_owned).collect();
            norm_cues
                .entry(words[0].clone())
                .or_default()
                .push((words, cue));
        }
        Self {
            rules,
            reporting: Phrases::new(&rules.reporting_verbs),
            source_phrases: Phrases::new(&rules.source_phrases),
            sourceless: Phrases::new(&rules.sourceless_phrases),
            negations: Phrases::new(&rules.negations),
            between: set(&rules.between_source_and_verb),
            pronouns: set(&rules.pronouns),
            determiners: set(&rules.determiners),
            openers: set(&rules.clause_openers),
            abbreviations: set(&rules.abbreviations),
            norm_cues,
        }
    }

    /// The longest norm cue that `words[i..]` begin with.
    #[must_use]
    pub fn norm_cue(&self, words: &[Word], i: usize) -> Option<(usize, &'r NormCue)> {
        let candidates = self.norm_cues.get(&words.get(i)?.lower)?;
        candidates
            .iter()
            .filter(|(phrase, _)| {
                phrase.len() <= words.len() - i
                    && phrase.iter().zip(&words[i..]).all(|(p, w)| *p == w.lower)
            })
            .max_by_key(|(phrase, _)| phrase.len())
            .map(|(phrase, cue)| (phrase.len(), *cue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::text::words;

    #[test]
    fn phrases_match_word_by_word_and_the_longest_wins() {
        let rules = Rules::english();
        let lexicon = Lexicon::new(&rules);
        let text = "according to the ministry, they called for calm";
        let found = words(text, 0..text.len());
        assert_eq!(lexicon.source_phrases.at(&found, 0), Some(2));
        assert_eq!(lexicon.source_phrases.at(&found[..1], 0), None);
        assert_eq!(
            lexicon.reporting.at(&found, 5),
            Some(2),
            "“called for”, not “called”"
        );
        assert!(lexicon.reporting.starts("said"));
    }
}
