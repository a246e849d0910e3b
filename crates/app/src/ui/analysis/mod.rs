//! The analysis panel under the article: search every document and tag the hits, the coded
//! passages of some labels, the count table, co-occurrence, where passages lie along the
//! text, and the suggestions to review (`ui::suggestions`). Each tab computes from the project
//! once per editor revision (and per change of its own
//! settings), never per frame, and lists long results in virtualised rows. Offsets are chars.

mod co_occurrence;
mod counts;
mod distribution;
mod passages;
pub(crate) mod rows;
mod search;

use eframe::egui::{self, Ui};

use crate::{
    analysis::PassageFilter,
    model::{Document, Project},
    ui::{action::Action, suggestions::Suggestions},
};

pub use passages::PassagesTab;

/// The panel's tabs, in the order they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisTab {
    #[default]
    Search,
    Passages,
    Counts,
    CoOccurrence,
    Distribution,
    Suggestions,
}

impl AnalysisTab {
    const ALL: [Self; 6] = [
        Self::Search,
        Self::Passages,
        Self::Counts,
        Self::CoOccurrence,
        Self::Distribution,
        Self::Suggestions,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::Search => "Search",
            Self::Passages => "Passages",
            Self::Counts => "Counts",
            Self::CoOccurrence => "Co-occurrence",
            Self::Distribution => "Distribution",
            Self::Suggestions => "Suggestions",
        }
    }
}

/// What the panel reads each frame.
pub struct AnalysisInput<'a> {
    pub project: &'a Project,
    /// The editor's revision: results are recomputed when it changes.
    pub revision: u64,
    /// The document shown in the article, and its index in the project.
    pub shown: Option<(usize, &'a Document)>,
}

/// The analysis panel's state: which tab shows and each tab's settings and results.
#[derive(Default)]
pub struct AnalysisPanel {
    open: bool,
    tab: AnalysisTab,
    search: search::SearchTab,
    passages: PassagesTab,
    counts: counts::CountsTab,
    co_occurrence: co_occurrence::CoOccurrenceTab,
    distribution: distribution::DistributionTab,
}

impl AnalysisPanel {
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    #[must_use]
    pub fn tab(&self) -> AnalysisTab {
        self.tab
    }

    /// Opens the panel on `tab`; the search field takes the keyboard.
    pub fn show_tab(&mut self, tab: AnalysisTab) {
        self.open = true;
        self.tab = tab;
        if tab == AnalysisTab::Search {
            self.search.focus();
        }
    }

    pub fn hide(&mut self) {
        self.open = false;
    }

    /// The passages tab: its filter and order decide what an export of the list writes.
    #[must_use]
    pub fn passages(&self) -> &PassagesTab {
        &self.passages
    }

    /// Whether the distribution tab shows the whole corpus rather than the shown document.
    #[must_use]
    pub fn distribution_of_corpus(&self) -> bool {
        self.distribution.corpus()
    }

    /// The panel, at the bottom of the editing area, while it is open.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        input: &AnalysisInput<'_>,
        suggestions: &Suggestions,
        actions: &mut Vec<Action>,
    ) {
        if !self.open {
            return;
        }
        egui::Panel::bottom("analysis-panel")
            .resizable(true)
            .default_size(300.0)
            .size_range(140.0..=900.0)
            .show(ui, |ui| {
                // The panel keeps the height it was given, whatever the tab shows.
                ui.set_min_height(ui.available_height());
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.strong("Analysis");
                    ui.separator();
                    for tab in AnalysisTab::ALL {
                        if ui.selectable_label(self.tab == tab, tab.name()).clicked() {
                            self.show_tab(tab);
                        }
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Close").clicked() {
                            actions.push(Action::HideAnalysis);
                        }
                    });
                });
                ui.separator();
                let opened = match self.tab {
                    AnalysisTab::Search => {
                        self.search.ui(ui, input, actions);
                        None
                    }
                    AnalysisTab::Passages => {
                        self.passages.ui(ui, input, actions);
                        None
                    }
                    AnalysisTab::Counts => self.counts.ui(ui, input, actions),
                    AnalysisTab::CoOccurrence => {
                        self.co_occurrence.ui(ui, input, actions);
                        None
                    }
                    AnalysisTab::Distribution => self.distribution.ui(ui, input, actions),
                    AnalysisTab::Suggestions => {
                        crate::ui::suggestions::tab_ui(ui, suggestions, input, actions);
                        None
                    }
                };
                if let Some(filter) = opened {
                    self.open_passages(filter);
                }
            });
    }

    /// Shows the passages behind a count: the passages tab with this filter.
    fn open_passages(&mut self, filter: PassageFilter) {
        self.passages.set_filter(filter);
        self.tab = AnalysisTab::Passages;
    }
}
