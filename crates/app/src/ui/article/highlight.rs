//! How a block of the article is laid out: its text cut at every annotation boundary, each
//! piece filled with the colour of its innermost annotation, headings (`#` lines of Markdown) set
//! larger and shown without their `#` markers. Offsets are chars of the document text unless named `byte`.

use std::hash::{DefaultHasher, Hash, Hasher};

use eframe::egui::{
    Color32, FontId, Stroke,
    text::{ByteIndex, LayoutJob, LayoutSection, TextFormat},
};

use super::blocks::Block;
use crate::{
    model::{Document, Project, Span},
    ui::colors::{highlight_fill, label_color},
};

/// What the whole article's layout depends on besides the text and its annotations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Typography {
    pub text_size: f32,
    pub wrap_width: f32,
    pub text_color: Color32,
    pub dark: bool,
}

impl Typography {
    /// Distance between baselines, in points.
    #[must_use]
    pub fn line_height(&self) -> f32 {
        (self.text_size * 1.5).round()
    }
}

/// A run of a block covered by the same annotations (char offsets in the document).
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub span: Span,
    pub fill: Color32,
}

/// The pieces of `block` that some annotation covers, in order, each filled with the colour of
/// its innermost annotation (the shortest covering it). Colours are never mixed: the outer
/// annotations of a nested or crossing passage show as bands under the text
/// (`decorations.rs`), so every label stays recognisable.
#[must_use]
pub fn pieces(project: &Project, doc: &Document, block: &Block, dark: bool) -> Vec<Piece> {
    let covering: Vec<(Span, usize, Color32)> = doc
        .annotations_in(block.span)
        .map(|a| {
            let color = project.label(&a.label).map_or(Color32::GRAY, label_color);
            let clipped = Span::new(a.start.max(block.span.start), a.end.min(block.span.end));
            (clipped, a.span().len(), color)
        })
        .filter(|(span, _, _)| span.start < span.end)
        .collect();
    if covering.is_empty() {
        return Vec::new();
    }
    let mut cuts: Vec<usize> = covering
        .iter()
        .flat_map(|(s, _, _)| [s.start, s.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|pair| {
            let span = Span::new(pair[0], pair[1]);
            covering
                .iter()
                .filter(|(s, _, _)| s.start <= span.start && span.end <= s.end)
                .min_by_key(|(s, len, _)| (*len, std::cmp::Reverse(s.start)))
                .map(|(_, _, color)| Piece {
                    span,
                    fill: highlight_fill(*color, dark),
                })
        })
        .collect()
}

/// The Markdown heading level of a line (`# ` → 1 … `###### ` → 6), if it is one.
#[must_use]
pub fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes)
}

/// Draws the first `bytes` of the job's text (a heading's `## ` marker) at no width and in no
/// colour: the reader sees the heading alone, and the galley keeps one glyph per char of the
/// stored text, so offsets stay those of the document.
pub(in crate::ui) fn hide_prefix(job: &mut LayoutJob, bytes: usize) {
    let mut sections = Vec::with_capacity(job.sections.len() + 1);
    for section in job.sections.drain(..) {
        let (start, end) = (section.byte_range.start.0, section.byte_range.end.0);
        if start < bytes {
            let hidden_end = end.min(bytes);
            let format = TextFormat {
                font_id: FontId::proportional(0.1),
                color: Color32::TRANSPARENT,
                background: Color32::TRANSPARENT,
                ..section.format.clone()
            };
            sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(start)..ByteIndex(hidden_end),
                format,
            });
            if hidden_end < end {
                sections.push(LayoutSection {
                    byte_range: ByteIndex(hidden_end)..ByteIndex(end),
                    ..section
                });
            }
        } else {
            sections.push(section);
        }
    }
    job.sections = sections;
}

/// The font size of a block: larger for headings.
#[must_use]
pub fn block_text_size(line: &str, typography: &Typography) -> f32 {
    let scale = match heading_level(line) {
        Some(1) => 1.6,
        Some(2) => 1.35,
        Some(_) => 1.15,
        None => 1.0,
    };
    (typography.text_size * scale).round()
}

/// A key that changes whenever the block's layout would: its text, pieces and typography.
#[must_use]
pub fn layout_key(block: &Block, pieces: &[Piece], typography: &Typography) -> u64 {
    let mut h = DefaultHasher::new();
    block.bytes.hash(&mut h);
    block.span.start.hash(&mut h);
    for piece in pieces {
        piece.span.start.hash(&mut h);
        piece.span.end.hash(&mut h);
        piece.fill.hash(&mut h);
    }
    typography.text_size.to_bits().hash(&mut h);
    typography.wrap_width.to_bits().hash(&mut h);
    typography.text_color.hash(&mut h);
    typography.dark.hash(&mut h);
    h.finish()
}

/// The whole document as one layout job with every highlight: what a single `Label` holding the
/// article would lay out, and lay out again in full whenever a highlight or the width changes.
/// The article view never builds it; the benchmarks measure the view against it.
#[must_use]
pub fn whole_document_job(project: &Project, doc: &Document, typography: &Typography) -> LayoutJob {
    let text = doc.text();
    let block = Block {
        span: Span::new(0, doc.char_len()),
        bytes: 0..text.len(),
    };
    let pieces = pieces(project, doc, &block, typography.dark);
    block_job(text, &block, &pieces, typography)
}

/// The layout job of `block` (whose text is `line`) with `pieces` filled.
#[must_use]
pub fn block_job(
    line: &str,
    block: &Block,
    pieces: &[Piece],
    typography: &Typography,
) -> LayoutJob {
    let size = block_text_size(line, typography);
    let plain = TextFormat {
        font_id: FontId::proportional(size),
        color: typography.text_color,
        line_height: Some((size * 1.5).round()),
        underline: Stroke::NONE,
        ..Default::default()
    };
    let mut job = LayoutJob {
        text: line.to_owned(),
        ..Default::default()
    };
    job.wrap.max_width = typography.wrap_width;
    // Byte offset in `line` of each char offset we cut at, found in one walk.
    let mut cuts: Vec<usize> = pieces
        .iter()
        .flat_map(|p| [p.span.start, p.span.end])
        .collect();
    cuts.dedup();
    let mut byte_of = std::collections::HashMap::with_capacity(cuts.len());
    let mut next = cuts.iter().peekable();
    for (char, (byte, _)) in line.char_indices().chain([(line.len(), ' ')]).enumerate() {
        while let Some(&&cut) = next.peek() {
            if cut - block.span.start > char {
                break;
            }
            byte_of.insert(cut, byte);
            next.next();
        }
    }
    let mut at = 0;
    let push = |job: &mut LayoutJob, range: std::ops::Range<usize>, format: &TextFormat| {
        if range.start < range.end {
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(range.start)..ByteIndex(range.end),
                format: format.clone(),
            });
        }
    };
    for piece in pieces {
        let (start, end) = (byte_of[&piece.span.start], byte_of[&piece.span.end]);
        push(&mut job, at..start, &plain);
        let filled = TextFormat {
            background: piece.fill,
            ..plain.clone()
        };
        push(&mut job, start..end, &filled);
        at = end;
    }
    push(&mut job, at..line.len(), &plain);
    if let Some(level) = heading_level(line) {
        hide_prefix(&mut job, level + 1);
    }
    if job.sections.is_empty() {
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(0)..ByteIndex(0),
            format: plain,
        });
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Edit, Editor};

    fn typography() -> Typography {
        Typography {
            text_size: 16.0,
            wrap_width: 400.0,
            text_color: Color32::BLACK,
            dark: false,
        }
    }

    #[test]
    fn overlapping_annotations_cut_a_block_into_pieces_and_sections_cover_every_byte() {
        let text = "Éa states must act now.";
        let project = Project::new("t", "a", "2026-01-01T00:00:00Z");
        let doc = Document::new("d", "D", text.to_owned());
        let mut editor = Editor::new(project);
        editor
            .apply(Edit::AddDocument(Box::new(doc)), "now")
            .unwrap();
        for (id, label, start, end) in [("a1", "claim", 3, 14), ("a2", "norm", 10, 18)] {
            let annotation = Annotation {
                quote: text.chars().skip(start).take(end - start).collect(),
                ..Annotation::bare(id, label, start, end)
            };
            editor
                .apply(
                    Edit::AddAnnotation {
                        doc: "d".into(),
                        annotation,
                    },
                    "now",
                )
                .unwrap();
        }
        let project = editor.project();
        let doc = project.document("d").unwrap();
        let block = &super::super::blocks::split(text)[0];
        let pieces = pieces(project, doc, block, false);
        let spans: Vec<_> = pieces.iter().map(|p| (p.span.start, p.span.end)).collect();
        assert_eq!(spans, [(3, 10), (10, 14), (14, 18)]);
        // Where they cross, the shorter (norm) fills; the colours are never mixed.
        let [claim, norm] = ["claim", "norm"]
            .map(|id| highlight_fill(label_color(project.label(id).unwrap()), false));
        let fills: Vec<Color32> = pieces.iter().map(|p| p.fill).collect();
        assert_eq!(fills, [claim, norm, norm]);

        let job = block_job(text, block, &pieces, &typography());
        let mut at = 0;
        for section in &job.sections {
            assert_eq!(section.byte_range.start.0, at);
            at = section.byte_range.end.0;
        }
        assert_eq!(at, text.len());
        assert_eq!(job.sections.len(), 5);
    }

    #[test]
    fn markdown_headings_are_recognised() {
        assert_eq!(heading_level("## Scope"), Some(2));
        assert_eq!(heading_level("#hashtag"), None);
        assert_eq!(heading_level("Plain"), None);
        assert!(block_text_size("# Title", &typography()) > 16.0);
    }
}
