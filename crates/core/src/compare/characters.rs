//! Chance-corrected agreement over characters, per label: every char of the text is a subject
//! that each analyst either put inside a span of the label or not, and Cohen's kappa (two
//! analysts) or Fleiss' kappa (three or more) is taken over those yes/no ratings.
//!
//! With `exclude_uncoded`, only chars that at least one analyst coded (with any label) count:
//! on mostly uncoded text the many chars nobody coded otherwise inflate agreement.
//!
//! The text is swept run by run (a stretch of chars where no span starts or ends), so the cost
//! follows the number of spans, not the length of the text. Offsets are chars.

use super::kappa::{Fleiss, cohen_kappa};
use crate::model::Span;

/// Kappa of one label over `[0, length)`: `units[r]` are analyst `r`'s spans of the label,
/// sorted and non-overlapping; `coded`, if given, the sorted non-overlapping chars anybody coded
/// (only those count). `None` when undefined (see [`super::kappa`]).
#[must_use]
pub fn label_kappa(length: usize, units: &[Vec<Span>], coded: Option<&[Span]>) -> Option<f64> {
    let mut cuts: Vec<usize> = vec![0, length];
    for span in units.iter().flatten().chain(coded.unwrap_or_default()) {
        cuts.extend([span.start.min(length), span.end.min(length)]);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let raters = units.len();
    let mut cursors = vec![0; raters];
    let mut coded_cursor = 0;
    let mut confusion = vec![vec![0.0; 2]; 2];
    let mut fleiss = Fleiss::new(raters, 2);
    let mut inside = vec![false; raters];
    for run in cuts.windows(2) {
        let (at, weight) = (run[0], (run[1] - run[0]) as f64);
        if let Some(coded) = coded
            && !covers(coded, &mut coded_cursor, at)
        {
            continue;
        }
        for (r, spans) in units.iter().enumerate() {
            inside[r] = covers(spans, &mut cursors[r], at);
        }
        if raters == 2 {
            confusion[usize::from(inside[0])][usize::from(inside[1])] += weight;
        } else {
            let yes = inside.iter().filter(|&&x| x).count();
            fleiss.add(&[yes, raters - yes], weight);
        }
    }
    if raters == 2 {
        cohen_kappa(&confusion)
    } else {
        fleiss.kappa()
    }
}

/// Whether char `at` lies in one of `spans` (sorted, non-overlapping); `cursor` only moves
/// forward, so a sweep in increasing `at` is linear.
fn covers(spans: &[Span], cursor: &mut usize, at: usize) -> bool {
    while *cursor < spans.len() && spans[*cursor].end <= at {
        *cursor += 1;
    }
    spans.get(*cursor).is_some_and(|s| s.start <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    /// Brute force: one subject per char.
    fn per_char_confusion(
        length: usize,
        a: &[Span],
        b: &[Span],
        coded: Option<&[Span]>,
    ) -> Vec<Vec<f64>> {
        let inside = |spans: &[Span], c: usize| spans.iter().any(|s| s.contains_char(c));
        let mut m = vec![vec![0.0; 2]; 2];
        for c in 0..length {
            if coded.is_some_and(|coded| !inside(coded, c)) {
                continue;
            }
            m[usize::from(inside(a, c))][usize::from(inside(b, c))] += 1.0;
        }
        m
    }

    #[test]
    fn runs_give_the_same_kappa_as_single_chars() {
        let a = spans(&[(2, 10), (30, 45)]);
        let b = spans(&[(4, 12), (30, 40), (60, 70)]);
        let coded = spans(&[(2, 12), (30, 45), (60, 70)]);
        for coded in [None, Some(coded.as_slice())] {
            let fast = label_kappa(100, &[a.clone(), b.clone()], coded).unwrap();
            let slow = cohen_kappa(&per_char_confusion(100, &a, &b, coded)).unwrap();
            assert!((fast - slow).abs() < 1e-12, "{fast} vs {slow}");
        }
    }

    #[test]
    fn leaving_out_uncoded_chars_lowers_inflated_agreement() {
        let a = spans(&[(0, 10)]);
        let b = spans(&[(5, 15)]);
        let all = label_kappa(1000, &[a.clone(), b.clone()], None).unwrap();
        let coded = spans(&[(0, 15)]);
        let only_coded = label_kappa(1000, &[a, b], Some(&coded)).unwrap();
        assert!(only_coded < all, "{only_coded} < {all}");
    }

    #[test]
    fn three_analysts_use_fleiss() {
        let same = spans(&[(0, 5)]);
        let k = label_kappa(20, &[same.clone(), same.clone(), same], None).unwrap();
        assert!((k - 1.0).abs() < 1e-12);
        assert_eq!(label_kappa(20, &[vec![], vec![], vec![]], None), None);
    }
}
