//! The window (egui/eframe): a thin layer over the workspace. Views read state and return
//! [`action::Action`]s; only the app applies them, through the model's edit API.

pub mod action;
pub mod analysis;
mod analysis_tables;
mod app;
mod apply;
mod apply_links;
mod apply_suggestions;
mod article;
mod article_update;
mod colors;
pub mod compare;
pub mod dialogs;
mod disk_changes;
mod file_watcher;
mod keys;
mod link_picker;
mod open_and_save;
mod panels;
pub mod prefs;
mod recovery;
pub mod shortcuts;
pub mod suggestions;
mod transfer;
mod widgets;

pub use app::{AppConfig, MarginaliaApp, Start};
pub use article::{ArticleView, ShownProposal, Typography, ViewInput, whole_document_job};

/// Opens the window and runs until it is closed.
pub fn run(start: Start) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Marginalia")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Marginalia",
        options,
        Box::new(move |cc| {
            Ok(Box::new(MarginaliaApp::new(
                cc,
                start,
                AppConfig::desktop(),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
