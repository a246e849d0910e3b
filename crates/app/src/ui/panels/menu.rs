//! The menu bar: File, Edit, Document, Suggest, View, Help. Every entry works and shows its shortcut.

use std::path::PathBuf;

use eframe::egui::{self, Button, KeyboardShortcut, Ui};

use crate::ui::{
    action::{Action, FileRequest},
    analysis::AnalysisTab,
    compare::CompareAction,
    prefs::{Prefs, READING_WIDTHS, TEXT_SIZES},
    shortcuts,
    suggestions::{Scope, SuggestAction},
};

/// What the menus need to know.
pub struct MenuInput<'a> {
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub has_document: bool,
    /// Whether the compare view is showing.
    pub comparing: bool,
    /// Whether the left and right panels are open but folded to give the article room.
    pub folded: (bool, bool),
    /// Whether the analysis panel is open.
    pub analysis: bool,
    pub suggest: SuggestMenu,
}

/// What the Suggest menu needs to know.
#[derive(Debug, Clone, Copy, Default)]
pub struct SuggestMenu {
    /// The shown document's index in the project.
    pub document: Option<usize>,
    /// Whether a run goes on.
    pub running: bool,
    /// Whether any proposal shows.
    pub any_shown: bool,
    /// The proposal looked at.
    pub current: Option<usize>,
}

fn item_ui(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut button = Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let clicked = ui.add_enabled(enabled, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

pub fn menu_bar_ui(
    ui: &mut Ui,
    input: &MenuInput<'_>,
    prefs: &mut Prefs,
    actions: &mut Vec<Action>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, input, &prefs.recent, actions));
        ui.menu_button("Edit", |ui| {
            let undo = input
                .undo
                .map_or("Undo".to_owned(), |d| format!("Undo {d}"));
            if item_ui(ui, &undo, Some(&shortcuts::UNDO), input.undo.is_some()) {
                actions.push(Action::Undo);
            }
            let redo = input
                .redo
                .map_or("Redo".to_owned(), |d| format!("Redo {d}"));
            if item_ui(ui, &redo, Some(&shortcuts::REDO), input.redo.is_some()) {
                actions.push(Action::Redo);
            }
            ui.separator();
            if item_ui(ui, "Find…", Some(&shortcuts::FIND), input.has_document) {
                actions.push(Action::ShowFind);
            }
            let searchable = !input.comparing;
            if item_ui(
                ui,
                "Search all documents…",
                Some(&shortcuts::SEARCH_ALL),
                searchable,
            ) {
                actions.push(Action::ShowAnalysis(AnalysisTab::Search));
            }
        });
        ui.menu_button("Document", |ui| {
            let enabled = input.has_document && !input.comparing;
            if item_ui(ui, "Update article text…", None, enabled) {
                actions.push(Action::Choose(FileRequest::UpdateArticle));
            }
        });
        ui.menu_button("Suggest", |ui| suggest_menu_ui(ui, input, actions));
        ui.menu_button("View", |ui| view_menu_ui(ui, input, prefs, actions));
        ui.menu_button("Help", |ui| {
            if item_ui(ui, "Keyboard shortcuts", Some(&shortcuts::HELP), true) {
                actions.push(Action::ShowShortcuts);
            }
            if item_ui(ui, "About Marginalia", None, true) {
                actions.push(Action::ShowAbout);
            }
        });
    });
}

fn file_menu_ui(ui: &mut Ui, input: &MenuInput<'_>, recent: &[PathBuf], actions: &mut Vec<Action>) {
    let choose = [
        (
            "New project from article…",
            Some(&shortcuts::NEW),
            FileRequest::NewFromArticle,
        ),
        (
            "Open project…",
            Some(&shortcuts::OPEN),
            FileRequest::OpenProject,
        ),
        ("Add article to project…", None, FileRequest::AddArticle),
    ];
    for (text, shortcut, request) in choose {
        if item_ui(ui, text, shortcut, true) {
            actions.push(Action::Choose(request));
        }
    }
    if item_ui(ui, "Project settings…", None, !input.comparing) {
        actions.push(Action::ShowProjectSettings);
    }
    ui.separator();
    if item_ui(ui, "Save", Some(&shortcuts::SAVE), true) {
        actions.push(Action::Save);
    }
    if item_ui(ui, "Save as…", Some(&shortcuts::SAVE_AS), true) {
        actions.push(Action::Choose(FileRequest::SaveAs));
    }
    ui.separator();
    if input.comparing {
        if item_ui(ui, "Save merged project as…", None, true) {
            actions.push(Action::Choose(FileRequest::SaveMerged));
        }
        if item_ui(ui, "Close comparison", None, true) {
            actions.push(Action::Compare(CompareAction::Close { confirmed: false }));
        }
    } else {
        if item_ui(ui, "Compare with…", None, true) {
            actions.push(Action::Choose(FileRequest::CompareWith));
        }
        ui.separator();
        if item_ui(ui, "Export…", Some(&shortcuts::EXPORT), true) {
            actions.push(Action::ShowExport);
        }
        if item_ui(ui, "Import annotations…", None, true) {
            actions.push(Action::Choose(FileRequest::ImportAnnotations));
        }
    }
    ui.separator();
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in recent {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    actions.push(Action::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    });
    ui.separator();
    if item_ui(ui, "Quit", Some(&shortcuts::QUIT), true) {
        actions.push(Action::Quit);
    }
}

fn suggest_menu_ui(ui: &mut Ui, input: &MenuInput<'_>, actions: &mut Vec<Action>) {
    let menu = input.suggest;
    let editing = !input.comparing;
    let mut ask = |a: SuggestAction| actions.push(Action::Suggest(a));
    let can_run = editing && !menu.running;
    if item_ui(
        ui,
        "Suggest in this document",
        None,
        can_run && menu.document.is_some(),
    ) && let Some(doc) = menu.document
    {
        ask(SuggestAction::Run(Scope::Document(doc)));
    }
    if item_ui(ui, "Suggest in all documents", None, can_run) {
        ask(SuggestAction::Run(Scope::AllDocuments));
    }
    if item_ui(ui, "Cancel suggesting", None, menu.running) {
        ask(SuggestAction::Cancel);
    }
    ui.separator();
    let stepping = editing && menu.any_shown;
    if item_ui(
        ui,
        "Next suggestion",
        Some(&shortcuts::NEXT_SUGGESTION),
        stepping,
    ) {
        ask(SuggestAction::Step(true));
    }
    if item_ui(
        ui,
        "Previous suggestion",
        Some(&shortcuts::PREVIOUS_SUGGESTION),
        stepping,
    ) {
        ask(SuggestAction::Step(false));
    }
    let current = menu.current.filter(|_| editing);
    if item_ui(
        ui,
        "Accept suggestion",
        Some(&shortcuts::ACCEPT_SUGGESTION),
        current.is_some(),
    ) && let Some(i) = current
    {
        ask(SuggestAction::Accept(i));
    }
    if item_ui(
        ui,
        "Reject suggestion",
        Some(&shortcuts::REJECT_SUGGESTION),
        current.is_some(),
    ) && let Some(i) = current
    {
        ask(SuggestAction::Reject(i));
    }
    ui.separator();
    if item_ui(ui, "Suggestions panel", None, editing) {
        actions.push(Action::ShowAnalysis(AnalysisTab::Suggestions));
    }
}

fn view_menu_ui(ui: &mut Ui, input: &MenuInput<'_>, prefs: &mut Prefs, actions: &mut Vec<Action>) {
    let panels = [
        (
            "Documents and labels panel",
            &shortcuts::TOGGLE_LEFT_PANEL,
            &mut prefs.left_panel.open,
            input.folded.0,
        ),
        (
            "Annotations panel",
            &shortcuts::TOGGLE_RIGHT_PANEL,
            &mut prefs.right_panel.open,
            input.folded.1,
        ),
    ];
    for (text, shortcut, open, folded) in panels {
        let button =
            Button::selectable(*open, text).shortcut_text(ui.ctx().format_shortcut(shortcut));
        let response = ui.add(button);
        let response = if folded {
            response.on_hover_text(
                "Folded to leave the article room for a readable line; widen the window to see it",
            )
        } else {
            response
        };
        if response.clicked() {
            *open = !*open;
            ui.close();
        }
    }
    analysis_menu_ui(ui, input, actions);
    ui.separator();
    ui.menu_button("Text size", |ui| {
        for size in TEXT_SIZES {
            if ui
                .radio(prefs.text_size == size, format!("{size:.0} pt"))
                .clicked()
            {
                prefs.text_size = size;
                ui.close();
            }
        }
    });
    ui.menu_button("Reading width", |ui| {
        for (name, width) in READING_WIDTHS {
            if ui.radio(prefs.reading_width == width, name).clicked() {
                prefs.reading_width = width;
                ui.close();
            }
        }
    });
    ui.separator();
    if ui.radio(!prefs.dark, "Light").clicked() {
        prefs.dark = false;
        ui.close();
    }
    if ui.radio(prefs.dark, "Dark").clicked() {
        prefs.dark = true;
        ui.close();
    }
    ui.separator();
    if ui
        .checkbox(&mut prefs.snap_words, "Snap to words")
        .on_hover_text(
            "Selections grow to whole words and leave out surrounding spaces and punctuation",
        )
        .clicked()
    {
        ui.close();
    }
    if ui
        .checkbox(&mut prefs.all_relations, "Show all relations in view")
        .on_hover_text(
            "Draw every relation between the passages in view; otherwise only the selected \
             annotation's relations are drawn",
        )
        .clicked()
    {
        ui.close();
    }
}

/// The analysis panel, and each of its tabs.
fn analysis_menu_ui(ui: &mut Ui, input: &MenuInput<'_>, actions: &mut Vec<Action>) {
    let enabled = !input.comparing;
    let button = Button::selectable(input.analysis, "Analysis panel");
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(if input.analysis {
            Action::HideAnalysis
        } else {
            Action::ShowAnalysis(AnalysisTab::Search)
        });
        ui.close();
    }
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button("Analysis", |ui| {
            for (text, tab) in [
                ("Search and tag", AnalysisTab::Search),
                ("Coded passages", AnalysisTab::Passages),
                ("Counts", AnalysisTab::Counts),
                ("Co-occurrence", AnalysisTab::CoOccurrence),
                ("Distribution", AnalysisTab::Distribution),
                ("Suggestions", AnalysisTab::Suggestions),
            ] {
                if ui.button(text).clicked() {
                    actions.push(Action::ShowAnalysis(tab));
                    ui.close();
                }
            }
        });
    });
}
