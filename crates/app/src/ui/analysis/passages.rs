//! The Passages tab (retrieval): every coded passage of the labels chosen, across the documents
//! or in the shown one, with its document, quote, note and what its relations tie it to
//! ("attributed to — Source “Ana”"); filtered by text and analyst, in document order or by
//! label; a click reveals it; the list exports as CSV or Markdown. Offsets are chars.

use eframe::egui::{self, TextEdit, Ui};

use super::{
    AnalysisInput,
    rows::{self, Fit, ROW_HEIGHT},
};
use crate::{
    analysis::{Passage, PassageFilter, PassageOrder, links, passages},
    excerpt::shorten,
    model::{Project, plural::counted},
    ui::{
        action::{Action, AnalysisTable, FileRequest},
        colors::label_color,
    },
};

/// Chars of a quote shown in a row.
const QUOTE_CHARS: usize = 120;

/// What the list was made from.
#[derive(Clone, PartialEq)]
struct Listed {
    filter: PassageFilter,
    order: PassageOrder,
    revision: u64,
}

#[derive(Default)]
pub struct PassagesTab {
    filter: PassageFilter,
    order: PassageOrder,
    /// Only the shown document (the filter's document follows it).
    this_document: bool,
    /// The passages listed: each its document's index and its annotation's id.
    rows: Vec<(usize, String)>,
    listed: Option<Listed>,
}

impl PassagesTab {
    /// Lists the passages behind a count: these labels, in this document (or all).
    pub fn set_filter(&mut self, filter: PassageFilter) {
        self.this_document = false;
        self.filter = filter;
    }

    /// The passages the tab lists now, in its order.
    #[must_use]
    pub fn listed<'p>(&self, project: &'p Project) -> Vec<Passage<'p>> {
        passages(project, &self.filter, self.order)
    }

    pub fn ui(&mut self, ui: &mut Ui, input: &AnalysisInput<'_>, actions: &mut Vec<Action>) {
        self.filters_ui(ui, input);
        if self.this_document {
            self.filter.doc = input.shown.map(|(i, _)| i);
        }
        self.refresh(input);
        ui.horizontal(|ui| {
            ui.strong(counted(self.rows.len(), "passage"));
            ui.separator();
            let any = !self.rows.is_empty();
            for (text, table) in [
                ("Export CSV…", AnalysisTable::PassagesCsv),
                ("Export Markdown…", AnalysisTable::PassagesMarkdown),
            ] {
                if ui.add_enabled(any, egui::Button::new(text)).clicked() {
                    actions.push(Action::Choose(FileRequest::AnalysisTable(table)));
                }
            }
        });
        ui.separator();
        rows_ui(ui, input.project, &self.rows, actions);
    }

    fn filters_ui(&mut self, ui: &mut Ui, input: &AnalysisInput<'_>) {
        ui.horizontal_wrapped(|ui| {
            ui.label("Labels");
            for label in input.project.labels() {
                let on = self.filter.labels.contains(&label.id);
                let text = egui::RichText::new(&label.name).color(if on {
                    label_color(label)
                } else {
                    ui.visuals().text_color()
                });
                if ui.selectable_label(on, text).clicked() {
                    if on {
                        self.filter.labels.retain(|l| *l != label.id);
                    } else {
                        self.filter.labels.push(label.id.clone());
                    }
                }
            }
            if self.filter.labels.is_empty() {
                ui.weak("(all)");
            } else if ui.small_button("All labels").clicked() {
                self.filter.labels.clear();
            }
            ui.separator();
            if ui
                .radio(self.filter.doc.is_none(), "All documents")
                .clicked()
            {
                self.this_document = false;
                self.filter.doc = None;
            }
            let shown = input.shown.map(|(i, _)| i);
            let here = self.filter.doc.is_some() && self.filter.doc == shown;
            let other = self.filter.doc.is_some() && !here;
            if ui
                .add_enabled(
                    shown.is_some(),
                    egui::RadioButton::new(here, "This document"),
                )
                .clicked()
            {
                self.this_document = true;
            }
            if other
                && let Some(doc) = self
                    .filter
                    .doc
                    .and_then(|d| input.project.documents().get(d))
            {
                let _ = ui.radio(true, shorten(doc.title(), 40));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let caption = ui.label("Text");
            ui.add(
                TextEdit::singleline(&mut self.filter.text)
                    .hint_text("in the quote or the note")
                    .desired_width(200.0),
            )
            .labelled_by(caption.id);
            let caption = ui.label("Analyst");
            ui.add(
                TextEdit::singleline(&mut self.filter.analyst)
                    .hint_text("anyone")
                    .desired_width(120.0),
            )
            .labelled_by(caption.id);
            ui.separator();
            ui.radio_value(&mut self.order, PassageOrder::Document, "Document order");
            ui.radio_value(&mut self.order, PassageOrder::Label, "By label");
        });
    }

    /// Lists again when the filter, the order or the project changed.
    fn refresh(&mut self, input: &AnalysisInput<'_>) {
        let listed = Listed {
            filter: self.filter.clone(),
            order: self.order,
            revision: input.revision,
        };
        if self.listed.as_ref() == Some(&listed) {
            return;
        }
        self.rows = passages(input.project, &self.filter, self.order)
            .into_iter()
            .map(|p| (p.doc, p.annotation.id.clone()))
            .collect();
        self.listed = Some(listed);
    }
}

/// One virtualised row per passage: label, document, quote, note and links; a click reveals it.
fn rows_ui(ui: &mut Ui, project: &Project, listed: &[(usize, String)], actions: &mut Vec<Action>) {
    let (strong, weak) = rows::text_colors(ui);
    egui::ScrollArea::vertical()
        .id_salt("analysis-passages")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, listed.len(), |ui, range| {
            for (doc_index, id) in &listed[range] {
                let Some(doc) = project.documents().get(*doc_index) else {
                    continue;
                };
                let Some(annotation) = doc.annotation(id) else {
                    continue;
                };
                let label = project.label(&annotation.label);
                let label_name = label.map_or(annotation.label.as_str(), |l| l.name.as_str());
                let quote = format!("“{}”", shorten(&annotation.quote, QUOTE_CHARS));
                let note = shorten(&annotation.note, 80);
                let tied = links(project, doc, annotation).join("; ");
                let name = [label_name, doc.title(), &quote, &note, &tied]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — ");
                let row = rows::row(ui, &name);
                let rect = row.rect;
                if let Some(label) = label {
                    rows::chip(ui, rect, 2.0, label_color(label));
                }
                rows::cell(ui, rect, (20.0, 90.0), label_name, strong, Fit::Left);
                rows::cell(ui, rect, (115.0, 150.0), doc.title(), weak, Fit::Left);
                let rest = (rect.width() - 275.0).max(0.0);
                let quote_width =
                    rows::cell(ui, rect, (275.0, rest * 0.65), &quote, strong, Fit::Left);
                let after = [note.as_str(), tied.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let left = 275.0 + quote_width + 12.0;
                rows::cell(
                    ui,
                    rect,
                    (left, (rect.width() - left).max(0.0)),
                    &after,
                    weak,
                    Fit::Left,
                );
                if row.clicked() {
                    actions.push(Action::RevealSpan {
                        doc: doc.id().to_owned(),
                        span: annotation.span(),
                        annotation: Some(annotation.id.clone()),
                    });
                }
            }
        });
}
