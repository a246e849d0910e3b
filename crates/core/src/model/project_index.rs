//! Every id a project uses — labels, documents, annotations, relations, orphans and the relations
//! they hold — and the hash of every document's text, counted, so that whether an id is free or a
//! text already in the project is one lookup however large the project (an import of 20,000
//! documents checks every new id and text). Derived data: rebuilt when a project is read, kept up
//! to date by every [`super::change::Change`], never saved, and ignored when two projects are
//! compared.

use std::collections::{HashMap, HashSet};

use super::{Document, Label, Orphan};

/// How many times each id and each text hash is in a project (twice only in a project that is
/// not valid yet).
#[derive(Debug, Clone, Default)]
pub(super) struct ProjectIndex {
    counts: HashMap<String, u32>,
    texts: HashMap<String, u32>,
    labels: HashSet<String>,
}

impl PartialEq for ProjectIndex {
    /// Always equal: the index follows from the project, which is what is compared.
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Eq for ProjectIndex {}

impl ProjectIndex {
    /// The ids of `labels` and `documents`.
    pub(super) fn of(labels: &[Label], documents: &[Document]) -> Self {
        let mut index = Self::default();
        for label in labels {
            index.add_label(&label.id);
        }
        for document in documents {
            index.add_document(document);
        }
        index
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.counts.contains_key(id)
    }

    /// Whether a label has this id.
    pub(super) fn has_label(&self, id: &str) -> bool {
        self.labels.contains(id)
    }

    pub(super) fn add_label(&mut self, id: &str) {
        self.add(id);
        self.labels.insert(id.to_owned());
    }

    pub(super) fn remove_label(&mut self, id: &str) {
        self.remove(id);
        self.labels.remove(id);
    }

    /// Whether a document's text has this SHA-256 (lowercase hex).
    pub(super) fn has_text(&self, sha256: &str) -> bool {
        self.texts.contains_key(sha256)
    }

    pub(super) fn add(&mut self, id: &str) {
        *self.counts.entry(id.to_owned()).or_default() += 1;
    }

    pub(super) fn remove(&mut self, id: &str) {
        if let Some(count) = self.counts.get_mut(id) {
            *count -= 1;
            if *count == 0 {
                self.counts.remove(id);
            }
        }
    }

    pub(super) fn add_document(&mut self, document: &Document) {
        *self.texts.entry(document.text_sha256.clone()).or_default() += 1;
        self.add(&document.id);
        for annotation in &document.annotations {
            self.add(&annotation.id);
        }
        for relation in &document.relations {
            self.add(&relation.id);
        }
        for orphan in &document.orphans {
            self.add_orphan(orphan);
        }
    }

    pub(super) fn remove_document(&mut self, document: &Document) {
        if let Some(count) = self.texts.get_mut(&document.text_sha256) {
            *count -= 1;
            if *count == 0 {
                self.texts.remove(&document.text_sha256);
            }
        }
        self.remove(&document.id);
        for annotation in &document.annotations {
            self.remove(&annotation.id);
        }
        for relation in &document.relations {
            self.remove(&relation.id);
        }
        for orphan in &document.orphans {
            self.remove_orphan(orphan);
        }
    }

    pub(super) fn add_orphan(&mut self, orphan: &Orphan) {
        self.add(orphan.id());
        for relation in &orphan.relations {
            self.add(&relation.id);
        }
    }

    pub(super) fn remove_orphan(&mut self, orphan: &Orphan) {
        self.remove(orphan.id());
        for relation in &orphan.relations {
            self.remove(&relation.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Editor, LabelRemoval, Project, Relation, Span, edit::new_annotation};

    const NOW: &str = "2026-01-01T00:00:00Z";

    /// The index the project keeps is the one its contents give.
    fn assert_current(project: &Project) {
        let rebuilt = ProjectIndex::of(&project.labels, &project.documents);
        assert_eq!(project.index.counts, rebuilt.counts);
        assert_eq!(project.index.texts, rebuilt.texts);
        assert_eq!(project.index.labels, rebuilt.labels);
    }

    #[test]
    fn every_change_and_its_undo_keeps_the_index_current() {
        let mut editor = Editor::new_unsaved(Project::new("t", "a", NOW));
        let text = "States must act. Officials said so.";
        let document = Document::new("d-1", "D", text.to_owned());
        editor
            .apply(Edit::AddDocument(Box::new(document)), NOW)
            .unwrap();
        let mut ids = Vec::new();
        for span in [Span::new(0, 16), Span::new(17, 35)] {
            let annotation = new_annotation(editor.project(), "d-1", span, "claim", NOW).unwrap();
            ids.push(annotation.id.clone());
            let doc = "d-1".to_owned();
            editor
                .apply(Edit::AddAnnotation { doc, annotation }, NOW)
                .unwrap();
        }
        let relation = Relation {
            id: "r-1".into(),
            kind: "attributed_to".into(),
            from: ids[0].clone(),
            to: ids[1].clone(),
            note: String::new(),
        };
        let doc = "d-1".to_owned();
        editor
            .apply(Edit::AddRelation { doc, relation }, NOW)
            .unwrap();
        assert!(editor.project().id_in_use("r-1") && editor.project().id_in_use(&ids[1]));
        let doc = "d-1".to_owned();
        let id = ids[0].clone();
        editor
            .apply(Edit::DeleteAnnotation { doc, id }, NOW)
            .unwrap();
        assert!(
            !editor.project().id_in_use("r-1"),
            "the relation went with it"
        );
        let removal = LabelRemoval::DeleteAnnotations;
        let id = "claim".to_owned();
        editor
            .apply(
                Edit::RemoveLabel {
                    id,
                    annotations: removal,
                },
                NOW,
            )
            .unwrap();
        assert_current(editor.project());
        while editor.undo() {
            assert_current(editor.project());
        }
        assert!(!editor.project().id_in_use("d-1"));
        while editor.redo() {
            assert_current(editor.project());
        }
        assert!(editor.project().id_in_use("d-1") && !editor.project().id_in_use("claim"));
    }
}
