//! Renaming a label or a relation kind in place: the field that replaces the name, which takes
//! the focus once, gives the new name when the user leaves it (Enter or a click elsewhere) and
//! forgets it on Escape.

use eframe::egui::{self, TextEdit, Ui};

/// The item being renamed (its id) and the name typed so far.
#[derive(Default)]
pub struct Renaming {
    target: Option<(String, String)>,
    /// Whether the field still has to take the focus (once, when renaming starts).
    focus: bool,
}

impl Renaming {
    /// Starts renaming item `id`, now called `name`.
    pub fn start(&mut self, id: &str, name: &str) {
        self.target = Some((id.to_owned(), name.to_owned()));
        self.focus = true;
    }

    /// Whether item `id` is being renamed.
    #[must_use]
    pub fn is_for(&self, id: &str) -> bool {
        self.target.as_ref().is_some_and(|(target, _)| target == id)
    }

    /// The field, for the item being renamed (now called `current`); returns the new name once
    /// the user leaves the field with a name that is not empty and differs from `current`.
    pub fn ui(&mut self, ui: &mut Ui, current: &str, hint: &str) -> Option<String> {
        let (_, name) = self.target.as_mut()?;
        let edit = ui.add(
            TextEdit::singleline(name)
                .desired_width(ui.available_width())
                .hint_text(hint),
        );
        if std::mem::take(&mut self.focus) {
            edit.request_focus();
        }
        if (edit.has_focus() || edit.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Escape))
        {
            self.target = None;
            return None;
        }
        if edit.lost_focus() || !edit.has_focus() {
            let name = name.trim().to_owned();
            self.target = None;
            return (!name.is_empty() && name != current).then_some(name);
        }
        None
    }
}
