//! The Distribution tab: where each label's passages lie along the shown document (a mark per
//! passage at its share of the text, one row per label; a click on a mark scrolls the article
//! there), or across the corpus (passages per document, stacked by label; a click shows that
//! document). Each chart has its table beside it and exports as CSV. Drawn with `egui_plot`;
//! positions are char offsets, shown as shares of the document's length in chars.

use eframe::egui::{self, Ui};
use egui_plot::{Bar, BarChart, HoverPosition, MarkerShape, Plot, PlotPoint, Points};

use super::{
    AnalysisInput,
    counts::{Measure, table_ui},
};
use crate::{
    analysis::{BINS, CountTable, PassageFilter, bin_names, count_table, distribution},
    model::{Project, Span},
    ui::{
        action::{Action, AnalysisTable, FileRequest},
        colors::label_color,
    },
};

/// How near a click must land to a mark to reveal it (points).
const PICK_RADIUS: f32 = 12.0;
const TABLE_WIDTH: f32 = 420.0;

/// One passage as a mark: its x (percent of the text), its label's row and where it lies.
struct Mark {
    x: f64,
    row: usize,
    id: String,
    span: Span,
}

/// The shown document's marks and stretch table, for one revision.
struct DocumentChart {
    key: (u64, usize),
    marks: Vec<Mark>,
    bins: Vec<Vec<usize>>,
}

#[derive(Default)]
pub struct DistributionTab {
    corpus: bool,
    document: Option<DocumentChart>,
    corpus_table: Option<(u64, CountTable)>,
}

impl DistributionTab {
    /// Whether the corpus chart shows (else the shown document's).
    #[must_use]
    pub fn corpus(&self) -> bool {
        self.corpus
    }

    /// Returns the filter of the passages behind a clicked cell of the corpus table.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        input: &AnalysisInput<'_>,
        actions: &mut Vec<Action>,
    ) -> Option<PassageFilter> {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.corpus, false, "Along this document");
            ui.radio_value(&mut self.corpus, true, "Across the corpus");
            ui.separator();
            if ui.button("Export CSV…").clicked() {
                actions.push(Action::Choose(FileRequest::AnalysisTable(
                    AnalysisTable::Distribution,
                )));
            }
        });
        ui.separator();
        if self.corpus {
            return self.corpus_ui(ui, input, actions);
        }
        let Some((index, doc)) = input.shown else {
            ui.weak("No document open.");
            return None;
        };
        let key = (input.revision, index);
        if self.document.as_ref().map(|c| c.key) != Some(key) {
            self.document = Some(document_chart(input.project, index, key));
        }
        let chart = self.document.as_ref()?;
        let doc_id = doc.id().to_owned();
        ui.horizontal_top(|ui| {
            let width = (ui.available_width() - TABLE_WIDTH - 12.0).max(200.0);
            ui.allocate_ui(egui::vec2(width, ui.available_height()), |ui| {
                if let Some(mark) = strip_ui(ui, input.project, chart) {
                    actions.push(Action::RevealSpan {
                        doc: doc_id.clone(),
                        span: mark.span,
                        annotation: Some(mark.id.clone()),
                    });
                }
            });
            ui.separator();
            ui.vertical(|ui| bins_ui(ui, input.project, &chart.bins));
        });
        None
    }

    fn corpus_ui(
        &mut self,
        ui: &mut Ui,
        input: &AnalysisInput<'_>,
        actions: &mut Vec<Action>,
    ) -> Option<PassageFilter> {
        if self.corpus_table.as_ref().map(|(r, _)| *r) != Some(input.revision) {
            self.corpus_table = Some((input.revision, count_table(input.project)));
        }
        let (_, table) = self.corpus_table.as_ref()?;
        let mut opened = None;
        ui.horizontal_top(|ui| {
            let width = (ui.available_width() - TABLE_WIDTH - 12.0).max(200.0);
            ui.allocate_ui(egui::vec2(width, ui.available_height()), |ui| {
                if let Some(d) = corpus_chart_ui(ui, input.project, table) {
                    actions.push(Action::ShowDocument(table.rows[d].0.clone()));
                }
            });
            ui.separator();
            ui.vertical(|ui| {
                let clicked = table_ui(ui, input.project, table, Measure::Passages, "distribution");
                opened = clicked.map(|(doc, label)| PassageFilter {
                    labels: vec![table.labels[label].clone()],
                    doc,
                    ..PassageFilter::default()
                });
            });
        });
        opened
    }
}

fn document_chart(project: &Project, index: usize, key: (u64, usize)) -> DocumentChart {
    let doc = &project.documents()[index];
    let labels: Vec<String> = project.labels().iter().map(|l| l.id.clone()).collect();
    let length = doc.char_len().max(1) as f64;
    let marks = doc
        .annotations()
        .iter()
        .filter_map(|a| {
            let row = labels.iter().position(|l| *l == a.label)?;
            Some(Mark {
                x: 100.0 * a.start as f64 / length,
                row,
                id: a.id.clone(),
                span: a.span(),
            })
        })
        .collect();
    DocumentChart {
        key,
        marks,
        bins: distribution(doc, &labels, BINS),
    }
}

/// A plot filling the room left, that neither pans nor zooms: a click on it is a click on a
/// mark or a bar.
fn still_plot<'a>(ui: &Ui, id: &str) -> Plot<'a> {
    Plot::new(id)
        .height(ui.available_height().max(120.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// The y of a label's row: the first label on top.
fn row_y(row: usize) -> f64 {
    -(row as f64)
}

/// The strip chart; returns the mark clicked.
fn strip_ui<'c>(ui: &mut Ui, project: &Project, chart: &'c DocumentChart) -> Option<&'c Mark> {
    let labels = project.labels();
    let names: Vec<String> = labels.iter().map(|l| l.name.clone()).collect();
    let response = still_plot(ui, "analysis-strip")
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.5)
        .include_y(row_y(labels.len().max(1)) + 0.5)
        .show_grid([true, false])
        .x_axis_label("place in the text (% of its length)")
        .y_axis_formatter(move |mark, _| {
            let row = -mark.value;
            if row.fract().abs() > 1e-6 || row < 0.0 {
                return String::new();
            }
            names.get(row as usize).cloned().unwrap_or_default()
        })
        .y_axis_min_width(80.0)
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!("{plot_name}\n{:.0} % into the text", position.x)),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (row, label) in labels.iter().enumerate() {
                let points: Vec<[f64; 2]> = chart
                    .marks
                    .iter()
                    .filter(|m| m.row == row)
                    .map(|m| [m.x, row_y(row)])
                    .collect();
                plot.points(
                    Points::new(label.name.clone(), points)
                        .shape(MarkerShape::Square)
                        .radius(4.0)
                        .filled(true)
                        .color(label_color(label)),
                );
            }
        });
    if !response.response.clicked() {
        return None;
    }
    let pointer = response.response.interact_pointer_pos()?;
    chart
        .marks
        .iter()
        .map(|m| {
            let at = response
                .transform
                .position_from_point(&PlotPoint::new(m.x, row_y(m.row)));
            (at.distance(pointer), m)
        })
        .filter(|(d, _)| *d <= PICK_RADIUS)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, m)| m)
}

/// The passages per label and tenth of the text, beside the strip.
fn bins_ui(ui: &mut Ui, project: &Project, bins: &[Vec<usize>]) {
    ui.strong("Passages starting in each tenth of the text");
    egui::ScrollArea::both()
        .id_salt("analysis-bins")
        .show(ui, |ui| {
            egui::Grid::new("analysis-bins-grid")
                .striped(true)
                .show(ui, |ui| {
                    ui.label("");
                    for name in bin_names(BINS) {
                        ui.weak(name.trim_end_matches('%').replace('-', "–"));
                    }
                    ui.end_row();
                    for (label, row) in project.labels().iter().zip(bins) {
                        ui.colored_label(label_color(label), &label.name);
                        for count in row {
                            ui.label(count.to_string());
                        }
                        ui.end_row();
                    }
                });
            ui.weak("Columns: % of the text's length.");
        });
}

/// Passages per document, stacked by label; returns the document clicked.
fn corpus_chart_ui(ui: &mut Ui, project: &Project, table: &CountTable) -> Option<usize> {
    let mut charts: Vec<BarChart> = Vec::new();
    for (l, label_id) in table.labels.iter().enumerate() {
        let Some(label) = project.label(label_id) else {
            continue;
        };
        let bars: Vec<Bar> = table
            .rows
            .iter()
            .enumerate()
            .map(|(d, (_, title, cells))| {
                Bar::new(d as f64, cells[l].passages as f64)
                    .width(0.8)
                    .name(title)
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(label.name.clone(), bars)
            .color(label_color(label))
            .stack_on(&below);
        charts.push(chart);
    }
    let titles: Vec<String> = table.rows.iter().map(|(_, t, _)| t.clone()).collect();
    let response = still_plot(ui, "analysis-corpus")
        .include_y(0.0)
        .x_axis_label("document (in project order)")
        .y_axis_label("passages")
        .x_axis_formatter(move |mark, _| {
            let d = mark.value;
            if d.fract().abs() > 1e-6 || d < 0.0 {
                return String::new();
            }
            titles
                .get(d as usize)
                .map(|t| crate::excerpt::shorten(t, 16))
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
    if !response.response.clicked() {
        return None;
    }
    let pointer = response.response.interact_pointer_pos()?;
    let x = response.transform.value_from_position(pointer).x.round();
    (x >= 0.0 && (x as usize) < table.rows.len()).then_some(x as usize)
}
