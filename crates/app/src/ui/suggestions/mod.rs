//! Suggestions in the window: the offline rules run over the shown document or all of them in
//! the background (progress, Cancel), their proposals drawn in the article apart from the
//! coding, stepped through with keys, accepted (a claim with its source, linked), rejected, or
//! moved before accepting; every decision an undoable edit. The proposals themselves are never
//! saved: only what is accepted or rejected enters the project. Offsets are chars.

mod list;
mod run;
mod tab;

use std::time::Duration;

pub use list::{Filter, List, Status};
pub use run::{Ended, Run, Scope};
pub use tab::ui as tab_ui;

use crate::model::{
    Project,
    nudge::{Boundary, Direction},
};

/// What the suggestion views ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum SuggestAction {
    /// Run the rules over this scope (replacing the last run's proposals).
    Run(Scope),
    Cancel,
    /// Look at this proposal (show its document, scroll to it), or at none.
    Focus(Option<usize>),
    /// The next (`true`) or previous shown proposal.
    Step(bool),
    /// Accept the proposal (a claim with its pending source, linked).
    Accept(usize),
    Reject(usize),
    /// Accept, or reject, every proposal the filter shows.
    AcceptShown,
    RejectShown,
    /// Move a boundary of the proposal by a word before accepting it.
    Move {
        index: usize,
        boundary: Boundary,
        direction: Direction,
    },
    /// Show only these proposals.
    SetFilter(Filter),
    /// Forget the proposals.
    Clear,
}

/// The window's suggestions: a run going on, the last run's proposals, the one looked at.
#[derive(Default)]
pub struct Suggestions {
    run: Option<Run>,
    list: Option<List>,
    current: Option<usize>,
}

impl Suggestions {
    #[must_use]
    pub fn running(&self) -> Option<&Run> {
        self.run.as_ref()
    }

    #[must_use]
    pub fn list(&self) -> Option<&List> {
        self.list.as_ref()
    }

    pub fn list_mut(&mut self) -> Option<&mut List> {
        self.list.as_mut()
    }

    /// The proposal looked at, while it is shown.
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        self.current
            .filter(|i| self.list.as_ref().is_some_and(|l| l.shown().contains(i)))
    }

    pub fn set_current(&mut self, index: Option<usize>) {
        self.current = index;
    }

    /// Starts a run over `scope` of `project`; one already going on is cancelled.
    pub fn start(&mut self, project: &Project, scope: Scope) {
        if let Some(run) = &self.run {
            run.cancel();
        }
        self.run = Some(Run::start(project, scope));
    }

    pub fn cancel(&mut self) {
        if let Some(run) = &self.run {
            run.cancel();
        }
    }

    pub fn clear(&mut self) {
        self.cancel();
        self.list = None;
        self.current = None;
    }

    /// Takes the result of a run that ended: its proposals become the list (read against
    /// `project` at `revision`). Returns how the run ended, once.
    pub fn poll(&mut self, project: &Project, revision: u64) -> Option<Poll> {
        let run = self.run.as_mut()?;
        let ended = run.finished()?;
        let run = self.run.take()?;
        let elapsed = run.elapsed();
        Some(match ended {
            Ended::Done(proposals) => {
                let mut list = List::new(run.scope, run.documents, proposals);
                if let Some(old) = &self.list {
                    list.set_filter(old.filter().clone());
                }
                list.refresh(project, revision);
                let shown = list.shown().len();
                self.current = list.shown().first().copied();
                self.list = Some(list);
                Poll::Done {
                    scope: run.scope,
                    shown,
                    elapsed,
                }
            }
            Ended::Cancelled => Poll::Cancelled,
            Ended::Failed => Poll::Failed,
        })
    }

    /// Reads the project again after it changed.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        if let Some(list) = &mut self.list {
            list.refresh(project, revision);
        }
    }
}

/// A run that ended, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    Done {
        scope: Scope,
        /// Proposals shown (pending, passing the filter).
        shown: usize,
        elapsed: Duration,
    },
    Cancelled,
    Failed,
}
