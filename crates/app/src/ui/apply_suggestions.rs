//! Applying the suggestion requests: starting and cancelling runs, looking at a proposal (its
//! document shown, scrolled to it), accepting and rejecting (each an undoable edit, then on to
//! the next proposal), moving a proposal's boundaries, and telling in the status bar how a run
//! ended. Offsets are chars.

use eframe::egui::Context;

use super::{
    analysis::AnalysisTab,
    app::{MarginaliaApp, view_of},
    suggestions::{Poll, Scope, SuggestAction},
};
use crate::{
    clock::now_rfc3339,
    model::{Edit, nudge, plural::counted},
};

impl MarginaliaApp {
    pub(super) fn apply_suggestion(&mut self, action: SuggestAction, ctx: &Context) {
        match action {
            SuggestAction::Run(scope) => {
                self.suggestions.start(self.workspace.project(), scope);
                self.analysis.show_tab(AnalysisTab::Suggestions);
            }
            SuggestAction::Cancel => self.suggestions.cancel(),
            SuggestAction::Focus(index) => self.look_at(index, ctx),
            SuggestAction::Step(forward) => {
                let next = self
                    .suggestions
                    .list()
                    .and_then(|l| l.step(self.suggestions.current(), forward));
                self.look_at(next, ctx);
            }
            SuggestAction::Accept(index) => {
                let chosen = match self.suggestions.list() {
                    Some(list) => list.with_source(index),
                    None => return,
                };
                self.accept(&chosen, Some(index), ctx);
            }
            SuggestAction::AcceptShown => {
                let chosen = match self.suggestions.list() {
                    Some(list) => list.shown().to_vec(),
                    None => return,
                };
                self.accept(&chosen, None, ctx);
            }
            SuggestAction::Reject(index) => self.reject(&[index], Some(index), ctx),
            SuggestAction::RejectShown => {
                let chosen = match self.suggestions.list() {
                    Some(list) => list.shown().to_vec(),
                    None => return,
                };
                self.reject(&chosen, None, ctx);
            }
            SuggestAction::Move {
                index,
                boundary,
                direction,
            } => self.move_proposal(index, boundary, direction),
            SuggestAction::SetFilter(filter) => {
                if let Some(list) = self.suggestions.list_mut() {
                    list.set_filter(filter);
                }
            }
            SuggestAction::Clear => self.suggestions.clear(),
        }
    }

    /// Each frame: takes the result of a run that ended (told in the status bar), reads the
    /// project again after edits, and keeps the window drawing while a run goes on.
    pub(super) fn follow_suggestions(&mut self, ctx: &Context) {
        let revision = self.workspace.editor().revision();
        if self.suggestions.running().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(poll) = self.suggestions.poll(self.workspace.project(), revision) {
            let text = match poll {
                Poll::Done {
                    scope,
                    shown,
                    elapsed,
                } => {
                    let place = match scope {
                        Scope::Document(_) => "this document",
                        Scope::AllDocuments => "all documents",
                    };
                    let hint = if shown > 0 {
                        "; F8 steps through them, Enter accepts, Delete rejects"
                    } else {
                        ""
                    };
                    format!(
                        "{} in {place} ({:.1} s){hint}",
                        counted(shown, "suggestion"),
                        elapsed.as_secs_f64()
                    )
                }
                Poll::Cancelled => "Suggestions cancelled; nothing was changed".to_owned(),
                Poll::Failed => {
                    self.messages.error(
                        "Could not make suggestions",
                        "The suggestion rules stopped on an internal fault; the project is \
                         unchanged. Please report it with the article.",
                    );
                    return;
                }
            };
            if let Some(first) = self.suggestions.current() {
                self.look_at(Some(first), ctx);
            }
            self.notify(text, ctx);
        }
        self.suggestions
            .refresh(self.workspace.project(), self.workspace.editor().revision());
    }

    /// Looks at proposal `index`: its document shown and scrolled to it; no annotation selected.
    fn look_at(&mut self, index: Option<usize>, ctx: &Context) {
        self.suggestions.set_current(index);
        let Some((doc, span)) = index.and_then(|i| {
            let list = self.suggestions.list()?;
            Some((list.document_of(i)?, list.proposal(i)?.span))
        }) else {
            return;
        };
        let id = self.workspace.project().documents()[doc].id().to_owned();
        self.show_document(Some(id));
        self.selected = None;
        let document = &self.workspace.project().documents()[doc];
        let now = ctx.input(|i| i.time);
        let view = view_of(&mut self.views, document, &self.prefs);
        view.clear_selection();
        view.reveal(span.start, None, now);
    }

    /// Accepts the proposals at `chosen` as one undoable step; `from` is the one looked at,
    /// after which the next shown proposal is looked at.
    fn accept(&mut self, chosen: &[usize], from: Option<usize>, ctx: &Context) {
        let Some(list) = self.suggestions.list() else {
            return;
        };
        let plan = match list.plan(self.workspace.project(), chosen, &now_rfc3339()) {
            Ok(plan) => plan,
            Err(e) => {
                self.messages
                    .error("Could not accept the suggestion", e.to_string());
                return;
            }
        };
        if plan.annotations == 0 && plan.relations == 0 {
            return;
        }
        let (annotations, relations) = (plan.annotations, plan.relations);
        if self.edit(plan.edit) {
            let linked = if relations > 0 {
                format!(", {} made", counted(relations, "relation"))
            } else {
                String::new()
            };
            self.notify(
                format!(
                    "Accepted {}{linked}; Ctrl+Z takes it back",
                    counted(annotations, "suggestion")
                ),
                ctx,
            );
            self.move_on(from, ctx);
        }
    }

    /// Rejects the proposals at `chosen` as one undoable step.
    fn reject(&mut self, chosen: &[usize], from: Option<usize>, ctx: &Context) {
        let Some(list) = self.suggestions.list() else {
            return;
        };
        let project = self.workspace.project();
        let edits: Vec<Edit> = chosen
            .iter()
            .filter_map(|&i| {
                let p = list.proposal(i)?;
                let doc = project.documents()[list.document_of(i)?].id().to_owned();
                Some(Edit::Reject {
                    doc,
                    span: p.span,
                    label: p.label.clone(),
                    rule: p.rule.clone(),
                })
            })
            .collect();
        let count = edits.len();
        let edit = match edits.len() {
            0 => return,
            1 => edits.into_iter().next().expect("one edit"),
            n => Edit::Batch {
                name: format!("reject {}", counted(n, "suggestion")),
                edits,
            },
        };
        if self.edit(edit) {
            self.notify(
                format!(
                    "Rejected {}: not proposed again for this text; Ctrl+Z takes it back",
                    counted(count, "suggestion")
                ),
                ctx,
            );
            self.move_on(from, ctx);
        }
    }

    /// After a decision on `from`: the next shown proposal, where `from` was.
    fn move_on(&mut self, from: Option<usize>, ctx: &Context) {
        self.suggestions
            .refresh(self.workspace.project(), self.workspace.editor().revision());
        let next = from.and_then(|f| self.suggestions.list()?.step(Some(f), true));
        self.look_at(next, ctx);
    }

    /// Moves a boundary of proposal `index` by a word, within its document's text.
    fn move_proposal(
        &mut self,
        index: usize,
        boundary: nudge::Boundary,
        direction: nudge::Direction,
    ) {
        let Some(list) = self.suggestions.list() else {
            return;
        };
        let (Some(doc), Some(p)) = (list.document_of(index), list.proposal(index)) else {
            return;
        };
        let doc = &self.workspace.project().documents()[doc];
        if let Some(span) = nudge::nudge(doc.text(), doc.offsets(), p.span, boundary, direction)
            && let Some(list) = self.suggestions.list_mut()
        {
            list.set_span(index, span);
        }
    }
}
