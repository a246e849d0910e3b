//! Plain-text summaries of a project for the command line.

use std::fmt::Write;

use crate::model::{ImportRecord, NewlineStyle, Project, plural::counted};

/// "2 documents, 66 annotations, 0 relations".
#[must_use]
pub fn totals(project: &Project) -> String {
    let docs = project.documents();
    let annotations: usize = docs.iter().map(|d| d.annotations().len()).sum();
    let relations: usize = docs.iter().map(|d| d.relations().len()).sum();
    format!(
        "{}, {}, {}",
        counted(docs.len(), "document"),
        counted(annotations, "annotation"),
        counted(relations, "relation")
    )
}

/// What the import did, as a parenthetical tail: ", decoded from windows-1252, CRLF → LF".
#[must_use]
pub fn import_notes(record: &ImportRecord) -> String {
    let mut notes = String::new();
    if record.encoding != "UTF-8" || record.bom {
        let bom = if record.bom {
            " with byte order mark"
        } else {
            ""
        };
        let _ = write!(notes, ", decoded from {}{bom}", record.encoding);
    }
    match record.newlines {
        NewlineStyle::Crlf => notes.push_str(", CRLF newlines → LF"),
        NewlineStyle::Cr => notes.push_str(", CR newlines → LF"),
        NewlineStyle::Mixed => notes.push_str(", mixed newlines → LF"),
        NewlineStyle::Lf | NewlineStyle::None => {}
    }
    notes
}

/// The `info` report: project details, labels with counts, documents with sizes and counts.
#[must_use]
pub fn info(project: &Project) -> String {
    let meta = project.meta();
    let mut out = String::new();
    let _ = writeln!(out, "{}", meta.title);
    let _ = writeln!(out, "  annotator: {}", meta.annotator);
    let _ = writeln!(out, "  created:   {}", meta.created);
    let _ = writeln!(out, "  modified:  {}", meta.modified);
    let _ = writeln!(out, "  {}", totals(project));
    let _ = writeln!(out, "\nlabels:");
    for label in project.labels() {
        let key = label.key.map(|k| format!(" [{k}]")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<12} {:<16} {} {:>5}",
            label.id,
            format!("{}{key}", label.name),
            label.color,
            project.label_count(&label.id)
        );
    }
    let _ = writeln!(out, "\ndocuments:");
    for (n, doc) in project.documents().iter().enumerate() {
        let words = doc.text().split_whitespace().count();
        let _ = writeln!(
            out,
            "  {}. {}\n     {} chars, {words} words, {} annotations, {} relations",
            n + 1,
            doc.title(),
            doc.char_len(),
            doc.annotations().len(),
            doc.relations().len()
        );
        let counts: Vec<String> = project
            .labels()
            .iter()
            .map(|l| {
                let count = doc.annotations().iter().filter(|a| a.label == l.id).count();
                format!("{} {count}", l.id)
            })
            .collect();
        let _ = writeln!(out, "     {}", counts.join(", "));
        if let Some(source) = doc.source() {
            let notes = doc.import_record().map(import_notes).unwrap_or_default();
            let _ = writeln!(out, "     from {source}{notes}");
        }
    }
    out
}
