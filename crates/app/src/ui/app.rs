//! The Marginalia window: owns the open workspace and the views, lays out the panels each frame,
//! and applies what the views ask for (see `apply.rs`, `open_and_save.rs`, `article_update.rs`,
//! `keys.rs`, `recovery.rs`).

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    time::Duration,
};

use eframe::egui::{self, Context, Rect, Ui};

use super::{
    action::Action,
    analysis::{AnalysisInput, AnalysisPanel},
    article::{ArticleView, ShownProposal, ViewInput},
    compare::CompareView,
    dialogs::{
        export_dialog::ExportDialog,
        file_dialog::FileDialogs,
        messages::{Message, Messages},
        modals::{Modal, Pending},
    },
    disk_changes::DiskWatch,
    link_picker::{LinkChoice, LinkPicker},
    panels::{
        annotations::AnnotationsPanel,
        details::DetailsPanel,
        documents::documents_ui,
        find_bar::{FindBar, FindRequest},
        labels::LabelsPanel,
        menu::{MenuInput, SuggestMenu, menu_bar_ui},
        orphans::orphans_ui,
        relation_kinds::RelationKindsPanel,
        side::{self, Side},
        status::{StatusInput, status_ui},
    },
    prefs::{Prefs, STORAGE_KEY},
    recovery::RecoveryClock,
    suggestions::Suggestions,
};
use crate::{
    clock::now_rfc3339,
    model::{Document, Span},
    workspace::{CompareSession, Workspace, default_annotator},
};

/// Where the window keeps its files and how often it writes recovery copies.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The app's data folder: recovery copies of projects never saved.
    pub data_dir: PathBuf,
    /// How long unsaved changes wait before a recovery copy is written.
    pub recovery_interval: Duration,
    /// Whether to use native file dialogs (otherwise a typed path).
    pub native_dialogs: bool,
}

impl AppConfig {
    /// The desktop settings: eframe's data folder, a recovery copy every 30 s, native dialogs.
    #[must_use]
    pub fn desktop() -> Self {
        Self {
            data_dir: eframe::storage_dir("Marginalia")
                .unwrap_or_else(|| std::env::temp_dir().join("marginalia")),
            recovery_interval: Duration::from_secs(30),
            native_dialogs: true,
        }
    }
}

/// What the window opens first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The last project, or the bundled sample the first time.
    Remembered,
    /// A project (`.ron`) or an article to start a new project from.
    Path(PathBuf),
}

/// The application state.
pub struct MarginaliaApp {
    pub(super) workspace: Workspace,
    pub(super) config: AppConfig,
    pub(super) prefs: Prefs,
    /// The document shown.
    pub(super) doc: Option<String>,
    pub(super) views: HashMap<String, ArticleView>,
    pub(super) selected: Option<String>,
    pub(super) active_label: Option<String>,
    pub(super) labels_panel: LabelsPanel,
    pub(super) kinds_panel: RelationKindsPanel,
    pub(super) annotations_panel: AnnotationsPanel,
    pub(super) details: DetailsPanel,
    pub(super) find: FindBar,
    /// The analysis panel under the article: search and tag, passages, counts, charts.
    pub(super) analysis: AnalysisPanel,
    /// The last suggestion run's proposals, a run going on, the proposal looked at.
    pub(super) suggestions: Suggestions,
    pub(super) files: FileDialogs,
    pub(super) messages: Messages,
    pub(super) modal: Option<Modal>,
    /// What to do after a Save as… asked for by the unsaved-changes guard.
    pub(super) after_save_as: Option<Pending>,
    pub(super) recovery: RecoveryClock,
    pub(super) disk_watch: DiskWatch,
    /// Set once the user agreed to close with unsaved changes.
    pub(super) allow_close: bool,
    /// The open comparison with other analysts' projects, shown instead of the article.
    pub(super) compare: Option<CompareView>,
    /// The export settings (kept between exports) and whether the Export window is showing.
    pub(super) export: ExportDialog,
    pub(super) export_open: bool,
    /// The orphan the next selection in the article places.
    pub(super) placing: Option<String>,
    /// The link picker, while a link is being made from the selected annotation.
    pub(super) linking: Option<LinkPicker>,
    /// The pick-list of a click or drop that landed on several link targets.
    pub(super) link_choice: Option<LinkChoice>,
    /// The annotation selected before the current one (for tag-and-link), and the current one
    /// as last seen.
    pub(super) previous_selected: Option<String>,
    last_selected: Option<String>,
    /// A short word in the status bar about what just happened, and until when (egui time, s).
    pub(super) notice: Option<(String, f64)>,
    /// Whether the left and right panels are open but folded to give the article room.
    pub(super) folded: (bool, bool),
    applied_dark: Option<bool>,
    window_title: String,
    /// When the app was made, until the first frame reports its start-up time.
    started: Option<std::time::Instant>,
}

impl MarginaliaApp {
    /// The app for eframe, with preferences from its storage.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start, config: AppConfig) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, STORAGE_KEY))
            .unwrap_or_default();
        Self::with_prefs(start, config, prefs)
    }

    /// The app with the given preferences (tests use this without storage).
    #[must_use]
    pub fn with_prefs(start: Start, config: AppConfig, prefs: Prefs) -> Self {
        let now = now_rfc3339();
        let mut app = Self {
            workspace: Workspace::empty(&default_annotator(), &now),
            files: FileDialogs::new(config.native_dialogs),
            recovery: RecoveryClock::new(config.data_dir.clone()),
            disk_watch: DiskWatch::default(),
            config,
            prefs,
            doc: None,
            views: HashMap::new(),
            selected: None,
            active_label: None,
            labels_panel: LabelsPanel::default(),
            kinds_panel: RelationKindsPanel::default(),
            annotations_panel: AnnotationsPanel::default(),
            details: DetailsPanel::default(),
            find: FindBar::default(),
            analysis: AnalysisPanel::default(),
            suggestions: Suggestions::default(),
            messages: Messages::default(),
            modal: None,
            after_save_as: None,
            allow_close: false,
            compare: None,
            export: ExportDialog::default(),
            export_open: false,
            placing: None,
            linking: None,
            link_choice: None,
            previous_selected: None,
            last_selected: None,
            notice: None,
            folded: (false, false),
            applied_dark: None,
            window_title: String::new(),
            started: Some(std::time::Instant::now()),
        };
        app.open_at_start(start);
        app
    }

    /// The open workspace (project, history, file).
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The id of the document shown.
    #[must_use]
    pub fn current_document(&self) -> Option<&str> {
        self.doc.as_deref()
    }

    /// The id of the selected annotation.
    #[must_use]
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// The messages shown to the user and not yet dismissed.
    #[must_use]
    pub fn messages(&self) -> &[Message] {
        self.messages.list()
    }

    /// The status bar's word about what just happened, while it shows.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|(text, _)| text.as_str())
    }

    /// The analysis panel (which tab shows, what each lists).
    #[must_use]
    pub fn analysis(&self) -> &AnalysisPanel {
        &self.analysis
    }

    /// The suggestions: the last run's proposals, a run going on, the one looked at.
    #[must_use]
    pub fn suggestions(&self) -> &Suggestions {
        &self.suggestions
    }

    /// Whether the Export window is showing.
    #[must_use]
    pub fn export_window_open(&self) -> bool {
        self.export_open
    }

    /// Whether the window may close now: the unsaved-changes guard let Quit (or the close
    /// button) through.
    #[must_use]
    pub fn closing(&self) -> bool {
        self.allow_close
    }

    /// The question or window shown over everything, if any.
    #[must_use]
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    #[must_use]
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The mouse selection in the article (chars), if any.
    #[must_use]
    pub fn text_selection(&self) -> Option<Span> {
        self.current_view().and_then(ArticleView::selection)
    }

    /// Whether the label palette is showing at a finished selection.
    #[must_use]
    pub fn palette_open(&self) -> bool {
        self.current_view().is_some_and(ArticleView::palette_open)
    }

    /// Where char `offset` of the shown document is on screen (zero width), once drawn.
    #[must_use]
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        self.current_view().and_then(|v| v.char_rect(offset))
    }

    /// Where the link handle of the selected annotation is on screen, once drawn.
    #[must_use]
    pub fn link_handle(&self) -> Option<egui::Pos2> {
        self.current_view().and_then(ArticleView::link_handle)
    }

    /// Whether the link picker or a pick-list of link targets is showing.
    #[must_use]
    pub fn linking(&self) -> bool {
        self.linking.is_some() || self.link_choice.is_some()
    }

    /// The open comparison, if the compare view is showing.
    #[must_use]
    pub fn comparison(&self) -> Option<&CompareSession> {
        self.compare.as_ref().map(CompareView::session)
    }

    /// The data folder and recovery settings.
    #[must_use]
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    fn current_view(&self) -> Option<&ArticleView> {
        self.doc.as_ref().and_then(|d| self.views.get(d))
    }

    pub(super) fn current_doc(&self) -> Option<&Document> {
        self.doc
            .as_deref()
            .and_then(|d| self.workspace.project().document(d))
    }

    /// Shows a document, keeping the other documents' views (and scroll positions).
    pub(super) fn show_document(&mut self, id: Option<String>) {
        if self.doc != id {
            self.selected = None;
            if let Some(view) = self.doc.as_ref().and_then(|d| self.views.get_mut(d)) {
                view.clear_selection();
            }
        }
        self.doc = id;
    }

    /// Drops view state of documents that are gone, and picks a document to show if needed.
    pub(super) fn settle_documents(&mut self) {
        let project = self.workspace.project();
        self.views.retain(|id, _| project.document(id).is_some());
        if self
            .doc
            .as_deref()
            .and_then(|d| project.document(d))
            .is_none()
        {
            self.doc = project.documents().first().map(|d| d.id().to_owned());
        }
        if let Some(doc) = self.current_doc()
            && self
                .selected
                .as_deref()
                .and_then(|id| doc.annotation(id))
                .is_none()
        {
            self.selected = None;
        }
        if let Some(doc) = self.current_doc()
            && self
                .placing
                .as_deref()
                .is_some_and(|id| doc.orphan(id).is_none())
        {
            self.placing = None;
        }
    }

    /// The window title: project, file name, and a mark while there are unsaved changes.
    fn update_title(&mut self, ctx: &Context) {
        let project = self.workspace.project();
        let name = self.workspace.file().and_then(Path::file_name).map_or_else(
            || "not saved".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mark = if self.workspace.is_dirty() { "* " } else { "" };
        let title = format!("{mark}{} ({name}) – Marginalia", project.meta().title);
        if self.window_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn apply_theme(&mut self, ctx: &Context) {
        if self.applied_dark != Some(self.prefs.dark) {
            ctx.set_theme(if self.prefs.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_dark = Some(self.prefs.dark);
        }
    }

    /// One frame of the whole window.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        let mut actions = Vec::new();
        self.close_request(&ctx, &mut actions);
        self.dropped_files(&ctx, &mut actions);
        self.follow_suggestions(&ctx);
        let keys_free =
            self.modal.is_none() && !self.export_open && ctx.memory(|m| m.focused().is_none());
        self.global_keys(&ctx, keys_free, &mut actions);

        egui::Panel::top("menu-bar").show(ui, |ui| {
            let editor = self.workspace.editor();
            let input = match self.compare.as_ref().map(CompareView::session) {
                Some(session) => MenuInput {
                    undo: session.curation().can_undo().then_some("decision"),
                    redo: session.curation().can_redo().then_some("decision"),
                    has_document: false,
                    comparing: true,
                    folded: self.folded,
                    analysis: false,
                    suggest: SuggestMenu::default(),
                },
                None => MenuInput {
                    undo: editor.undo_description(),
                    redo: editor.redo_description(),
                    has_document: self.doc.is_some(),
                    comparing: false,
                    folded: self.folded,
                    analysis: self.analysis.is_open(),
                    suggest: SuggestMenu {
                        document: self
                            .doc
                            .as_deref()
                            .and_then(|d| self.workspace.project().document_index(d)),
                        running: self.suggestions.running().is_some(),
                        any_shown: self
                            .suggestions
                            .list()
                            .is_some_and(|l| !l.shown().is_empty()),
                        current: self.suggestions.current(),
                    },
                },
            };
            menu_bar_ui(ui, &input, &mut self.prefs, &mut actions);
        });
        let now = ctx.input(|i| i.time);
        if self.notice.as_ref().is_some_and(|(_, until)| now > *until) {
            self.notice = None;
        }
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let input = StatusInput {
                notice: self.notice.as_ref().map(|(text, _)| text.as_str()),
                project: self.workspace.project(),
                doc: self.current_doc(),
                dirty: self.workspace.is_dirty(),
                file: self.workspace.file(),
                last_recovery: self.recovery.last_written(),
            };
            status_ui(ui, &input, &mut actions);
        });
        if let Some(view) = &mut self.compare {
            let mut compare_actions = Vec::new();
            view.ui(ui, self.prefs.dark, &mut compare_actions);
            actions.extend(compare_actions.into_iter().map(Action::from));
        } else {
            self.editing_ui(ui, &mut actions);
        }
        self.files.ui(&ctx, &mut actions);
        self.export_window(&ctx, &mut actions);
        if let Some(modal) = &mut self.modal
            && let Some(answer) = modal.ui(&ctx, self.workspace.project())
        {
            self.modal = None;
            self.answer(answer, &ctx);
        }
        self.messages.ui(&ctx);
        self.linking_ui(&ctx, &mut actions);
        for action in actions {
            self.apply(action, &ctx);
        }
        self.settle_documents();
        self.follow_selection();
        self.tick_recovery(&ctx);
        self.watch_disk(&ctx);
        self.update_title(&ctx);
        if let Some(started) = self.started.take()
            && std::env::var_os("MARGINALIA_TIMING").is_some()
        {
            eprintln!(
                "first frame built {:.1} ms after start-up",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    /// The editing panels: documents and labels, annotations and details, the article. The
    /// side panels keep the widths the user gave them while the article has room for
    /// [`side::ARTICLE_MIN_CHARS`] characters a line, and give way (narrow, then fold) when not.
    fn editing_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let project = self.workspace.project();
        let shown = self
            .doc
            .as_deref()
            .and_then(|d| project.document_index(d))
            .map(|i| (i, &project.documents()[i]));
        let input = AnalysisInput {
            project,
            revision: self.workspace.editor().revision(),
            shown,
        };
        self.analysis.ui(ui, &input, &self.suggestions, actions);
        let total = ui.available_width();
        let article = side::article_min_width(ui, self.prefs.text_size, ArticleView::MARGINS);
        let fit = side::fit(
            total,
            article,
            self.prefs.left_panel,
            self.prefs.right_panel,
        );
        self.folded = (
            self.prefs.left_panel.open && fit.left.is_none(),
            self.prefs.right_panel.open && fit.right.is_none(),
        );
        if let Some(width) = fit.left {
            let max = total - article - fit.right.unwrap_or(0.0);
            let dragged = side::show(ui, Side::Left, width, max, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("left-panel")
                    .show(ui, |ui| {
                        documents_ui(ui, self.workspace.project(), self.doc.as_deref(), actions);
                        ui.separator();
                        let project = self.workspace.project();
                        let shown = self.doc.as_deref().and_then(|d| project.document(d));
                        self.labels_panel.ui(
                            ui,
                            project,
                            shown,
                            self.workspace.editor().revision(),
                            self.active_label.as_deref(),
                            actions,
                        );
                        ui.separator();
                        self.kinds_panel.ui(ui, self.workspace.project(), actions);
                    });
            });
            if let Some(width) = dragged {
                self.prefs.left_panel.width = width;
            }
        }
        if let Some(width) = fit.right {
            let max = total - article - fit.left.unwrap_or(0.0);
            let dragged = side::show(ui, Side::Right, width, max, |ui| {
                self.right_panel_ui(ui, actions);
            });
            if let Some(width) = dragged {
                self.prefs.right_panel.width = width;
            }
        }
        egui::CentralPanel::default_margins().show(ui, |ui| self.article_ui(ui, actions));
    }

    fn right_panel_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let project = self.workspace.project();
        let Some(doc) = self.doc.as_deref().and_then(|d| project.document(d)) else {
            ui.weak("No document open.");
            return;
        };
        orphans_ui(ui, project, doc, self.placing.as_deref(), actions);
        let revision = self.workspace.editor().revision();
        self.annotations_panel.ui(
            ui,
            project,
            doc,
            revision,
            self.selected.as_deref(),
            actions,
        );
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("details")
            .show(ui, |ui| {
                self.details
                    .ui(ui, project, doc, self.selected.as_deref(), actions);
            });
    }

    fn article_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let project = self.workspace.project();
        let Some(doc) = self.doc.as_deref().and_then(|d| project.document(d)) else {
            ui.centered_and_justified(|ui| {
                ui.label(
                    "No article yet.\nFile > New project from article… (Ctrl+N), File > Add article \
                     to project…, or drop a .txt, .md or .html file on the window.",
                );
            });
            return;
        };
        if let Some(FindRequest::Reveal(span)) = self.find.ui(ui, doc) {
            let now = ui.input(|i| i.time);
            if let Some(view) = self.views.get_mut(doc.id()) {
                view.reveal(span.start, None, now);
            }
        }
        let view = view_of(&mut self.views, doc, &self.prefs);
        let (find_hits, find_current) = self.find.hits();
        let current = self.suggestions.current();
        let proposals: Vec<ShownProposal<'_>> =
            match (self.suggestions.list(), project.document_index(doc.id())) {
                (Some(list), Some(here)) => list
                    .shown_in(here)
                    .map(|(index, proposal)| ShownProposal {
                        index,
                        proposal,
                        current: current == Some(index),
                    })
                    .collect(),
                _ => Vec::new(),
            };
        let input = ViewInput {
            project,
            doc,
            selected: self.selected.as_deref(),
            active_label: self.active_label.as_deref(),
            snap_words: self.prefs.snap_words,
            text_size: self.prefs.text_size,
            reading_width: self.prefs.reading_width,
            find_hits,
            find_current,
            placing: self.placing.as_deref(),
            linking: self.linking.is_some() || self.link_choice.is_some(),
            all_relations: self.prefs.all_relations,
            proposals: &proposals,
        };
        view.ui(ui, &input, actions);
    }

    /// The link picker at the annotation it links from, and the pick-list of link targets.
    fn linking_ui(&mut self, ctx: &Context, actions: &mut Vec<Action>) {
        let project = self.workspace.project();
        let Some(doc) = self.doc.as_deref().and_then(|d| project.document(d)) else {
            return;
        };
        if let Some(choice) = &self.link_choice {
            choice.ui(ctx, project, doc, actions);
        } else if let Some(picker) = &mut self.linking {
            let end = doc.annotation(&picker.from).map(|a| a.end);
            let view = self.views.get(doc.id());
            let at = end
                .and_then(|end| view.and_then(|v| v.char_rect(end)))
                .map_or_else(
                    || ctx.content_rect().center() - egui::vec2(200.0, 100.0),
                    |r| r.left_bottom() + egui::vec2(0.0, 6.0),
                );
            picker.ui(ctx, project, doc, at, actions);
        }
    }

    /// Remembers the annotation selected before the current one (for tag-and-link), and closes
    /// the link picker when what it links from is no longer selected.
    fn follow_selection(&mut self) {
        if self.selected != self.last_selected {
            if self.last_selected.is_some() {
                self.previous_selected = self.last_selected.take();
            }
            self.last_selected = self.selected.clone();
        }
        let from = self
            .linking
            .as_ref()
            .map(|p| p.from.as_str())
            .or(self.link_choice.as_ref().map(|c| c.from.as_str()));
        if from.is_some() && from != self.selected.as_deref() {
            self.linking = None;
            self.link_choice = None;
        }
    }

    /// Says `text` in the status bar for a while.
    pub(super) fn notify(&mut self, text: String, ctx: &Context) {
        const NOTICE_SECONDS: f64 = 12.0;
        let until = ctx.input(|i| i.time) + NOTICE_SECONDS;
        self.notice = Some((text, until));
        ctx.request_repaint_after(Duration::from_secs_f64(NOTICE_SECONDS));
    }

    /// The folder dialogs start in: the project's folder, else (for a project not saved yet)
    /// the folder its first article came from, else the current one.
    pub(super) fn dialog_folder(&self) -> Option<PathBuf> {
        let article = || {
            let source = self.workspace.project().documents().first()?.source()?;
            let folder = Path::new(source).parent()?;
            folder.is_dir().then(|| folder.to_path_buf())
        };
        self.workspace
            .file()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(article)
            .or_else(|| std::env::current_dir().ok())
    }
}

/// The view of `doc`, made (or made afresh, when the text was updated or the update undone) as
/// needed.
pub(super) fn view_of<'v>(
    views: &'v mut HashMap<String, ArticleView>,
    doc: &Document,
    prefs: &Prefs,
) -> &'v mut ArticleView {
    let view = views
        .entry(doc.id().to_owned())
        .or_insert_with(|| ArticleView::new(doc, prefs.text_size, prefs.reading_width));
    if view.text_sha256() != doc.text_sha256() {
        *view = ArticleView::new(doc, prefs.text_size, prefs.reading_width);
    }
    view
}

impl eframe::App for MarginaliaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.prefs);
    }
}
