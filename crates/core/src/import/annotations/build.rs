//! Turning anchored annotations into a project: one [`Edit::Import`] that adds the missing labels,
//! the documents that are not there yet, and every annotation and relation — so that importing
//! into an open project is one undo step. A new project is built from the same edits, their
//! parts moved into it rather than applied (it needs no undo record).

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use super::{Anchored, AnchoredDocument};
use crate::model::{
    Annotation, Document, Edit, EditError, Label, Meta, Project, Relation, Span, ids,
    label::{PALETTE, parse_color},
    validate::check_project,
};

/// What an import adds, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub annotations: usize,
    pub relations: usize,
    pub documents_added: usize,
    pub labels_added: usize,
    /// Annotations left out because the document already had one with the same label and span.
    pub already_there: usize,
}

/// The labels of the project and those the import adds so far, looked up by name or id (either
/// case), with the ids, keys and colours they take.
struct LabelsSoFar {
    by_name: HashMap<String, String>,
    ids: HashSet<String>,
    keys: HashSet<char>,
    colors: HashSet<String>,
}

impl LabelsSoFar {
    fn of(labels: &[Label]) -> Self {
        let mut so_far = Self {
            by_name: HashMap::new(),
            ids: HashSet::new(),
            keys: HashSet::new(),
            colors: HashSet::new(),
        };
        for label in labels {
            so_far.add(label);
        }
        so_far
    }

    fn add(&mut self, label: &Label) {
        // A name matches before an id, as the first label of a name or id does.
        for key in [
            label.name.to_ascii_lowercase(),
            label.id.to_ascii_lowercase(),
        ] {
            self.by_name.entry(key).or_insert_with(|| label.id.clone());
        }
        self.ids.insert(label.id.clone());
        self.keys.extend(label.key);
        self.colors.insert(label.color.to_ascii_lowercase());
    }

    /// The id of the label named (or with the id) `name`, ignoring ASCII case.
    fn named(&self, name: &str) -> Option<&str> {
        self.by_name
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The first palette colour no label uses yet (the first colour when all are taken).
    fn free_color(&self) -> &'static str {
        PALETTE
            .iter()
            .find(|c| !self.colors.contains(&c.to_ascii_lowercase()))
            .unwrap_or(&PALETTE[0])
    }
}

/// Ids for one import, shaped as [`ids::fresh_id`] makes them (`PREFIX-` and 12 hex digits):
/// counting up from a random start, so that none repeats before the edit is applied without
/// keeping every id handed out, and skipping any the project already uses.
struct FreshIds<'p> {
    project: &'p Project,
    next: u64,
}

impl<'p> FreshIds<'p> {
    fn new(project: &'p Project) -> Self {
        let random = uuid::Uuid::new_v4().as_u64_pair().0;
        Self {
            project,
            next: random,
        }
    }

    fn id(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}-{:012x}", self.next & 0xffff_ffff_ffff);
            self.next = self.next.wrapping_add(1);
            if !self.project.id_in_use(&id) {
                return id;
            }
        }
    }
}

/// The one edit that brings `anchored` into `project`, and what it adds. Labels are matched by
/// name (case-insensitively) or id; documents by their text; `now` stamps annotations whose file
/// gives no time. The documents are taken out of `anchored`, their texts moved into the edit
/// rather than copied; its labels, notices and what could not be placed stay, for the report.
#[must_use]
pub fn into_edits(anchored: &mut Anchored, project: &Project, now: &str) -> (Edit, ImportSummary) {
    let documents = std::mem::take(&mut anchored.documents);
    let mut edits = Vec::with_capacity(anchored.labels.len() + documents.len());
    let mut summary = ImportSummary::default();
    let mut fresh = FreshIds::new(project);
    let mut labels = LabelsSoFar::of(project.labels());
    let mut label_ids: HashMap<String, String> = HashMap::new();
    for foreign in &anchored.labels {
        let id = match labels.named(&foreign.name) {
            Some(id) => id.to_owned(),
            None => {
                let mut id = ids::label_id_from_name(project, &foreign.name);
                let mut n = 2;
                while labels.ids.contains(&id) {
                    id = format!("{}-{n}", ids::label_id_from_name(project, &foreign.name));
                    n += 1;
                }
                let color = foreign
                    .color
                    .clone()
                    .filter(|c| parse_color(c).is_some())
                    .unwrap_or_else(|| labels.free_color().to_owned());
                let key = ('1'..='9').find(|k| !labels.keys.contains(k));
                let name = if foreign.name.trim().is_empty() {
                    id.clone()
                } else {
                    foreign.name.clone()
                };
                let label = Label {
                    key,
                    description: foreign.description.clone(),
                    ..Label::new(&id, &name, &color)
                };
                labels.add(&label);
                edits.push(Edit::AddLabel(label));
                summary.labels_added += 1;
                id
            }
        };
        label_ids.insert(foreign.name.clone(), id);
    }

    // Each document by the SHA-256 of its text: its id and its number for `seen`.
    let mut doc_ids: HashMap<[u8; 32], (String, usize)> = HashMap::new();
    let mut seen = Seen::default();
    for (number, d) in project.documents().iter().enumerate() {
        doc_ids.insert(sha256(d.text()), (d.id().to_owned(), number));
        for a in d.annotations() {
            seen.insert(number, &a.label, a.span());
        }
    }
    for doc in documents {
        let hash = sha256(&doc.text);
        let ((doc_id, doc_number), is_new) = match doc_ids.get(&hash) {
            Some(known) => (known.clone(), false),
            None => {
                let known = (fresh.id("d"), doc_ids.len());
                doc_ids.insert(hash, known.clone());
                (known, true)
            }
        };
        let (annotations, foreign_to_new) = annotations_of(
            &doc,
            doc_number,
            &label_ids,
            &mut seen,
            &mut fresh,
            &mut summary,
            now,
        );
        let AnchoredDocument {
            title,
            text,
            relations,
            ..
        } = doc;
        if is_new {
            summary.documents_added += 1;
            edits.push(Edit::AddDocument(Box::new(
                Document::new(&doc_id, &title, text).with_annotations(annotations),
            )));
        } else {
            edits.extend(
                annotations
                    .into_iter()
                    .map(|annotation| Edit::AddAnnotation {
                        doc: doc_id.clone(),
                        annotation,
                    }),
            );
        }
        for r in relations {
            let (Some(from), Some(to)) = (foreign_to_new.get(&r.from), foreign_to_new.get(&r.to))
            else {
                continue;
            };
            summary.relations += 1;
            let kind = if r.kind.trim().is_empty() {
                "related_to".to_owned()
            } else {
                r.kind
            };
            edits.push(Edit::AddRelation {
                doc: doc_id.clone(),
                relation: Relation {
                    id: fresh.id("r"),
                    kind,
                    from: from.clone(),
                    to: to.clone(),
                    note: r.note,
                },
            });
        }
    }
    (Edit::Import(edits), summary)
}

/// The SHA-256 of `text`.
fn sha256(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// The passages coded so far — each document's number, label and span — to leave out an
/// annotation that is already there; labels are numbered too, so that no name is copied for
/// each annotation.
#[derive(Default)]
struct Seen {
    labels: HashMap<String, usize>,
    passages: HashSet<(usize, usize, Span)>,
}

impl Seen {
    /// Records a passage; false when it was already there.
    fn insert(&mut self, doc_number: usize, label: &str, span: Span) -> bool {
        let label = match self.labels.get(label) {
            Some(&number) => number,
            None => {
                let number = self.labels.len();
                self.labels.insert(label.to_owned(), number);
                number
            }
        };
        self.passages.insert((doc_number, label, span))
    }
}

/// The new annotations of one anchored document, and the map from the file's ids to the new ids.
fn annotations_of(
    doc: &AnchoredDocument,
    doc_number: usize,
    label_ids: &HashMap<String, String>,
    seen: &mut Seen,
    fresh: &mut FreshIds,
    summary: &mut ImportSummary,
    now: &str,
) -> (Vec<Annotation>, HashMap<String, String>) {
    let mut annotations = Vec::with_capacity(doc.annotations.len());
    let mut foreign_to_new = HashMap::new();
    let index = crate::model::OffsetIndex::new(&doc.text);
    for a in &doc.annotations {
        let label = label_ids
            .get(&a.label)
            .cloned()
            .unwrap_or_else(|| a.label.clone());
        if !seen.insert(doc_number, &label, a.span) {
            summary.already_there += 1;
            continue;
        }
        let quote = index
            .byte_range(&doc.text, a.span)
            .and_then(|r| doc.text.get(r))
            .unwrap_or_default()
            .to_owned();
        let id = fresh.id("a");
        foreign_to_new.insert(a.foreign_id.clone(), id.clone());
        let created = a.created.clone().unwrap_or_else(|| now.to_owned());
        annotations.push(Annotation {
            id,
            label,
            start: a.span.start,
            end: a.span.end,
            quote,
            note: a.note.clone(),
            modified: a.modified.clone().unwrap_or_else(|| created.clone()),
            created,
            analysts: Vec::new(),
            origin: crate::model::Origin::ByHand,
        });
        summary.annotations += 1;
    }
    annotations.sort_by(|x, y| x.sort_key().cmp(&y.sort_key()));
    (annotations, foreign_to_new)
}

/// A new project holding everything `anchored` places, with the labels the files name: titled
/// `title`, by the files' annotator, else `annotator`.
pub fn into_project(
    mut anchored: Anchored,
    title: &str,
    annotator: &str,
    now: &str,
) -> Result<(Project, ImportSummary), EditError> {
    let meta = Meta {
        title: title.to_owned(),
        annotator: anchored
            .annotator
            .clone()
            .unwrap_or_else(|| annotator.to_owned()),
        created: now.to_owned(),
        modified: now.to_owned(),
    };
    into_new_project(&mut anchored, meta, now)
}

/// A new project with `meta` holding everything `anchored` places, its documents taken out as
/// [`into_edits`] does. The import's edits are taken apart rather than applied: a new project
/// needs no undo record, so each document is moved into the project instead of being copied
/// into the record as well. The project is then checked as a loaded file is, every invariant at
/// once.
pub fn into_new_project(
    anchored: &mut Anchored,
    meta: Meta,
    now: &str,
) -> Result<(Project, ImportSummary), EditError> {
    let empty = Project::from_parts(meta.clone(), Vec::new(), Vec::new());
    let (edit, summary) = into_edits(anchored, &empty, now);
    let Edit::Import(edits) = edit else {
        unreachable!("into_edits makes one import edit")
    };
    let mut labels = Vec::new();
    let mut documents = Vec::with_capacity(summary.documents_added);
    // What the edits add to documents they added before, by the document's place: annotations
    // on a text the files hold twice, and relations.
    let mut later: HashMap<usize, (Vec<Annotation>, Vec<Relation>)> = HashMap::new();
    let mut document_at: HashMap<String, usize> = HashMap::new();
    let at = |document_at: &HashMap<String, usize>, doc: &str| {
        document_at
            .get(doc)
            .copied()
            .ok_or_else(|| EditError::NoDocument(doc.to_owned()))
    };
    for edit in edits {
        match edit {
            Edit::AddLabel(label) => labels.push(label),
            Edit::AddDocument(document) => {
                document_at.insert(document.id().to_owned(), documents.len());
                documents.push(*document);
            }
            Edit::AddAnnotation { doc, annotation } => {
                later
                    .entry(at(&document_at, &doc)?)
                    .or_default()
                    .0
                    .push(annotation);
            }
            Edit::AddRelation { doc, relation } => {
                later
                    .entry(at(&document_at, &doc)?)
                    .or_default()
                    .1
                    .push(relation);
            }
            other => unreachable!("into_edits makes no {other:?} for a new project"),
        }
    }
    for (at, (more, relations)) in later {
        let placeholder = Document::new("", "", String::new());
        let mut document = std::mem::replace(&mut documents[at], placeholder);
        if !more.is_empty() {
            let mut all = document.annotations().to_vec();
            all.extend(more);
            document = document.with_annotations(all);
        }
        documents[at] = document.with_relations(relations);
    }
    let project = Project::from_parts(meta, labels, documents);
    let problems = check_project(&project);
    if problems.is_empty() {
        Ok((project, summary))
    } else {
        Err(EditError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::annotations::{AnchoredAnnotation, ForeignLabel, ForeignRelation};
    use crate::model::{Editor, Span};

    const NOW: &str = "2026-11-26T10:00:00Z";

    fn placed(id: &str, label: &str, start: usize, end: usize) -> AnchoredAnnotation {
        AnchoredAnnotation {
            foreign_id: id.into(),
            label: label.into(),
            span: Span::new(start, end),
            note: format!("note {id}"),
            created: None,
            modified: None,
            creator: None,
        }
    }

    fn anchored(text: &str) -> Anchored {
        Anchored {
            labels: vec![
                ForeignLabel {
                    name: "claim".into(),
                    ..ForeignLabel::default()
                },
                ForeignLabel {
                    name: "Policy goal".into(),
                    color: Some("#112233".into()),
                    description: "What a text wants done.".into(),
                },
            ],
            documents: vec![AnchoredDocument {
                title: "Imported".into(),
                text: text.into(),
                known: None,
                file: "x.ann".into(),
                annotations: vec![
                    placed("T1", "claim", 0, 3),
                    placed("T2", "Policy goal", 4, 7),
                ],
                relations: vec![ForeignRelation {
                    kind: "supports".into(),
                    from: "T2".into(),
                    to: "T1".into(),
                    note: String::new(),
                }],
            }],
            ..Anchored::default()
        }
    }

    #[test]
    fn a_new_project_holds_the_files_labels_documents_and_relations() {
        let (project, summary) = into_project(anchored("one two three"), "T", "A", NOW).unwrap();
        assert!(
            check_project(&project).is_empty(),
            "{:?}",
            check_project(&project)
        );
        let names: Vec<&str> = project.labels().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["claim", "Policy goal"]);
        let goal = project.label("policy-goal").unwrap();
        assert_eq!((goal.color.as_str(), goal.key), ("#112233", Some('2')));
        let doc = &project.documents()[0];
        let quotes: Vec<&str> = doc.annotations().iter().map(|a| a.quote.as_str()).collect();
        assert_eq!(quotes, ["one", "two"]);
        assert_eq!(doc.annotations()[0].created, NOW);
        assert_eq!(doc.relations().len(), 1);
        assert_eq!(
            summary,
            ImportSummary {
                annotations: 2,
                relations: 1,
                documents_added: 1,
                labels_added: 2,
                already_there: 0,
            }
        );
    }

    #[test]
    fn an_import_into_a_project_reuses_its_labels_and_documents_and_skips_what_is_there() {
        let (mut project, _) = into_project(anchored("one two three"), "T", "A", NOW).unwrap();
        let mut again = anchored("one two three");
        again.labels[0].name = "CLAIM".into();
        again.documents[0].annotations[0].label = "CLAIM".into();
        again.documents[0]
            .annotations
            .push(placed("T3", "CLAIM", 8, 13));
        let (edit, summary) = into_edits(&mut again, &project, NOW);
        assert_eq!((summary.annotations, summary.already_there), (1, 2));
        assert_eq!((summary.documents_added, summary.labels_added), (0, 0));
        let mut editor = Editor::new(project.clone());
        editor.apply(edit, NOW).unwrap();
        project = editor.into_project();
        assert_eq!(project.documents().len(), 1);
        let doc = &project.documents()[0];
        assert_eq!(doc.annotations().len(), 3);
        assert_eq!(doc.annotations()[2].quote, "three");
        assert_eq!(doc.annotations()[2].label, "claim");
    }
}
