//! Relations drawn over the article: an arrow from each relation's first passage to the other,
//! in its kind's colour with the kind's name — an arc over the line when both ends share it, a
//! curve through the right margin otherwise, and an arrow off the edge of the view with the other
//! end's quote when that end is far away. By default only the selected annotation's relations are
//! drawn; an option draws every relation in view. Also the handle a link is dragged from.
//! Offsets are chars of the document.

use std::collections::HashSet;

use eframe::egui::{
    Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, epaint::CubicBezierShape, pos2,
    vec2,
};

use crate::{
    model::{Document, Project, Relation, Span},
    ui::colors::band_color,
};

/// Radius of the link handle at the end of the selected annotation, in points.
pub const HANDLE_RADIUS: f32 = 5.0;

/// Where a passage is on screen: the top-left of its first char and the bottom-right of its
/// last, each `None` when that part is not laid out; and its estimated top (content y → screen)
/// for when it is not.
pub struct Ends {
    pub first: Option<Rect>,
    pub estimated_top: f32,
}

/// What the drawing needs to know of the view.
pub struct Canvas<'a> {
    pub painter: &'a Painter,
    /// The visible part of the article on screen.
    pub visible: Rect,
    /// The reading column's right edge on screen.
    pub column_right: f32,
    pub dark: bool,
    pub text_color: Color32,
}

/// The relations to draw: those of `selected`, or every relation with an end in `shown` (chars
/// of the blocks in view) when `all` is set.
pub fn to_draw<'d>(
    doc: &'d Document,
    selected: Option<&str>,
    all: bool,
    shown: Span,
) -> Vec<&'d Relation> {
    if !all {
        return doc
            .relations()
            .iter()
            .filter(|r| selected.is_some_and(|s| r.from == s || r.to == s))
            .collect();
    }
    // The ids in view, found through the document's span index: one hash lookup per end then,
    // not a search of every annotation.
    let in_view: HashSet<&str> = doc.annotations_in(shown).map(|a| a.id.as_str()).collect();
    doc.relations()
        .iter()
        .filter(|r| in_view.contains(r.from.as_str()) || in_view.contains(r.to.as_str()))
        .collect()
}

impl Canvas<'_> {
    /// Draws `relation` between passages at `from` and `to`.
    pub fn relation(
        &self,
        project: &Project,
        doc: &Document,
        relation: &Relation,
        from: &Ends,
        to: &Ends,
    ) {
        let color = project
            .relation_kind(&relation.kind)
            .and_then(crate::model::RelationKind::rgb)
            .map_or(Color32::GRAY, |[r, g, b]| Color32::from_rgb(r, g, b));
        let color = band_color(color, self.dark);
        let name = project
            .relation_kind(&relation.kind)
            .map_or(relation.kind.as_str(), |k| k.name.as_str());
        let point = |ends: &Ends| {
            ends.first.map_or_else(
                || pos2(self.column_right - 40.0, ends.estimated_top),
                |r| pos2(r.min.x + 4.0, r.min.y),
            )
        };
        let (p, q) = (point(from), point(to));
        let stroke = Stroke::new(1.8, color);
        let same_line = from
            .first
            .zip(to.first)
            .is_some_and(|(a, b)| (a.min.y - b.min.y).abs() < 2.0);
        let (c1, c2, middle) = if same_line {
            let lift = ((q.x - p.x).abs() / 4.0).clamp(14.0, 40.0);
            let c1 = p - vec2(0.0, lift);
            let c2 = q - vec2(0.0, lift);
            (c1, c2, pos2((p.x + q.x) / 2.0, p.y - lift * 0.75))
        } else {
            let x = self.column_right + 24.0;
            (
                pos2(x, p.y),
                pos2(x, q.y),
                pos2(self.column_right + 18.0, (p.y + q.y) / 2.0),
            )
        };
        let curve = CubicBezierShape::from_points_stroke(
            [p, c1, c2, q],
            false,
            Color32::TRANSPARENT,
            stroke,
        );
        self.painter.add(Shape::CubicBezier(curve));
        self.arrow_head(c2, q, color);
        self.painter.circle_filled(p, 2.5, color);
        // The kind's name where the arrow runs, on the page's colour so it stays readable.
        let far = [from, to].iter().any(|e| e.first.is_none());
        let label = if far {
            let other = doc
                .annotation(if from.first.is_none() {
                    &relation.from
                } else {
                    &relation.to
                })
                .map(|a| crate::ui::widgets::shorten(&a.quote, 28))
                .unwrap_or_default();
            format!("{name} “{other}”")
        } else {
            name.to_owned()
        };
        let at = pos2(
            middle.x,
            middle
                .y
                .clamp(self.visible.top() + 10.0, self.visible.bottom() - 10.0),
        );
        let galley = self
            .painter
            .layout_no_wrap(label, FontId::proportional(11.0), color);
        let align = if same_line {
            Align2::CENTER_CENTER
        } else {
            Align2::LEFT_CENTER
        };
        let mut rect = align.anchor_size(at, galley.size()).expand(2.0);
        // Kept on screen: the margin beside the column may be narrower than the name.
        let overflow = rect.right() - (self.visible.right() - 4.0);
        if overflow > 0.0 {
            rect = rect.translate(vec2(-overflow, 0.0));
        }
        let background = if self.dark {
            Color32::from_black_alpha(200)
        } else {
            Color32::from_white_alpha(220)
        };
        self.painter.rect_filled(rect, 2.0, background);
        self.painter
            .galley(rect.min + vec2(2.0, 2.0), galley, self.text_color);
    }

    fn arrow_head(&self, towards_from: Pos2, tip: Pos2, color: Color32) {
        let direction = (tip - towards_from).normalized();
        if !direction.is_finite() {
            return;
        }
        let side = vec2(-direction.y, direction.x);
        let back = tip - direction * 8.0;
        self.painter.add(Shape::convex_polygon(
            vec![tip, back + side * 4.0, back - side * 4.0],
            color,
            Stroke::NONE,
        ));
    }

    /// The handle a link is dragged from, just after the selected passage's last char.
    pub fn handle(&self, at: Pos2, color: Color32, hovered: bool) {
        let radius = if hovered {
            HANDLE_RADIUS + 1.5
        } else {
            HANDLE_RADIUS
        };
        self.painter
            .circle(at, radius, color, Stroke::new(1.5, self.text_color));
    }

    /// The link being dragged: from the handle to the pointer.
    pub fn dragging(&self, from: Pos2, to: Pos2, color: Color32) {
        self.painter
            .line_segment([from, to], Stroke::new(2.0, color));
        self.arrow_head(from, to, color);
    }
}

impl super::ArticleView {
    /// Draws the relations to show, the selected annotation's link handle and a link being
    /// dragged; `content` is the article's whole area on screen, `shown` the chars in view.
    pub(super) fn relations_ui(
        &mut self,
        ui: &eframe::egui::Ui,
        content: Rect,
        shown: Span,
        input: &super::ViewInput<'_>,
        typography: &super::Typography,
    ) {
        self.handle = None;
        let painter = ui.painter_at(ui.clip_rect());
        let canvas = Canvas {
            painter: &painter,
            visible: ui.clip_rect(),
            column_right: self
                .column_origin
                .map_or(content.right(), |o| o.x + typography.wrap_width),
            dark: typography.dark,
            text_color: typography.text_color,
        };
        let doc = input.doc;
        let ends = |id: &str| {
            doc.annotation(id).map(|a| Ends {
                first: self.char_rect(a.start),
                estimated_top: content.top() + self.y_of_char(a.start),
            })
        };
        for relation in to_draw(doc, input.selected, input.all_relations, shown) {
            if let (Some(from), Some(to)) = (ends(&relation.from), ends(&relation.to)) {
                canvas.relation(input.project, doc, relation, &from, &to);
            }
        }
        let Some(selected) = input.selected.and_then(|id| doc.annotation(id)) else {
            return;
        };
        let Some(last) = self.last_row_rect(selected.span()) else {
            return;
        };
        let color = input
            .project
            .label(&selected.label)
            .map_or(Color32::GRAY, crate::ui::colors::label_color);
        // At the top corner after the last char: clear of the next word on the line.
        let at = pos2(last.max.x + HANDLE_RADIUS, last.min.y + 1.0);
        let hovered = ui
            .input(|i| i.pointer.hover_pos())
            .is_some_and(|p| p.distance(at) <= HANDLE_RADIUS + 3.0);
        canvas.handle(at, color, hovered || self.link_drag);
        if hovered {
            ui.ctx().set_cursor_icon(eframe::egui::CursorIcon::Alias);
        }
        self.handle = Some(at);
        if self.link_drag
            && let Some(pointer) = ui.input(|i| i.pointer.interact_pos())
        {
            canvas.dragging(at, pointer, color);
            ui.ctx().request_repaint();
        }
    }

    /// The screen rect of the last row of `span` (chars), if its last block is laid out.
    fn last_row_rect(&self, span: Span) -> Option<Rect> {
        let origin = self.column_origin?;
        let index = super::blocks::block_at_char(&self.layout.blocks, span.end.saturating_sub(1));
        let block = &self.layout.blocks[index];
        let galley = self.layout.galley(index)?;
        let start = span.start.max(block.span.start) - block.span.start;
        let end = span
            .end
            .min(block.span.end)
            .saturating_sub(block.span.start);
        let last = *super::geometry::range_rects(galley, start, end).last()?;
        Some(last.translate(origin.to_vec2() + self.layout.block_origin(index)))
    }
}
