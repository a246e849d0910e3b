//! The small label palette that appears at a finished selection (one button per label, with
//! its key), and the right-click menu of a highlight.

use eframe::egui::{self, Area, Context, Frame, Id, Order, Pos2, Ui};

use crate::{
    model::{Project, Span},
    ui::{action::Action, colors::label_color, widgets},
};

/// Shows the palette below `at` for `span`; a click tags it.
pub fn ui(ctx: &Context, at: Pos2, project: &Project, span: Span, actions: &mut Vec<Action>) {
    Area::new(Id::unique("tag-palette"))
        .order(Order::Foreground)
        .fixed_pos(at + egui::vec2(0.0, 4.0))
        .show(ctx, |ui| {
            Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for label in project.labels() {
                        let text = match label.key {
                            Some(key) => format!("{key}  {}", label.name),
                            None => label.name.clone(),
                        };
                        let button = egui::Button::new(text)
                            .fill(label_color(label).gamma_multiply(0.25))
                            .stroke(egui::Stroke::new(1.0, label_color(label)));
                        if ui.add(button).on_hover_text(&label.description).clicked() {
                            actions.push(Action::Tag {
                                span,
                                label: label.id.clone(),
                            });
                        }
                    }
                    ui.weak("Esc cancels");
                });
            });
        });
}

/// The right-click menu of annotation `id`: relabel, edit note, copy quote, delete.
pub fn context_menu_ui(ui: &mut Ui, project: &Project, id: &str, actions: &mut Vec<Action>) {
    ui.menu_button("Relabel", |ui| {
        for label in project.labels() {
            let clicked = ui
                .horizontal(|ui| {
                    widgets::color_chip(ui, label_color(label));
                    ui.button(&label.name).clicked()
                })
                .inner;
            if clicked {
                actions.push(Action::Relabel {
                    id: id.to_owned(),
                    label: label.id.clone(),
                });
                ui.close();
            }
        }
    });
    if ui.button("Edit note").clicked() {
        actions.push(Action::EditNote(id.to_owned()));
        ui.close();
    }
    if ui.button("Copy quote").clicked() {
        actions.push(Action::CopyQuote(id.to_owned()));
        ui.close();
    }
    if ui.button("Delete").clicked() {
        actions.push(Action::Delete(id.to_owned()));
        ui.close();
    }
}
