//! The benchmarks' window-less frames are honest: the article view and the naive single-`Label`
//! way both draw the text in view on every frame while scrolling through a whole generated
//! article, and the view keeps drawing after galleys far behind it were dropped and it scrolls
//! back. Offsets are chars.

#[path = "../benches/support/naive.rs"]
mod naive;
#[path = "../benches/support/screen.rs"]
mod screen;

use marginalia_testkit::workload::{SEED, two_analysts};
use naive::NaiveLabel;
use screen::{ArticleWay, MIN_TEXT_VERTICES, READING_WIDTH, RealView, Scene, Screen};

fn scroll_through(way: &mut dyn ArticleWay, scene: &Scene<'_>, offsets: &[usize]) {
    let mut screen = Screen::new();
    for &offset in offsets {
        way.scroll_to(offset, screen.now());
        let vertices = screen.frame(Vec::new(), |ui| way.ui(ui, scene));
        assert!(
            vertices >= MIN_TEXT_VERTICES,
            "{vertices} vertices at char {offset}: the text in view was not drawn"
        );
    }
}

#[test]
fn both_ways_draw_the_text_in_view_on_every_frame_down_and_back_up() {
    let (project, _) = two_analysts(60_000, 600, SEED);
    let doc = &project.documents()[0];
    let scene = Scene {
        project: &project,
        doc,
        revision: 0,
        reading_width: READING_WIDTH,
    };
    let down: Vec<usize> = (0..doc.char_len()).step_by(700).collect();
    let back: Vec<usize> = down.iter().rev().copied().collect();
    let offsets = [down, back].concat();
    scroll_through(&mut RealView::open(doc), &scene, &offsets);
    scroll_through(&mut NaiveLabel::open(), &scene, &offsets);
}
