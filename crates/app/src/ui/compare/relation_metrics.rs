//! The relation figures of the compare view: per relation kind, each analyst's relations and the
//! strict and overlap F1 of the relations matched through their ends, each explained on hover.

use eframe::egui::{self, Color32, Ui};

use crate::{
    compare::{Comparison, DocumentComparison, Prf, figure_text as figure},
    ui::widgets::color_chip_ui,
};

const STRICT: &str = "Strict F1 of the relations: the same kind between passages with exactly the \
                      same boundaries and labels (A as reference).";
const OVERLAP: &str = "Overlap F1 of the relations: the same kind between passages that overlap \
                       (paired as for the labels), whatever their labels.";

fn detail(name: &str, scores: Prf, explanation: &str) -> String {
    format!(
        "{name}: precision {}, recall {}, F1 {}\n{explanation}",
        figure(scores.precision),
        figure(scores.recall),
        figure(scores.f1)
    )
}

/// The table of relation agreement of document `compared`, when any analyst has relations.
pub fn relations_ui(
    ui: &mut Ui,
    comparison: &Comparison,
    compared: &DocumentComparison,
    letters: &[String],
) {
    let used: Vec<_> = compared
        .relations
        .iter()
        .filter(|k| k.counts.iter().any(|&c| c > 0))
        .collect();
    if used.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong("Relations").on_hover_text(
        "A relation agrees when the other analyst ties the passages paired with its ends by the \
         same kind.",
    );
    egui::Grid::new("relation-figures")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Kind");
            for letter in letters {
                ui.strong(letter)
                    .on_hover_text("Relations of the kind by this analyst");
            }
            ui.strong("Strict").on_hover_text(STRICT);
            ui.strong("Overlap").on_hover_text(OVERLAP);
            ui.end_row();
            for kind in used {
                ui.horizontal(|ui| {
                    let color = comparison
                        .relation_kinds
                        .iter()
                        .find(|k| k.id == kind.id)
                        .and_then(crate::model::RelationKind::rgb)
                        .map_or(Color32::GRAY, |[r, g, b]| Color32::from_rgb(r, g, b));
                    color_chip_ui(ui, color);
                    ui.label(&kind.name);
                });
                for count in &kind.counts {
                    ui.label(count.to_string());
                }
                let (strict, overlap) = (kind.matches.strict(), kind.matches.overlap());
                ui.label(figure(strict.f1))
                    .on_hover_text(detail("Strict", strict, STRICT));
                ui.label(figure(overlap.f1))
                    .on_hover_text(detail("Overlap", overlap, OVERLAP));
                ui.end_row();
            }
        });
}
