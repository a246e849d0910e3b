//! Krippendorff's unitizing alpha (α_U): agreement on where units of one category begin and end,
//! over a continuum of char offsets.
//!
//! Krippendorff, K. (1995). On the reliability of unitizing continuous data. *Sociological
//! Methodology* 25, 47–76; Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
//! Methodology*, 2nd ed., §12.4; computed as in DKPro Agreement's
//! `KrippendorffAlphaUnitizingAgreement` (Meyer et al., 2014).
//!
//! Each of the `R` analysts divides the continuum `[0, L)` (the document's text, in chars) into
//! units of the category and the gaps between them. For two segments `g` (begin `b_g`, length
//! `l_g`) and `h` of different analysts that lie opposite each other:
//!
//! ```text
//! δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²   both units, overlapping
//!          = l_g²                                       unit g inside gap h
//!          = l_h²                                       unit h inside gap g
//!          = 0                                          otherwise
//! D_o = 2 · Σ_{analyst pairs} Σ_{g,h} δ²(g, h) / (R (R − 1) L²)
//! D_e = (2 / L) · Σ_units [ (N − 1)/3 · (2l³ − 3l² + l) + l² · Σ_{gaps γ ≥ l} (γ − l + 1) ]
//!       / (R L (R L − 1) − Σ_units l (l − 1))
//! α_U = 1 − D_o / D_e
//! ```
//!
//! where `N` is the number of units of the category over all analysts, and the gaps are those of
//! all analysts. Over several categories, α_U = 1 − Σ D_o / Σ D_e.
//!
//! α_U needs each analyst's units of one category not to overlap. Where an analyst has
//! overlapping spans of the same label, [`union_overlapping`] joins them into one unit (their
//! union) and counts how many spans were joined into another, so the report can say so.

use crate::model::Span;

/// Observed and expected disagreement of one category (or their sums over categories).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl Disagreement {
    /// α_U = 1 − D_o / D_e; undefined (`None`) when `D_e = 0`, which happens exactly when nobody
    /// coded the category (or the text is empty): there is nothing to agree on.
    #[must_use]
    pub fn alpha(self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }
}

impl std::ops::AddAssign for Disagreement {
    fn add_assign(&mut self, other: Self) {
        self.observed += other.observed;
        self.expected += other.expected;
    }
}

/// Sorts `spans` and joins overlapping ones (spans that only touch stay apart; empty spans are
/// dropped). Returns the units and how many spans were joined into an earlier one.
#[must_use]
pub fn union_overlapping(spans: impl IntoIterator<Item = Span>) -> (Vec<Span>, usize) {
    let mut spans: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
    spans.sort_unstable();
    let mut units: Vec<Span> = Vec::with_capacity(spans.len());
    let mut joined = 0;
    for span in spans {
        match units.last_mut() {
            Some(last) if span.start < last.end => {
                last.end = last.end.max(span.end);
                joined += 1;
            }
            _ => units.push(span),
        }
    }
    (units, joined)
}

/// A unit or a gap of one analyst's division of the continuum.
#[derive(Debug, Clone, Copy)]
struct Segment {
    begin: f64,
    length: f64,
    unit: bool,
}

/// Splits `[0, length)` into `units` (sorted, non-overlapping) and the gaps between them.
fn segments(length: usize, units: &[Span]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    let mut push = |begin: usize, end: usize, unit: bool| {
        if end > begin {
            out.push(Segment {
                begin: begin as f64,
                length: (end - begin) as f64,
                unit,
            });
        }
    };
    for unit in units {
        push(at, unit.start, false);
        push(unit.start, unit.end.min(length), true);
        at = unit.end.min(length);
    }
    push(at, length, false);
    out
}

fn squared_distance(g: Segment, h: Segment) -> f64 {
    let begin_diff = g.begin - h.begin;
    let length_diff = g.length - h.length;
    match (g.unit, h.unit) {
        (true, true) if -g.length < begin_diff && begin_diff < h.length => {
            begin_diff * begin_diff + (begin_diff + length_diff) * (begin_diff + length_diff)
        }
        (true, false) if -length_diff >= begin_diff && begin_diff >= 0.0 => g.length * g.length,
        (false, true) if -length_diff <= begin_diff && begin_diff <= 0.0 => h.length * h.length,
        _ => 0.0,
    }
}

/// D_o and D_e of one category over `[0, length)` chars; `raters[r]` holds analyst `r`'s units,
/// sorted and non-overlapping (see [`union_overlapping`]).
#[must_use]
pub fn disagreement(length: usize, raters: &[Vec<Span>]) -> Disagreement {
    let r = raters.len() as f64;
    let l = length as f64;
    if length == 0 || raters.len() < 2 {
        return Disagreement::default();
    }
    let divisions: Vec<Vec<Segment>> = raters.iter().map(|u| segments(length, u)).collect();

    let mut observed = 0.0;
    for (i, first) in divisions.iter().enumerate() {
        for second in &divisions[i + 1..] {
            observed += opposite_pairs_distance(first, second);
        }
    }
    let observed = 2.0 * observed / (r * (r - 1.0) * l * l);

    let units: Vec<f64> = divisions
        .iter()
        .flatten()
        .filter(|s| s.unit)
        .map(|s| s.length)
        .collect();
    let mut gaps: Vec<f64> = divisions
        .iter()
        .flatten()
        .filter(|s| !s.unit)
        .map(|s| s.length)
        .collect();
    gaps.sort_by(f64::total_cmp);
    // suffix[i] = Σ gaps[i..]
    let mut suffix = vec![0.0; gaps.len() + 1];
    for i in (0..gaps.len()).rev() {
        suffix[i] = suffix[i + 1] + gaps[i];
    }
    let n = units.len() as f64;
    let mut numerator = 0.0;
    let mut squared_lengths = 0.0;
    for &u in &units {
        let first_fitting = gaps.partition_point(|&g| g < u);
        let fitting = (gaps.len() - first_fitting) as f64;
        let positions = suffix[first_fitting] - (u - 1.0) * fitting;
        numerator += (n - 1.0) / 3.0 * (2.0 * u * u * u - 3.0 * u * u + u) + u * u * positions;
        squared_lengths += u * (u - 1.0);
    }
    let denominator = r * l * (r * l - 1.0) - squared_lengths;
    let expected = if denominator > 0.0 {
        (2.0 / l) * numerator / denominator
    } else {
        0.0
    };
    Disagreement { observed, expected }
}

/// Σ δ² over every pair of segments of two divisions that lie opposite each other.
fn opposite_pairs_distance(first: &[Segment], second: &[Segment]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while i < first.len() && j < second.len() {
        let (g, h) = (first[i], second[j]);
        sum += squared_distance(g, h);
        let (g_end, h_end) = (g.begin + g.length, h.begin + h.length);
        if g_end <= h_end {
            i += 1;
        }
        if h_end <= g_end {
            j += 1;
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    /// The example of DKPro Agreement's unitizing tests: one long unit against three short ones.
    #[test]
    fn reproduces_the_known_example() {
        let d = disagreement(10, &[spans(&[(1, 9)]), spans(&[(2, 3), (4, 5), (6, 7)])]);
        assert!((d.observed - 0.91).abs() < 1e-12, "{d:?}");
        assert!((d.expected - 173.4 / 324.0).abs() < 1e-12, "{d:?}");
        let alpha = d.alpha().unwrap();
        assert!((alpha - -0.700346).abs() < 5e-7, "{alpha}");
    }

    #[test]
    fn identical_units_agree_perfectly() {
        let units = spans(&[(0, 3), (5, 9)]);
        let d = disagreement(20, &[units.clone(), units.clone(), units]);
        assert!(d.observed.abs() < 1e-15);
        assert_eq!(d.alpha(), Some(1.0));
    }

    #[test]
    fn nobody_coding_is_undefined() {
        assert_eq!(disagreement(20, &[vec![], vec![]]).alpha(), None);
        assert_eq!(disagreement(0, &[vec![], vec![]]).alpha(), None);
    }

    #[test]
    fn union_joins_overlaps_and_counts_them() {
        let (units, joined) = union_overlapping(spans(&[(5, 9), (0, 3), (2, 4), (4, 6), (9, 10)]));
        assert_eq!(units, spans(&[(0, 4), (4, 9), (9, 10)]));
        assert_eq!(joined, 2);
    }

    /// D_e written as in DKPro: a double loop over units and gaps.
    fn expected_naive(length: usize, raters: &[Vec<Span>]) -> f64 {
        let divisions: Vec<Vec<Segment>> = raters.iter().map(|u| segments(length, u)).collect();
        let all: Vec<Segment> = divisions.into_iter().flatten().collect();
        let n = all.iter().filter(|s| s.unit).count() as f64;
        let (r, l) = (raters.len() as f64, length as f64);
        let mut sum = 0.0;
        let mut squares = 0.0;
        for u in all.iter().filter(|s| s.unit).map(|s| s.length) {
            sum += (n - 1.0) / 3.0 * (2.0 * u * u * u - 3.0 * u * u + u);
            for g in all.iter().filter(|s| !s.unit).map(|s| s.length) {
                if g >= u {
                    sum += (g - u + 1.0) * u * u;
                }
            }
            squares += u * (u - 1.0);
        }
        (2.0 / l) * sum / (r * l * (r * l - 1.0) - squares)
    }

    proptest! {
        #[test]
        fn fast_expected_disagreement_equals_the_double_loop(
            raw in proptest::collection::vec(proptest::collection::vec((0usize..60, 1usize..12), 0..6), 2..4)
        ) {
            let raters: Vec<Vec<Span>> = raw
                .iter()
                .map(|r| union_overlapping(r.iter().map(|&(s, len)| Span::new(s, (s + len).min(64)))).0)
                .collect();
            let fast = disagreement(64, &raters).expected;
            let naive = expected_naive(64, &raters);
            prop_assert!((fast - naive).abs() <= 1e-9 * naive.abs().max(1.0), "{} vs {}", fast, naive);
        }
    }
}
