//! Tagging search hits: each hit widened to its word, sentence (Unicode sentence boundaries,
//! UAX #29) or paragraph, and tagged with one label in one undoable step; a hit already coded that
//! way (the same span and label) is skipped and counted. Offsets are chars.

use std::collections::HashSet;

use super::search::Hit;
use super::sentences::sentence_starts;
use crate::model::{Document, Edit, EditError, Project, Span, edit::new_annotation, snap};

/// How far each hit grows before it is tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Widen {
    /// The hit as found.
    #[default]
    Exact,
    /// To whole words.
    Word,
    /// To the sentence it starts in, without the spaces after it.
    Sentence,
    /// To its paragraph (the text between blank lines or line breaks), trimmed.
    Paragraph,
}

/// What tagging the hits will do: the edit (one undo step) and the hits skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPlan {
    pub edit: Edit,
    /// Annotations the edit adds.
    pub tagged: usize,
    /// Hits already coded with the label over the same (widened) span, or widened onto a passage
    /// another hit already covers.
    pub skipped: usize,
}

/// The span `span` of `doc` grows to under `widen` (chars); never empty for a non-empty span.
#[must_use]
pub fn widened(doc: &Document, span: Span, widen: Widen) -> Span {
    let (text, offsets) = (doc.text(), doc.offsets());
    let grown = match widen {
        Widen::Exact => Some(span),
        Widen::Word => snap::to_words(text, offsets, span),
        Widen::Sentence => enclosing(doc, span, true),
        Widen::Paragraph => enclosing(doc, span, false),
    };
    grown
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| snap::to_graphemes(text, offsets, span))
}

/// The paragraph (the line, between line breaks) around `span`, or with `sentences` the
/// sentences of that paragraph from the one holding the start of `span` through the one holding
/// its end, without surrounding whitespace. Only the paragraph is segmented, so tagging many
/// hits costs what their paragraphs hold, not the whole text each time.
fn enclosing(doc: &Document, span: Span, sentences: bool) -> Option<Span> {
    let (text, offsets) = (doc.text(), doc.offsets());
    let range = offsets.byte_range(text, span)?;
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let (mut start, mut end) = (line_start, line_end);
    if sentences {
        let line = &text[line_start..line_end];
        let starts = sentence_starts(line);
        let (from, to) = (range.start - line_start, range.end - line_start);
        let first = starts.iter().rfind(|&&at| at <= from)?;
        let after_last = starts.partition_point(|&at| at < to.max(from + 1));
        start = line_start + first;
        end = line_start + starts.get(after_last).copied().unwrap_or(line.len());
    }
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = start + piece.trim_end().len();
    if trimmed_start >= trimmed_end {
        return None;
    }
    Some(Span::new(
        offsets.char_from_byte(text, trimmed_start)?,
        offsets.char_from_byte(text, trimmed_end)?,
    ))
}

/// Plans tagging `hits` (of `project`'s documents) with `label`, each widened by `widen`.
pub fn plan_tags(
    project: &Project,
    hits: &[Hit],
    label: &str,
    widen: Widen,
    now: &str,
) -> Result<TagPlan, EditError> {
    if !project.has_label(label) {
        return Err(EditError::NoLabel(label.to_owned()));
    }
    let mut planned: HashSet<(usize, Span)> = HashSet::new();
    let mut edits = Vec::new();
    let mut skipped = 0;
    // Fresh ids must not repeat within the plan: the project does not hold them yet.
    let mut ids: HashSet<String> = HashSet::new();
    for hit in hits {
        let Some(doc) = project.documents().get(hit.doc) else {
            continue;
        };
        let span = widened(doc, hit.span, widen);
        let coded = doc
            .annotations_in(span)
            .any(|a| a.label == label && a.span() == span);
        if coded || !planned.insert((hit.doc, span)) {
            skipped += 1;
            continue;
        }
        let mut annotation = new_annotation(project, doc.id(), span, label, now)?;
        while !ids.insert(annotation.id.clone()) {
            annotation = new_annotation(project, doc.id(), span, label, now)?;
        }
        edits.push(Edit::AddAnnotation {
            doc: doc.id().to_owned(),
            annotation,
        });
    }
    let tagged = edits.len();
    Ok(TagPlan {
        edit: Edit::Batch {
            name: format!(
                "tag {} as {}",
                crate::model::plural::counted(tagged, "passage"),
                project.label(label).map_or(label, |l| l.name.as_str())
            ),
            edits,
        },
        tagged,
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Meta};

    fn doc(text: &str) -> Document {
        Document::new("d", "T", text.to_owned())
    }

    fn quote(doc: &Document, span: Span) -> &str {
        doc.quote(span).unwrap()
    }

    fn at(doc: &Document, needle: &str) -> Span {
        let byte = doc.text().find(needle).unwrap();
        let start = doc.text()[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    #[test]
    fn hits_widen_to_words_sentences_and_paragraphs_in_unicode_text() {
        let d = doc(
            "Zuerst: «Die Staaten müssen handeln.» Dann schwieg er. 中文句子。\n\n\
             Second paragraph, with multi-stakeholder talks.\nA line after it.",
        );
        let cases = [
            ("aate", Widen::Word, "Staaten"),
            ("ulti-stake", Widen::Word, "multi-stakeholder"),
            (
                "müssen",
                Widen::Sentence,
                "Zuerst: «Die Staaten müssen handeln.»",
            ),
            ("schwieg", Widen::Sentence, "Dann schwieg er."),
            ("句", Widen::Sentence, "中文句子。"),
            (
                "stakeholder",
                Widen::Paragraph,
                "Second paragraph, with multi-stakeholder talks.",
            ),
            ("line after", Widen::Paragraph, "A line after it."),
            ("müssen", Widen::Exact, "müssen"),
        ];
        for (needle, widen, expected) in cases {
            let span = widened(&d, at(&d, needle), widen);
            assert_eq!(quote(&d, span), expected, "{needle} {widen:?}");
        }
    }

    #[test]
    fn hits_already_coded_the_same_way_are_skipped_and_the_plan_is_one_step() {
        let text = "due diligence, due diligence and Due Diligence";
        let mut d = doc(text);
        d = d.with_annotations(vec![crate::model::Annotation {
            quote: "due diligence".into(),
            ..crate::model::Annotation::bare("a1", "norm", 0, 13)
        }]);
        let project = Project::from_parts(
            Meta::default(),
            vec![Label::new("norm", "Norm", "#009E73")],
            vec![d],
        );
        let hits: Vec<Hit> = [0, 15, 33]
            .into_iter()
            .map(|start| Hit {
                doc: 0,
                span: Span::new(start, start + 13),
            })
            .collect();
        let plan = plan_tags(
            &project,
            &hits,
            "norm",
            Widen::Exact,
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        assert_eq!((plan.tagged, plan.skipped), (2, 1));
        let Edit::Batch { name, edits } = &plan.edit else {
            panic!("one step");
        };
        assert_eq!(name, "tag 2 passages as Norm");
        assert_eq!(edits.len(), 2);
        assert!(matches!(
            plan_tags(&project, &hits, "claim", Widen::Exact, "now"),
            Err(EditError::NoLabel(_))
        ));
    }
}
