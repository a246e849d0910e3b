//! The window at any size: the side panels keep their widths while the article has room for 45
//! characters a line and give way (narrow, then fold) when it has not; they change width only
//! when dragged or the window resizes, never because of what is selected, typed or found; they
//! hide and show from the keyboard; and the label palette opens above the selection.

mod common;

use std::{path::Path, time::Duration};

use common::{
    span_of,
    window::{App, at_char, drag, drag_words, open_sized, press, project, shift_click_at},
};
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers, Pos2, Vec2, vec2};
use egui_kittest::kittest::{NodeT, Queryable};

/// The sample project opened in a window of `size`, from a copy in `dir`.
fn sample(dir: &Path, size: Vec2) -> App<'static> {
    let file = dir.join("sample.ron");
    std::fs::copy(
        marginalia_testkit::repository("projects/cyber-norms-sample.ron"),
        &file,
    )
    .unwrap();
    open_sized(&file, dir, size, Duration::from_secs(30))
}

fn text(app: &App<'_>) -> String {
    project(app).documents()[0].text().to_owned()
}

/// How many chars the first line of the paragraph starting with `opening` holds on screen.
fn first_line_chars(app: &App<'_>, opening: &str) -> usize {
    let start = span_of(&text(app), opening, 0).start;
    let top = app.state().char_rect(start).unwrap().top();
    (start..start + 400)
        .take_while(|&c| {
            app.state()
                .char_rect(c)
                .is_some_and(|r| (r.top() - top).abs() < 1.0)
        })
        .count()
}

/// The screen x of each of the paragraph's first 300 chars: the line breaks and positions.
fn layout_of(app: &App<'_>, opening: &str) -> Vec<(i32, i32)> {
    let start = span_of(&text(app), opening, 0).start;
    let top = app.state().char_rect(start).unwrap().top();
    (start..start + 300)
        .map(|c| {
            let r = app.state().char_rect(c).unwrap();
            (r.left().round() as i32, (r.top() - top).round() as i32)
        })
        .collect()
}

const OPENING: &str = "When diplomats meet";

#[test]
fn the_article_keeps_45_characters_a_line_at_every_window_size() {
    // (size, documents panel shown, annotations panel shown)
    let sizes = [
        (vec2(1600.0, 1000.0), true, true),
        (vec2(1000.0, 700.0), true, true),
        (vec2(800.0, 600.0), false, true),
    ];
    for (size, left, right) in sizes {
        let dir = tempfile::tempdir().unwrap();
        let app = sample(dir.path(), size);
        let chars = first_line_chars(&app, OPENING);
        assert!(chars >= 45, "{chars} chars a line at {size:?}");
        assert_eq!(app.query_by_label("Documents").is_some(), left, "{size:?}");
        assert_eq!(
            app.query_by_label("Annotations").is_some(),
            right,
            "{size:?}"
        );
        // The folded panel is still the user's choice: it comes back when there is room.
        assert!(app.state().prefs().left_panel.open);
    }
}

#[test]
fn nothing_selected_typed_or_found_reflows_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample(dir.path(), vec2(1000.0, 700.0));
    let before = layout_of(&app, OPENING);

    // Select the annotation with the longest quote among the rows in view, and write a long
    // note into it.
    let longest = project(&app).documents()[0].annotations()[..8]
        .iter()
        .max_by_key(|a| a.quote.len())
        .unwrap()
        .clone();
    app.query_all_by_label_contains(&longest.quote[..20])
        .find(|node| node.accesskit_node().role() == Role::Button)
        .expect("its row in the list")
        .click();
    app.run_steps(3);
    assert_eq!(app.state().selected(), Some(longest.id.as_str()));
    app.get_by_label("Note:").click();
    app.run_steps(2);
    app.get_by_label("Note:")
        .type_text(&"a very long note without any break ".repeat(8));
    app.run_steps(3);
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert_eq!(
        layout_of(&app, OPENING),
        before,
        "after a selection and a note"
    );

    // The find bar pushes the article down, but the lines stay as they were.
    press(&mut app, Modifiers::COMMAND, Key::F);
    app.get_by_label("Find:").type_text("diligence");
    app.run_steps(3);
    let found = layout_of(&app, OPENING);
    assert_eq!(found, before, "after opening the find bar");
}

#[test]
fn the_side_panels_hide_and_show_by_key_and_the_article_takes_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample(dir.path(), vec2(1000.0, 700.0));
    let narrow = first_line_chars(&app, OPENING);

    press(&mut app, Modifiers::COMMAND, Key::B);
    assert!(app.query_by_label("Documents").is_none());
    assert!(!app.state().prefs().left_panel.open);
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    assert!(app.query_by_label("Annotations").is_none());
    assert!(!app.state().prefs().right_panel.open);
    assert!(first_line_chars(&app, OPENING) > narrow);

    press(&mut app, Modifiers::COMMAND, Key::B);
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    assert!(app.query_by_label("Documents").is_some());
    assert!(app.query_by_label("Annotations").is_some());
    assert_eq!(first_line_chars(&app, OPENING), narrow);
}

#[test]
fn dragging_a_panels_edge_resizes_it_and_the_width_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample(dir.path(), vec2(1600.0, 1000.0));
    let width = app.state().prefs().right_panel.width;
    let edge = 1600.0 - width;
    let grip = Pos2::new(edge, 500.0);
    drag(&mut app, grip, grip - vec2(80.0, 0.0));
    let wider = app.state().prefs().right_panel.width;
    assert!(
        (wider - (width + 80.0)).abs() < 3.0,
        "{width} became {wider}"
    );
    // The annotations heading moved left with the edge.
    let heading = app.get_by_label("Annotations").rect();
    assert!(heading.left() < edge - 60.0, "{heading:?}");
}

#[test]
fn the_palette_opens_above_the_selection_leaving_the_next_line_free_for_shift_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample(dir.path(), vec2(1000.0, 700.0));
    let text = text(&app);
    drag_words(&mut app, &text, "responsible", "behaviour");
    assert!(app.state().palette_open());
    let selection = app.state().text_selection().unwrap();
    let first_line = app.state().char_rect(selection.start).unwrap();
    let palette = app.get_by_role_and_label(Role::Button, "1  Claim").rect();
    assert!(
        palette.bottom() <= first_line.top(),
        "palette {palette:?} over the selection's line {first_line:?}"
    );

    // Shift+click on the next line extends the selection there.
    let next_line = span_of(&text, "quiet disagreement", 0).start + 2;
    let target = at_char(&app, next_line);
    assert!(!palette.contains(target));
    shift_click_at(&mut app, target);
    app.run_steps(4);
    let extended = app.state().text_selection().unwrap();
    assert_eq!(extended.start, selection.start);
    assert_eq!(extended.end, span_of(&text, "quiet", 0).end);
}
