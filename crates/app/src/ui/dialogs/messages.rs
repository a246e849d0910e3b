//! Messages for the user: what went wrong (or what to know) in words a user understands, with
//! what to do. Shown in a window until dismissed; nothing in memory is lost because of them.

use eframe::egui::{self, Context, RichText, ScrollArea};

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub title: String,
    pub body: String,
    pub is_error: bool,
}

/// The messages not yet dismissed.
#[derive(Default)]
pub struct Messages {
    list: Vec<Message>,
}

impl Messages {
    pub fn error(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.push(title.into(), body.into(), true);
    }

    pub fn info(&mut self, title: impl Into<String>, body: impl Into<String>) {
        self.push(title.into(), body.into(), false);
    }

    fn push(&mut self, title: String, body: String, is_error: bool) {
        self.list.push(Message {
            title,
            body,
            is_error,
        });
    }

    #[must_use]
    pub fn list(&self) -> &[Message] {
        &self.list
    }

    pub fn ui(&mut self, ctx: &Context) {
        if self.list.is_empty() {
            return;
        }
        let mut dismiss = None;
        egui::Window::new("Messages")
            .collapsible(false)
            .resizable(true)
            .default_width(480.0)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
            .show(ctx, |ui| {
                ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for (i, message) in self.list.iter().enumerate() {
                        let title = RichText::new(&message.title).strong();
                        let title = if message.is_error {
                            title.color(ui.visuals().error_fg_color)
                        } else {
                            title
                        };
                        ui.label(title);
                        ui.label(&message.body);
                        if ui.button("Dismiss").clicked() {
                            dismiss = Some(i);
                        }
                        ui.separator();
                    }
                });
                if self.list.len() > 1 && ui.button("Dismiss all").clicked() {
                    dismiss = Some(usize::MAX);
                }
            });
        match dismiss {
            Some(usize::MAX) => self.list.clear(),
            Some(i) => {
                self.list.remove(i);
            }
            None => {}
        }
    }
}
