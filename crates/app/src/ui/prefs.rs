//! The window's preferences, remembered between runs through eframe's storage: theme, text
//! size, reading width, snapping, recent projects, the last project open, and the side panels.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::panels::side::PanelPrefs;

/// The storage key the preferences live under.
pub const STORAGE_KEY: &str = "marginalia.prefs";
/// How many recent projects are listed.
const RECENT_MAX: usize = 8;

/// Text sizes offered in View ▸ Text size (points).
pub const TEXT_SIZES: [f32; 5] = [14.0, 16.0, 18.0, 21.0, 24.0];
/// Reading widths offered in View ▸ Reading width (points), with their names.
pub const READING_WIDTHS: [(&str, f32); 3] =
    [("Narrow", 560.0), ("Comfortable", 700.0), ("Wide", 960.0)];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub dark: bool,
    pub text_size: f32,
    pub reading_width: f32,
    /// Grow selections to whole words.
    pub snap_words: bool,
    /// Draw every relation in view, not only the selected annotation's.
    pub all_relations: bool,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub last_project: Option<PathBuf>,
    /// The documents-and-labels panel (left) and the annotations panel (right).
    pub left_panel: PanelPrefs,
    pub right_panel: PanelPrefs,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dark: false,
            text_size: 18.0,
            reading_width: 700.0,
            snap_words: true,
            all_relations: false,
            recent: Vec::new(),
            last_project: None,
            left_panel: PanelPrefs {
                open: true,
                width: 250.0,
            },
            right_panel: PanelPrefs {
                open: true,
                width: 320.0,
            },
        }
    }
}

impl Prefs {
    /// Records `path` as the project open now: first in the recent list, reopened next start.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_MAX);
        self.last_project = Some(path.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_unique_newest_first_and_bounded() {
        let mut prefs = Prefs::default();
        for i in 0..10 {
            prefs.remember(Path::new(&format!("/p{i}.ron")));
        }
        prefs.remember(Path::new("/p5.ron"));
        assert_eq!(prefs.recent.len(), RECENT_MAX);
        assert_eq!(prefs.recent[0], Path::new("/p5.ron"));
        assert_eq!(
            prefs
                .recent
                .iter()
                .filter(|p| p.ends_with("p5.ron"))
                .count(),
            1
        );
        assert_eq!(prefs.last_project.as_deref(), Some(Path::new("/p5.ron")));
    }
}
