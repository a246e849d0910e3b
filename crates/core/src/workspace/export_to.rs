//! Exporting a project to a path: the one way the window and the command line write an export
//! (and a table of the analysis, rendered by the caller).
//! The output never replaces the project's own file or its backup; the export is rendered in full (quotes
//! checked) before anything is written, and writing goes through `export::write_output`, which
//! never leaves a half-written file.

use std::path::{Path, PathBuf};

use crate::{
    export::{self, ExportError, ExportOptions, Format, InFolder, Loss},
    model::Project,
    store,
};

/// Why an export was not written. Nothing was written and the project is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ExportToError {
    #[error("the output {} is the project itself; write the export to another file", .0.display())]
    IsTheProject(PathBuf),
    #[error(
        "the output {} is the project's backup (its previous version); write the export to \
         another file", .0.display()
    )]
    IsTheBackup(PathBuf),
    #[error(
        "{} writes a folder of files, so it cannot go to standard output; give a folder with -o",
        .0.name()
    )]
    NotOneFile(Format),
    #[error("cannot write the export to standard output: {0}")]
    Stream(std::io::Error),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl ExportToError {
    /// The files the export was refused to replace in a folder that holds nothing else, which
    /// [`InFolder::ReplaceSameNames`] would replace; `None` for every other refusal.
    #[must_use]
    pub fn replaceable(&self) -> Option<&[String]> {
        match self {
            Self::Export(ExportError::FolderNotEmpty {
                replaced, others, ..
            }) if others.is_empty() && !replaced.is_empty() => Some(replaced),
            _ => None,
        }
    }
}

/// Renders `project` (saved at `project_file`, if anywhere) as `format` with `options` and
/// writes it to `path` (a folder format into a folder that holds files only as `in_folder`
/// allows). Returns what the format could not carry.
pub fn export_to_path(
    project: &Project,
    project_file: Option<&Path>,
    format: Format,
    options: &ExportOptions,
    path: &Path,
    in_folder: InFolder,
) -> Result<Vec<Loss>, ExportToError> {
    refuse_own_files(project_file, path)?;
    let made = export::export(project, format, options)?;
    export::write_output(&made.output, path, in_folder)?;
    Ok(made.losses)
}

/// Writes `text` (a table the analysis rendered: CSV, Markdown) to the file `path`, atomically,
/// never over the project's own file (saved at `project_file`) or its backup.
pub fn export_table_to_path(
    project_file: Option<&Path>,
    path: &Path,
    text: &str,
) -> Result<(), ExportToError> {
    refuse_own_files(project_file, path)?;
    let output = export::Output::File(text.as_bytes().to_vec());
    export::write_output(&output, path, InFolder::EmptyOnly)?;
    Ok(())
}

/// Refuses an output at the project's own file or its backup.
fn refuse_own_files(project_file: Option<&Path>, path: &Path) -> Result<(), ExportToError> {
    if project_file.is_some_and(|file| export::is_same_file(file, path)) {
        return Err(ExportToError::IsTheProject(path.to_owned()));
    }
    if project_file.is_some_and(|file| export::is_same_file(&store::backup_path(file), path)) {
        return Err(ExportToError::IsTheBackup(path.to_owned()));
    }
    Ok(())
}

/// Renders `project` as `format` with `options` and writes it to `out` (standard output), for
/// formats that make one file. Returns what the format could not carry.
pub fn export_to_stream(
    project: &Project,
    format: Format,
    options: &ExportOptions,
    out: &mut impl std::io::Write,
) -> Result<Vec<Loss>, ExportToError> {
    let made = export::export(project, format, options)?;
    let export::Output::File(bytes) = &made.output else {
        return Err(ExportToError::NotOneFile(format));
    };
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(ExportToError::Stream)?;
    Ok(made.losses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{model::Document, store};

    fn project() -> Project {
        let mut editor = crate::model::Editor::new(Project::new("t", "a", "2026-01-01T00:00:00Z"));
        editor
            .apply(
                crate::model::Edit::AddDocument(Box::new(Document::new(
                    "d",
                    "D",
                    "States must act.".to_owned(),
                ))),
                "2026-01-01T00:00:00Z",
            )
            .unwrap();
        editor.into_project()
    }

    #[test]
    fn an_export_is_written_with_its_losses_and_never_over_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("study.ron");
        let project = project();
        store::save(&project, &file).unwrap();
        let before = std::fs::read(&file).unwrap();

        let refused = export_to_path(
            &project,
            Some(&file),
            Format::Csv,
            &ExportOptions::default(),
            &file,
            InFolder::EmptyOnly,
        );
        assert!(matches!(refused, Err(ExportToError::IsTheProject(_))));
        store::save(&project, &file).unwrap();
        let backup = store::backup_path(&file);
        let kept = std::fs::read(&backup).unwrap();
        let refused = export_to_path(
            &project,
            Some(&file),
            Format::Csv,
            &ExportOptions::default(),
            &backup,
            InFolder::EmptyOnly,
        );
        assert!(matches!(refused, Err(ExportToError::IsTheBackup(_))));
        assert_eq!(
            std::fs::read(&backup).unwrap(),
            kept,
            "the backup is untouched"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "the project is untouched"
        );

        let csv = dir.path().join("study.csv");
        let losses = export_to_path(
            &project,
            Some(&file),
            Format::Csv,
            &ExportOptions::default(),
            &csv,
            InFolder::EmptyOnly,
        )
        .unwrap();
        assert!(std::fs::read_to_string(&csv).unwrap().contains("start"));
        assert!(!losses.is_empty(), "CSV cannot carry colours, relations…");
    }

    #[test]
    fn a_table_is_written_whole_and_never_over_the_project_or_into_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("study.ron");
        store::save(&project(), &file).unwrap();
        let before = std::fs::read(&file).unwrap();
        let refused = export_table_to_path(Some(&file), &file, "a,b\n");
        assert!(matches!(refused, Err(ExportToError::IsTheProject(_))));
        assert_eq!(std::fs::read(&file).unwrap(), before);
        let refused = export_table_to_path(Some(&file), dir.path(), "a,b\n");
        assert!(
            refused.unwrap_err().to_string().contains("folder"),
            "a folder is not a table's file"
        );
        let table = dir.path().join("counts.csv");
        export_table_to_path(Some(&file), &table, "a,b\n").unwrap();
        assert_eq!(std::fs::read_to_string(&table).unwrap(), "a,b\n");
    }
}
