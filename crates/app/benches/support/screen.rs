//! A window without a window: runs egui frames of the article view on a fixed screen, with
//! synthetic input, and tessellates them, so a benchmark times what a real frame costs. Offsets
//! are chars of the document text.

use eframe::egui::{Context, Event, Pos2, RawInput, Rect, Ui, Vec2, epaint::Primitive};
use marginalia::{
    model::{Document, Project},
    ui::{ArticleView, ViewInput},
};

/// The screen the benchmarks draw on, in points.
pub const SCREEN: Vec2 = Vec2::new(1000.0, 800.0);
/// Text size and reading width of the preferences' defaults, in points.
pub const TEXT_SIZE: f32 = 18.0;
pub const READING_WIDTH: f32 = 700.0;
/// Fewer vertices than this means a frame did not draw the text in view: a screen of the
/// article holds some 30 lines of 60–80 glyphs, four vertices each.
pub const MIN_TEXT_VERTICES: usize = 4 * 400;

/// An egui context and a clock.
pub struct Screen {
    pub ctx: Context,
    time: f64,
}

impl Screen {
    #[must_use]
    pub fn new() -> Self {
        Self {
            ctx: Context::default(),
            time: 0.0,
        }
    }

    /// The time of the last frame, in seconds.
    #[must_use]
    pub fn now(&self) -> f64 {
        self.time
    }

    /// Runs one frame 1/60 s after the last, with `events` as its input, and tessellates it;
    /// returns the vertex count.
    pub fn frame(&mut self, events: Vec<Event>, mut show: impl FnMut(&mut Ui)) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| show(ui));
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives
            .iter()
            .map(|p| match &p.primitive {
                Primitive::Mesh(mesh) => mesh.vertices.len(),
                Primitive::Callback(_) => 0,
            })
            .sum()
    }
}

/// What a frame shows: the project, its document, the project's revision and the column width.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub project: &'a Project,
    pub doc: &'a Document,
    /// Changes whenever the project changes.
    #[allow(
        dead_code,
        reason = "only the naive way reads it; the view notices changes by itself"
    )]
    pub revision: u64,
    pub reading_width: f32,
}

/// A way of showing the article, driven the same way in every scenario.
pub trait ArticleWay {
    /// Shows the article for one frame.
    fn ui(&mut self, ui: &mut Ui, scene: &Scene<'_>);
    /// Scrolls so that char `offset` is in view from the next frame.
    fn scroll_to(&mut self, offset: usize, now: f64);
}

/// Marginalia's article view, as the window shows it.
pub struct RealView {
    view: ArticleView,
    /// The selected annotation (its relations are drawn).
    pub selected: Option<String>,
    /// Draw every relation in view (View > Show all relations in view).
    pub all_relations: bool,
}

impl RealView {
    #[must_use]
    pub fn open(doc: &Document) -> Self {
        Self {
            view: ArticleView::new(doc, TEXT_SIZE, READING_WIDTH),
            selected: None,
            all_relations: false,
        }
    }
}

impl ArticleWay for RealView {
    fn ui(&mut self, ui: &mut Ui, scene: &Scene<'_>) {
        let input = ViewInput {
            project: scene.project,
            doc: scene.doc,
            selected: self.selected.as_deref(),
            active_label: None,
            snap_words: true,
            text_size: TEXT_SIZE,
            reading_width: scene.reading_width,
            find_hits: &[],
            find_current: None,
            placing: None,
            linking: false,
            all_relations: self.all_relations,
            proposals: &[],
        };
        let mut actions = Vec::new();
        self.view.ui(ui, &input, &mut actions);
    }

    fn scroll_to(&mut self, offset: usize, now: f64) {
        self.view.reveal(offset, None, now);
    }
}
