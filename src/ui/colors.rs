//! Colours of labels on screen: the label's own colour for chips, underlines and margin stripes,
//! and a translucent fill behind highlighted text that keeps the text readable in both themes.

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

/// The background behind text covered by annotations of `colors` (one entry per covering
/// annotation): their average, more opaque the more annotations overlap, lighter on a light
/// theme than on a dark one so that the text colour keeps its contrast.
#[must_use]
pub fn highlight_fill(colors: &[Color32], dark: bool) -> Color32 {
    if colors.is_empty() {
        return Color32::TRANSPARENT;
    }
    let n = colors.len() as u32;
    let sum = colors.iter().fold([0u32; 3], |acc, c| {
        [
            acc[0] + u32::from(c.r()),
            acc[1] + u32::from(c.g()),
            acc[2] + u32::from(c.b()),
        ]
    });
    let [r, g, b] = sum.map(|v| (v / n) as u8);
    let base: f32 = if dark { 0.38 } else { 0.26 };
    let alpha = (base + 0.10 * (n - 1).min(3) as f32).min(0.6);
    Color32::from_rgba_unmultiplied(r, g, b, (alpha * 255.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_annotations_give_a_stronger_mixed_fill() {
        let one = highlight_fill(&[Color32::from_rgb(200, 0, 0)], false);
        let two = highlight_fill(
            &[Color32::from_rgb(200, 0, 0), Color32::from_rgb(0, 0, 200)],
            false,
        );
        assert!(two.a() > one.a());
        assert_eq!(highlight_fill(&[], true), Color32::TRANSPARENT);
        assert_eq!(label_color(&Label::new("x", "X", "nonsense")), FALLBACK);
    }
}
