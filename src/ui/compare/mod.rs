//! The compare view: the open project beside other analysts' projects of the same articles —
//! the text with each analyst's annotations (side by side or stacked), the agreement figures, the
//! list of differences, and curation into a merged project. The comparison and curation
//! themselves live in [`crate::compare`]; this module shows them and routes the user's choices.

mod differences;
mod metrics;
mod styles;
mod text_view;

use std::path::{Path, PathBuf};

use eframe::egui::{self, Context, Key, Modifiers, Ui};

use crate::{
    clock::now_rfc3339,
    compare::{CompareOptions, Comparison, Curation, Decision, compare},
    model::Project,
    store,
};
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
    AcceptAllAgreements,
    SetLayout(Layout),
    /// Count only characters somebody coded in kappa (or every character).
    SetExcludeUncoded(bool),
    /// Close the comparison; `confirmed` once the user agreed to lose unsaved decisions.
    Close {
        confirmed: bool,
    },
}

/// An open comparison and its curation.
pub struct CompareSession {
    /// The open project (as it was when the comparison started) first, then the others.
    projects: Vec<Project>,
    comparison: Comparison,
    curation: Curation,
    /// Index of the shown document in the comparison.
    doc: usize,
    /// Index of the current item in the shown document.
    current: Option<usize>,
    layout: Layout,
    view: TextView,
    /// Where the merged project was last saved, and whether decisions changed since.
    saved_to: Option<PathBuf>,
    unsaved_decisions: bool,
    confirm_close: bool,
    /// How the comparison was computed (the window compares every label).
    options: CompareOptions,
}

impl CompareSession {
    /// Compares `reference` (the open project) with the projects at `others`; an error says
    /// what could not be read or why nothing can be compared.
    pub fn open(reference: &Project, others: &[PathBuf]) -> Result<Self, String> {
        let mut projects = vec![reference.clone()];
        for path in others {
            let loaded = store::load(path).map_err(|e| format!("{}: {e}", path.display()))?;
            projects.push(loaded.project);
        }
        let refs: Vec<&Project> = projects.iter().collect();
        let comparison = compare(&refs, &CompareOptions::default());
        if comparison.documents.is_empty() {
            return Err(
                "No article is in every project, so there is nothing to compare. \
                        Articles are matched by their text, not their title: the projects must \
                        hold the same text of the article."
                    .to_owned(),
            );
        }
        let curation = Curation::new(&comparison);
        let view = TextView::new(&comparison, &projects, 0);
        Ok(Self {
            projects,
            comparison,
            curation,
            doc: 0,
            current: None,
            layout: Layout::SideBySide,
            view,
            saved_to: None,
            unsaved_decisions: false,
            confirm_close: false,
            options: CompareOptions::default(),
        })
    }

    /// Whether kappa counts only characters somebody coded.
    #[must_use]
    pub fn exclude_uncoded(&self) -> bool {
        self.options.exclude_uncoded
    }

    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    #[must_use]
    pub fn curation(&self) -> &Curation {
        &self.curation
    }

    /// The shown document's index and its current item, if any.
    #[must_use]
    pub fn current(&self) -> (usize, Option<usize>) {
        (self.doc, self.current)
    }

    /// Undo the last curation decision.
    pub fn undo(&mut self) {
        if self.curation.undo() {
            self.unsaved_decisions = true;
        }
    }

    pub fn redo(&mut self) {
        if self.curation.redo() {
            self.unsaved_decisions = true;
        }
    }

    /// Whether closing would lose decisions not saved in a merged project.
    #[must_use]
    pub fn has_unsaved_decisions(&self) -> bool {
        self.unsaved_decisions
    }

    /// The merged project as the decisions stand.
    #[must_use]
    pub fn merged_project(&self) -> Project {
        let refs: Vec<&Project> = self.projects.iter().collect();
        self.curation
            .merged_project(&self.comparison, &refs, &now_rfc3339())
    }

    /// Saves the merged project to `path` (atomically); the inputs are untouched.
    pub fn save_merged(&mut self, path: &Path) -> Result<(), String> {
        store::save(&self.merged_project(), path).map_err(|e| e.to_string())?;
        self.saved_to = Some(path.to_owned());
        self.unsaved_decisions = false;
        Ok(())
    }

    /// A title to name the merged project's file after.
    #[must_use]
    pub fn merged_title(&self) -> String {
        format!("{} merged", self.projects[0].meta().title)
    }

    /// Applies a request of the view; returns true when the comparison should close.
    pub fn apply(&mut self, action: CompareAction) -> bool {
        match action {
            CompareAction::ShowDocument(doc) if doc < self.comparison.documents.len() => {
                self.doc = doc;
                self.current = None;
                self.view = TextView::new(&self.comparison, &self.projects, doc);
            }
            CompareAction::ShowDocument(_) => {}
            CompareAction::Show(item) => {
                self.current = Some(item);
                self.view.scroll_to(item);
            }
            CompareAction::Step(forward) => self.step(forward),
            CompareAction::Decide(item, decision) => {
                self.curation.decide((self.doc, item), decision);
                self.unsaved_decisions = true;
                if decision.is_some() {
                    self.show_next_undecided(item);
                }
            }
            CompareAction::AcceptAllAgreements => {
                if self.curation.accept_all_agreements(&self.comparison) > 0 {
                    self.unsaved_decisions = true;
                }
            }
            CompareAction::SetLayout(layout) => self.layout = layout,
            CompareAction::SetExcludeUncoded(exclude) => {
                // Only kappa changes: the items, and so the decisions on them, stay as they are.
                self.options.exclude_uncoded = exclude;
                let refs: Vec<&Project> = self.projects.iter().collect();
                self.comparison = compare(&refs, &self.options);
            }
            CompareAction::Close { confirmed } => {
                if confirmed || !self.unsaved_decisions {
                    return true;
                }
                self.confirm_close = true;
            }
        }
        false
    }

    /// Makes the next or previous difference current, wrapping around.
    fn step(&mut self, forward: bool) {
        let doc = &self.comparison.documents[self.doc];
        let differences: Vec<usize> = doc.differences().map(|(i, _)| i).collect();
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
        if let Some(&item) = next {
            self.current = Some(item);
            self.view.scroll_to(item);
        }
    }

    /// After a decision on `item`: the next undecided difference after it (wrapping round)
    /// becomes current; with none left, `item` stays current.
    fn show_next_undecided(&mut self, item: usize) {
        let undecided: Vec<usize> = self.comparison.documents[self.doc]
            .differences()
            .map(|(i, _)| i)
            .filter(|&i| self.curation.decision((self.doc, i)).is_none())
            .collect();
        let next = undecided.iter().find(|&&i| i > item).or(undecided.first());
        if let Some(&next) = next {
            self.current = Some(next);
            self.view.scroll_to(next);
        }
    }

    /// The single-key shortcuts of the view, when no text field has focus: N / P step through
    /// the differences, and for the current one A, B, C… accept that analyst's version,
    /// K keeps all, X drops, U undecides (see [`decision_keys`]).
    pub fn keys(&self, ctx: &Context, actions: &mut Vec<crate::ui::action::Action>) {
        use crate::ui::action::Action;
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::N)) {
            actions.push(Action::Compare(CompareAction::Step(true)));
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::P)) {
            actions.push(Action::Compare(CompareAction::Step(false)));
        }
        let Some(item) = self.current else {
            return;
        };
        for (key, decision) in decision_keys(self.comparison.analysts.len()) {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                actions.push(Action::Compare(CompareAction::Decide(item, decision)));
            }
        }
    }

    /// The whole compare view inside the window's central area.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        dark: bool,
        actions: &mut Vec<CompareAction>,
        file_actions: &mut Vec<crate::ui::action::Action>,
    ) {
        egui::Panel::left("compare-metrics")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("compare-metrics-scroll")
                    .show(ui, |ui| {
                        metrics::metrics_ui(
                            ui,
                            &self.comparison,
                            self.doc,
                            self.exclude_uncoded(),
                            actions,
                        );
                    });
            });
        egui::Panel::right("compare-differences")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                let input = differences::PanelInput {
                    comparison: &self.comparison,
                    curation: &self.curation,
                    doc: self.doc,
                    current: self.current,
                    saved_to: self.saved_to.as_deref(),
                    unsaved: self.unsaved_decisions,
                    confirm_close: self.confirm_close,
                    labels: &self.comparison.labels,
                };
                differences::differences_ui(ui, &input, actions, file_actions);
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
            let doc = &self.comparison.documents[self.doc];
            let names = &self.comparison.analysts;
            self.view
                .ui(ui, doc, names, self.layout, self.current, dark, actions);
        });
    }
}
