//! `Document`: one article's text with its annotations and relations, and fast queries over them.
//!
//! Offsets are chars (see [`super::span`]). Annotations are kept sorted by `(start, end, id)`, the
//! order they are saved in, with a running maximum of their ends, so "which annotations touch this
//! range" is a binary search plus a scan of the hits.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{
    Annotation, ImportRecord, OffsetIndex, Orphan, Rejection, Relation, Span, TextRevision,
};

/// An article in a project.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) source: Option<String>,
    pub(super) text_sha256: String,
    pub(super) text: String,
    pub(super) annotations: Vec<Annotation>,
    #[serde(default)]
    pub(super) relations: Vec<Relation>,
    /// How the text was imported; absent for hand-written documents.
    #[serde(default)]
    pub(super) import: Option<ImportRecord>,
    /// Annotations that lost their place when the text was updated, for the analyst to review.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) orphans: Vec<Orphan>,
    /// Every update of the text, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) revisions: Vec<TextRevision>,
    /// Proposals the analyst rejected, not to be proposed again over the same text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) rejected: Vec<Rejection>,
    #[serde(skip)]
    pub(super) index: DocumentIndex,
}

/// Derived lookup tables, rebuilt after every change; never saved.
#[derive(Debug, Clone, Default)]
pub(super) struct DocumentIndex {
    offsets: OffsetIndex,
    /// Where each annotation is in `annotations`, in the order of their ids: found by binary
    /// search, four bytes an annotation rather than a second copy of every id.
    by_id: Vec<u32>,
    /// `max_end[i]` is the largest `end` among `annotations[..=i]`.
    max_end: Vec<usize>,
}

impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.id,
            &self.title,
            &self.source,
            &self.text_sha256,
            &self.text,
            &self.annotations,
            &self.relations,
            &self.import,
            &self.orphans,
            &self.revisions,
            &self.rejected,
        ) == (
            &other.id,
            &other.title,
            &other.source,
            &other.text_sha256,
            &other.text,
            &other.annotations,
            &other.relations,
            &other.import,
            &other.orphans,
            &other.revisions,
            &other.rejected,
        )
    }
}
impl Eq for Document {}

/// Lowercase hex SHA-256 of `bytes` (64 characters).
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `bytes` in lowercase hex, two characters a byte.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(2 * bytes.len()), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

impl Document {
    /// A document with no annotations. `text` must already be normalised (UTF-8, "\n" newlines).
    #[must_use]
    pub fn new(id: &str, title: &str, text: String) -> Self {
        let mut doc = Self {
            id: id.to_owned(),
            title: title.to_owned(),
            source: None,
            text_sha256: sha256_hex(text.as_bytes()),
            text,
            annotations: Vec::new(),
            relations: Vec::new(),
            import: None,
            orphans: Vec::new(),
            revisions: Vec::new(),
            rejected: Vec::new(),
            index: DocumentIndex::default(),
        };
        doc.reindex_text();
        doc
    }

    /// Sets where the text came from: the source path and what the import did.
    #[must_use]
    pub fn with_source(mut self, source: &str, import: Option<ImportRecord>) -> Self {
        self.source = Some(source.to_owned());
        self.import = import;
        self
    }

    /// Gives a new document its annotations (kept in saved order). Checked when the document is
    /// added to a project.
    #[must_use]
    pub fn with_annotations(mut self, annotations: Vec<Annotation>) -> Self {
        self.annotations = annotations;
        self.reindex_annotations();
        self
    }

    /// Gives a new document its relations. Checked when the document is added to a project.
    #[must_use]
    pub fn with_relations(mut self, relations: Vec<Relation>) -> Self {
        self.relations = relations;
        self
    }

    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The file the text was imported from, as the analyst gave it.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    #[must_use]
    pub fn import_record(&self) -> Option<&ImportRecord> {
        self.import.as_ref()
    }

    /// The stored SHA-256 of the text (lowercase hex), as read from the file.
    #[must_use]
    pub fn text_sha256(&self) -> &str {
        &self.text_sha256
    }

    /// The article text: UTF-8 with "\n" newlines.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in chars.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.index.offsets.char_len()
    }

    /// Conversions between char, byte and UTF-16 offsets of this text.
    #[must_use]
    pub fn offsets(&self) -> &OffsetIndex {
        &self.index.offsets
    }

    /// Annotations in saved order: sorted by `(start, end, id)`.
    #[must_use]
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    #[must_use]
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Annotations that lost their place in an update of the text, in the order they were
    /// orphaned.
    #[must_use]
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// The orphan with this (annotation) id.
    #[must_use]
    pub fn orphan(&self, id: &str) -> Option<&Orphan> {
        self.orphans.iter().find(|o| o.id() == id)
    }

    /// Every update of the text, oldest first.
    #[must_use]
    pub fn revisions(&self) -> &[TextRevision] {
        &self.revisions
    }

    /// The proposals rejected in this document.
    #[must_use]
    pub fn rejected(&self) -> &[Rejection] {
        &self.rejected
    }

    /// Whether a proposal of `label` over `span` (chars) was rejected while the text there read
    /// as it does now.
    #[must_use]
    pub fn is_rejected(&self, span: Span, label: &str) -> bool {
        self.rejected.iter().any(|r| {
            r.label == label && r.span() == span && self.quote(span) == Some(r.quote.as_str())
        })
    }

    /// The annotation with this id.
    #[must_use]
    pub fn annotation(&self, id: &str) -> Option<&Annotation> {
        self.position_of(id).map(|i| &self.annotations[i])
    }

    /// Where the annotation with this id is in `annotations`.
    fn position_of(&self, id: &str) -> Option<usize> {
        self.id_rank(id)
            .ok()
            .map(|rank| self.index.by_id[rank] as usize)
    }

    /// Where `id` is, or would go, in `by_id`.
    fn id_rank(&self, id: &str) -> Result<usize, usize> {
        self.index
            .by_id
            .binary_search_by(|&i| self.annotations[i as usize].id.as_str().cmp(id))
    }

    #[must_use]
    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relations.iter().find(|r| r.id == id)
    }

    /// How many relations link annotation `id` (from or to it): what deleting it also removes.
    #[must_use]
    pub fn relations_linking(&self, id: &str) -> usize {
        self.relations
            .iter()
            .filter(|r| r.from == id || r.to == id)
            .count()
    }

    /// The text of a char span, or `None` if the span is reversed or runs past the end.
    #[must_use]
    pub fn quote(&self, span: Span) -> Option<&str> {
        let range = self.index.offsets.byte_range(&self.text, span)?;
        self.text.get(range)
    }

    /// Up to `count` chars of the text before char offset `at` (fewer near the start; none when `at`
    /// is past the end): the context exports give and orphans keep.
    #[must_use]
    pub fn text_before(&self, at: usize, count: usize) -> &str {
        self.quote(Span::new(at.saturating_sub(count), at))
            .unwrap_or_default()
    }

    /// Up to `count` chars of the text from char offset `at` on (fewer near the end).
    #[must_use]
    pub fn text_after(&self, at: usize, count: usize) -> &str {
        let end = (at + count).min(self.char_len());
        self.quote(Span::new(at.min(end), end)).unwrap_or_default()
    }

    /// Annotations sharing at least one char with `span`, in saved order.
    pub fn annotations_in(&self, span: Span) -> impl Iterator<Item = &Annotation> {
        self.indexed_annotations_in(span).map(|(_, a)| a)
    }

    /// [`Self::annotations_in`], each with its index in [`Self::annotations`].
    pub fn indexed_annotations_in(&self, span: Span) -> impl Iterator<Item = (usize, &Annotation)> {
        // Everything before `first` ends at or before `span.start`; everything from `last` on
        // starts at or after `span.end`.
        let first = self.index.max_end.partition_point(|&end| end <= span.start);
        let last = self.annotations.partition_point(|a| a.start < span.end);
        let first = first.min(last);
        self.annotations[first..last]
            .iter()
            .enumerate()
            .map(move |(i, a)| (first + i, a))
            .filter(move |(_, a)| a.span().overlaps(span))
    }

    /// The index of the first annotation of the overlap group holding annotation `index`: the
    /// run, in saved order, in which each annotation starts before an earlier one ends. No
    /// annotation before the group reaches into it. Past the last annotation: the count.
    #[must_use]
    pub fn overlap_group_start(&self, index: usize) -> usize {
        if index >= self.annotations.len() {
            return self.annotations.len();
        }
        let mut at = index;
        while at > 0 && self.annotations[at].start < self.index.max_end[at - 1] {
            at -= 1;
        }
        at
    }

    /// Annotations covering the char at `offset`, in saved order.
    pub fn annotations_covering(&self, offset: usize) -> impl Iterator<Item = &Annotation> {
        self.annotations_in(Span::new(offset, offset + 1))
    }

    /// The annotations covering the char at `offset`, innermost first: shorter before longer
    /// (ties: the later start, then saved order) — the order clicks cycle through them.
    #[must_use]
    pub fn covering_innermost_first(&self, offset: usize) -> Vec<&Annotation> {
        let mut covering: Vec<&Annotation> = self.annotations_covering(offset).collect();
        // Stable: equal keys keep their saved (start, end, id) order.
        covering.sort_by_key(|a| (a.span().len(), std::cmp::Reverse(a.start)));
        covering
    }

    /// The shortest annotation covering the char at `offset` (ties: the later start, then id).
    #[must_use]
    pub fn innermost_at(&self, offset: usize) -> Option<&Annotation> {
        self.covering_innermost_first(offset).first().copied()
    }

    /// Rebuilds everything derived from the text and the annotations.
    pub(super) fn reindex_text(&mut self) {
        self.index.offsets = OffsetIndex::new(&self.text);
        self.reindex_annotations();
    }

    /// Sorts annotations into saved order and rebuilds the id map and running ends.
    pub(super) fn reindex_annotations(&mut self) {
        self.annotations
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.rebuild_lookup();
    }

    /// Rebuilds the id map and running ends of annotations already in saved order.
    fn rebuild_lookup(&mut self) {
        let annotations = &self.annotations;
        let mut by_id: Vec<u32> = (0..annotations.len()).map(position).collect();
        by_id
            .sort_unstable_by(|&x, &y| annotations[x as usize].id.cmp(&annotations[y as usize].id));
        self.index.by_id = by_id;
        let mut max = 0;
        self.index.max_end = self
            .annotations
            .iter()
            .map(|a| {
                max = max.max(a.end);
                max
            })
            .collect();
    }

    /// Brings the running ends up to date from index `from` on, after the annotations from
    /// there moved; an edit touches one place, so the entries before it stay.
    fn refresh_ends_from(&mut self, from: usize) {
        self.index.max_end.truncate(from);
        let mut max = from
            .checked_sub(1)
            .map_or(0, |before| self.index.max_end[before]);
        for a in &self.annotations[from..] {
            max = max.max(a.end);
            self.index.max_end.push(max);
        }
    }

    /// Inserts an annotation at its sorted place (no validation: see `edit`).
    pub(super) fn insert_annotation(&mut self, annotation: Annotation) {
        let at = self.insert_sorted(annotation);
        self.refresh_ends_from(at);
    }

    /// Inserts in saved order and into the id map; returns where.
    fn insert_sorted(&mut self, annotation: Annotation) -> usize {
        let at = self
            .annotations
            .partition_point(|a| a.sort_key() < annotation.sort_key());
        let rank = self.id_rank(&annotation.id).unwrap_or_else(|rank| rank);
        self.annotations.insert(at, annotation);
        for i in &mut self.index.by_id {
            if *i as usize >= at {
                *i += 1;
            }
        }
        self.index.by_id.insert(rank, position(at));
        at
    }

    /// Takes the annotation at `at` out of `annotations` and the id map.
    fn remove_at(&mut self, at: usize) -> Annotation {
        if let Ok(rank) = self.id_rank(&self.annotations[at].id) {
            self.index.by_id.remove(rank);
        }
        for i in &mut self.index.by_id {
            if *i as usize > at {
                *i -= 1;
            }
        }
        self.annotations.remove(at)
    }

    /// Removes the annotation with this id and returns it.
    pub(super) fn remove_annotation(&mut self, id: &str) -> Option<Annotation> {
        let at = self.position_of(id)?;
        let removed = self.remove_at(at);
        self.refresh_ends_from(at);
        Some(removed)
    }

    /// Replaces the annotation with `after`'s id by `after`, at its sorted place.
    pub(super) fn replace_annotation(&mut self, after: Annotation) {
        let removed_at = self.position_of(&after.id);
        if let Some(at) = removed_at {
            self.remove_at(at);
        }
        let inserted_at = self.insert_sorted(after);
        self.refresh_ends_from(removed_at.map_or(inserted_at, |at| at.min(inserted_at)));
    }
}

/// An index into a document's annotations as the id map stores it (a document holds at most
/// [`crate::store::MAX_PROJECT_ANNOTATIONS`], far below `u32::MAX`).
fn position(at: usize) -> u32 {
    u32::try_from(at).expect("fewer than 2³² annotations in a document")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_around_a_place_counts_chars_and_stops_at_the_edges() {
        let doc = Document::new("d", "D", "👍🏾 abc def".into());
        assert_eq!(doc.text_before(3, 32), "👍🏾 ");
        assert_eq!(doc.text_before(6, 2), "bc");
        assert_eq!(doc.text_after(6, 2), " d");
        assert_eq!(doc.text_after(9, 32), "f");
        assert_eq!(doc.text_after(11, 32), "");
        assert_eq!(doc.text_after(40, 2), "");
        assert_eq!(doc.text_before(40, 2), "");
    }

    fn annotation(id: &str, start: usize, end: usize) -> Annotation {
        Annotation::bare(id, "claim", start, end)
    }

    fn doc_with(spans: &[(usize, usize)]) -> Document {
        let mut doc = Document::new("d", "T", "x".repeat(100));
        for (i, &(s, e)) in spans.iter().enumerate() {
            doc.insert_annotation(annotation(&format!("a{i}"), s, e));
        }
        doc
    }

    /// The lookup after piecemeal refreshes equals one rebuilt from scratch.
    fn assert_lookup_fresh(doc: &Document) {
        let mut fresh = doc.clone();
        fresh.rebuild_lookup();
        assert_eq!(doc.index.by_id, fresh.index.by_id);
        assert_eq!(doc.index.max_end, fresh.index.max_end);
    }

    #[test]
    fn inserting_removing_and_replacing_keep_the_lookup_exact() {
        let mut doc = doc_with(&[(10, 20), (0, 90), (30, 35), (5, 6), (50, 70)]);
        assert_lookup_fresh(&doc);
        doc.insert_annotation(annotation("new", 0, 3));
        assert_lookup_fresh(&doc);
        doc.replace_annotation(annotation("a1", 60, 99));
        assert_lookup_fresh(&doc);
        doc.replace_annotation(annotation("a4", 1, 2));
        assert_lookup_fresh(&doc);
        assert_eq!(doc.remove_annotation("a1").map(|a| a.end), Some(99));
        assert_lookup_fresh(&doc);
        assert!(doc.remove_annotation("a1").is_none());
        doc.remove_annotation("new");
        assert_lookup_fresh(&doc);
        assert_eq!(doc.annotation("a2").map(|a| a.start), Some(30));
    }

    #[test]
    fn range_queries_match_a_linear_scan() {
        let spans = [
            (0, 50),
            (2, 4),
            (3, 9),
            (10, 12),
            (10, 40),
            (45, 46),
            (60, 99),
            (70, 71),
        ];
        let doc = doc_with(&spans);
        for start in 0..100 {
            for end in start..=100 {
                let span = Span::new(start, end);
                let fast: Vec<_> = doc.annotations_in(span).map(|a| &a.id).collect();
                let slow: Vec<_> = doc
                    .annotations()
                    .iter()
                    .filter(|a| a.span().overlaps(span))
                    .map(|a| &a.id)
                    .collect();
                assert_eq!(fast, slow, "range {span}");
            }
        }
    }

    #[test]
    fn innermost_is_the_shortest_cover() {
        let doc = doc_with(&[(0, 50), (10, 40), (20, 25)]);
        assert_eq!(
            doc.innermost_at(22).map(|a| a.span()),
            Some(Span::new(20, 25))
        );
        assert_eq!(
            doc.innermost_at(12).map(|a| a.span()),
            Some(Span::new(10, 40))
        );
        assert_eq!(doc.innermost_at(60), None);
    }

    #[test]
    fn quote_uses_char_offsets() {
        let doc = Document::new("d", "T", "¡Olé! 👩🏽‍🔬 ok".into());
        assert_eq!(doc.quote(Span::new(1, 4)), Some("Olé"));
        assert_eq!(doc.quote(Span::new(6, 10)), Some("👩🏽‍🔬"));
        assert_eq!(doc.quote(Span::new(6, 99)), None);
        assert_eq!(sha256_hex(b"abc").len(), 64);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
