//! Norm patterns: a deontic or commitment cue (should, must, refrain from, obligation, principle
//! of, code of conduct, …) and the norm's reach from it — the clause around a modal ("States
//! should refrain from …"), or the phrase a noun cue opens ("the principle of non-intervention").
//! One norm per clause: where cues share one, the surest wins. Offsets are bytes.

use std::ops::Range;

use super::{
    Found, Role,
    lexicon::Lexicon,
    rules::Scope,
    text::{Word, trimmed, words},
};

/// A question's cue is less sure than a statement's.
const QUESTION_PENALTY: f32 = 0.2;
/// The most words a phrase norm runs to.
const PHRASE_WORDS: usize = 10;

/// The norms of the sentences `sentences` of `text` (bytes).
pub fn norms(text: &str, sentences: &[Range<usize>], lex: &Lexicon<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for sentence in sentences {
        let words = words(text, sentence.clone());
        let question = text[sentence.clone()].trim_end().ends_with('?');
        let mut here: Vec<Found> = Vec::new();
        for i in 0..words.len() {
            let Some((len, cue)) = lex.norm_cue(&words, i) else {
                continue;
            };
            let range = match cue.scope {
                Scope::Clause => clause_around(text, sentence, &words, i, lex),
                Scope::Phrase => phrase_from(text, sentence, &words, i, lex),
            };
            let range = trimmed(text, range);
            if text[range.clone()].split_whitespace().count() < 2 {
                continue;
            }
            let penalty = if question { QUESTION_PENALTY } else { 0.0 };
            let cue_range = words[i].start..words[i + len - 1].end;
            let reach = match cue.scope {
                Scope::Clause => "the clause around it",
                Scope::Phrase => "the phrase it opens",
            };
            here.push(Found {
                range,
                role: Role::Norm,
                rule: cue_rule(&cue.phrase),
                confidence: (cue.confidence - penalty).max(0.0),
                reason: format!("cue: {} — {reach}", text[cue_range.clone()].to_lowercase()),
                cue: Some(cue_range),
                source: None,
            });
        }
        // Where norms overlap, the surest (then the first) stays.
        here.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let mut kept: Vec<Found> = Vec::new();
        for norm in here {
            let overlaps = kept
                .iter()
                .any(|k| k.range.start < norm.range.end && norm.range.start < k.range.end);
            if !overlaps {
                kept.push(norm);
            }
        }
        kept.sort_by_key(|n| n.range.start);
        found.extend(kept);
    }
    found
}

/// The rule id of a cue: "norm.refrain-from".
fn cue_rule(phrase: &str) -> String {
    format!("norm.{}", phrase.replace(' ', "-"))
}

fn stop_char(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '“' | '”' | '"')
}

/// The clause around word `i`: back to a stop or a clause opener (or the sentence start),
/// forward to a semicolon, colon or the sentence end.
fn clause_around(
    text: &str,
    sentence: &Range<usize>,
    words: &[Word],
    i: usize,
    lex: &Lexicon<'_>,
) -> Range<usize> {
    let mut first = i;
    while first > 0 {
        let between = &text[words[first - 1].end..words[first].start];
        let opener = lex.openers.contains(&words[first - 1].lower);
        if between.chars().any(stop_char) || opener {
            break;
        }
        first -= 1;
    }
    let from = words[first].start;
    let rest = &text[words[i].end..sentence.end];
    let end = rest
        .find([';', ':'])
        .map_or(sentence.end, |at| words[i].end + at);
    from..end
}

/// The phrase from word `i` to the next stop or clause opener, at most [`PHRASE_WORDS`] words.
fn phrase_from(
    text: &str,
    sentence: &Range<usize>,
    words: &[Word],
    i: usize,
    lex: &Lexicon<'_>,
) -> Range<usize> {
    let mut last = i;
    while last + 1 < words.len() && last - i + 1 < PHRASE_WORDS {
        let between = &text[words[last].end..words[last + 1].start];
        let opener = lex.openers.contains(&words[last + 1].lower);
        if between.chars().any(|c| stop_char(c) || c == '.') || opener {
            break;
        }
        last += 1;
    }
    words[i].start..words[last].end.min(sentence.end)
}
