//! When a recovery copy of the open project is due: while there are unsaved changes, one copy
//! once they have waited the interval since they began (or since the last copy), and none while
//! the project is as the last copy holds it. Plain state and a clock reading passed in, so the
//! rule is tested without a window or a real clock.

use std::time::{Duration, Instant};

/// What the schedule says at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryDue {
    /// Nothing to write: no unsaved changes, or the last copy already holds them.
    Nothing,
    /// A copy is due after this much more time (ask to be woken then).
    In(Duration),
    /// Write a copy now, then call [`RecoverySchedule::written`].
    Now,
}

/// The state of the recovery copies of one open project.
#[derive(Debug, Clone, Default)]
pub struct RecoverySchedule {
    /// When the changes not yet in a copy began.
    dirty_since: Option<Instant>,
    /// The project revision (see [`crate::model::Editor::revision`]) the last copy holds.
    written_revision: Option<u64>,
}

impl RecoverySchedule {
    /// Forgets the timers (after a save, a discard, or when another project opens).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether a copy is due at `now`, for a project that is `dirty` at `revision`, with copies
    /// `interval` apart.
    pub fn due(
        &mut self,
        dirty: bool,
        revision: u64,
        interval: Duration,
        now: Instant,
    ) -> RecoveryDue {
        if !dirty || self.written_revision == Some(revision) {
            self.dirty_since = None;
            return RecoveryDue::Nothing;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let waited = now.saturating_duration_since(since);
        if waited < interval {
            RecoveryDue::In(interval - waited)
        } else {
            RecoveryDue::Now
        }
    }

    /// Records that a copy of `revision` was written (or its writing failed and was reported):
    /// the next copy waits for new changes and a full interval.
    pub fn written(&mut self, revision: u64) {
        self.written_revision = Some(revision);
        self.dirty_since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTERVAL: Duration = Duration::from_secs(30);

    #[test]
    fn a_copy_is_due_once_changes_have_waited_the_interval() {
        let start = Instant::now();
        let mut schedule = RecoverySchedule::default();
        assert_eq!(
            schedule.due(false, 1, INTERVAL, start),
            RecoveryDue::Nothing
        );
        assert_eq!(
            schedule.due(true, 2, INTERVAL, start),
            RecoveryDue::In(INTERVAL)
        );
        let later = start + Duration::from_secs(10);
        assert_eq!(
            schedule.due(true, 3, INTERVAL, later),
            RecoveryDue::In(Duration::from_secs(20)),
            "more changes do not restart the wait"
        );
        assert_eq!(
            schedule.due(true, 3, INTERVAL, start + INTERVAL),
            RecoveryDue::Now
        );
    }

    #[test]
    fn after_a_copy_the_next_waits_for_new_changes_and_a_full_interval() {
        let start = Instant::now();
        let mut schedule = RecoverySchedule::default();
        schedule.due(true, 5, INTERVAL, start);
        schedule.written(5);
        let much_later = start + 10 * INTERVAL;
        assert_eq!(
            schedule.due(true, 5, INTERVAL, much_later),
            RecoveryDue::Nothing
        );
        assert_eq!(
            schedule.due(true, 6, INTERVAL, much_later),
            RecoveryDue::In(INTERVAL)
        );
        assert_eq!(
            schedule.due(true, 6, INTERVAL, much_later + INTERVAL),
            RecoveryDue::Now
        );
    }

    #[test]
    fn a_zero_interval_writes_at_once_and_a_reset_forgets_the_last_copy() {
        let now = Instant::now();
        let mut schedule = RecoverySchedule::default();
        assert_eq!(schedule.due(true, 1, Duration::ZERO, now), RecoveryDue::Now);
        schedule.written(1);
        schedule.reset();
        assert_eq!(schedule.due(true, 1, Duration::ZERO, now), RecoveryDue::Now);
    }
}
