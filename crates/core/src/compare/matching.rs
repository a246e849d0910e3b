//! Pairing two analysts' annotations of one document: which spans correspond, and how.
//!
//! Over all labels ([`pair_annotations`]), in three passes, each only among spans not yet paired:
//! 1. same boundaries and same label;
//! 2. same boundaries, different label;
//! 3. overlapping spans, one-to-one, maximising total overlap in chars (ties go to the pairing
//!    with more same-label pairs; see [`super::assignment`]).
//!
//! Per label ([`label_matches`]): **strict** counts spans with the same boundaries, **overlap**
//! pairs overlapping spans one-to-one so that the total overlap is as large as possible.
//! Offsets are chars.

use std::collections::HashMap;

use super::assignment::max_weight_pairs;
use crate::model::{Annotation, Span};

/// How two paired annotations relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Same boundaries, same label.
    Same,
    /// Same boundaries, different label.
    LabelDiffers,
    /// Same label, overlapping with different boundaries.
    BoundariesDiffer,
    /// Overlapping with different boundaries and a different label.
    BothDiffer,
}

/// The pairing of analyst A's annotations with analyst B's (indices into the given slices).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    pub pairs: Vec<(usize, usize, PairKind)>,
    /// A's annotations with no partner in B.
    pub only_a: Vec<usize>,
    /// B's annotations with no partner in A.
    pub only_b: Vec<usize>,
}

/// Pairs `a` with `b` over all labels (see the module docs).
#[must_use]
pub fn pair_annotations(a: &[&Annotation], b: &[&Annotation]) -> Pairing {
    let mut partner_of_b: Vec<Option<(usize, PairKind)>> = vec![None; b.len()];
    let mut paired_a = vec![false; a.len()];

    // Passes 1 and 2: identical boundaries, same label first.
    let mut by_span_label: HashMap<(usize, usize, &str), Vec<usize>> = HashMap::new();
    let mut by_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, ann) in a.iter().enumerate().rev() {
        by_span_label
            .entry((ann.start, ann.end, ann.label.as_str()))
            .or_default()
            .push(i);
    }
    for (j, ann) in b.iter().enumerate() {
        if let Some(i) = by_span_label
            .get_mut(&(ann.start, ann.end, ann.label.as_str()))
            .and_then(Vec::pop)
        {
            paired_a[i] = true;
            partner_of_b[j] = Some((i, PairKind::Same));
        }
    }
    for (i, ann) in a.iter().enumerate().rev() {
        if !paired_a[i] {
            by_span.entry((ann.start, ann.end)).or_default().push(i);
        }
    }
    for (j, ann) in b.iter().enumerate() {
        if partner_of_b[j].is_none()
            && let Some(i) = by_span.get_mut(&(ann.start, ann.end)).and_then(Vec::pop)
        {
            paired_a[i] = true;
            partner_of_b[j] = Some((i, PairKind::LabelDiffers));
        }
    }

    // Pass 3: overlaps among what is left.
    let rest_a: Vec<usize> = (0..a.len()).filter(|&i| !paired_a[i]).collect();
    let rest_b: Vec<usize> = (0..b.len())
        .filter(|&j| partner_of_b[j].is_none())
        .collect();
    let spans_a: Vec<Span> = rest_a.iter().map(|&i| a[i].span()).collect();
    let spans_b: Vec<Span> = rest_b.iter().map(|&j| b[j].span()).collect();
    let weight = |x: usize, y: usize| {
        let same_label = a[rest_a[x]].label == b[rest_b[y]].label;
        2 * overlap(spans_a[x], spans_b[y]) + u64::from(same_label)
    };
    for (x, y) in max_weight_pairs(&spans_a, &spans_b, weight) {
        let (i, j) = (rest_a[x], rest_b[y]);
        let kind = if a[i].label == b[j].label {
            PairKind::BoundariesDiffer
        } else {
            PairKind::BothDiffer
        };
        paired_a[i] = true;
        partner_of_b[j] = Some((i, kind));
    }

    let mut pairs: Vec<(usize, usize, PairKind)> = partner_of_b
        .iter()
        .enumerate()
        .filter_map(|(j, p)| p.map(|(i, kind)| (i, j, kind)))
        .collect();
    pairs.sort_unstable_by_key(|&(i, j, _)| (i, j));
    Pairing {
        pairs,
        only_a: (0..a.len()).filter(|&i| !paired_a[i]).collect(),
        only_b: (0..b.len())
            .filter(|&j| partner_of_b[j].is_none())
            .collect(),
    }
}

/// Chars two spans share.
#[must_use]
pub fn overlap(a: Span, b: Span) -> u64 {
    a.end.min(b.end).saturating_sub(a.start.max(b.start)) as u64
}

/// How one label's spans of two analysts match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelMatches {
    /// The reference analyst's spans of the label.
    pub reference: usize,
    /// The other analyst's spans of the label.
    pub other: usize,
    /// Spans with the same boundaries in both (each span counted once).
    pub strict: usize,
    /// Pairs of overlapping spans in the best one-to-one pairing.
    pub overlap: usize,
}

impl LabelMatches {
    /// Adds another pair's counts (micro-averaging over pairs of analysts).
    pub fn add(&mut self, other: Self) {
        self.reference += other.reference;
        self.other += other.other;
        self.strict += other.strict;
        self.overlap += other.overlap;
    }
}

/// Strict and overlap matches of `label` between `a` (the reference) and `b`.
#[must_use]
pub fn label_matches(a: &[&Annotation], b: &[&Annotation], label: &str) -> LabelMatches {
    let spans = |anns: &[&Annotation]| -> Vec<Span> {
        anns.iter()
            .filter(|x| x.label == label)
            .map(|x| x.span())
            .collect()
    };
    let (spans_a, spans_b) = (spans(a), spans(b));
    let mut remaining: HashMap<Span, usize> = HashMap::new();
    for s in &spans_a {
        *remaining.entry(*s).or_default() += 1;
    }
    let strict = spans_b
        .iter()
        .filter(|s| match remaining.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    let overlap =
        max_weight_pairs(&spans_a, &spans_b, |i, j| overlap(spans_a[i], spans_b[j])).len();
    LabelMatches {
        reference: spans_a.len(),
        other: spans_b.len(),
        strict,
        overlap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(label: &str, start: usize, end: usize) -> Annotation {
        Annotation::bare(&format!("{label}-{start}-{end}"), label, start, end)
    }

    #[test]
    fn each_kind_of_pair_is_found() {
        let a = [
            ann("claim", 0, 10),  // same in B
            ann("claim", 20, 30), // B: source 20..30
            ann("norm", 40, 50),  // B: norm 42..50
            ann("claim", 60, 70), // B: source 65..75
            ann("norm", 80, 90),  // only in A
        ];
        let b = [
            ann("claim", 0, 10),
            ann("source", 20, 30),
            ann("norm", 42, 50),
            ann("source", 65, 75),
            ann("claim", 95, 99), // only in B
        ];
        let (a, b): (Vec<&Annotation>, Vec<&Annotation>) = (a.iter().collect(), b.iter().collect());
        let pairing = pair_annotations(&a, &b);
        assert_eq!(
            pairing.pairs,
            vec![
                (0, 0, PairKind::Same),
                (1, 1, PairKind::LabelDiffers),
                (2, 2, PairKind::BoundariesDiffer),
                (3, 3, PairKind::BothDiffer),
            ]
        );
        assert_eq!(pairing.only_a, vec![4]);
        assert_eq!(pairing.only_b, vec![4]);
    }

    #[test]
    fn same_boundaries_win_over_overlap() {
        let a = [ann("claim", 0, 10)];
        let b = [ann("claim", 2, 10), ann("source", 0, 10)];
        let (a, b): (Vec<&Annotation>, Vec<&Annotation>) = (a.iter().collect(), b.iter().collect());
        let pairing = pair_annotations(&a, &b);
        assert_eq!(pairing.pairs, vec![(0, 1, PairKind::LabelDiffers)]);
        assert_eq!(pairing.only_b, vec![0]);
    }

    #[test]
    fn label_matches_count_strict_and_overlap() {
        let a = [
            ann("claim", 0, 10),
            ann("claim", 20, 30),
            ann("claim", 40, 50),
            ann("norm", 0, 10),
        ];
        let b = [
            ann("claim", 0, 10),
            ann("claim", 25, 35),
            ann("claim", 60, 70),
        ];
        let (a, b): (Vec<&Annotation>, Vec<&Annotation>) = (a.iter().collect(), b.iter().collect());
        let m = label_matches(&a, &b, "claim");
        assert_eq!(
            m,
            LabelMatches {
                reference: 3,
                other: 3,
                strict: 1,
                overlap: 2
            }
        );
        assert_eq!(label_matches(&a, &b, "norm").overlap, 0);
    }
}
