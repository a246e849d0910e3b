//! Lanes for the margin stripes: each annotation gets the lowest lane not taken by an earlier
//! annotation that overlaps it, so nested and crossing annotations stand side by side. A lane
//! depends only on the annotation's overlap group, so a frame assigns lanes to the groups in
//! view and nothing else, however many annotations the article has. Offsets are chars.

use std::ops::Range;

use crate::model::{Annotation, Document, Span};

/// The lanes of the annotations around a span of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lanes {
    /// Indices (saved order) of the annotations with a lane here.
    covered: Range<usize>,
    lanes: Vec<usize>,
}

impl Lanes {
    /// Lanes for every annotation sharing a char with `span`: assigns its overlap groups.
    #[must_use]
    pub fn around(doc: &Document, span: Span) -> Self {
        let mut indices = doc.indexed_annotations_in(span).map(|(i, _)| i);
        let Some(first) = indices.next() else {
            return Self {
                covered: 0..0,
                lanes: Vec::new(),
            };
        };
        let end = indices.last().unwrap_or(first) + 1;
        let start = doc.overlap_group_start(first);
        Self {
            covered: start..end,
            lanes: assign(&doc.annotations()[start..end]),
        }
    }

    /// The lane of the annotation at `index` (saved order), if it is around the span.
    #[must_use]
    pub fn of(&self, index: usize) -> Option<usize> {
        self.covered
            .contains(&index)
            .then(|| self.lanes[index - self.covered.start])
    }
}

/// The lane of each annotation, in the order given; `annotations` must be sorted by start (as a
/// document keeps them) and begin an overlap group.
#[must_use]
pub fn assign(annotations: &[Annotation]) -> Vec<usize> {
    let mut lanes = Vec::with_capacity(annotations.len());
    // End offset (chars) of the annotation that last took each lane.
    let mut lane_ends: Vec<usize> = Vec::new();
    for annotation in annotations {
        let lane = match lane_ends.iter().position(|&end| end <= annotation.start) {
            Some(free) => free,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = annotation.end;
        lanes.push(lane);
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(id: &str, start: usize, end: usize) -> Annotation {
        Annotation::bare(id, "claim", start, end)
    }

    #[test]
    fn overlapping_annotations_take_separate_lanes_and_free_lanes_are_reused() {
        let lanes = assign(&[
            annotation("outer", 0, 50),
            annotation("inner", 10, 20),
            annotation("crossing", 15, 60),
            annotation("later", 70, 80),
        ]);
        assert_eq!(lanes, [0, 1, 2, 0]);
    }

    #[test]
    fn lanes_around_a_span_match_lanes_over_the_whole_document() {
        use marginalia_testkit::workload::two_analysts;
        let (project, _) = two_analysts(20_000, 300, 11);
        let doc = &project.documents()[0];
        let everywhere = assign(doc.annotations());
        assert!(everywhere.iter().any(|&lane| lane >= 2), "some nesting");
        for start in (0..doc.char_len()).step_by(997) {
            let span = Span::new(start, (start + 1_500).min(doc.char_len()));
            let around = Lanes::around(doc, span);
            let mut seen = 0;
            for (index, _) in doc.indexed_annotations_in(span) {
                assert_eq!(
                    around.of(index),
                    Some(everywhere[index]),
                    "{index} in {span:?}"
                );
                seen += 1;
            }
            assert!(seen > 0);
        }
    }
}
