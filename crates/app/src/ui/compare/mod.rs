//! The compare view: the open project beside other analysts' projects of the same articles —
//! the text with each analyst's annotations (side by side or stacked), the agreement figures, the
//! list of differences, and curation into a merged project. The session (projects, comparison,
//! curation, stepping, saving the merge) is [`crate::workspace::CompareSession`]; this module
//! shows it and routes the user's choices.

mod differences;
mod metrics;
mod relation_differences;
mod relation_metrics;
mod styles;
mod text_view;

use std::path::PathBuf;

use eframe::egui::{self, Context, Key, Modifiers, Ui};

use crate::{compare::Decision, workspace::CompareSession};
use text_view::TextView;

/// The keys that decide the current difference among `analysts` analysts: A, B, C… (the
/// analyst's letter, up to H) accept that analyst's version, K keeps all, X drops, U undecides.
#[must_use]
pub fn decision_keys(analysts: usize) -> Vec<(Key, Option<Decision>)> {
    const LETTERS: [Key; 8] = [
        Key::A,
        Key::B,
        Key::C,
        Key::D,
        Key::E,
        Key::F,
        Key::G,
        Key::H,
    ];
    let mut keys: Vec<(Key, Option<Decision>)> = LETTERS
        .iter()
        .take(analysts)
        .enumerate()
        .map(|(analyst, &key)| (key, Some(Decision::Accept(analyst))))
        .collect();
    keys.extend([
        (Key::K, Some(Decision::KeepAll)),
        (Key::X, Some(Decision::Drop)),
        (Key::U, None),
    ]);
    keys
}

/// How the analysts' versions are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One column per analyst, paragraphs aligned.
    SideBySide,
    /// The text once, with a gutter per analyst.
    Stacked,
}

/// What the compare view asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareAction {
    ShowDocument(usize),
    /// Make this item (of the shown document) current and scroll to it.
    Show(usize),
    /// Step to the next (`true`) or previous difference.
    Step(bool),
    Decide(usize, Option<Decision>),
    /// Decide a relation item of the shown document (`None`: it follows its ends).
    DecideRelation(usize, Option<Decision>),
    AcceptAllAgreements,
    SetLayout(Layout),
    /// Count only characters somebody coded in kappa (or every character).
    SetExcludeUncoded(bool),
    /// Close the comparison; `confirmed` once the user agreed to lose unsaved decisions.
    Close {
        confirmed: bool,
    },
    /// Ask where to save the merged project (the window's Save merged project as…).
    SaveMerged,
    /// Open the merged project saved at this path, in place of the comparison.
    OpenMerged(PathBuf),
}

/// The compare view: an open comparison and how it is shown.
pub struct CompareView {
    session: CompareSession,
    text_view: TextView,
    layout: Layout,
    /// Whether closing waits for the user to agree to lose unsaved decisions.
    confirm_close: bool,
}

impl CompareView {
    /// Shows `session`, side by side, from its first document.
    #[must_use]
    pub fn new(session: CompareSession) -> Self {
        let text_view = TextView::new(session.comparison(), session.projects(), 0);
        Self {
            session,
            text_view,
            layout: Layout::SideBySide,
            confirm_close: false,
        }
    }

    #[must_use]
    pub fn session(&self) -> &CompareSession {
        &self.session
    }

    pub fn session_mut(&mut self) -> &mut CompareSession {
        &mut self.session
    }

    /// Applies a request of the view; returns true when the comparison should close.
    pub fn apply(&mut self, action: CompareAction) -> bool {
        let (_, before) = self.session.current();
        match action {
            CompareAction::ShowDocument(doc) => {
                if self.session.show_document(doc) {
                    let session = &self.session;
                    self.text_view = TextView::new(session.comparison(), session.projects(), doc);
                }
            }
            CompareAction::Show(item) => {
                self.session.show(item);
                self.text_view.scroll_to(item);
            }
            CompareAction::Step(forward) => {
                if let Some(item) = self.session.step(forward) {
                    self.text_view.scroll_to(item);
                }
            }
            CompareAction::Decide(item, decision) => {
                self.session.decide(item, decision);
                match self.session.current() {
                    (_, Some(now)) if Some(now) != before => self.text_view.scroll_to(now),
                    _ => {}
                }
            }
            CompareAction::DecideRelation(item, decision) => {
                self.session.decide_relation(item, decision);
            }
            CompareAction::AcceptAllAgreements => {
                self.session.accept_all_agreements();
            }
            CompareAction::SetLayout(layout) => self.layout = layout,
            CompareAction::SetExcludeUncoded(exclude) => self.session.set_exclude_uncoded(exclude),
            // The window's file actions: `From<CompareAction> for Action` routes them there.
            CompareAction::SaveMerged | CompareAction::OpenMerged(_) => {}
            CompareAction::Close { confirmed } => {
                if confirmed || !self.session.has_unsaved_decisions() {
                    return true;
                }
                self.confirm_close = true;
            }
        }
        false
    }

    /// The single-key shortcuts of the view, when no text field has focus: N / P step through
    /// the differences, and for the current one A, B, C… accept that analyst's version,
    /// K keeps all, X drops, U undecides (see [`decision_keys`]).
    pub fn keys(&self, ctx: &Context, actions: &mut Vec<CompareAction>) {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::N)) {
            actions.push(CompareAction::Step(true));
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::P)) {
            actions.push(CompareAction::Step(false));
        }
        let (_, Some(item)) = self.session.current() else {
            return;
        };
        for (key, decision) in decision_keys(self.session.comparison().analysts.len()) {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                actions.push(CompareAction::Decide(item, decision));
            }
        }
    }

    /// The whole compare view inside the window's central area.
    pub fn ui(&mut self, ui: &mut Ui, dark: bool, actions: &mut Vec<CompareAction>) {
        let session = &self.session;
        let (doc, current) = session.current();
        egui::Panel::left("compare-metrics")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("compare-metrics-scroll")
                    .show(ui, |ui| {
                        metrics::metrics_ui(
                            ui,
                            session.comparison(),
                            doc,
                            session.exclude_uncoded(),
                            actions,
                        );
                    });
            });
        egui::Panel::right("compare-differences")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                let input = differences::PanelInput {
                    comparison: session.comparison(),
                    curation: session.curation(),
                    doc,
                    current,
                    saved_to: session.saved_to(),
                    unsaved: session.has_unsaved_decisions(),
                    confirm_close: self.confirm_close,
                    labels: &session.comparison().labels,
                };
                differences::differences_ui(ui, &input, actions);
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("Layout:");
                if ui
                    .selectable_label(self.layout == Layout::SideBySide, "Side by side")
                    .clicked()
                {
                    actions.push(CompareAction::SetLayout(Layout::SideBySide));
                }
                if ui
                    .selectable_label(self.layout == Layout::Stacked, "Stacked")
                    .clicked()
                {
                    actions.push(CompareAction::SetLayout(Layout::Stacked));
                }
            });
            styles::legend_ui(ui, dark);
            ui.separator();
            let compared = &session.comparison().documents[doc];
            let names = &session.comparison().analysts;
            self.text_view
                .ui(ui, compared, names, self.layout, current, dark, actions);
        });
    }
}
