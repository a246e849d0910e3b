//! The application's services below the window: the open project (the editor with its undo
//! history, and the file it belongs to) with the file operations the window offers — open, new
//! from an article, add an article, update an article's text, import annotation files
//! (`import_annotations`), save, save as —, the
//! comparison of analysts' projects and its curation (`compare_session`), the unsaved-changes
//! guard (`guard`), recovery copies (`recovery`, and when one is due: `recovery_schedule`) and the
//! names of project files (`project_files`). No GUI toolkit here; the window and its tests go
//! through this.

mod choose_document;
mod compare_session;
mod export_to;
mod guard;
mod import_annotations;
mod project_files;
mod recovery;
mod recovery_schedule;

use std::path::{Path, PathBuf};

use crate::{
    import::{self, ImportError},
    model::{Edit, EditError, Editor, Project, ids, validate},
    reanchor,
    store::{self, Allow, DiskStamp, LoadError, LocatedProblem, ProjectLock, SaveError},
};

pub use choose_document::{ChooseDocumentError, choose_document};
pub use compare_session::{CompareSession, CompareSessionError};
pub use export_to::{ExportToError, export_table_to_path, export_to_path, export_to_stream};
pub use guard::{AfterAnswer, ChangesAnswer, GuardStep, Pending, after_answer, guard};
pub use import_annotations::{ImportAnnotationsError, Imported};
pub use project_files::{
    is_project_file, suggested_file_name, suggested_stem, with_project_extension,
};
pub use recovery::{Recovery, RecoveryTick};
pub use recovery_schedule::{RecoveryDue, RecoverySchedule};

/// Why a workspace operation failed. The project in memory is unchanged by a failure.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("this project has not been saved yet; choose where with Save as…")]
    NoFile,
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// A project being worked on and the file it is saved to (`None` until first saved).
///
/// A save never silently replaces changes it did not read: the workspace keeps the file's
/// [`DiskStamp`] from when it was opened or last saved, and [`Workspace::save`] refuses with
/// [`SaveError::ChangedOnDisk`] when the file holds something else now. A workspace opened with
/// [`Workspace::open_locked`] (the command line's read-modify-write) holds the project's lock
/// until it is dropped, so that other writers wait instead.
pub struct Workspace {
    editor: Editor,
    file: Option<PathBuf>,
    /// The file as it was opened or last saved.
    stamp: Option<DiskStamp>,
    /// The project's lock, held from opening to dropping ([`Workspace::open_locked`]).
    lock: Option<ProjectLock>,
}

/// An opened project file with what its check found (repairable problems only; the project opens).
pub struct Opened {
    pub workspace: Workspace,
    pub warnings: Vec<LocatedProblem>,
}

impl Workspace {
    /// A workspace for a project that is saved at `file` as it is.
    #[must_use]
    pub fn saved(project: Project, file: PathBuf) -> Self {
        Self {
            editor: Editor::new(project),
            file: Some(file),
            stamp: None,
            lock: None,
        }
    }

    /// A new empty project, not saved to a file yet and with nothing to save.
    #[must_use]
    pub fn empty(annotator: &str, now: &str) -> Self {
        Self {
            editor: Editor::new(Project::new("Untitled", annotator, now)),
            file: None,
            stamp: None,
            lock: None,
        }
    }

    /// A workspace whose project differs from what is on disk (or was never saved), e.g. a
    /// restored recovery copy.
    #[must_use]
    pub fn unsaved(project: Project, file: Option<PathBuf>) -> Self {
        Self {
            editor: Editor::new_unsaved(project),
            file,
            stamp: None,
            lock: None,
        }
    }

    /// Whether this workspace holds its project's lock ([`Workspace::open_locked`]).
    #[must_use]
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Opens the project file at `path` with full validation.
    pub fn open(path: &Path) -> Result<Opened, LoadError> {
        let loaded = store::load(path)?;
        let mut workspace = Self::saved(loaded.project, path.to_owned());
        workspace.stamp = loaded.stamp;
        Ok(Opened {
            workspace,
            warnings: loaded.warnings,
        })
    }

    /// Opens the project file at `path` for read-modify-write: takes its lock first (waiting for
    /// another writer to finish) and holds it until the workspace is dropped.
    pub fn open_locked(path: &Path) -> Result<Opened, WorkspaceError> {
        let lock = ProjectLock::acquire(path)?;
        let mut opened = Self::open(path)?;
        opened.workspace.lock = Some(lock);
        Ok(opened)
    }

    /// Reads the project's file again, replacing the project in memory and its undo history
    /// (the window first keeps unsaved work as a recovery copy); returns what its check found.
    pub fn reload(&mut self) -> Result<Vec<LocatedProblem>, WorkspaceError> {
        let file = self.file.clone().ok_or(WorkspaceError::NoFile)?;
        let loaded = store::load(&file)?;
        self.editor = Editor::new(loaded.project);
        self.stamp = loaded.stamp;
        Ok(loaded.warnings)
    }

    /// Whether the project's file looks changed on disk since it was opened or last saved (its
    /// size or modification time differ): another program, a sync or a `git pull` wrote it. A
    /// missing file does not count: there is nothing to reload.
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        match (&self.file, &self.stamp) {
            (Some(file), Some(stamp)) => file.exists() && !stamp.looks_current(file),
            _ => false,
        }
    }

    /// A new, unsaved project holding the article at `article`, titled after it. The project
    /// is built with the article in it, not through an undoable edit: there is nothing to undo
    /// back to, and an undo record would hold a second copy of the text.
    pub fn from_article(
        article: &Path,
        annotator: &str,
        now: &str,
    ) -> Result<Self, WorkspaceError> {
        let article = import::read_article(article)?;
        let empty = Project::new(&article.title, annotator, now);
        let id = ids::fresh_id(&empty, "d");
        let project = Project::from_parts(
            empty.meta().clone(),
            empty.labels().to_vec(),
            vec![article.into_document(&id)],
        );
        let problems = validate::check_project(&project);
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems).into());
        }
        Ok(Self::unsaved(project, None))
    }

    /// Imports the article at `path` as a new document; returns its id.
    pub fn add_article(&mut self, path: &Path, now: &str) -> Result<String, WorkspaceError> {
        let article = import::read_article(path)?;
        let id = ids::fresh_id(self.editor.project(), "d");
        self.editor
            .apply(Edit::AddDocument(Box::new(article.into_document(&id))), now)?;
        Ok(id)
    }

    /// Replaces document `doc`'s text with the article at `path`, carrying every annotation
    /// across (see [`crate::reanchor`]) as one undoable step; returns what became of them.
    pub fn update_article(
        &mut self,
        doc: &str,
        path: &Path,
        now: &str,
    ) -> Result<reanchor::Report, WorkspaceError> {
        let new = reanchor::NewText::from(import::read_article(path)?);
        let reanchored = reanchor::reanchor(self.editor.project(), doc, new, now)?;
        self.editor
            .apply(Edit::UpdateText(Box::new(reanchored.update)), now)?;
        Ok(reanchored.report)
    }

    /// Saves to the project's file, refusing with [`SaveError::ChangedOnDisk`] when another
    /// program changed it since it was opened or last saved.
    pub fn save(&mut self) -> Result<(), WorkspaceError> {
        self.save_allowing(Allow::default())
    }

    /// Saves to the project's file whatever it holds now: the user chose to replace another
    /// program's changes (its version stays as the backup, `NAME.bak`).
    pub fn overwrite(&mut self) -> Result<(), WorkspaceError> {
        self.save_allowing(Allow {
            other_changes: true,
            read_only: false,
        })
    }

    /// Saves to the project's file, replacing what `allow` says the user agreed to replace.
    pub fn save_allowing(&mut self, allow: Allow) -> Result<(), WorkspaceError> {
        let file = self.file.clone().ok_or(WorkspaceError::NoFile)?;
        let expected = self.stamp.clone();
        Ok(self.write(&file, expected.as_ref(), allow)?)
    }

    /// Saves to `path` (a file the user chose, replaced if it exists, unless it is read-only),
    /// which becomes the project's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.write(path, None, Allow::default())
    }

    /// Writes the project to `path` under its lock (the one held, or taken for this save),
    /// checking the file against `expected` when given.
    fn write(
        &mut self,
        path: &Path,
        expected: Option<&DiskStamp>,
        allow: Allow,
    ) -> Result<(), SaveError> {
        let taken;
        let lock = match &self.lock {
            Some(held) if self.file.as_deref() == Some(path) => held,
            _ => {
                taken = ProjectLock::acquire(path)?;
                &taken
            }
        };
        let stamp = store::save_checked(self.editor.project(), path, expected, allow, lock)?;
        self.editor.mark_saved();
        self.file = Some(path.to_owned());
        self.stamp = Some(stamp);
        Ok(())
    }

    #[must_use]
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    pub fn editor_mut(&mut self) -> &mut Editor {
        &mut self.editor
    }

    #[must_use]
    pub fn project(&self) -> &Project {
        self.editor.project()
    }

    /// The file the project is saved to, if any.
    #[must_use]
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Whether there are changes since the last save (or the project was never saved).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.editor.is_dirty()
    }
}

/// The annotator to record when none is given: `MARGINALIA_ANNOTATOR`, else the login name.
#[must_use]
pub fn default_annotator() -> String {
    ["MARGINALIA_ANNOTATOR", "USER", "USERNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-01-01T00:00:00Z";

    #[test]
    fn an_article_becomes_an_unsaved_project_that_save_needs_a_file_for() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("memo.txt");
        std::fs::write(&article, "Memo\n\nStates must act.\n").unwrap();
        let mut workspace = Workspace::from_article(&article, "ana", NOW).unwrap();
        assert!(workspace.is_dirty());
        assert_eq!(workspace.project().documents().len(), 1);
        assert!(matches!(workspace.save(), Err(WorkspaceError::NoFile)));

        let file = dir.path().join("memo.ron");
        workspace.save_as(&file).unwrap();
        assert!(!workspace.is_dirty());
        assert_eq!(workspace.file(), Some(file.as_path()));
        let opened = Workspace::open(&file).unwrap();
        assert_eq!(opened.workspace.project(), workspace.project());
        assert!(opened.warnings.is_empty());
    }

    #[test]
    fn a_failed_import_leaves_the_project_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut workspace = Workspace::unsaved(Project::new("t", "a", NOW), None);
        let before = workspace.project().clone();
        assert!(
            workspace
                .add_article(&dir.path().join("missing.txt"), NOW)
                .is_err()
        );
        assert_eq!(workspace.project(), &before);
    }

    #[test]
    fn a_save_refuses_to_replace_changes_it_did_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.ron");
        store::save(&Project::new("Mine", "ana", NOW), &file).unwrap();
        let mut workspace = Workspace::open(&file).unwrap().workspace;
        assert!(!workspace.changed_on_disk());

        // Another program writes the file.
        let theirs = Project::new("Theirs", "ben", NOW);
        store::save(&theirs, &file).unwrap();
        assert!(workspace.changed_on_disk());
        let edit = Edit::SetProjectInfo {
            title: "Mine, edited".into(),
            annotator: "ana".into(),
        };
        workspace.editor_mut().apply(edit, NOW).unwrap();
        let error = workspace.save().unwrap_err();
        assert!(
            matches!(error, WorkspaceError::Save(SaveError::ChangedOnDisk { .. })),
            "{error:?}"
        );
        assert_eq!(store::load(&file).unwrap().project.meta().title, "Theirs");
        assert!(workspace.is_dirty(), "the work in memory is untouched");

        // Overwrite replaces theirs (kept as the backup); a later save is checked again.
        workspace.overwrite().unwrap();
        assert_eq!(
            store::load(&file).unwrap().project.meta().title,
            "Mine, edited"
        );
        let backup = store::backup_path(&file);
        assert_eq!(store::load(&backup).unwrap().project.meta().title, "Theirs");
        assert!(!workspace.changed_on_disk());
        workspace.save().unwrap();

        // Reload takes the other program's version.
        store::save(&theirs, &file).unwrap();
        workspace.reload().unwrap();
        assert_eq!(workspace.project().meta().title, "Theirs");
        assert!(!workspace.is_dirty() && !workspace.changed_on_disk());
    }

    #[test]
    fn a_locked_workspace_makes_other_writers_wait() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.ron");
        store::save(&Project::new("Mine", "ana", NOW), &file).unwrap();
        let mut workspace = Workspace::open_locked(&file).unwrap().workspace;
        let other = ProjectLock::acquire_within(&file, std::time::Duration::from_millis(30));
        assert!(matches!(other, Err(SaveError::Busy { .. })));
        workspace.save().unwrap();
        drop(workspace);
        assert!(ProjectLock::acquire_within(&file, std::time::Duration::from_millis(30)).is_ok());
    }
}
