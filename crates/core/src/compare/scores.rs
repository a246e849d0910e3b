//! Precision, recall and F1 from match counts, and the SemEval-2013 task 9.1 counts they come
//! from.
//!
//! Segura-Bedmar, I., Martínez, P., Herrero-Zazo, M. (2013). SemEval-2013 Task 9: Extraction of
//! Drug-Drug Interactions from Biomedical Texts. *Proc. SemEval 2013*, 341–350 — the four
//! schemes of task 9.1, as counted by `nervaluate`:
//!
//! | pair of spans (reference, other)        | strict | exact | partial | type |
//! | --------------------------------------- | ------ | ----- | ------- | ---- |
//! | same boundaries, same label             | COR    | COR   | COR     | COR  |
//! | same boundaries, different label        | INC    | COR   | COR     | INC  |
//! | overlapping, same label                 | INC    | INC   | PAR     | COR  |
//! | overlapping, different label            | INC    | INC   | PAR     | INC  |
//! | reference span with no partner          | MIS    | MIS   | MIS     | MIS  |
//! | other span with no partner              | SPU    | SPU   | SPU     | SPU  |
//!
//! `possible = COR + INC + PAR + MIS` (the reference's spans), `actual = COR + INC + PAR + SPU`
//! (the other's), precision `= (COR + ½ PAR) / actual`, recall `= (COR + ½ PAR) / possible`, F1
//! `= 2 (COR + ½ PAR) / (possible + actual)` (PAR is 0 outside the partial scheme).
//!
//! Precision is undefined (`None`) when the other analyst has no spans, recall when the reference
//! has none; F1 only when neither has any — there is then nothing to match.

use serde::Serialize;

use super::matching::{PairKind, Pairing};

/// Precision, recall and F1 (each in `[0, 1]`, `None` when undefined, see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl Prf {
    /// From a matched amount (`COR + ½ PAR`) and the sizes of the reference and the other side.
    #[must_use]
    pub fn from_counts(matched: f64, reference: usize, other: usize) -> Self {
        let ratio = |part: f64, whole: usize| (whole > 0).then(|| part / whole as f64);
        Self {
            precision: ratio(matched, other),
            recall: ratio(matched, reference),
            f1: ratio(2.0 * matched, reference + other),
        }
    }
}

/// The counts of one SemEval scheme, with its scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SchemeCounts {
    pub correct: usize,
    pub incorrect: usize,
    pub partial: usize,
    pub missing: usize,
    pub spurious: usize,
}

impl SchemeCounts {
    /// The reference's spans: `COR + INC + PAR + MIS`.
    #[must_use]
    pub fn possible(self) -> usize {
        self.correct + self.incorrect + self.partial + self.missing
    }

    /// The other analyst's spans: `COR + INC + PAR + SPU`.
    #[must_use]
    pub fn actual(self) -> usize {
        self.correct + self.incorrect + self.partial + self.spurious
    }

    #[must_use]
    pub fn scores(self) -> Prf {
        let matched = self.correct as f64 + 0.5 * self.partial as f64;
        Prf::from_counts(matched, self.possible(), self.actual())
    }

    fn add(&mut self, other: Self) {
        self.correct += other.correct;
        self.incorrect += other.incorrect;
        self.partial += other.partial;
        self.missing += other.missing;
        self.spurious += other.spurious;
    }
}

/// The four SemEval-2013 schemes for one reference and one other analyst (or summed over pairs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SemEval {
    pub strict: SchemeCounts,
    pub exact: SchemeCounts,
    pub partial: SchemeCounts,
    pub type_: SchemeCounts,
}

/// One cell of the table in the module docs.
#[derive(Clone, Copy)]
enum Cell {
    Cor,
    Inc,
    Par,
}

impl SemEval {
    /// Counts the pairing of a reference (`a`) with another analyst (`b`).
    #[must_use]
    pub fn from_pairing(pairing: &Pairing) -> Self {
        use Cell::{Cor, Inc, Par};
        let mut counts = Self::default();
        for &(_, _, kind) in &pairing.pairs {
            let row = match kind {
                PairKind::Same => [Cor, Cor, Cor, Cor],
                PairKind::LabelDiffers => [Inc, Cor, Cor, Inc],
                PairKind::BoundariesDiffer => [Inc, Inc, Par, Cor],
                PairKind::BothDiffer => [Inc, Inc, Par, Inc],
            };
            for (scheme, cell) in counts.schemes_mut().into_iter().zip(row) {
                match cell {
                    Cor => scheme.correct += 1,
                    Inc => scheme.incorrect += 1,
                    Par => scheme.partial += 1,
                }
            }
        }
        for scheme in counts.schemes_mut() {
            scheme.missing += pairing.only_a.len();
            scheme.spurious += pairing.only_b.len();
        }
        counts
    }

    fn schemes_mut(&mut self) -> [&mut SchemeCounts; 4] {
        [
            &mut self.strict,
            &mut self.exact,
            &mut self.partial,
            &mut self.type_,
        ]
    }

    /// Adds another pair's counts (micro-averaging over pairs of analysts).
    pub fn add(&mut self, other: &Self) {
        self.strict.add(other.strict);
        self.exact.add(other.exact);
        self.partial.add(other.partial);
        self.type_.add(other.type_);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_match_is_undefined_and_one_side_empty_scores_zero() {
        assert_eq!(
            Prf::from_counts(0.0, 0, 0),
            Prf {
                precision: None,
                recall: None,
                f1: None
            }
        );
        let spurious_only = Prf::from_counts(0.0, 0, 3);
        assert_eq!(spurious_only.precision, Some(0.0));
        assert_eq!(spurious_only.recall, None);
        assert_eq!(spurious_only.f1, Some(0.0));
    }
}
