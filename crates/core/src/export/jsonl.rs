//! doccano's sequence-labelling JSONL: one JSON object per line, one line per document.
//!
//! `{"id":<1-based index>,"title":…,"text":…,"label":[[start,end,"<label name>"],…],
//! "offsets":"<unit>"}`, keys in that order, annotations in saved order. `start`/`end` are
//! end-exclusive and counted in [`ExportOptions::offsets`]: chars (Python's `str` indices,
//! doccano's own unit), UTF-16 code units (JavaScript) or UTF-8 bytes; `offsets` names the unit
//! (`chars`, `utf16`, `bytes`) so that reading the file back never has to guess it. Notes,
//! relations and colours are not carried.

use serde::Serialize;

use super::{ExportError, ExportOptions, Output, Scope};
use crate::model::{Document, OffsetUnit};

/// One line of the file.
#[derive(Serialize)]
struct Line<'a> {
    id: usize,
    title: &'a str,
    text: &'a str,
    /// `[start, end, label name]`, positions in the chosen unit.
    label: Vec<(usize, usize, &'a str)>,
    /// The unit of the positions, by its [`OffsetUnit::name`].
    offsets: &'static str,
}

/// Renders the scope as doccano JSONL.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let mut out = Vec::new();
    for (index, doc) in scope.documents.iter().enumerate() {
        let line = Line {
            id: index + 1,
            title: doc.title(),
            text: doc.text(),
            label: spans(scope, doc, options.offsets)?,
            offsets: options.offsets.name(),
        };
        serde_json::to_writer(&mut out, &line).map_err(|e| render_error(e.to_string()))?;
        out.push(b'\n');
    }
    Ok(Output::File(out))
}

/// The document's annotations as `(start, end, label name)` in `unit`.
fn spans<'a>(
    scope: &Scope<'a>,
    doc: &'a Document,
    unit: OffsetUnit,
) -> Result<Vec<(usize, usize, &'a str)>, ExportError> {
    doc.annotations()
        .iter()
        .map(|a| {
            Ok((
                super::offset_in(doc, a.start, unit, WHAT)?,
                super::offset_in(doc, a.end, unit, WHAT)?,
                scope.label_name(&a.label),
            ))
        })
        .collect()
}

/// What this export is called in error messages.
const WHAT: &str = "doccano JSONL";

fn render_error(reason: String) -> ExportError {
    ExportError::Render { what: WHAT, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{document, project};

    fn render(unit: OffsetUnit) -> String {
        let p = project(vec![
            document(
                "d1",
                "Emoji \"quoted\"",
                "👍🏾 Cafe\u{301} 中文",
                &[("a1", "claim", 3, 8), ("a2", "norm", 9, 11)],
            ),
            document("d2", "Plain", "a\nb", &[]),
        ]);
        let scope = Scope::new(&p, None).unwrap();
        let options = ExportOptions {
            offsets: unit,
            ..ExportOptions::default()
        };
        let Output::File(bytes) = export(&scope, &options).unwrap() else {
            panic!("JSONL is one file");
        };
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn one_line_per_document_with_positions_in_the_chosen_unit() {
        let cases = [
            (OffsetUnit::Chars, "[[3,8,\"Claim\"],[9,11,\"Norm\"]]"),
            (OffsetUnit::Utf16, "[[5,10,\"Claim\"],[11,13,\"Norm\"]]"),
            (OffsetUnit::Bytes, "[[9,15,\"Claim\"],[16,22,\"Norm\"]]"),
        ];
        for (unit, labels) in cases {
            let name = unit.name();
            assert_eq!(
                render(unit),
                format!(
                    "{{\"id\":1,\"title\":\"Emoji \\\"quoted\\\"\",\"text\":\"👍🏾 Cafe\u{301} 中文\",\
                     \"label\":{labels},\"offsets\":\"{name}\"}}\n\
                     {{\"id\":2,\"title\":\"Plain\",\"text\":\"a\\nb\",\"label\":[],\"offsets\":\"{name}\"}}\n"
                ),
                "{unit:?}"
            );
        }
    }
}
