//! Keys that act on the whole window: the label palette's keys (which win over any text field),
//! file and history shortcuts, and the keys for the selected annotation (Delete, 1–9 to relabel,
//! Alt+arrows to move its boundaries) when no text field has the focus. Also the window's close
//! button, which the unsaved-changes guard can hold back.

use eframe::egui::{self, Context, Key, Modifiers, ViewportCommand};

use super::{
    action::{Action, FileRequest},
    analysis::AnalysisTab,
    app::MarginaliaApp,
    article::DIGIT_KEYS,
    shortcuts,
};
use crate::{
    model::nudge::{Boundary, Direction},
    ui::suggestions::SuggestAction,
};

/// The keys that move a boundary of the selected annotation or of the suggestion looked at,
/// with Shift first: a key test without Shift would also match the shifted key.
const BOUNDARY_MOVES: [(Modifiers, Key, Boundary, Direction); 4] = [
    (
        Modifiers::ALT.plus(Modifiers::SHIFT),
        Key::ArrowLeft,
        Boundary::End,
        Direction::Back,
    ),
    (
        Modifiers::ALT.plus(Modifiers::SHIFT),
        Key::ArrowRight,
        Boundary::End,
        Direction::Forward,
    ),
    (
        Modifiers::ALT,
        Key::ArrowLeft,
        Boundary::Start,
        Direction::Back,
    ),
    (
        Modifiers::ALT,
        Key::ArrowRight,
        Boundary::Start,
        Direction::Forward,
    ),
];

impl MarginaliaApp {
    /// Shortcuts; the single keys only when `keys_free` (no text field has focus).
    pub(super) fn global_keys(
        &mut self,
        ctx: &Context,
        keys_free: bool,
        actions: &mut Vec<Action>,
    ) {
        let shortcut_actions = [
            (shortcuts::SAVE_AS, Action::Choose(FileRequest::SaveAs)),
            (shortcuts::SAVE, Action::Save),
            (shortcuts::OPEN, Action::Choose(FileRequest::OpenProject)),
            (shortcuts::NEW, Action::Choose(FileRequest::NewFromArticle)),
            (shortcuts::QUIT, Action::Quit),
            // Before Ctrl+F, which matches the shifted keys too.
            (
                shortcuts::SEARCH_ALL,
                Action::ShowAnalysis(AnalysisTab::Search),
            ),
            (shortcuts::FIND, Action::ShowFind),
            (shortcuts::HELP, Action::ShowShortcuts),
            (shortcuts::EXPORT, Action::ShowExport),
        ];
        let blocked = self.modal.is_some() || self.files.busy() || self.export_open;
        // The link picker's keys first, before its filter field sees them.
        if !blocked
            && self.compare.is_none()
            && let Some(picker) = &mut self.linking
            && let Some(doc) = self
                .doc
                .as_deref()
                .and_then(|d| self.workspace.project().document(d))
        {
            picker.keys(ctx, self.workspace.project(), doc, actions);
        }
        // The palette's keys first, before any panel (and its text fields) sees them.
        if !blocked
            && self.compare.is_none()
            && let Some(view) = self.doc.as_ref().and_then(|d| self.views.get_mut(d))
        {
            view.palette_keys(ctx, self.workspace.project(), actions);
        }
        for (shortcut, action) in shortcut_actions {
            if !blocked && ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                actions.push(action);
            }
        }
        // With Shift first: a shortcut without Shift also matches the shifted keys.
        for (shortcut, open) in [
            (
                shortcuts::TOGGLE_RIGHT_PANEL,
                &mut self.prefs.right_panel.open,
            ),
            (
                shortcuts::TOGGLE_LEFT_PANEL,
                &mut self.prefs.left_panel.open,
            ),
        ] {
            if !blocked && ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                *open = !*open;
            }
        }
        if !keys_free || blocked {
            return;
        }
        // Undo and redo belong to a text field while one has focus.
        for (shortcut, action) in [
            (shortcuts::REDO, Action::Redo),
            (shortcuts::REDO_ALT, Action::Redo),
            (shortcuts::UNDO, Action::Undo),
        ] {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                actions.push(action);
            }
        }
        if let Some(view) = &self.compare {
            let mut compare_actions = Vec::new();
            view.keys(ctx, &mut compare_actions);
            actions.extend(compare_actions.into_iter().map(Action::from));
            return;
        }
        // Escape stops placing an orphan (a selection in progress takes Escape first).
        if self.placing.is_some()
            && self.text_selection().is_none()
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            actions.push(Action::PlaceBySelection(None));
        }
        self.suggestion_keys(ctx, actions);
        let Some(id) = self.selected.clone() else {
            return;
        };
        if self.text_selection().is_some() {
            return;
        }
        if ctx.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::Delete)
                || i.consume_key(Modifiers::NONE, Key::Backspace)
        }) {
            actions.push(Action::Delete(id.clone()));
            return;
        }
        // With Shift first: a key test without Shift would also match the shifted key.
        if ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::L)) {
            actions.push(Action::LinkToPrevious);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::L)) {
            // The typed letter goes with the key: the picker's filter must not receive it.
            ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            actions.push(Action::StartLink);
            return;
        }
        for (modifiers, key, boundary, direction) in BOUNDARY_MOVES {
            if ctx.input_mut(|i| i.consume_key(modifiers, key)) {
                actions.push(Action::Nudge {
                    id: id.clone(),
                    boundary,
                    direction,
                });
            }
        }
        for (key, digit) in DIGIT_KEYS {
            if let Some(label) = self.workspace.project().label_for_key(digit)
                && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key))
            {
                actions.push(Action::Relabel {
                    id: id.clone(),
                    label: label.id.clone(),
                });
            }
        }
    }

    /// F8 and Shift+F8 step through the suggestions; while one is looked at (and no annotation
    /// or text is selected), Enter accepts it, Delete rejects it, Alt(+Shift)+arrows move its
    /// boundaries and Escape stops looking at it.
    fn suggestion_keys(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        let mut ask = |a: SuggestAction| actions.push(Action::Suggest(a));
        if self
            .suggestions
            .list()
            .is_some_and(|l| !l.shown().is_empty())
        {
            // With Shift first: a key test without Shift would also match the shifted key.
            if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::PREVIOUS_SUGGESTION)) {
                ask(SuggestAction::Step(false));
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::NEXT_SUGGESTION)) {
                ask(SuggestAction::Step(true));
            }
        }
        let Some(index) = self.suggestions.current() else {
            return;
        };
        if self.selected.is_some() || self.text_selection().is_some() {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcuts::ACCEPT_SUGGESTION)) {
            ask(SuggestAction::Accept(index));
        }
        if ctx.input_mut(|i| {
            i.consume_shortcut(&shortcuts::REJECT_SUGGESTION)
                || i.consume_key(Modifiers::NONE, Key::Backspace)
        }) {
            ask(SuggestAction::Reject(index));
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            ask(SuggestAction::Focus(None));
        }
        for (modifiers, key, boundary, direction) in BOUNDARY_MOVES {
            if ctx.input_mut(|i| i.consume_key(modifiers, key)) {
                ask(SuggestAction::Move {
                    index,
                    boundary,
                    direction,
                });
            }
        }
    }

    /// The window's close button: held back by the unsaved-changes guard.
    pub(super) fn close_request(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && (self.workspace.is_dirty() || self.has_unsaved_decisions())
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if self.modal.is_none() {
                actions.push(Action::Quit);
            }
        }
    }
}
