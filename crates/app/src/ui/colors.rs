//! Colours of labels on screen: the label's own colour for chips, bands and margin stripes, and
//! a translucent fill behind highlighted text that keeps the text readable in both themes.

use eframe::egui::Color32;

use crate::model::Label;

/// Shown for a label whose stored colour cannot be read.
const FALLBACK: Color32 = Color32::from_rgb(0x88, 0x88, 0x88);

/// The label's colour, opaque.
#[must_use]
pub fn label_color(label: &Label) -> Color32 {
    label
        .rgb()
        .map_or(FALLBACK, |[r, g, b]| Color32::from_rgb(r, g, b))
}

/// The background behind text whose innermost annotation has label colour `color`: translucent,
/// lighter on a light theme than on a dark one so that the text colour keeps its contrast.
/// Overlaps never mix fills; outer annotations show as bands (see the article's decorations).
#[must_use]
pub fn highlight_fill(color: Color32, dark: bool) -> Color32 {
    let alpha: f32 = if dark { 0.42 } else { 0.24 };
    Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), (alpha * 255.0) as u8)
}

/// A label colour as drawn for a band or stripe on the theme's background: on a dark theme a
/// little lighter, so that dark label colours (a deep blue) do not sink into the panel.
#[must_use]
pub fn band_color(color: Color32, dark: bool) -> Color32 {
    if !dark {
        return color;
    }
    let lift = |v: u8| v + ((255 - v) as f32 * 0.25) as u8;
    Color32::from_rgb(lift(color.r()), lift(color.g()), lift(color.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fill_keeps_its_label_colour_and_is_stronger_on_a_dark_theme() {
        let red = Color32::from_rgb(200, 0, 0);
        let (light, dark) = (highlight_fill(red, false), highlight_fill(red, true));
        assert!(dark.a() > light.a());
        assert_eq!(
            light,
            Color32::from_rgba_unmultiplied(200, 0, 0, light.a()),
            "no other colour mixed in"
        );
        assert!(band_color(Color32::from_rgb(0, 0x72, 0xB2), true).b() > 0xB2);
        assert_eq!(band_color(red, false), red);
        assert_eq!(label_color(&Label::new("x", "X", "nonsense")), FALLBACK);
    }
}
