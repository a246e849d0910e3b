//! The unsaved-changes guard: before the open project is replaced or the window closes, what to
//! do next — go on, or first ask about curation decisions not saved in a merged project, then
//! about changes not saved in the project — and, once the user answers, what follows. A plain
//! state machine, the same for any front end.

use std::path::PathBuf;

/// What was asked for that would replace the open project or end the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    NewFromArticle,
    OpenProject,
    OpenPath(PathBuf),
    Quit,
}

/// What to do before `Pending` can happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuardStep {
    /// Nothing would be lost: go on.
    Proceed(Pending),
    /// Ask whether to discard the comparison's decisions not saved in a merged project.
    AskUnsavedDecisions(Pending),
    /// Ask Save / Discard / Cancel for the project's unsaved changes.
    AskUnsavedChanges(Pending),
}

/// The user's answer to the unsaved-changes question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangesAnswer {
    Save,
    Discard,
    Cancel,
}

/// What follows an answer to the unsaved-changes question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterAnswer {
    /// Save to the project's file; go on only if that succeeds.
    SaveThen(Pending),
    /// The project has no file yet: ask where to save it (Save as…); go on once saved.
    SaveAsThen(Pending),
    /// Drop the unsaved changes (and their recovery copy), then go on.
    DiscardThen(Pending),
    /// Do nothing.
    Stop,
}

/// The first step towards `then`, given whether a comparison holds decisions not saved in a
/// merged project and whether the project has unsaved changes. Decisions are asked about first;
/// once they are discarded, call again with `unsaved_decisions` false.
#[must_use]
pub fn guard(then: Pending, unsaved_decisions: bool, dirty: bool) -> GuardStep {
    if unsaved_decisions {
        GuardStep::AskUnsavedDecisions(then)
    } else if dirty {
        GuardStep::AskUnsavedChanges(then)
    } else {
        GuardStep::Proceed(then)
    }
}

/// What follows `answer` to the unsaved-changes question asked before `then`, for a project
/// that `has_file` (or was never saved).
#[must_use]
pub fn after_answer(then: Pending, answer: ChangesAnswer, has_file: bool) -> AfterAnswer {
    match answer {
        ChangesAnswer::Save if has_file => AfterAnswer::SaveThen(then),
        ChangesAnswer::Save => AfterAnswer::SaveAsThen(then),
        ChangesAnswer::Discard => AfterAnswer::DiscardThen(then),
        ChangesAnswer::Cancel => AfterAnswer::Stop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_asked_about_before_changes_and_nothing_unsaved_goes_on() {
        let open = || Pending::OpenPath(PathBuf::from("other.ron"));
        // (unsaved decisions, unsaved changes, step)
        let cases = [
            (true, true, GuardStep::AskUnsavedDecisions(open())),
            (true, false, GuardStep::AskUnsavedDecisions(open())),
            (false, true, GuardStep::AskUnsavedChanges(open())),
            (false, false, GuardStep::Proceed(open())),
        ];
        for (decisions, dirty, step) in cases {
            assert_eq!(guard(open(), decisions, dirty), step, "{decisions} {dirty}");
        }
    }

    #[test]
    fn save_needs_a_file_discard_goes_on_and_cancel_stops() {
        let cases = [
            (
                ChangesAnswer::Save,
                true,
                AfterAnswer::SaveThen(Pending::Quit),
            ),
            (
                ChangesAnswer::Save,
                false,
                AfterAnswer::SaveAsThen(Pending::Quit),
            ),
            (
                ChangesAnswer::Discard,
                false,
                AfterAnswer::DiscardThen(Pending::Quit),
            ),
            (ChangesAnswer::Cancel, true, AfterAnswer::Stop),
        ];
        for (answer, has_file, after) in cases {
            assert_eq!(
                after_answer(Pending::Quit, answer, has_file),
                after,
                "{answer:?}"
            );
        }
    }
}
