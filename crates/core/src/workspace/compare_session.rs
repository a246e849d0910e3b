//! An open comparison of the open project with other analysts' projects, and its curation: the
//! projects, the comparison, the decisions taken, the shown document and its current difference,
//! stepping through the differences, and saving the merged project. Plain state, the same for any
//! front end; the window's compare view draws it.

use std::path::{Path, PathBuf};

use crate::{
    clock::now_rfc3339,
    compare::{CompareOptions, Comparison, Curation, Decision, compare},
    model::Project,
    store::{self, LoadError, SaveError},
};

/// Why a comparison could not start. The open project is untouched either way.
#[derive(Debug, thiserror::Error)]
pub enum CompareSessionError {
    #[error("{}: {source}", path.display())]
    Load {
        path: PathBuf,
        #[source]
        source: LoadError,
    },
    #[error(
        "No article is in every project, so there is nothing to compare. Articles are matched \
         by their text, not their title: the projects must hold the same text of the article."
    )]
    NothingInCommon,
}

/// A comparison and its curation.
pub struct CompareSession {
    /// The open project (as it was when the comparison started) first, then the others.
    projects: Vec<Project>,
    comparison: Comparison,
    curation: Curation,
    /// Index of the shown document in the comparison.
    doc: usize,
    /// Index of the current item in the shown document.
    current: Option<usize>,
    /// Where the merged project was last saved, and whether decisions changed since.
    saved_to: Option<PathBuf>,
    unsaved_decisions: bool,
    /// How the comparison was computed (every label; kappa over coded or all characters).
    options: CompareOptions,
}

impl CompareSession {
    /// Compares `reference` (the open project) with the projects at `others`.
    pub fn open(reference: &Project, others: &[PathBuf]) -> Result<Self, CompareSessionError> {
        let mut projects = vec![reference.clone()];
        for path in others {
            let loaded = store::load(path).map_err(|source| CompareSessionError::Load {
                path: path.clone(),
                source,
            })?;
            projects.push(loaded.project);
        }
        Self::of(projects)
    }

    /// Compares `projects` (the first is the reference, whose text is shown).
    pub fn of(projects: Vec<Project>) -> Result<Self, CompareSessionError> {
        let options = CompareOptions::default();
        let refs: Vec<&Project> = projects.iter().collect();
        let comparison = compare(&refs, &options);
        if comparison.documents.is_empty() {
            return Err(CompareSessionError::NothingInCommon);
        }
        let curation = Curation::new(&comparison);
        Ok(Self {
            projects,
            comparison,
            curation,
            doc: 0,
            current: None,
            saved_to: None,
            unsaved_decisions: false,
            options,
        })
    }

    /// The compared projects, the reference first.
    #[must_use]
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }

    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    #[must_use]
    pub fn curation(&self) -> &Curation {
        &self.curation
    }

    /// The shown document's index in the comparison and its current item, if any.
    #[must_use]
    pub fn current(&self) -> (usize, Option<usize>) {
        (self.doc, self.current)
    }

    /// Whether kappa counts only characters somebody coded.
    #[must_use]
    pub fn exclude_uncoded(&self) -> bool {
        self.options.exclude_uncoded
    }

    /// Where the merged project was last saved.
    #[must_use]
    pub fn saved_to(&self) -> Option<&Path> {
        self.saved_to.as_deref()
    }

    /// Whether decisions changed since the merged project was last saved (or it never was).
    #[must_use]
    pub fn has_unsaved_decisions(&self) -> bool {
        self.unsaved_decisions
    }

    /// Shows document `doc` of the comparison with no current item; false (and nothing changes)
    /// when there is no such document.
    pub fn show_document(&mut self, doc: usize) -> bool {
        if doc >= self.comparison.documents.len() {
            return false;
        }
        self.doc = doc;
        self.current = None;
        true
    }

    /// Makes item `item` of the shown document current.
    pub fn show(&mut self, item: usize) {
        if item < self.comparison.documents[self.doc].items.len() {
            self.current = Some(item);
        }
    }

    /// Makes the next (`forward`) or previous difference current, wrapping round; returns the
    /// new current item, or `None` when the document has no differences.
    pub fn step(&mut self, forward: bool) -> Option<usize> {
        let differences: Vec<usize> = self.comparison.documents[self.doc]
            .differences()
            .map(|(i, _)| i)
            .collect();
        let next = match (self.current, forward) {
            (None, true) => differences.first(),
            (None, false) => differences.last(),
            (Some(at), true) => differences
                .iter()
                .find(|&&i| i > at)
                .or(differences.first()),
            (Some(at), false) => differences
                .iter()
                .rev()
                .find(|&&i| i < at)
                .or(differences.last()),
        };
        let next = next.copied()?;
        self.current = Some(next);
        Some(next)
    }

    /// Decides item `item` of the shown document (`None` undecides it). After a decision the next
    /// undecided difference after it (wrapping round) becomes current; with none left, `item`
    /// stays current.
    pub fn decide(&mut self, item: usize, decision: Option<Decision>) {
        self.curation.decide((self.doc, item), decision);
        self.unsaved_decisions = true;
        if decision.is_some() {
            self.current = Some(self.next_undecided_after(item).unwrap_or(item));
        }
    }

    fn next_undecided_after(&self, item: usize) -> Option<usize> {
        let undecided: Vec<usize> = self.comparison.documents[self.doc]
            .differences()
            .map(|(i, _)| i)
            .filter(|&i| self.curation.decision((self.doc, i)).is_none())
            .collect();
        undecided
            .iter()
            .find(|&&i| i > item)
            .or(undecided.first())
            .copied()
    }

    /// Decides relation item `item` of the shown document (`None`: it follows its ends again).
    pub fn decide_relation(&mut self, item: usize, decision: Option<Decision>) {
        self.curation.decide_relation((self.doc, item), decision);
        self.unsaved_decisions = true;
    }

    /// Accepts every item the analysts agree on; returns how many were decided.
    pub fn accept_all_agreements(&mut self) -> usize {
        let decided = self.curation.accept_all_agreements(&self.comparison);
        if decided > 0 {
            self.unsaved_decisions = true;
        }
        decided
    }

    /// Counts only characters somebody coded in kappa (or every character). Only the figures
    /// change: the items, and so the decisions on them, stay as they are.
    pub fn set_exclude_uncoded(&mut self, exclude: bool) {
        self.options.exclude_uncoded = exclude;
        let refs: Vec<&Project> = self.projects.iter().collect();
        self.comparison = compare(&refs, &self.options);
    }

    /// Undoes the last decision; false when there is none.
    pub fn undo(&mut self) -> bool {
        let undone = self.curation.undo();
        self.unsaved_decisions |= undone;
        undone
    }

    /// Redoes the last undone decision; false when there is none.
    pub fn redo(&mut self) -> bool {
        let redone = self.curation.redo();
        self.unsaved_decisions |= redone;
        redone
    }

    /// The merged project as the decisions stand (undecided items left out).
    #[must_use]
    pub fn merged_project(&self) -> Project {
        let refs: Vec<&Project> = self.projects.iter().collect();
        self.curation
            .merged_project(&self.comparison, &refs, &now_rfc3339())
    }

    /// Saves the merged project to `path` (atomically); the compared projects are untouched.
    /// Returns how many of the analysts' relations were left out because an end was not kept.
    pub fn save_merged(&mut self, path: &Path) -> Result<usize, SaveError> {
        let refs: Vec<&Project> = self.projects.iter().collect();
        let merged = self
            .curation
            .merged(&self.comparison, &refs, &now_rfc3339());
        store::save(&merged.project, path)?;
        self.saved_to = Some(path.to_owned());
        self.unsaved_decisions = false;
        Ok(merged.dropped_relations)
    }

    /// A title to name the merged project's file after.
    #[must_use]
    pub fn merged_title(&self) -> String {
        format!("{} merged", self.projects[0].meta().title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Edit, Editor, Span, edit::new_annotation};

    const NOW: &str = "2026-01-01T00:00:00Z";
    const TEXT: &str = "States must act. Officials said so. Norms matter here.";

    /// A project by `name` of `TEXT` with a claim at each of `spans` (chars).
    fn analyst(name: &str, spans: &[(usize, usize)]) -> Project {
        let mut editor = Editor::new_unsaved(Project::new("Study", name, NOW));
        let document = Document::new("d1", "Memo", TEXT.to_owned());
        editor
            .apply(Edit::AddDocument(Box::new(document)), NOW)
            .unwrap();
        for &(start, end) in spans {
            let span = Span::new(start, end);
            let annotation = new_annotation(editor.project(), "d1", span, "claim", NOW).unwrap();
            let doc = "d1".to_owned();
            editor
                .apply(Edit::AddAnnotation { doc, annotation }, NOW)
                .unwrap();
        }
        editor.into_project()
    }

    /// Two analysts who agree on the first sentence and each coded one sentence the other did not.
    fn session() -> CompareSession {
        let ana = analyst("Ana", &[(0, 16), (17, 35)]);
        let ben = analyst("Ben", &[(0, 16), (36, 54)]);
        CompareSession::of(vec![ana, ben]).unwrap()
    }

    #[test]
    fn stepping_wraps_round_the_differences_only() {
        let mut session = session();
        let differences: Vec<usize> = session.comparison().documents[0]
            .differences()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(differences.len(), 2);
        assert_eq!(session.step(true), Some(differences[0]));
        assert_eq!(session.step(true), Some(differences[1]));
        assert_eq!(session.step(true), Some(differences[0]));
        assert_eq!(session.step(false), Some(differences[1]));
        assert_eq!(session.current(), (0, Some(differences[1])));
    }

    #[test]
    fn a_decision_moves_on_to_the_next_undecided_difference_and_is_unsaved_until_saved() {
        let mut session = session();
        assert!(!session.has_unsaved_decisions());
        let first = session.step(true).unwrap();
        session.decide(first, Some(Decision::KeepAll));
        let (_, current) = session.current();
        assert_ne!(current, Some(first), "moved on");
        assert!(session.has_unsaved_decisions());
        session.decide(current.unwrap(), Some(Decision::Drop));
        assert_eq!(session.current().1, current, "none left: stays");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("merged.ron");
        session.save_merged(&path).unwrap();
        assert!(!session.has_unsaved_decisions());
        assert_eq!(session.saved_to(), Some(path.as_path()));
        let merged = store::load(&path).unwrap().project;
        // The agreed sentence is undecided and left out; one kept, one dropped.
        assert_eq!(merged.documents()[0].annotations().len(), 1);

        assert!(session.undo());
        assert!(session.has_unsaved_decisions(), "an undo is a change too");
    }

    #[test]
    fn accepting_agreements_counts_what_it_decided() {
        let mut session = session();
        assert_eq!(session.accept_all_agreements(), 1);
        assert!(session.has_unsaved_decisions());
        assert_eq!(session.curation().undecided(), 2);
    }

    #[test]
    fn projects_without_a_common_article_cannot_be_compared() {
        let mut editor = Editor::new_unsaved(Project::new("Other", "Ben", NOW));
        let document = Document::new("d1", "Memo", "Another text.".to_owned());
        editor
            .apply(Edit::AddDocument(Box::new(document)), NOW)
            .unwrap();
        let other = editor.into_project();
        let result = CompareSession::of(vec![analyst("Ana", &[]), other]);
        assert!(matches!(result, Err(CompareSessionError::NothingInCommon)));
    }

    #[test]
    fn an_unreadable_project_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("ben.ron");
        let error = CompareSession::open(&analyst("Ana", &[]), std::slice::from_ref(&missing))
            .err()
            .unwrap();
        assert!(
            error
                .to_string()
                .starts_with(&missing.display().to_string())
        );
    }
}
