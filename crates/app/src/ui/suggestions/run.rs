//! One run of the suggestion rules in the background: the project as it was when the run
//! started, worked through on its own thread, with progress the window shows and a Cancel that
//! stops it between documents. Offsets are chars.

use std::{
    sync::Arc,
    thread::JoinHandle,
    time::{Duration, Instant},
};

use crate::{
    model::Project,
    progress::{Cancelled, Progress},
    suggest::{Proposal, Roles, Rules, SuggestOptions, suggest_with_progress},
};

/// What a run covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The document shown (its index in the project).
    Document(usize),
    AllDocuments,
}

/// Each document of the project when a run started: its id and the SHA-256 of its text (a
/// proposal holds only for that text).
pub type Snapshot = Vec<(String, String)>;

/// A run in progress.
pub struct Run {
    pub scope: Scope,
    pub documents: Snapshot,
    progress: Arc<Progress>,
    handle: Option<JoinHandle<Result<Vec<Proposal>, Cancelled>>>,
    started: Instant,
}

impl Run {
    /// Starts the rules on a copy of `project`, over `scope`.
    #[must_use]
    pub fn start(project: &Project, scope: Scope) -> Self {
        let documents = project
            .documents()
            .iter()
            .map(|d| (d.id().to_owned(), d.text_sha256().to_owned()))
            .collect();
        let progress = Arc::new(Progress::new());
        let options = SuggestOptions {
            doc: match scope {
                Scope::Document(i) => Some(i),
                Scope::AllDocuments => None,
            },
            ..SuggestOptions::default()
        };
        let project = project.clone();
        let shared = Arc::clone(&progress);
        let handle = std::thread::Builder::new()
            .name("suggestions".into())
            .spawn(move || {
                let roles = Roles::of(&project);
                suggest_with_progress(&project, &Rules::english(), &roles, &options, &shared)
            })
            .ok();
        Self {
            scope,
            documents,
            progress,
            handle,
            started: Instant::now(),
        }
    }

    /// The share done, 0–1.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// How long the run has gone on.
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// How the run ended, once it has (`None` while it goes on).
    pub fn finished(&mut self) -> Option<Ended> {
        if self.handle.as_ref().is_some_and(|h| !h.is_finished()) {
            return None;
        }
        Some(match self.handle.take().map(JoinHandle::join) {
            Some(Ok(Ok(proposals))) => Ended::Done(proposals),
            Some(Ok(Err(Cancelled))) => Ended::Cancelled,
            None | Some(Err(_)) => Ended::Failed,
        })
    }
}

/// How a run ended.
pub enum Ended {
    Done(Vec<Proposal>),
    Cancelled,
    /// Its thread could not start, or stopped on a fault.
    Failed,
}
