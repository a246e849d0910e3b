//! Find in the article (Ctrl+F): every hit highlighted, Enter / Shift+Enter step through them,
//! Escape closes. Hits are char spans of the document text, recomputed only when the query,
//! the document or the project changes.

use eframe::egui::{Key, TextEdit, Ui};

use crate::model::{Document, Span, find};

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    query: String,
    hits: Vec<Span>,
    current: Option<usize>,
    /// What the hits were found for: document, its text's SHA-256, and the query.
    hits_for: Option<(String, String, String)>,
    focus: bool,
}

/// What the find bar asks of the window.
pub enum FindRequest {
    /// Bring the hit at this char span into view.
    Reveal(Span),
}

impl FindBar {
    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// The hits to highlight and the current one (empty when closed).
    #[must_use]
    pub fn hits(&self) -> (&[Span], Option<usize>) {
        if self.open {
            (&self.hits, self.current)
        } else {
            (&[], None)
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, doc: &Document) -> Option<FindRequest> {
        if !self.open {
            return None;
        }
        let mut request = None;
        // Wrapped, never wider than the article column: the bar must not widen the column and
        // re-flow the article.
        ui.horizontal_wrapped(|ui| {
            let caption = ui.label("Find:");
            let width = (ui.available_width() * 0.4).clamp(80.0, 260.0);
            let edit = ui
                .add(TextEdit::singleline(&mut self.query).desired_width(width))
                .labelled_by(caption.id);
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            // After the edit, so that a changed query finds its hits this frame.
            let key = (
                doc.id().to_owned(),
                doc.text_sha256().to_owned(),
                self.query.clone(),
            );
            if self.hits_for.as_ref() != Some(&key) {
                self.hits = find::find_all(doc.text(), &self.query);
                self.current = None;
                self.hits_for = Some(key);
            }
            let (enter, shift) = ui.input(|i| (i.key_pressed(Key::Enter), i.modifiers.shift));
            let submitted = edit.lost_focus() && enter;
            let step_back = ui
                .button("Previous")
                .on_hover_text("Previous (Shift+Enter)")
                .clicked()
                || (submitted && shift);
            let step_on =
                ui.button("Next").on_hover_text("Next (Enter)").clicked() || (submitted && !shift);
            if submitted {
                edit.request_focus();
            }
            if !self.hits.is_empty() && (step_back || step_on) {
                let n = self.hits.len();
                self.current = Some(match (self.current, step_back) {
                    (None, false) => 0,
                    (None, true) => n - 1,
                    (Some(i), false) => (i + 1) % n,
                    (Some(i), true) => (i + n - 1) % n,
                });
                request = self.current.map(|i| FindRequest::Reveal(self.hits[i]));
            }
            let count = match (self.current, self.hits.len()) {
                (_, 0) if self.query.trim().is_empty() => String::new(),
                (_, 0) => "no hits".to_owned(),
                (Some(i), n) => format!("{} of {n}", i + 1),
                (None, n) if n >= find::MAX_HITS => format!("{n}+ hits"),
                (None, n) => format!("{n} hits"),
            };
            ui.weak(count);
            if ui.button("Close").on_hover_text("Close (Escape)").clicked()
                || ((edit.has_focus() || edit.lost_focus())
                    && ui.input(|i| i.key_pressed(Key::Escape)))
            {
                self.open = false;
            }
        });
        request
    }
}
