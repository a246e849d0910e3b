//! `marginalia passages`: the coded passages of some labels across the documents (or one), with
//! their notes and what their relations tie them to, filtered by text and analyst, in document
//! order or by label; as lines, CSV or Markdown. Exit status 0 with passages, 1 with none.
//! Positions shown are chars, end-exclusive.

use std::{fmt::Write as _, path::Path};

use anyhow::Result;

use super::Outcome;
use crate::{
    analysis::{
        Passage, PassageFilter, PassageOrder, links, passages, passages_csv, passages_markdown,
    },
    excerpt::shorten,
    model::Project,
    workspace::choose_document,
};

/// How `passages` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassagesFormat {
    Text,
    Csv,
    Markdown,
}

/// What `passages` was asked.
pub struct PassagesArgs<'a> {
    pub project: &'a Path,
    pub labels: &'a [String],
    pub doc: Option<&'a str>,
    pub text: &'a str,
    pub analyst: &'a str,
    pub by_label: bool,
    pub format: PassagesFormat,
}

pub fn passages_of(args: &PassagesArgs<'_>) -> Result<Outcome> {
    let project = super::commands::open(args.project)?;
    super::commands::known_labels(&project, args.labels, args.project)?;
    let doc = match args.doc {
        Some(name) => {
            let id = choose_document(&project, Some(name))?.id().to_owned();
            project.documents().iter().position(|d| d.id() == id)
        }
        None => None,
    };
    let filter = PassageFilter {
        labels: args.labels.to_vec(),
        doc,
        text: args.text.to_owned(),
        analyst: args.analyst.to_owned(),
    };
    let order = if args.by_label {
        PassageOrder::Label
    } else {
        PassageOrder::Document
    };
    let listed = passages(&project, &filter, order);
    let out = match args.format {
        PassagesFormat::Text => lines(&project, &listed),
        PassagesFormat::Csv => passages_csv(&project, &listed)?,
        PassagesFormat::Markdown => passages_markdown(&project, &listed)?,
    };
    print!("{out}");
    Ok(if listed.is_empty() {
        Outcome::ProblemsFound
    } else {
        Outcome::Done
    })
}

/// One line per passage — document, position, label, quote — with its note and links indented
/// below, and the count last.
fn lines(project: &Project, listed: &[Passage]) -> String {
    let mut out = String::new();
    for passage in listed {
        let (doc, a) = (passage.document(project), passage.annotation);
        let label = passage.label_name(project);
        let quote = a.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            out,
            "{}  {}–{}  {label}  “{}”",
            shorten(doc.title(), 30),
            a.start,
            a.end,
            shorten(&quote, 100)
        );
        if !a.note.trim().is_empty() {
            let _ = writeln!(out, "    note: {}", a.note.trim());
        }
        for link in links(project, doc, a) {
            let _ = writeln!(out, "    {link}");
        }
    }
    let _ = writeln!(
        out,
        "{} passage{}",
        listed.len(),
        if listed.len() == 1 { "" } else { "s" }
    );
    out
}
