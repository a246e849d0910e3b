//! `Project`: the codebook (labels), the documents and who coded them — what a `.ron` file holds.

use serde::{Deserialize, Serialize};

use super::{
    Document, Label, RelationKind,
    label::default_labels,
    project_index::ProjectIndex,
    relation_kind::{adopt_kinds, default_relation_kinds},
};

/// The version of the project file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Who made a project and when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    /// The analyst who coded the project.
    pub annotator: String,
    /// RFC 3339 UTC.
    #[serde(default)]
    pub created: String,
    /// RFC 3339 UTC: the last change.
    #[serde(default)]
    pub modified: String,
}

/// A coding project: labels, documents and their annotations.
///
/// Read it freely; change it only through [`super::edit`] (or [`super::Editor`]), which keeps it
/// valid and undoable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub(super) format_version: u32,
    pub(super) meta: Meta,
    pub(super) labels: Vec<Label>,
    /// The kinds of relation, in codebook order. A file without them (written before kinds were
    /// kept) loads with the default kinds, and every kind a relation uses is declared on reading
    /// (see [`Project::reindex`]).
    #[serde(default = "default_relation_kinds")]
    pub(super) relation_kinds: Vec<RelationKind>,
    pub(super) documents: Vec<Document>,
    /// Every id and text hash in use (derived: rebuilt by [`Project::reindex`], kept by every
    /// change).
    #[serde(skip)]
    pub(super) index: ProjectIndex,
}

impl Project {
    /// An empty project with the default labels, created at `now` (RFC 3339).
    #[must_use]
    pub fn new(title: &str, annotator: &str, now: &str) -> Self {
        let mut project = Self {
            format_version: FORMAT_VERSION,
            meta: Meta {
                title: title.to_owned(),
                annotator: annotator.to_owned(),
                created: now.to_owned(),
                modified: now.to_owned(),
            },
            labels: default_labels(),
            relation_kinds: default_relation_kinds(),
            documents: Vec::new(),
            index: ProjectIndex::default(),
        };
        project.reindex();
        project
    }

    /// A project made of these parts, with the default relation kinds and every other kind its
    /// relations use, indexed and ready to read; check it with
    /// [`super::validate::check_project`] before trusting it.
    #[must_use]
    pub fn from_parts(meta: Meta, labels: Vec<Label>, documents: Vec<Document>) -> Self {
        let mut project = Self {
            format_version: FORMAT_VERSION,
            meta,
            labels,
            relation_kinds: default_relation_kinds(),
            documents,
            index: ProjectIndex::default(),
        };
        project.reindex();
        project
    }

    /// The project with these relation kinds declared (and any other its relations use).
    #[must_use]
    pub fn with_relation_kinds(mut self, kinds: Vec<RelationKind>) -> Self {
        self.relation_kinds = kinds;
        self.reindex();
        self
    }

    /// The format version the project was read with (always [`FORMAT_VERSION`] once loaded).
    #[must_use]
    pub fn format_version(&self) -> u32 {
        self.format_version
    }

    #[must_use]
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    #[must_use]
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    #[must_use]
    pub fn label(&self, id: &str) -> Option<&Label> {
        if !self.index.has_label(id) {
            return None;
        }
        self.labels.iter().find(|l| l.id == id)
    }

    /// Whether a label has the id `id` (one lookup).
    #[must_use]
    pub fn has_label(&self, id: &str) -> bool {
        self.index.has_label(id)
    }

    /// The label a key applies, if any.
    #[must_use]
    pub fn label_for_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    /// The kinds of relation, in codebook order.
    #[must_use]
    pub fn relation_kinds(&self) -> &[RelationKind] {
        &self.relation_kinds
    }

    #[must_use]
    pub fn relation_kind(&self, id: &str) -> Option<&RelationKind> {
        self.relation_kinds.iter().find(|k| k.id == id)
    }

    /// The kinds allowed from an annotation labelled `from` to one labelled `to` (label ids), in
    /// codebook order.
    pub fn kinds_allowing<'k>(
        &'k self,
        from: &'k str,
        to: &'k str,
    ) -> impl Iterator<Item = &'k RelationKind> + 'k {
        super::relation_kind::kinds_allowing(&self.relation_kinds, from, to)
    }

    /// Number of relations of kind `kind` across all documents (those orphans hold aside).
    #[must_use]
    pub fn relation_count(&self, kind: &str) -> usize {
        self.documents
            .iter()
            .map(|d| d.relations.iter().filter(|r| r.kind == kind).count())
            .sum()
    }

    pub(super) fn relation_kind_index(&self, id: &str) -> Option<usize> {
        self.relation_kinds.iter().position(|k| k.id == id)
    }

    #[must_use]
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    #[must_use]
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The first document with this title.
    #[must_use]
    pub fn document_by_title(&self, title: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.title == title)
    }

    /// The place of the document with this id in [`Project::documents`].
    #[must_use]
    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }

    pub(super) fn label_index(&self, id: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.id == id)
    }

    /// Number of annotations with this label across all documents.
    #[must_use]
    pub fn label_count(&self, label: &str) -> usize {
        self.documents
            .iter()
            .flat_map(|d| {
                d.annotations()
                    .iter()
                    .chain(d.orphans.iter().map(|o| &o.annotation))
            })
            .filter(|a| a.label == label)
            .count()
    }

    /// Whether any annotation, relation, label or document (or an orphan, or a relation it
    /// holds) already uses `id`.
    #[must_use]
    pub fn id_in_use(&self, id: &str) -> bool {
        self.index.contains(id)
    }

    /// Sorts annotations, declares every relation kind in use that the codebook lacks (a file
    /// written before kinds were kept, or edited by hand), and rebuilds every derived index;
    /// called once after reading a file.
    pub fn reindex(&mut self) {
        for doc in &mut self.documents {
            doc.reindex_text();
        }
        let relations = self.documents.iter().flat_map(|d| {
            d.relations
                .iter()
                .chain(d.orphans.iter().flat_map(|o| &o.relations))
        });
        adopt_kinds(&mut self.relation_kinds, relations);
        self.index = ProjectIndex::of(&self.labels, &self.documents);
    }
}
