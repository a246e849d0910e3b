//! Attribution patterns: who said what, found from the cue that reports it. A reporting verb
//! (said, told, argued, …) with its source before it and its content after *that*, in the
//! quotation before or after it, or in the sentence before the comma it follows; a source phrase
//! ("according to the ministry, …"); reported content with nobody named ("it was reported that
//! …"); and a transcript's speaker ("PENCE: …"). A cue after a negation ("did not say") reports
//! nothing. Offsets are bytes of the document text.

use std::ops::Range;

use super::{
    Found, Role,
    lexicon::Lexicon,
    text::{Word, inside, trimmed, words},
};

/// The words of one sentence and what the patterns need around them.
struct Sentence<'a> {
    text: &'a str,
    range: Range<usize>,
    words: Vec<Word>,
    quotes: &'a [Range<usize>],
    lex: &'a Lexicon<'a>,
}

/// The attributions of the sentences `sentences` of `text` (bytes), each source pushed before
/// the claim it is the source of.
pub fn attributions(
    text: &str,
    sentences: &[Range<usize>],
    quotes: &[Range<usize>],
    lex: &Lexicon<'_>,
) -> Vec<Found> {
    let mut found = Vec::new();
    for range in sentences {
        let sentence = Sentence {
            text,
            range: range.clone(),
            words: words(text, range.clone()),
            quotes,
            lex,
        };
        sentence.find(&mut found);
    }
    found
}

impl Sentence<'_> {
    fn quoted(&self, i: usize) -> bool {
        inside(self.quotes, self.words[i].start).is_some()
    }

    /// Every attribution of the sentence, cue by cue.
    fn find(&self, found: &mut Vec<Found>) {
        if self.speaker(found) {
            return;
        }
        // A cue that ends the sentence ("…, the source added.") reports everything before its
        // comma: it comes first, then the cues inside what it reports.
        let mut limit = self.words.len();
        if let Some((verb, len)) = self.trailing_cue() {
            self.reporting_verb(verb, len, found);
            limit = verb;
        }
        let mut i = 0;
        while i < limit {
            if self.quoted(i) {
                i += 1;
                continue;
            }
            if let Some(len) = self.lex.source_phrases.at(&self.words, i) {
                i = self.source_phrase(i, len, found).max(i + len);
                continue;
            }
            if let Some(len) = self.lex.sourceless.at(&self.words, i) {
                self.sourceless(i, len, found);
                i += len;
                continue;
            }
            if let Some(len) = self.cue_at(i) {
                i = self.reporting_verb(i, len, found).max(i + len);
                continue;
            }
            i += 1;
        }
    }

    /// The length in words of a reporting cue at word `i`, if one is there and reports.
    fn cue_at(&self, i: usize) -> Option<usize> {
        let len = self.lex.reporting.at(&self.words, i)?;
        (!self.quoted(i) && !self.negated(i) && !self.is_noun(i, len)).then_some(len)
    }

    /// The last cue of the sentence when it follows the sentence's last comma ("…, Ana said").
    fn trailing_cue(&self) -> Option<(usize, usize)> {
        (0..self.words.len()).rev().take(12).find_map(|i| {
            let len = self.cue_at(i)?;
            let comma = self.comma_before_trailing_cue(i)?;
            // "Ana Lee, a member of the committee, said …": the comma closes an apposition
            // of the source, not what it said.
            let apposition = self.source_before(i).is_some_and(|s| s.start < comma);
            (!apposition && self.quotation_before(i).is_none()).then_some((i, len))
        })
    }

    /// Whether the cue's form at word `i` is a noun: after a determiner ("the report"), or
    /// followed by a verb that reports ("the claims said").
    fn is_noun(&self, i: usize, len: usize) -> bool {
        let after_determiner = i > 0
            && !self.stop_between(i - 1, i)
            && self.lex.determiners.contains(&self.words[i - 1].lower);
        let next_is_verb = self.words.get(i + len).is_some_and(|w| {
            self.lex.reporting.starts(&w.lower)
                || matches!(
                    w.lower.as_str(),
                    "has" | "have" | "had" | "was" | "is" | "were" | "are"
                )
        }) && !self.stop_between(i + len - 1, i + len);
        after_determiner || next_is_verb
    }

    /// A negation in the three words before word `i`.
    fn negated(&self, i: usize) -> bool {
        // Only words of the cue's own clause: not across a quotation's end or a comma.
        let mut from = i.saturating_sub(3);
        while from < i && (from..i).any(|k| self.stop_between(k, k + 1)) {
            from += 1;
        }
        (from..i).any(|j| {
            self.lex.negations.at(&self.words[..i], j).is_some()
                || self.words[j].lower.ends_with("n't")
        })
    }

    /// Whether the text between words `a` and `b` (a < b) holds a stop for a phrase: a comma,
    /// semicolon, colon, bracket, dash or quotation mark.
    fn stop_between(&self, a: usize, b: usize) -> bool {
        let between = &self.text[self.words[a].end..self.words[b].start];
        // The dot of "Sen." or of an initial is part of a name.
        let between = if self.abbreviated(a) {
            between.strip_prefix('.').unwrap_or(between)
        } else {
            between
        };
        between.chars().any(|c| {
            matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '.' | '?' | '!'
            )
        })
    }

    /// The source before word `verb`: back over the words between a source and its verb, then
    /// the words back to a stop or a clause opener (at most 12; across one apposition).
    fn source_before(&self, verb: usize) -> Option<Range<usize>> {
        let mut end = verb;
        while end > 0 && self.is_between_word(end - 1) && !self.stop_between(end - 1, end) {
            end -= 1;
        }
        if end == 0 || self.quoted(end - 1) {
            return None;
        }
        // "Ana Lee, a member of the committee, said": a comma closing an apposition; the
        // source must then run back across the comma after the name.
        let closes_apposition = self.stop_between(end - 1, end);
        if closes_apposition && !self.only_a_comma(end - 1, end) {
            return None;
        }
        let last = end - 1;
        let mut first = last;
        let mut commas = 0;
        while first > 0 && last - first < 12 {
            let prev = first - 1;
            if self.quoted(prev) || self.is_opener(prev) {
                break;
            }
            if self.stop_between(prev, first) {
                // "Ana Lee, a spokeswoman for the ministry, said": one apposition, back to the
                // sentence start.
                let comma = self.only_a_comma(prev, first);
                if !comma || commas == 1 || !self.apposition_from_start(prev) {
                    break;
                }
                commas += 1;
            }
            first = prev;
        }
        if self.is_opener(first)
            || !self.ends_like_a_source(last)
            || (closes_apposition && commas == 0)
        {
            return None;
        }
        Some(self.words[first].start..self.words[last].end)
    }

    /// Whether word `i` and the dot after it are an abbreviation or an initial ("Sen.", "F.").
    fn abbreviated(&self, i: usize) -> bool {
        let word = &self.words[i];
        if !self.text[word.end..].starts_with('.') {
            return false;
        }
        let initial = word.lower.chars().count() == 1;
        let with_dot = format!("{}.", word.lower);
        initial || self.lex.abbreviations.contains(&with_dot)
    }

    /// Whether only a comma (and spaces) lies between words `a` and `b`.
    fn only_a_comma(&self, a: usize, b: usize) -> bool {
        self.text[self.words[a].end..self.words[b].start].trim() == ","
    }

    /// Whether word `last` can end a source: not a preposition, article or auxiliary ("…
    /// thrown into", "… have been").
    fn ends_like_a_source(&self, last: usize) -> bool {
        let word = self.words[last].lower.as_str();
        !(self.lex.determiners.contains(word)
            || self.is_between_word(last)
            || matches!(
                word,
                "to" | "been" | "be" | "being" | "and" | "or" | "not" | "than"
            ))
    }

    /// Whether words 0..=`i` run from the sentence start without a stop (a name before an
    /// apposition), short enough to be one.
    fn apposition_from_start(&self, i: usize) -> bool {
        i < 6 && (0..i).all(|j| !self.stop_between(j, j + 1) && !self.is_opener(j))
    }

    fn is_between_word(&self, i: usize) -> bool {
        self.lex.between.contains(&self.words[i].lower)
    }

    fn is_opener(&self, i: usize) -> bool {
        self.lex.openers.contains(&self.words[i].lower)
    }

    fn is_pronoun(&self, source: &Range<usize>) -> bool {
        let text = self.text[source.clone()].to_lowercase();
        self.lex.pronouns.contains(&text)
    }

    /// The source after word `from` (an inverted "said Ana Lee"): to the next stop, at most
    /// 12 words.
    fn source_after(&self, from: usize) -> Option<Range<usize>> {
        if from >= self.words.len() || self.quoted(from) {
            return None;
        }
        let mut last = from;
        while last + 1 < self.words.len()
            && last - from < 11
            && !self.stop_between(last, last + 1)
            && !self.quoted(last + 1)
        {
            last += 1;
        }
        Some(self.words[from].start..self.words[last].end)
    }

    /// The sentence from byte `from` to its end, without the closing stop.
    fn rest_from(&self, from: usize) -> Range<usize> {
        trimmed(self.text, from..self.range.end)
    }

    /// Pushes a source (if any) and the claim it said; returns nothing.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        found: &mut Vec<Found>,
        source: Option<Range<usize>>,
        content: Range<usize>,
        cue: Range<usize>,
        rule: &'static str,
        confidence: f32,
        reason: String,
    ) {
        let content = trimmed(self.text, content);
        if content.is_empty() || self.text[content.clone()].split_whitespace().count() < 2 {
            return;
        }
        let penalty = source
            .as_ref()
            .filter(|s| self.is_pronoun(s))
            .map_or(0.0, |_| self.lex.rules.confidence.pronoun_penalty);
        let confidence = (confidence - penalty).clamp(0.0, 1.0);
        let source_index = source.map(|source| {
            found.push(Found {
                range: source,
                role: Role::Source,
                rule: rule.to_owned(),
                confidence,
                reason: reason.clone(),
                cue: Some(cue.clone()),
                source: None,
            });
            found.len() - 1
        });
        found.push(Found {
            range: content,
            role: Role::Claim,
            rule: rule.to_owned(),
            confidence,
            reason,
            cue: Some(cue),
            source: source_index,
        });
    }

    /// "According to the ministry, …" / "…, according to the ministry." Returns the word after
    /// the source.
    fn source_phrase(&self, i: usize, len: usize, found: &mut Vec<Found>) -> usize {
        let Some(source) = self.source_after(i + len) else {
            return i + len;
        };
        let cue = self.words[i].start..self.words[i + len - 1].end;
        let phrase = self.text[cue.clone()].to_lowercase();
        let after = self.words.iter().position(|w| w.start >= source.end);
        let leading = self.words[..i]
            .iter()
            .all(|w| self.is_opener_word(&w.lower));
        let content = if leading {
            self.rest_from(source.end)
        } else {
            self.range.start..self.words[i].start
        };
        let content = skip_leading_punctuation(self.text, content);
        let reason = if leading {
            format!("cue: {phrase} — source after it, content after the comma")
        } else {
            format!("cue: {phrase} — content before it, source after it")
        };
        let confidence = self.lex.rules.confidence.source_phrase;
        self.push(
            found,
            Some(source),
            content,
            cue,
            "attribution.source-phrase",
            confidence,
            reason,
        );
        after.unwrap_or(self.words.len())
    }

    fn is_opener_word(&self, word: &str) -> bool {
        self.lex.openers.contains(word)
    }

    /// "It was reported that …": content with nobody named.
    fn sourceless(&self, i: usize, len: usize, found: &mut Vec<Found>) {
        let cue = self.words[i].start..self.words[i + len - 1].end;
        let from = self.words.get(i + len).map_or(self.range.end, |w| w.start);
        let phrase = self.text[cue.clone()].to_lowercase();
        self.push(
            found,
            None,
            self.rest_from(from),
            cue,
            "attribution.sourceless",
            self.lex.rules.confidence.sourceless,
            format!("cue: {phrase} — reported content, nobody named"),
        );
    }

    /// A reporting verb at word `i` (`len` words): the patterns in order of how sure they are.
    /// Returns the word to go on from.
    fn reporting_verb(&self, i: usize, len: usize, found: &mut Vec<Found>) -> usize {
        let cue = self.words[i].start..self.words[i + len - 1].end;
        let verb = self.text[cue.clone()].to_lowercase();
        let next = i + len;
        let confidence = &self.lex.rules.confidence;
        // A quotation just before: "“…,” Ana said." / "“…,” said Ana."
        if let Some(quote) = self.quotation_before(i) {
            let source = self
                .source_between(quote.end, i)
                .or_else(|| self.source_after(next));
            if source.is_some() {
                let reason = format!("cue: {verb} — content in the quotation before it");
                let end = source.as_ref().map_or(cue.end, |s| s.end.max(cue.end));
                self.push(
                    found,
                    source,
                    quote,
                    cue,
                    "attribution.quotation",
                    confidence.quotation,
                    reason,
                );
                return self.word_after(end);
            }
        }
        let source = self.source_before(i);
        // A quotation just after: "Ana said: “…”"
        if let Some(quote) = self.quotation_after(cue.end)
            && source.is_some()
        {
            let end = quote.end;
            let reason = format!("cue: {verb} — source before it, content in the quotation after");
            self.push(
                found,
                source,
                quote,
                cue,
                "attribution.quotation",
                confidence.quotation,
                reason,
            );
            return self.word_after(end);
        }
        // "…, Ana said." / "…, said Ana." (but not "Ana Lee, a member, said …")
        if let Some(comma) = self.comma_before_trailing_cue(i)
            && source.as_ref().is_none_or(|s| s.start >= comma)
        {
            let source = self
                .source_between(comma + 1, i)
                .or_else(|| self.source_after(next));
            if source.is_some() {
                let reason =
                    format!("cue: {verb} — content before the comma, source beside the cue");
                self.push(
                    found,
                    source,
                    self.range.start..comma,
                    cue,
                    "attribution.trailing",
                    confidence.trailing,
                    reason,
                );
                return self.words.len();
            }
        }
        // "…, Ana said, …": the cue in the middle of what it reports.
        if let Some(comma) = self.parenthetical(i, next) {
            let source = self.source_between(comma + 1, i);
            if source.is_some() {
                let reason = format!("cue: {verb} — content around the cue, between commas");
                self.push(
                    found,
                    source,
                    self.range.clone(),
                    cue,
                    "attribution.parenthetical",
                    confidence.trailing,
                    reason,
                );
                return self.words.len();
            }
        }
        let Some(source) = source else {
            return next;
        };
        // "Ana said (in a statement) that …"
        if let Some(that) = self.that_after(next) {
            let reason = format!("cue: {verb} — source before, content after “that”");
            self.push(
                found,
                Some(source),
                self.rest_from(self.words[that].start),
                cue,
                "attribution.that",
                confidence.that_clause,
                reason,
            );
            return self.words.len();
        }
        // "Ana said the plan would fail."
        if self.words.len() >= next + 3 && !self.stop_between(next - 1, next) {
            let reason = format!("cue: {verb} — source before, content after it");
            self.push(
                found,
                Some(source),
                self.rest_from(self.words[next].start),
                cue,
                "attribution.bare",
                confidence.bare,
                reason,
            );
            return self.words.len();
        }
        next
    }

    fn word_after(&self, byte: usize) -> usize {
        self.words
            .iter()
            .position(|w| w.start >= byte)
            .unwrap_or(self.words.len())
    }

    /// The source in the words between byte `from` and word `verb`, if any besides the words
    /// between a source and its verb.
    fn source_between(&self, from: usize, verb: usize) -> Option<Range<usize>> {
        let first = self.words.iter().position(|w| w.start >= from)?;
        if first >= verb {
            return None;
        }
        let mut last = verb - 1;
        while last > first && self.is_between_word(last) {
            last -= 1;
        }
        if self.is_between_word(last) || verb - first > 12 {
            return None;
        }
        Some(self.words[first].start..self.words[last].end)
    }

    /// A quotation that closes shortly before word `verb` (within six words, nothing but a
    /// source between), whole even when it began in an earlier sentence.
    fn quotation_before(&self, verb: usize) -> Option<Range<usize>> {
        let at = self.words[verb].start;
        let i = self.quotes.partition_point(|q| q.end <= at);
        let quote = self.quotes.get(i.checked_sub(1)?)?;
        // Only a quotation that closes in this sentence (or right at its start) counts; the
        // gap is read only then, so a quotation far back costs nothing.
        if quote.end < self.range.start {
            return None;
        }
        let between = &self.text[quote.end..at];
        let gap_words = between.split_whitespace().count();
        let clean = !between.contains(['.', ';', '?', '!', '\n', '“', '"']);
        (gap_words <= 6 && clean).then(|| quote.clone())
    }

    /// A quotation that opens right after the cue (after a colon, a comma or a space).
    fn quotation_after(&self, cue_end: usize) -> Option<Range<usize>> {
        let rest = &self.text[cue_end..];
        let skipped = rest.len() - rest.trim_start_matches([' ', ':', ',']).len();
        // After a colon, the quotation may open the next paragraph ("The Times reports:").
        let colon = rest[..skipped].contains(':');
        let skipped = if colon {
            rest.len() - rest.trim_start_matches([' ', ':', '\n', '\r']).len()
        } else {
            skipped
        };
        let at = cue_end + skipped;
        let near = skipped <= 3 || colon;
        self.quotes.iter().find(|q| q.start == at && near).cloned()
    }

    /// The comma before word `verb` when the cue ends the sentence: "…, Ana said." or "…, said
    /// Ana, a spokeswoman." (at most 12 words after the comma).
    fn comma_before_trailing_cue(&self, verb: usize) -> Option<usize> {
        let start = self.words[verb].start;
        let before = &self.text[self.range.start..start];
        let comma = self.range.start + before.rfind(',')?;
        let clause = &self.text[comma + 1..start];
        if clause.contains(['.', ';', '?', '!', '“', '"']) || clause.split_whitespace().count() > 8
        {
            return None;
        }
        // "…, saying …" is the main clause's subject speaking, not a source beside the cue.
        if self.words[verb].lower.ends_with("ing") {
            return None;
        }
        let after = self.words.len() - verb;
        let source_before = clause.split_whitespace().count() > 0;
        let content_words = self.words.iter().take_while(|w| w.start < comma).count();
        let short = if source_before {
            after <= 6
        } else {
            after <= 9
        };
        (short && content_words >= 3).then_some(comma)
    }

    /// The comma before a cue set off by commas inside what it reports ("…, Ana said, …"):
    /// a comma at most six words before word `verb` and one right after the cue's `next` word.
    fn parenthetical(&self, verb: usize, next: usize) -> Option<usize> {
        let start = self.words[verb].start;
        let before = &self.text[self.range.start..start];
        let comma = self.range.start + before.rfind(',')?;
        let clause = &self.text[comma + 1..start];
        let after = &self.text[self.words[next - 1].end..self.range.end];
        let set_off = after.trim_start().starts_with(',');
        let content_before = self.words.iter().take_while(|w| w.start < comma).count();
        let content_after = self.words.len() - next;
        (set_off
            && !clause.contains(['.', ';', '?', '!', '“', '"'])
            && clause.split_whitespace().count() <= 6
            && content_before >= 2
            && content_after >= 2)
            .then_some(comma)
    }

    /// The word "that" opening the content within six words after word `from`, with no stop
    /// before it ("told reporters on Monday that").
    fn that_after(&self, from: usize) -> Option<usize> {
        (from..self.words.len().min(from + 7)).find(|&j| {
            self.words[j].lower == "that"
                && (from..j).all(|k| !self.stop_between(k, k + 1) || k + 1 == j)
                && !self.quoted(j)
        })
    }

    /// A transcript's turn: a paragraph opening with a name in capitals and a colon ("PENCE:
    /// Well, …").
    fn speaker(&self, found: &mut Vec<Found>) -> bool {
        let at = self.range.start;
        let paragraph_start = at == 0
            || self.text[..at]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        if !paragraph_start {
            return false;
        }
        let line = &self.text[at..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let skip = line.len() - line.trim_start_matches(['"', '“']).len();
        let Some(colon) = line.find(':') else {
            return false;
        };
        let name = &line[skip..colon];
        let is_name = !name.is_empty()
            && name.len() <= 40
            && name.chars().any(char::is_alphabetic)
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
        if !is_name {
            return false;
        }
        let source = at + skip..at + colon;
        let content = trimmed_quote(self.text, at + colon + 1..at + line.len());
        self.push(
            found,
            Some(source.clone()),
            content,
            source,
            "attribution.speaker",
            self.lex.rules.confidence.quotation,
            "cue: a speaker's name and a colon — their words after it".to_owned(),
        );
        true
    }
}

/// A speaker's words without a closing quotation mark left open from a transcript's quoting.
fn trimmed_quote(text: &str, range: Range<usize>) -> Range<usize> {
    let range = trimmed(text, range);
    let piece = &text[range.clone()];
    let cut = piece.len() - piece.trim_end_matches(['"', '”']).len();
    trimmed(text, range.start..range.end - cut)
}

/// `range` after any commas, dashes and spaces at its start.
fn skip_leading_punctuation(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let skipped = piece.len() - piece.trim_start_matches([',', ' ', '—', '–']).len();
    range.start + skipped..range.end
}
