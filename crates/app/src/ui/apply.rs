//! Applying the views' actions: edits go through the workspace's editor (so every change can
//! be undone), file requests through `open_and_save.rs`. An edit the model refuses is shown as a
//! message; nothing else changes.

use eframe::egui::Context;

use super::{
    action::{Action, FileRequest},
    app::MarginaliaApp,
    dialogs::modals::{Answer, Modal, Pending, ProjectSettings},
};
use crate::{
    clock::now_rfc3339,
    export::InFolder,
    model::{
        Edit, Label, LabelRemoval, edit::new_annotation, ids, label::next_free_color, nudge,
        plural::counted,
    },
    workspace::{AfterAnswer, after_answer},
};

impl MarginaliaApp {
    pub(super) fn apply(&mut self, action: Action, ctx: &Context) {
        let Some(action) = self.apply_link(action, ctx) else {
            return;
        };
        let doc = self.doc.clone().unwrap_or_default();
        match action {
            Action::Tag { span, label } => {
                let project = self.workspace.project();
                match new_annotation(project, &doc, span, &label, &now_rfc3339()) {
                    Ok(annotation) => {
                        let id = annotation.id.clone();
                        if self.edit(Edit::AddAnnotation { doc, annotation }) {
                            self.selected = Some(id);
                        }
                    }
                    Err(e) => self
                        .messages
                        .error("Could not tag the passage", e.to_string()),
                }
            }
            Action::Select(id) => {
                // Selecting an annotation stops looking at a suggestion: the keys act on one.
                if id.is_some() {
                    self.suggestions.set_current(None);
                }
                self.selected = id;
            }
            Action::CompareWith(paths) => self.start_comparison(&paths),
            Action::ImportAnnotations(paths) => self.import_annotations(&paths),
            Action::ShowExport => self.export_open = true,
            Action::Compare(request) => {
                if let Some(view) = &mut self.compare
                    && view.apply(request)
                {
                    self.compare = None;
                }
            }
            Action::Reveal(id) => self.reveal(&id, ctx),
            Action::Delete(id) => {
                let linked = self.current_doc().map_or(0, |d| d.relations_linking(&id));
                if self.edit(Edit::DeleteAnnotation { doc, id }) {
                    self.selected = None;
                    if linked > 0 {
                        let relations = counted(linked, "relation");
                        self.notify(
                            format!(
                                "Deleted the annotation and the {relations} that linked it; \
                                 Ctrl+Z restores both"
                            ),
                            ctx,
                        );
                    }
                }
            }
            Action::Relabel { id, label } => {
                self.edit(Edit::Relabel { doc, id, label });
            }
            Action::SetNote { id, note } => {
                self.edit(Edit::SetNote { doc, id, note });
            }
            Action::EditNote(id) => {
                self.selected = Some(id);
                self.details.focus_note();
            }
            Action::CopyQuote(id) => {
                if let Some(a) = self.current_doc().and_then(|d| d.annotation(&id)) {
                    ctx.copy_text(a.quote.clone());
                }
            }
            Action::Nudge {
                id,
                boundary,
                direction,
            } => self.nudge(&doc, &id, boundary, direction),
            // In the compare view, undo and redo act on the curation decisions.
            Action::Undo => match &mut self.compare {
                Some(view) => {
                    view.session_mut().undo();
                }
                None => {
                    self.workspace.editor_mut().undo();
                }
            },
            Action::Redo => match &mut self.compare {
                Some(view) => {
                    view.session_mut().redo();
                }
                None => {
                    self.workspace.editor_mut().redo();
                }
            },
            Action::ShowDocument(id) => self.show_document(Some(id)),
            Action::SetActiveLabel(label) => self.active_label = label,
            Action::AddLabel(name) => {
                let project = self.workspace.project();
                let id = ids::label_id_from_name(project, &name);
                let color = next_free_color(project.labels()).to_owned();
                let key = ('1'..='9').find(|k| project.label_for_key(*k).is_none());
                let label = Label {
                    key,
                    ..Label::new(&id, &name, &color)
                };
                self.edit(Edit::AddLabel(label));
            }
            Action::UpdateLabel(label) => {
                self.edit(Edit::UpdateLabel(label));
            }
            Action::RemoveLabel(id) => self.ask_remove_label(id),
            Action::RemoveLabelConfirmed { id, removal } => {
                if self.edit(Edit::RemoveLabel {
                    id: id.clone(),
                    annotations: removal,
                }) && self.active_label.as_deref() == Some(id.as_str())
                {
                    self.active_label = None;
                }
            }
            Action::Choose(request) => self.choose(request, ctx),
            Action::Chosen(request, path) => self.chosen(request, &path, ctx),
            Action::OpenPath(path) => self.guard(Pending::OpenPath(path), ctx),
            Action::PlaceOrphan { id, span } => self.place_orphan(id, span),
            Action::DropOrphan(id) => {
                self.edit(Edit::DropOrphan { doc, id });
            }
            Action::PlaceBySelection(id) => {
                self.placing = id;
                self.selected = None;
            }
            Action::ScrollTo(offset) => {
                let now = ctx.input(|i| i.time);
                if let Some(view) = self.views.get_mut(&doc) {
                    view.reveal(offset, None, now);
                }
            }
            Action::RevealSpan {
                doc,
                span,
                annotation,
            } => self.reveal_span(&doc, span, annotation, ctx),
            Action::TagHits { hits, label, widen } => self.tag_hits(&hits, &label, widen, ctx),
            Action::ShowAnalysis(tab) => self.analysis.show_tab(tab),
            Action::HideAnalysis => self.analysis.hide(),
            Action::Suggest(request) => self.apply_suggestion(request, ctx),
            Action::Save => self.save(ctx),
            Action::Quit => self.guard(Pending::Quit, ctx),
            Action::ShowFind => self.find.show(),
            Action::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Action::ShowAbout => self.modal = Some(Modal::About),
            Action::ShowProjectSettings => {
                let settings = ProjectSettings::of(self.workspace.project());
                self.modal = Some(Modal::ProjectSettings(settings));
            }
            other => unreachable!("{other:?} is applied by apply_link"),
        }
    }

    /// Applies an edit; a refused edit becomes a message. Returns whether it was applied.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let what = edit.describe();
        match self.workspace.editor_mut().apply(edit, &now_rfc3339()) {
            Ok(()) => true,
            Err(e) => {
                self.messages
                    .error(format!("Could not {what}"), e.to_string());
                false
            }
        }
    }

    fn reveal(&mut self, id: &str, ctx: &Context) {
        self.selected = Some(id.to_owned());
        let start = self
            .current_doc()
            .and_then(|d| d.annotation(id))
            .map(|a| a.start);
        let now = ctx.input(|i| i.time);
        if let (Some(start), Some(view)) =
            (start, self.doc.as_ref().and_then(|d| self.views.get_mut(d)))
        {
            view.reveal(start, Some(id.to_owned()), now);
        }
    }

    fn nudge(
        &mut self,
        doc: &str,
        id: &str,
        boundary: nudge::Boundary,
        direction: nudge::Direction,
    ) {
        let Some(document) = self.workspace.project().document(doc) else {
            return;
        };
        let Some(annotation) = document.annotation(id) else {
            return;
        };
        let moved = nudge::nudge(
            document.text(),
            document.offsets(),
            annotation.span(),
            boundary,
            direction,
        );
        if let Some(span) = moved {
            self.edit(Edit::SetSpan {
                doc: doc.to_owned(),
                id: id.to_owned(),
                span,
            });
        }
    }

    /// Applies File > Project settings…: each change is an undoable edit.
    fn apply_settings(&mut self, settings: ProjectSettings) {
        let meta = self.workspace.project().meta();
        let (title, annotator) = (settings.title.trim(), settings.annotator.trim());
        if title != meta.title || annotator != meta.annotator {
            self.edit(Edit::SetProjectInfo {
                title: title.to_owned(),
                annotator: annotator.to_owned(),
            });
        }
        for (id, title) in settings.documents {
            let title = title.trim();
            let changed = self
                .workspace
                .project()
                .document(&id)
                .is_some_and(|d| d.title() != title);
            if changed {
                self.edit(Edit::RetitleDocument {
                    id,
                    title: title.to_owned(),
                });
            }
        }
    }

    fn ask_remove_label(&mut self, id: String) {
        let project = self.workspace.project();
        let Some(label) = project.label(&id) else {
            return;
        };
        let count = project.label_count(&id);
        if count == 0 {
            self.edit(Edit::RemoveLabel {
                id,
                annotations: LabelRemoval::DeleteAnnotations,
            });
            return;
        }
        self.modal = Some(Modal::RemoveLabel {
            name: label.name.clone(),
            id,
            count,
            reassign_to: None,
        });
    }

    /// Acts on the answer to a modal.
    pub(super) fn answer(&mut self, answer: Answer, ctx: &Context) {
        match answer {
            Answer::UnsavedChanges(then, answer) => {
                match after_answer(then, answer, self.workspace.file().is_some()) {
                    AfterAnswer::SaveAsThen(then) => {
                        self.after_save_as = Some(then);
                        self.choose_unguarded(FileRequest::SaveAs, ctx);
                    }
                    AfterAnswer::SaveThen(then) => {
                        if self.save_now() {
                            self.proceed(then, ctx);
                        }
                    }
                    AfterAnswer::DiscardThen(then) => {
                        self.discard_recovery_copy();
                        self.proceed(then, ctx);
                    }
                    AfterAnswer::Stop => {}
                }
            }
            Answer::DiscardDecisionsThen(then) => {
                self.compare = None;
                self.guard(then, ctx);
            }
            Answer::RemoveLabel { id, removal } => {
                self.apply(Action::RemoveLabelConfirmed { id, removal }, ctx);
            }
            Answer::Restore(path) => self.restore_recovery(&path),
            Answer::ProjectSettings(settings) => self.apply_settings(settings),
            Answer::DiscardRecovery(path) => self.remove_recovery_file(&path),
            Answer::Reload => self.reload_from_disk(),
            Answer::SaveAllowing(allow) => {
                if self.save_now_allowing(allow) {
                    self.notify("Saved".to_owned(), ctx);
                }
            }
            Answer::SaveAsInstead => self.choose_unguarded(FileRequest::SaveAs, ctx),
            Answer::ReplaceExport { format, folder } => {
                self.export_to(format, &folder, InFolder::ReplaceSameNames);
            }
            Answer::Close => {}
        }
    }
}
