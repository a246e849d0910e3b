//! The two side panels around the article: how wide each is this frame, and the panel itself
//! with a handle on its inner edge to resize it. A panel's width changes only when the user drags
//! that handle or the window's width changes — never because of what the panel shows — and below
//! a window width the panels narrow, then fold (left first), so that the article keeps at least
//! [`ARTICLE_MIN_CHARS`] characters a line. Widths are points.

use eframe::egui::{self, CursorIcon, Id, Rect, Sense, Ui, UiBuilder, pos2};
use serde::{Deserialize, Serialize};

/// The fewest characters a line of the article should hold before the panels give way.
pub const ARTICLE_MIN_CHARS: f32 = 45.0;

/// Which side a panel is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The narrowest the panel gets before it folds, in points.
    #[must_use]
    pub fn min_width(self) -> f32 {
        match self {
            Self::Left => 180.0,
            Self::Right => 240.0,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Self::Left => "documents-and-labels",
            Self::Right => "annotations",
        }
    }
}

/// A side panel as the user left it: shown or hidden, and its width (points). Remembered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PanelPrefs {
    pub open: bool,
    pub width: f32,
}

/// The widths the panels get this frame; `None` for a panel that is hidden or folded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub left: Option<f32>,
    pub right: Option<f32>,
}

/// Fits the open panels into a window `total` points wide so that `article` points remain for
/// the article: first each as wide as the user left it; else both narrowed towards their
/// minimum; else the left folded (and the right narrowed); else both folded.
#[must_use]
pub fn fit(total: f32, article: f32, left: PanelPrefs, right: PanelPrefs) -> Fit {
    let room = (total - article).max(0.0);
    let wanted = |prefs: PanelPrefs, side: Side| {
        prefs
            .open
            .then_some((prefs.width.max(side.min_width()), side.min_width()))
    };
    let (l, r) = (wanted(left, Side::Left), wanted(right, Side::Right));
    let candidates = [(l, r), (None, r), (None, None)];
    for (l, r) in candidates {
        let sum = |f: fn((f32, f32)) -> f32| l.map_or(0.0, f) + r.map_or(0.0, f);
        let (full, least) = (sum(|w| w.0), sum(|w| w.1));
        if full <= room {
            return Fit {
                left: l.map(|w| w.0),
                right: r.map(|w| w.0),
            };
        }
        if least <= room {
            // Narrow each in proportion to what it has above its minimum.
            let share = (room - least) / (full - least);
            let narrowed = |w: (f32, f32)| (w.1 + (w.0 - w.1) * share).floor();
            return Fit {
                left: l.map(narrowed),
                right: r.map(narrowed),
            };
        }
    }
    Fit {
        left: None,
        right: None,
    }
}

/// The article's minimum width for `text_size`: [`ARTICLE_MIN_CHARS`] average characters and its
/// margins (`margins`, points).
#[must_use]
pub fn article_min_width(ui: &Ui, text_size: f32, margins: f32) -> f32 {
    let font = egui::FontId::proportional(text_size);
    // A lowercase 'n' is close to the average width of a character of running text.
    let char_width = ui.fonts_mut(|fonts| fonts.glyph_width(&font, 'n'));
    ARTICLE_MIN_CHARS * char_width + margins
}

/// Shows the panel on `side` exactly `width` points wide, with `add_contents` inside. Returns the
/// width the user dragged its inner edge to, if they did this frame (clamped to `max_width`).
pub fn show(
    ui: &mut Ui,
    side: Side,
    width: f32,
    max_width: f32,
    add_contents: impl FnOnce(&mut Ui),
) -> Option<f32> {
    let panel = match side {
        Side::Left => egui::Panel::left(side.id()),
        Side::Right => egui::Panel::right(side.id()),
    };
    let shown = panel
        .resizable(false)
        .exact_size(width)
        .show(ui, |ui| {
            // The contents live in a child that the panel does not grow to fit: a row wider
            // than the panel is clipped instead of pushing the panel (and the article) over.
            let rect = ui.max_rect();
            let mut contents = ui.new_child(UiBuilder::new().max_rect(rect).layout(*ui.layout()));
            contents.shrink_clip_rect(rect);
            add_contents(&mut contents);
        })
        .response
        .rect;
    let edge = match side {
        Side::Left => shown.right(),
        Side::Right => shown.left(),
    };
    let handle = Rect::from_min_max(
        pos2(edge - 4.0, shown.top()),
        pos2(edge + 4.0, shown.bottom()),
    );
    let response = ui
        .interact(handle, Id::unique((side.id(), "resize")), Sense::drag())
        .on_hover_cursor(CursorIcon::ResizeHorizontal);
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        let stroke = ui.visuals().widgets.active.bg_stroke;
        ui.painter()
            .vline(edge, shown.y_range(), egui::Stroke::new(2.0, stroke.color));
    }
    let pointer = response
        .interact_pointer_pos()
        .filter(|_| response.dragged())?;
    let dragged = match side {
        Side::Left => pointer.x - shown.left(),
        Side::Right => shown.right() - pointer.x,
    };
    Some(dragged.clamp(side.min_width(), max_width.max(side.min_width())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT: PanelPrefs = PanelPrefs {
        open: true,
        width: 250.0,
    };
    const RIGHT: PanelPrefs = PanelPrefs {
        open: true,
        width: 320.0,
    };

    #[test]
    fn panels_keep_their_width_while_the_article_has_room() {
        let fit = fit(1600.0, 520.0, LEFT, RIGHT);
        assert_eq!((fit.left, fit.right), (Some(250.0), Some(320.0)));
    }

    #[test]
    fn panels_narrow_then_fold_left_first_as_the_window_shrinks() {
        // (window width, left, right)
        let cases = [
            (1090.0, Some(250.0), Some(320.0)),
            (1000.0, Some(208.0), Some(272.0)),
            (940.0, Some(180.0), Some(240.0)),
            (800.0, None, Some(280.0)),
            (700.0, None, None),
        ];
        for (total, left, right) in cases {
            let fit = fit(total, 520.0, LEFT, RIGHT);
            assert_eq!((fit.left, fit.right), (left, right), "at {total}");
            let used = fit.left.unwrap_or(0.0) + fit.right.unwrap_or(0.0);
            assert!(used + 520.0 <= total || (fit.left, fit.right) == (None, None));
        }
    }

    #[test]
    fn a_hidden_panel_leaves_its_room_to_the_other() {
        let hidden = PanelPrefs {
            open: false,
            ..LEFT
        };
        let fit = fit(900.0, 520.0, hidden, RIGHT);
        assert_eq!((fit.left, fit.right), (None, Some(320.0)));
    }
}
