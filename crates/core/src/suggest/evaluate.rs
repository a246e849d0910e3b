//! How good the suggestions are on a coded project: the rules run on its documents and their
//! proposals are scored against the project's own annotations with the compare machinery
//! (strict: the same boundaries; overlap: any overlap, paired one to one), per label, as
//! precision, recall and F1. A label map scores corpora whose labels have other names
//! ("Content" = claim). Offsets are chars.

use serde::Serialize;

use super::{Proposal, Roles, Rules, SuggestOptions, suggest};
use crate::{
    compare::{
        Prf,
        matching::{LabelMatches, label_matches},
    },
    model::{Annotation, Project},
};

/// The scores of one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScore {
    /// The proposals' label (the project's label it is scored against may have another name).
    pub label: String,
    /// The project's annotations of the label, and the proposals of it.
    pub annotations: usize,
    pub proposals: usize,
    pub strict_matches: usize,
    pub overlap_matches: usize,
    pub strict: Prf,
    pub overlap: Prf,
}

/// The scores of every label proposed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub documents: usize,
    pub labels: Vec<LabelScore>,
}

/// Runs `rules` on `project`'s documents and scores the proposals of each role that `roles`
/// maps to a label of the project against that label's annotations. Rejections are ignored and
/// nothing already coded is left out: the project is the answer key.
#[must_use]
pub fn evaluate(
    project: &Project,
    rules: &Rules,
    roles: &Roles,
    min_confidence: f32,
) -> Evaluation {
    let bare = without_annotations(project);
    let options = SuggestOptions {
        min_confidence,
        ..SuggestOptions::default()
    };
    // Coded wording is a rule about what is already coded: with nothing coded it proposes
    // nothing, so the figures are those of the cue rules.
    let proposals = suggest(&bare, rules, roles, &options);
    let labels: Vec<&String> = [&roles.source, &roles.claim, &roles.norm]
        .into_iter()
        .flatten()
        .collect();
    let scores = labels
        .into_iter()
        .map(|label| score(project, &proposals, label))
        .collect();
    Evaluation {
        documents: project.documents().len(),
        labels: scores,
    }
}

/// `project` with its annotations and relations taken away (the text and the codebook stay).
fn without_annotations(project: &Project) -> Project {
    let documents = project
        .documents()
        .iter()
        .map(|d| crate::model::Document::new(d.id(), d.title(), d.text().to_owned()))
        .collect();
    Project::from_parts(project.meta().clone(), project.labels().to_vec(), documents)
}

fn score(project: &Project, proposals: &[Proposal], label: &str) -> LabelScore {
    let mut totals = LabelMatches::default();
    for (d, doc) in project.documents().iter().enumerate() {
        let coded: Vec<&Annotation> = doc.annotations().iter().collect();
        let proposed: Vec<Annotation> = proposals
            .iter()
            .filter(|p| p.doc == d && p.label == label)
            .enumerate()
            .map(|(i, p)| Annotation::bare(&format!("p{i}"), label, p.span.start, p.span.end))
            .collect();
        let proposed: Vec<&Annotation> = proposed.iter().collect();
        totals.add(label_matches(&coded, &proposed, label));
    }
    LabelScore {
        label: label.to_owned(),
        annotations: totals.reference,
        proposals: totals.other,
        strict_matches: totals.strict,
        overlap_matches: totals.overlap,
        strict: Prf::from_counts(totals.strict as f64, totals.reference, totals.other),
        overlap: Prf::from_counts(totals.overlap as f64, totals.reference, totals.other),
    }
}
