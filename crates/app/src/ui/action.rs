//! What views ask for. Views read state and return actions; only the app applies them, through
//! the workspace and the model's edit API. Offsets are chars of the document text.

use std::path::PathBuf;

use crate::{
    analysis::{Hit, Widen},
    model::{
        Label, LabelRemoval, Relation, RelationKind, Span,
        nudge::{Boundary, Direction},
    },
    ui::{analysis::AnalysisTab, compare::CompareAction, suggestions::SuggestAction},
};

/// A file the user is asked to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRequest {
    NewFromArticle,
    OpenProject,
    AddArticle,
    SaveAs,
    /// Other analysts' projects to compare the open one with (one or more).
    CompareWith,
    /// Where to save the merged project of a comparison.
    SaveMerged,
    /// Where to write an export in this format (a folder for brat).
    Export(crate::export::Format),
    /// Other tools' annotation files to import into the project (one or more).
    ImportAnnotations,
    /// A new version of the current document's article.
    UpdateArticle,
    /// Where to write one of the analysis panel's tables.
    AnalysisTable(AnalysisTable),
}

/// A table of the analysis panel that can be written to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisTable {
    /// The coded passages listed, as CSV or as Markdown.
    PassagesCsv,
    PassagesMarkdown,
    /// The document × label count table (CSV).
    Counts,
    /// The distribution chart's table: the shown document's stretches, or the corpus (CSV).
    Distribution,
}

impl AnalysisTable {
    /// The file extension the table is written with.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::PassagesMarkdown => "md",
            Self::PassagesCsv | Self::Counts | Self::Distribution => "csv",
        }
    }

    /// What the table is called in file names and messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::PassagesCsv | Self::PassagesMarkdown => "passages",
            Self::Counts => "counts",
            Self::Distribution => "distribution",
        }
    }
}

impl FileRequest {
    /// Whether the request takes several files at once.
    #[must_use]
    pub fn takes_several(self) -> bool {
        matches!(self, Self::CompareWith | Self::ImportAnnotations)
    }
}

/// One request from a view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Tag `span` of the current document with `label`.
    Tag {
        span: Span,
        label: String,
    },
    /// Select an annotation of the current document (or nothing).
    Select(Option<String>),
    /// Select an annotation, scroll the article to it and flash it.
    Reveal(String),
    Delete(String),
    Relabel {
        id: String,
        label: String,
    },
    SetNote {
        id: String,
        note: String,
    },
    /// Select an annotation and put the cursor in its note editor.
    EditNote(String),
    CopyQuote(String),
    Nudge {
        id: String,
        boundary: Boundary,
        direction: Direction,
    },
    /// Open the link picker for the selected annotation.
    StartLink,
    /// Close the link picker (and a pick-list of link targets).
    StopLink,
    /// Link the selected annotation to the one selected just before it, by the kind that allows
    /// the pair (in either direction): tag-and-link.
    LinkToPrevious,
    /// Link annotation `from` to `to` by `kind`.
    Link {
        from: String,
        to: String,
        kind: String,
    },
    /// Link `from` to one of `targets` (the annotations under a click or a drop, innermost first):
    /// at once when one target and one kind allow it, else through a pick-list at `at`.
    LinkToOneOf {
        from: String,
        targets: Vec<String>,
        at: eframe::egui::Pos2,
    },
    /// Replace a relation of the current document (re-kind, reverse, note).
    UpdateRelation(Relation),
    DeleteRelation(String),
    /// Add a relation kind with this name (id, colour and a free key chosen for it).
    AddRelationKind(String),
    UpdateRelationKind(RelationKind),
    /// Remove a kind and its relations (undoable).
    RemoveRelationKind(String),
    Undo,
    Redo,
    ShowDocument(String),
    /// Tag immediately on release with this label (fast mode), or ask each time (`None`).
    SetActiveLabel(Option<String>),
    /// Add a label with this name (id, colour and a free key chosen for it).
    AddLabel(String),
    UpdateLabel(Label),
    /// Delete a label; asks first what to do with its annotations when it has any.
    RemoveLabel(String),
    RemoveLabelConfirmed {
        id: String,
        removal: LabelRemoval,
    },
    /// Ask for a file (dialog or typed path), guarding unsaved changes where the request replaces
    /// the project.
    Choose(FileRequest),
    /// A file was chosen for a request.
    Chosen(FileRequest, PathBuf),
    /// Open a project or article by path (recent files, dropped files), guarding unsaved changes.
    OpenPath(PathBuf),
    /// Compare the open project with these other analysts' projects.
    CompareWith(Vec<PathBuf>),
    /// Import these annotation files into the project.
    ImportAnnotations(Vec<PathBuf>),
    /// Show the Export window.
    ShowExport,
    /// A request from the compare view.
    Compare(CompareAction),
    /// Place an orphan of the current document at `span`.
    PlaceOrphan {
        id: String,
        span: Span,
    },
    /// Drop an orphan of the current document.
    DropOrphan(String),
    /// Place this orphan with the next selection in the article (`None` stops).
    PlaceBySelection(Option<String>),
    /// Scroll the article to char `offset`.
    ScrollTo(usize),
    /// Show document `doc`, scroll to `span` (chars) and select `annotation` when given (else
    /// select the span's text): a search hit or a listed passage.
    RevealSpan {
        doc: String,
        span: Span,
        annotation: Option<String>,
    },
    /// Tag `hits` with `label`, each widened by `widen`, as one undoable step.
    TagHits {
        hits: Vec<Hit>,
        label: String,
        widen: Widen,
    },
    /// Open the analysis panel on this tab.
    ShowAnalysis(AnalysisTab),
    /// Close the analysis panel.
    HideAnalysis,
    /// A request about suggestions (run, look at, accept, reject).
    Suggest(SuggestAction),
    Save,
    Quit,
    ShowFind,
    ShowShortcuts,
    ShowAbout,
    /// Show File > Project settings… (titles and annotator).
    ShowProjectSettings,
}

impl From<CompareAction> for Action {
    /// The compare view's requests, with those that are the window's file actions (saving or
    /// opening the merged project) turned into them.
    fn from(action: CompareAction) -> Self {
        match action {
            CompareAction::SaveMerged => Self::Choose(FileRequest::SaveMerged),
            CompareAction::OpenMerged(path) => Self::OpenPath(path),
            other => Self::Compare(other),
        }
    }
}
