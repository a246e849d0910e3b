//! Keyboard shortcuts: one definition used by the key handling, the menus (shown beside their
//! entries) and Help > Keyboard shortcuts.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

pub const NEW: KeyboardShortcut = command(Key::N);
pub const OPEN: KeyboardShortcut = command(Key::O);
pub const SAVE: KeyboardShortcut = command(Key::S);
pub const SAVE_AS: KeyboardShortcut = command_shift(Key::S);
pub const QUIT: KeyboardShortcut = command(Key::Q);
pub const UNDO: KeyboardShortcut = command(Key::Z);
pub const REDO: KeyboardShortcut = command_shift(Key::Z);
pub const REDO_ALT: KeyboardShortcut = command(Key::Y);
pub const FIND: KeyboardShortcut = command(Key::F);
/// Search every document, in the analysis panel.
pub const SEARCH_ALL: KeyboardShortcut = command_shift(Key::F);
pub const EXPORT: KeyboardShortcut = command(Key::E);
/// Show or hide the documents-and-labels panel (left) and the annotations panel (right).
pub const TOGGLE_LEFT_PANEL: KeyboardShortcut = command(Key::B);
pub const TOGGLE_RIGHT_PANEL: KeyboardShortcut = command_shift(Key::B);
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
/// Look at the next or previous suggestion (in the whole run, across documents).
pub const NEXT_SUGGESTION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F8);
pub const PREVIOUS_SUGGESTION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);
/// Accept or reject the suggestion looked at (while no annotation is selected).
pub const ACCEPT_SUGGESTION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Enter);
pub const REJECT_SUGGESTION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);

/// Every gesture and key, for the help window: (keys, what they do).
pub const HELP_TABLE: &[(&str, &str)] = &[
    (
        "Drag over text",
        "Select a passage (grows to whole words with View > Snap to words)",
    ),
    ("Double-click / triple-click", "Select a word / a paragraph"),
    ("Shift+click", "Extend the selection"),
    (
        "1 – 9",
        "Tag the selection with the label of that key (or relabel the selected annotation)",
    ),
    (
        "Escape",
        "Cancel the selection, close the palette or the find bar",
    ),
    (
        "Click a highlight",
        "Select its annotation; click again to cycle through overlapping ones",
    ),
    (
        "Right-click a highlight",
        "Relabel, edit note, copy quote, delete",
    ),
    (
        "Delete / Backspace",
        "Delete the selected annotation (and the relations that link it)",
    ),
    (
        "Alt+Left / Alt+Right",
        "Move the selected annotation's start by a word",
    ),
    ("Alt+Shift+Left / Alt+Shift+Right", "Move its end by a word"),
    (
        "L",
        "Link the selected annotation: a list of the annotations it can link to, nearest first; \
         type to filter, Up/Down, Enter links, Tab or Alt+a kind's key chooses the kind, or click \
         a highlight",
    ),
    (
        "Shift+L",
        "Link the selected annotation to the one selected (or tagged) just before it",
    ),
    (
        "Drag from the handle after a highlight",
        "Link the selected annotation to the highlight you drop on (a list asks where several \
         overlap)",
    ),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("Ctrl+F", "Find in the article"),
    (
        "Ctrl+Shift+F",
        "Search every document and tag the hits (the analysis panel)",
    ),
    ("Enter / Shift+Enter", "Next / previous find hit"),
    ("Ctrl+N", "New project from article…"),
    ("Ctrl+O", "Open project…"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as…"),
    (
        "Ctrl+E",
        "Export… (CSV, brat, W3C, REFI-QDA, HTML report and more)",
    ),
    ("Ctrl+Q", "Quit"),
    ("Ctrl+B", "Show or hide the documents and labels panel"),
    ("Ctrl+Shift+B", "Show or hide the annotations panel"),
    (
        "Ctrl+Plus / Ctrl+Minus / Ctrl+0",
        "Zoom the whole window in / out / back to 100 %",
    ),
    ("F1", "Keyboard shortcuts"),
    (
        "F8 / Shift+F8",
        "Look at the next / previous suggestion (Suggest > Suggest in this document first)",
    ),
    (
        "Suggestion: Enter / Delete",
        "Accept it (a claim with its source, linked) / reject it (not proposed again)",
    ),
    (
        "Suggestion: Alt+arrows, Alt+Shift+arrows",
        "Move its start / its end by a word before accepting it",
    ),
    ("Suggestion: Escape", "Stop looking at it"),
    ("Compare: N / P", "Next / previous difference"),
    (
        "Compare: A / B / C …",
        "Accept that analyst's version of the current difference",
    ),
    ("Compare: K", "Keep both (all) versions"),
    ("Compare: X", "Drop the difference"),
    ("Compare: U", "Undecide it again"),
    (
        "Tab (in a typed path)",
        "Complete the file or folder name; the matching files are listed",
    ),
    (
        "Drop a file on the window",
        "A project opens; an article is added to the project",
    ),
    (
        "Choose a label in the left panel",
        "Fast mode: every drag is tagged with it at once",
    ),
];
