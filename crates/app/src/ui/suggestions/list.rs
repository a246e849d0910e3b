//! The proposals of the last finished run and what became of each: pending, accepted (coded so
//! in the project), rejected (recorded in its document) or gone (its document removed, or its
//! text updated since). Read from the project at each revision, so that undo and redo bring a
//! proposal back or take it away again. Offsets are chars.

use std::collections::HashMap;

use super::run::{Scope, Snapshot};
use crate::{
    model::{EditError, Project, Span},
    suggest::{AcceptPlan, Proposal, coded_as, plan_accept},
};

/// What became of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Accepted,
    Rejected,
    Gone,
}

/// Which pending proposals show (in the article, the list, and for "accept the shown").
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Labels not shown.
    pub hidden: Vec<String>,
    /// Only proposals at least this sure (0–1).
    pub min_confidence: f32,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            hidden: Vec::new(),
            min_confidence: 0.0,
        }
    }
}

impl Filter {
    fn passes(&self, p: &Proposal) -> bool {
        p.confidence >= self.min_confidence && !self.hidden.contains(&p.label)
    }
}

/// The proposals of one run.
pub struct List {
    pub scope: Scope,
    proposals: Vec<Proposal>,
    /// The documents when the run started (a proposal's `doc` indexes this).
    documents: Snapshot,
    /// For each of those documents: its index in the project now, while its text is the same.
    placed: Vec<Option<usize>>,
    status: Vec<Status>,
    /// The pending proposals that pass the filter, in document and text order.
    shown: Vec<usize>,
    /// The revision `status` was read at; `None` after a boundary moved.
    revision: Option<u64>,
    filter: Filter,
}

impl List {
    #[must_use]
    pub fn new(scope: Scope, documents: Snapshot, proposals: Vec<Proposal>) -> Self {
        Self {
            scope,
            status: vec![Status::Pending; proposals.len()],
            proposals,
            placed: Vec::new(),
            documents,
            shown: Vec::new(),
            revision: None,
            filter: Filter::default(),
        }
    }

    /// Reads what became of each proposal, when the project changed since the last time.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.placed = self
            .documents
            .iter()
            .map(|(id, sha)| {
                project
                    .document_index(id)
                    .filter(|&i| project.documents()[i].text_sha256() == sha)
            })
            .collect();
        for (p, status) in self.proposals.iter().zip(&mut self.status) {
            *status = match self.placed[p.doc].map(|i| &project.documents()[i]) {
                None => Status::Gone,
                Some(doc) if coded_as(doc, p).is_some() => Status::Accepted,
                Some(doc) if doc.is_rejected(p.span, &p.label) => Status::Rejected,
                Some(_) => Status::Pending,
            };
        }
        self.order();
    }

    fn order(&mut self) {
        let mut shown: Vec<usize> = (0..self.proposals.len())
            .filter(|&i| {
                self.status[i] == Status::Pending && self.filter.passes(&self.proposals[i])
            })
            .collect();
        shown.sort_by_key(|&i| {
            let p = &self.proposals[i];
            (self.placed[p.doc], p.span.start, p.span.end)
        });
        self.shown = shown;
    }

    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn set_filter(&mut self, filter: Filter) {
        if filter != self.filter {
            self.filter = filter;
            self.order();
        }
    }

    #[must_use]
    pub fn proposal(&self, index: usize) -> Option<&Proposal> {
        self.proposals.get(index)
    }

    #[must_use]
    pub fn status(&self, index: usize) -> Option<Status> {
        self.status.get(index).copied()
    }

    /// The pending proposals that pass the filter, in document and text order.
    #[must_use]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The project's index of the document proposal `index` lies in, while it is there.
    #[must_use]
    pub fn document_of(&self, index: usize) -> Option<usize> {
        self.proposals.get(index).and_then(|p| self.placed[p.doc])
    }

    /// The shown proposals of the project's document `doc`, in text order.
    pub fn shown_in(&self, doc: usize) -> impl Iterator<Item = (usize, &Proposal)> {
        let first = self
            .shown
            .partition_point(|&i| self.document_of(i).is_none_or(|d| d < doc));
        self.shown[first..]
            .iter()
            .take_while(move |&&i| self.document_of(i) == Some(doc))
            .map(|&i| (i, &self.proposals[i]))
    }

    /// How many proposals are pending (shown or not), accepted and rejected.
    #[must_use]
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Status| self.status.iter().filter(|&&t| t == s).count();
        (
            count(Status::Pending),
            count(Status::Accepted),
            count(Status::Rejected),
        )
    }

    /// The labels proposed, in order of first appearance.
    #[must_use]
    pub fn labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = Vec::new();
        for p in &self.proposals {
            if !labels.contains(&p.label) {
                labels.push(p.label.clone());
            }
        }
        labels
    }

    /// The shown proposal after (or before) `from` in document and text order, or the first
    /// (last) when `from` is not shown; wraps around.
    #[must_use]
    pub fn step(&self, from: Option<usize>, forward: bool) -> Option<usize> {
        let n = self.shown.len();
        if n == 0 {
            return None;
        }
        let at = from.and_then(|f| self.shown.iter().position(|&i| i == f));
        let next = match (at, forward) {
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
            (None, true) => from.and_then(|f| self.next_shown_after(f)).unwrap_or(0),
            (None, false) => n - 1,
        };
        Some(self.shown[next])
    }

    /// The first shown proposal at or after where `index` lies (for moving on after a decision).
    fn next_shown_after(&self, index: usize) -> Option<usize> {
        let p = self.proposals.get(index)?;
        let key = (self.placed[p.doc], p.span.start, p.span.end);
        let k = self.shown.partition_point(|&i| {
            let q = &self.proposals[i];
            (self.placed[q.doc], q.span.start, q.span.end) < key
        });
        (k < self.shown.len()).then_some(k)
    }

    /// Moves proposal `index` to `span` (chars of its document's text), before it is accepted.
    pub fn set_span(&mut self, index: usize, span: Span) {
        if let Some(p) = self.proposals.get_mut(index) {
            p.span = span;
            self.revision = None;
        }
    }

    /// What accepting proposal `index` takes: the proposal, and for a claim its proposed source
    /// while that is pending (accepted together, and linked).
    #[must_use]
    pub fn with_source(&self, index: usize) -> Vec<usize> {
        let source = self.proposals[index]
            .source
            .filter(|&s| self.status[s] == Status::Pending);
        source.into_iter().chain([index]).collect()
    }

    /// Plans accepting the proposals at `chosen` (pending ones) as one undoable step.
    pub fn plan(
        &self,
        project: &Project,
        chosen: &[usize],
        now: &str,
    ) -> Result<AcceptPlan, EditError> {
        // The chosen proposals and their sources, with documents as the project has them now.
        let chosen: Vec<usize> = chosen
            .iter()
            .copied()
            .filter(|&i| self.status.get(i) == Some(&Status::Pending))
            .collect();
        let mut wanted = chosen.clone();
        for &i in &chosen {
            if let Some(s) = self.proposals[i].source
                && !wanted.contains(&s)
                && self.document_of(s).is_some()
            {
                wanted.push(s);
            }
        }
        let at: HashMap<usize, usize> = wanted.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let subset: Vec<Proposal> = wanted
            .iter()
            .filter_map(|&i| {
                let mut p = self.proposals[i].clone();
                p.doc = self.document_of(i)?;
                p.source = p.source.and_then(|s| at.get(&s).copied());
                Some(p)
            })
            .collect();
        let keep: Vec<usize> = (0..chosen.len()).collect();
        plan_accept(project, &subset, &keep, now)
    }
}
