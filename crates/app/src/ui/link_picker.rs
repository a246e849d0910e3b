//! Linking by keyboard: the picker that opens at the selected annotation (L) and lists the
//! annotations it can be linked to, nearest first, with their quotes; typing filters the list,
//! Up/Down move, Enter links, Tab or Alt+a kind's key chooses the kind, Escape closes. And the
//! pick-list shown when a click or a drop lands on several annotations: nothing is linked to a
//! guessed target. Offsets are chars of the document.

use eframe::egui::{
    self, Align2, Area, Context, Frame, Id, Key, Modifiers, Order, Pos2, RichText, TextEdit, Ui,
    WidgetInfo,
};

use crate::{
    model::{
        Document, Project,
        linking::{Candidate, candidates},
    },
    ui::{action::Action, colors::label_color, widgets},
};

/// Rows the picker shows at once.
const ROWS: usize = 8;

/// The open link picker.
pub struct LinkPicker {
    /// The annotation a link starts at.
    pub from: String,
    filter: String,
    /// The kind chosen (an id); `None`: the first kind each candidate allows.
    kind: Option<String>,
    /// The highlighted row among the filtered candidates.
    cursor: usize,
    focus: bool,
    /// Frames left in which the letter of the key that opened the picker (L), when its
    /// character arrives after the key, is kept out of the filter.
    opening_frames: u8,
}

/// One way to finish a link from a pick-list: the target and the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOption {
    pub to: String,
    pub kind: String,
}

/// The pick-list of a click or drop that landed on several annotations (or allows several kinds).
pub struct LinkChoice {
    pub from: String,
    pub options: Vec<LinkOption>,
    pub at: Pos2,
}

impl LinkPicker {
    #[must_use]
    pub fn new(from: &str) -> Self {
        Self {
            from: from.to_owned(),
            filter: String::new(),
            kind: None,
            cursor: 0,
            focus: true,
            opening_frames: 3,
        }
    }

    /// The kind chosen in the picker, if any: what a click on a highlight links by.
    #[must_use]
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The candidates that pass the kind chosen and the filter, nearest first.
    fn shown<'d>(&self, project: &'d Project, doc: &'d Document) -> Vec<Candidate<'d>> {
        let kinds: Vec<&str> = self.kind.as_deref().into_iter().collect();
        let needle = self.filter.trim().to_lowercase();
        candidates(project, doc, &self.from, &kinds)
            .into_iter()
            .filter(|c| {
                needle.is_empty()
                    || c.annotation.quote.to_lowercase().contains(&needle)
                    || project
                        .label(&c.annotation.label)
                        .is_some_and(|l| l.name.to_lowercase().starts_with(&needle))
            })
            .collect()
    }

    /// The kinds that allow a link from the selected annotation to anything, in codebook order.
    fn kinds<'p>(
        &self,
        project: &'p Project,
        doc: &Document,
    ) -> Vec<&'p crate::model::RelationKind> {
        let Some(from) = doc.annotation(&self.from) else {
            return Vec::new();
        };
        project
            .relation_kinds()
            .iter()
            .filter(|k| k.from_labels.is_empty() || k.from_labels.contains(&from.label))
            .collect()
    }

    /// The picker's keys, taken before any panel sees them: Up/Down, Enter, Escape, Tab and
    /// Alt+a kind's key.
    pub fn keys(
        &mut self,
        ctx: &Context,
        project: &Project,
        doc: &Document,
        actions: &mut Vec<Action>,
    ) {
        if self.opening_frames > 0 {
            self.opening_frames -= 1;
            let opener =
                |e: &egui::Event| matches!(e, egui::Event::Text(t) if t.eq_ignore_ascii_case("l"));
            if ctx.input(|i| i.events.iter().any(opener)) {
                ctx.input_mut(|i| i.events.retain(|e| !opener(e)));
                self.opening_frames = 0;
            }
        }
        let pressed =
            |key: Key, modifiers: Modifiers| ctx.input_mut(|i| i.consume_key(modifiers, key));
        if pressed(Key::Escape, Modifiers::NONE) {
            actions.push(Action::StopLink);
            return;
        }
        let kinds = self.kinds(project, doc);
        let step = |current: Option<&str>, back: bool| -> Option<String> {
            // None, then each kind, then None again.
            let at = current.and_then(|id| kinds.iter().position(|k| k.id == id));
            let next = match (at, back) {
                (None, false) => Some(0),
                (None, true) => kinds.len().checked_sub(1),
                (Some(i), false) => (i + 1 < kinds.len()).then_some(i + 1),
                (Some(i), true) => i.checked_sub(1),
            };
            next.map(|i| kinds[i].id.clone())
        };
        if pressed(Key::Tab, Modifiers::SHIFT) {
            self.kind = step(self.kind.as_deref(), true);
            self.cursor = 0;
        } else if pressed(Key::Tab, Modifiers::NONE) {
            self.kind = step(self.kind.as_deref(), false);
            self.cursor = 0;
        }
        for kind in &kinds {
            if let Some(key) = kind
                .key
                .and_then(|c| Key::from_name(&c.to_ascii_uppercase().to_string()))
                && pressed(key, Modifiers::ALT)
            {
                self.kind = Some(kind.id.clone());
                self.cursor = 0;
                // The character typed with Alt on some systems must not reach the filter.
                ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            }
        }
        // The list clamps the cursor when it is drawn; the candidates are worked out here only
        // for Enter, so a frame computes them once.
        if pressed(Key::ArrowDown, Modifiers::NONE) {
            self.cursor += 1;
        }
        if pressed(Key::ArrowUp, Modifiers::NONE) {
            self.cursor = self.cursor.saturating_sub(1);
        }
        if pressed(Key::Enter, Modifiers::NONE) {
            let shown = self.shown(project, doc);
            if let Some(candidate) = shown.get(self.cursor.min(shown.len().saturating_sub(1))) {
                actions.push(self.link_to(candidate));
            }
        }
    }

    fn link_to(&self, candidate: &Candidate<'_>) -> Action {
        let kind = self
            .kind
            .clone()
            .unwrap_or_else(|| candidate.kinds[0].to_owned());
        Action::Link {
            from: self.from.clone(),
            to: candidate.annotation.id.clone(),
            kind,
        }
    }

    /// Shows the picker with its top-left at `at` (screen points).
    pub fn ui(
        &mut self,
        ctx: &Context,
        project: &Project,
        doc: &Document,
        at: Pos2,
        actions: &mut Vec<Action>,
    ) {
        let Some(from) = doc.annotation(&self.from) else {
            actions.push(Action::StopLink);
            return;
        };
        let from_name = project
            .label(&from.label)
            .map_or(from.label.as_str(), |l| l.name.as_str());
        let title = format!(
            "Link {from_name} “{}” to…",
            widgets::shorten(&from.quote, 40)
        );
        Area::new(Id::unique("link-picker"))
            .order(Order::Foreground)
            .pivot(Align2::LEFT_TOP)
            .fixed_pos(at)
            .show(ctx, |ui| {
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    ui.label(RichText::new(&title).strong());
                    self.kinds_ui(ui, project, doc);
                    let field = ui.add(
                        TextEdit::singleline(&mut self.filter)
                            .hint_text("Type to filter by quote or label")
                            .desired_width(f32::INFINITY),
                    );
                    field.widget_info(|| {
                        WidgetInfo::labeled(egui::Role::SearchInput, true, "Link filter")
                    });
                    if field.changed() {
                        self.cursor = 0;
                    }
                    if std::mem::take(&mut self.focus) || !field.has_focus() {
                        field.request_focus();
                    }
                    self.rows_ui(ui, project, doc, actions);
                    ui.weak("Enter links · Up/Down choose · Tab or Alt+key: kind · a click on a highlight links to it · Esc closes");
                });
            });
    }

    fn kinds_ui(&mut self, ui: &mut Ui, project: &Project, doc: &Document) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Kind:");
            if ui
                .selectable_label(self.kind.is_none(), "any allowed")
                .clicked()
            {
                self.kind = None;
                self.cursor = 0;
            }
            for kind in self.kinds(project, doc) {
                let text = match kind.key {
                    Some(key) => format!("Alt+{}  {}", key.to_ascii_uppercase(), kind.name),
                    None => kind.name.clone(),
                };
                let chosen = self.kind.as_deref() == Some(kind.id.as_str());
                if ui
                    .selectable_label(chosen, text)
                    .on_hover_text(&kind.description)
                    .clicked()
                {
                    self.kind = Some(kind.id.clone());
                    self.cursor = 0;
                }
            }
        });
    }

    fn rows_ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: &Document,
        actions: &mut Vec<Action>,
    ) {
        let shown = self.shown(project, doc);
        if shown.is_empty() {
            ui.weak("No annotation here can be linked by this kind. Tag one first, or choose another kind.");
            return;
        }
        self.cursor = self.cursor.min(shown.len() - 1);
        let first = self.cursor.saturating_sub(ROWS - 1);
        let Some(from) = doc.annotation(&self.from) else {
            return;
        };
        for (row, candidate) in shown.iter().enumerate().skip(first).take(ROWS) {
            let a = candidate.annotation;
            let kind = self.kind.as_deref().unwrap_or(candidate.kinds[0]);
            let kind_name = project
                .relation_kind(kind)
                .map_or(kind, |k| k.name.as_str());
            let label = project.label(&a.label);
            let where_ = widgets::where_from(doc, from, a);
            let text = format!(
                "{} “{}” · {kind_name} · {where_}",
                label.map_or(a.label.as_str(), |l| l.name.as_str()),
                widgets::shorten(&a.quote, 30),
            );
            let clicked = ui
                .horizontal(|ui| {
                    if let Some(label) = label {
                        widgets::color_chip_ui(ui, label_color(label));
                    }
                    ui.add(egui::Button::selectable(row == self.cursor, text).truncate())
                        .clicked()
                })
                .inner;
            if clicked {
                actions.push(self.link_to(candidate));
            }
        }
        if shown.len() > ROWS {
            ui.weak(format!("{} in all", shown.len()));
        }
    }
}

impl LinkChoice {
    /// Shows the pick-list; a click links, Escape closes it.
    pub fn ui(&self, ctx: &Context, project: &Project, doc: &Document, actions: &mut Vec<Action>) {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            actions.push(Action::StopLink);
            return;
        }
        Area::new(Id::unique("link-choice"))
            .order(Order::Foreground)
            .pivot(Align2::LEFT_TOP)
            .fixed_pos(self.at)
            .show(ctx, |ui| {
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new("Link to which?").strong());
                    for option in &self.options {
                        let Some(a) = doc.annotation(&option.to) else {
                            continue;
                        };
                        let label = project.label(&a.label);
                        let kind = project
                            .relation_kind(&option.kind)
                            .map_or(option.kind.as_str(), |k| k.name.as_str());
                        let text = format!(
                            "{} “{}” — {kind}",
                            label.map_or(a.label.as_str(), |l| l.name.as_str()),
                            widgets::shorten(&a.quote, 48)
                        );
                        let clicked = ui
                            .horizontal(|ui| {
                                if let Some(label) = label {
                                    widgets::color_chip_ui(ui, label_color(label));
                                }
                                ui.button(text).clicked()
                            })
                            .inner;
                        if clicked {
                            actions.push(Action::Link {
                                from: self.from.clone(),
                                to: option.to.clone(),
                                kind: option.kind.clone(),
                            });
                        }
                    }
                    ui.weak("Esc cancels");
                });
            });
    }
}
