//! The suggestion rules as data: the cue words and phrases, the norm cues with their reach, and
//! the confidence of each pattern, read from a versioned RON file (`rules.ron`, built in; an
//! analyst may pass their own). See `docs/SUGGEST.md` for every field.

use serde::{Deserialize, Serialize};

/// The version of the rules file this Marginalia reads.
pub const RULES_VERSION: u32 = 1;

/// The built-in English rules.
pub const DEFAULT_RULES: &str = include_str!("rules.ron");

/// How far a norm reaches from its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// The clause around the cue ("States should refrain from …").
    Clause,
    /// The phrase from the cue to the next comma or stop ("the principle of non-intervention").
    Phrase,
}

/// One norm cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NormCue {
    pub phrase: String,
    pub scope: Scope,
    pub confidence: f32,
}

/// How sure each pattern is, 0–1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    pub that_clause: f32,
    pub source_phrase: f32,
    pub quotation: f32,
    pub trailing: f32,
    pub bare: f32,
    pub sourceless: f32,
    pub pronoun_penalty: f32,
    pub coded_elsewhere: f32,
}

/// The rules. Word lists are lower case; a phrase is several words separated by spaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub version: u32,
    pub language: String,
    pub reporting_verbs: Vec<String>,
    pub source_phrases: Vec<String>,
    pub sourceless_phrases: Vec<String>,
    pub between_source_and_verb: Vec<String>,
    pub negations: Vec<String>,
    pub pronouns: Vec<String>,
    pub determiners: Vec<String>,
    pub clause_openers: Vec<String>,
    pub abbreviations: Vec<String>,
    pub norm_cues: Vec<NormCue>,
    pub confidence: Confidence,
}

/// Why a rules file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("the rules file is not valid: {0}")]
    Parse(String),
    #[error("the rules file is version {0}; this Marginalia reads version {RULES_VERSION}")]
    Version(u32),
}

impl Rules {
    /// Reads rules from the text of a rules file.
    pub fn parse(text: &str) -> Result<Self, RulesError> {
        let rules: Self = ron::from_str(text).map_err(|e| RulesError::Parse(e.to_string()))?;
        if rules.version != RULES_VERSION {
            return Err(RulesError::Version(rules.version));
        }
        Ok(rules)
    }

    /// The built-in English rules.
    #[must_use]
    pub fn english() -> Self {
        Self::parse(DEFAULT_RULES).expect("the built-in rules are valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_read_and_a_wrong_version_is_refused() {
        let rules = Rules::english();
        assert!(rules.reporting_verbs.iter().any(|v| v == "said"));
        let newer = DEFAULT_RULES.replacen("version: 1", "version: 9", 1);
        assert!(matches!(Rules::parse(&newer), Err(RulesError::Version(9))));
        assert!(matches!(Rules::parse("(oops"), Err(RulesError::Parse(_))));
    }
}
