//! The "Key: …" submenu of a label or a relation kind: no key, or one of the keys no other item
//! uses.

use eframe::egui::Ui;

/// Shows the submenu for an item whose key is `current`, offering `keys` except those `taken`;
/// returns the key chosen (`Some(None)`: no key) when it differs from `current`.
pub fn key_menu_ui(
    ui: &mut Ui,
    current: Option<char>,
    keys: impl Iterator<Item = char>,
    taken: impl Fn(char) -> bool,
    hover: &str,
) -> Option<Option<char>> {
    let shown = current.map_or("none".to_owned(), |k| k.to_string());
    let mut chosen = None;
    ui.menu_button(format!("Key: {shown}"), |ui| {
        let mut choose = |ui: &mut Ui, key: Option<char>, text: String| {
            if ui.selectable_label(current == key, text).clicked() {
                if current != key {
                    chosen = Some(key);
                }
                ui.close();
            }
        };
        choose(ui, None, "No key".to_owned());
        for key in keys.filter(|k| !taken(*k)) {
            choose(ui, Some(key), key.to_string());
        }
    })
    .response
    .on_hover_text(hover);
    chosen
}
