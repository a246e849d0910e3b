//! `marginalia update`: replaces a document's text with a new version of the article and
//! carries every annotation across (see [`crate::reanchor`]), printing what became of each.

use std::path::Path;

use anyhow::{Context, Result};

use super::Outcome;
use crate::{
    clock::now_rfc3339,
    import,
    model::Edit,
    reanchor::{NewText, reanchor},
    workspace::choose_document,
};

/// What `update` was asked to do.
pub struct UpdateArgs<'a> {
    pub project: &'a Path,
    /// The document's title (or id); may be left out when the project has one document.
    pub doc: Option<&'a str>,
    pub article: &'a Path,
    /// Report only; change nothing.
    pub dry_run: bool,
}

/// Runs `update`.
pub fn update(args: &UpdateArgs) -> Result<Outcome> {
    let mut workspace = super::locked::open_locked(args.project)?;
    let editor = workspace.editor_mut();
    let doc = choose_document(editor.project(), args.doc)?.id().to_owned();
    let new = NewText::from(import::read_article(args.article)?);
    let now = now_rfc3339();
    let reanchored = reanchor(editor.project(), &doc, new, &now)
        .with_context(|| format!("cannot update from {}", args.article.display()))?;
    print!("{}", reanchored.report);
    if args.dry_run {
        println!("dry run: nothing was changed");
        return Ok(Outcome::Done);
    }
    let orphans = reanchored.update.orphans.len();
    editor.apply(Edit::UpdateText(Box::new(reanchored.update)), &now)?;
    workspace.save()?;
    println!(
        "saved {} (the previous version is kept as .bak)",
        args.project.display()
    );
    if orphans > 0 {
        println!(
            "{orphans} orphan{} to review: open the project and use the Orphans panel to place \
             or drop {}",
            if orphans == 1 { "" } else { "s" },
            if orphans == 1 { "it" } else { "them" }
        );
    }
    Ok(Outcome::Done)
}
