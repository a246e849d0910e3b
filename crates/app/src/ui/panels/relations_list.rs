//! The selected annotation's relations in the details panel: kind, direction and the other end's
//! label and quote; a click on the other end goes there; each relation can be given another kind
//! (of those its ends' labels allow), reversed where its kind allows, or deleted. And the button
//! that starts a link.

use eframe::egui::{self, ComboBox, RichText, Ui};

use crate::{
    model::{Annotation, Document, Project, Relation, linking::relations_of},
    ui::{action::Action, colors::label_color, widgets},
};

/// Lists the relations of `annotation` with their controls.
pub fn relations_ui(
    ui: &mut Ui,
    project: &Project,
    doc: &Document,
    annotation: &Annotation,
    actions: &mut Vec<Action>,
) {
    let linked: Vec<_> = relations_of(doc, &annotation.id).collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Relations ({})", linked.len())).strong());
        if ui
            .button("Link…")
            .on_hover_text(
                "L: link to an annotation nearby, chosen from a list (or drag from the handle \
                 after the highlight). Shift+L links to the annotation selected before this one.",
            )
            .clicked()
        {
            actions.push(Action::StartLink);
        }
    });
    if linked.is_empty() {
        ui.weak("None yet.");
    }
    for item in linked {
        let relation = item.relation;
        let (from_label, to_label) = if item.outgoing {
            (&annotation.label, &item.other.label)
        } else {
            (&item.other.label, &annotation.label)
        };
        ui.horizontal_wrapped(|ui| {
            // Read as a sentence: "this attributed to “Officials”", "“The claim” attributed to this".
            let other_ui = |ui: &mut Ui, actions: &mut Vec<Action>| {
                if let Some(label) = project.label(&item.other.label) {
                    widgets::color_chip_ui(ui, label_color(label));
                }
                let text = format!("“{}”", widgets::shorten(&item.other.quote, 40));
                let other = ui
                    .link(text)
                    .on_hover_text(format!("{} — click to go there", item.other.quote));
                if other.clicked() {
                    actions.push(Action::Reveal(item.other.id.clone()));
                }
            };
            if item.outgoing {
                ui.weak("this");
                kind_menu_ui(ui, project, relation, from_label, to_label, actions);
                other_ui(ui, actions);
            } else {
                other_ui(ui, actions);
                kind_menu_ui(ui, project, relation, from_label, to_label, actions);
                ui.weak("this");
            }
            let reversed_allowed = project
                .relation_kind(&relation.kind)
                .is_none_or(|k| k.allows(to_label, from_label));
            let reverse = ui
                .add_enabled(reversed_allowed, egui::Button::new("Reverse"))
                .on_hover_text("Reverse the relation's direction")
                .on_disabled_hover_text("This kind does not allow the other direction");
            if reverse.clicked() {
                actions.push(Action::UpdateRelation(Relation {
                    from: relation.to.clone(),
                    to: relation.from.clone(),
                    ..relation.clone()
                }));
            }
            let delete = ui
                .button("Delete relation")
                .on_hover_text("Ctrl+Z restores it");
            if delete.clicked() {
                actions.push(Action::DeleteRelation(relation.id.clone()));
            }
        });
    }
}

/// The relation's kind as a menu of the kinds its ends' labels allow.
fn kind_menu_ui(
    ui: &mut Ui,
    project: &Project,
    relation: &Relation,
    from_label: &str,
    to_label: &str,
    actions: &mut Vec<Action>,
) {
    let name = project
        .relation_kind(&relation.kind)
        .map_or(relation.kind.as_str(), |k| k.name.as_str());
    ComboBox::from_id_salt(("relation-kind", &relation.id))
        .selected_text(name)
        .show_ui(ui, |ui| {
            for kind in project.kinds_allowing(from_label, to_label) {
                if ui
                    .selectable_label(kind.id == relation.kind, &kind.name)
                    .on_hover_text(&kind.description)
                    .clicked()
                    && kind.id != relation.kind
                {
                    actions.push(Action::UpdateRelation(Relation {
                        kind: kind.id.clone(),
                        ..relation.clone()
                    }));
                }
            }
        });
}
