//! `marginalia find`: every hit of a search in the project's articles, in its context (or as
//! JSON); with `--tag`, every hit tagged with a label in one step and the project saved
//! (atomically, holding its lock). Offsets shown are chars, end-exclusive.

use std::{fmt::Write as _, path::Path};

use anyhow::{Context, Result};
use serde_json::json;

use super::{Outcome, args::WidenArg};
use crate::{
    analysis::{Hit, Query, Widen, in_context, plan_tags, search},
    clock::now_rfc3339,
    model::Project,
    workspace::choose_document,
};

/// What `find` was asked.
pub struct FindArgs<'a> {
    pub project: &'a Path,
    pub query: Query,
    pub doc: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub widen: WidenArg,
    pub json: bool,
}

pub fn find(args: &FindArgs<'_>) -> Result<Outcome> {
    let matcher = args
        .query
        .compile()
        .with_context(|| format!("the pattern “{}”", args.query.pattern))?;
    let Some(label) = args.tag else {
        let project = super::commands::open(args.project)?;
        let hits = hits_in(&project, &matcher, args.doc)?;
        print!("{}", report(&project, &hits, args.json));
        return Ok(outcome(&hits));
    };
    let mut workspace = super::locked::open_locked(args.project)?;
    let project = workspace.project();
    super::commands::known_labels(project, &[label.to_owned()], args.project)?;
    let hits = hits_in(project, &matcher, args.doc)?;
    print!("{}", report(project, &hits, args.json));
    let plan = plan_tags(project, &hits, label, widen(args.widen), &now_rfc3339())?;
    let (tagged, skipped) = (plan.tagged, plan.skipped);
    if tagged > 0 {
        workspace.editor_mut().apply(plan.edit, &now_rfc3339())?;
        workspace.save()?;
    }
    eprintln!(
        "tagged {tagged} passage{} as {label}{}; {}",
        if tagged == 1 { "" } else { "s" },
        if skipped > 0 {
            format!(" ({skipped} already coded so, skipped)")
        } else {
            String::new()
        },
        if tagged > 0 {
            format!("saved {}", args.project.display())
        } else {
            "nothing to save".to_owned()
        }
    );
    Ok(outcome(&hits))
}

fn outcome(hits: &[Hit]) -> Outcome {
    if hits.is_empty() {
        Outcome::ProblemsFound
    } else {
        Outcome::Done
    }
}

fn widen(arg: WidenArg) -> Widen {
    match arg {
        WidenArg::Exact => Widen::Exact,
        WidenArg::Word => Widen::Word,
        WidenArg::Sentence => Widen::Sentence,
        WidenArg::Paragraph => Widen::Paragraph,
    }
}

fn hits_in(
    project: &Project,
    matcher: &crate::analysis::Matcher,
    doc: Option<&str>,
) -> Result<Vec<Hit>> {
    let only = match doc {
        Some(name) => Some(choose_document(project, Some(name))?.id().to_owned()),
        None => None,
    };
    Ok(search(project, matcher, only.as_deref()))
}

/// The hits as lines ("title  start..end  …left [match] right…") or as JSON.
fn report(project: &Project, hits: &[Hit], json: bool) -> String {
    let docs = project.documents();
    if json {
        let hits: Vec<_> = hits
            .iter()
            .map(|hit| {
                let doc = &docs[hit.doc];
                let kwic = in_context(doc, hit.span);
                json!({
                    "document": doc.id(), "title": doc.title(),
                    "start": hit.span.start, "end": hit.span.end,
                    "left": kwic.left, "match": kwic.matched, "right": kwic.right,
                })
            })
            .collect();
        let value = json!({ "count": hits.len(), "hits": hits });
        return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    }
    let mut out = String::new();
    for hit in hits {
        let doc = &docs[hit.doc];
        let kwic = in_context(doc, hit.span);
        let _ = writeln!(
            out,
            "{}  {}..{}  …{}[{}]{}…",
            doc.title(),
            hit.span.start,
            hit.span.end,
            kwic.left,
            kwic.matched,
            kwic.right
        );
    }
    let _ = writeln!(
        out,
        "{} hit{}",
        hits.len(),
        if hits.len() == 1 { "" } else { "s" }
    );
    out
}
