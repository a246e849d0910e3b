//! What the coding adds up to: per document and label the passages and the characters they
//! cover; which labels occur together (passages that overlap, nest or lie in the same sentence);
//! relations per kind; and the sources ranked by how many claims are attributed to them.
//! Characters are chars (Unicode scalar values); a char covered by two passages of one label
//! counts once.

use std::collections::HashMap;

use super::sentences;
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
    count_table_of(project, project.documents())
}

/// Counts the passages and coded chars per label of some of `project`'s documents, in the order
/// given.
#[must_use]
pub fn count_table_of<'p>(
    project: &Project,
    documents: impl IntoIterator<Item = &'p Document>,
) -> CountTable {
    let labels: Vec<String> = project.labels().iter().map(|l| l.id.clone()).collect();
    let mut totals = vec![Cell::default(); labels.len()];
    let rows = documents
        .into_iter()
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
/// label. Documents are counted on every core: the sentence breaking of the text is most of
/// the work.
#[must_use]
pub fn co_occurrence(project: &Project) -> Vec<Vec<usize>> {
    let index = label_index(project);
    let empty = || vec![vec![0; index.len()]; index.len()];
    let documents = project.documents();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(documents.len().div_ceil(DOCUMENTS_PER_THREAD))
        .max(1);
    let chunk = documents.len().div_ceil(threads).max(1);
    let tables: Vec<Vec<Vec<usize>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = documents
            .chunks(chunk)
            .map(|docs| {
                let index = &index;
                scope.spawn(move || {
                    let mut table = empty();
                    for doc in docs {
                        for_each_pair(doc, index, |a, b| {
                            let (x, y) = (index[a.label.as_str()], index[b.label.as_str()]);
                            table[x][y] += 1;
                            if x != y {
                                table[y][x] += 1;
                            }
                        });
                    }
                    table
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a counting thread does not panic"))
            .collect()
    });
    let mut total = empty();
    for table in tables {
        for (sum, row) in total.iter_mut().zip(table) {
            for (s, n) in sum.iter_mut().zip(row) {
                *s += n;
            }
        }
    }
    total
}

/// Below this many documents a thread is not worth starting.
const DOCUMENTS_PER_THREAD: usize = 64;

/// One pair of co-occurring passages: the document (its index in the project) and the two
/// annotation ids, the earlier passage first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub doc: usize,
    pub first: String,
    pub second: String,
}

/// The pairs behind one cell of [`co_occurrence`]: passages of labels `x` and `y` (either
/// way round) that overlap, nest or share a sentence, in document and text order.
#[must_use]
pub fn co_occurring_pairs(project: &Project, x: &str, y: &str) -> Vec<Pair> {
    let index: HashMap<&str, usize> = [(x, 0), (y, 1)].into_iter().collect();
    let mut pairs = Vec::new();
    for (d, doc) in project.documents().iter().enumerate() {
        for_each_pair(doc, &index, |a, b| {
            let wanted = (a.label == x && b.label == y) || (a.label == y && b.label == x);
            if wanted {
                pairs.push(Pair {
                    doc: d,
                    first: a.id.clone(),
                    second: b.id.clone(),
                });
            }
        });
    }
    pairs
}

/// Each label id's place in the codebook.
fn label_index(project: &Project) -> HashMap<&str, usize> {
    project
        .labels()
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect()
}

/// Calls `pair` for every two passages of `doc` with labels in `labels` that overlap, nest or
/// start in the same sentence, the earlier (by start) first.
fn for_each_pair<'d>(
    doc: &'d Document,
    labels: &HashMap<&str, usize>,
    mut pair: impl FnMut(&'d Annotation, &'d Annotation),
) {
    let kept: Vec<&Annotation> = doc
        .annotations()
        .iter()
        .filter(|a| labels.contains_key(a.label.as_str()))
        .collect();
    if kept.len() < 2 {
        return;
    }
    let sentence_of = sentence_starts(doc);
    let annotations: Vec<(&Annotation, usize)> = kept
        .into_iter()
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
            pair(a, b);
        }
    }
}

/// For a document, the function from a char offset to the number of the sentence it lies in.
fn sentence_starts(doc: &Document) -> impl Fn(usize) -> usize {
    let text = doc.text();
    let offsets = doc.offsets();
    let starts: Vec<usize> = sentences::sentence_starts(text)
        .into_iter()
        .filter_map(|byte| offsets.char_from_byte(text, byte))
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
    fn the_pairs_behind_a_cell_are_listed_in_text_order() {
        let p = project();
        let pairs = co_occurring_pairs(&p, "source", "claim");
        let ids: Vec<(&str, &str)> = pairs
            .iter()
            .map(|pair| (pair.first.as_str(), pair.second.as_str()))
            .collect();
        assert_eq!(ids, [("s1", "c2"), ("s1", "c1"), ("s2", "c3")]);
        assert_eq!(co_occurring_pairs(&p, "claim", "claim").len(), 1);
    }

    #[test]
    fn many_documents_count_the_same_on_several_threads() {
        let one = project();
        let documents: Vec<Document> = (0..300)
            .map(|i| {
                let d = &one.documents()[i % 2];
                Document::new(&format!("d{i}"), d.title(), d.text().to_owned())
                    .with_annotations(d.annotations().to_vec())
            })
            .collect();
        let many = Project::from_parts(Meta::default(), one.labels().to_vec(), documents);
        assert_eq!(co_occurrence(&many), [[150, 450], [450, 0]]);
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
