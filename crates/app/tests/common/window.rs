//! The window opened headless for egui_kittest tests: a project in a fresh data folder, typed
//! paths instead of native dialogs, settled after its first frames; and the pointer and key
//! gestures the tests make on it (real events, as a user's).

use std::{path::Path, time::Duration};

use eframe::egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2, vec2};
use egui_kittest::{Harness, kittest::Queryable};
use marginalia::{
    model::Project,
    ui::{AppConfig, MarginaliaApp, Start, prefs::Prefs},
};

pub type App<'a> = Harness<'a, MarginaliaApp>;

/// The app opened on `file`, keeping its files in `data`.
pub fn open(file: &Path, data: &Path) -> App<'static> {
    open_sized(file, data, vec2(1400.0, 900.0), Duration::from_secs(30))
}

/// The app opened on `file` in a window of `size`, writing recovery copies after `recovery`.
pub fn open_sized(file: &Path, data: &Path, size: Vec2, recovery: Duration) -> App<'static> {
    build(file, data, size, recovery, 0.25)
}

/// The app opened on `file` with frames `step_dt` seconds apart (short ones let two clicks make
/// a double-click).
pub fn open_stepping(file: &Path, data: &Path, step_dt: f32) -> App<'static> {
    build(
        file,
        data,
        vec2(1400.0, 900.0),
        Duration::from_secs(30),
        step_dt,
    )
}

fn build(file: &Path, data: &Path, size: Vec2, recovery: Duration, step_dt: f32) -> App<'static> {
    let file = file.to_owned();
    let config = AppConfig {
        data_dir: data.to_owned(),
        recovery_interval: recovery,
        native_dialogs: false,
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(step_dt)
        .build_eframe(move |_cc| {
            MarginaliaApp::with_prefs(Start::Path(file), config, Prefs::default())
        });
    harness.run_steps(3);
    harness
}

/// The open project.
pub fn project<'a>(app: &'a App<'_>) -> &'a Project {
    app.state().workspace().project()
}

/// Screen point inside the glyph of char `offset` of the shown document.
pub fn at_char(app: &App<'_>, offset: usize) -> Pos2 {
    let rect = app.state().char_rect(offset).expect("char is on screen");
    rect.center() + vec2(2.0, 0.0)
}

/// The primary button pressed or released at `pos`.
pub fn button(app: &App<'_>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    app.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// Press at `from`, move through the middle to `to`, release: a real drag.
pub fn drag(app: &mut App<'_>, from: Pos2, to: Pos2) {
    app.event(Event::PointerMoved(from));
    button(app, from, true, Modifiers::NONE);
    app.step();
    for t in [0.3, 0.7, 1.0] {
        app.event(Event::PointerMoved(from + (to - from) * t));
        app.step();
    }
    button(app, to, false, Modifiers::NONE);
    app.step();
    app.step();
}

/// Drags from inside the first char of `from` to inside the last char of `to` (the first
/// occurrences of both in `text`, the shown document's text).
pub fn drag_words(app: &mut App<'_>, text: &str, from: &str, to: &str) {
    let start = super::span_of(text, from, 0).start;
    let end = super::span_of(text, to, 0).end - 1;
    let (a, b) = (at_char(app, start), at_char(app, end));
    drag(app, a, b);
}

/// A single click at `pos`, then enough time that the next click is not a double-click.
pub fn click_at(app: &mut App<'_>, pos: Pos2) {
    app.event(Event::PointerMoved(pos));
    button(app, pos, true, Modifiers::NONE);
    app.step();
    button(app, pos, false, Modifiers::NONE);
    app.step();
    app.run_steps(2);
}

/// A click at `pos` with Shift held down (extends a selection).
pub fn shift_click_at(app: &mut App<'_>, pos: Pos2) {
    app.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        let event = Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        };
        app.event_modifiers(event, Modifiers::SHIFT);
        app.step();
    }
}

/// A click on the widget named `label`.
pub fn click_label(app: &mut App<'_>, label: &str) {
    app.get_by_label(label).click();
    app.run_steps(2);
}

/// A key press with `modifiers`, and the frames it takes to act. A digit or letter without a
/// command modifier also types its character, as a real keyboard does.
pub fn press(app: &mut App<'_>, modifiers: Modifiers, key: Key) {
    app.key_press_modifiers(modifiers, key);
    let name = key.name();
    let printable = name.chars().count() == 1 && name.chars().all(|c| c.is_ascii_alphanumeric());
    if printable && !modifiers.command && !modifiers.ctrl && !modifiers.alt {
        let text = if modifiers.shift {
            name.to_owned()
        } else {
            name.to_lowercase()
        };
        app.event(Event::Text(text));
    }
    app.run_steps(2);
}
