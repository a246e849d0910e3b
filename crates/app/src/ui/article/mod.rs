//! The article view: the document's text in a reading column, every annotation highlighted, and
//! tagging by mouse (drag, double-click a word, triple-click a paragraph, shift-click to extend).
//! Lays out only the blocks near the viewport and finds blocks by binary search, so a frame
//! costs what is on screen, not the article's length. Offsets are chars of the document text.

pub(super) mod blocks;
mod cycle;
mod decorations;
pub(super) mod geometry;
pub(super) mod highlight;
mod lanes;
mod layout;
mod palette;
mod relations;

use eframe::egui::{self, Key, Pos2, Rect, ScrollArea, Sense, Ui, Vec2, WidgetInfo, vec2};

pub use highlight::{Typography, whole_document_job};
use lanes::Lanes;
use layout::Layout;

use super::{action::Action, suggestions::SuggestAction};
use crate::model::{Document, Project, Span, snap};

/// Room left of the column for the margin stripes, in points.
const MARGIN: f32 = 40.0;
/// Space above the first line, in points.
const TOP_PAD: f32 = 16.0;
/// How long a revealed annotation flashes, in seconds.
const FLASH_SECONDS: f64 = 1.2;

/// What the view shows this frame.
pub struct ViewInput<'a> {
    pub project: &'a Project,
    pub doc: &'a Document,
    pub selected: Option<&'a str>,
    /// Tag on release with this label instead of showing the palette.
    pub active_label: Option<&'a str>,
    pub snap_words: bool,
    pub text_size: f32,
    pub reading_width: f32,
    /// Find hits (chars) in order, and the one stepped to.
    pub find_hits: &'a [Span],
    pub find_current: Option<usize>,
    /// The orphan a finished selection places, instead of tagging.
    pub placing: Option<&'a str>,
    /// A link is being made from the selected annotation: a click on a highlight links to it.
    pub linking: bool,
    /// Draw every relation in view, not only the selected annotation's.
    pub all_relations: bool,
    /// The suggestions shown in this document, in text order.
    pub proposals: &'a [ShownProposal<'a>],
}

/// A suggestion drawn in the article: its index in the run, the proposal, and whether it is
/// the one looked at.
#[derive(Debug, Clone, Copy)]
pub struct ShownProposal<'a> {
    pub index: usize,
    pub proposal: &'a crate::suggest::Proposal,
    pub current: bool,
}

/// The suggestions of `proposals` over char `c`, in text order.
fn proposals_at<'p>(
    proposals: &'p [ShownProposal<'p>],
    c: usize,
) -> impl Iterator<Item = &'p ShownProposal<'p>> {
    proposals
        .iter()
        .filter(move |s| s.proposal.span.start <= c && c < s.proposal.span.end)
}

/// The selection being made with the mouse: where it started and where the pointer is (chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Selection {
    anchor: usize,
    head: usize,
}

impl Selection {
    fn span(self) -> Span {
        Span::new(self.anchor.min(self.head), self.anchor.max(self.head))
    }
}

/// View state of one document's article.
pub struct ArticleView {
    /// The SHA-256 of the text laid out: a view shows one version of a document's text.
    text_sha256: String,
    layout: Layout,
    selection: Option<Selection>,
    dragging: bool,
    /// A finished selection waiting for a label from the palette.
    palette: Option<Span>,
    context_target: Option<String>,
    /// Char to bring into view, for a few frames while heights settle.
    pending_scroll: Option<(usize, u8)>,
    flash: Option<(String, f64)>,
    /// Screen position of the column's top-left last frame.
    column_origin: Option<Pos2>,
    viewport_height: f32,
    /// The top of the article's visible area on screen last frame.
    visible_top: f32,
    /// Where the link handle of the selected annotation was drawn this frame.
    handle: Option<Pos2>,
    /// A link being dragged from the handle.
    link_drag: bool,
}

impl ArticleView {
    #[must_use]
    pub fn new(doc: &Document, text_size: f32, reading_width: f32) -> Self {
        let typography = Typography {
            text_size,
            wrap_width: reading_width,
            text_color: egui::Color32::BLACK,
            dark: false,
        };
        Self {
            text_sha256: doc.text_sha256().to_owned(),
            layout: Layout::new(doc, &typography),
            selection: None,
            dragging: false,
            palette: None,
            context_target: None,
            pending_scroll: None,
            flash: None,
            column_origin: None,
            viewport_height: 600.0,
            visible_top: 0.0,
            handle: None,
            link_drag: false,
        }
    }

    /// The room the view needs beside its reading column: the margins either side, and the
    /// central panel's own margins (points).
    pub const MARGINS: f32 = 2.0 * MARGIN + 16.0;

    /// The SHA-256 of the text this view laid out (see [`Document::text_sha256`]).
    #[must_use]
    pub fn text_sha256(&self) -> &str {
        &self.text_sha256
    }

    /// The current selection (chars), if any; not yet snapped while a drag goes on.
    #[must_use]
    pub fn selection(&self) -> Option<Span> {
        self.selection
            .map(Selection::span)
            .filter(|s| !s.is_empty())
    }

    /// Whether the label palette is showing for a finished selection.
    #[must_use]
    pub fn palette_open(&self) -> bool {
        self.palette.is_some()
    }

    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.palette = None;
    }

    /// Selects `span` (chars), as a drag over it would, without opening the palette: a label
    /// key then tags it.
    pub fn select_span(&mut self, span: Span) {
        self.selection = Some(Selection {
            anchor: span.start,
            head: span.end,
        });
        self.palette = None;
    }

    /// Scrolls to char `offset` and flashes annotation `flash`, if given.
    pub fn reveal(&mut self, offset: usize, flash: Option<String>, now: f64) {
        self.pending_scroll = Some((offset, 3));
        self.flash = flash.map(|id| (id, now + FLASH_SECONDS));
    }

    /// Where the selected annotation's link handle was drawn last frame.
    #[must_use]
    pub fn link_handle(&self) -> Option<Pos2> {
        self.handle
    }

    /// Where char `offset` is drawn on screen (a zero-width rect at its left edge), if its
    /// block was laid out.
    #[must_use]
    pub fn char_rect(&self, offset: usize) -> Option<Rect> {
        let origin = self.column_origin?;
        let index = blocks::block_at_char(&self.layout.blocks, offset);
        let galley = self.layout.galley(index)?;
        let local = offset.saturating_sub(self.layout.blocks[index].span.start);
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(local));
        Some(rect.translate(origin.to_vec2() + self.layout.block_origin(index)))
    }

    /// Shows the article and handles the pointer and keys; requests go to `actions`.
    pub fn ui(&mut self, ui: &mut Ui, input: &ViewInput<'_>, actions: &mut Vec<Action>) {
        let column = (ui.available_width() - 2.0 * MARGIN)
            .min(input.reading_width)
            .max(120.0);
        let typography = Typography {
            text_size: input.text_size,
            wrap_width: column,
            // The strongest text colour: the highlight fills must not eat into its contrast.
            text_color: ui.visuals().strong_text_color(),
            dark: ui.visuals().dark_mode,
        };
        let mut scroll = ScrollArea::vertical()
            .id_salt(("article", input.doc.id()))
            .auto_shrink(false);
        if let Some((offset, frames)) = self.pending_scroll {
            let y = self.y_of_char(offset) - self.viewport_height * 0.3;
            scroll = scroll.vertical_scroll_offset(y.max(0.0));
            self.pending_scroll = (frames > 1).then_some((offset, frames - 1));
            ui.ctx().request_repaint();
        }
        scroll.show_viewport(ui, |ui, viewport| {
            self.viewport_height = viewport.height();
            self.content_ui(ui, viewport, input, &typography, actions);
        });
        if let Some(span) = self.palette {
            if let Some(place) = self.palette_spot(span) {
                palette::ui(ui.ctx(), place, input.project, span, actions);
            }
            if actions.iter().any(|a| matches!(a, Action::Tag { .. })) {
                self.clear_selection();
            }
        }
    }

    /// Where the palette for `span` goes: above the selection's first line, so that it covers
    /// neither the selection nor the line below (where a Shift+click extends it); below the
    /// last line only when there is no room above in view.
    fn palette_spot(&self, span: Span) -> Option<palette::PaletteSpot> {
        let first = self.char_rect(span.start)?;
        if first.top() - palette::HEIGHT_GUESS > self.visible_top {
            return Some(palette::PaletteSpot::Above(first.left_top()));
        }
        let last = self.char_rect(span.end)?;
        Some(palette::PaletteSpot::Below(last.left_bottom()))
    }

    /// Top of char `offset` relative to the content's top, in points.
    fn y_of_char(&self, offset: usize) -> f32 {
        let index = blocks::block_at_char(&self.layout.blocks, offset);
        let within = self.layout.galley(index).map_or(0.0, |galley| {
            let local = offset.saturating_sub(self.layout.blocks[index].span.start);
            galley
                .pos_from_cursor(egui::text::CCursor::new(local))
                .min
                .y
        });
        TOP_PAD + self.layout.heights.top(index) + within
    }

    fn content_ui(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        input: &ViewInput<'_>,
        typography: &Typography,
        actions: &mut Vec<Action>,
    ) {
        self.layout.heights.refresh();
        let full_width = ui.available_width();
        let size = vec2(
            full_width,
            self.layout.heights.total() + 2.0 * TOP_PAD + 200.0,
        );
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let title = input.doc.title().to_owned();
        response.widget_info(|| {
            WidgetInfo::labeled(egui::Role::Document, true, format!("Article: {title}"))
        });
        let left = ((full_width - typography.wrap_width) / 2.0).max(MARGIN);
        let origin = rect.min + vec2(left, TOP_PAD);
        self.column_origin = Some(origin);
        self.visible_top = ui.clip_rect().top();

        // Lay out the blocks in view, then paint them.
        let painter = ui.painter_at(ui.clip_rect());
        let top = viewport.min.y - TOP_PAD;
        let bottom = viewport.max.y - TOP_PAD;
        let mut in_view = Vec::new();
        let mut index = self.layout.heights.block_at_y(top);
        while index < self.layout.blocks.len() && self.layout.heights.top(index) < bottom {
            let galley = self
                .layout
                .ensure(ui, index, input.project, input.doc, typography);
            self.layout.heights.refresh();
            in_view.push((index, galley));
            index += 1;
        }
        let shown = match (in_view.first(), in_view.last()) {
            (Some((first, _)), Some((last, _))) => Span::new(
                self.layout.blocks[*first].span.start,
                self.layout.blocks[*last].span.end,
            ),
            _ => Span::new(0, 0),
        };
        let lanes = Lanes::around(input.doc, shown);
        for (index, galley) in in_view {
            let at = origin + self.layout.block_origin(index);
            let block = &self.layout.blocks[index];
            if !block.span.is_empty() {
                // Screen readers get the text of each paragraph in view (the painted text has
                // no widget of its own).
                let text = &input.doc.text()[block.bytes.clone()];
                ui.ctx()
                    .accesskit_node_builder(response.id.with(index), |node| {
                        node.set_role(egui::Role::Paragraph);
                        node.set_label(text);
                        node.set_bounds(egui::accesskit::Rect {
                            x0: f64::from(at.x),
                            y0: f64::from(at.y),
                            x1: f64::from(at.x + galley.size().x),
                            y1: f64::from(at.y + galley.size().y),
                        });
                    });
            }
            let marks = decorations::Marks {
                painter: &painter,
                galley: &galley,
                block,
                at,
                visuals: ui.visuals(),
            };
            marks.find_hits(input.find_hits, input.find_current);
            if let Some(selection) = self.selection() {
                marks.selection(selection);
            }
            painter.galley(at, galley.clone(), typography.text_color);
            marks.annotations(input.project, input.doc, &lanes, input.selected);
            marks.proposals(input.project, input.proposals);
            if let Some((id, until)) = &self.flash {
                let now = ui.input(|i| i.time);
                if now < *until {
                    if let Some(a) = input.doc.annotation(id) {
                        marks.flash(a.span(), ((until - now) / FLASH_SECONDS) as f32);
                    }
                    ui.ctx().request_repaint();
                } else {
                    self.flash = None;
                }
            }
        }
        self.relations_ui(ui, rect, shown, input, typography);
        // Keep the galleys of two screens above and below; lay out again what comes back.
        let reach = 2.0 * viewport.height();
        let keep_from = self.layout.heights.block_at_y(top - reach);
        let keep_to = self.layout.heights.block_at_y(bottom + reach) + 1;
        self.layout.drop_galleys_outside(keep_from..keep_to);

        self.pointer(ui, &response, origin, input, actions);
        self.hover_and_context(ui, &response, origin, input, actions);
    }

    /// Press, drag and release over the text; clicks on highlights; double and triple clicks.
    fn pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        origin: Pos2,
        input: &ViewInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let local = |p: Pos2| (p - origin).to_pos2();
        let (pressed, down, released, shift, pointer, press_origin) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.pointer.primary_released(),
                i.modifiers.shift,
                i.pointer.interact_pos(),
                i.pointer.press_origin(),
            )
        });
        let on_handle = |p: Pos2| {
            self.handle
                .is_some_and(|h| h.distance(p) <= relations::HANDLE_RADIUS + 3.0)
        };
        if pressed && response.hovered() && press_origin.or(pointer).is_some_and(on_handle) {
            self.link_drag = true;
        }
        if self.link_drag {
            if released {
                self.link_drag = false;
                if let (Some(from), Some(p)) = (input.selected, pointer) {
                    let targets: Vec<String> = self
                        .layout
                        .char_under(local(p))
                        .map(|c| {
                            input
                                .doc
                                .covering_innermost_first(c)
                                .iter()
                                .map(|a| a.id.clone())
                                .collect()
                        })
                        .unwrap_or_default();
                    actions.push(Action::LinkToOneOf {
                        from: from.to_owned(),
                        targets,
                        at: p,
                    });
                }
            }
            return;
        }
        if pressed && response.hovered() {
            let at = press_origin
                .or(pointer)
                .map(|p| self.layout.cursor_at(local(p)));
            if let Some(at) = at {
                // The article takes the keys from here on: a note or name field elsewhere must
                // not go on receiving them unseen.
                ui.memory_mut(|m| {
                    if let Some(focused) = m.focused() {
                        m.surrender_focus(focused);
                    }
                });
                self.palette = None;
                self.selection = match self.selection {
                    Some(s) if shift => Some(Selection { head: at, ..s }),
                    _ => Some(Selection {
                        anchor: at,
                        head: at,
                    }),
                };
                self.dragging = true;
            }
        }
        if self.dragging
            && down
            && let Some(p) = pointer
        {
            if let Some(selection) = &mut self.selection {
                selection.head = self.layout.cursor_at(local(p));
            }
            let clip = ui.clip_rect();
            let push = if p.y < clip.min.y {
                p.y - clip.min.y
            } else if p.y > clip.max.y {
                p.y - clip.max.y
            } else {
                0.0
            };
            if push != 0.0 {
                ui.scroll_with_delta(Vec2::new(0.0, -push.clamp(-40.0, 40.0)));
                ui.ctx().request_repaint();
            }
        }
        if self.dragging && released {
            self.dragging = false;
            match self.selection() {
                Some(raw) => self.finish_selection(raw, input, actions),
                None => {
                    self.selection = None;
                    let hit = pointer.and_then(|p| self.layout.char_under(local(p)));
                    let under: Vec<String> = hit
                        .map(|c| {
                            let covering = input.doc.covering_innermost_first(c);
                            covering.iter().map(|a| a.id.clone()).collect()
                        })
                        .unwrap_or_default();
                    if input.linking
                        && let (Some(from), Some(p)) = (input.selected, pointer)
                        && !under.is_empty()
                    {
                        // While linking, a click on a highlight chooses the link's target.
                        actions.push(Action::LinkToOneOf {
                            from: from.to_owned(),
                            targets: under,
                            at: p,
                        });
                    } else if let Some(shown) = hit
                        .filter(|_| under.is_empty())
                        .and_then(|c| proposals_at(input.proposals, c).next())
                    {
                        // A click on a suggestion (outside any annotation) looks at it.
                        actions.push(Action::Suggest(SuggestAction::Focus(Some(shown.index))));
                    } else {
                        let next = hit.and_then(|c| cycle::next_at(input.doc, c, input.selected));
                        actions.push(Action::Select(next));
                    }
                }
            }
        }
        if response.double_clicked()
            && let Some(c) = pointer.and_then(|p| self.layout.char_under(local(p)))
            && let Some(word) = snap::word_at(input.doc.text(), input.doc.offsets(), c)
        {
            self.finish_selection(word, input, actions);
        }
        if response.triple_clicked()
            && let Some(c) = pointer.map(|p| self.layout.cursor_at(local(p)))
        {
            let block = &self.layout.blocks[blocks::block_at_char(&self.layout.blocks, c)];
            if let Some(paragraph) =
                snap::to_words(input.doc.text(), input.doc.offsets(), block.span)
            {
                self.finish_selection(paragraph, input, actions);
            }
        }
    }

    /// A selection was made: snap it, then tag at once (active label) or show the palette.
    fn finish_selection(&mut self, raw: Span, input: &ViewInput<'_>, actions: &mut Vec<Action>) {
        let (text, offsets) = (input.doc.text(), input.doc.offsets());
        let snapped = if input.snap_words {
            snap::to_words(text, offsets, raw)
                .unwrap_or_else(|| snap::to_graphemes(text, offsets, raw))
        } else {
            snap::to_graphemes(text, offsets, raw)
        };
        if snapped.is_empty() {
            self.clear_selection();
            return;
        }
        if let Some(id) = input.placing {
            actions.push(Action::PlaceOrphan {
                id: id.to_owned(),
                span: snapped,
            });
            self.clear_selection();
            return;
        }
        match input.active_label {
            Some(label) => {
                actions.push(Action::Tag {
                    span: snapped,
                    label: label.to_owned(),
                });
                self.clear_selection();
            }
            None => {
                self.selection = Some(Selection {
                    anchor: snapped.start,
                    head: snapped.end,
                });
                self.palette = Some(snapped);
            }
        }
    }

    /// The tooltip listing the annotations under the pointer, and the right-click menu.
    fn hover_and_context(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        origin: Pos2,
        input: &ViewInput<'_>,
        actions: &mut Vec<Action>,
    ) {
        let under = ui
            .input(|i| i.pointer.hover_pos())
            .and_then(|p| self.layout.char_under((p - origin).to_pos2()));
        if response.secondary_clicked() {
            self.context_target = under.and_then(|c| {
                input
                    .doc
                    .covering_innermost_first(c)
                    .first()
                    .map(|a| a.id.clone())
            });
            if let Some(id) = &self.context_target {
                actions.push(Action::Select(Some(id.clone())));
            }
        }
        // No tooltip while dragging or while the palette asks for a label (it would hide the
        // line below the selection), nor under a question the window asks (it would be drawn
        // over it).
        let behind_a_modal = !ui.ctx().memory(|m| m.allows_interaction(ui.layer_id()));
        if !self.dragging
            && self.palette.is_none()
            && !behind_a_modal
            && let Some(c) = under
        {
            let covering = input.doc.covering_innermost_first(c);
            let mut suggested = proposals_at(input.proposals, c).peekable();
            if !covering.is_empty() || suggested.peek().is_some() {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    for a in covering {
                        decorations::annotation_line_ui(ui, input.project, a);
                    }
                    for shown in suggested {
                        decorations::proposal_line_ui(ui, input.project, shown.proposal);
                    }
                });
            }
        }
        if let Some(id) = self.context_target.clone() {
            response.context_menu(|ui| {
                palette::context_menu_ui(ui, input.project, input.doc, &id, actions)
            });
        }
    }

    /// While the palette shows, its keys belong to it, whatever has the keyboard focus: 1–9 tag
    /// the selection with the label of that key, Escape drops the selection. The window calls
    /// this before any panel is drawn, so no text field sees these keys first.
    pub fn palette_keys(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        actions: &mut Vec<Action>,
    ) {
        let Some(span) = self.palette.filter(|_| !self.dragging) else {
            return;
        };
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
            self.clear_selection();
            return;
        }
        for (key, digit) in DIGIT_KEYS {
            if let Some(label) = project.label_for_key(digit)
                && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
            {
                // The typed character goes with the key: no text field may receive it.
                ctx.input_mut(|i| {
                    i.events
                        .retain(|e| !matches!(e, egui::Event::Text(t) if t.starts_with(digit)));
                });
                actions.push(Action::Tag {
                    span,
                    label: label.id.clone(),
                });
                self.clear_selection();
                return;
            }
        }
    }
}

/// The keys 1–9 and the label key each stands for.
pub const DIGIT_KEYS: [(Key, char); 9] = [
    (Key::Num1, '1'),
    (Key::Num2, '2'),
    (Key::Num3, '3'),
    (Key::Num4, '4'),
    (Key::Num5, '5'),
    (Key::Num6, '6'),
    (Key::Num7, '7'),
    (Key::Num8, '8'),
    (Key::Num9, '9'),
];
