//! The small label palette that appears at a finished selection (one button per label, with
//! its key), above the selection so that it hides neither the selection nor the next line; and
//! the right-click menu of a highlight.

use eframe::egui::{self, Align2, Area, Context, Frame, Id, Order, Pos2, Ui, vec2};

use crate::{
    model::{Document, Project, Span},
    ui::{action::Action, colors::label_color, widgets},
};

/// Where the palette shows, next to a finished selection (screen points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PaletteSpot {
    /// Its bottom just above this point: the top-left of the selection's first line.
    Above(Pos2),
    /// Its top just below this point: the bottom-left of the selection's last line.
    Below(Pos2),
}

/// About how tall the palette is, to tell whether it fits above a selection.
pub const HEIGHT_GUESS: f32 = 36.0;

/// Shows the palette for `span` at `place`; a click tags it.
pub fn ui(
    ctx: &Context,
    place: PaletteSpot,
    project: &Project,
    span: Span,
    actions: &mut Vec<Action>,
) {
    let (pivot, at) = match place {
        PaletteSpot::Above(at) => (Align2::LEFT_BOTTOM, at - vec2(0.0, 4.0)),
        PaletteSpot::Below(at) => (Align2::LEFT_TOP, at + vec2(0.0, 4.0)),
    };
    Area::new(Id::unique("tag-palette"))
        .order(Order::Foreground)
        .pivot(pivot)
        .fixed_pos(at)
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
                        let hover = if label.description.is_empty() {
                            format!("Tag as {}", label.name)
                        } else {
                            label.description.clone()
                        };
                        if ui.add(button).on_hover_text(hover).clicked() {
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
pub fn context_menu_ui(
    ui: &mut Ui,
    project: &Project,
    doc: &Document,
    id: &str,
    actions: &mut Vec<Action>,
) {
    ui.menu_button("Relabel", |ui| {
        for label in project.labels() {
            let clicked = ui
                .horizontal(|ui| {
                    widgets::color_chip_ui(ui, label_color(label));
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
    if ui.button(widgets::delete_text(doc, id)).clicked() {
        actions.push(Action::Delete(id.to_owned()));
        ui.close();
    }
}
