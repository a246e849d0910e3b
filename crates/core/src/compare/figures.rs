//! The figures of one document: per label and overall, for every pair of analysts, and the
//! grouped agreements and differences. See the parent module for the definitions.

use std::collections::HashMap;

use super::{
    CompareOptions,
    characters::label_kappa,
    items::{Item, ItemKind, group_items},
    matching::{LabelMatches, Pairing, label_matches, pair_annotations},
    relations::{KindFigures, RelationItem, kind_figures, relation_items},
    scores::{Prf, SemEval},
    unitizing::{Disagreement, disagreement, union_overlapping},
};
use crate::model::{Annotation, Document, Label, RelationKind, Span};

/// One document compared across analysts.
#[derive(Debug, Clone)]
pub struct DocumentComparison {
    pub title: String,
    pub text_sha256: String,
    /// Length of the text in chars.
    pub length: usize,
    /// The document's id in each analyst's project.
    pub document_ids: Vec<String>,
    /// One entry per compared label, in codebook order.
    pub labels: Vec<LabelFigures>,
    pub overall: OverallFigures,
    /// One entry per relation kind of the projects, in codebook order.
    pub relations: Vec<KindFigures>,
    /// The analysts' relations grouped into agreements and differences, by the items of their
    /// ends.
    pub relation_items: Vec<RelationItem>,
    /// Every pair of analysts `(i, j)`, `i < j`, with `i` as the reference.
    pub pairs: Vec<PairFigures>,
    /// Agreements and differences in text order.
    pub items: Vec<Item>,
    /// Per analyst: spans that overlapped another span of the same label and were joined into
    /// one unit for α_U and kappa.
    pub joined_overlaps: Vec<usize>,
}

impl DocumentComparison {
    /// The relation items that are not agreements.
    pub fn relation_differences(&self) -> impl Iterator<Item = &RelationItem> {
        self.relation_items.iter().filter(|item| !item.agreement)
    }

    /// The items that are not agreements, with their index in [`Self::items`].
    pub fn differences(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.kind != ItemKind::Agreement)
    }
}

/// The figures of one label in one document.
#[derive(Debug, Clone)]
pub struct LabelFigures {
    pub id: String,
    pub name: String,
    /// Spans of the label per analyst.
    pub counts: Vec<usize>,
    /// Krippendorff's unitizing alpha over the document's chars.
    pub alpha_u: Option<f64>,
    /// Cohen's kappa (two analysts) or Fleiss' kappa (more) over chars.
    pub kappa: Option<f64>,
    /// Same boundaries.
    pub strict: Prf,
    /// Overlapping, paired one-to-one.
    pub overlap: Prf,
    /// The counts behind `strict` and `overlap`, summed over pairs of analysts.
    pub matches: LabelMatches,
    /// D_o and D_e behind `alpha_u`.
    pub disagreement: Disagreement,
}

/// Figures over all labels of one document.
#[derive(Debug, Clone)]
pub struct OverallFigures {
    /// 1 − ΣD_o / ΣD_e over the labels.
    pub alpha_u: Option<f64>,
    /// SemEval-2013 counts summed over every pair of analysts.
    pub semeval: SemEval,
}

/// The SemEval-2013 counts of one pair of analysts.
#[derive(Debug, Clone)]
pub struct PairFigures {
    pub reference: usize,
    pub other: usize,
    pub semeval: SemEval,
}

/// Compares one document: `docs[r]` is analyst `r`'s copy (all with the same text).
pub(super) fn compare_document(
    docs: &[&Document],
    labels: &[Label],
    kinds: &[RelationKind],
    options: &CompareOptions,
) -> DocumentComparison {
    let length = docs[0].char_len();
    let per_analyst: Vec<Vec<&Annotation>> = docs
        .iter()
        .map(|d| {
            d.annotations()
                .iter()
                .filter(|a| labels.iter().any(|l| l.id == a.label))
                .collect()
        })
        .collect();

    let mut pairings: Vec<((usize, usize), Pairing)> = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            pairings.push(((i, j), pair_annotations(&per_analyst[i], &per_analyst[j])));
        }
    }
    let pairs: Vec<PairFigures> = pairings
        .iter()
        .map(|((i, j), pairing)| PairFigures {
            reference: *i,
            other: *j,
            semeval: SemEval::from_pairing(pairing),
        })
        .collect();
    let mut semeval = SemEval::default();
    for pair in &pairs {
        semeval.add(&pair.semeval);
    }

    let coded = options.exclude_uncoded.then(|| {
        union_overlapping(
            docs.iter()
                .flat_map(|d| d.annotations())
                .map(Annotation::span),
        )
        .0
    });
    let mut joined_overlaps = vec![0; docs.len()];
    let mut total = Disagreement::default();
    let label_figures: Vec<LabelFigures> = labels
        .iter()
        .map(|label| {
            let units: Vec<Vec<Span>> = per_analyst
                .iter()
                .enumerate()
                .map(|(r, anns)| {
                    let spans = anns
                        .iter()
                        .filter(|a| a.label == label.id)
                        .map(|a| a.span());
                    let (units, joined) = union_overlapping(spans);
                    joined_overlaps[r] += joined;
                    units
                })
                .collect();
            let d = disagreement(length, &units);
            total += d;
            let mut matches = LabelMatches::default();
            for ((i, j), _) in &pairings {
                matches.add(label_matches(&per_analyst[*i], &per_analyst[*j], &label.id));
            }
            LabelFigures {
                id: label.id.clone(),
                name: label.name.clone(),
                counts: per_analyst
                    .iter()
                    .map(|anns| anns.iter().filter(|a| a.label == label.id).count())
                    .collect(),
                alpha_u: d.alpha(),
                kappa: label_kappa(length, &units, coded.as_deref()),
                strict: Prf::from_counts(matches.strict as f64, matches.reference, matches.other),
                overlap: Prf::from_counts(matches.overlap as f64, matches.reference, matches.other),
                matches,
                disagreement: d,
            }
        })
        .collect();

    let items = group_items(&per_analyst, &pairings);
    let mut item_of: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for member in &item.members {
            item_of.insert((member.analyst, member.annotation.id.as_str()), i);
        }
    }
    let relation_items = relation_items(docs, &item_of);
    DocumentComparison {
        title: docs[0].title().to_owned(),
        text_sha256: docs[0].text_sha256().to_owned(),
        length,
        document_ids: docs.iter().map(|d| d.id().to_owned()).collect(),
        labels: label_figures,
        overall: OverallFigures {
            alpha_u: total.alpha(),
            semeval,
        },
        relations: kind_figures(docs, &per_analyst, &pairings, kinds),
        relation_items,
        pairs,
        items,
        joined_overlaps,
    }
}
