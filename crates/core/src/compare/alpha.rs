//! Krippendorff's alpha for coded units with missing values, nominal and interval.
//!
//! Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*. Annenberg School for
//! Communication, University of Pennsylvania. <https://repository.upenn.edu/asc_papers/43>
//!
//! Each unit is coded by some of the coders; a missing value is `None`. Units with fewer than two
//! values cannot be paired and are left out. From the values of each unit `u` with `m_u ≥ 2`
//! values, every ordered pair of values from different coders adds `1 / (m_u − 1)` to the
//! coincidence matrix `o_ck`; `n_c = Σ_k o_ck` and `n = Σ_c n_c`. Then
//!
//! ```text
//! D_o = Σ_c Σ_k o_ck · δ²(c, k) / n
//! D_e = Σ_c Σ_k n_c · n_k · δ²(c, k) / (n · (n − 1))
//! α   = 1 − D_o / D_e
//! ```
//!
//! with `δ² = 0` for equal and `1` for different values (nominal), or `(c − k)²` (interval).
//! α is undefined (`None`) when no unit has two values or when the pairable values do not vary
//! (`D_e = 0`): there is then nothing for the coders to agree or disagree on.

/// How far apart two values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Categories: two values either agree or not.
    Nominal,
    /// Numbers on an interval scale: the squared difference.
    Interval,
}

impl Metric {
    fn squared_distance(self, a: f64, b: f64) -> f64 {
        match self {
            // Values are labels here, so exact comparison is what is meant.
            #[allow(clippy::float_cmp)]
            Self::Nominal => f64::from(u8::from(a != b)),
            Self::Interval => (a - b) * (a - b),
        }
    }
}

/// Krippendorff's alpha of `units`, each the values its coders gave (`None` = not coded); see the
/// module docs. Every unit should list the coders in the same order, though only the values count.
#[must_use]
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], metric: Metric) -> Option<f64> {
    let mut values: Vec<f64> = units.iter().flatten().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let index_of = |v: f64| values.partition_point(|&x| x < v);

    let size = values.len();
    let mut coincidence = vec![0.0; size * size];
    for unit in units {
        let coded: Vec<usize> = unit.iter().flatten().map(|&v| index_of(v)).collect();
        let m = coded.len();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m as f64 - 1.0);
        for (i, &c) in coded.iter().enumerate() {
            for (j, &k) in coded.iter().enumerate() {
                if i != j {
                    coincidence[c * size + k] += weight;
                }
            }
        }
    }

    let marginals: Vec<f64> = (0..size)
        .map(|c| coincidence[c * size..(c + 1) * size].iter().sum())
        .collect();
    let n: f64 = marginals.iter().sum();
    if n < 2.0 {
        return None;
    }
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..size {
        for k in 0..size {
            let distance = metric.squared_distance(values[c], values[k]);
            observed += coincidence[c * size + k] * distance;
            expected += marginals[c] * marginals[k] * distance;
        }
    }
    let observed = observed / n;
    let expected = expected / (n * (n - 1.0));
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff (2011), the worked example with missing values: 4 coders × 12 units.
    fn reliability_data() -> Vec<Vec<Option<f64>>> {
        let coders = [
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ];
        let rows: Vec<Vec<Option<f64>>> = coders
            .iter()
            .map(|row| row.split(' ').map(|v| v.parse().ok()).collect())
            .collect();
        (0..12)
            .map(|unit| rows.iter().map(|row| row[unit]).collect())
            .collect()
    }

    #[test]
    fn reproduces_the_published_nominal_alpha() {
        let alpha = krippendorff_alpha(&reliability_data(), Metric::Nominal).unwrap();
        assert!((alpha - 113.0 / 152.0).abs() < 1e-12, "{alpha}");
        assert!((alpha - 0.743421).abs() < 5e-7);
    }

    #[test]
    fn reproduces_the_published_interval_alpha() {
        let alpha = krippendorff_alpha(&reliability_data(), Metric::Interval).unwrap();
        assert!((alpha - 951.0 / 1120.0).abs() < 1e-12, "{alpha}");
        assert!((alpha - 0.849107).abs() < 5e-7);
    }

    #[test]
    fn perfect_agreement_is_one_and_no_variation_is_undefined() {
        let agree = vec![vec![Some(1.0), Some(1.0)], vec![Some(2.0), Some(2.0)]];
        assert_eq!(krippendorff_alpha(&agree, Metric::Nominal), Some(1.0));
        let constant = vec![vec![Some(1.0), Some(1.0)], vec![Some(1.0), None]];
        assert_eq!(krippendorff_alpha(&constant, Metric::Nominal), None);
        let unpaired = vec![vec![Some(1.0), None], vec![None, Some(2.0)]];
        assert_eq!(krippendorff_alpha(&unpaired, Metric::Interval), None);
        assert_eq!(krippendorff_alpha(&[], Metric::Nominal), None);
    }
}
