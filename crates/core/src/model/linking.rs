//! Queries for making and reading relations: which annotations an annotation can be linked to
//! (nearest first, with the kinds that allow each), its relations seen from its side, and the
//! claims without a source. Offsets are chars; distances are chars between two passages.

use std::collections::HashSet;

use super::{ATTRIBUTED_TO, Annotation, Document, Project, Relation};

/// An annotation a link from the selected one could go to, and the kinds that allow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'d> {
    pub annotation: &'d Annotation,
    /// Ids of the kinds that allow a relation from the selected annotation to this one, in
    /// codebook order; none already links the two.
    pub kinds: Vec<&'d str>,
    /// Chars between the two passages (0 when they overlap or touch).
    pub distance: usize,
}

/// Chars between two passages (0 when they overlap or touch).
#[must_use]
pub fn distance(a: &Annotation, b: &Annotation) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The annotations of `doc` that annotation `from` can be linked to — by one of `kinds` (ids),
/// or by any kind of the project when `kinds` is empty — nearest first (ties: document order).
/// A pair already linked by a kind is not offered that kind again; the annotation itself is not
/// offered.
#[must_use]
pub fn candidates<'d>(
    project: &'d Project,
    doc: &'d Document,
    from: &str,
    kinds: &[&str],
) -> Vec<Candidate<'d>> {
    let Some(source) = doc.annotation(from) else {
        return Vec::new();
    };
    let mut found: Vec<Candidate<'d>> = doc
        .annotations()
        .iter()
        .filter(|a| a.id != source.id)
        .filter_map(|a| {
            let kinds: Vec<&str> = project
                .kinds_allowing(&source.label, &a.label)
                .map(|k| k.id.as_str())
                .filter(|k| kinds.is_empty() || kinds.contains(k))
                .filter(|k| !linked(doc, &source.id, &a.id, k))
                .collect();
            (!kinds.is_empty()).then(|| Candidate {
                annotation: a,
                kinds,
                distance: distance(source, a),
            })
        })
        .collect();
    // Stable: equal distances keep document order.
    found.sort_by_key(|c| c.distance);
    found
}

/// Whether a relation of `kind` already runs from `from` to `to`.
fn linked(doc: &Document, from: &str, to: &str, kind: &str) -> bool {
    doc.relations()
        .iter()
        .any(|r| r.from == from && r.to == to && r.kind == kind)
}

/// A relation seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linked<'d> {
    pub relation: &'d Relation,
    /// Whether the relation starts at the annotation it is seen from.
    pub outgoing: bool,
    /// The annotation at the other end.
    pub other: &'d Annotation,
}

/// The relations that link annotation `id`, in the order the document keeps them.
pub fn relations_of<'d>(doc: &'d Document, id: &'d str) -> impl Iterator<Item = Linked<'d>> + 'd {
    doc.relations().iter().filter_map(move |relation| {
        let (outgoing, other) = if relation.from == id {
            (true, &relation.to)
        } else if relation.to == id {
            (false, &relation.from)
        } else {
            return None;
        };
        Some(Linked {
            relation,
            outgoing,
            other: doc.annotation(other)?,
        })
    })
}

/// The claims without a source of one document: an annotation whose label is one an
/// `attributed_to` relation may start at (the label `claim` when the kind allows any, or is not
/// declared), and at which no relation of that kind starts.
pub struct Unattributed<'d> {
    claim_labels: Vec<&'d str>,
    attributed: HashSet<&'d str>,
}

impl<'d> Unattributed<'d> {
    /// Reads the document's relations once (chars are not involved).
    #[must_use]
    pub fn of(project: &'d Project, doc: &'d Document) -> Self {
        let claim_labels = match project.relation_kind(ATTRIBUTED_TO) {
            Some(kind) if !kind.from_labels.is_empty() => {
                kind.from_labels.iter().map(String::as_str).collect()
            }
            _ => vec!["claim"],
        };
        let attributed = doc
            .relations()
            .iter()
            .filter(|r| r.kind == ATTRIBUTED_TO)
            .map(|r| r.from.as_str())
            .collect();
        Self {
            claim_labels,
            attributed,
        }
    }

    /// Whether `annotation` is a claim without a source.
    #[must_use]
    pub fn contains(&self, annotation: &Annotation) -> bool {
        self.claim_labels.contains(&annotation.label.as_str())
            && !self.attributed.contains(annotation.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Editor, Span, edit::new_annotation, edit::new_relation};

    const NOW: &str = "2026-01-01T00:00:00Z";

    /// "aaaa bbbb cccc dddd eeee": a claim on "cccc", sources on "aaaa" and "eeee", a norm on
    /// "dddd", another claim on "bbbb".
    fn editor() -> (Editor, Vec<String>) {
        let mut editor = Editor::new_unsaved(Project::new("p", "a", NOW));
        editor
            .apply(
                Edit::AddDocument(Box::new(Document::new(
                    "d",
                    "T",
                    "aaaa bbbb cccc dddd eeee".into(),
                ))),
                NOW,
            )
            .unwrap();
        let mut ids = Vec::new();
        for (start, label) in [
            (10, "claim"),
            (0, "source"),
            (20, "source"),
            (15, "norm"),
            (5, "claim"),
        ] {
            let a = new_annotation(
                editor.project(),
                "d",
                Span::new(start, start + 4),
                label,
                NOW,
            )
            .unwrap();
            ids.push(a.id.clone());
            editor
                .apply(
                    Edit::AddAnnotation {
                        doc: "d".into(),
                        annotation: a,
                    },
                    NOW,
                )
                .unwrap();
        }
        (editor, ids)
    }

    #[test]
    fn candidates_are_the_allowed_annotations_nearest_first() {
        let (mut editor, ids) = editor();
        let project = editor.project();
        let doc = &project.documents()[0];
        let quotes = |found: Vec<Candidate>| -> Vec<(String, Vec<String>)> {
            found
                .iter()
                .map(|c| {
                    let kinds = c.kinds.iter().map(ToString::to_string).collect();
                    (c.annotation.quote.clone(), kinds)
                })
                .collect()
        };
        let all = quotes(candidates(project, doc, &ids[0], &[]));
        assert_eq!(
            all,
            [
                ("dddd".to_owned(), vec!["invokes".to_owned()]),
                ("aaaa".to_owned(), vec!["attributed_to".to_owned()]),
                ("eeee".to_owned(), vec!["attributed_to".to_owned()]),
            ],
            "the other claim is not offered; equal distances keep document order"
        );
        let sources = quotes(candidates(project, doc, &ids[0], &[ATTRIBUTED_TO]));
        assert_eq!(sources.len(), 2);
        assert!(
            candidates(project, doc, &ids[1], &[]).is_empty(),
            "a source starts nothing"
        );

        let relation = new_relation(project, "d", &ids[0], &ids[1], ATTRIBUTED_TO).unwrap();
        editor
            .apply(
                Edit::AddRelation {
                    doc: "d".into(),
                    relation,
                },
                NOW,
            )
            .unwrap();
        let project = editor.project();
        let doc = &project.documents()[0];
        let left = quotes(candidates(project, doc, &ids[0], &[ATTRIBUTED_TO]));
        assert_eq!(
            left,
            [("eeee".to_owned(), vec!["attributed_to".to_owned()])]
        );
        let seen: Vec<_> = relations_of(doc, &ids[1])
            .map(|l| (l.outgoing, l.other.quote.as_str()))
            .collect();
        assert_eq!(seen, [(false, "cccc")]);
        let without = Unattributed::of(project, doc);
        let claims: Vec<_> = doc
            .annotations()
            .iter()
            .filter(|a| without.contains(a))
            .map(|a| a.quote.as_str())
            .collect();
        assert_eq!(claims, ["bbbb"]);
    }
}
