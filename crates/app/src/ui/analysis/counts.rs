//! The Counts tab: the document × label table of passages (or characters coded) with totals,
//! every cell opening the passages behind it; beside it the relations per kind and the sources
//! ranked by the claims attributed to them. The table exports as CSV. Characters are chars.

use eframe::egui::{self, Ui};

use super::{
    AnalysisInput,
    rows::{self, Fit, ROW_HEIGHT},
};
use crate::{
    analysis::{CountTable, PassageFilter, count_table, relation_counts, sources_ranked},
    model::{Project, plural},
    ui::{
        action::{Action, AnalysisTable, FileRequest},
        colors::label_color,
    },
};

/// The width of the documents' column and of each label's (points).
const TITLE_WIDTH: f32 = 220.0;
const CELL_WIDTH: f32 = 100.0;
/// Sources listed beside the table.
const SOURCES_SHOWN: usize = 30;

/// The counts of one revision.
struct Counted {
    revision: u64,
    table: CountTable,
    relations: Vec<(String, usize)>,
    sources: Vec<(String, usize)>,
}

#[derive(Default)]
pub struct CountsTab {
    chars: bool,
    counted: Option<Counted>,
}

/// What a cell of the table counts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Passages,
    Chars,
}

impl CountsTab {
    /// Returns the filter of the passages behind a clicked cell.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        input: &AnalysisInput<'_>,
        actions: &mut Vec<Action>,
    ) -> Option<PassageFilter> {
        if self.counted.as_ref().map(|c| c.revision) != Some(input.revision) {
            self.counted = Some(Counted {
                revision: input.revision,
                table: count_table(input.project),
                relations: relation_counts(input.project),
                sources: sources_ranked(input.project),
            });
        }
        let counted = self.counted.as_ref()?;
        ui.horizontal(|ui| {
            ui.label("Show");
            ui.radio_value(&mut self.chars, false, "Passages");
            ui.radio_value(&mut self.chars, true, "Characters coded");
            ui.separator();
            if ui.button("Export CSV…").clicked() {
                actions.push(Action::Choose(FileRequest::AnalysisTable(
                    AnalysisTable::Counts,
                )));
            }
            ui.weak("Click a count to list its passages.");
        });
        ui.separator();
        let measure = if self.chars {
            Measure::Chars
        } else {
            Measure::Passages
        };
        let side = 260.0;
        let mut opened = None;
        ui.horizontal_top(|ui| {
            let width = (ui.available_width() - side - 12.0).max(200.0);
            ui.allocate_ui(egui::vec2(width, ui.available_height()), |ui| {
                let clicked = table_ui(ui, input.project, &counted.table, measure, "counts");
                opened = clicked.map(|(doc, label)| PassageFilter {
                    labels: vec![counted.table.labels[label].clone()],
                    doc,
                    ..PassageFilter::default()
                });
            });
            ui.separator();
            ui.vertical(|ui| side_ui(ui, input.project, counted));
        });
        opened
    }
}

/// The relations per kind and the sources ranked.
fn side_ui(ui: &mut Ui, project: &Project, counted: &Counted) {
    egui::ScrollArea::vertical()
        .id_salt("analysis-counts-side")
        .show(ui, |ui| {
            ui.strong("Relations by kind");
            for (kind, count) in &counted.relations {
                let name = project
                    .relation_kind(kind)
                    .map_or(kind.as_str(), |k| &k.name);
                ui.label(format!("{name}: {count}"));
            }
            ui.add_space(6.0);
            ui.strong("Sources, by claims attributed");
            if counted.sources.is_empty() {
                ui.weak("No claim is attributed to a source yet.");
            }
            for (source, claims) in counted.sources.iter().take(SOURCES_SHOWN) {
                ui.label(format!(
                    "{} — {}",
                    crate::excerpt::shorten(source, 40),
                    plural::counted(*claims, "claim")
                ));
            }
            if counted.sources.len() > SOURCES_SHOWN {
                ui.weak(format!(
                    "… and {} more",
                    counted.sources.len() - SOURCES_SHOWN
                ));
            }
        });
}

/// The document × label table: a header, the totals, then one virtualised row per document.
/// Returns the cell clicked: its document (`None`: the totals) and label indexes.
pub fn table_ui(
    ui: &mut Ui,
    project: &Project,
    table: &CountTable,
    measure: Measure,
    id: &str,
) -> Option<(Option<usize>, usize)> {
    egui::ScrollArea::horizontal()
        .id_salt(format!("{id}-wide"))
        .show(ui, |ui| {
            ui.vertical(|ui| rows_ui(ui, project, table, measure, id))
                .inner
        })
        .inner
}

/// The header, the totals and the rows of [`table_ui`], one under the other.
fn rows_ui(
    ui: &mut Ui,
    project: &Project,
    table: &CountTable,
    measure: Measure,
    id: &str,
) -> Option<(Option<usize>, usize)> {
    let (strong, weak) = rows::text_colors(ui);
    let value = |cell: &crate::analysis::Cell| match measure {
        Measure::Passages => cell.passages,
        Measure::Chars => cell.chars,
    };
    let names: Vec<&str> = table
        .labels
        .iter()
        .map(|l| project.label(l).map_or(l.as_str(), |l| l.name.as_str()))
        .collect();
    let width = TITLE_WIDTH + CELL_WIDTH * table.labels.len() as f32;
    ui.set_min_width(width);
    let (header, _) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), egui::Sense::hover());
    rows::cell(
        ui,
        header,
        (0.0, TITLE_WIDTH),
        "Document",
        strong,
        Fit::Left,
    );
    for (i, (label, name)) in table.labels.iter().zip(&names).enumerate() {
        let left = TITLE_WIDTH + CELL_WIDTH * i as f32;
        if let Some(l) = project.label(label) {
            rows::chip(ui, header, left, label_color(l));
        }
        rows::cell(
            ui,
            header,
            (left + 16.0, CELL_WIDTH - 18.0),
            name,
            strong,
            Fit::Left,
        );
    }
    let mut clicked = None;
    let totals: Vec<usize> = table.totals.iter().map(value).collect();
    if let Some(label) = cells_ui(ui, ("Total", &names), &totals, strong, id) {
        clicked = Some((None, label));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(format!("{id}-rows"))
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, table.rows.len(), |ui, range| {
            for d in range {
                let (_, title, cells) = &table.rows[d];
                let values: Vec<usize> = cells.iter().map(value).collect();
                if let Some(label) = cells_ui(ui, (title, &names), &values, weak, id) {
                    clicked = Some((Some(d), label));
                }
            }
        });
    clicked
}

/// One row of the table: the name, then a clickable count per label (named "title, label: n"
/// for screen readers). Returns the label index clicked.
fn cells_ui(
    ui: &mut Ui,
    (title, labels): (&str, &[&str]),
    values: &[usize],
    color: egui::Color32,
    id: &str,
) -> Option<usize> {
    let (strong, _) = rows::text_colors(ui);
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(TITLE_WIDTH, ROW_HEIGHT), egui::Sense::hover());
        rows::cell(ui, rect, (0.0, TITLE_WIDTH - 8.0), title, color, Fit::Left);
        for (i, (value, label)) in values.iter().zip(labels).enumerate() {
            let name = format!("{title}, {label}: {value}");
            ui.push_id((id, i), |ui| {
                ui.allocate_ui(egui::vec2(CELL_WIDTH, ROW_HEIGHT), |ui| {
                    let row = rows::row(ui, &name);
                    let text = value.to_string();
                    let shown = if *value == 0 { color } else { strong };
                    rows::cell(
                        ui,
                        row.rect,
                        (4.0, CELL_WIDTH - 8.0),
                        &text,
                        shown,
                        Fit::Left,
                    );
                    if row.clicked() {
                        clicked = Some(i);
                    }
                });
            });
        }
    });
    clicked
}
