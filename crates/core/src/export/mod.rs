//! Exports: the project's annotations in the formats other tools read, one file per format.
//!
//! Every export goes through [`export`]: it picks the documents, checks every stored quote against
//! the text (a mismatch stops the export and lists the annotations concerned), lists what the
//! format cannot carry ([`Loss`]), and only then renders. Offsets are chars (the model's unit)
//! until a format's own file converts them with [`crate::model::OffsetIndex::to_unit`].

pub mod brat;
pub mod conll;
pub mod csv;
mod error;
#[cfg(test)]
pub(crate) mod fixture;
mod format;
mod guid;
pub mod html;
mod html_charts;
pub mod json;
pub mod jsonl;
mod loss;
pub mod markdown;
pub mod qdc;
pub mod qdpx;
mod refi;
mod scope;
mod to_files;
mod verify;
pub mod w3c;

/// How many chars of context exports give on each side of a passage (CSV's context columns, W3C's
/// prefix and suffix).
pub const CONTEXT_CHARS: usize = 32;

pub use error::{ExportError, QuoteMismatch};
pub use format::Format;
pub use guid::guid;
pub use loss::{Loss, losses};
pub use scope::Scope;
pub use to_files::{InFolder, file_stem, is_same_file, unique_stems, write_output};
pub use verify::{check_passages, check_quotes};

use crate::model::{OffsetUnit, Project};

/// Choices that change what an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only the document with this id (all documents when `None`).
    pub document: Option<String>,
    /// The unit of positions in formats that let the user choose (JSONL; extra CSV columns).
    pub offsets: OffsetUnit,
    /// CSV: start the file with a UTF-8 byte-order mark, so Excel reads it as UTF-8.
    pub csv_bom: bool,
    /// CSV: neutralise cells that a spreadsheet would run as a formula (on by default).
    pub csv_protect_formulas: bool,
}

impl ExportOptions {
    /// The options set away from their defaults that `format` does not use, by the name the
    /// command line gives them: an export with any of them is refused rather than silently
    /// ignoring what was asked.
    #[must_use]
    pub fn unused_by(&self, format: Format) -> Vec<&'static str> {
        let defaults = Self::default();
        let mut unused = Vec::new();
        if self.offsets != defaults.offsets && !format.has_offset_choice() {
            unused.push("--offsets");
        }
        if format != Format::Csv {
            if self.csv_bom != defaults.csv_bom {
                unused.push("--bom");
            }
            if self.csv_protect_formulas != defaults.csv_protect_formulas {
                unused.push("--no-formula-protection");
            }
        }
        unused
    }

    /// These options with those `format` does not use put back to their defaults (what the
    /// window exports with after the user switched formats).
    #[must_use]
    pub fn only_for(&self, format: Format) -> Self {
        let defaults = Self::default();
        Self {
            document: self.document.clone(),
            offsets: if format.has_offset_choice() {
                self.offsets
            } else {
                defaults.offsets
            },
            csv_bom: format == Format::Csv && self.csv_bom,
            csv_protect_formulas: format != Format::Csv || self.csv_protect_formulas,
        }
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            document: None,
            offsets: OffsetUnit::Chars,
            csv_bom: false,
            csv_protect_formulas: true,
        }
    }
}

/// What an export produces: one file, or (brat) a folder of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    File(Vec<u8>),
    /// Files by name, to be written into one folder; names are plain file names (no folders).
    Folder(Vec<(String, Vec<u8>)>),
}

/// A rendered export with what it could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub output: Output,
    pub losses: Vec<Loss>,
}

/// Renders `project` as `format`: picks the documents, checks the quotes, lists the losses.
pub fn export(
    project: &Project,
    format: Format,
    options: &ExportOptions,
) -> Result<Export, ExportError> {
    let unused = options.unused_by(format);
    if !unused.is_empty() {
        return Err(ExportError::OptionsNotUsed {
            options: unused,
            format: format.name(),
        });
    }
    let scope = Scope::new(project, options.document.as_deref())?;
    check_quotes(&scope)?;
    let losses = losses(format, &scope, options);
    let output = match format {
        Format::Csv => csv::export(&scope, options),
        Format::Json => json::export(&scope, options),
        Format::Jsonl => jsonl::export(&scope, options),
        Format::Brat => brat::export(&scope, options),
        Format::W3c => w3c::export(&scope, options),
        Format::Qdpx => qdpx::export(&scope, options),
        Format::Qdc => qdc::export(&scope, options),
        Format::Html => html::export(&scope, options),
        Format::Markdown => markdown::export(&scope, options),
        Format::Conll => conll::export(&scope, options),
    }?;
    Ok(Export { output, losses })
}

/// Char offset `char` of `doc` counted in `unit` — the one conversion exports make; an offset
/// past the end is a render error of `what` (it cannot happen once the quotes are checked).
pub(crate) fn offset_in(
    doc: &crate::model::Document,
    char: usize,
    unit: OffsetUnit,
    what: &'static str,
) -> Result<usize, ExportError> {
    doc.offsets()
        .to_unit(doc.text(), char, unit)
        .ok_or_else(|| ExportError::Render {
            what,
            reason: format!(
                "offset {char} is past the end of “{}” ({} chars)",
                doc.title(),
                doc.char_len()
            ),
        })
}
