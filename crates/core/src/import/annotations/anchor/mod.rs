//! Placing foreign annotations on texts, in chars.
//!
//! A document's text is the one its file carries, or one of the [`KnownText`]s (the open
//! project's documents, articles given with the files) found by hash, source, title, or because it
//! is the only one. Positions are then read in every plausible frame — unit (chars, UTF-16 or
//! bytes) × newlines (over the text as the file holds it, or with CRLF already counted as one
//! char, as some QDA vendors and Python's universal newlines do) — and the frame that places most
//! annotations exactly (their quote matches, or, without quotes, they fall on whole characters)
//! is used for the whole document. An annotation whose position does not read its quote is looked
//! for by its quote, with prefix, suffix and the position as hints; one that still cannot be
//! placed with confidence is listed as [`Unanchored`] with the reason.
//!
//! Which text (`text_resolution`), the frames and the vote between them (`frames`) and the search
//! by quote (`quote_search`) each have their own file; this one holds the results and puts the
//! steps together.

mod frames;
mod quote_search;
mod text_resolution;

use std::{
    collections::{HashMap, HashSet},
    path::PathBuf,
};

use frames::{Placement, TextVersions, best_frame, place_at};
use quote_search::find_by_quote;
use text_resolution::{KnownTexts, resolve_text};

use super::{
    ForeignAnnotation, ForeignDocument, ForeignLabel, ForeignRelation, ForeignSet, UnitChoice,
};
use crate::model::{Span, snap};

/// A text annotations may be placed on. `text` is normalised (UTF-8, "\n" newlines).
#[derive(Debug, Clone, Copy)]
pub struct KnownText<'a> {
    pub title: &'a str,
    pub text: &'a str,
    /// Where the text came from (a file path or IRI), if known.
    pub source: Option<&'a str>,
}

/// An annotation placed on its document's normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchoredAnnotation {
    /// The file's id for it.
    pub foreign_id: String,
    /// The label's name.
    pub label: String,
    /// Char offsets into [`AnchoredDocument::text`], end-exclusive.
    pub span: Span,
    pub note: String,
    pub created: Option<String>,
    pub modified: Option<String>,
    pub creator: Option<String>,
}

/// A document with its placed annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchoredDocument {
    pub title: String,
    /// The normalised text ("\n" newlines).
    pub text: String,
    /// The index of the [`KnownText`] this is, if it is one.
    pub known: Option<usize>,
    /// The annotation file it came from.
    pub file: PathBuf,
    pub annotations: Vec<AnchoredAnnotation>,
    /// Relations whose both ends were placed (by foreign ids).
    pub relations: Vec<ForeignRelation>,
}

/// An annotation that could not be placed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanchored {
    pub file: PathBuf,
    pub document: String,
    pub id: String,
    pub label: String,
    /// Its quote, when the file gives one.
    pub quote: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Unanchored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} “{}”, {} ({})",
            self.file.display(),
            self.document,
            self.id,
            self.label
        )?;
        if let Some(quote) = &self.quote {
            write!(f, " “{}”", crate::excerpt::shorten(quote, 60))?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// The result of anchoring one or more annotation files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Anchored {
    /// Every label the files name, in first-seen order, merged by name.
    pub labels: Vec<ForeignLabel>,
    pub documents: Vec<AnchoredDocument>,
    pub unanchored: Vec<Unanchored>,
    /// What else the analyst should know: units detected, spans widened to whole characters,
    /// relations left out, lines skipped.
    pub notices: Vec<String>,
    /// Who coded it, when a file says.
    pub annotator: Option<String>,
}

impl Anchored {
    /// Number of placed annotations.
    #[must_use]
    pub fn annotation_count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations.len()).sum()
    }
}

/// Places every annotation of `sets` on its text; see the module docs.
#[must_use]
pub fn anchor(sets: Vec<ForeignSet>, known: &[KnownText]) -> Anchored {
    let known = KnownTexts::new(known);
    let mut out = Anchored::default();
    let mut label_at = HashMap::new();
    for mut set in sets {
        // Each document is let go once it is placed: the files' texts and the placed ones are
        // never all in memory at once.
        let documents = std::mem::take(&mut set.documents);
        for label in &set.labels {
            add_label(&mut out.labels, &mut label_at, label.clone());
        }
        if out.annotator.is_none() {
            out.annotator.clone_from(&set.annotator);
        }
        out.notices.extend(
            set.skipped
                .iter()
                .map(|s| format!("{}: {s}", set.path.display())),
        );
        for doc in documents {
            for a in &doc.annotations {
                if label_at.contains_key(&a.label) {
                    continue;
                }
                add_label(
                    &mut out.labels,
                    &mut label_at,
                    ForeignLabel {
                        name: a.label.clone(),
                        ..ForeignLabel::default()
                    },
                );
            }
            anchor_document(&set, &doc, &known, &mut out);
        }
    }
    out
}

/// Adds `label` to `labels` (`label_at`: where each name is), or fills in the colour and
/// description of the label of that name already there.
fn add_label(
    labels: &mut Vec<ForeignLabel>,
    label_at: &mut HashMap<String, usize>,
    label: ForeignLabel,
) {
    match label_at.get(&label.name).map(|&at| &mut labels[at]) {
        Some(existing) => {
            if existing.color.is_none() {
                existing.color = label.color;
            }
            if existing.description.is_empty() {
                existing.description = label.description;
            }
        }
        None => {
            label_at.insert(label.name.clone(), labels.len());
            labels.push(label);
        }
    }
}

fn anchor_document(
    set: &ForeignSet,
    doc: &ForeignDocument,
    known: &KnownTexts,
    out: &mut Anchored,
) {
    let fail_all = |out: &mut Anchored, reason: &str| {
        for a in &doc.annotations {
            out.unanchored
                .push(unanchored(set, doc, a, reason.to_owned()));
        }
    };
    let (raw, text, known_index) = match resolve_text(doc, known) {
        Ok(found) => found,
        Err(reason) => {
            fail_all(out, &reason);
            return;
        }
    };
    let texts = TextVersions::new(&raw, &text);
    let Some(frame) = best_frame(&texts, doc) else {
        fail_all(out, "no way to read its positions");
        return;
    };
    if doc.unit == UnitChoice::Detect
        && doc.annotations.iter().any(|a| a.position.is_some())
        && texts.index.utf16_len() != texts.index.char_len()
    {
        out.notices.push(format!(
            "{} “{}”: positions read as {}",
            set.path.display(),
            doc.title,
            frame.unit.describe()
        ));
    }
    let mut placed = Vec::new();
    let mut widened = 0;
    let mut by_quote = 0;
    for a in &doc.annotations {
        let placement = place_at(&texts, frame, a).map_or_else(
            || find_by_quote(&texts, frame, a),
            |p| match p {
                Placement::Exact { .. } => p,
                _ => find_by_quote(&texts, frame, a),
            },
        );
        let span = match placement {
            Placement::Exact { span, widened: w } => {
                widened += usize::from(w);
                span
            }
            Placement::ByQuote(span) => {
                by_quote += 1;
                span
            }
            Placement::Failed(reason) => {
                out.unanchored.push(unanchored(set, doc, a, reason));
                continue;
            }
        };
        // A quote may itself start or end inside a character cluster: widen it too.
        let whole = snap::to_graphemes(texts.text, &texts.index, span);
        widened += usize::from(whole != span);
        let span = whole;
        placed.push(AnchoredAnnotation {
            foreign_id: a.id.clone(),
            label: a.label.clone(),
            span,
            note: a.note.clone(),
            created: a.created.clone(),
            modified: a.modified.clone(),
            creator: a.creator.clone(),
        });
    }
    let where_ = format!("{} “{}”", set.path.display(), doc.title);
    if widened > 0 {
        out.notices.push(format!(
            "{where_}: {widened} annotation(s) started or ended inside a character cluster (an \
             emoji or a letter with its accent) and were widened to whole characters"
        ));
    }
    if by_quote > 0 {
        out.notices.push(format!(
            "{where_}: {by_quote} annotation(s) were placed by their quote because their position \
             did not match it"
        ));
    }
    let ids: HashSet<&str> = placed.iter().map(|a| a.foreign_id.as_str()).collect();
    let mut relations = Vec::new();
    for r in &doc.relations {
        if ids.contains(r.from.as_str()) && ids.contains(r.to.as_str()) {
            relations.push(r.clone());
        } else {
            out.notices.push(format!(
                "{where_}: relation {} ({} → {}) left out: an annotation it links was not placed",
                r.kind, r.from, r.to
            ));
        }
    }
    let title = match known_index {
        Some(i) if doc.title.trim().is_empty() => known.get(i).title.to_owned(),
        _ => doc.title.clone(),
    };
    out.documents.push(AnchoredDocument {
        title,
        text,
        known: known_index,
        file: set.path.clone(),
        annotations: placed,
        relations,
    });
}

fn unanchored(
    set: &ForeignSet,
    doc: &ForeignDocument,
    a: &ForeignAnnotation,
    reason: String,
) -> Unanchored {
    Unanchored {
        file: set.path.clone(),
        document: doc.title.clone(),
        id: a.id.clone(),
        label: a.label.clone(),
        quote: a.quote.clone(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        import::annotations::{ForeignDocument, Position},
        model::OffsetUnit,
    };

    fn annotation(
        id: &str,
        position: Option<(usize, usize)>,
        quote: Option<&str>,
    ) -> ForeignAnnotation {
        ForeignAnnotation {
            id: id.into(),
            label: "Claim".into(),
            position: position.map(|(start, end)| Position { start, end }),
            quote: quote.map(Into::into),
            ..ForeignAnnotation::default()
        }
    }

    fn set(
        text: Option<&str>,
        unit: UnitChoice,
        annotations: Vec<ForeignAnnotation>,
    ) -> ForeignSet {
        ForeignSet {
            format: "test",
            path: "test.json".into(),
            documents: vec![ForeignDocument {
                title: "Doc".into(),
                text: text.map(Into::into),
                unit,
                annotations,
                ..ForeignDocument::default()
            }],
            ..ForeignSet::default()
        }
    }

    fn spans(anchored: &Anchored) -> Vec<(usize, usize)> {
        anchored.documents[0]
            .annotations
            .iter()
            .map(|a| (a.span.start, a.span.end))
            .collect()
    }

    #[test]
    fn a_quote_that_ends_inside_a_character_is_widened_to_the_whole_character() {
        // "e\u{301}" is one character (e with a combining accent): chars 3..5.
        let text = "cafe\u{301} au lait";
        let by_position = annotation("T1", Some((0, 4)), Some("cafe"));
        let by_quote = annotation("T2", None, Some("cafe"));
        let anchored = anchor(
            vec![set(
                Some(text),
                UnitChoice::Fixed(OffsetUnit::Chars),
                vec![by_position, by_quote],
            )],
            &[],
        );
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        assert_eq!(spans(&anchored), [(0, 5), (0, 5)]);
        assert!(
            anchored
                .notices
                .iter()
                .any(|n| n.contains("2 annotation(s) started or ended inside")),
            "{:?}",
            anchored.notices
        );
    }

    #[test]
    fn utf16_positions_are_detected_by_their_quotes() {
        // Each of the three astral chars is 2 UTF-16 units: "déjà" is chars 4..8, UTF-16 7..11.
        let text = "🇪🇺😀 déjà vu 中文";
        let anchored = anchor(
            vec![set(
                Some(text),
                UnitChoice::Detect,
                vec![
                    annotation("a", Some((7, 11)), Some("déjà")),
                    annotation("b", Some((15, 17)), Some("中文")),
                ],
            )],
            &[],
        );
        assert_eq!(spans(&anchored), [(4, 8), (12, 14)]);
        assert!(anchored.unanchored.is_empty());
        assert!(
            anchored.notices.iter().any(|n| n.contains("UTF-16")),
            "{:?}",
            anchored.notices
        );
    }

    #[test]
    fn crlf_positions_are_read_over_the_raw_or_the_normalised_text() {
        let raw = "one\r\ntwo\r\nthree";
        // "three" is at raw chars 10..15 and normalised chars 8..13.
        for (start, end) in [(10, 15), (8, 13)] {
            let anchored = anchor(
                vec![set(
                    Some(raw),
                    UnitChoice::Fixed(OffsetUnit::Chars),
                    vec![annotation("a", Some((start, end)), Some("three"))],
                )],
                &[],
            );
            assert_eq!(spans(&anchored), [(8, 13)], "from {start}..{end}");
            assert_eq!(anchored.documents[0].text, "one\ntwo\nthree");
        }
    }

    #[test]
    fn a_quote_is_found_by_its_context_and_ambiguity_is_reported() {
        let text = "the norm applies; the norm binds";
        let with_context = ForeignAnnotation {
            prefix: Some("; the ".into()),
            ..annotation("a", None, Some("norm"))
        };
        let known = [KnownText {
            title: "Doc",
            text,
            source: None,
        }];
        let anchored = anchor(
            vec![set(
                None,
                UnitChoice::Detect,
                vec![with_context, annotation("b", None, Some("norm"))],
            )],
            &known,
        );
        assert_eq!(spans(&anchored), [(22, 26)]);
        assert_eq!(anchored.unanchored.len(), 1);
        assert!(anchored.unanchored[0].reason.contains("occurs 2 times"));
        assert_eq!(anchored.documents[0].known, Some(0));
    }

    #[test]
    fn a_wrong_position_falls_back_to_the_nearest_quote() {
        let text = "alpha beta alpha beta";
        let anchored = anchor(
            vec![set(
                Some(text),
                UnitChoice::Detect,
                vec![annotation("a", Some((13, 17)), Some("beta"))],
            )],
            &[],
        );
        assert_eq!(spans(&anchored), [(17, 21)]);
        assert!(
            anchored
                .notices
                .iter()
                .any(|n| n.contains("placed by their quote"))
        );
    }

    #[test]
    fn what_cannot_be_placed_is_listed_with_the_reason() {
        let missing_text = anchor(
            vec![set(
                None,
                UnitChoice::Detect,
                vec![annotation("a", Some((0, 3)), None)],
            )],
            &[],
        );
        assert!(missing_text.documents.is_empty());
        assert!(
            missing_text.unanchored[0]
                .reason
                .contains("does not carry the article")
        );
        let anchored = anchor(
            vec![set(
                Some("short"),
                UnitChoice::Detect,
                vec![
                    annotation("past", Some((3, 40)), None),
                    annotation("gone", None, Some("absent")),
                    annotation("empty", Some((2, 2)), None),
                ],
            )],
            &[],
        );
        let reasons: Vec<&str> = anchored
            .unanchored
            .iter()
            .map(|u| u.reason.as_str())
            .collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].contains("not in the text"));
        assert!(reasons[1].contains("quote is not in the text"));
    }

    #[test]
    fn spans_inside_a_cluster_are_widened_and_said_so() {
        // "e" + combining acute: char 1 is inside the cluster.
        let anchored = anchor(
            vec![set(
                Some("xe\u{301}y"),
                UnitChoice::Fixed(OffsetUnit::Chars),
                vec![annotation("a", Some((1, 2)), None)],
            )],
            &[],
        );
        assert_eq!(spans(&anchored), [(1, 3)]);
        assert!(anchored.notices.iter().any(|n| n.contains("widened")));
    }

    #[test]
    fn relations_to_unplaced_annotations_are_left_out_with_a_notice() {
        let mut foreign = set(
            Some("one two"),
            UnitChoice::Detect,
            vec![
                annotation("a", Some((0, 3)), None),
                annotation("b", None, Some("zzz")),
            ],
        );
        foreign.documents[0].relations = vec![ForeignRelation {
            kind: "supports".into(),
            from: "a".into(),
            to: "b".into(),
            note: String::new(),
        }];
        let anchored = anchor(vec![foreign], &[]);
        assert!(anchored.documents[0].relations.is_empty());
        assert!(
            anchored
                .notices
                .iter()
                .any(|n| n.contains("relation supports"))
        );
    }
}
