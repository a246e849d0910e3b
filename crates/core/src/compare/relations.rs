//! Relation agreement between analysts of one document, per relation kind: a relation of the
//! reference analyst matches one of the other's when both have the same kind and the other's ends
//! are the partners of the reference's ends in the span pairing ([`super::matching`]), each
//! relation matched at most once.
//!
//! - **strict**: both ends paired with the same boundaries and the same label;
//! - **overlap**: both ends paired at all (overlapping spans, whatever their labels): the two
//!   analysts tied the same passages by the same kind.
//!
//! Precision, recall and F1 follow [`super::scores::Prf`]: the first analyst of a pair is the
//! reference, and with more analysts the counts of every pair are summed. A relation whose end
//! has a label left out of the comparison (`--label`) is not counted.

use std::collections::HashMap;

use super::{
    matching::{PairKind, Pairing},
    scores::Prf,
};
use crate::model::{Annotation, Document, RelationKind};

/// The counts behind a kind's figures, summed over pairs of analysts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelationMatches {
    /// The reference analysts' relations of the kind.
    pub reference: usize,
    /// The other analysts' relations of the kind.
    pub other: usize,
    pub strict: usize,
    pub overlap: usize,
}

impl RelationMatches {
    pub fn add(&mut self, other: Self) {
        self.reference += other.reference;
        self.other += other.other;
        self.strict += other.strict;
        self.overlap += other.overlap;
    }

    #[must_use]
    pub fn strict(&self) -> Prf {
        Prf::from_counts(self.strict as f64, self.reference, self.other)
    }

    #[must_use]
    pub fn overlap(&self) -> Prf {
        Prf::from_counts(self.overlap as f64, self.reference, self.other)
    }
}

/// The agreement on one relation kind in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct KindFigures {
    pub id: String,
    pub name: String,
    /// Relations of the kind per analyst (both ends among the compared labels).
    pub counts: Vec<usize>,
    pub matches: RelationMatches,
}

/// The figures of every kind in `kinds` for one document: `docs[r]` and `annotations[r]` are
/// analyst `r`'s copy and the annotations compared (of the compared labels), `pairings` the span
/// pairing of each pair of analysts (indices into `annotations`).
pub(super) fn kind_figures(
    docs: &[&Document],
    annotations: &[Vec<&Annotation>],
    pairings: &[((usize, usize), Pairing)],
    kinds: &[RelationKind],
) -> Vec<KindFigures> {
    // Per analyst: each compared annotation's index by id, and the relations between them as
    // (kind, from index, to index).
    let index_of: Vec<HashMap<&str, usize>> = annotations
        .iter()
        .map(|anns| {
            anns.iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect()
        })
        .collect();
    let relations: Vec<Vec<(&str, usize, usize)>> = docs
        .iter()
        .zip(&index_of)
        .map(|(doc, index)| {
            doc.relations()
                .iter()
                .filter_map(|r| {
                    Some((
                        r.kind.as_str(),
                        *index.get(r.from.as_str())?,
                        *index.get(r.to.as_str())?,
                    ))
                })
                .collect()
        })
        .collect();
    let mut matches: HashMap<&str, RelationMatches> = HashMap::new();
    for ((i, j), pairing) in pairings {
        for (kind, counts) in pair_matches(&relations[*i], &relations[*j], pairing) {
            matches.entry(kind).or_default().add(counts);
        }
    }
    kinds
        .iter()
        .map(|kind| KindFigures {
            id: kind.id.clone(),
            name: kind.name.clone(),
            counts: relations
                .iter()
                .map(|rs| rs.iter().filter(|(k, ..)| *k == kind.id).count())
                .collect(),
            matches: matches.get(kind.id.as_str()).copied().unwrap_or_default(),
        })
        .collect()
}

/// The matches of reference relations `a` in other relations `b` under `pairing`, per kind.
fn pair_matches<'k>(
    a: &[(&'k str, usize, usize)],
    b: &[(&'k str, usize, usize)],
    pairing: &Pairing,
) -> HashMap<&'k str, RelationMatches> {
    let partner: HashMap<usize, (usize, PairKind)> = pairing
        .pairs
        .iter()
        .map(|&(i, j, kind)| (i, (j, kind)))
        .collect();
    // The other analyst's relations as a multiset, one for each way of matching.
    let mut left_strict: HashMap<(&str, usize, usize), usize> = HashMap::new();
    for &relation in b {
        *left_strict.entry(relation).or_default() += 1;
    }
    let mut left_overlap = left_strict.clone();
    let mut counts: HashMap<&str, RelationMatches> = HashMap::new();
    for &(kind, _, _) in b {
        counts.entry(kind).or_default().other += 1;
    }
    for &(kind, from, to) in a {
        let entry = counts.entry(kind).or_default();
        entry.reference += 1;
        let (Some(&(from_b, from_pair)), Some(&(to_b, to_pair))) =
            (partner.get(&from), partner.get(&to))
        else {
            continue;
        };
        let key = (kind, from_b, to_b);
        if from_pair == PairKind::Same && to_pair == PairKind::Same && take(&mut left_strict, key) {
            entry.strict += 1;
        }
        if take(&mut left_overlap, key) {
            entry.overlap += 1;
        }
    }
    counts
}

/// Takes one relation `key` out of the multiset `left`, if one is left.
fn take<'k>(
    left: &mut HashMap<(&'k str, usize, usize), usize>,
    key: (&'k str, usize, usize),
) -> bool {
    match left.get_mut(&key) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

/// One analyst's relation within a [`RelationItem`], with the quotes of its ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationMember {
    pub analyst: usize,
    pub relation: crate::model::Relation,
    pub from_quote: String,
    pub to_quote: String,
}

/// Corresponding relations of the analysts: the same kind between annotations of the same two
/// items (see [`super::items`]). An agreement when every analyst has one, else a difference
/// ("only in" those who have it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationItem {
    pub kind: String,
    /// The items (indices into the document's items) of the relation's two ends.
    pub from_item: usize,
    pub to_item: usize,
    /// Sorted by analyst.
    pub members: Vec<RelationMember>,
    pub agreement: bool,
}

impl RelationItem {
    /// Analysts with a relation in this item, in order, without repeats.
    #[must_use]
    pub fn analysts(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.members.iter().map(|m| m.analyst).collect();
        out.dedup();
        out
    }
}

/// Groups the analysts' relations between compared annotations into [`RelationItem`]s, ordered by
/// the items of their ends and their kind. `item_of(analyst, annotation id)` is the item an
/// annotation landed in.
pub(super) fn relation_items(
    docs: &[&Document],
    item_of: &HashMap<(usize, &str), usize>,
) -> Vec<RelationItem> {
    let mut grouped: std::collections::BTreeMap<(usize, usize, &str), Vec<RelationMember>> =
        std::collections::BTreeMap::new();
    for (analyst, doc) in docs.iter().enumerate() {
        for relation in doc.relations() {
            let (Some(&from), Some(&to)) = (
                item_of.get(&(analyst, relation.from.as_str())),
                item_of.get(&(analyst, relation.to.as_str())),
            ) else {
                continue;
            };
            let quote = |id: &str| {
                doc.annotation(id)
                    .map(|a| a.quote.clone())
                    .unwrap_or_default()
            };
            grouped
                .entry((from, to, relation.kind.as_str()))
                .or_default()
                .push(RelationMember {
                    analyst,
                    relation: relation.clone(),
                    from_quote: quote(&relation.from),
                    to_quote: quote(&relation.to),
                });
        }
    }
    grouped
        .into_iter()
        .map(|((from_item, to_item, kind), members)| {
            let mut present: Vec<usize> = members.iter().map(|m| m.analyst).collect();
            present.dedup();
            RelationItem {
                kind: kind.to_owned(),
                from_item,
                to_item,
                agreement: present.len() == docs.len(),
                members,
            }
        })
        .collect()
}
