//! The figures panel of the compare view: per label, per relation kind and overall, each figure
//! with a one-line explanation on hover, and the articles that could not be compared.

use eframe::egui::{self, RichText, Ui};

use super::CompareAction;
use crate::{
    compare::{
        Comparison, NotComparedReason, Prf, SchemeCounts, analyst_letter, figure_text as figure,
    },
    ui::{colors::label_color, widgets::color_chip_ui},
};

const STRICT: &str = "Strict F1: share of spans with exactly the same boundaries and label \
                      (harmonic mean of precision and recall, A as reference).";
const OVERLAP: &str = "Overlap F1: spans of the label that overlap, paired one-to-one so the \
                       total overlap is largest.";
const KAPPA: &str = "Kappa: chance-corrected agreement on which characters are inside a span of \
                     the label (Cohen for two analysts, Fleiss for more).";
const ALPHA_U: &str = "Krippendorff's unitizing alpha: agreement on where passages of the label \
                       begin and end; 1 is perfect, 0 is chance, below 0 worse than chance.";
const NOT_DEFINED: &str = "n/a: not defined here, because nobody used the label, or one side has \
                           no spans.";

fn prf_detail(name: &str, scores: Prf) -> String {
    format!(
        "{name}: precision {}, recall {}, F1 {}",
        figure(scores.precision),
        figure(scores.recall),
        figure(scores.f1)
    )
}

pub fn metrics_ui(
    ui: &mut Ui,
    comparison: &Comparison,
    doc: usize,
    exclude_uncoded: bool,
    actions: &mut Vec<CompareAction>,
) {
    ui.heading("Agreement");
    let documents = &comparison.documents;
    if documents.len() > 1 {
        egui::ComboBox::from_id_salt("compare-document")
            .selected_text(crate::ui::widgets::shorten(&documents[doc].title, 40))
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for (i, d) in documents.iter().enumerate() {
                    if ui.selectable_label(i == doc, &d.title).clicked() {
                        actions.push(CompareAction::ShowDocument(i));
                    }
                }
            });
    }
    let compared = &documents[doc];
    let names = &comparison.analysts;
    let letters: Vec<String> = (0..names.len()).map(analyst_letter).collect();
    for (letter, name) in letters.iter().zip(names) {
        ui.label(format!("{letter}: {name}"));
    }
    if names.len() > 2 {
        ui.weak("With more than two analysts, F1 and the SemEval counts sum every pair.");
    }
    ui.add_space(6.0);

    egui::Grid::new("label-figures")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Label");
            for letter in &letters {
                ui.strong(letter)
                    .on_hover_text("Spans of the label by this analyst");
            }
            ui.strong("Strict").on_hover_text(STRICT);
            ui.strong("Overlap").on_hover_text(OVERLAP);
            ui.strong("Kappa").on_hover_text(KAPPA);
            ui.strong("Alpha U").on_hover_text(ALPHA_U);
            ui.end_row();
            for label in &compared.labels {
                ui.horizontal(|ui| {
                    if let Some(l) = comparison.labels.iter().find(|l| l.id == label.id) {
                        color_chip_ui(ui, label_color(l));
                    }
                    ui.label(&label.name);
                });
                for count in &label.counts {
                    ui.label(count.to_string());
                }
                ui.label(figure(label.strict.f1))
                    .on_hover_text(format!("{}\n{STRICT}", prf_detail("Strict", label.strict)));
                ui.label(figure(label.overlap.f1)).on_hover_text(format!(
                    "{}\n{OVERLAP}",
                    prf_detail("Overlap", label.overlap)
                ));
                ui.label(figure(label.kappa))
                    .on_hover_text(if label.kappa.is_some() {
                        KAPPA
                    } else {
                        NOT_DEFINED
                    });
                ui.label(figure(label.alpha_u))
                    .on_hover_text(if label.alpha_u.is_some() {
                        ALPHA_U
                    } else {
                        NOT_DEFINED
                    });
                ui.end_row();
            }
        });
    let mut only_coded = exclude_uncoded;
    if ui
        .checkbox(&mut only_coded, "Kappa over coded text only")
        .on_hover_text(
            "Count only characters somebody coded: on mostly uncoded text, the characters nobody \
             coded make kappa look better than the coding is.",
        )
        .changed()
    {
        actions.push(CompareAction::SetExcludeUncoded(only_coded));
    }
    ui.add_space(4.0);
    ui.label(format!(
        "Overall alpha U: {}",
        figure(compared.overall.alpha_u)
    ))
    .on_hover_text("Unitizing alpha over all labels: 1 − ΣD_o / ΣD_e.");
    let joined: usize = compared.joined_overlaps.iter().sum();
    if joined > 0 {
        ui.weak(format!(
            "{joined} span(s) overlapping another of the same label by the same analyst were joined into one passage for alpha U and kappa."
        ));
    }

    super::relation_metrics::relations_ui(ui, comparison, compared, &letters);

    ui.add_space(8.0);
    ui.strong("SemEval-2013 schemes (all labels)").on_hover_text(
        "How A's spans are matched by the others': COR correct, INC incorrect, PAR partial, MIS \
         missing, SPU spurious.",
    );
    let semeval = compared.overall.semeval;
    egui::Grid::new("semeval")
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for header in ["Scheme", "COR", "INC", "PAR", "MIS", "SPU", "P", "R", "F1"] {
                ui.strong(header);
            }
            ui.end_row();
            let schemes: [(&str, SchemeCounts, &str); 4] = [
                ("strict", semeval.strict, "Same boundaries and same label."),
                (
                    "exact",
                    semeval.exact,
                    "Same boundaries, whatever the label.",
                ),
                (
                    "partial",
                    semeval.partial,
                    "Overlap counts half, whatever the label.",
                ),
                ("type", semeval.type_, "Overlapping with the same label."),
            ];
            for (name, counts, explanation) in schemes {
                ui.label(name).on_hover_text(explanation);
                for n in [
                    counts.correct,
                    counts.incorrect,
                    counts.partial,
                    counts.missing,
                    counts.spurious,
                ] {
                    ui.label(n.to_string());
                }
                let scores = counts.scores();
                for value in [scores.precision, scores.recall, scores.f1] {
                    ui.label(figure(value));
                }
                ui.end_row();
            }
        });

    if !comparison.not_compared.is_empty() {
        ui.add_space(8.0);
        ui.strong("Not compared");
        for skipped in &comparison.not_compared {
            let why = match skipped.reason {
                NotComparedReason::NotInEveryProject => {
                    let who: Vec<&str> = skipped
                        .present_in
                        .iter()
                        .map(|&a| names[a].as_str())
                        .collect();
                    format!("only in {}", who.join(", "))
                }
                NotComparedReason::TextDiffers => "same title, different text".to_owned(),
            };
            ui.label(RichText::new(format!("{} — {why}", skipped.title)).weak());
        }
    }
}
