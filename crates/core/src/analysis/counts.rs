//! What the coding adds up to: per document and label the passages and the characters they
//! cover; which labels occur together (passages that overlap, nest or lie in the same sentence);
//! relations per kind; and the sources ranked by how many claims are attributed to them.
//! Characters are chars (Unicode scalar values); a char covered by two passages of one label
//! counts once.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{ATTRIBUTED_TO, Annotation, Document, Project, Span};

/// One cell of the count table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    pub passages: usize,
    /// Chars covered by the label's passages (overlaps counted once).
    pub chars: usize,
}

/// The document × label table, in the project's order, with the totals per label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    /// Label ids, in codebook order.
    pub labels: Vec<String>,
    /// One row per document: its id, its title and a cell per label.
    pub rows: Vec<(String, String, Vec<Cell>)>,
    /// Per label: the sums of the rows.
    pub totals: Vec<Cell>,
}

/// Counts every document's passages and coded chars per label.
#[must_use]
pub fn count_table(project: &Project) -> CountTable {
    let labels: Vec<String> = project.labels().iter().map(|l| l.id.clone()).collect();
    let mut totals = vec![Cell::default(); labels.len()];
    let rows = project
        .documents()
        .iter()
        .map(|doc| {
            let cells: Vec<Cell> = labels
                .iter()
                .map(|label| {
                    let spans: Vec<Span> = doc
                        .annotations()
                        .iter()
                        .filter(|a| a.label == *label)
                        .map(Annotation::span)
                        .collect();
                    Cell {
                        passages: spans.len(),
                        chars: covered(&spans),
                    }
                })
                .collect();
            for (total, cell) in totals.iter_mut().zip(&cells) {
                total.passages += cell.passages;
                total.chars += cell.chars;
            }
            (doc.id().to_owned(), doc.title().to_owned(), cells)
        })
        .collect();
    CountTable {
        labels,
        rows,
        totals,
    }
}

/// Chars covered by `spans`, sorted by start (as a document keeps them), overlaps once.
fn covered(spans: &[Span]) -> usize {
    let mut total = 0;
    let mut reach = 0;
    for span in spans {
        let start = span.start.max(reach);
        if span.end > start {
            total += span.end - start;
        }
        reach = reach.max(span.end);
    }
    total
}

/// Label × label counts of pairs of passages that overlap, nest or lie in the same sentence
/// (by where each starts), in codebook order; symmetric, and the diagonal counts pairs of one
/// label.
#[must_use]
pub fn co_occurrence(project: &Project) -> Vec<Vec<usize>> {
    let index: HashMap<&str, usize> = project
        .labels()
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let mut table = vec![vec![0; index.len()]; index.len()];
    for doc in project.documents() {
        let sentence_of = sentence_starts(doc);
        let annotations: Vec<(&Annotation, usize)> = doc
            .annotations()
            .iter()
            .filter(|a| index.contains_key(a.label.as_str()))
            .map(|a| (a, sentence_of(a.start)))
            .collect();
        // Sorted by start: a later passage overlaps an earlier one only while it starts before
        // the earlier one's end, and shares its sentence only while the sentence is the same.
        for (i, (a, sa)) in annotations.iter().enumerate() {
            for (b, sb) in &annotations[i + 1..] {
                let overlaps = b.start < a.end;
                if !overlaps && sb != sa {
                    if b.start >= a.end && *sb > *sa {
                        break;
                    }
                    continue;
                }
                let (x, y) = (index[a.label.as_str()], index[b.label.as_str()]);
                table[x][y] += 1;
                if x != y {
                    table[y][x] += 1;
                }
            }
        }
    }
    table
}

/// For a document, the function from a char offset to the number of the sentence it lies in.
fn sentence_starts(doc: &Document) -> impl Fn(usize) -> usize {
    let text = doc.text();
    let offsets = doc.offsets();
    let starts: Vec<usize> = text
        .split_sentence_bound_indices()
        .filter_map(|(byte, _)| offsets.char_from_byte(text, byte))
        .collect();
    move |at| starts.partition_point(|&s| s <= at).saturating_sub(1)
}

/// Relations per kind id across the project, in codebook order (kinds with none included).
#[must_use]
pub fn relation_counts(project: &Project) -> Vec<(String, usize)> {
    project
        .relation_kinds()
        .iter()
        .map(|kind| (kind.id.clone(), project.relation_count(&kind.id)))
        .collect()
}

/// The sources claims are attributed to, by their wording (case and spacing aside), with how
/// many claims across the project are attributed to each; most first, then alphabetically.
#[must_use]
pub fn sources_ranked(project: &Project) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, (String, usize)> = HashMap::new();
    for doc in project.documents() {
        for relation in doc.relations().iter().filter(|r| r.kind == ATTRIBUTED_TO) {
            let Some(source) = doc.annotation(&relation.to) else {
                continue;
            };
            let wording = source
                .quote
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let entry = counts
                .entry(wording.to_lowercase())
                .or_insert_with(|| (wording, 0));
            entry.1 += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_values().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Meta, Relation};

    /// "Ana said taxes rise. Ben said rates fall." with known passages and relations.
    fn project() -> Project {
        let text = "Ana said taxes rise. Ben said rates fall.";
        let a = |id: &str, label: &str, start: usize, end: usize| Annotation {
            quote: text.chars().skip(start).take(end - start).collect(),
            ..Annotation::bare(id, label, start, end)
        };
        let doc = Document::new("d1", "One", text.to_owned())
            .with_annotations(vec![
                a("s1", "source", 0, 3),
                a("c1", "claim", 9, 19),
                a("c2", "claim", 9, 14),
                a("s2", "source", 21, 24),
                a("c3", "claim", 30, 40),
            ])
            .with_relations(vec![
                Relation {
                    id: "r1".into(),
                    kind: ATTRIBUTED_TO.into(),
                    from: "c1".into(),
                    to: "s1".into(),
                    note: String::new(),
                },
                Relation {
                    id: "r2".into(),
                    kind: ATTRIBUTED_TO.into(),
                    from: "c2".into(),
                    to: "s1".into(),
                    note: String::new(),
                },
                Relation {
                    id: "r3".into(),
                    kind: ATTRIBUTED_TO.into(),
                    from: "c3".into(),
                    to: "s2".into(),
                    note: String::new(),
                },
            ]);
        let other = Document::new("d2", "Two", "Nothing coded.".into());
        Project::from_parts(
            Meta::default(),
            vec![
                Label::new("claim", "Claim", "#D55E00"),
                Label::new("source", "Source", "#0072B2"),
            ],
            vec![doc, other],
        )
    }

    #[test]
    fn the_table_counts_passages_and_chars_once_per_char() {
        let table = count_table(&project());
        assert_eq!(table.labels, ["claim", "source"]);
        let (_, _, cells) = &table.rows[0];
        assert_eq!(
            cells[0],
            Cell {
                passages: 3,
                chars: 20
            },
            "c2 lies inside c1"
        );
        assert_eq!(
            cells[1],
            Cell {
                passages: 2,
                chars: 6
            }
        );
        assert_eq!(table.rows[1].2, [Cell::default(), Cell::default()]);
        assert_eq!(
            table.totals,
            [
                Cell {
                    passages: 3,
                    chars: 20
                },
                Cell {
                    passages: 2,
                    chars: 6
                }
            ]
        );
    }

    #[test]
    fn labels_co_occur_when_passages_overlap_or_share_a_sentence() {
        // Sentence 1: s1, c1, c2 (c2 nested in c1). Sentence 2: s2, c3.
        let table = co_occurrence(&project());
        assert_eq!(
            table,
            [[1, 3], [3, 0]],
            "claim–claim: c1/c2; claim–source: s1c1, s1c2, s2c3"
        );
    }

    #[test]
    fn relations_and_sources_are_counted() {
        let p = project();
        assert_eq!(
            relation_counts(&p),
            [("attributed_to".to_owned(), 3), ("invokes".to_owned(), 0)]
        );
        assert_eq!(
            sources_ranked(&p),
            [("Ana".to_owned(), 2), ("Ben".to_owned(), 1)]
        );
    }
}
