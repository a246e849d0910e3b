//! Curation: deciding each difference between analysts, with undo, and building the merged
//! project from the decisions. The input projects are never changed.
//!
//! A decision applies to one [`Item`]: accept one analyst's version, keep every version, or drop
//! them all. An agreement accepted (by "accept all agreements" or one by one) keeps its one
//! shared annotation. Items without a decision are left out of the merged project, and
//! [`Curation::undecided`] says how many there are. Each kept annotation records in its
//! `analysts` field whose projects had it (same span and label), and its note joins the notes of
//! those analysts ("Name: note" lines where they differ). Relations are decided by relation item
//! ([`super::RelationItem`]); an undecided one follows its ends: a relation of any analyst is kept
//! when both its ends are (once per kind and pair of merged ends), and [`Merged`] counts those
//! left out.

use std::collections::{HashMap, HashSet};

use super::{Comparison, Item};
use crate::model::{Annotation, Document, Meta, Project, Relation};

/// What to keep of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Keep this analyst's version (nothing, if they have none here).
    Accept(usize),
    /// Keep every analyst's version.
    KeepAll,
    /// Keep nothing.
    Drop,
}

/// Where an item is: document index and item index in a [`Comparison`].
pub type ItemRef = (usize, usize);

/// What a decision is on: an item of passages, or a relation item ([`super::RelationItem`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum On {
    Passage(ItemRef),
    Relation(ItemRef),
}

/// One undoable step: the decisions it changed, with their values before and after.
type Step = Vec<(On, Option<Decision>, Option<Decision>)>;

/// The decisions taken on a comparison's items, with undo and redo.
///
/// A relation item without a decision follows its ends: each relation in it is kept when both
/// its ends are. Deciding one keeps one analyst's relation (`Accept`), every analyst's
/// (`KeepAll`), or none (`Drop`), still only where both ends are kept.
#[derive(Debug, Clone, Default)]
pub struct Curation {
    decisions: Vec<Vec<Option<Decision>>>,
    relation_decisions: Vec<Vec<Option<Decision>>>,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Curation {
    /// No decisions yet on any item of `comparison`.
    #[must_use]
    pub fn new(comparison: &Comparison) -> Self {
        let none = |n: usize| vec![None; n];
        Self {
            decisions: comparison
                .documents
                .iter()
                .map(|d| none(d.items.len()))
                .collect(),
            relation_decisions: comparison
                .documents
                .iter()
                .map(|d| none(d.relation_items.len()))
                .collect(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    #[must_use]
    pub fn decision(&self, at: ItemRef) -> Option<Decision> {
        self.get(On::Passage(at))
    }

    /// The decision on relation item `at` (document, index into its relation items).
    #[must_use]
    pub fn relation_decision(&self, at: ItemRef) -> Option<Decision> {
        self.get(On::Relation(at))
    }

    fn get(&self, on: On) -> Option<Decision> {
        let (table, (doc, item)) = match on {
            On::Passage(at) => (&self.decisions, at),
            On::Relation(at) => (&self.relation_decisions, at),
        };
        table.get(doc)?.get(item).copied().flatten()
    }

    fn slot(&mut self, on: On) -> Option<&mut Option<Decision>> {
        let (table, (doc, item)) = match on {
            On::Passage(at) => (&mut self.decisions, at),
            On::Relation(at) => (&mut self.relation_decisions, at),
        };
        table.get_mut(doc)?.get_mut(item)
    }

    /// Sets (or with `None` clears) the decision on one item, as one undo step.
    pub fn decide(&mut self, at: ItemRef, decision: Option<Decision>) {
        self.record(vec![(On::Passage(at), decision)]);
    }

    /// Sets (or with `None` clears) the decision on one relation item, as one undo step.
    pub fn decide_relation(&mut self, at: ItemRef, decision: Option<Decision>) {
        self.record(vec![(On::Relation(at), decision)]);
    }

    /// Accepts every agreement not decided yet, as one undo step; returns how many.
    pub fn accept_all_agreements(&mut self, comparison: &Comparison) -> usize {
        let changes: Vec<(On, Option<Decision>)> = comparison
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.items
                    .iter()
                    .enumerate()
                    .filter(|(_, item)| item.kind == super::ItemKind::Agreement)
                    .map(move |(i, _)| (d, i))
            })
            .filter(|&at| self.decision(at).is_none())
            .map(|at| (On::Passage(at), Some(Decision::Accept(0))))
            .collect();
        let count = changes.len();
        self.record(changes);
        count
    }

    fn record(&mut self, changes: Vec<(On, Option<Decision>)>) {
        let step: Step = changes
            .into_iter()
            .filter_map(|(on, after)| {
                let before = self.get(on);
                *self.slot(on)? = after;
                (before != after).then_some((on, before, after))
            })
            .collect();
        if !step.is_empty() {
            self.undo.push(step);
            self.redo.clear();
        }
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for &(on, before, _) in &step {
            if let Some(slot) = self.slot(on) {
                *slot = before;
            }
        }
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for &(on, _, after) in &step {
            if let Some(slot) = self.slot(on) {
                *slot = after;
            }
        }
        self.undo.push(step);
        true
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Items with no decision yet.
    #[must_use]
    pub fn undecided(&self) -> usize {
        self.decisions
            .iter()
            .flatten()
            .filter(|d| d.is_none())
            .count()
    }

    /// The merged project: the compared documents (as in the first project) with the annotations
    /// the decisions keep, the relations the decisions on relation items keep whose two ends were
    /// kept (once per kind and pair of ends), and every label and relation kind of any project. `projects` are the
    /// compared projects in the comparison's order; `now` (RFC 3339) stamps the new project.
    #[must_use]
    pub fn merged_project(
        &self,
        comparison: &Comparison,
        projects: &[&Project],
        now: &str,
    ) -> Project {
        self.merged(comparison, projects, now).project
    }

    /// [`Self::merged_project`] with the relations left out because an end was not kept.
    #[must_use]
    pub fn merged(&self, comparison: &Comparison, projects: &[&Project], now: &str) -> Merged {
        let reference = projects[0];
        let meta = Meta {
            title: format!("{} (merged)", reference.meta().title),
            annotator: comparison.analysts.join(", "),
            created: now.to_owned(),
            modified: now.to_owned(),
        };
        let mut used_ids: HashSet<String> = HashSet::new();
        let mut dropped_relations = 0;
        let documents = comparison
            .documents
            .iter()
            .enumerate()
            .filter_map(|(d, compared)| {
                let original = reference.document(&compared.document_ids[0])?;
                let mut annotations = Vec::new();
                // Each analyst's annotation (analyst, id) → the merged annotation's id.
                let mut merged_id: HashMap<(usize, String), String> = HashMap::new();
                for (i, item) in compared.items.iter().enumerate() {
                    if let Some(decision) = self.decision((d, i)) {
                        for (annotation, sources) in
                            kept(item, decision, &comparison.analysts, &mut used_ids)
                        {
                            for source in sources {
                                merged_id.insert(source, annotation.id.clone());
                            }
                            annotations.push(annotation);
                        }
                    }
                }
                let decisions =
                    (0..compared.relation_items.len()).map(|r| self.relation_decision((d, r)));
                let (relations, dropped) = kept_relations(
                    &compared.relation_items,
                    decisions,
                    &merged_id,
                    &mut used_ids,
                );
                dropped_relations += dropped;
                let mut document =
                    Document::new(original.id(), original.title(), original.text().to_owned());
                if let Some(source) = original.source() {
                    document = document.with_source(source, original.import_record().cloned());
                }
                Some(
                    document
                        .with_annotations(annotations)
                        .with_relations(relations),
                )
            })
            .collect();
        let labels = super::codebook(projects);
        let project = Project::from_parts(meta, without_key_clashes(labels), documents)
            .with_relation_kinds(super::relation_kinds(projects));
        Merged {
            project,
            dropped_relations,
        }
    }
}

/// A merged project, and how many of the analysts' relations it left out because one of their
/// ends was not kept.
#[derive(Debug, Clone)]
pub struct Merged {
    pub project: Project,
    pub dropped_relations: usize,
}

/// The relations the decisions on a document's relation `items` keep (every analyst's when
/// undecided), tied to the merged annotations where both their ends were kept, once per kind and
/// pair of ends (the first analyst's note and id); and how many of those were left out because
/// an end was not kept.
fn kept_relations(
    items: &[super::RelationItem],
    decisions: impl Iterator<Item = Option<Decision>>,
    merged_id: &HashMap<(usize, String), String>,
    used_ids: &mut HashSet<String>,
) -> (Vec<Relation>, usize) {
    let mut kept: Vec<Relation> = Vec::new();
    let mut seen: HashSet<(String, String, String)> = HashSet::new();
    let mut dropped = 0;
    for (item, decision) in items.iter().zip(decisions) {
        let chosen = item.members.iter().filter(|m| match decision {
            None | Some(Decision::KeepAll) => true,
            Some(Decision::Accept(analyst)) => m.analyst == analyst,
            Some(Decision::Drop) => false,
        });
        for member in chosen {
            let relation = &member.relation;
            let end = |id: &str| merged_id.get(&(member.analyst, id.to_owned())).cloned();
            let (Some(from), Some(to)) = (end(&relation.from), end(&relation.to)) else {
                dropped += 1;
                continue;
            };
            if seen.insert((relation.kind.clone(), from.clone(), to.clone())) {
                kept.push(Relation {
                    id: unique_id(&relation.id, used_ids),
                    from,
                    to,
                    ..relation.clone()
                });
            }
        }
    }
    (kept, dropped)
}

/// The annotations `decision` keeps of `item`: one per distinct (span, label) among the chosen
/// members, each naming every analyst who had it, with the (analyst, id) of each member it
/// stands for.
fn kept(
    item: &Item,
    decision: Decision,
    analysts: &[String],
    used_ids: &mut HashSet<String>,
) -> Vec<(Annotation, Vec<(usize, String)>)> {
    let mut versions: Vec<Vec<&super::Member>> = Vec::new();
    for member in &item.members {
        let a = &member.annotation;
        match versions
            .iter_mut()
            .find(|v| v[0].annotation.span() == a.span() && v[0].annotation.label == a.label)
        {
            Some(version) => version.push(member),
            None => versions.push(vec![member]),
        }
    }
    let (kept, dropped): (Vec<_>, Vec<_>) =
        versions.into_iter().partition(|version| match decision {
            Decision::Accept(analyst) => version.iter().any(|m| m.analyst == analyst),
            Decision::KeepAll => true,
            Decision::Drop => false,
        });
    // Accepting one analyst's version keeps the others' notes too, with their names, on the
    // first annotation kept: a note is never dropped without a word.
    let mut dropped_notes: Vec<&super::Member> = dropped.into_iter().flatten().collect();
    kept.into_iter()
        .map(|version| {
            let others_noted = dropped_notes
                .iter()
                .any(|m| !m.annotation.note.trim().is_empty());
            let note = if others_noted {
                let mut noted = version.clone();
                noted.append(&mut dropped_notes);
                noted.sort_by_key(|m| m.analyst);
                named_notes(&noted, analysts)
            } else {
                joined_notes(&version, analysts)
            };
            let first = &version[0].annotation;
            let mut names: Vec<String> = version
                .iter()
                .map(|m| analysts[m.analyst].clone())
                .collect();
            names.dedup();
            let sources = version
                .iter()
                .map(|m| (m.analyst, m.annotation.id.clone()))
                .collect();
            let annotation = Annotation {
                id: unique_id(&first.id, used_ids),
                note,
                created: version
                    .iter()
                    .map(|m| m.annotation.created.as_str())
                    .min()
                    .unwrap_or("")
                    .to_owned(),
                modified: version
                    .iter()
                    .map(|m| m.annotation.modified.as_str())
                    .max()
                    .unwrap_or("")
                    .to_owned(),
                analysts: names,
                ..first.clone()
            };
            (annotation, sources)
        })
        .collect()
}

/// The notes of one version: the note when all who wrote one agree, else "Name: note" lines.
fn joined_notes(version: &[&super::Member], analysts: &[String]) -> String {
    let written: Vec<&super::Member> = version
        .iter()
        .copied()
        .filter(|m| !m.annotation.note.trim().is_empty())
        .collect();
    let first = written.first().map_or("", |m| m.annotation.note.as_str());
    if written.iter().all(|m| m.annotation.note == first) {
        return first.to_owned();
    }
    named_notes(version, analysts)
}

/// Every note written in `members`, one "Name: note" line each.
fn named_notes(members: &[&super::Member], analysts: &[String]) -> String {
    members
        .iter()
        .filter(|m| !m.annotation.note.trim().is_empty())
        .map(|m| format!("{}: {}", analysts[m.analyst], m.annotation.note))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `id`, or `id-2`, `id-3`, … if taken (analysts' projects may use the same ids).
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = id.to_owned();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// Clears the key of a label whose key an earlier label already uses.
fn without_key_clashes(mut labels: Vec<crate::model::Label>) -> Vec<crate::model::Label> {
    let mut keys = HashSet::new();
    for label in &mut labels {
        if let Some(key) = label.key
            && !keys.insert(key)
        {
            label.key = None;
        }
    }
    labels
}
