//! Agreements and differences: every annotation of every analyst lands in exactly one [`Item`],
//! a group of annotations the pairings say correspond, classified by how they differ.
//!
//! Annotations are joined when any pairing of two analysts (see [`super::matching`]) pairs them;
//! an annotation nobody paired is an item of its own. For two analysts this gives exactly the
//! pairwise kinds: only in A, only in B, same span with different labels, same label with
//! different boundaries, or both different. With more analysts an item can hold one annotation
//! from some of them ("only in" those).

use serde::Serialize;

use super::matching::Pairing;
use crate::model::{Annotation, Span};

/// How the annotations of an item relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Every analyst has the same span with the same label.
    Agreement,
    /// Some analysts have nothing here.
    OnlyIn,
    /// Every analyst has the same span, with different labels.
    LabelConflict,
    /// Every analyst has the label, with different boundaries.
    BoundaryConflict,
    /// Every analyst has something here; boundaries and labels differ.
    LabelAndBoundaryConflict,
}

impl ItemKind {
    /// Words for the window and the readable report.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::OnlyIn => "only in",
            Self::LabelConflict => "label conflict",
            Self::BoundaryConflict => "boundary conflict",
            Self::LabelAndBoundaryConflict => "label and boundary conflict",
        }
    }
}

/// One analyst's annotation within an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Index of the analyst (the order the projects were given in).
    pub analyst: usize,
    pub annotation: Annotation,
}

/// A group of corresponding annotations: an agreement or a difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// From the first start to the last end of the members (chars).
    pub span: Span,
    /// Sorted by analyst, then position.
    pub members: Vec<Member>,
}

impl Item {
    /// Whether `analyst` has an annotation in this item.
    #[must_use]
    pub fn has(&self, analyst: usize) -> bool {
        self.members.iter().any(|m| m.analyst == analyst)
    }

    /// Analysts with an annotation in this item, in order, without repeats.
    #[must_use]
    pub fn analysts(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.members.iter().map(|m| m.analyst).collect();
        out.dedup();
        out
    }
}

/// Groups the analysts' annotations (`per_analyst[r]`) into items using the pairings of every
/// pair of analysts (`pairings[(r1, r2)]` with `r1 < r2`). Items come in text order.
#[must_use]
pub fn group_items(
    per_analyst: &[Vec<&Annotation>],
    pairings: &[((usize, usize), Pairing)],
) -> Vec<Item> {
    let offsets: Vec<usize> = per_analyst
        .iter()
        .scan(0, |total, anns| {
            let start = *total;
            *total += anns.len();
            Some(start)
        })
        .collect();
    let count: usize = per_analyst.iter().map(Vec::len).sum();
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for ((r1, r2), pairing) in pairings {
        for &(i, j, _) in &pairing.pairs {
            let (x, y) = (
                root(&mut parent, offsets[*r1] + i),
                root(&mut parent, offsets[*r2] + j),
            );
            parent[x.max(y)] = x.min(y);
        }
    }

    let mut groups: std::collections::BTreeMap<usize, Vec<Member>> =
        std::collections::BTreeMap::new();
    for (analyst, anns) in per_analyst.iter().enumerate() {
        for (i, ann) in anns.iter().enumerate() {
            let r = root(&mut parent, offsets[analyst] + i);
            groups.entry(r).or_default().push(Member {
                analyst,
                annotation: (*ann).clone(),
            });
        }
    }
    let mut items: Vec<Item> = groups
        .into_values()
        .map(|members| {
            let span = Span::new(
                members
                    .iter()
                    .map(|m| m.annotation.start)
                    .min()
                    .unwrap_or(0),
                members.iter().map(|m| m.annotation.end).max().unwrap_or(0),
            );
            Item {
                kind: classify(&members, per_analyst.len()),
                span,
                members,
            }
        })
        .collect();
    items.sort_by_key(|item| (item.span.start, item.span.end, item.members[0].analyst));
    items
}

fn classify(members: &[Member], analysts: usize) -> ItemKind {
    let mut present: Vec<usize> = members.iter().map(|m| m.analyst).collect();
    present.dedup();
    if present.len() < analysts {
        return ItemKind::OnlyIn;
    }
    let first = &members[0].annotation;
    let same_label = members.iter().all(|m| m.annotation.label == first.label);
    let same_span =
        members.len() == analysts && members.iter().all(|m| m.annotation.span() == first.span());
    match (same_span, same_label) {
        (true, true) => ItemKind::Agreement,
        (true, false) => ItemKind::LabelConflict,
        (false, true) => ItemKind::BoundaryConflict,
        (false, false) => ItemKind::LabelAndBoundaryConflict,
    }
}
