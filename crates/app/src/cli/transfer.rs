//! The `export` and `import` subcommands: other tools' formats in and out, with the loss report
//! and the list of annotations that could not be placed.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::Outcome;
use crate::{
    clock::now_rfc3339,
    export::{ExportOptions, Format, InFolder, Loss},
    import::annotations::{Unanchored, UnitChoice},
    model::OffsetUnit,
    store,
    workspace::{
        ImportAnnotationsError, Workspace, choose_document, export_to_path, export_to_stream,
    },
};

fn unit(name: &str) -> OffsetUnit {
    OffsetUnit::ALL
        .into_iter()
        .find(|u| u.name() == name)
        .unwrap_or(OffsetUnit::Chars)
}

/// The arguments of `marginalia export`.
pub struct ExportArgs<'a> {
    pub project: &'a Path,
    pub format: &'a str,
    pub output: &'a Path,
    pub doc: Option<String>,
    pub offsets: &'a str,
    pub bom: bool,
    pub no_formula_protection: bool,
    /// Replace the files of a previous export in the output folder.
    pub replace: bool,
}

pub fn export(args: &ExportArgs) -> Result<Outcome> {
    let Some(format) = Format::from_name(args.format) else {
        bail!("unknown format {}", args.format);
    };
    let loaded = store::load(args.project)?;
    for warning in &loaded.warnings {
        eprintln!("warning: {}: {warning}", args.project.display());
    }
    let document = args
        .doc
        .as_deref()
        .map(|wanted| choose_document(&loaded.project, Some(wanted)).map(|d| d.id().to_owned()))
        .transpose()?;
    let options = ExportOptions {
        document,
        offsets: unit(args.offsets),
        csv_bom: args.bom,
        csv_protect_formulas: !args.no_formula_protection,
    };
    // `-o -` writes the export to standard output, and the report to standard error.
    if args.output == Path::new("-") {
        let mut out = std::io::stdout().lock();
        let losses = export_to_stream(&loaded.project, format, &options, &mut out)?;
        drop(out);
        let mut report = std::io::stderr().lock();
        print_losses(&mut report, format, &losses)?;
        return Ok(Outcome::Done);
    }
    let in_folder = if args.replace {
        InFolder::ReplaceSameNames
    } else {
        InFolder::EmptyOnly
    };
    let written = export_to_path(
        &loaded.project,
        Some(args.project),
        format,
        &options,
        args.output,
        in_folder,
    );
    let losses = match written {
        Err(error) if error.replaceable().is_some() => bail!("{error} (add --replace)"),
        written => written?,
    };
    println!("wrote {} ({})", args.output.display(), format.describe());
    print_losses(&mut std::io::stdout().lock(), format, &losses)?;
    Ok(Outcome::Done)
}

/// Tells what `format` could not carry.
fn print_losses(out: &mut impl std::io::Write, format: Format, losses: &[Loss]) -> Result<()> {
    if losses.is_empty() {
        writeln!(out, "nothing was left out")?;
    } else {
        writeln!(out, "what {} cannot carry:", format.name())?;
        for loss in losses {
            writeln!(out, "  - {loss}")?;
        }
    }
    Ok(())
}

/// The arguments of `marginalia import`.
pub struct ImportArgs<'a> {
    pub files: &'a [PathBuf],
    pub output: &'a Path,
    pub offsets: Option<&'a str>,
    pub annotator: Option<String>,
    pub title: Option<String>,
    pub force: bool,
}

pub fn import(args: &ImportArgs) -> Result<Outcome> {
    if args.output.exists() && !args.force {
        bail!(
            "{} already exists; choose another name with -o, or pass --force to replace it \
             (its previous version is kept as .bak)",
            args.output.display()
        );
    }
    let units = args
        .offsets
        .map_or(UnitChoice::Detect, |name| UnitChoice::Fixed(unit(name)));
    let title = args.title.clone().unwrap_or_else(|| {
        args.output.file_stem().map_or_else(
            || "Imported".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    let imported = Workspace::from_annotations(
        args.files,
        units,
        &title,
        args.annotator.as_deref(),
        &now_rfc3339(),
    );
    let (mut workspace, imported) = match imported {
        Ok(done) => done,
        Err(ImportAnnotationsError::NothingPlaced { notices, unplaced }) => {
            print_anchoring(&notices, &unplaced);
            bail!("no annotation could be placed, so no project was written");
        }
        Err(error) => return Err(error.into()),
    };
    print_anchoring(&imported.notices, &imported.unplaced);
    workspace.save_as(args.output)?;
    let summary = imported.summary;
    println!(
        "wrote {}: {} annotation(s), {} relation(s) in {} document(s), {} label(s)",
        args.output.display(),
        summary.annotations,
        summary.relations,
        summary.documents_added,
        workspace.project().labels().len()
    );
    if summary.already_there > 0 {
        println!(
            "{} duplicate annotation(s) (same label and passage) were imported once",
            summary.already_there
        );
    }
    Ok(Outcome::Done)
}

/// Prints what anchoring noticed and every annotation it could not place.
fn print_anchoring(notices: &[String], unplaced: &[Unanchored]) {
    for notice in notices {
        println!("note: {notice}");
    }
    if !unplaced.is_empty() {
        println!(
            "{} annotation(s) could not be placed and were not imported:",
            unplaced.len()
        );
        for miss in unplaced {
            println!("  - {miss}");
        }
    }
}
