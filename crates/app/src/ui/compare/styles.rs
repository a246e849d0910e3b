//! How each kind of agreement or difference looks in the compare view, and the legend that says
//! so. The fill is the label's colour; the line under the text tells the kind apart.

use eframe::egui::{Color32, Stroke, TextFormat, Ui, text::LayoutJob};

use crate::compare::ItemKind;

/// The look of one passage in one analyst's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Every analyst has the same span and label.
    Agreement,
    /// This analyst has the passage and some others do not.
    Extra,
    /// Others have a passage here and this analyst does not.
    Missing,
    LabelConflict,
    BoundaryConflict,
    LabelAndBoundaryConflict,
}

impl Style {
    /// The style of an analyst's own annotation in an item of `kind`.
    #[must_use]
    pub fn of(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Agreement => Self::Agreement,
            ItemKind::OnlyIn => Self::Extra,
            ItemKind::LabelConflict => Self::LabelConflict,
            ItemKind::BoundaryConflict => Self::BoundaryConflict,
            ItemKind::LabelAndBoundaryConflict => Self::LabelAndBoundaryConflict,
        }
    }

    const ALL: [Self; 6] = [
        Self::Agreement,
        Self::Extra,
        Self::Missing,
        Self::LabelConflict,
        Self::BoundaryConflict,
        Self::LabelAndBoundaryConflict,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::Extra => "only here",
            Self::Missing => "missing here",
            Self::LabelConflict => "label differs",
            Self::BoundaryConflict => "boundaries differ",
            Self::LabelAndBoundaryConflict => "label and boundaries differ",
        }
    }

    /// The colour of the line under the text (colour-blind safe where it can be).
    #[must_use]
    pub fn line_color(self, dark: bool) -> Color32 {
        match self {
            Self::Agreement => Color32::TRANSPARENT,
            Self::Extra => Color32::from_rgb(0xE6, 0x9F, 0x00),
            Self::Missing => {
                if dark {
                    Color32::from_gray(170)
                } else {
                    Color32::from_gray(110)
                }
            }
            Self::LabelConflict => Color32::from_rgb(0xCC, 0x79, 0xA7),
            Self::BoundaryConflict => Color32::from_rgb(0x56, 0xB4, 0xE9),
            Self::LabelAndBoundaryConflict => Color32::from_rgb(0xAA, 0x33, 0x77),
        }
    }

    /// Decorates `format` for this style: `fill` is the label's colour (ignored for missing).
    pub fn apply(self, format: &mut TextFormat, fill: Color32, current: bool, dark: bool) {
        let alpha = match (current, dark) {
            (true, _) => 150,
            (false, true) => 95,
            (false, false) => 70,
        };
        format.background = match self {
            Self::Missing => {
                let gray = if dark { 90 } else { 200 };
                Color32::from_rgba_unmultiplied(gray, gray, gray, if current { 200 } else { 140 })
            }
            _ => Color32::from_rgba_unmultiplied(fill.r(), fill.g(), fill.b(), alpha),
        };
        if self != Self::Agreement {
            format.underline = Stroke::new(if current { 3.0 } else { 2.0 }, self.line_color(dark));
        }
        if self == Self::Missing {
            format.italics = true;
        }
    }
}

/// One line of samples, one per style.
pub fn legend_ui(ui: &mut Ui, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Legend:");
        let fill = Color32::from_rgb(0x88, 0x88, 0x88);
        for style in Style::ALL {
            let mut job = LayoutJob::default();
            let mut format = TextFormat {
                color: ui.visuals().strong_text_color(),
                ..TextFormat::default()
            };
            style.apply(&mut format, fill, false, dark);
            job.append(style.name(), 0.0, format);
            ui.label(job);
        }
    });
}
