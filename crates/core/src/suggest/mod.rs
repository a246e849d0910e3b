//! Suggestions: passages proposed as sources, claims and norms from the cues of news and policy
//! prose, on the analyst's machine, with no model and no network. Each proposal says which rule
//! made it, why, and how sure it is; a proposed claim comes with its proposed source. Nothing
//! enters the coding until someone accepts it. The rules are data (`rules.ron`, see
//! `docs/SUGGEST.md`). Proposals are pure functions of a project; offsets are chars (Unicode
//! scalar values, end-exclusive), on grapheme boundaries.

pub mod accept;
pub mod attribution;
pub mod coded;
pub mod evaluate;
pub mod lexicon;
pub mod norms;
pub mod rules;
pub mod text;

use std::ops::Range;

pub use accept::{AcceptPlan, coded_as, plan_accept};
pub use evaluate::{Evaluation, LabelScore, evaluate};
pub use rules::{Rules, RulesError};

use crate::{
    model::{Document, Project, Span, snap},
    progress::{Cancelled, Progress},
};

/// What a proposal would code the passage as.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    Source,
    Claim,
    Norm,
    /// The label an identical wording is coded with elsewhere.
    Coded(String),
}

/// One find of a rule, before it becomes a proposal (bytes of the document text).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub role: Role,
    pub rule: String,
    pub confidence: f32,
    pub reason: String,
    pub cue: Option<Range<usize>>,
    /// For a claim: its source, an index into the same list.
    pub source: Option<usize>,
}

/// The project's labels for each role (label ids); a role without a label is not proposed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub source: Option<String>,
    pub claim: Option<String>,
    pub norm: Option<String>,
}

impl Roles {
    /// The labels with ids `source`, `claim` and `norm`, where the project has them.
    #[must_use]
    pub fn of(project: &Project) -> Self {
        let has = |id: &str| project.has_label(id).then(|| id.to_owned());
        Self {
            source: has("source"),
            claim: has("claim"),
            norm: has("norm"),
        }
    }

    fn label<'r>(&'r self, role: &'r Role) -> Option<&'r str> {
        match role {
            Role::Source => self.source.as_deref(),
            Role::Claim => self.claim.as_deref(),
            Role::Norm => self.norm.as_deref(),
            Role::Coded(label) => Some(label),
        }
    }
}

/// Which proposals to make.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggestOptions {
    /// Only this document (its index in the project).
    pub doc: Option<usize>,
    /// Only these labels (ids); empty: every label a role has.
    pub labels: Vec<String>,
    /// Only proposals at least this sure (0–1).
    pub min_confidence: f32,
}

/// One proposal: a passage of a document to code with a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The document's index in the project.
    pub doc: usize,
    /// Chars, end-exclusive, on grapheme boundaries.
    pub span: Span,
    pub label: String,
    /// The rule that made it ("attribution.that", "norm.refrain-from", "coded-elsewhere").
    pub rule: String,
    pub confidence: f32,
    /// Why, for the analyst: "cue: told — source before, content after “that”".
    pub reason: String,
    /// The cue the rule read (chars), if any.
    pub cue: Option<Span>,
    /// For a claim: the proposal of its source, an index into the same list.
    pub source: Option<usize>,
}

/// Below this many documents a second thread is not worth starting.
const DOCUMENTS_PER_THREAD: usize = 32;

/// The proposals for `project`'s documents (or one), in document and text order, sources before
/// the claims they are the source of. Passages already coded with the same label and span are
/// not proposed again, nor are those the document records as rejected.
#[must_use]
pub fn suggest(
    project: &Project,
    rules: &Rules,
    roles: &Roles,
    options: &SuggestOptions,
) -> Vec<Proposal> {
    suggest_with_progress(project, rules, roles, options, &Progress::new())
        .expect("work nobody can cancel is never cancelled")
}

/// [`suggest`], counting the documents' bytes done in `progress` and stopping (with nothing)
/// soon after `progress` is cancelled: between documents, and between the wordings and the
/// documents.
pub fn suggest_with_progress(
    project: &Project,
    rules: &Rules,
    roles: &Roles,
    options: &SuggestOptions,
    progress: &Progress,
) -> Result<Vec<Proposal>, Cancelled> {
    let documents: Vec<(usize, &Document)> = project
        .documents()
        .iter()
        .enumerate()
        .filter(|(i, _)| options.doc.is_none_or(|d| d == *i))
        .collect();
    progress.start(documents.iter().map(|(_, d)| d.text().len()).sum());
    let wordings = coded::Wordings::of(project);
    progress.check()?;
    let lex = lexicon::Lexicon::new(rules);
    let work = |part: &[(usize, &Document)]| -> Result<Vec<Proposal>, Cancelled> {
        let mut out = Vec::new();
        for (index, doc) in part {
            progress.check()?;
            propose(*index, doc, &lex, roles, options, &wordings, &mut out);
            progress.advance(doc.text().len());
        }
        Ok(out)
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if documents.len() < 2 * DOCUMENTS_PER_THREAD || threads < 2 {
        return work(&documents);
    }
    let chunk = documents.len().div_ceil(threads);
    let parts: Vec<Result<Vec<Proposal>, Cancelled>> = std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|part| scope.spawn(|| work(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a suggestion thread does not panic"))
            .collect()
    });
    let mut all = Vec::new();
    for part in parts {
        let mut part = part?;
        let offset = all.len();
        for p in &mut part {
            p.source = p.source.map(|s| s + offset);
        }
        all.extend(part);
    }
    Ok(all)
}

/// The finds of every rule in `text` (bytes): attributions, norms and coded wordings.
#[must_use]
pub fn find_all(text: &str, lex: &lexicon::Lexicon<'_>, wordings: &coded::Wordings) -> Vec<Found> {
    let rules = lex.rules;
    let sentences = text::sentences(text, &rules.abbreviations);
    let quotes = text::quotations(text);
    let mut found = attribution::attributions(text, &sentences, &quotes, lex);
    found.extend(norms::norms(text, &sentences, lex));
    found.extend(wordings.find(text, rules.confidence.coded_elsewhere));
    found
}

/// Adds the proposals of one document to `out`.
fn propose(
    index: usize,
    doc: &Document,
    lex: &lexicon::Lexicon<'_>,
    roles: &Roles,
    options: &SuggestOptions,
    wordings: &coded::Wordings,
    out: &mut Vec<Proposal>,
) {
    let (text, offsets) = (doc.text(), doc.offsets());
    let to_span = |range: &Range<usize>| -> Option<Span> {
        let span = Span::new(
            offsets.char_from_byte(text, range.start)?,
            offsets.char_from_byte(text, range.end)?,
        );
        Some(snap::to_graphemes(text, offsets, span))
    };
    let found = find_all(text, lex, wordings);
    // Each find's place in `out`, for claims to point at their sources.
    let mut placed: Vec<Option<usize>> = Vec::with_capacity(found.len());
    let mut seen: std::collections::HashSet<(Span, String)> = std::collections::HashSet::new();
    for f in &found {
        let wanted = roles.label(&f.role).filter(|label| {
            (options.labels.is_empty() || options.labels.iter().any(|l| l == label))
                && f.confidence >= options.min_confidence
        });
        let (Some(label), Some(span)) = (wanted, to_span(&f.range)) else {
            placed.push(None);
            continue;
        };
        let coded = doc
            .annotations_in(span)
            .any(|a| a.label == label && a.span() == span);
        let rejected = doc.is_rejected(span, label);
        if span.is_empty() || coded || rejected || !seen.insert((span, label.to_owned())) {
            placed.push(None);
            continue;
        }
        placed.push(Some(out.len()));
        out.push(Proposal {
            doc: index,
            span,
            label: label.to_owned(),
            rule: f.rule.clone(),
            confidence: f.confidence,
            reason: f.reason.clone(),
            cue: f.cue.as_ref().and_then(to_span),
            source: f.source.and_then(|s| placed.get(s).copied().flatten()),
        });
    }
}
