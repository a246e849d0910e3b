//! Peak and held heap at 1 MB / 10,000 annotations, counted by a global allocator: the article
//! view's state after opening and after scrolling through the whole article, and loading the
//! project file. Target: the view's state within 5× the article's size in bytes.
//! Run with `cargo bench --bench memory`; it prints a table.

#[path = "support/screen.rs"]
mod screen;

use marginalia::store;
use marginalia_testkit::{
    counting_alloc::{Counting, live, peak_of},
    workload::{SEED, SIZES, two_analysts},
};
use screen::{ArticleWay, MIN_TEXT_VERTICES, READING_WIDTH, RealView, Scene, Screen};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let size = SIZES[2];
    let project = two_analysts(size.bytes, size.annotations, SEED).0;
    let doc = &project.documents()[0];
    let article = doc.text().len();
    let scene = Scene {
        project: &project,
        doc,
        revision: 0,
        reading_width: READING_WIDTH,
    };

    // The view: held after the first frame and after scrolling through the whole article.
    let mut screen = Screen::new();
    screen.frame(Vec::new(), |_| {});
    let baseline = live();
    let ((view, opened), peak_scroll) = peak_of(|| {
        let mut view = RealView::open(doc);
        assert!(screen.frame(Vec::new(), |ui| view.ui(ui, &scene)) >= MIN_TEXT_VERTICES);
        let opened = live() - baseline;
        let mut offset = 0;
        while offset < doc.char_len() {
            view.scroll_to(offset, screen.now());
            assert!(screen.frame(Vec::new(), |ui| view.ui(ui, &scene)) >= MIN_TEXT_VERTICES);
            offset += 2_000;
        }
        (view, opened)
    });
    let with_view = live();
    drop(view);
    // Two empty frames: egui lets go of the galleys the view last drew.
    screen.frame(Vec::new(), |_| {});
    screen.frame(Vec::new(), |_| {});
    let view_state = with_view.saturating_sub(live());

    // Loading the project file.
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("project.ron");
    store::save(&project, &path).expect("the project saves");
    let file = std::fs::metadata(&path).expect("the file").len();
    let baseline = live();
    let (loaded, peak_load) = peak_of(|| store::load(&path).expect("the project loads"));
    let held_load = live() - baseline;
    drop(loaded);

    println!(
        "memory at {} / {} annotations (article {} bytes, project file {} bytes)",
        size.name, size.annotations, article, file
    );
    println!("| what | heap | × article |");
    println!("| --- | --- | --- |");
    let ratio = |bytes: usize| bytes as f64 / article as f64;
    for (what, bytes) in [
        ("view state after the first frame", opened),
        ("view state after scrolling through the article", view_state),
        ("peak while scrolling (view and frame)", peak_scroll),
        ("peak while loading the project file", peak_load),
        ("loaded project, held", held_load),
    ] {
        println!("| {what} | {} | {:.1} |", mib(bytes), ratio(bytes));
    }
    let verdict = if ratio(view_state.max(opened)) <= 5.0 {
        "met"
    } else {
        "MISSED"
    };
    println!("target: view state within 5× the article: {verdict}");
}
