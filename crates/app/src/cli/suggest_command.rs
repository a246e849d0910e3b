//! `marginalia suggest`: the proposals of the suggestion rules, with the rule and the reason
//! (or as JSON); `--apply` adds them — claims linked to their sources — as one step and saves the
//! project (atomically, holding its lock); `--evaluate` scores them against the project's own
//! annotations. Offsets shown are chars, end-exclusive.

use std::{fmt::Write as _, path::Path};

use anyhow::{Context, Result, bail};
use serde_json::json;

use super::Outcome;
use crate::{
    clock::now_rfc3339,
    compare::figure_text,
    excerpt::shorten,
    model::Project,
    suggest::{
        self as engine, Evaluation, Proposal, Roles, Rules, SuggestOptions, evaluate, plan_accept,
    },
    workspace::choose_document,
};

/// What `suggest` was asked.
pub struct SuggestArgs<'a> {
    pub project: &'a Path,
    pub doc: Option<&'a str>,
    pub labels: &'a [String],
    pub min_confidence: f32,
    pub rules: Option<&'a Path>,
    pub maps: &'a [String],
    pub apply: bool,
    pub evaluate: bool,
    pub json: bool,
}

pub fn suggest(args: &SuggestArgs<'_>) -> Result<Outcome> {
    let rules = match args.rules {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the rules file {}", path.display()))?;
            Rules::parse(&text).with_context(|| path.display().to_string())?
        }
        None => Rules::english(),
    };
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!("--min-confidence is a number from 0 to 1");
    }
    if !args.apply {
        let project = super::commands::open(args.project)?;
        let roles = roles(&project, args.maps, args.project)?;
        if args.evaluate {
            let evaluation = evaluate(&project, &rules, &roles, args.min_confidence);
            print!("{}", evaluation_report(&evaluation, args.json)?);
            return Ok(Outcome::Done);
        }
        let proposals = proposals(&project, &rules, &roles, args)?;
        print!("{}", report(&project, &proposals, args.json));
        return Ok(outcome(&proposals));
    }
    let mut workspace = super::locked::open_locked(args.project)?;
    let project = workspace.project();
    let roles = roles(project, args.maps, args.project)?;
    let proposals = proposals(project, &rules, &roles, args)?;
    print!("{}", report(project, &proposals, args.json));
    if proposals.is_empty() {
        eprintln!("nothing proposed; nothing to save");
        return Ok(Outcome::ProblemsFound);
    }
    let all: Vec<usize> = (0..proposals.len()).collect();
    let added = plan_accept(workspace.project(), &proposals, &all, &now_rfc3339())?;
    workspace.editor_mut().apply(added.edit, &now_rfc3339())?;
    workspace.save()?;
    eprintln!(
        "added {} annotation{} and {} relation{}; saved {}",
        added.annotations,
        if added.annotations == 1 { "" } else { "s" },
        added.relations,
        if added.relations == 1 { "" } else { "s" },
        args.project.display()
    );
    Ok(Outcome::Done)
}

fn outcome(proposals: &[Proposal]) -> Outcome {
    if proposals.is_empty() {
        Outcome::ProblemsFound
    } else {
        Outcome::Done
    }
}

/// The roles: the labels with ids source, claim and norm, changed by `LABEL=ROLE` maps.
fn roles(project: &Project, maps: &[String], path: &Path) -> Result<Roles> {
    let mut roles = Roles::of(project);
    for map in maps {
        let Some((label, role)) = map.split_once('=') else {
            bail!("--map takes LABEL=ROLE, e.g. Content=claim; got “{map}”");
        };
        let found = project
            .labels()
            .iter()
            .find(|l| l.id.eq_ignore_ascii_case(label) || l.name.eq_ignore_ascii_case(label));
        let Some(found) = found else {
            let known: Vec<&str> = project.labels().iter().map(|l| l.name.as_str()).collect();
            bail!(
                "{}: there is no label “{label}”; the labels are {}",
                path.display(),
                known.join(", ")
            );
        };
        let slot = match role.to_lowercase().as_str() {
            "source" => &mut roles.source,
            "claim" => &mut roles.claim,
            "norm" => &mut roles.norm,
            other => bail!("“{other}” is not a role; the roles are source, claim and norm"),
        };
        *slot = Some(found.id.clone());
    }
    if roles.source.is_none() && roles.claim.is_none() && roles.norm.is_none() {
        bail!(
            "{}: no label plays a role (source, claim, norm); map one with --map LABEL=ROLE",
            path.display()
        );
    }
    Ok(roles)
}

fn proposals(
    project: &Project,
    rules: &Rules,
    roles: &Roles,
    args: &SuggestArgs<'_>,
) -> Result<Vec<Proposal>> {
    super::commands::known_labels(project, args.labels, args.project)?;
    let doc = match args.doc {
        Some(name) => {
            let id = choose_document(project, Some(name))?.id().to_owned();
            project.document_index(&id)
        }
        None => None,
    };
    let options = SuggestOptions {
        doc,
        labels: args.labels.to_vec(),
        min_confidence: args.min_confidence,
    };
    Ok(engine::suggest(project, rules, roles, &options))
}

/// The proposals as lines ("title  start..end  label  0.90  rule  “quote”  — reason") or JSON.
fn report(project: &Project, proposals: &[Proposal], json: bool) -> String {
    let docs = project.documents();
    let quote = |p: &Proposal| docs[p.doc].quote(p.span).unwrap_or_default().to_owned();
    if json {
        let listed: Vec<_> = proposals
            .iter()
            .map(|p| {
                json!({
                    "document": docs[p.doc].id(), "start": p.span.start, "end": p.span.end,
                    "label": p.label, "quote": quote(p), "rule": p.rule,
                    "confidence": p.confidence, "reason": p.reason,
                    "cue": p.cue.map(|c| json!({"start": c.start, "end": c.end})),
                    "source": p.source,
                })
            })
            .collect();
        let value = json!({ "count": listed.len(), "proposals": listed });
        return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    }
    let mut out = String::new();
    for (i, p) in proposals.iter().enumerate() {
        let source = p
            .source
            .map(|s| format!("  (source: #{s})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "#{i}  {}  {}..{}  {}  {:.2}  {}  “{}”  — {}{source}",
            docs[p.doc].title(),
            p.span.start,
            p.span.end,
            p.label,
            p.confidence,
            p.rule,
            shorten(&quote(p), 80),
            p.reason,
        );
    }
    let _ = writeln!(
        out,
        "{} proposal{}",
        proposals.len(),
        if proposals.len() == 1 { "" } else { "s" }
    );
    out
}

fn evaluation_report(evaluation: &Evaluation, json: bool) -> Result<String> {
    if json {
        return Ok(serde_json::to_string_pretty(evaluation)? + "\n");
    }
    let mut out = format!(
        "{} document{}\nlabel     coded  proposed  strict P / R / F1     overlap P / R / F1\n",
        evaluation.documents,
        if evaluation.documents == 1 { "" } else { "s" }
    );
    for l in &evaluation.labels {
        let three = |prf: &crate::compare::Prf| {
            format!(
                "{} / {} / {}",
                figure_text(prf.precision),
                figure_text(prf.recall),
                figure_text(prf.f1)
            )
        };
        let _ = writeln!(
            out,
            "{:<9} {:>5}  {:>8}  {:<21}  {}",
            l.label,
            l.annotations,
            l.proposals,
            three(&l.strict),
            three(&l.overlap)
        );
    }
    Ok(out)
}
