//! The naive way to show an article, for comparison: the whole text as one `LayoutJob` with its
//! highlight sections, in one selectable `Label` in a scroll area. egui lays the whole job out
//! again whenever a highlight or the width changes. Offsets are chars of the document text.

use std::sync::Arc;

use eframe::egui::{Label, ScrollArea, Ui, WidgetText, text::LayoutJob};
use marginalia::ui::{Typography, whole_document_job};

use super::screen::{ArticleWay, SCREEN, Scene, TEXT_SIZE};

pub struct NaiveLabel {
    job: Option<(u64, Arc<LayoutJob>)>,
    scroll_to: Option<usize>,
    content_height: f32,
}

impl NaiveLabel {
    #[must_use]
    pub fn open() -> Self {
        Self {
            job: None,
            scroll_to: None,
            content_height: 0.0,
        }
    }
}

impl ArticleWay for NaiveLabel {
    fn ui(&mut self, ui: &mut Ui, scene: &Scene<'_>) {
        // The job changes with the highlights, i.e. with the project's revision.
        let job = match &self.job {
            Some((revision, job)) if *revision == scene.revision => Arc::clone(job),
            _ => {
                let typography = Typography {
                    text_size: TEXT_SIZE,
                    wrap_width: scene.reading_width,
                    text_color: ui.visuals().strong_text_color(),
                    dark: ui.visuals().dark_mode,
                };
                let job = Arc::new(whole_document_job(scene.project, scene.doc, &typography));
                self.job = Some((scene.revision, Arc::clone(&job)));
                job
            }
        };
        let mut area = ScrollArea::vertical().id_salt("naive").auto_shrink(false);
        if let Some(offset) = self.scroll_to.take() {
            // Where the char is, in proportion, placed 30% down the screen as the view does;
            // never past the end, where a scroll area draws nothing for a frame.
            let share = offset as f32 / scene.doc.char_len().max(1) as f32;
            let y = share * self.content_height - 0.3 * SCREEN.y;
            area = area.vertical_scroll_offset(y.min(self.content_height - SCREEN.y).max(0.0));
        }
        let output = area.show(ui, |ui| {
            ui.set_max_width(scene.reading_width);
            ui.add(Label::new(WidgetText::LayoutJob(job)).selectable(true));
        });
        self.content_height = output.content_size.y;
    }

    fn scroll_to(&mut self, offset: usize, _now: f64) {
        self.scroll_to = Some(offset);
    }
}
