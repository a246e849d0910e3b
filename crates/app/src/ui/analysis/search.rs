//! The Search tab: plain text or a regular expression over the shown document or all of them,
//! whole words or not, with or without case; the count, and the hits as keyword in context
//! (document, left context, match, right context), each with a checkbox; the checked hits tagged
//! with one label, each widened to its word, sentence or paragraph, as one undoable step. A bad
//! regular expression is said in place. Offsets are chars.

use eframe::egui::{self, Id, TextEdit, Ui};

use super::{
    AnalysisInput,
    rows::{self, Fit, ROW_HEIGHT},
};
use crate::{
    analysis::{Hit, Query, QueryError, Widen, in_context, search},
    model::plural::counted,
    ui::{action::Action, colors::label_color},
};

const FIELD_ID: &str = "analysis-search-field";

/// The widenings offered, with their names.
const WIDENINGS: [(Widen, &str); 4] = [
    (Widen::Exact, "the hit as found"),
    (Widen::Word, "whole words"),
    (Widen::Sentence, "its sentence"),
    (Widen::Paragraph, "its paragraph"),
];

/// What a search was run for: the query, the document searched (all: `None`) and the revision.
#[derive(Clone, PartialEq)]
struct Searched {
    query: Query,
    doc: Option<String>,
    revision: u64,
}

/// The hits of the last search, or why it could not run.
struct Found {
    searched: Searched,
    hits: Result<Vec<Hit>, QueryError>,
    /// One per hit: whether it is to be tagged.
    checked: Vec<bool>,
    /// Documents the hits lie in.
    documents: usize,
}

#[derive(Default)]
pub struct SearchTab {
    query: Query,
    all_documents: bool,
    label: Option<String>,
    widen: Widen,
    found: Option<Found>,
    focus: bool,
}

impl SearchTab {
    /// Puts the keyboard in the search field next frame.
    pub fn focus(&mut self) {
        self.focus = true;
    }

    pub fn ui(&mut self, ui: &mut Ui, input: &AnalysisInput<'_>, actions: &mut Vec<Action>) {
        self.query_ui(ui);
        self.refresh(input);
        let Some(found) = &mut self.found else {
            return;
        };
        let hits = match &found.hits {
            Ok(hits) => hits,
            Err(QueryError::Empty) => {
                ui.weak("Type a word, a phrase or a regular expression to find it in the text.");
                return;
            }
            Err(error) => {
                ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                return;
            }
        };
        ui.horizontal_wrapped(|ui| {
            let in_documents = if self.all_documents {
                format!(" in {}", counted(found.documents, "document"))
            } else {
                String::new()
            };
            ui.strong(format!("{}{in_documents}", counted(hits.len(), "hit")));
            if hits.len() == crate::analysis::search::MAX_HITS {
                ui.weak("(the first ones; narrow the search)");
            }
            ui.separator();
            if ui.button("Check all").clicked() {
                found.checked.fill(true);
            }
            if ui.button("Check none").clicked() {
                found.checked.fill(false);
            }
            ui.separator();
            tag_ui(
                ui,
                input,
                (&mut self.label, &mut self.widen),
                hits,
                &found.checked,
                actions,
            );
        });
        ui.separator();
        hits_ui(
            ui,
            input,
            hits,
            &mut found.checked,
            self.all_documents,
            actions,
        );
    }

    /// The search field and its options.
    fn query_ui(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let caption = ui.label("Find");
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.query.pattern)
                        .id(Id::unique(FIELD_ID))
                        .hint_text(if self.query.regex {
                            "regular expression"
                        } else {
                            "text"
                        })
                        .desired_width(260.0),
                )
                .labelled_by(caption.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            ui.checkbox(&mut self.query.whole_word, "Whole words");
            ui.checkbox(&mut self.query.case_sensitive, "Match case");
            ui.checkbox(&mut self.query.regex, "Regular expression");
            ui.separator();
            ui.radio_value(&mut self.all_documents, false, "This document");
            ui.radio_value(&mut self.all_documents, true, "All documents");
        });
    }

    /// Searches again when the query, the scope or the project changed; the checkboxes stay as
    /// they were when the hits are the same.
    fn refresh(&mut self, input: &AnalysisInput<'_>) {
        let doc = if self.all_documents {
            None
        } else {
            match input.shown {
                Some((_, doc)) => Some(doc.id().to_owned()),
                None => {
                    self.found = None;
                    return;
                }
            }
        };
        let searched = Searched {
            query: self.query.clone(),
            doc,
            revision: input.revision,
        };
        if self.found.as_ref().is_some_and(|f| f.searched == searched) {
            return;
        }
        let hits = searched
            .query
            .compile()
            .map(|matcher| search(input.project, &matcher, searched.doc.as_deref()));
        let previous = self.found.take();
        let count = hits.as_ref().map_or(0, Vec::len);
        let checked = match (&previous, &hits) {
            (
                Some(Found {
                    hits: Ok(old),
                    checked,
                    ..
                }),
                Ok(new),
            ) if old == new => checked.clone(),
            _ => vec![true; count],
        };
        let documents = hits.as_ref().map_or(0, |hits| {
            let mut docs: Vec<usize> = hits.iter().map(|h| h.doc).collect();
            docs.dedup();
            docs.len()
        });
        self.found = Some(Found {
            searched,
            hits,
            checked,
            documents,
        });
    }
}

/// The label, the widening and the button that tags the checked hits.
fn tag_ui(
    ui: &mut Ui,
    input: &AnalysisInput<'_>,
    (label, widen): (&mut Option<String>, &mut Widen),
    hits: &[Hit],
    checked: &[bool],
    actions: &mut Vec<Action>,
) {
    let labels = input.project.labels();
    if label
        .as_deref()
        .is_none_or(|id| !input.project.has_label(id))
    {
        *label = labels.first().map(|l| l.id.clone());
    }
    let Some(chosen) = label.clone() else {
        ui.weak("Add a label to tag the hits.");
        return;
    };
    let name = input
        .project
        .label(&chosen)
        .map_or(chosen.as_str(), |l| l.name.as_str());
    let caption = ui.label("Tag as");
    egui::ComboBox::from_id_salt("analysis-tag-label")
        .selected_text(name)
        .show_ui(ui, |ui| {
            for l in labels {
                ui.selectable_value(label, Some(l.id.clone()), &l.name);
            }
        })
        .response
        .labelled_by(caption.id);
    let caption = ui.label("widened to");
    let widen_name = WIDENINGS
        .iter()
        .find(|(w, _)| w == widen)
        .map_or("", |(_, n)| n);
    egui::ComboBox::from_id_salt("analysis-tag-widen")
        .selected_text(widen_name)
        .show_ui(ui, |ui| {
            for (w, n) in WIDENINGS {
                ui.selectable_value(widen, w, n);
            }
        })
        .response
        .labelled_by(caption.id);
    let to_tag = checked.iter().filter(|c| **c).count();
    let text = format!("Tag {} as {name}", counted(to_tag, "hit"));
    let button = ui.add_enabled(to_tag > 0, egui::Button::new(text));
    if button.clicked() {
        // The hits are copied only when tagged, not every frame.
        let hits = hits
            .iter()
            .zip(checked)
            .filter(|(_, c)| **c)
            .map(|(h, _)| *h)
            .collect();
        actions.push(Action::TagHits {
            hits,
            label: chosen,
            widen: *widen,
        });
    }
}

/// The hits in context, one virtualised row each: checkbox, document, left context, match,
/// right context; a click on a row reveals the hit in the article.
fn hits_ui(
    ui: &mut Ui,
    input: &AnalysisInput<'_>,
    hits: &[Hit],
    checked: &mut [bool],
    all_documents: bool,
    actions: &mut Vec<Action>,
) {
    let (strong, weak) = rows::text_colors(ui);
    let highlight = input
        .project
        .labels()
        .first()
        .map_or(ui.visuals().selection.bg_fill, label_color);
    egui::ScrollArea::vertical()
        .id_salt("analysis-hits")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, hits.len(), |ui, range| {
            for i in range {
                let hit = hits[i];
                let doc = &input.project.documents()[hit.doc];
                let context = in_context(doc, hit.span);
                let name = format!(
                    "{}{} {} {} (chars {}–{})",
                    if all_documents {
                        format!("{}: ", doc.title())
                    } else {
                        String::new()
                    },
                    context.left.trim_start(),
                    context.matched,
                    context.right.trim_end(),
                    hit.span.start,
                    hit.span.end
                );
                let row = rows::row(ui, &name);
                let rect = row.rect;
                let mut left = 24.0;
                if all_documents {
                    rows::cell(ui, rect, (left, 150.0), doc.title(), weak, Fit::Left);
                    left += 160.0;
                }
                let room = rect.width() - left;
                let context_width = (room * 0.4).max(80.0);
                rows::cell(
                    ui,
                    rect,
                    (left, context_width),
                    &context.left,
                    weak,
                    Fit::Right,
                );
                left += context_width + 2.0;
                let matched = rows::cell(
                    ui,
                    rect,
                    (left, (room - context_width) * 0.5),
                    &context.matched,
                    strong,
                    Fit::Left,
                );
                let underline = egui::Rect::from_min_size(
                    egui::pos2(rect.left() + left, rect.bottom() - 3.0),
                    egui::vec2(matched, 2.0),
                );
                ui.painter().rect_filled(underline, 0.0, highlight);
                left += matched + 2.0;
                rows::cell(
                    ui,
                    rect,
                    (left, (rect.width() - left).max(0.0)),
                    &context.right,
                    weak,
                    Fit::Left,
                );
                let tick = egui::Rect::from_min_size(rect.min, egui::vec2(22.0, ROW_HEIGHT));
                ui.put(tick, egui::Checkbox::without_text(&mut checked[i]))
                    .widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::CheckBox,
                            true,
                            checked[i],
                            format!("Tag hit {}", i + 1),
                        )
                    });
                if row.clicked() {
                    actions.push(Action::RevealSpan {
                        doc: doc.id().to_owned(),
                        span: hit.span,
                        annotation: None,
                    });
                }
            }
        });
}
