//! The window opened headless for egui_kittest tests: a project in a fresh data folder, typed
//! paths instead of native dialogs, settled after its first frames.

use std::{path::Path, time::Duration};

use eframe::egui::vec2;
use egui_kittest::Harness;
use marginalia::ui::{AppConfig, MarginaliaApp, Start, prefs::Prefs};

pub type App<'a> = Harness<'a, MarginaliaApp>;

/// The app opened on `file`, keeping its files in `data`.
pub fn open(file: &Path, data: &Path) -> App<'static> {
    let file = file.to_owned();
    let config = AppConfig {
        data_dir: data.to_owned(),
        recovery_interval: Duration::from_secs(30),
        native_dialogs: false,
    };
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .build_eframe(move |_cc| {
            MarginaliaApp::with_prefs(Start::Path(file), config, Prefs::default())
        });
    harness.run_steps(3);
    harness
}
