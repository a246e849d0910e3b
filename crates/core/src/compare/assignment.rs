//! One-to-one pairing of two analysts' spans that maximises a total weight (e.g. overlap in
//! chars), among pairs of spans that overlap.
//!
//! Candidate pairs are found by a sweep over span starts (output-sensitive: the cost follows the
//! number of overlapping pairs). Spans that overlap nothing on the other side are never paired,
//! and the candidate graph falls apart into small connected groups — usually one span of each
//! side — so the optimum is found per group with the Hungarian algorithm (Kuhn 1955, Munkres
//! 1957; the O(n²m) form with potentials). A group with more than [`EXACT_LIMIT`] spans on both
//! sides, which real coding does not produce, is paired greedily by descending weight instead.

use crate::model::Span;

/// Largest group (spans on its smaller side) paired exactly.
pub const EXACT_LIMIT: usize = 300;

/// Pairs indices of `a` with indices of `b`, one-to-one, among pairs whose spans overlap and whose
/// `weight` is positive, so that the total weight is as large as possible. Sorted by `a` index.
#[must_use]
pub fn max_weight_pairs(
    a: &[Span],
    b: &[Span],
    weight: impl Fn(usize, usize) -> u64,
) -> Vec<(usize, usize)> {
    let edges: Vec<(usize, usize, u64)> = overlapping_pairs(a, b)
        .into_iter()
        .map(|(i, j)| (i, j, weight(i, j)))
        .filter(|&(_, _, w)| w > 0)
        .collect();
    let mut pairs = Vec::new();
    for group in groups(a.len(), &edges) {
        pairs.extend(best_pairs(&group));
    }
    pairs.sort_unstable();
    pairs
}

/// Every `(i, j)` whose spans `a[i]` and `b[j]` share at least one char.
fn overlapping_pairs(a: &[Span], b: &[Span]) -> Vec<(usize, usize)> {
    let order = |spans: &[Span]| {
        let mut idx: Vec<usize> = (0..spans.len()).filter(|&i| !spans[i].is_empty()).collect();
        idx.sort_unstable_by_key(|&i| spans[i].start);
        idx
    };
    let (a_order, b_order) = (order(a), order(b));
    let (mut ai, mut bi) = (0, 0);
    let (mut active_a, mut active_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut pairs = Vec::new();
    while ai < a_order.len() || bi < b_order.len() {
        let take_a = bi >= b_order.len()
            || (ai < a_order.len() && a[a_order[ai]].start <= b[b_order[bi]].start);
        if take_a {
            let i = a_order[ai];
            ai += 1;
            active_b.retain(|&j| b[j].end > a[i].start);
            pairs.extend(active_b.iter().map(|&j| (i, j)));
            active_a.push(i);
        } else {
            let j = b_order[bi];
            bi += 1;
            active_a.retain(|&i| a[i].end > b[j].start);
            pairs.extend(active_a.iter().map(|&i| (i, j)));
            active_b.push(j);
        }
    }
    pairs
}

/// The edges split into connected groups (union–find over `a` then `b` indices).
fn groups(a_len: usize, edges: &[(usize, usize, u64)]) -> Vec<Vec<(usize, usize, u64)>> {
    let b_len = edges.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let mut parent: Vec<usize> = (0..a_len + b_len).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(i, j, _) in edges {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, a_len + j));
        parent[ri] = rj;
    }
    let mut by_root: std::collections::HashMap<usize, Vec<(usize, usize, u64)>> =
        std::collections::HashMap::new();
    for &edge in edges {
        let r = root(&mut parent, edge.0);
        by_root.entry(r).or_default().push(edge);
    }
    by_root.into_values().collect()
}

/// The best one-to-one pairs within one connected group of edges.
fn best_pairs(edges: &[(usize, usize, u64)]) -> Vec<(usize, usize)> {
    if let [(i, j, _)] = edges {
        return vec![(*i, *j)];
    }
    let mut rows: Vec<usize> = edges.iter().map(|e| e.0).collect();
    let mut cols: Vec<usize> = edges.iter().map(|e| e.1).collect();
    rows.sort_unstable();
    rows.dedup();
    cols.sort_unstable();
    cols.dedup();
    if rows.len().min(cols.len()) > EXACT_LIMIT {
        return greedy_pairs(edges);
    }
    let transpose = rows.len() > cols.len();
    let (n, m) = if transpose {
        (cols.len(), rows.len())
    } else {
        (rows.len(), cols.len())
    };
    let mut weights = vec![vec![0_i64; m]; n];
    for &(i, j, w) in edges {
        let (r, c) = (
            rows.binary_search(&i).unwrap_or_default(),
            cols.binary_search(&j).unwrap_or_default(),
        );
        let (r, c) = if transpose { (c, r) } else { (r, c) };
        weights[r][c] = i64::try_from(w).unwrap_or(i64::MAX / 4);
    }
    hungarian_max(&weights)
        .into_iter()
        .enumerate()
        .filter_map(|(r, c)| c.map(|c| (r, c)))
        .filter(|&(r, c)| weights[r][c] > 0)
        .map(|(r, c)| {
            if transpose {
                (rows[c], cols[r])
            } else {
                (rows[r], cols[c])
            }
        })
        .collect()
}

fn greedy_pairs(edges: &[(usize, usize, u64)]) -> Vec<(usize, usize)> {
    let mut sorted = edges.to_vec();
    sorted.sort_unstable_by(|x, y| y.2.cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut used_a = std::collections::HashSet::new();
    let mut used_b = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (i, j, _) in sorted {
        if used_a.insert(i) {
            if used_b.insert(j) {
                pairs.push((i, j));
            } else {
                used_a.remove(&i);
            }
        }
    }
    pairs
}

/// Maximum-weight assignment of every row to a distinct column (`rows ≤ columns`): the column
/// of each row.
fn hungarian_max(weights: &[Vec<i64>]) -> Vec<Option<usize>> {
    let n = weights.len();
    let m = weights.first().map_or(0, Vec::len);
    let cost = |i: usize, j: usize| -weights[i][j];
    let (mut u, mut v) = (vec![0_i64; n + 1], vec![0_i64; m + 1]);
    let (mut row_of, mut way) = (vec![0_usize; m + 1], vec![0_usize; m + 1]);
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut min_v = vec![i64::MAX; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let (mut delta, mut j1) = (i64::MAX, 0);
            for j in 1..=m {
                if !used[j] {
                    let current = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if current < min_v[j] {
                        min_v[j] = current;
                        way[j] = j0;
                    }
                    if min_v[j] < delta {
                        delta = min_v[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_v[j] -= delta;
                }
            }
            j0 = j1;
            if row_of[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut column_of = vec![None; n];
    for j in 1..=m {
        if row_of[j] != 0 {
            column_of[row_of[j] - 1] = Some(j - 1);
        }
    }
    column_of
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    fn overlap(a: Span, b: Span) -> u64 {
        (a.end.min(b.end).saturating_sub(a.start.max(b.start))) as u64
    }

    #[test]
    fn prefers_the_pairing_with_most_total_overlap() {
        // Greedy would pair a0–b0 (overlap 6) and leave a1 alone (total 6); the best pairing is
        // a0–b1 (5) and a1–b0 (4): total 9.
        let a = spans(&[(0, 10), (8, 12)]);
        let b = spans(&[(4, 12), (0, 5)]);
        let pairs = max_weight_pairs(&a, &b, |i, j| overlap(a[i], b[j]));
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn spans_that_only_touch_are_not_paired() {
        let a = spans(&[(0, 5)]);
        let b = spans(&[(5, 9)]);
        assert!(max_weight_pairs(&a, &b, |i, j| overlap(a[i], b[j])).is_empty());
    }

    fn brute_force_best(a: &[Span], b: &[Span]) -> u64 {
        fn go(a: &[Span], b: &[Span], i: usize, used: &mut Vec<bool>) -> u64 {
            if i == a.len() {
                return 0;
            }
            let mut best = go(a, b, i + 1, used);
            for j in 0..b.len() {
                let w = overlap(a[i], b[j]);
                if !used[j] && w > 0 {
                    used[j] = true;
                    best = best.max(w + go(a, b, i + 1, used));
                    used[j] = false;
                }
            }
            best
        }
        go(a, b, 0, &mut vec![false; b.len()])
    }

    proptest! {
        #[test]
        fn matches_brute_force(
            a in proptest::collection::vec((0usize..40, 1usize..15), 0..6),
            b in proptest::collection::vec((0usize..40, 1usize..15), 0..6),
        ) {
            let a: Vec<Span> = a.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
            let b: Vec<Span> = b.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
            let pairs = max_weight_pairs(&a, &b, |i, j| overlap(a[i], b[j]));
            let mut seen_a = std::collections::HashSet::new();
            let mut seen_b = std::collections::HashSet::new();
            for &(i, j) in &pairs {
                prop_assert!(seen_a.insert(i) && seen_b.insert(j));
                prop_assert!(overlap(a[i], b[j]) > 0);
            }
            let total: u64 = pairs.iter().map(|&(i, j)| overlap(a[i], b[j])).sum();
            prop_assert_eq!(total, brute_force_best(&a, &b));
        }
    }
}
