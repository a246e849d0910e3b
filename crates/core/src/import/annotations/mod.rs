//! Importing other tools' annotations: brat standoff, doccano JSONL, W3C Web Annotation and
//! REFI-QDA `.qdpx`.
//!
//! Each format's file reads into plain [`ForeignSet`] data first (positions as the file gives
//! them, in the file's unit); [`anchor`] then places every annotation on a text, in chars, checking
//! it against the quote where the format has one; [`build`] turns the result into a new project or
//! into one undoable edit of an open project. Whatever cannot be placed is listed in
//! [`Anchored::unanchored`], never dropped silently.

pub mod anchor;
pub mod brat;
pub mod build;
mod detect;
pub mod doccano;
mod error;
mod foreign;
mod limits;
mod qde;
pub mod qdpx;
mod utf8;
pub mod w3c;
mod zip_archive;

pub use anchor::{Anchored, AnchoredAnnotation, AnchoredDocument, KnownText, Unanchored, anchor};
pub use build::{ImportSummary, into_edits, into_new_project, into_project};
pub use detect::{AnnotationFormat, detect};
pub use error::AnnotationImportError;
pub use foreign::{
    ForeignAnnotation, ForeignDocument, ForeignLabel, ForeignRelation, ForeignSet, Position,
    UnitChoice,
};
pub use limits::{
    MAX_ANNOTATION_FILE_BYTES, MAX_ARCHIVE_ENTRIES, MAX_ARCHIVE_UNPACKED_BYTES,
    MAX_FILE_ANNOTATIONS, MAX_JSON_NESTING, MAX_XML_NESTING,
};

use std::path::{Path, PathBuf};

use crate::{import::ImportError, model::Document};

/// Reads one annotation file (or, for brat, a folder or an `.ann` file) in whatever format it is.
/// `units` overrides the position unit for formats where it is ambiguous (doccano, W3C).
pub fn read(path: &Path, units: UnitChoice) -> Result<ForeignSet, AnnotationImportError> {
    match detect(path)? {
        AnnotationFormat::Brat => brat::read(path),
        AnnotationFormat::Doccano => doccano::read(path, units),
        AnnotationFormat::W3c => w3c::read(path, units),
        AnnotationFormat::Qdpx => qdpx::read(path),
    }
}

/// Why a set of files could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportFilesError {
    #[error(transparent)]
    Annotations(#[from] AnnotationImportError),
    #[error(transparent)]
    Article(#[from] ImportError),
    #[error("no annotation file among the files given (only articles)")]
    NoAnnotationFile,
}

/// Reads annotation files and places their annotations. Among `paths`, articles (.txt, .md,
/// .html without an `.ann` beside them) are texts to place annotations on, beside `documents`
/// (the open project's); everything else is read as annotations. A brat `.txt` and its `.ann`
/// given together are read once.
pub fn import_files(
    paths: &[PathBuf],
    units: UnitChoice,
    documents: &[Document],
) -> Result<Anchored, ImportFilesError> {
    let mut sets = Vec::new();
    let mut articles = Vec::new();
    let mut read_paths = std::collections::HashSet::new();
    for path in paths {
        let is_article = !path.is_dir()
            && crate::import::format_from_extension(path).is_some()
            && !path.with_extension("ann").is_file();
        if is_article {
            let article = crate::import::read_article(path)?;
            articles.push((path.display().to_string(), article.into_document("article")));
            continue;
        }
        let key = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            path.with_extension("ann")
        } else {
            path.clone()
        };
        if read_paths.insert(key) {
            sets.push(read(path, units)?);
        }
    }
    if sets.is_empty() {
        return Err(ImportFilesError::NoAnnotationFile);
    }
    let known: Vec<KnownText> = documents
        .iter()
        .map(|d| KnownText {
            title: d.title(),
            text: d.text(),
            source: d.source(),
        })
        .chain(articles.iter().map(|(path, d)| KnownText {
            title: d.title(),
            text: d.text(),
            source: Some(path.as_str()),
        }))
        .collect();
    Ok(anchor(sets, &known))
}
