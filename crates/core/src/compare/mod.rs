//! Comparing analysts: two or more projects of the same articles → agreement figures, every
//! difference, and a merged project. No I/O, no GUI toolkit. Offsets are chars (Unicode scalar
//! values, end-exclusive), as everywhere in the model.
//!
//! - [`compare`] matches documents by text hash ([`documents`]), pairs annotations
//!   ([`matching`]), groups them into agreements and differences ([`items`]), and computes per
//!   label and overall: strict and overlap precision/recall/F1, the four SemEval-2013 schemes
//!   ([`scores`]), Krippendorff's unitizing alpha ([`unitizing`]) and Cohen's or Fleiss' kappa
//!   over characters ([`characters`], [`kappa`]); per relation kind, strict and overlap-endpoint
//!   precision/recall/F1 of the relations ([`relations`]).
//! - [`alpha`] is Krippendorff's alpha for coded units with missing values.
//! - [`merge`] records an analyst's decision on each difference, with undo, and builds the merged
//!   project.
//!
//! The first project is the reference for precision and recall; with more than two analysts,
//! every pair `(i, j)` with `i < j` is compared with `i` as the reference, and the per-label and
//! overall precision/recall/F1 sum the counts of all pairs (micro-average).
//!
//! Defined edge cases, never NaN: a measure that cannot be computed is `None` (`null` in JSON,
//! "n/a" in text). α_U and kappa are `None` for a label nobody used (nothing to agree on) and for
//! an empty text; precision is `None` when the other analyst has no spans, recall when the
//! reference has none, F1 when neither has. Identical projects give 1 for every defined measure.

pub mod alpha;
mod assignment;
pub mod characters;
pub mod documents;
mod figures;
pub mod items;
pub mod kappa;
pub mod matching;
pub mod merge;
pub mod relations;
pub mod scores;
pub mod unitizing;

pub use documents::{NotCompared, NotComparedReason};
pub use figures::{DocumentComparison, LabelFigures, OverallFigures, PairFigures};
pub use items::{Item, ItemKind, Member};
pub use merge::{Curation, Decision, Merged};
pub use relations::{KindFigures, RelationItem, RelationMatches, RelationMember};
pub use scores::{Prf, SchemeCounts, SemEval};

use crate::model::{Label, Project, RelationKind};

/// What to compare and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareOptions {
    /// Only this label (its id); all labels when `None`.
    pub label: Option<String>,
    /// Kappa over only the chars somebody coded, instead of every char of the text.
    pub exclude_uncoded: bool,
}

/// The comparison of several analysts' projects.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// One name per project, in the order given: the project's annotator, made unique.
    pub analysts: Vec<String>,
    /// The labels compared: every label of any project (first project's order first).
    pub labels: Vec<Label>,
    /// The relation kinds compared: every kind of any project (first project's order first).
    pub relation_kinds: Vec<RelationKind>,
    pub documents: Vec<DocumentComparison>,
    pub not_compared: Vec<NotCompared>,
}

/// Compares `projects` (two or more; the first is the reference).
#[must_use]
pub fn compare(projects: &[&Project], options: &CompareOptions) -> Comparison {
    let labels: Vec<Label> = codebook(projects)
        .into_iter()
        .filter(|l| options.label.as_ref().is_none_or(|only| *only == l.id))
        .collect();
    let relation_kinds = relation_kinds(projects);
    let matched = documents::match_documents(projects);
    let documents = matched
        .documents
        .iter()
        .map(|docs| figures::compare_document(docs, &labels, &relation_kinds, options))
        .collect();
    Comparison {
        analysts: analyst_names(projects),
        labels,
        relation_kinds,
        documents,
        not_compared: matched.not_compared,
    }
}

/// Every label of the projects, by id: the first project's labels, then labels only later
/// projects have.
#[must_use]
pub fn codebook(projects: &[&Project]) -> Vec<Label> {
    let mut labels: Vec<Label> = Vec::new();
    for label in projects.iter().flat_map(|p| p.labels()) {
        if !labels.iter().any(|l| l.id == label.id) {
            labels.push(label.clone());
        }
    }
    labels
}

/// The relation kinds of all `projects`, each id once, in the order first declared; a key an
/// earlier kind has is not given to a later one.
#[must_use]
pub fn relation_kinds(projects: &[&Project]) -> Vec<RelationKind> {
    let mut kinds: Vec<RelationKind> = Vec::new();
    for kind in projects.iter().flat_map(|p| p.relation_kinds()) {
        if !kinds.iter().any(|k| k.id == kind.id) {
            let key = kind
                .key
                .filter(|key| !kinds.iter().any(|k| k.key == Some(*key)));
            kinds.push(RelationKind {
                key,
                ..kind.clone()
            });
        }
    }
    kinds
}

/// The short name of analyst `index` in tables and lists: A, B, … Z, then #27, #28, ….
#[must_use]
pub fn analyst_letter(index: usize) -> String {
    u8::try_from(index).ok().filter(|&i| i < 26).map_or_else(
        || format!("#{}", index + 1),
        |i| char::from(b'A' + i).to_string(),
    )
}

/// A figure as the text report and the window show it: three decimals, or "n/a" when undefined.
#[must_use]
pub fn figure_text(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"))
}

/// A name for each project's analyst: the annotator, or "Analyst N" when empty; repeats get
/// " (2)", " (3)", ….
#[must_use]
pub fn analyst_names(projects: &[&Project]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, project) in projects.iter().enumerate() {
        let base = match project.meta().annotator.trim() {
            "" => format!("Analyst {}", i + 1),
            name => name.to_owned(),
        };
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        names.push(name);
    }
    names
}
