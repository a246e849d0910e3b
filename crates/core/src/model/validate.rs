//! The project's invariants, checked in one place: by `edit` before every change and by the
//! store after every load.
//!
//! Offsets in problems are chars. Each problem names the document and the id it concerns, so
//! that the store can point at the line of the file and the window at the annotation.

use std::collections::{HashMap, HashSet};

use super::{
    Annotation, Document, Label, Project, Relation, RelationKind, label::parse_color, snap,
};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The project can be opened and the problem reviewed by the analyst; nothing is changed.
    Repairable,
    /// The project is not sound and cannot be opened until the file is corrected.
    Error,
}

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(
        "document “{doc}”: the text's SHA-256 is {actual} but the file records {stored}; the text \
         was changed outside Marginalia — check the annotations' quotes"
    )]
    TextHashMismatch {
        doc: String,
        stored: String,
        actual: String,
    },
    #[error(
        "document “{doc}”, annotation {id}: span {start}..{end} runs past the end of the text \
         ({len} chars)"
    )]
    SpanOutOfBounds {
        doc: String,
        id: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("document “{doc}”, annotation {id}: span {start}..{end} is empty")]
    EmptySpan {
        doc: String,
        id: String,
        start: usize,
        end: usize,
    },
    #[error(
        "document “{doc}”, annotation {id}: char offset {offset} falls inside a grapheme cluster \
         (a letter and its accent, or an emoji); move the {edge} to the cluster's edge"
    )]
    InsideGrapheme {
        doc: String,
        id: String,
        offset: usize,
        edge: &'static str,
    },
    #[error(
        "document “{doc}”, annotation {id}: label “{label}” is not one of the project's labels"
    )]
    UnknownLabel {
        doc: String,
        id: String,
        label: String,
    },
    #[error(
        "document “{doc}”, annotation {id}: the stored quote “{stored}” does not match the text \
         at {start}..{end}, which reads “{actual}”"
    )]
    QuoteMismatch {
        doc: String,
        id: String,
        start: usize,
        end: usize,
        stored: String,
        actual: String,
    },
    #[error("{kind} id “{id}” is used more than once; every {kind} needs its own id")]
    DuplicateId { kind: &'static str, id: String },
    #[error("a {kind} has an empty id")]
    EmptyId { kind: &'static str },
    #[error(
        "document “{doc}”, relation {id}: it links annotation “{missing}”, which is not in this \
         document"
    )]
    DanglingRelation {
        doc: String,
        id: String,
        missing: String,
    },
    #[error("document “{doc}”, relation {id}: the relation has no kind")]
    EmptyRelationKind { doc: String, id: String },
    #[error("label {id}: colour “{color}” is not of the form #RRGGBB")]
    InvalidColor { id: String, color: String },
    #[error("label {id}: the name is empty")]
    EmptyLabelName { id: String },
    #[error("labels {first} and {second} both use the key “{key}”")]
    DuplicateKey {
        key: char,
        first: String,
        second: String,
    },
    #[error(
        "document “{doc}”, relation {id}: kind “{kind}” is not one of the project's relation kinds"
    )]
    UnknownRelationKind {
        doc: String,
        id: String,
        kind: String,
    },
    #[error("relation kind {id}: the name is empty")]
    EmptyKindName { id: String },
    #[error("relation kind {id}: colour “{color}” is not of the form #RRGGBB")]
    InvalidKindColor { id: String, color: String },
    #[error("relation kinds {first} and {second} both use the key “{key}”")]
    DuplicateKindKey {
        key: char,
        first: String,
        second: String,
    },
    #[error(
        "a relation “{kind}” may not run from a passage labelled {from} to one labelled {to}; \
         choose another kind, or allow these labels in the kind's settings"
    )]
    KindNotAllowed {
        kind: String,
        from: String,
        to: String,
    },
}

impl Problem {
    /// Whether the project can still be opened with this problem.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            Self::TextHashMismatch { .. } | Self::QuoteMismatch { .. } => Severity::Repairable,
            _ => Severity::Error,
        }
    }

    /// The id of the item the problem is about, for pointing at it in a file or a list.
    #[must_use]
    pub fn item_id(&self) -> Option<&str> {
        match self {
            Self::SpanOutOfBounds { id, .. }
            | Self::EmptySpan { id, .. }
            | Self::InsideGrapheme { id, .. }
            | Self::UnknownLabel { id, .. }
            | Self::QuoteMismatch { id, .. }
            | Self::DuplicateId { id, .. }
            | Self::DanglingRelation { id, .. }
            | Self::EmptyRelationKind { id, .. }
            | Self::InvalidColor { id, .. }
            | Self::EmptyLabelName { id, .. }
            | Self::UnknownRelationKind { id, .. }
            | Self::EmptyKindName { id }
            | Self::InvalidKindColor { id, .. } => Some(id),
            Self::DuplicateKey { second, .. } | Self::DuplicateKindKey { second, .. } => {
                Some(second)
            }
            Self::TextHashMismatch { .. } | Self::EmptyId { .. } | Self::KindNotAllowed { .. } => {
                None
            }
        }
    }
}

/// Every problem of one annotation within its document (bounds, emptiness, grapheme edges, label,
/// quote).
#[must_use]
pub fn check_annotation(doc: &Document, labels: &[Label], a: &Annotation) -> Vec<Problem> {
    check_annotation_of(doc, &|id| labels.iter().any(|l| l.id == id), a)
}

/// [`check_annotation`], with `has_label` telling whether a label id exists.
fn check_annotation_of(
    doc: &Document,
    has_label: &dyn Fn(&str) -> bool,
    a: &Annotation,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if a.id.is_empty() {
        problems.push(Problem::EmptyId { kind: "annotation" });
    }
    let (doc_title, id) = (doc.title().to_owned(), a.id.clone());
    if !has_label(&a.label) {
        problems.push(Problem::UnknownLabel {
            doc: doc_title.clone(),
            id: id.clone(),
            label: a.label.clone(),
        });
    }
    if a.end > doc.char_len() || a.start > doc.char_len() {
        problems.push(Problem::SpanOutOfBounds {
            doc: doc_title,
            id,
            start: a.start,
            end: a.end,
            len: doc.char_len(),
        });
        return problems;
    }
    if a.start >= a.end {
        problems.push(Problem::EmptySpan {
            doc: doc_title,
            id,
            start: a.start,
            end: a.end,
        });
        return problems;
    }
    for (offset, edge) in [(a.start, "start"), (a.end, "end")] {
        if !snap::is_grapheme_boundary(doc.text(), doc.offsets(), offset) {
            problems.push(Problem::InsideGrapheme {
                doc: doc_title.clone(),
                id: id.clone(),
                offset,
                edge,
            });
        }
    }
    let actual = doc.quote(a.span()).unwrap_or_default();
    if actual != a.quote {
        problems.push(Problem::QuoteMismatch {
            doc: doc_title,
            id,
            start: a.start,
            end: a.end,
            stored: a.quote.clone(),
            actual: actual.to_owned(),
        });
    }
    problems
}

/// Problems of one relation within its document (a kind, its ends there). That its kind is
/// declared is the project's concern ([`check_project`]): an edit that brings a new kind declares it.
#[must_use]
pub fn check_relation(doc: &Document, r: &Relation) -> Vec<Problem> {
    let mut problems = Vec::new();
    if r.id.is_empty() {
        problems.push(Problem::EmptyId { kind: "relation" });
    }
    if r.kind.trim().is_empty() {
        problems.push(Problem::EmptyRelationKind {
            doc: doc.title().to_owned(),
            id: r.id.clone(),
        });
    }
    for end in [&r.from, &r.to] {
        if doc.annotation(end).is_none() {
            problems.push(Problem::DanglingRelation {
                doc: doc.title().to_owned(),
                id: r.id.clone(),
                missing: end.clone(),
            });
        }
    }
    problems
}

/// Problems of one label on its own (name, colour).
#[must_use]
pub fn check_label(label: &Label) -> Vec<Problem> {
    let mut problems = Vec::new();
    if label.id.is_empty() {
        problems.push(Problem::EmptyId { kind: "label" });
    }
    if label.name.trim().is_empty() {
        problems.push(Problem::EmptyLabelName {
            id: label.id.clone(),
        });
    }
    if parse_color(&label.color).is_none() {
        problems.push(Problem::InvalidColor {
            id: label.id.clone(),
            color: label.color.clone(),
        });
    }
    problems
}

/// Problems of one relation kind on its own (id, name, colour).
#[must_use]
pub fn check_relation_kind(kind: &RelationKind) -> Vec<Problem> {
    let mut problems = Vec::new();
    if kind.id.trim().is_empty() {
        problems.push(Problem::EmptyId {
            kind: "relation kind",
        });
    }
    if kind.name.trim().is_empty() {
        problems.push(Problem::EmptyKindName {
            id: kind.id.clone(),
        });
    }
    if parse_color(&kind.color).is_none() {
        problems.push(Problem::InvalidKindColor {
            id: kind.id.clone(),
            color: kind.color.clone(),
        });
    }
    problems
}

/// Every problem of a document's annotations, relations and orphans against `project`'s
/// codebook, without the id checks that need the whole project.
#[must_use]
pub fn check_document_items(project: &Project, doc: &Document) -> Vec<Problem> {
    let has_label = |id: &str| project.has_label(id);
    let mut problems: Vec<Problem> = doc
        .annotations()
        .iter()
        .flat_map(|a| check_annotation_of(doc, &has_label, a))
        .collect();
    problems.extend(doc.relations().iter().flat_map(|r| check_relation(doc, r)));
    problems.extend(check_orphans(project, doc));
    problems
}

/// Records ids and reports the second use of any (empty ids are the item checks' concern).
#[derive(Default)]
struct IdRegistry<'a> {
    seen: HashSet<(&'static str, &'a str)>,
}

impl<'a> IdRegistry<'a> {
    fn register(&mut self, kind: &'static str, id: &'a str, problems: &mut Vec<Problem>) {
        if !id.is_empty() && !self.seen.insert((kind, id)) {
            problems.push(Problem::DuplicateId {
                kind,
                id: id.to_owned(),
            });
        }
    }
}

/// Every problem of a whole project, in file order.
#[must_use]
pub fn check_project(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let has_label = |id: &str| project.has_label(id);
    let mut ids = IdRegistry::default();
    let mut keys: HashMap<char, &str> = HashMap::new();
    for label in project.labels() {
        ids.register("label", &label.id, &mut problems);
        problems.extend(check_label(label));
        if let Some(key) = label.key
            && let Some(first) = keys.insert(key, &label.id)
        {
            problems.push(Problem::DuplicateKey {
                key,
                first: first.to_owned(),
                second: label.id.clone(),
            });
        }
    }
    let mut kind_keys: HashMap<char, &str> = HashMap::new();
    for kind in project.relation_kinds() {
        ids.register("relation kind", &kind.id, &mut problems);
        problems.extend(check_relation_kind(kind));
        if let Some(key) = kind.key
            && let Some(first) = kind_keys.insert(key, &kind.id)
        {
            problems.push(Problem::DuplicateKindKey {
                key,
                first: first.to_owned(),
                second: kind.id.clone(),
            });
        }
    }
    for doc in project.documents() {
        if doc.id().is_empty() {
            problems.push(Problem::EmptyId { kind: "document" });
        }
        ids.register("document", doc.id(), &mut problems);
        let actual = super::document::sha256_hex(doc.text().as_bytes());
        if actual != doc.text_sha256() {
            problems.push(Problem::TextHashMismatch {
                doc: doc.title().to_owned(),
                stored: doc.text_sha256().to_owned(),
                actual,
            });
        }
        for a in doc.annotations() {
            ids.register("annotation", &a.id, &mut problems);
            problems.extend(check_annotation_of(doc, &has_label, a));
        }
        for r in doc.relations() {
            ids.register("relation", &r.id, &mut problems);
            problems.extend(check_relation(doc, r));
        }
        for orphan in doc.orphans() {
            ids.register("annotation", orphan.id(), &mut problems);
            for r in &orphan.relations {
                ids.register("relation", &r.id, &mut problems);
            }
        }
        let held = doc.orphans().iter().flat_map(|o| &o.relations);
        for r in doc.relations().iter().chain(held) {
            if !r.kind.trim().is_empty() && project.relation_kind(&r.kind).is_none() {
                problems.push(Problem::UnknownRelationKind {
                    doc: doc.title().to_owned(),
                    id: r.id.clone(),
                    kind: r.kind.clone(),
                });
            }
        }
        problems.extend(check_orphans(project, doc));
    }
    problems
}

/// Problems of the orphans of a document: labels, held relations, suggestions.
fn check_orphans(project: &Project, doc: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    let known = |id: &str| doc.annotation(id).is_some() || doc.orphan(id).is_some();
    for orphan in &doc.orphans {
        let a = &orphan.annotation;
        if a.id.is_empty() {
            problems.push(Problem::EmptyId { kind: "annotation" });
        }
        if !project.has_label(&a.label) {
            problems.push(Problem::UnknownLabel {
                doc: doc.title.clone(),
                id: a.id.clone(),
                label: a.label.clone(),
            });
        }
        for r in &orphan.relations {
            let ends = [&r.from, &r.to];
            let missing = if ends.contains(&&a.id) {
                ends.into_iter().find(|end| !known(end))
            } else {
                Some(&r.from)
            };
            if let Some(missing) = missing {
                problems.push(Problem::DanglingRelation {
                    doc: doc.title.clone(),
                    id: r.id.clone(),
                    missing: missing.clone(),
                });
            }
        }
        if let Some(s) = orphan.suggestion
            && (s.start >= s.end || s.end > doc.char_len())
        {
            problems.push(Problem::SpanOutOfBounds {
                doc: doc.title.clone(),
                id: a.id.clone(),
                start: s.start,
                end: s.end,
                len: doc.char_len(),
            });
        }
    }
    problems
}
