//! Frame times of the article view, against the naive way (the whole article as one `Label`) in
//! the same run, at each size: idle, scrolling through the whole article, dragging a selection,
//! the frame after an annotation is added or deleted, the frame after the column width changes,
//! and the first frame after opening. Each frame runs the UI pass and tessellates; each must
//! draw the text in view. Run with `cargo bench --bench frames`.

#[path = "support/naive.rs"]
mod naive;
#[path = "support/screen.rs"]
mod screen;

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use eframe::egui::{Event, Modifiers, PointerButton, pos2};
use marginalia::model::{Edit, Editor, Project, Span, edit::new_annotation};
use marginalia_testkit::workload::{SEED, SIZES, Size, two_analysts};

use naive::NaiveLabel;
use screen::{ArticleWay, MIN_TEXT_VERTICES, READING_WIDTH, RealView, Scene, Screen};

/// How far each scrolling frame moves: about two lines of text, a brisk turn of the wheel.
const SCROLL_CHARS: usize = 160;
const NOW: &str = "2026-11-26T10:00:00Z";
const DOC: &str = "d-1";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    View,
    Naive,
}

impl Way {
    fn name(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Naive => "naive",
        }
    }

    fn open(self, project: &Project) -> Box<dyn ArticleWay> {
        match self {
            Self::View => Box::new(RealView::open(&project.documents()[0])),
            Self::Naive => Box::new(NaiveLabel::open()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scenario {
    Idle,
    Scroll,
    Drag,
    AddDelete,
    Width,
    Open,
}

impl Scenario {
    const ALL: [Self; 6] = [
        Self::Idle,
        Self::Scroll,
        Self::Drag,
        Self::AddDelete,
        Self::Width,
        Self::Open,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Scroll => "scroll",
            Self::Drag => "drag",
            Self::AddDelete => "add_delete",
            Self::Width => "width",
            Self::Open => "open",
        }
    }
}

/// One way of showing one project, and the state a scenario moves on from frame to frame.
struct Run {
    screen: Screen,
    way: Way,
    shown: Box<dyn ArticleWay>,
    editor: Editor,
    reading_width: f32,
    frames: usize,
    scrolled_to: usize,
    added: Option<String>,
    /// A span of the first paragraph, in view at the top of the article (chars).
    visible_span: Span,
    /// Input for the next frame.
    events: Vec<Event>,
}

impl Run {
    fn new(project: Project, way: Way) -> Self {
        let visible_span = first_words(project.documents()[0].text());
        let mut run = Self {
            screen: Screen::new(),
            way,
            shown: way.open(&project),
            editor: Editor::new(project),
            reading_width: READING_WIDTH,
            frames: 0,
            scrolled_to: 0,
            added: None,
            visible_span,
            events: Vec::new(),
        };
        for _ in 0..3 {
            run.frame();
        }
        run
    }

    /// Runs and times one frame; panics if it did not draw the text in view.
    fn frame(&mut self) -> Duration {
        let Self {
            screen,
            shown,
            editor,
            events,
            ..
        } = self;
        let project = editor.project();
        let scene = Scene {
            project,
            doc: &project.documents()[0],
            revision: editor.revision(),
            reading_width: self.reading_width,
        };
        let start = Instant::now();
        let vertices = screen.frame(std::mem::take(events), |ui| shown.ui(ui, &scene));
        let took = start.elapsed();
        assert!(
            vertices >= MIN_TEXT_VERTICES,
            "a {} frame drew {vertices} vertices: the text in view is missing",
            self.way.name()
        );
        self.frames += 1;
        took
    }

    /// Prepares the next frame of `scenario` (untimed) and returns the time of that frame.
    fn step(&mut self, scenario: Scenario) -> Duration {
        match scenario {
            Scenario::Idle => {}
            Scenario::Scroll => {
                let len = self.editor.project().documents()[0].char_len();
                self.scrolled_to = (self.scrolled_to + SCROLL_CHARS) % len;
                self.shown.scroll_to(self.scrolled_to, self.screen.now());
            }
            Scenario::Drag => {
                // Down and up the screen, inside the view so it does not scroll.
                let phase = self.frames % 200;
                let y = 120.0 + 5.0 * if phase < 100 { phase } else { 200 - phase } as f32;
                self.events.push(Event::PointerMoved(pos2(
                    300.0 + (phase % 7) as f32 * 20.0,
                    y,
                )));
            }
            Scenario::AddDelete => self.add_or_delete(),
            Scenario::Width => {
                self.reading_width = 560.0 + (self.frames % 140) as f32;
            }
            Scenario::Open => {
                // Two empty frames: egui forgets the galleys the last one used.
                self.screen.frame(Vec::new(), |_| {});
                self.screen.frame(Vec::new(), |_| {});
                let start = Instant::now();
                self.shown = self.way.open(self.editor.project());
                return start.elapsed() + self.frame();
            }
        }
        self.frame()
    }

    /// Adds an annotation over text in view, or deletes the one added last.
    fn add_or_delete(&mut self) {
        let edit = match self.added.take() {
            Some(id) => Edit::DeleteAnnotation {
                doc: DOC.into(),
                id,
            },
            None => {
                let annotation =
                    new_annotation(self.editor.project(), DOC, self.visible_span, "norm", NOW)
                        .expect("the document exists");
                self.added = Some(annotation.id.clone());
                Edit::AddAnnotation {
                    doc: DOC.into(),
                    annotation,
                }
            }
        };
        self.editor.apply(edit, NOW).expect("a valid edit");
    }

    /// Starts a drag in the text, as a user pressing the button would.
    fn press(&mut self) {
        let at = pos2(300.0, 120.0);
        self.events.push(Event::PointerMoved(at));
        self.events.push(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        });
        self.frame();
    }
}

/// Words 3 to 12 of the text: a span in its first lines (chars).
fn first_words(text: &str) -> Span {
    let spaces: Vec<usize> = text
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .take(12)
        .collect();
    Span::new(spaces[2] + 1, spaces[11])
}

fn frames(c: &mut Criterion) {
    let projects: Vec<(Size, Project)> = SIZES
        .iter()
        .map(|&size| (size, two_analysts(size.bytes, size.annotations, SEED).0))
        .collect();
    for scenario in Scenario::ALL {
        let mut group = c.benchmark_group(format!("frame_{}", scenario.name()));
        group
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2));
        for way in [Way::View, Way::Naive] {
            group.sample_size(if way == Way::View { 30 } else { 10 });
            for (size, project) in &projects {
                let mut run = Run::new(project.clone(), way);
                if scenario == Scenario::Drag {
                    run.press();
                }
                group.bench_function(BenchmarkId::new(way.name(), size.name), |bench| {
                    bench.iter_custom(|iters| (0..iters).map(|_| run.step(scenario)).sum());
                });
            }
        }
        group.finish();
    }
}

/// What comes before the frame after an edit: applying it to the project (undo history, the
/// document's sorted order and indexes), timed alone.
fn edits(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_add_delete");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for size in SIZES {
        let project = two_analysts(size.bytes, size.annotations, SEED).0;
        let mut run = Run::new(project, Way::View);
        group.bench_function(size.name, |bench| {
            bench.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        let start = Instant::now();
                        run.add_or_delete();
                        start.elapsed()
                    })
                    .sum()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frames, edits);
criterion_main!(benches);
