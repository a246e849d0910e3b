//! Frame times of the analysis panel on the 1,000-document workload (4.5 MB of text, 100,000
//! annotations, 20,000 relations): the coded-passages list of every passage scrolled by the
//! wheel, the count table's 1,000 rows scrolled, and the frame that lists the passages afresh
//! after an edit. Target: the list scrolls at ≤ 2 ms a frame (virtualised rows). Each frame runs
//! the UI pass and tessellates. Run with `cargo bench --bench analysis_panel`.

#[path = "support/screen.rs"]
#[allow(
    dead_code,
    reason = "the panel needs the screen, not the article's scenes"
)]
mod screen;

use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use eframe::egui::{
    self, Context, Event, Modifiers, MouseWheelSource, MouseWheelUnit, RawInput, TouchPhase, pos2,
    vec2,
};
use marginalia::{
    model::{Edit, Editor, Project},
    ui::{
        analysis::{AnalysisInput, AnalysisPanel, AnalysisTab},
        suggestions::Suggestions,
    },
};
use marginalia_testkit::workload::thousand_documents;
use screen::{SCREEN, Screen};

const NOW: &str = "2026-11-26T10:00:00Z";
/// Where the pointer rests while the wheel turns: over the panel's list.
const OVER_THE_LIST: egui::Pos2 = pos2(500.0, 720.0);
/// Fewer vertices than this means the list was not drawn: some ten rows of text.
const MIN_LIST_VERTICES: usize = 4 * 200;

/// The panel on the workload, on one tab.
struct Run {
    screen: Screen,
    panel: AnalysisPanel,
    editor: Editor,
    /// Wheel turns so far; the list turns back at the end.
    turns: usize,
}

impl Run {
    fn new(project: Project, tab: AnalysisTab) -> Self {
        let mut panel = AnalysisPanel::default();
        panel.show_tab(tab);
        let mut run = Self {
            screen: Screen::new(),
            panel,
            editor: Editor::new(project),
            turns: 0,
        };
        for _ in 0..3 {
            run.frame(Vec::new());
        }
        run
    }

    fn frame(&mut self, events: Vec<Event>) -> Duration {
        let Self {
            screen,
            panel,
            editor,
            ..
        } = self;
        let project = editor.project();
        let input = AnalysisInput {
            project,
            revision: editor.revision(),
            shown: Some((0, &project.documents()[0])),
        };
        let start = Instant::now();
        let vertices = screen.frame(events, |ui| {
            panel.ui(ui, &input, &Suggestions::default(), &mut Vec::new())
        });
        let took = start.elapsed();
        assert!(
            vertices >= MIN_LIST_VERTICES,
            "a frame drew {vertices} vertices: the list is missing"
        );
        took
    }

    /// One frame with the wheel turned two rows down (up again every 400 turns).
    fn scroll(&mut self) -> Duration {
        self.turns += 1;
        let down = (self.turns / 400).is_multiple_of(2);
        self.frame(wheel(if down { -44.0 } else { 44.0 }))
    }

    /// One frame after an edit: the list is made again from the changed project.
    fn after_edit(&mut self) -> Duration {
        let doc = self.editor.project().documents()[0].id().to_owned();
        let id = self.editor.project().documents()[0].annotations()[0]
            .id
            .clone();
        let note = format!("edit {}", self.turns);
        self.turns += 1;
        self.editor
            .apply(Edit::SetNote { doc, id, note }, NOW)
            .expect("the annotation exists");
        self.frame(Vec::new())
    }
}

fn wheel(dy: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(OVER_THE_LIST),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, dy),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        },
    ]
}

/// The first passage row the screen reader would read: the list really moves with the wheel.
fn first_row_read(
    ctx: &Context,
    panel: &mut AnalysisPanel,
    project: &Project,
    events: Vec<Event>,
) -> String {
    let input = AnalysisInput {
        project,
        revision: 1,
        shown: Some((0, &project.documents()[0])),
    };
    let raw = RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        events,
        ..Default::default()
    };
    let output = ctx.run_ui(raw, |ui| {
        panel.ui(ui, &input, &Suggestions::default(), &mut Vec::new())
    });
    let update = output
        .platform_output
        .accesskit_update
        .expect("AccessKit is on");
    let mut rows: Vec<(f64, String)> = update
        .nodes
        .iter()
        .filter_map(|(_, node)| {
            let label = node.label()?;
            let y = node.bounds()?.y0;
            label.starts_with("Claim — ").then(|| (y, label.to_owned()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.first().map(|(_, l)| l.clone()).unwrap_or_default()
}

fn analysis_panel(c: &mut Criterion) {
    let project = thousand_documents();
    {
        let ctx = Context::default();
        ctx.enable_accesskit();
        let mut panel = AnalysisPanel::default();
        panel.show_tab(AnalysisTab::Passages);
        let top = (0..3)
            .map(|_| first_row_read(&ctx, &mut panel, &project, Vec::new()))
            .last()
            .unwrap();
        let mut moved = String::new();
        for _ in 0..20 {
            moved = first_row_read(&ctx, &mut panel, &project, wheel(-200.0));
        }
        assert!(top.starts_with("Claim — Article 0"), "{top}");
        assert_ne!(top, moved, "the wheel scrolls the list");
    }
    let mut group = c.benchmark_group("analysis_panel_1000_documents");
    group
        .sample_size(60)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let mut passages = Run::new(project.clone(), AnalysisTab::Passages);
    group.bench_function("passages_scroll", |b| {
        b.iter_custom(|n| (0..n).map(|_| passages.scroll()).sum());
    });
    group.bench_function("passages_idle", |b| {
        b.iter_custom(|n| (0..n).map(|_| passages.frame(Vec::new())).sum());
    });
    group.sample_size(10);
    group.bench_function("passages_after_edit", |b| {
        b.iter_custom(|n| (0..n).map(|_| passages.after_edit()).sum());
    });
    group.sample_size(60);
    let mut counts = Run::new(project, AnalysisTab::Counts);
    group.bench_function("counts_scroll", |b| {
        b.iter_custom(|n| (0..n).map(|_| counts.scroll()).sum());
    });
    group.finish();
}

criterion_group!(benches, analysis_panel);
criterion_main!(benches);
