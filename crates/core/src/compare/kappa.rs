//! Cohen's kappa (two raters) and Fleiss' kappa (any number of raters) over categorical ratings,
//! with weighted subjects so a run of identical characters counts once with its length.
//!
//! - Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
//!   Psychological Measurement* 20(1), 37–46. From the confusion matrix `m` (rater 1 rows, rater
//!   2 columns) with total `N`: `p_o = Σ_i m_ii / N`, `p_e = Σ_i (row_i / N)(col_i / N)`,
//!   `κ = (p_o − p_e) / (1 − p_e)`.
//! - Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. *Psychological
//!   Bulletin* 76(5), 378–382. Each subject `i` is rated by the same number `n` of raters, `n_ij`
//!   of them choosing category `j`: `P_i = (Σ_j n_ij² − n) / (n(n − 1))`, `P̄` their mean,
//!   `p_j` the share of all ratings in category `j`, `P̄_e = Σ_j p_j²`,
//!   `κ = (P̄ − P̄_e) / (1 − P̄_e)`.
//!
//! Kappa is undefined (`None`) when there are no subjects, or when chance agreement is already
//! total (`p_e = 1`: every rating falls in one category, e.g. a label nobody used) — agreement
//! beyond chance cannot be measured then.

/// Cohen's kappa of a square confusion matrix (`matrix[i][j]`: weight of subjects rater 1 put in
/// category `i` and rater 2 in category `j`).
#[must_use]
pub fn cohen_kappa(matrix: &[Vec<f64>]) -> Option<f64> {
    let total: f64 = matrix.iter().flatten().sum();
    if total <= 0.0 {
        return None;
    }
    let size = matrix.len();
    let observed = (0..size).map(|i| matrix[i][i]).sum::<f64>() / total;
    let expected = (0..size)
        .map(|i| {
            let row: f64 = matrix[i].iter().sum();
            let column: f64 = matrix.iter().map(|r| r[i]).sum();
            (row / total) * (column / total)
        })
        .sum::<f64>();
    kappa(observed, expected)
}

/// Accumulates Fleiss' kappa subject by subject.
#[derive(Debug, Clone)]
pub struct Fleiss {
    raters: usize,
    /// Σ weight · P_i.
    agreement: f64,
    /// Σ weight · n_ij per category.
    category_totals: Vec<f64>,
    /// Σ weight.
    subjects: f64,
}

impl Fleiss {
    /// An empty table for `raters` raters and `categories` categories.
    #[must_use]
    pub fn new(raters: usize, categories: usize) -> Self {
        Self {
            raters,
            agreement: 0.0,
            category_totals: vec![0.0; categories],
            subjects: 0.0,
        }
    }

    /// Adds `weight` subjects whose ratings per category are `counts` (summing to the raters).
    pub fn add(&mut self, counts: &[usize], weight: f64) {
        debug_assert_eq!(counts.iter().sum::<usize>(), self.raters);
        let n = self.raters as f64;
        let squares: f64 = counts.iter().map(|&c| (c * c) as f64).sum();
        self.agreement += weight * (squares - n) / (n * (n - 1.0));
        for (total, &count) in self.category_totals.iter_mut().zip(counts) {
            *total += weight * count as f64;
        }
        self.subjects += weight;
    }

    /// Fleiss' kappa of the subjects added so far.
    #[must_use]
    pub fn kappa(&self) -> Option<f64> {
        if self.subjects <= 0.0 || self.raters < 2 {
            return None;
        }
        let ratings = self.subjects * self.raters as f64;
        let observed = self.agreement / self.subjects;
        let expected = self
            .category_totals
            .iter()
            .map(|t| (t / ratings) * (t / ratings))
            .sum();
        kappa(observed, expected)
    }
}

fn kappa(observed: f64, expected: f64) -> Option<f64> {
    // Rounding can leave p_e a hair under 1 when every rating is in one category.
    (expected < 1.0 - 1e-12).then(|| (observed - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reproduces_cohens_1960_example() {
        let matrix = vec![
            vec![88.0, 14.0, 18.0],
            vec![10.0, 40.0, 10.0],
            vec![2.0, 6.0, 12.0],
        ];
        let kappa = cohen_kappa(&matrix).unwrap();
        assert!((kappa - 29.0 / 59.0).abs() < 1e-12, "{kappa}");
        assert!((kappa - 0.491525).abs() < 5e-7);
    }

    #[test]
    fn reproduces_the_fleiss_example() {
        let table = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let mut fleiss = Fleiss::new(14, 5);
        for row in &table {
            fleiss.add(row, 1.0);
        }
        let kappa = fleiss.kappa().unwrap();
        assert!((kappa - 0.209931).abs() < 5e-7, "{kappa}");
    }

    #[test]
    fn weights_count_like_repeated_subjects() {
        let mut once = Fleiss::new(3, 2);
        once.add(&[3, 0], 5.0);
        once.add(&[1, 2], 2.0);
        let mut repeated = Fleiss::new(3, 2);
        for _ in 0..5 {
            repeated.add(&[3, 0], 1.0);
        }
        for _ in 0..2 {
            repeated.add(&[1, 2], 1.0);
        }
        assert!((once.kappa().unwrap() - repeated.kappa().unwrap()).abs() < 1e-12);
    }

    #[test]
    fn one_category_everywhere_is_undefined() {
        assert_eq!(cohen_kappa(&[vec![10.0, 0.0], vec![0.0, 0.0]]), None);
        assert_eq!(cohen_kappa(&[vec![0.0, 0.0], vec![0.0, 0.0]]), None);
        let mut fleiss = Fleiss::new(3, 2);
        fleiss.add(&[0, 3], 100.0);
        assert_eq!(fleiss.kappa(), None);
        assert_eq!(Fleiss::new(3, 2).kappa(), None);
    }

    #[test]
    fn perfect_agreement_is_one() {
        let kappa = cohen_kappa(&[vec![3.0, 0.0], vec![0.0, 7.0]]).unwrap();
        assert!((kappa - 1.0).abs() < 1e-12);
    }
}
