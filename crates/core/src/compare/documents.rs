//! Which documents of several projects are the same article: matched by `text_sha256`, never
//! by title. Documents that are not in every project, or that share a title but not the text,
//! are reported by title instead of compared.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Document, Project};

/// Why a document was not compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotComparedReason {
    /// The same text is not in every project (it is in `present_in`).
    NotInEveryProject,
    /// Every project has a document with this title, but the texts differ.
    TextDiffers,
}

/// A document left out of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCompared {
    pub title: String,
    pub reason: NotComparedReason,
    /// Analysts whose project has this document (this text, or for `TextDiffers` this title).
    pub present_in: Vec<usize>,
}

/// The documents to compare: for each, the document of every project (in project order); the
/// order follows the first project.
pub struct Matched<'a> {
    pub documents: Vec<Vec<&'a Document>>,
    pub not_compared: Vec<NotCompared>,
}

/// Matches the documents of `projects` by the hash of their text.
#[must_use]
pub fn match_documents<'a>(projects: &[&'a Project]) -> Matched<'a> {
    let mut by_hash: HashMap<&str, Vec<Option<&'a Document>>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (p, project) in projects.iter().enumerate() {
        for doc in project.documents() {
            let slots = by_hash.entry(doc.text_sha256()).or_insert_with(|| {
                order.push(doc.text_sha256());
                vec![None; projects.len()]
            });
            // A project holds each text once; should one not, its first copy counts.
            slots[p].get_or_insert(doc);
        }
    }

    let mut documents = Vec::new();
    let mut partial: Vec<Vec<Option<&'a Document>>> = Vec::new();
    for hash in order {
        let slots = by_hash.remove(hash).unwrap_or_default();
        if slots.iter().all(Option::is_some) {
            documents.push(slots.into_iter().flatten().collect());
        } else {
            partial.push(slots);
        }
    }

    let mut not_compared: Vec<NotCompared> = Vec::new();
    let mut titles_done: Vec<String> = Vec::new();
    for slots in &partial {
        let title = slots.iter().flatten().next().map_or("", |d| d.title());
        if titles_done.iter().any(|t| t == title) {
            continue;
        }
        // Does every project have a document of this title among the unmatched ones?
        let with_title: Vec<usize> = (0..projects.len())
            .filter(|&p| {
                partial
                    .iter()
                    .any(|s| s[p].is_some_and(|d| d.title() == title))
            })
            .collect();
        if with_title.len() == projects.len() {
            titles_done.push(title.to_owned());
            not_compared.push(NotCompared {
                title: title.to_owned(),
                reason: NotComparedReason::TextDiffers,
                present_in: with_title,
            });
        } else {
            not_compared.push(NotCompared {
                title: title.to_owned(),
                reason: NotComparedReason::NotInEveryProject,
                present_in: (0..projects.len())
                    .filter(|&p| slots[p].is_some())
                    .collect(),
            });
        }
    }
    Matched {
        documents,
        not_compared,
    }
}
