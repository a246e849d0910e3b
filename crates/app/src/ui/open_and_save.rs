//! Opening, creating and saving projects from the window: the start-up project, acting on the
//! unsaved-changes guard (its rules are the workspace's `guard`), chosen and dropped files, Save
//! and Save as. Every failure becomes a message; the project in memory stays as it was.

use std::path::{Path, PathBuf};

use eframe::egui::{Context, ViewportCommand};

use super::{
    action::{Action, FileRequest},
    app::{MarginaliaApp, Start},
    compare::CompareView,
    dialogs::modals::{Modal, Pending},
};
use crate::{
    clock::now_rfc3339,
    export::InFolder,
    sample::sample_project_path,
    store::{Allow, LocatedProblem, SaveError},
    workspace::{
        CompareSession, GuardStep, Workspace, WorkspaceError, default_annotator, guard,
        is_project_file, suggested_file_name, with_project_extension,
    },
};

impl MarginaliaApp {
    /// Opens what the window starts with; a failure leaves an empty project and a message.
    pub(super) fn open_at_start(&mut self, start: Start) {
        let opened = match start {
            Start::Path(path) => self.open_path(&path),
            Start::Remembered => {
                // The sample lives in the source checkout; an installed copy may have none.
                let last = self.prefs.last_project.clone().filter(|p| p.is_file());
                let sample = Some(sample_project_path()).filter(|p| p.is_file());
                last.is_some_and(|p| self.open_path(&p))
                    || sample.is_some_and(|p| self.open_path(&p))
            }
        };
        if !opened {
            self.settle_documents();
        }
        self.offer_recovery();
        if self.modal.is_none() {
            self.offer_unsaved_recovery();
        }
    }

    /// Asks for a file; requests that replace the project first guard unsaved changes.
    pub(super) fn choose(&mut self, request: FileRequest, ctx: &Context) {
        match request {
            FileRequest::NewFromArticle => self.guard(Pending::NewFromArticle, ctx),
            FileRequest::OpenProject => self.guard(Pending::OpenProject, ctx),
            FileRequest::AddArticle
            | FileRequest::SaveAs
            | FileRequest::CompareWith
            | FileRequest::SaveMerged
            | FileRequest::Export(_)
            | FileRequest::ImportAnnotations
            | FileRequest::UpdateArticle
            | FileRequest::AnalysisTable(_) => self.choose_unguarded(request, ctx),
        }
    }

    pub(super) fn choose_unguarded(&mut self, request: FileRequest, ctx: &Context) {
        let suggested = match request {
            FileRequest::SaveAs => suggested_file_name(&self.workspace.project().meta().title),
            FileRequest::SaveMerged => self
                .compare
                .as_ref()
                .map(|c| suggested_file_name(&c.session().merged_title()))
                .unwrap_or_default(),
            FileRequest::Export(format) => self.suggested_export_name(format),
            FileRequest::AnalysisTable(table) => self.suggested_table_name(table),
            _ => String::new(),
        };
        let folder = self.dialog_folder();
        self.files
            .request(ctx, request, folder.as_deref(), &suggested);
    }

    /// Goes on with `then` at once, or asks Save / Discard / Cancel first if there are unsaved
    /// changes.
    pub(super) fn guard(&mut self, then: Pending, ctx: &Context) {
        match guard(
            then,
            self.has_unsaved_decisions(),
            self.workspace.is_dirty(),
        ) {
            GuardStep::AskUnsavedDecisions(then) => {
                self.modal = Some(Modal::UnsavedDecisions { then });
            }
            GuardStep::AskUnsavedChanges(then) => self.modal = Some(Modal::UnsavedChanges { then }),
            GuardStep::Proceed(then) => self.proceed(then, ctx),
        }
    }

    /// Does what the guard held back.
    pub(super) fn proceed(&mut self, then: Pending, ctx: &Context) {
        match then {
            Pending::NewFromArticle => self.choose_unguarded(FileRequest::NewFromArticle, ctx),
            Pending::OpenProject => self.choose_unguarded(FileRequest::OpenProject, ctx),
            Pending::OpenPath(path) => {
                self.open_path(&path);
            }
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// A file was chosen for `request`.
    pub(super) fn chosen(&mut self, request: FileRequest, path: &Path, ctx: &Context) {
        match request {
            // The extension decides: a project opens, an article starts a new project.
            FileRequest::NewFromArticle | FileRequest::OpenProject => {
                self.open_path(path);
            }
            FileRequest::AddArticle => match self.workspace.add_article(path, &now_rfc3339()) {
                Ok(id) => self.show_document(Some(id)),
                Err(e) => self
                    .messages
                    .error(format!("Could not add {}", path.display()), e.to_string()),
            },
            FileRequest::CompareWith => self.start_comparison(&[path.to_owned()]),
            FileRequest::ImportAnnotations => self.import_annotations(&[path.to_owned()]),
            FileRequest::UpdateArticle => self.update_article(path),
            FileRequest::Export(format) => self.export_to(format, path, InFolder::EmptyOnly),
            FileRequest::AnalysisTable(table) => self.write_analysis_table(table, path),
            FileRequest::SaveMerged => self.save_merged(&with_project_extension(path)),
            FileRequest::SaveAs => {
                let path = with_project_extension(path);
                if self.save_as(&path)
                    && let Some(then) = self.after_save_as.take()
                {
                    self.proceed(then, ctx);
                }
                self.after_save_as = None;
            }
        }
    }

    /// Opens a project file, or starts a new project from an article; on failure the current
    /// project stays open and a message says why. Returns whether it opened.
    pub(super) fn open_path(&mut self, path: &Path) -> bool {
        let opened = if is_project_file(path) {
            Workspace::open(path)
                .map_err(|e| e.to_string())
                .map(|opened| {
                    self.report_repairable(path, &opened.warnings);
                    opened.workspace
                })
        } else {
            Workspace::from_article(path, &default_annotator(), &now_rfc3339())
                .map_err(|e| e.to_string())
        };
        match opened {
            Ok(workspace) => {
                self.replace_workspace(workspace);
                true
            }
            Err(e) => {
                self.messages.error(
                    format!("Could not open {}", path.display()),
                    format!("{e}\n\nThe project you had open is still open and unchanged."),
                );
                false
            }
        }
    }

    /// Lists the repairable problems a project opened with (nothing is changed for them).
    fn report_repairable(&mut self, path: &Path, warnings: &[LocatedProblem]) {
        if warnings.is_empty() {
            return;
        }
        let list: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        self.messages.info(
            format!("{} opened with problems to review", path.display()),
            format!(
                "Nothing was changed; these are listed so you can check them:\n{}",
                list.join("\n")
            ),
        );
    }

    /// Compares the open project with the projects at `others` and shows the compare view; on
    /// failure a message says why and the project stays as it was.
    pub(super) fn start_comparison(&mut self, others: &[PathBuf]) {
        match CompareSession::open(self.workspace.project(), others) {
            Ok(session) => self.compare = Some(CompareView::new(session)),
            Err(e) => self
                .messages
                .error("Could not compare the projects", e.to_string()),
        }
    }

    /// Whether an open comparison holds decisions not saved in a merged project.
    pub(super) fn has_unsaved_decisions(&self) -> bool {
        self.compare
            .as_ref()
            .is_some_and(|view| view.session().has_unsaved_decisions())
    }

    /// Saves the comparison's merged project to `path`.
    fn save_merged(&mut self, path: &Path) {
        let Some(session) = self.compare.as_mut().map(CompareView::session_mut) else {
            return;
        };
        match session.save_merged(path) {
            Ok(dropped) => {
                let undecided = match session.curation().undecided() {
                    0 => String::new(),
                    1 => " The 1 item still undecided was left out.".to_owned(),
                    n => format!(" The {n} items still undecided were left out."),
                };
                let relations = match dropped {
                    0 => String::new(),
                    n => format!(
                        " {} left out because a passage at one end was not kept.",
                        crate::model::plural::counted(n, "relation").replacen(
                            "relation",
                            if n == 1 { "relation was" } else { "relations were" },
                            1
                        )
                    ),
                };
                self.messages.info(
                    "Merged project saved",
                    format!(
                        "Saved to {}. The compared projects were not changed.{undecided}{relations}",
                        path.display()
                    ),
                );
            }
            Err(e) => self.messages.error(
                format!("Could not save to {}", path.display()),
                format!("{e}\n\nYour decisions are still here. Choose another place with Save merged project as…."),
            ),
        }
    }

    /// Makes `workspace` the open one, with fresh views.
    pub(super) fn replace_workspace(&mut self, workspace: Workspace) {
        self.compare = None;
        self.workspace = workspace;
        self.views.clear();
        self.doc = None;
        self.selected = None;
        self.active_label = None;
        self.recovery.reset();
        if let Some(file) = self.workspace.file().map(Path::to_path_buf) {
            self.prefs.remember(&file);
        }
        self.settle_documents();
        self.offer_recovery();
    }

    /// File ▸ Save: to the project's file, or Save as… when it has none.
    pub(super) fn save(&mut self, ctx: &Context) {
        if self.workspace.file().is_some() {
            self.save_now();
        } else {
            self.choose_unguarded(FileRequest::SaveAs, ctx);
        }
    }

    /// Saves to the project's file; returns whether it worked.
    pub(super) fn save_now(&mut self) -> bool {
        self.save_now_allowing(Allow::default())
    }

    /// Saves to the project's file, replacing what `allow` says the user agreed to; a file that
    /// changed on disk or is read-only is asked about. Returns whether it saved.
    pub(super) fn save_now_allowing(&mut self, allow: Allow) -> bool {
        let before = self.recovery_path();
        match self.workspace.save_allowing(allow) {
            Ok(()) => {
                self.after_save(&before);
                true
            }
            Err(WorkspaceError::Save(SaveError::ReadOnly { path })) => {
                self.modal = Some(Modal::ReadOnlyFile {
                    path,
                    agreed: allow,
                });
                false
            }
            Err(WorkspaceError::Save(SaveError::ChangedOnDisk { path })) => {
                self.modal = Some(Modal::ChangedOnDisk {
                    path,
                    dirty: self.workspace.is_dirty(),
                    saving: true,
                    agreed: allow,
                });
                false
            }
            Err(e) => {
                self.messages.error(
                    "Could not save the project",
                    format!(
                        "{e}\n\nYour work is still here, unsaved. Try Save as… to another folder."
                    ),
                );
                false
            }
        }
    }

    fn save_as(&mut self, path: &Path) -> bool {
        let before = self.recovery_path();
        match self.workspace.save_as(path) {
            Ok(()) => {
                self.prefs.remember(path);
                self.after_save(&before);
                true
            }
            Err(e) => {
                self.messages.error(
                    format!("Could not save to {}", path.display()),
                    format!("{e}\n\nYour work is still here, unsaved. Choose another place with Save as…."),
                );
                false
            }
        }
    }

    /// After a clean save: the recovery copies (before and after the save's path) are gone.
    pub(super) fn after_save(&mut self, recovery_before: &Path) {
        self.remove_recovery_file(recovery_before);
        let now = self.recovery_path();
        self.remove_recovery_file(&now);
        self.recovery.reset();
    }

    /// Files dropped on the window: a project opens (guarded); an article is added to the
    /// project, or starts one when nothing is open.
    pub(super) fn dropped_files(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        // With nothing open yet, the first article starts a project; the others join it.
        let mut start_new =
            self.workspace.project().documents().is_empty() && !self.workspace.is_dirty();
        for path in dropped {
            if is_project_file(&path) {
                actions.push(Action::OpenPath(path));
            } else if std::mem::take(&mut start_new) {
                actions.push(Action::Chosen(FileRequest::NewFromArticle, path));
            } else {
                actions.push(Action::Chosen(FileRequest::AddArticle, path));
            }
        }
    }
}
