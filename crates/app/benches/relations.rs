//! Frame times of the article view with relations, at 1 MB / 10,000 annotations / 3,000
//! relations: the selected annotation's relations drawn, every relation in view drawn (while
//! scrolling), and the frame after a relation is created or deleted. Targets: ≤ 2 ms, ≤ 4 ms and
//! ≤ 4 ms. Each frame runs the UI pass and tessellates, and must draw the text in view.
//! Run with `cargo bench --bench relations`.

#[path = "support/screen.rs"]
mod screen;

use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use marginalia::model::{ATTRIBUTED_TO, Edit, Editor, edit::new_relation};
use marginalia_testkit::workload::{SEED, SIZES, two_analysts, with_relations};
use screen::{ArticleWay, MIN_TEXT_VERTICES, READING_WIDTH, RealView, Scene, Screen};

const NOW: &str = "2026-11-26T10:00:00Z";
const RELATIONS: usize = 3_000;
/// How far each scrolling frame moves (chars): about two lines.
const SCROLL_CHARS: usize = 160;

/// The view on the workload and the state the scenarios move on.
struct Run {
    screen: Screen,
    view: RealView,
    editor: Editor,
    scrolled_to: usize,
    /// The relation the create/delete scenario added last.
    added: Option<String>,
}

impl Run {
    fn new() -> Self {
        let size = SIZES[2];
        let project = with_relations(
            two_analysts(size.bytes, size.annotations, SEED).0,
            RELATIONS,
        );
        assert_eq!(project.documents()[0].relations().len(), RELATIONS);
        let mut run = Self {
            screen: Screen::new(),
            view: RealView::open(&project.documents()[0]),
            editor: Editor::new(project),
            scrolled_to: 0,
            added: None,
        };
        // The claim of the first relation, in view at the top of the article.
        run.view.selected = Some(run.doc().relations()[0].from.clone());
        for _ in 0..3 {
            run.frame();
        }
        run
    }

    fn doc(&self) -> &marginalia::model::Document {
        &self.editor.project().documents()[0]
    }

    fn frame(&mut self) -> Duration {
        let project = self.editor.project();
        let scene = Scene {
            project,
            doc: &project.documents()[0],
            revision: self.editor.revision(),
            reading_width: READING_WIDTH,
        };
        let view = &mut self.view;
        let start = Instant::now();
        let vertices = self.screen.frame(Vec::new(), |ui| view.ui(ui, &scene));
        let took = start.elapsed();
        assert!(vertices >= MIN_TEXT_VERTICES, "the text in view is missing");
        took
    }

    fn scroll(&mut self) -> Duration {
        // Within the first 200,000 chars, where the relations are.
        self.scrolled_to = (self.scrolled_to + SCROLL_CHARS) % 200_000;
        self.view.scroll_to(self.scrolled_to, self.screen.now());
        self.frame()
    }

    /// Links the selected claim to a source in view, or deletes the link made last; the edit is
    /// not timed, the frame after it is.
    fn create_or_delete(&mut self) -> Duration {
        let edit = match self.added.take() {
            Some(id) => Edit::DeleteRelation {
                doc: "d-1".into(),
                id,
            },
            None => {
                let from = self.view.selected.clone().expect("a selection");
                let project = self.editor.project();
                let to = self
                    .doc()
                    .annotations()
                    .iter()
                    .find(|a| a.label == "source" && a.id != from)
                    .map(|a| a.id.clone())
                    .expect("a source");
                let relation = new_relation(project, "d-1", &from, &to, ATTRIBUTED_TO)
                    .expect("a claim may be attributed to a source");
                self.added = Some(relation.id.clone());
                Edit::AddRelation {
                    doc: "d-1".into(),
                    relation,
                }
            }
        };
        self.editor.apply(edit, NOW).expect("a valid edit");
        self.frame()
    }
}

fn relations(c: &mut Criterion) {
    let mut group = c.benchmark_group("relations_1MB");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    let mut run = Run::new();
    group.bench_function("selection_idle", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| run.frame()).sum());
    });
    group.bench_function("create_or_delete", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| run.create_or_delete()).sum());
    });
    run.view.all_relations = true;
    group.bench_function("all_in_view_idle", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| run.frame()).sum());
    });
    group.bench_function("all_in_view_scroll", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| run.scroll()).sum());
    });
    group.finish();
}

criterion_group!(benches, relations);
criterion_main!(benches);
