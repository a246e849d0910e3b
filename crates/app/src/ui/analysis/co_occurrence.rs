//! The Co-occurrence tab: label × label counts of passages that overlap, nest or lie in the same
//! sentence, across the project; a click on a count lists the pairs behind it, and a click on a
//! pair reveals it in the article.

use eframe::egui::{self, Ui};

use super::{
    AnalysisInput,
    rows::{self, Fit, ROW_HEIGHT},
};
use crate::{
    analysis::{Pair, co_occurrence, co_occurring_pairs},
    excerpt::shorten,
    model::{Project, plural::counted},
    ui::action::Action,
};

const NAME_WIDTH: f32 = 130.0;
const CELL_WIDTH: f32 = 90.0;

/// The matrix of one revision, and the pairs of the cell last clicked.
struct Counted {
    revision: u64,
    matrix: Vec<Vec<usize>>,
    /// The two labels' indexes and their pairs.
    pairs: Option<((usize, usize), Vec<Pair>)>,
}

#[derive(Default)]
pub struct CoOccurrenceTab {
    counted: Option<Counted>,
}

impl CoOccurrenceTab {
    pub fn ui(&mut self, ui: &mut Ui, input: &AnalysisInput<'_>, actions: &mut Vec<Action>) {
        let project = input.project;
        let stale = self.counted.as_ref().map(|c| c.revision) != Some(input.revision);
        if stale {
            let pairs = self.counted.take().and_then(|c| c.pairs).map(|(cell, _)| {
                let labels = project.labels();
                (cell, pairs_of(project, labels, cell))
            });
            self.counted = Some(Counted {
                revision: input.revision,
                matrix: co_occurrence(project),
                pairs,
            });
        }
        let Some(counted) = &mut self.counted else {
            return;
        };
        ui.weak(
            "Pairs of passages that overlap, nest or lie in the same sentence. Click a count to \
             list its pairs.",
        );
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                if let Some(cell) = matrix_ui(ui, project, &counted.matrix) {
                    counted.pairs = Some((cell, pairs_of(project, project.labels(), cell)));
                }
            });
            ui.separator();
            ui.vertical(|ui| pairs_ui(ui, project, counted.pairs.as_ref(), actions));
        });
    }
}

fn pairs_of(
    project: &Project,
    labels: &[crate::model::Label],
    (x, y): (usize, usize),
) -> Vec<Pair> {
    match (labels.get(x), labels.get(y)) {
        (Some(x), Some(y)) => co_occurring_pairs(project, &x.id, &y.id),
        _ => Vec::new(),
    }
}

/// The matrix, a clickable count per cell; returns the cell clicked.
fn matrix_ui(ui: &mut Ui, project: &Project, matrix: &[Vec<usize>]) -> Option<(usize, usize)> {
    let (strong, weak) = rows::text_colors(ui);
    let labels = project.labels();
    let mut clicked = None;
    egui::ScrollArea::both()
        .id_salt("analysis-co-occurrence")
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.horizontal(|ui| {
                ui.add_space(NAME_WIDTH);
                for label in labels {
                    let (rect, _) = ui.allocate_exact_size(
                        egui::vec2(CELL_WIDTH, ROW_HEIGHT),
                        egui::Sense::hover(),
                    );
                    rows::cell(
                        ui,
                        rect,
                        (4.0, CELL_WIDTH - 8.0),
                        &label.name,
                        strong,
                        Fit::Left,
                    );
                }
            });
            for (x, row) in matrix.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(
                        egui::vec2(NAME_WIDTH, ROW_HEIGHT),
                        egui::Sense::hover(),
                    );
                    rows::cell(
                        ui,
                        rect,
                        (0.0, NAME_WIDTH - 8.0),
                        &labels[x].name,
                        strong,
                        Fit::Left,
                    );
                    for (y, count) in row.iter().enumerate() {
                        let name = format!("{} with {}: {count}", labels[x].name, labels[y].name);
                        ui.push_id((x, y), |ui| {
                            ui.allocate_ui(egui::vec2(CELL_WIDTH, ROW_HEIGHT), |ui| {
                                let cell = rows::row(ui, &name);
                                let color = if *count == 0 { weak } else { strong };
                                let text = count.to_string();
                                rows::cell(
                                    ui,
                                    cell.rect,
                                    (4.0, CELL_WIDTH - 8.0),
                                    &text,
                                    color,
                                    Fit::Left,
                                );
                                if cell.clicked() {
                                    clicked = Some((x, y));
                                }
                            });
                        });
                    }
                });
            }
        });
    clicked
}

/// The pairs of the cell chosen, one virtualised row each.
fn pairs_ui(
    ui: &mut Ui,
    project: &Project,
    pairs: Option<&((usize, usize), Vec<Pair>)>,
    actions: &mut Vec<Action>,
) {
    let Some(((x, y), pairs)) = pairs else {
        ui.weak("No cell chosen.");
        return;
    };
    let labels = project.labels();
    let (Some(x), Some(y)) = (labels.get(*x), labels.get(*y)) else {
        return;
    };
    ui.strong(format!(
        "{} with {}: {}",
        x.name,
        y.name,
        counted(pairs.len(), "pair")
    ));
    let (strong, weak) = rows::text_colors(ui);
    egui::ScrollArea::vertical()
        .id_salt("analysis-pairs")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, pairs.len(), |ui, range| {
            for pair in &pairs[range] {
                let Some(doc) = project.documents().get(pair.doc) else {
                    continue;
                };
                let (Some(first), Some(second)) =
                    (doc.annotation(&pair.first), doc.annotation(&pair.second))
                else {
                    continue;
                };
                let text = format!(
                    "“{}” — “{}”",
                    shorten(&first.quote, 60),
                    shorten(&second.quote, 60)
                );
                let row = rows::row(ui, &format!("{}: {text}", doc.title()));
                rows::cell(ui, row.rect, (0.0, 140.0), doc.title(), weak, Fit::Left);
                let rest = (row.rect.width() - 150.0).max(0.0);
                rows::cell(ui, row.rect, (150.0, rest), &text, strong, Fit::Left);
                if row.clicked() {
                    actions.push(Action::RevealSpan {
                        doc: doc.id().to_owned(),
                        span: first.span(),
                        annotation: Some(first.id.clone()),
                    });
                }
            }
        });
}
