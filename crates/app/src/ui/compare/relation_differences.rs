//! The relation differences of the compare view's shown document: each relation not every
//! analyst made, with its ends' quotes and who made it, kept or dropped by a click. Undecided,
//! a relation follows its ends into the merged project.

use eframe::egui::{self, RichText, Ui};

use super::CompareAction;
use crate::{
    compare::{Comparison, Curation, Decision, analyst_letter as letter},
    ui::widgets::shorten,
};

/// Lists the relation differences of document `doc` with their decision buttons.
pub fn relation_differences_ui(
    ui: &mut Ui,
    comparison: &Comparison,
    curation: &Curation,
    doc: usize,
    actions: &mut Vec<CompareAction>,
) {
    let compared = &comparison.documents[doc];
    let differences: Vec<(usize, &crate::compare::RelationItem)> = compared
        .relation_items
        .iter()
        .enumerate()
        .filter(|(_, item)| !item.agreement)
        .collect();
    if differences.is_empty() {
        return;
    }
    ui.separator();
    ui.strong(format!("Relation differences ({})", differences.len()))
        .on_hover_text(
            "Relations not every analyst made. Undecided, a relation is kept in the merged \
             project when both its passages are.",
        );
    for (index, item) in differences {
        let kind = comparison
            .relation_kinds
            .iter()
            .find(|k| k.id == item.kind)
            .map_or(item.kind.as_str(), |k| k.name.as_str());
        let who: Vec<String> = item.analysts().into_iter().map(letter).collect();
        let member = &item.members[0];
        ui.label(format!(
            "only in {}: “{}” {kind} “{}”",
            who.join(", "),
            shorten(&member.from_quote, 36),
            shorten(&member.to_quote, 36)
        ));
        let decided = curation.relation_decision((doc, index));
        ui.horizontal(|ui| {
            let state = match decided {
                None => "follows its passages",
                Some(Decision::Drop) => "dropped",
                Some(_) => "kept",
            };
            ui.weak(RichText::new(state));
            let choices = [
                ("Keep relation", Some(Decision::KeepAll)),
                ("Leave relation out", Some(Decision::Drop)),
                ("Follow passages", None),
            ];
            for (text, decision) in choices {
                let chosen = decided == decision;
                let button = egui::Button::selectable(chosen && decision.is_some(), text);
                if ui.add_enabled(!chosen, button).clicked() {
                    actions.push(CompareAction::DecideRelation(index, decision));
                }
            }
        });
    }
}
