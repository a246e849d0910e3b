//! The relation kinds of the codebook, under the labels: colour (a colour picker), key, name and
//! a menu per kind (key, the labels allowed at each end, rename, delete); add a kind by name.
//! Every change is an undoable edit.

use eframe::egui::{self, RichText, Ui, WidgetInfo};

use super::rename_field::Renaming;
use crate::{
    model::{Project, RelationKind, label::color_hex},
    ui::action::Action,
};

/// Editing state of the relation kinds' section.
#[derive(Default)]
pub struct RelationKindsPanel {
    renaming: Renaming,
    new_name: String,
}

impl RelationKindsPanel {
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, actions: &mut Vec<Action>) {
        ui.heading("Relation kinds");
        for kind in project.relation_kinds() {
            self.kind_row_ui(ui, project, kind, actions);
        }
        ui.add_space(4.0);
        if let Some(name) =
            super::add_by_name::add_by_name_ui(ui, "New kind:", &mut self.new_name, "Add kind")
        {
            actions.push(Action::AddRelationKind(name));
        }
    }

    fn kind_row_ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        kind: &RelationKind,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            let mut rgb = kind.rgb().unwrap_or([0x7F, 0x7F, 0x7F]);
            ui.spacing_mut().interact_size.x = ui.spacing().interact_size.y;
            if ui
                .color_edit_button_srgb(&mut rgb)
                .on_hover_text("Change colour")
                .changed()
            {
                actions.push(Action::UpdateRelationKind(RelationKind {
                    color: color_hex(rgb),
                    ..kind.clone()
                }));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let more = ui.menu_button("…", |ui| {
                    key_menu_ui(ui, project, kind, actions);
                    ends_menu_ui(ui, project, kind, End::From, actions);
                    ends_menu_ui(ui, project, kind, End::To, actions);
                    if ui.button("Rename").clicked() {
                        self.renaming.start(&kind.id, &kind.name);
                        ui.close();
                    }
                    if ui.button(delete_text(project, kind)).clicked() {
                        actions.push(Action::RemoveRelationKind(kind.id.clone()));
                        ui.close();
                    }
                });
                let name = kind.name.clone();
                more.response.widget_info(|| {
                    WidgetInfo::labeled(egui::Role::Button, true, format!("More for kind {name}"))
                });
                self.name_ui(ui, project, kind, actions);
            });
        });
    }

    fn name_ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        kind: &RelationKind,
        actions: &mut Vec<Action>,
    ) {
        if self.renaming.is_for(&kind.id) {
            if let Some(name) = self.renaming.ui(ui, &kind.name, "Kind name") {
                actions.push(Action::UpdateRelationKind(RelationKind {
                    name,
                    ..kind.clone()
                }));
            }
            return;
        }
        let response = ui
            .with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                if let Some(key) = kind.key {
                    ui.weak(key.to_string())
                        .on_hover_text("Alt+this key chooses the kind while linking");
                }
                ui.add(
                    egui::Label::new(RichText::new(&kind.name))
                        .truncate()
                        .sense(egui::Sense::click()),
                )
            })
            .inner;
        let ends = |labels: &[String]| {
            if labels.is_empty() {
                "any label".to_owned()
            } else {
                labels
                    .iter()
                    .map(|id| project.label(id).map_or(id.as_str(), |l| l.name.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let hover = format!(
            "{}{}From {} to {}. Double-click to rename.",
            kind.description,
            if kind.description.is_empty() {
                ""
            } else {
                "\n"
            },
            ends(&kind.from_labels),
            ends(&kind.to_labels)
        );
        if response.on_hover_text(hover).double_clicked() {
            self.renaming.start(&kind.id, &kind.name);
        }
    }
}

/// "Delete kind (also removes 3 relations)".
fn delete_text(project: &Project, kind: &RelationKind) -> String {
    let count = project.relation_count(&kind.id);
    match count {
        0 => "Delete kind".to_owned(),
        n => format!(
            "Delete kind (also removes {})",
            crate::model::plural::counted(n, "relation")
        ),
    }
}

/// The kind's key (none or a letter) as a submenu; letters other kinds use are not offered.
fn key_menu_ui(ui: &mut Ui, project: &Project, kind: &RelationKind, actions: &mut Vec<Action>) {
    let taken = |letter: char| {
        project
            .relation_kinds()
            .iter()
            .any(|k| k.id != kind.id && k.key == Some(letter))
    };
    let hover = "Alt+this key chooses the kind while linking";
    if let Some(key) = super::key_menu::key_menu_ui(ui, kind.key, 'a'..='z', taken, hover) {
        actions.push(Action::UpdateRelationKind(RelationKind {
            key,
            ..kind.clone()
        }));
    }
}

/// Which end of a relation a label list is for.
#[derive(Clone, Copy)]
enum End {
    From,
    To,
}

/// The labels allowed at one end, as checkboxes; none ticked allows any label.
fn ends_menu_ui(
    ui: &mut Ui,
    project: &Project,
    kind: &RelationKind,
    end: End,
    actions: &mut Vec<Action>,
) {
    let (title, labels) = match end {
        End::From => ("From labels", &kind.from_labels),
        End::To => ("To labels", &kind.to_labels),
    };
    ui.menu_button(title, |ui| {
        ui.weak("None ticked: any label");
        for label in project.labels() {
            let mut allowed = labels.contains(&label.id);
            if ui.checkbox(&mut allowed, &label.name).changed() {
                let mut changed = kind.clone();
                let list = match end {
                    End::From => &mut changed.from_labels,
                    End::To => &mut changed.to_labels,
                };
                if allowed {
                    list.push(label.id.clone());
                } else {
                    list.retain(|l| *l != label.id);
                }
                actions.push(Action::UpdateRelationKind(changed));
            }
        }
    });
}
