//! Lanes for the margin stripes: each annotation gets the lowest lane not taken by an earlier
//! annotation that overlaps it, so nested and crossing annotations stand side by side.

use std::collections::HashMap;

use crate::model::Annotation;

/// Lane of each annotation id; `annotations` must be sorted by start (as a document keeps them).
#[must_use]
pub fn assign(annotations: &[Annotation]) -> HashMap<String, usize> {
    let mut lanes = HashMap::with_capacity(annotations.len());
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
        lanes.insert(annotation.id.clone(), lane);
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
        assert_eq!(lanes["outer"], 0);
        assert_eq!(lanes["inner"], 1);
        assert_eq!(lanes["crossing"], 2);
        assert_eq!(lanes["later"], 0);
    }
}
