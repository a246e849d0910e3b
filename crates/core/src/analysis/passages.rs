//! Retrieval: the coded passages of some labels across the documents (or one), with what their
//! relations tie them to ("attributed to — Source “Ana”"), filtered by text, analyst and
//! document, in document order or by label. Offsets are chars.

use std::cmp::Ordering;

use crate::{
    excerpt::shorten,
    model::{Annotation, Document, Project, linking::relations_of},
};

/// Which passages to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageFilter {
    /// Label ids; empty: every label.
    pub labels: Vec<String>,
    /// Only this document (its index in the project).
    pub doc: Option<usize>,
    /// Only passages whose quote or note holds this, case aside; empty: any.
    pub text: String,
    /// Only passages this analyst made (see [`analysts`]), case aside; empty: anyone's.
    pub analyst: String,
}

/// How the list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PassageOrder {
    /// Documents in project order, passages by where they start.
    #[default]
    Document,
    /// Labels in codebook order, then as [`PassageOrder::Document`].
    Label,
}

/// One listed passage: its document's index in the project and the annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage<'p> {
    pub doc: usize,
    pub annotation: &'p Annotation,
}

impl<'p> Passage<'p> {
    /// The document the passage lies in.
    #[must_use]
    pub fn document(&self, project: &'p Project) -> &'p Document {
        &project.documents()[self.doc]
    }

    /// The name of the passage's label (its id when the codebook lacks it).
    #[must_use]
    pub fn label_name(&self, project: &'p Project) -> &'p str {
        project
            .label(&self.annotation.label)
            .map_or(self.annotation.label.as_str(), |l| &l.name)
    }
}

/// The passages of `project` that pass `filter`, sorted by `order`.
#[must_use]
pub fn passages<'p>(
    project: &'p Project,
    filter: &PassageFilter,
    order: PassageOrder,
) -> Vec<Passage<'p>> {
    let text = filter.text.to_lowercase();
    let analyst = filter.analyst.trim().to_lowercase();
    let holds = |haystack: &str| haystack.to_lowercase().contains(&text);
    let mut listed: Vec<Passage<'p>> = project
        .documents()
        .iter()
        .enumerate()
        .filter(|(d, _)| filter.doc.is_none_or(|only| only == *d))
        .flat_map(|(doc, d)| {
            d.annotations()
                .iter()
                .map(move |annotation| Passage { doc, annotation })
        })
        .filter(|p| filter.labels.is_empty() || filter.labels.contains(&p.annotation.label))
        .filter(|p| text.is_empty() || holds(&p.annotation.quote) || holds(&p.annotation.note))
        .filter(|p| {
            analyst.is_empty()
                || analysts(project, p.annotation)
                    .iter()
                    .any(|name| name.to_lowercase() == analyst)
        })
        .collect();
    let by_text = |a: &Passage, b: &Passage| {
        (a.doc, a.annotation.start, a.annotation.end).cmp(&(
            b.doc,
            b.annotation.start,
            b.annotation.end,
        ))
    };
    match order {
        PassageOrder::Document => listed.sort_by(by_text),
        PassageOrder::Label => {
            let place = |p: &Passage| {
                project
                    .labels()
                    .iter()
                    .position(|l| l.id == p.annotation.label)
                    .unwrap_or(usize::MAX)
            };
            listed.sort_by(|a, b| match place(a).cmp(&place(b)) {
                Ordering::Equal => by_text(a, b),
                other => other,
            });
        }
    }
    listed
}

/// Who made `annotation`: the analysts a merged annotation came from, else the project's
/// annotator (none when the project names nobody).
#[must_use]
pub fn analysts<'p>(project: &'p Project, annotation: &'p Annotation) -> Vec<&'p str> {
    if annotation.analysts.is_empty() {
        let annotator = project.meta().annotator.trim();
        if annotator.is_empty() {
            Vec::new()
        } else {
            vec![annotator]
        }
    } else {
        annotation.analysts.iter().map(String::as_str).collect()
    }
}

/// What the relations of `annotation` tie it to, one line each in the document's order:
/// "attributed to — Source “Ana”" where it starts, "Claim “taxes rise” — attributed to" where
/// it ends. Quotes longer than [`LINKED_QUOTE_CHARS`] chars are shortened.
#[must_use]
pub fn links(project: &Project, doc: &Document, annotation: &Annotation) -> Vec<String> {
    relations_of(doc, &annotation.id)
        .map(|linked| {
            let kind = project
                .relation_kind(&linked.relation.kind)
                .map_or(linked.relation.kind.as_str(), |k| k.name.as_str());
            let other = linked.other;
            let label = project
                .label(&other.label)
                .map_or(other.label.as_str(), |l| l.name.as_str());
            let quote = shorten(&other.quote, LINKED_QUOTE_CHARS);
            if linked.outgoing {
                format!("{kind} — {label} “{quote}”")
            } else {
                format!("{label} “{quote}” — {kind}")
            }
        })
        .collect()
}

/// How much of the other end's quote a link line shows.
pub const LINKED_QUOTE_CHARS: usize = 60;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{ATTRIBUTED_TO, Label, Meta, Relation};

    /// Two documents: "Ana said taxes rise." (source s1, claim c1 attributed to s1, note on c1)
    /// and "Ben warned rates fall." (claim c2, made by Ben in a merge).
    pub(crate) fn project() -> Project {
        let a = |text: &str, id: &str, label: &str, start: usize, end: usize| Annotation {
            quote: text.chars().skip(start).take(end - start).collect(),
            ..Annotation::bare(id, label, start, end)
        };
        let one = "Ana said taxes rise.";
        let two = "Ben warned rates fall.";
        let d1 = Document::new("d1", "One", one.to_owned())
            .with_annotations(vec![
                a(one, "s1", "source", 0, 3),
                Annotation {
                    note: "Hedged".into(),
                    ..a(one, "c1", "claim", 9, 19)
                },
            ])
            .with_relations(vec![Relation {
                id: "r1".into(),
                kind: ATTRIBUTED_TO.into(),
                from: "c1".into(),
                to: "s1".into(),
                note: String::new(),
            }]);
        let d2 = Document::new("d2", "Two", two.to_owned()).with_annotations(vec![Annotation {
            analysts: vec!["Ben".into()],
            ..a(two, "c2", "claim", 11, 21)
        }]);
        let meta = Meta {
            annotator: "Ana".into(),
            ..Meta::default()
        };
        Project::from_parts(
            meta,
            vec![
                Label::new("claim", "Claim", "#D55E00"),
                Label::new("source", "Source", "#0072B2"),
            ],
            vec![d1, d2],
        )
    }

    fn ids(listed: &[Passage]) -> Vec<String> {
        listed.iter().map(|p| p.annotation.id.clone()).collect()
    }

    #[test]
    fn passages_come_in_document_or_label_order() {
        let p = project();
        let all = PassageFilter::default();
        assert_eq!(
            ids(&passages(&p, &all, PassageOrder::Document)),
            ["s1", "c1", "c2"]
        );
        assert_eq!(
            ids(&passages(&p, &all, PassageOrder::Label)),
            ["c1", "c2", "s1"]
        );
    }

    #[test]
    fn filters_by_label_document_text_and_analyst() {
        let p = project();
        let only = |filter: PassageFilter| ids(&passages(&p, &filter, PassageOrder::Document));
        let claims = PassageFilter {
            labels: vec!["claim".into()],
            ..PassageFilter::default()
        };
        assert_eq!(only(claims.clone()), ["c1", "c2"]);
        assert_eq!(
            only(PassageFilter {
                doc: Some(1),
                ..claims.clone()
            }),
            ["c2"]
        );
        assert_eq!(
            only(PassageFilter {
                text: "HEDGED".into(),
                ..PassageFilter::default()
            }),
            ["c1"],
            "the note matches, case aside"
        );
        assert_eq!(
            only(PassageFilter {
                text: "rates".into(),
                ..PassageFilter::default()
            }),
            ["c2"]
        );
        assert_eq!(
            only(PassageFilter {
                analyst: "ben".into(),
                ..PassageFilter::default()
            }),
            ["c2"]
        );
        assert_eq!(
            only(PassageFilter {
                analyst: "Ana".into(),
                ..PassageFilter::default()
            }),
            ["s1", "c1"],
            "unmerged passages are the project annotator's"
        );
    }

    #[test]
    fn links_name_the_other_end_both_ways() {
        let p = project();
        let doc = &p.documents()[0];
        assert_eq!(
            links(&p, doc, doc.annotation("c1").unwrap()),
            ["attributed to — Source “Ana”"]
        );
        assert_eq!(
            links(&p, doc, doc.annotation("s1").unwrap()),
            ["Claim “taxes rise” — attributed to"]
        );
        assert!(links(&p, &p.documents()[1], &p.documents()[1].annotations()[0]).is_empty());
    }
}
