//! Re-anchoring: carrying a document's annotations across to a new version of its text.
//! All offsets are chars.
//!
//! 1. An annotation whose text no edit touched moves by the diff between the two texts
//!    ([`CharMap`]): *moved*.
//! 2. One an edit touched is looked for again by its quote and the text around it, fuzzily
//!    ([`refind`]): *re-found*, with a confidence, when that is at least [`PLACE_AT`] and no
//!    other place scores nearly as well.
//! 3. Everything else becomes an orphan the analyst places or drops, with the best weak match
//!    as a suggestion when it reaches [`SUGGEST_AT`]. Earlier orphans are looked for too.
//!
//! The result is a [`TextUpdate`], which the model checks (nothing may go missing) and applies
//! as one undoable step, and a [`Report`] of what became of each annotation.

mod char_map;
mod refind;
mod report;

pub use char_map::CharMap;
pub use refind::{AMBIGUITY_MARGIN, Found, MAX_VERBATIM, Wanted, refind, similarity};
pub use report::{Placed, Report, Unplaced};

use std::collections::HashSet;

use crate::model::{
    Annotation, CONTEXT_CHARS, Document, EditError, ImportRecord, Orphan, Project, Relation,
    Suggestion, TextRevision, TextUpdate,
};

/// The confidence (0.0–1.0) from which a touched annotation is placed without asking.
pub const PLACE_AT: f64 = 0.75;

/// The confidence from which the best weak match is offered to the analyst as a suggestion.
pub const SUGGEST_AT: f64 = 0.4;

/// A new text for a document, and where it came from.
pub struct NewText {
    /// UTF-8 with "\n" newlines (as the article import gives it).
    pub text: String,
    pub source: Option<String>,
    pub import: Option<ImportRecord>,
}

impl From<crate::import::ImportedArticle> for NewText {
    fn from(article: crate::import::ImportedArticle) -> Self {
        Self {
            text: article.text,
            source: Some(article.source),
            import: Some(article.record),
        }
    }
}

/// What updating a document's text would do: the edit to apply and its report.
#[derive(Debug, Clone)]
pub struct Reanchored {
    pub update: TextUpdate,
    pub report: Report,
}

/// Percent from a 0.0–1.0 confidence; only a perfect match shows as 100.
fn percent(confidence: f64) -> u8 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..=100
    let percent = (confidence.clamp(0.0, 1.0) * 100.0).round() as u8;
    if confidence < 1.0 {
        percent.min(99)
    } else {
        percent
    }
}

/// Works out how every annotation of document `doc` carries across to `new`.
///
/// # Errors
///
/// [`EditError::NoDocument`] for an unknown id; [`EditError::SameText`] when the text is
/// unchanged.
pub fn reanchor(
    project: &Project,
    doc: &str,
    new: NewText,
    now: &str,
) -> Result<Reanchored, EditError> {
    let old = project
        .document(doc)
        .ok_or_else(|| EditError::NoDocument(doc.to_owned()))?;
    if old.text() == new.text {
        return Err(EditError::SameText);
    }
    let map = CharMap::between(old.text(), &new.text);
    let mut carried = Carried {
        target: Document::new(old.id(), old.title(), new.text.clone()),
        now,
        annotations: Vec::new(),
        orphans: Vec::new(),
        report: Report::new(old.title()),
    };
    for a in old.annotations() {
        if let Some(span) = map.unchanged(a.span()) {
            carried.annotations.push(Annotation {
                start: span.start,
                end: span.end,
                ..a.clone()
            });
            carried.report.moved += 1;
            continue;
        }
        let (before, after) = refind::context_of(old, a.span(), CONTEXT_CHARS);
        let orphan = Orphan {
            annotation: a.clone(),
            before,
            after,
            relations: Vec::new(),
            suggestion: None,
            orphaned: now.to_owned(),
        };
        carried.place(orphan, refind::near(&map, a.span()), false);
    }
    for orphan in old.orphans() {
        let near = orphan.suggestion.and_then(|s| refind::near(&map, s.span()));
        let mut orphan = orphan.clone();
        orphan.relations.clear();
        carried.place(orphan, near, true);
    }
    let Carried {
        annotations,
        mut orphans,
        report,
        ..
    } = carried;
    let relations = distribute_relations(old, &annotations, &mut orphans);
    let revision = TextRevision {
        previous_sha256: old.text_sha256().to_owned(),
        updated: now.to_owned(),
        source: new.source.clone(),
        moved: report.moved,
        refound: report.refound.len(),
        orphaned: orphans.len(),
    };
    Ok(Reanchored {
        update: TextUpdate {
            doc: doc.to_owned(),
            text: new.text,
            source: new.source,
            import: new.import,
            annotations,
            relations,
            orphans,
            revision,
        },
        report,
    })
}

/// What an update has worked out so far: the annotations placed in the new text, the orphans,
/// and the report.
struct Carried<'a> {
    /// The new text, as a document (for its offsets and quotes).
    target: Document,
    now: &'a str,
    annotations: Vec<Annotation>,
    orphans: Vec<Orphan>,
    report: Report,
}

impl Carried<'_> {
    /// Looks for an annotation (held as an orphan) in the new text: placed when found with
    /// confidence, else kept as an orphan with the best weak match as its suggestion.
    fn place(&mut self, mut orphan: Orphan, near: Option<crate::model::Span>, was_orphan: bool) {
        let a = &orphan.annotation;
        let wanted = Wanted {
            quote: &a.quote,
            before: &orphan.before,
            after: &orphan.after,
            near,
        };
        let found = refind(&self.target, &wanted);
        if let Some(found) = found
            && found.confidence >= PLACE_AT
            && !found.ambiguous
        {
            let quote = self.target.quote(found.span).unwrap_or_default().to_owned();
            self.report.refound.push(Placed {
                id: a.id.clone(),
                label: a.label.clone(),
                old_quote: a.quote.clone(),
                new_quote: quote.clone(),
                confidence: percent(found.confidence),
                was_orphan,
            });
            self.annotations.push(Annotation {
                start: found.span.start,
                end: found.span.end,
                quote,
                modified: self.now.to_owned(),
                ..orphan.annotation
            });
            return;
        }
        let found = found.filter(|f| f.confidence >= SUGGEST_AT);
        orphan.suggestion = found.map(|f| Suggestion {
            start: f.span.start,
            end: f.span.end,
            confidence: percent(f.confidence),
        });
        self.report.orphaned.push(Unplaced {
            id: orphan.annotation.id.clone(),
            label: orphan.annotation.label.clone(),
            quote: orphan.annotation.quote.clone(),
            suggestion: orphan.suggestion,
            ambiguous: found.is_some_and(|f| f.ambiguous),
            was_orphan,
        });
        self.orphans.push(orphan);
    }
}

/// Every relation of the old document (placed or held by an orphan) goes to the document when
/// both its ends are placed, else to the first orphan among its ends. Returns the placed ones.
fn distribute_relations(
    old: &Document,
    annotations: &[Annotation],
    orphans: &mut [Orphan],
) -> Vec<Relation> {
    let placed: HashSet<&str> = annotations.iter().map(|a| a.id.as_str()).collect();
    let all: Vec<Relation> = old
        .relations()
        .iter()
        .chain(old.orphans().iter().flat_map(|o| &o.relations))
        .cloned()
        .collect();
    let mut kept = Vec::new();
    for relation in all {
        let holder = [&relation.from, &relation.to]
            .into_iter()
            .find(|end| !placed.contains(end.as_str()))
            .and_then(|end| orphans.iter().position(|o| o.id() == end.as_str()));
        match holder {
            Some(at) => orphans[at].relations.push(relation),
            None => kept.push(relation),
        }
    }
    kept
}
