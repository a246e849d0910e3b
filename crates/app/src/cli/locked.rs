//! Opening a project the command line changes: with its lock held from reading it to saving it,
//! so that commands run at once wait for each other instead of losing each other's changes.

use std::path::Path;

use anyhow::Result;

use crate::workspace::Workspace;

/// Opens a project to change it, holding its lock until the workspace is dropped, and prints
/// repairable problems as warnings.
pub fn open_locked(path: &Path) -> Result<Workspace> {
    let opened = Workspace::open_locked(path)?;
    for warning in &opened.warnings {
        eprintln!("warning: {}: {warning}", path.display());
    }
    Ok(opened.workspace)
}
