//! `marginalia stats`: what a project's coding adds up to — passages and coded chars per
//! document and label with totals, label co-occurrence, relations per kind and the sources ranked
//! by the claims attributed to them — as tables, JSON, or CSV (the document × label counts, one
//! row per document and label).

use std::{fmt::Write as _, path::Path};

use anyhow::Result;
use serde_json::json;

use super::Outcome;
use crate::{
    analysis::{co_occurrence, count_table, count_table_csv, relation_counts, sources_ranked},
    excerpt::shorten,
    model::Project,
};

/// How `stats` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Json,
    Csv,
}

pub fn stats(path: &Path, format: StatsFormat) -> Result<Outcome> {
    let project = super::commands::open(path)?;
    let out = match format {
        StatsFormat::Text => text(&project),
        StatsFormat::Json => json_of(&project),
        StatsFormat::Csv => csv(&project)?,
    };
    print!("{out}");
    Ok(Outcome::Done)
}

fn label_name<'p>(project: &'p Project, id: &'p str) -> &'p str {
    project.label(id).map_or(id, |l| l.name.as_str())
}

fn kind_name<'p>(project: &'p Project, id: &'p str) -> &'p str {
    project.relation_kind(id).map_or(id, |k| k.name.as_str())
}

fn text(project: &Project) -> String {
    let table = count_table(project);
    let mut out = String::from("Passages / chars coded, per document and label\n");
    let _ = write!(out, "  {:<40}", "document");
    for label in &table.labels {
        let _ = write!(out, "{:>16}", shorten(label_name(project, label), 15));
    }
    out.push('\n');
    let row = |out: &mut String, title: &str, cells: &[crate::analysis::Cell]| {
        let _ = write!(out, "  {:<40}", shorten(title, 39));
        for cell in cells {
            let _ = write!(out, "{:>16}", format!("{} / {}", cell.passages, cell.chars));
        }
        out.push('\n');
    };
    for (_, title, cells) in &table.rows {
        row(&mut out, title, cells);
    }
    row(&mut out, "total", &table.totals);

    out.push_str("\nCo-occurrence: pairs of passages that overlap, nest or share a sentence\n");
    let _ = write!(out, "  {:<16}", "");
    for label in &table.labels {
        let _ = write!(out, "{:>16}", shorten(label_name(project, label), 15));
    }
    out.push('\n');
    for (label, counts) in table.labels.iter().zip(co_occurrence(project)) {
        let _ = write!(out, "  {:<16}", shorten(label_name(project, label), 15));
        for n in counts {
            let _ = write!(out, "{n:>16}");
        }
        out.push('\n');
    }

    out.push_str("\nRelations per kind\n");
    for (kind, n) in relation_counts(project) {
        let _ = writeln!(out, "  {:<24}{n:>6}", kind_name(project, &kind));
    }
    let sources = sources_ranked(project);
    if !sources.is_empty() {
        out.push_str("\nSources, by the claims attributed to them\n");
        for (source, n) in sources {
            let _ = writeln!(out, "  {n:>6}  {}", shorten(&source, 70));
        }
    }
    out
}

fn json_of(project: &Project) -> String {
    let table = count_table(project);
    let cells = |cells: &[crate::analysis::Cell]| -> serde_json::Value {
        table
            .labels
            .iter()
            .zip(cells)
            .map(|(label, cell)| {
                (
                    label.clone(),
                    json!({ "passages": cell.passages, "chars": cell.chars }),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let co: serde_json::Map<_, _> = table
        .labels
        .iter()
        .zip(co_occurrence(project))
        .map(|(label, counts)| {
            let row: serde_json::Map<_, _> = table
                .labels
                .iter()
                .zip(counts)
                .map(|(other, n)| (other.clone(), json!(n)))
                .collect();
            (label.clone(), row.into())
        })
        .collect();
    let value = json!({
        "documents": table.rows.iter().map(|(id, title, row)| json!({
            "id": id, "title": title, "labels": cells(row),
        })).collect::<Vec<_>>(),
        "totals": cells(&table.totals),
        "co_occurrence": co,
        "relations": relation_counts(project).into_iter()
            .map(|(kind, n)| (kind, json!(n)))
            .collect::<serde_json::Map<_, _>>(),
        "sources": sources_ranked(project).into_iter()
            .map(|(source, claims)| json!({ "source": source, "claims": claims }))
            .collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn csv(project: &Project) -> Result<String> {
    Ok(count_table_csv(project)?)
}
