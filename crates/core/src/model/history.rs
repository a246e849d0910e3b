//! `Editor`: a project with unlimited undo and redo and the unsaved-changes marker — the one place
//! the window and the command line change a project through.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{
    Project,
    change::Change,
    edit::{self, Edit, EditError},
};

/// The source of revisions: one counter for every editor of the process, so that a view caching
/// what it derived from one project never mistakes another (a restored, opened or imported one)
/// for it.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// One undoable step: the changes one edit made.
#[derive(Debug, Clone)]
struct Step {
    /// Unique per state: a step that absorbs more typing gets a new id.
    id: u64,
    description: String,
    /// `Some((doc, annotation))` while note typing into this annotation may still coalesce.
    note_target: Option<(String, String)>,
    changes: Vec<Change>,
}

/// A project being edited.
#[derive(Debug, Clone)]
pub struct Editor {
    project: Project,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// The state id that was last saved; `None` when the project has never been saved.
    saved: Option<u64>,
    /// Whether the next note edit of the same annotation may join the last step.
    coalescing: bool,
    /// Changes with every change to the project (apply, undo, redo) and differs between editors,
    /// for views that cache derived data.
    revision: u64,
}

/// The state id of an empty undo stack.
const INITIAL_STATE: u64 = 0;

impl Editor {
    /// Starts editing a project that is saved as it is (e.g. just loaded).
    #[must_use]
    pub fn new(project: Project) -> Self {
        Self {
            project,
            undo: Vec::new(),
            redo: Vec::new(),
            next_id: INITIAL_STATE + 1,
            saved: Some(INITIAL_STATE),
            coalescing: false,
            revision: fresh_revision(),
        }
    }

    /// Starts editing a project that exists only in memory (e.g. made from an article).
    #[must_use]
    pub fn new_unsaved(project: Project) -> Self {
        Self {
            saved: None,
            ..Self::new(project)
        }
    }

    #[must_use]
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Gives the project back, dropping the history.
    #[must_use]
    pub fn into_project(self) -> Project {
        self.project
    }

    fn state(&self) -> u64 {
        self.undo.last().map_or(INITIAL_STATE, |s| s.id)
    }

    /// Whether the project differs from what was last saved (or was never saved).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.state())
    }

    /// Records that the project as it is now has been written to disk.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.state());
        self.coalescing = false;
    }

    /// Ends note coalescing: the next note edit starts a new undo step (call when the note
    /// editor loses focus or another annotation is selected).
    pub fn end_coalescing(&mut self) {
        self.coalescing = false;
    }

    /// Applies an edit as a new undo step (or folds consecutive note typing into the last one).
    /// `now` is the current time as RFC 3339. On error the project is unchanged.
    pub fn apply(&mut self, edit: Edit, now: &str) -> Result<(), EditError> {
        let changes = edit::apply(&mut self.project, &edit, now)?;
        if changes.is_empty() {
            return Ok(());
        }
        let note_target = match &edit {
            Edit::SetNote { doc, id, .. } => Some((doc.clone(), id.clone())),
            _ => None,
        };
        let id = self.next_id;
        self.next_id += 1;
        self.revision = fresh_revision();
        self.redo.clear();
        match self.undo.last_mut() {
            Some(last)
                if self.coalescing && note_target.is_some() && last.note_target == note_target =>
            {
                last.changes = merge(std::mem::take(&mut last.changes), changes);
                last.id = id;
            }
            _ => self.undo.push(Step {
                id,
                description: describe_step(&edit, &changes),
                note_target,
                changes,
            }),
        }
        self.coalescing = matches!(edit, Edit::SetNote { .. });
        Ok(())
    }

    /// Undoes the last step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for change in step.changes.iter().rev() {
            change.inverse().apply(&mut self.project);
        }
        self.redo.push(step);
        self.coalescing = false;
        self.revision = fresh_revision();
        true
    }

    /// Redoes the last undone step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for change in &step.changes {
            change.apply(&mut self.project);
        }
        self.undo.push(step);
        self.coalescing = false;
        self.revision = fresh_revision();
        true
    }

    /// A number that changes whenever the project changes (by an edit, undo or redo), and that no
    /// other editor of this process has had: a new project never looks like a cached old one.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What Undo would undo ("add annotation"), if anything.
    #[must_use]
    pub fn undo_description(&self) -> Option<&str> {
        self.undo.last().map(|s| s.description.as_str())
    }

    /// What Redo would redo, if anything.
    #[must_use]
    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|s| s.description.as_str())
    }
}

/// The name of an undo step: the edit's, and the relations it removed along with what it deleted
/// ("delete annotation (also removes 1 relation)"), so nothing goes without a word.
fn describe_step(edit: &Edit, changes: &[Change]) -> String {
    let removed = changes
        .iter()
        .filter(|c| matches!(c, Change::RemoveRelation { .. }))
        .count();
    match edit {
        Edit::Batch { name, .. } => name.clone(),
        Edit::DeleteRelation { .. } | Edit::UpdateText(_) | Edit::Import(_) => {
            edit.describe().to_owned()
        }
        _ if removed > 0 => format!(
            "{} (also removes {})",
            edit.describe(),
            super::plural::counted(removed, "relation")
        ),
        _ => edit.describe().to_owned(),
    }
}

/// Folds a later note edit into an earlier one: the first `before`s and the last `after`s.
fn merge(earlier: Vec<Change>, later: Vec<Change>) -> Vec<Change> {
    let mut merged = earlier;
    for change in later {
        let absorbed = merged.iter_mut().any(|old| match (old, &change) {
            (
                Change::ReplaceAnnotation { doc, before, after },
                Change::ReplaceAnnotation {
                    doc: d2,
                    before: b2,
                    after: a2,
                },
            ) if doc == d2 && before.id == b2.id && after == b2 => {
                *after = a2.clone();
                true
            }
            (
                Change::ReplaceMeta { after, .. },
                Change::ReplaceMeta {
                    before: b2,
                    after: a2,
                },
            ) if after == b2 => {
                *after = a2.clone();
                true
            }
            _ => false,
        });
        if !absorbed {
            merged.push(change);
        }
    }
    merged
}
