//! The differences panel of the compare view: counts, the list of differences, the current one
//! with the curation buttons (accept one side, keep all, drop, each with its key) and every
//! analyst's version; below the list, the relation differences.

use std::path::Path;

use eframe::egui::{self, RichText, Ui};

use super::{CompareAction, decision_keys};
use crate::{
    compare::{Comparison, Curation, Decision, Item, ItemKind, analyst_letter as letter},
    model::Label,
    ui::widgets::shorten,
};

/// What the panel shows.
pub struct PanelInput<'a> {
    pub comparison: &'a Comparison,
    pub curation: &'a Curation,
    pub doc: usize,
    pub current: Option<usize>,
    pub saved_to: Option<&'a Path>,
    pub unsaved: bool,
    pub confirm_close: bool,
    pub labels: &'a [Label],
}

fn describe(item: &Item) -> String {
    match item.kind {
        ItemKind::OnlyIn => {
            let who: Vec<String> = item.analysts().into_iter().map(letter).collect();
            format!("only in {}", who.join(", "))
        }
        kind => kind.describe().to_owned(),
    }
}

fn decision_text(decision: Option<Decision>, analysts: usize) -> String {
    match decision {
        None => "undecided".to_owned(),
        Some(Decision::Accept(a)) => format!("accept {}", letter(a)),
        Some(Decision::KeepAll) => if analysts == 2 {
            "keep both"
        } else {
            "keep all"
        }
        .to_owned(),
        Some(Decision::Drop) => "drop".to_owned(),
    }
}

pub fn differences_ui(ui: &mut Ui, input: &PanelInput<'_>, actions: &mut Vec<CompareAction>) {
    let doc = &input.comparison.documents[input.doc];
    let names = &input.comparison.analysts;
    let differences: Vec<(usize, &Item)> = doc.differences().collect();
    let agreements = doc.items.len() - differences.len();

    ui.heading("Differences");
    ui.label(format!(
        "{} differences, {agreements} agreements in this article; {} items undecided in all.",
        differences.len(),
        input.curation.undecided()
    ));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Accept all agreements")
            .on_hover_text("Keep every passage all analysts coded alike")
            .clicked()
        {
            actions.push(CompareAction::AcceptAllAgreements);
        }
        if ui.button("Previous (P)").clicked() {
            actions.push(CompareAction::Step(false));
        }
        if ui.button("Next (N)").clicked() {
            actions.push(CompareAction::Step(true));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Save merged project as…")
            .on_hover_text("Undecided items are left out; the compared projects are not changed")
            .clicked()
        {
            actions.push(CompareAction::SaveMerged);
        }
        let close = if input.confirm_close {
            "Discard decisions and close"
        } else {
            "Close comparison"
        };
        if ui.button(close).clicked() {
            actions.push(CompareAction::Close {
                confirmed: input.confirm_close,
            });
        }
    });
    if input.confirm_close {
        ui.colored_label(ui.visuals().warn_fg_color, "Your decisions are not saved in a merged project yet. Save merged project as… keeps them.");
    }
    if let Some(path) = input.saved_to {
        ui.horizontal_wrapped(|ui| {
            let note = if input.unsaved {
                "Last saved to"
            } else {
                "Saved to"
            };
            ui.weak(format!("{note} {}", path.display()));
            if ui.button("Open merged project").clicked() {
                actions.push(CompareAction::OpenMerged(path.to_owned()));
            }
        });
    }
    ui.separator();

    if let Some(index) = input.current {
        current_ui(ui, input, index, actions);
        ui.separator();
    } else {
        ui.weak("Press N for the first difference, or click one below or in the text.");
    }

    egui::ScrollArea::vertical()
        .id_salt("difference-list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, item) in differences {
                let decision =
                    decision_text(input.curation.decision((input.doc, index)), names.len());
                let text = format!(
                    "{} — “{}” [{decision}]",
                    describe(item),
                    shorten(&item.members[0].annotation.quote, 40)
                );
                let response = ui.selectable_label(input.current == Some(index), text);
                if response.clicked() {
                    actions.push(CompareAction::Show(index));
                }
                if input.current == Some(index) && response.rect.is_positive() {
                    response.scroll_to_me(None);
                }
            }
            super::relation_differences::relation_differences_ui(
                ui,
                input.comparison,
                input.curation,
                input.doc,
                actions,
            );
        });
}

/// The current item: the decision buttons first, each with its key, so that they stay in place
/// whatever the length of the quotes below them; then every analyst's version.
fn current_ui(ui: &mut Ui, input: &PanelInput<'_>, index: usize, actions: &mut Vec<CompareAction>) {
    let doc = &input.comparison.documents[input.doc];
    let Some(item) = doc.items.get(index) else {
        return;
    };
    let names = &input.comparison.analysts;
    ui.strong(format!(
        "{} at chars {}..{}",
        describe(item),
        item.span.start,
        item.span.end
    ));
    let decided = input.curation.decision((input.doc, index));
    ui.label(format!("Decision: {}", decision_text(decided, names.len())));
    ui.horizontal_wrapped(|ui| {
        for (key, decision) in decision_keys(names.len()) {
            let text = match decision {
                Some(Decision::Accept(analyst)) => {
                    format!("Accept {}: {}", letter(analyst), names[analyst])
                }
                Some(Decision::KeepAll) if names.len() == 2 => "Keep both".to_owned(),
                Some(Decision::KeepAll) => "Keep all".to_owned(),
                Some(Decision::Drop) => "Drop".to_owned(),
                None => "Undecide".to_owned(),
            };
            let button = egui::Button::selectable(decision.is_some() && decided == decision, text)
                .shortcut_text(key.name());
            if ui
                .add_enabled(decision.is_some() || decided.is_some(), button)
                .on_hover_text(format!("Key {}", key.name()))
                .clicked()
            {
                actions.push(CompareAction::Decide(index, decision));
            }
        }
    });
    ui.weak("After a decision the next undecided difference is shown.");
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("current-versions")
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| versions_ui(ui, input, item));
}

/// Every analyst's version of `item`: label, offsets, quote and note.
fn versions_ui(ui: &mut Ui, input: &PanelInput<'_>, item: &Item) {
    let names = &input.comparison.analysts;
    for (analyst, name) in names.iter().enumerate() {
        let members: Vec<_> = item
            .members
            .iter()
            .filter(|m| m.analyst == analyst)
            .collect();
        if members.is_empty() {
            ui.label(RichText::new(format!("{}: {name} — nothing here", letter(analyst))).weak());
        }
        for member in members {
            let a = &member.annotation;
            let label = input
                .labels
                .iter()
                .find(|l| l.id == a.label)
                .map_or(a.label.as_str(), |l| l.name.as_str());
            ui.label(format!(
                "{}: {name} — {label}, chars {}..{}",
                letter(analyst),
                a.start,
                a.end
            ));
            ui.label(RichText::new(format!("“{}”", shorten(&a.quote, 160))).italics());
            if !a.note.trim().is_empty() {
                ui.weak(format!("Note: {}", shorten(&a.note, 160)));
            }
        }
    }
}
