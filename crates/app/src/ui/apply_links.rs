//! Applying the linking actions: opening and closing the link picker, linking (by the picker, a
//! click, a drop or tag-and-link), changing and deleting relations, and the relation kinds of the
//! codebook. Every change is one undoable edit; nothing is linked to a guessed target.

use eframe::egui::Context;

use super::{
    action::Action,
    app::MarginaliaApp,
    link_picker::{LinkChoice, LinkOption, LinkPicker},
    widgets::shorten,
};
use crate::model::{
    Edit, Project, RelationKind,
    edit::{KindRemoval, new_relation},
    plural::counted,
    relation_kind::named_kind,
};

impl MarginaliaApp {
    /// Applies a linking action; returns it back when it is not one.
    pub(super) fn apply_link(&mut self, action: Action, ctx: &Context) -> Option<Action> {
        let doc = self.doc.clone().unwrap_or_default();
        match action {
            Action::StartLink => {
                self.link_choice = None;
                self.linking = self.selected.as_deref().map(LinkPicker::new);
            }
            Action::StopLink => {
                self.linking = None;
                self.link_choice = None;
            }
            Action::Link { from, to, kind } => self.link(&from, &to, &kind, ctx),
            Action::LinkToPrevious => self.link_to_previous(ctx),
            Action::LinkToOneOf { from, targets, at } => {
                let kind = self
                    .linking
                    .as_ref()
                    .and_then(|p| p.kind().map(str::to_owned));
                let options = self.link_options(&from, &targets, kind.as_deref());
                match options.as_slice() {
                    [] => self.notify(
                        "Nothing there can be linked to the selected annotation: no relation kind \
                         allows those labels (see the relation kinds under Labels)"
                            .to_owned(),
                        ctx,
                    ),
                    [only] => {
                        let (to, kind) = (only.to.clone(), only.kind.clone());
                        self.link(&from, &to, &kind, ctx);
                    }
                    _ => self.link_choice = Some(LinkChoice { from, options, at }),
                }
            }
            Action::UpdateRelation(relation) => {
                self.edit(Edit::UpdateRelation { doc, relation });
            }
            Action::DeleteRelation(id) => {
                self.edit(Edit::DeleteRelation { doc, id });
            }
            Action::AddRelationKind(name) => {
                let kind = named_kind(&name, self.workspace.project().relation_kinds());
                self.edit(Edit::AddRelationKind(kind));
            }
            Action::UpdateRelationKind(kind) => {
                self.edit(Edit::UpdateRelationKind(kind));
            }
            Action::RemoveRelationKind(id) => self.remove_kind(id, ctx),
            other => return Some(other),
        }
        None
    }

    fn link(&mut self, from: &str, to: &str, kind: &str, ctx: &Context) {
        let doc = self.doc.clone().unwrap_or_default();
        let project = self.workspace.project();
        let relation = match new_relation(project, &doc, from, to, kind) {
            Ok(relation) => relation,
            Err(e) => {
                self.messages.error("Could not link", e.to_string());
                return;
            }
        };
        let said = describe_link(project, &doc, from, to, kind);
        if self.edit(Edit::AddRelation { doc, relation }) {
            self.linking = None;
            self.link_choice = None;
            self.notify(format!("Linked: {said}; Ctrl+Z undoes it"), ctx);
        }
    }

    /// Tag-and-link: the selected annotation and the one selected just before it, by the first
    /// kind that allows them in either direction.
    fn link_to_previous(&mut self, ctx: &Context) {
        let (Some(previous), Some(current)) =
            (self.previous_selected.clone(), self.selected.clone())
        else {
            self.notify(
                "Select or tag two annotations one after the other, then press Shift+L to link them"
                    .to_owned(),
                ctx,
            );
            return;
        };
        let options = self
            .link_options(&current, std::slice::from_ref(&previous), None)
            .into_iter()
            .map(|o| (current.clone(), o))
            .chain(
                self.link_options(&previous, std::slice::from_ref(&current), None)
                    .into_iter()
                    .map(|o| (previous.clone(), o)),
            )
            .next();
        match options {
            Some((from, option)) => self.link(&from, &option.to, &option.kind, ctx),
            None => self.notify(
                "No relation kind ties these two annotations (or they are linked already)"
                    .to_owned(),
                ctx,
            ),
        }
    }

    /// The ways to link `from` to one of `targets` (in their order): each target other than
    /// `from` with each kind that allows it (only `kind` when given) and does not link them yet.
    pub(super) fn link_options(
        &self,
        from: &str,
        targets: &[String],
        kind: Option<&str>,
    ) -> Vec<LinkOption> {
        let Some(doc) = self.current_doc() else {
            return Vec::new();
        };
        let kinds: Vec<&str> = kind.into_iter().collect();
        let candidates =
            crate::model::linking::candidates(self.workspace.project(), doc, from, &kinds);
        targets
            .iter()
            .filter_map(|to| candidates.iter().find(|c| c.annotation.id == *to))
            .flat_map(|c| {
                c.kinds.iter().map(|kind| LinkOption {
                    to: c.annotation.id.clone(),
                    kind: (*kind).to_owned(),
                })
            })
            .collect()
    }

    fn remove_kind(&mut self, id: String, ctx: &Context) {
        let project = self.workspace.project();
        let Some(kind) = project.relation_kind(&id) else {
            return;
        };
        let name = kind.name.clone();
        let count = project.relation_count(&id);
        if self.edit(Edit::RemoveRelationKind {
            id,
            relations: KindRemoval::DeleteRelations,
        }) {
            let gone = if count == 0 {
                String::new()
            } else {
                format!(" and its {}", counted(count, "relation"))
            };
            self.notify(
                format!("Removed the kind “{name}”{gone}; Ctrl+Z restores it"),
                ctx,
            );
        }
    }
}

/// "Claim “…” attributed to Source “…”".
fn describe_link(project: &Project, doc: &str, from: &str, to: &str, kind: &str) -> String {
    let document = project.document(doc);
    let end = |id: &str| {
        document
            .and_then(|d| d.annotation(id))
            .map_or_else(String::new, |a| {
                let label = project
                    .label(&a.label)
                    .map_or(a.label.as_str(), |l| l.name.as_str());
                format!("{label} “{}”", shorten(&a.quote, 40))
            })
    };
    let kind = project
        .relation_kind(kind)
        .map_or(kind, |k: &RelationKind| k.name.as_str());
    format!("{} {kind} {}", end(from), end(to))
}
