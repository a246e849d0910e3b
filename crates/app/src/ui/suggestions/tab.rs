//! The Suggestions tab of the analysis panel: run the rules on the shown document or all of
//! them (a progress bar and Cancel while they run), what became of the proposals, which labels
//! and how sure a proposal must be to show, accept or reject every shown proposal at once, and
//! the shown proposals one row each (document, label, confidence, passage, reason); a click
//! looks at one in the article. Offsets are chars.

use eframe::egui::{self, Color32, Slider, Ui};

use super::{Filter, List, Scope, SuggestAction, Suggestions};
use crate::{
    model::{Project, plural::counted},
    ui::{
        action::Action,
        analysis::{
            AnalysisInput,
            rows::{self, Fit, ROW_HEIGHT},
        },
        colors::label_color,
        shortcuts,
    },
};

/// The tab.
pub fn ui(
    ui: &mut Ui,
    suggestions: &Suggestions,
    input: &AnalysisInput<'_>,
    actions: &mut Vec<Action>,
) {
    let mut ask = |a: SuggestAction| actions.push(Action::Suggest(a));
    ui.horizontal_wrapped(|ui| {
        let running = suggestions.running();
        let here = input.shown.map(|(i, _)| i);
        let button = egui::Button::new("Suggest in this document");
        if ui
            .add_enabled(running.is_none() && here.is_some(), button)
            .clicked()
            && let Some(i) = here
        {
            ask(SuggestAction::Run(Scope::Document(i)));
        }
        let button = egui::Button::new("Suggest in all documents");
        if ui.add_enabled(running.is_none(), button).clicked() {
            ask(SuggestAction::Run(Scope::AllDocuments));
        }
        if let Some(run) = running {
            ui.separator();
            let text = if run.is_cancelled() {
                "Stopping…".to_owned()
            } else {
                format!("Suggesting… {:.0} %", run.fraction() * 100.0)
            };
            ui.add(
                egui::ProgressBar::new(run.fraction())
                    .desired_width(200.0)
                    .text(text),
            );
            if ui
                .add_enabled(!run.is_cancelled(), egui::Button::new("Cancel"))
                .clicked()
            {
                ask(SuggestAction::Cancel);
            }
        }
        if suggestions.list().is_some() && running.is_none() {
            ui.separator();
            if ui
                .button("Clear")
                .on_hover_text("Forget these proposals (accepted and rejected ones stay)")
                .clicked()
            {
                ask(SuggestAction::Clear);
            }
        }
    });
    let Some(list) = suggestions.list() else {
        ui.weak(
            "Proposes sources, claims and norms from the cues of news and policy prose (said, \
             told, according to, should, must, refrain from …) and passages worded as ones \
             coded elsewhere. Nothing enters the coding until you accept it; all on this \
             machine.",
        );
        if missing_roles(input.project) {
            ui.weak(
                "This project has no labels with the ids source, claim and norm, so only \
                 wordings coded elsewhere can be proposed.",
            );
        }
        return;
    };
    summary_ui(ui, list, input.project, &mut ask);
    ui.separator();
    current_ui(ui, suggestions, input.project, &mut ask);
    rows_ui(ui, list, suggestions.current(), input.project, &mut ask);
}

fn missing_roles(project: &Project) -> bool {
    ["source", "claim", "norm"]
        .iter()
        .all(|id| !project.has_label(id))
}

/// The counts, the filter, and accepting or rejecting every shown proposal.
fn summary_ui(ui: &mut Ui, list: &List, project: &Project, ask: &mut impl FnMut(SuggestAction)) {
    ui.horizontal_wrapped(|ui| {
        let (pending, accepted, rejected) = list.counts();
        let shown = list.shown().len();
        ui.strong(format!("{} shown", counted(shown, "suggestion")));
        ui.weak(format!(
            "({pending} pending, {accepted} accepted, {rejected} rejected)"
        ));
        ui.separator();
        let mut filter: Filter = list.filter().clone();
        for label in list.labels() {
            let name = project
                .label(&label)
                .map_or(label.as_str(), |l| l.name.as_str());
            let mut on = !filter.hidden.contains(&label);
            if ui.checkbox(&mut on, name).changed() {
                if on {
                    filter.hidden.retain(|l| *l != label);
                } else {
                    filter.hidden.push(label.clone());
                }
            }
        }
        let caption = ui.label("at least");
        ui.add(
            Slider::new(&mut filter.min_confidence, 0.0..=1.0)
                .fixed_decimals(2)
                .step_by(0.05),
        )
        .labelled_by(caption.id);
        ui.label("sure");
        if filter != *list.filter() {
            ask(SuggestAction::SetFilter(filter));
        }
        ui.separator();
        let accept = format!("Accept the {shown} shown");
        if ui
            .add_enabled(shown > 0, egui::Button::new(accept))
            .on_hover_text(
                "Code every shown proposal (claims linked to their sources), one undo step",
            )
            .clicked()
        {
            ask(SuggestAction::AcceptShown);
        }
        let reject = format!("Reject the {shown} shown");
        if ui
            .add_enabled(shown > 0, egui::Button::new(reject))
            .on_hover_text("They will not be proposed again for the same text; one undo step")
            .clicked()
        {
            ask(SuggestAction::RejectShown);
        }
    });
}

/// The proposal looked at: what it is, why, and the keys that decide it.
fn current_ui(
    ui: &mut Ui,
    suggestions: &Suggestions,
    project: &Project,
    ask: &mut impl FnMut(SuggestAction),
) {
    let key = |s: &egui::KeyboardShortcut| ui.ctx().format_shortcut(s);
    let (next, previous) = (
        key(&shortcuts::NEXT_SUGGESTION),
        key(&shortcuts::PREVIOUS_SUGGESTION),
    );
    ui.horizontal_wrapped(|ui| {
        let current = suggestions
            .current()
            .and_then(|i| suggestions.list()?.proposal(i).map(|p| (i, p)));
        match current {
            Some((i, p)) => {
                let label = project.label(&p.label);
                crate::ui::widgets::color_chip_ui(ui, label.map_or(Color32::GRAY, label_color));
                ui.strong(label.map_or(p.label.as_str(), |l| l.name.as_str()));
                ui.label(format!("{:.0} % sure — {}", p.confidence * 100.0, p.reason));
                ui.separator();
                if ui.button("Accept (Enter)").clicked() {
                    ask(SuggestAction::Accept(i));
                }
                if ui.button("Reject (Delete)").clicked() {
                    ask(SuggestAction::Reject(i));
                }
                ui.weak("Alt+Left/Right moves its start, Alt+Shift+Left/Right its end");
            }
            None => {
                ui.weak(format!(
                    "{next} looks at the next proposal, {previous} the previous one"
                ));
            }
        }
        ui.separator();
        if ui.button(format!("Previous ({previous})")).clicked() {
            ask(SuggestAction::Step(false));
        }
        if ui.button(format!("Next ({next})")).clicked() {
            ask(SuggestAction::Step(true));
        }
    });
}

/// The shown proposals, one virtualised row each.
fn rows_ui(
    ui: &mut Ui,
    list: &List,
    current: Option<usize>,
    project: &Project,
    ask: &mut impl FnMut(SuggestAction),
) {
    let (strong, weak) = rows::text_colors(ui);
    let shown = list.shown();
    egui::ScrollArea::vertical()
        .id_salt("suggestion-rows")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, shown.len(), |ui, range| {
            for &i in &shown[range] {
                let (Some(p), Some(doc)) = (list.proposal(i), list.document_of(i)) else {
                    continue;
                };
                let doc = &project.documents()[doc];
                let label = project.label(&p.label);
                let name = label.map_or(p.label.as_str(), |l| l.name.as_str());
                let quote = doc.quote(p.span).unwrap_or_default();
                let row = rows::row(
                    ui,
                    &format!(
                        "Suggested {name}, {:.0} % sure: {quote} ({})",
                        p.confidence * 100.0,
                        doc.title()
                    ),
                );
                let rect = row.rect;
                if current == Some(i) {
                    let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.5);
                    ui.painter().rect_filled(rect, 2.0, fill);
                }
                rows::chip(ui, rect, 2.0, label.map_or(Color32::GRAY, label_color));
                let mut left = 18.0;
                rows::cell(ui, rect, (left, 70.0), name, strong, Fit::Left);
                left += 74.0;
                let sure = format!("{:.0} %", p.confidence * 100.0);
                rows::cell(ui, rect, (left, 40.0), &sure, weak, Fit::Left);
                left += 44.0;
                rows::cell(ui, rect, (left, 140.0), doc.title(), weak, Fit::Left);
                left += 146.0;
                let room = (rect.width() - left).max(0.0);
                let quote = quote.replace('\n', " ");
                rows::cell(ui, rect, (left, room * 0.6), &quote, strong, Fit::Left);
                left += room * 0.6 + 6.0;
                rows::cell(
                    ui,
                    rect,
                    (left, room * 0.4 - 6.0),
                    &p.reason,
                    weak,
                    Fit::Left,
                );
                if row.clicked() {
                    ask(SuggestAction::Focus(Some(i)));
                }
            }
        });
}
