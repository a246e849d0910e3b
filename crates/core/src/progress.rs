//! Progress of long work, shared between the thread doing it and the one showing it: how many
//! units of how many are done, and whether the work was asked to stop. Units are whatever the
//! work counts (documents, bytes); only their ratio is shown.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How far some work has come, and a request to stop it; shared by reference (or `Arc`).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

/// The work stopped because it was cancelled; nothing it would have made was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

impl Progress {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts counting towards `total` units.
    pub fn start(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// `units` more are done.
    pub fn advance(&self, units: usize) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// Units done so far.
    #[must_use]
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Units to do; zero before the work has counted them.
    #[must_use]
    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    /// The share done, 0–1 (0 before the work has counted its units).
    #[must_use]
    pub fn fraction(&self) -> f32 {
        match self.total() {
            0 => 0.0,
            total => (self.done() as f32 / total as f32).min(1.0),
        }
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the work was asked to stop: for `?` between steps.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_share_done_and_stops_when_asked() {
        let progress = Progress::new();
        assert!(progress.fraction().abs() < f32::EPSILON);
        progress.start(4);
        progress.advance(1);
        assert!((progress.fraction() - 0.25).abs() < 1e-6);
        assert_eq!(progress.check(), Ok(()));
        progress.cancel();
        assert_eq!(progress.check(), Err(Cancelled));
    }
}
