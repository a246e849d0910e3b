//! Importing other tools' annotation files: into the open project as one undoable step, or as a
//! new project. Both the window and `marginalia import` go through here and report from the same
//! [`Imported`] summary.

use std::path::PathBuf;

use super::{Workspace, default_annotator};
use crate::{
    import::annotations::{
        self, Anchored, ImportFilesError, ImportSummary, Unanchored, UnitChoice,
    },
    model::{EditError, Meta, sha256_hex},
};

/// What an import brought in, for the report.
#[derive(Debug)]
pub struct Imported {
    pub summary: ImportSummary,
    /// What else the analyst should know: units detected, spans widened, relations left out.
    pub notices: Vec<String>,
    /// Annotations that could not be placed on any text and were left out.
    pub unplaced: Vec<Unanchored>,
    /// The id of the document the first file is about, to show it.
    pub first_document: Option<String>,
}

/// Why nothing was imported. The project is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ImportAnnotationsError {
    #[error(transparent)]
    Read(#[from] ImportFilesError),
    /// The files were read, but no annotation could be placed and no new text came with them.
    #[error("no annotation could be placed")]
    NothingPlaced {
        notices: Vec<String>,
        unplaced: Vec<Unanchored>,
    },
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl Workspace {
    /// Imports the annotation files at `paths` (with any articles among them to place them on)
    /// into the project as one undoable step. Annotations are placed on the project's documents
    /// or on texts the files bring; labels are matched by name; an annotation already there
    /// (same label and passage) is skipped and counted.
    pub fn import_annotations(
        &mut self,
        paths: &[PathBuf],
        units: UnitChoice,
        now: &str,
    ) -> Result<Imported, ImportAnnotationsError> {
        let anchored = annotations::import_files(paths, units, self.project().documents())?;
        self.bring_in(anchored, now)
    }

    /// A new, unsaved project titled `title` holding what the files at `paths` place, with only
    /// the labels they name. The annotator is `annotator`, else the one the files name, else
    /// [`default_annotator`].
    pub fn from_annotations(
        paths: &[PathBuf],
        units: UnitChoice,
        title: &str,
        annotator: Option<&str>,
        now: &str,
    ) -> Result<(Self, Imported), ImportAnnotationsError> {
        let mut anchored = annotations::import_files(paths, units, &[])?;
        let annotator = annotator
            .map(str::to_owned)
            .or_else(|| anchored.annotator.clone())
            .unwrap_or_else(default_annotator);
        let meta = Meta {
            title: title.to_owned(),
            annotator,
            created: now.to_owned(),
            modified: now.to_owned(),
        };
        let first = first_text_sha256(&anchored);
        let (project, summary) = annotations::into_new_project(&mut anchored, meta, now)?;
        let workspace = Self::unsaved(project, None);
        let imported = workspace.report(anchored, first, summary)?;
        Ok((workspace, imported))
    }

    fn bring_in(
        &mut self,
        mut anchored: Anchored,
        now: &str,
    ) -> Result<Imported, ImportAnnotationsError> {
        let first = first_text_sha256(&anchored);
        let (edit, summary) = annotations::into_edits(&mut anchored, self.project(), now);
        // An import that places nothing changes nothing, and `report` refuses it.
        if !placed_nothing(&anchored, &summary) {
            self.editor_mut().apply(edit, now)?;
        }
        self.report(anchored, first, summary)
    }

    /// What an import brought in, once its project holds it (`first`: the SHA-256 of its first
    /// document's text); an import that placed nothing is refused with what could not be placed.
    fn report(
        &self,
        anchored: Anchored,
        first: Option<String>,
        summary: annotations::ImportSummary,
    ) -> Result<Imported, ImportAnnotationsError> {
        if placed_nothing(&anchored, &summary) {
            return Err(ImportAnnotationsError::NothingPlaced {
                notices: anchored.notices,
                unplaced: anchored.unanchored,
            });
        }
        let first_document = first.and_then(|sha256| {
            self.project()
                .documents()
                .iter()
                .find(|d| d.text_sha256() == sha256)
                .map(|d| d.id().to_owned())
        });
        Ok(Imported {
            summary,
            notices: anchored.notices,
            unplaced: anchored.unanchored,
            first_document,
        })
    }
}

/// The SHA-256 of the text of the first document `anchored` places, to find it once imported.
fn first_text_sha256(anchored: &Anchored) -> Option<String> {
    anchored
        .documents
        .first()
        .map(|d| sha256_hex(d.text.as_bytes()))
}

/// Whether an import placed nothing: no annotation, and either no new document or some
/// annotations that could not be placed (a file of articles alone is a document import).
fn placed_nothing(anchored: &Anchored, summary: &annotations::ImportSummary) -> bool {
    summary.annotations == 0 && (summary.documents_added == 0 || !anchored.unanchored.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-01-01T00:00:00Z";

    /// A brat pair in `dir`: the text and one claim on its first two words.
    fn brat_pair(dir: &std::path::Path, ann: &str) -> Vec<PathBuf> {
        let text = dir.join("memo.txt");
        std::fs::write(&text, "States must act now.\n").unwrap();
        let annotations = dir.join("memo.ann");
        std::fs::write(&annotations, ann).unwrap();
        vec![text, annotations]
    }

    #[test]
    fn an_import_is_one_undoable_step_that_names_its_document() {
        let dir = tempfile::tempdir().unwrap();
        let paths = brat_pair(dir.path(), "T1\tClaim 0 11\tStates must\n");
        let mut workspace = Workspace::empty("ana", NOW);
        let before = workspace.project().clone();
        let imported = workspace
            .import_annotations(&paths, UnitChoice::Detect, NOW)
            .unwrap();
        assert_eq!(imported.summary.annotations, 1);
        assert_eq!(imported.summary.documents_added, 1);
        let doc = &workspace.project().documents()[0];
        assert_eq!(imported.first_document.as_deref(), Some(doc.id()));
        assert!(workspace.is_dirty());

        // The same files again: the annotation is there already and is counted, not doubled.
        let again = workspace
            .import_annotations(&paths, UnitChoice::Detect, NOW)
            .unwrap_err();
        assert!(matches!(
            again,
            ImportAnnotationsError::NothingPlaced { .. }
        ));

        assert!(workspace.editor_mut().undo());
        assert_eq!(workspace.project(), &before);
    }

    #[test]
    fn a_new_project_from_annotations_has_only_their_labels() {
        let dir = tempfile::tempdir().unwrap();
        let paths = brat_pair(dir.path(), "T1\tClaim 0 11\tStates must\n");
        let (workspace, imported) =
            Workspace::from_annotations(&paths, UnitChoice::Detect, "Memo", Some("ben"), NOW)
                .unwrap();
        assert_eq!(imported.summary.labels_added, 1);
        let project = workspace.project();
        assert_eq!(project.meta().title, "Memo");
        assert_eq!(project.meta().annotator, "ben");
        let names: Vec<&str> = project.labels().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Claim"]);
        assert!(workspace.file().is_none());
    }

    #[test]
    fn an_annotation_that_fits_no_text_leaves_the_project_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let paths = brat_pair(dir.path(), "T1\tClaim 0 11\tNothing like\n");
        let mut workspace = Workspace::empty("ana", NOW);
        let before = workspace.project().clone();
        let error = workspace
            .import_annotations(&paths, UnitChoice::Detect, NOW)
            .unwrap_err();
        let ImportAnnotationsError::NothingPlaced { unplaced, .. } = error else {
            panic!("expected NothingPlaced, got {error:?}");
        };
        assert_eq!(unplaced.len(), 1);
        assert_eq!(workspace.project(), &before);
    }
}
