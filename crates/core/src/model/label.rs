//! `Label`: a code an analyst tags passages with (claim, source, norm, or their own).

use serde::{Deserialize, Serialize};

/// A code in the project's codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Stable identifier referenced by annotations (`annotations[].label`).
    pub id: String,
    /// Name shown to the analyst.
    pub name: String,
    /// Colour as `#RRGGBB`.
    pub color: String,
    /// Keyboard key that applies the label (`'1'`–`'9'` by convention).
    #[serde(default)]
    pub key: Option<char>,
    /// What the label means: the coding instruction.
    #[serde(default)]
    pub description: String,
}

/// Colours for labels, in the order new labels receive them: the Okabe–Ito palette's colours that
/// keep at least 3:1 contrast against both a white page and the window's dark panel (#1B1B1B), so they
/// stay distinct for colour-blind readers and readable in light and dark themes.
pub const PALETTE: [&str; 4] = ["#D55E00", "#0072B2", "#009E73", "#CC79A7"];

impl Label {
    /// A label with no key and no description.
    #[must_use]
    pub fn new(id: &str, name: &str, color: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            color: color.to_owned(),
            key: None,
            description: String::new(),
        }
    }

    /// The colour as RGB bytes, if it is a well-formed `#RRGGBB`.
    #[must_use]
    pub fn rgb(&self) -> Option<[u8; 3]> {
        parse_color(&self.color)
    }
}

/// Parses `#RRGGBB` (either case) into RGB bytes.
#[must_use]
pub fn parse_color(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// RGB bytes as `#RRGGBB` (uppercase), the form every stored colour takes.
#[must_use]
pub fn color_hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The labels a new project starts with: Claim (key 1), Source (key 2), Norm (key 3).
#[must_use]
pub fn default_labels() -> Vec<Label> {
    let label = |id: &str, name: &str, color: &str, key: char, description: &str| Label {
        key: Some(key),
        description: description.to_owned(),
        ..Label::new(id, name, color)
    };
    vec![
        label(
            "claim",
            "Claim",
            PALETTE[0],
            '1',
            "Something the text asserts to be true, likely or necessary.",
        ),
        label(
            "source",
            "Source",
            PALETTE[1],
            '2',
            "Who or what a claim is attributed to: a person, office, document or report.",
        ),
        label(
            "norm",
            "Norm",
            PALETTE[2],
            '3',
            "A rule, principle or commitment invoked as binding or expected conduct.",
        ),
    ]
}

/// The first palette colour no label uses yet (the first colour when all are taken).
#[must_use]
pub fn next_free_color(labels: &[Label]) -> &'static str {
    PALETTE
        .iter()
        .find(|c| !labels.iter().any(|l| l.color.eq_ignore_ascii_case(c)))
        .unwrap_or(&PALETTE[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Linear RGB as seen with a dichromacy (Viénot, Brettel & Mollon 1999 matrices).
    fn simulate(rgb: [u8; 3], m: [[f64; 3]; 3]) -> [f64; 3] {
        let lin = |c: u8| (f64::from(c) / 255.0).powf(2.2);
        let v = [lin(rgb[0]), lin(rgb[1]), lin(rgb[2])];
        [0, 1, 2].map(|i| m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2])
    }

    #[test]
    fn palette_is_readable_on_light_and_dark_backgrounds() {
        for color in PALETTE {
            let rgb = parse_color(color).expect("palette colour parses");
            assert!(contrast(rgb, [255, 255, 255]) >= 3.0, "{color} on white");
            assert!(contrast(rgb, [0x1B, 0x1B, 0x1B]) >= 3.0, "{color} on dark");
        }
    }

    #[test]
    fn default_labels_stay_distinct_for_colour_blind_readers() {
        let protan = [
            [0.11238, 0.88762, 0.0],
            [0.11238, 0.88762, 0.0],
            [0.00401, -0.00401, 1.0],
        ];
        let deutan = [
            [0.29275, 0.70725, 0.0],
            [0.29275, 0.70725, 0.0],
            [-0.02234, 0.02234, 1.0],
        ];
        let labels = default_labels();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                for (name, m) in [("protanopia", protan), ("deuteranopia", deutan)] {
                    let (sa, sb) = (simulate(a.rgb().unwrap(), m), simulate(b.rgb().unwrap(), m));
                    let distance = (0..3).map(|k| (sa[k] - sb[k]).powi(2)).sum::<f64>().sqrt();
                    assert!(
                        distance > 0.15,
                        "{} vs {} under {name}: {distance}",
                        a.id,
                        b.id
                    );
                }
            }
        }
    }

    #[test]
    fn defaults_have_keys_one_to_three() {
        let keys: Vec<_> = default_labels()
            .iter()
            .map(|l| (l.id.clone(), l.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("claim".into(), Some('1')),
                ("source".into(), Some('2')),
                ("norm".into(), Some('3'))
            ]
        );
    }

    #[test]
    fn colours_parse_strictly() {
        let cases = [
            ("#D55E00", Some([0xD5, 0x5E, 0x00])),
            ("#d55e00", Some([0xD5, 0x5E, 0])),
            ("D55E00", None),
            ("#D55E0", None),
            ("#D55E0G", None),
            ("#D55E000", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_color(text), expected, "{text}");
        }
        assert_eq!(next_free_color(&default_labels()), PALETTE[3]);
    }
}
