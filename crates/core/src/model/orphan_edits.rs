//! Planning the edits that involve orphans: updating a document's text (every annotation placed
//! or orphaned, none lost), placing an orphan, dropping one, and keeping the relations orphans
//! hold consistent when annotations or orphans go. Offsets are chars.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Annotation, Document, ImportRecord, Orphan, Project, Relation, Span, TextRevision,
    change::Change,
    edit_error::{EditError, doc_index, ok_or_invalid},
    validate,
};

/// A new version of a document's text with every annotation carried across: what
/// [`super::Edit::UpdateText`] applies. The `reanchor` module works one out from a new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextUpdate {
    /// The document's id.
    pub doc: String,
    /// The new text: UTF-8 with "\n" newlines.
    pub text: String,
    /// The file the new text was read from, as the analyst gave it.
    pub source: Option<String>,
    /// What importing the new file did.
    pub import: Option<ImportRecord>,
    /// Every annotation with a place in the new text, at that place (char offsets, quote from
    /// the new text).
    pub annotations: Vec<Annotation>,
    /// The relations whose two ends are placed.
    pub relations: Vec<Relation>,
    /// Everything else: annotations without a confident place and earlier orphans still
    /// without one, holding the relations that link them.
    pub orphans: Vec<Orphan>,
    /// The record of this update; its `previous_sha256` is set from the document.
    pub revision: TextRevision,
}

/// Ids of a document's annotations and relations, placed or held by orphans.
fn item_ids<'a>(
    annotations: impl Iterator<Item = &'a Annotation>,
    relations: impl Iterator<Item = &'a Relation>,
    orphans: &'a [Orphan],
) -> BTreeSet<&'a str> {
    annotations
        .map(|a| a.id.as_str())
        .chain(relations.map(|r| r.id.as_str()))
        .chain(orphans.iter().map(Orphan::id))
        .chain(
            orphans
                .iter()
                .flat_map(|o| &o.relations)
                .map(|r| r.id.as_str()),
        )
        .collect()
}

/// Checks an update (nothing may be lost, everything placed must be sound) and plans it as
/// one replacement of the document, which undo reverses exactly.
pub(super) fn plan_text_update(
    project: &Project,
    update: &TextUpdate,
) -> Result<Vec<Change>, EditError> {
    let d = doc_index(project, &update.doc)?;
    let old = &project.documents[d];
    let mut new = Document::new(&old.id, &old.title, update.text.clone());
    if new.text_sha256 == old.text_sha256 {
        return Err(EditError::SameText);
    }
    if let Some(same) = project
        .documents
        .iter()
        .find(|other| other.id != old.id && other.text_sha256 == new.text_sha256)
    {
        return Err(EditError::DuplicateText {
            title: same.title.clone(),
        });
    }
    let before = item_ids(old.annotations.iter(), old.relations.iter(), &old.orphans);
    let after = item_ids(
        update.annotations.iter(),
        update.relations.iter(),
        &update.orphans,
    );
    if before != after {
        let lost: Vec<String> = before.difference(&after).map(|s| (*s).to_owned()).collect();
        let unknown: Vec<String> = after.difference(&before).map(|s| (*s).to_owned()).collect();
        return Err(EditError::UpdateMismatch { lost, unknown });
    }
    new.source = update.source.clone().or_else(|| old.source.clone());
    new.import.clone_from(&update.import);
    new.annotations.clone_from(&update.annotations);
    new.relations.clone_from(&update.relations);
    new.orphans.clone_from(&update.orphans);
    new.revisions.clone_from(&old.revisions);
    new.revisions.push(TextRevision {
        previous_sha256: old.text_sha256.clone(),
        ..update.revision.clone()
    });
    new.reindex_annotations();
    ok_or_invalid(validate::check_document_items(project, &new))?;
    Ok(vec![Change::ReplaceDocument {
        index: d,
        before: Box::new(old.clone()),
        after: Box::new(new),
    }])
}

fn orphan_index(project: &Project, d: usize, id: &str) -> Result<usize, EditError> {
    project.documents[d]
        .orphans
        .iter()
        .position(|o| o.id() == id)
        .ok_or_else(|| EditError::NoOrphan {
            doc: project.documents[d].id.clone(),
            id: id.to_owned(),
        })
}

/// The end of `relation` that is not `id` (or `id` itself for a relation to itself).
fn other_end<'a>(relation: &'a Relation, id: &str) -> &'a str {
    if relation.from == id {
        &relation.to
    } else {
        &relation.from
    }
}

/// Places orphan `id` of document `doc` at `span` of the current text. Its relations go back
/// to the document where the other end is placed, and to the other orphan where it is not.
pub(super) fn plan_place(
    project: &Project,
    doc: &str,
    id: &str,
    span: Span,
    now: &str,
) -> Result<Vec<Change>, EditError> {
    let d = doc_index(project, doc)?;
    let index = orphan_index(project, d, id)?;
    let document = &project.documents[d];
    let orphan = &document.orphans[index];
    let annotation = Annotation {
        start: span.start,
        end: span.end,
        quote: document.quote(span).unwrap_or_default().to_owned(),
        modified: now.to_owned(),
        ..orphan.annotation.clone()
    };
    ok_or_invalid(validate::check_annotation(
        document,
        &project.labels,
        &annotation,
    ))?;
    let mut changes = vec![
        Change::RemoveOrphan {
            doc: d,
            index,
            orphan: Box::new(orphan.clone()),
        },
        Change::InsertAnnotation { doc: d, annotation },
    ];
    // Orphans after the removed one move up by one.
    let mut remaining: Vec<&Orphan> = document.orphans.iter().collect();
    remaining.remove(index);
    let mut receivers: BTreeMap<usize, Orphan> = BTreeMap::new();
    let mut placed = document.relations.len();
    for relation in &orphan.relations {
        let other = other_end(relation, id);
        match remaining.iter().position(|o| o.id() == other) {
            Some(at) => receivers
                .entry(at)
                .or_insert_with(|| remaining[at].clone())
                .relations
                .push(relation.clone()),
            None => {
                changes.push(Change::InsertRelation {
                    doc: d,
                    index: placed,
                    relation: relation.clone(),
                });
                placed += 1;
            }
        }
    }
    changes.extend(
        receivers
            .into_iter()
            .map(|(at, after)| Change::ReplaceOrphan {
                doc: d,
                index: at,
                before: Box::new(remaining[at].clone()),
                after: Box::new(after),
            }),
    );
    Ok(changes)
}

/// Drops orphan `id` of document `doc` with the relations that link it.
pub(super) fn plan_drop(project: &Project, doc: &str, id: &str) -> Result<Vec<Change>, EditError> {
    let d = doc_index(project, doc)?;
    orphan_index(project, d, id)?;
    Ok(orphan_removals(project, d, &[id]))
}

/// Removes orphans `ids` of document `d`, and the relations other orphans hold to them.
pub(super) fn orphan_removals(project: &Project, d: usize, ids: &[&str]) -> Vec<Change> {
    let doc = &project.documents[d];
    let mut changes = relations_to(doc, d, ids);
    changes.extend(
        doc.orphans
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, o)| ids.contains(&o.id()))
            .map(|(index, orphan)| Change::RemoveOrphan {
                doc: d,
                index,
                orphan: Box::new(orphan.clone()),
            }),
    );
    changes
}

/// Takes out of the orphans of document `d` (other than `ids` themselves) the relations that
/// link one of `ids`, which are going away.
pub(super) fn relations_to(doc: &Document, d: usize, ids: &[&str]) -> Vec<Change> {
    doc.orphans
        .iter()
        .enumerate()
        .filter(|(_, o)| !ids.contains(&o.id()))
        .filter_map(|(index, orphan)| {
            let mut after = orphan.clone();
            after
                .relations
                .retain(|r| !ids.contains(&r.from.as_str()) && !ids.contains(&r.to.as_str()));
            (after != *orphan).then(|| Change::ReplaceOrphan {
                doc: d,
                index,
                before: Box::new(orphan.clone()),
                after: Box::new(after),
            })
        })
        .collect()
}

/// The orphans of document `d` with label `label`, relabelled to `target`.
pub(super) fn orphans_relabelled(
    doc: &Document,
    d: usize,
    label: &str,
    target: &str,
    now: &str,
) -> Vec<Change> {
    doc.orphans
        .iter()
        .enumerate()
        .filter(|(_, o)| o.annotation.label == label)
        .map(|(index, orphan)| {
            let mut after = orphan.clone();
            after.annotation.label = target.to_owned();
            after.annotation.modified = now.to_owned();
            Change::ReplaceOrphan {
                doc: d,
                index,
                before: Box::new(orphan.clone()),
                after: Box::new(after),
            }
        })
        .collect()
}
