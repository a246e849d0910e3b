//! The document × label count table as CSV (RFC 4180, UTF-8): one row per document and label
//! with its passages and coded chars, text cells a spreadsheet would run as formulas neutralised
//! as in the CSV export.

use super::counts::count_table;
use crate::{export::csv::protect, model::Project};

/// The count table of `project` as CSV: `document,title,label,passages,chars`.
pub fn count_table_csv(project: &Project) -> Result<String, csv::Error> {
    let table = count_table(project);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["document", "title", "label", "passages", "chars"])?;
    for (id, title, cells) in &table.rows {
        for (label, cell) in table.labels.iter().zip(cells) {
            writer.write_record([
                protect(id, true),
                protect(title, true),
                protect(label, true),
                cell.passages.to_string(),
                cell.chars.to_string(),
            ])?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Document, Label, Meta};

    #[test]
    fn one_row_per_document_and_label_with_formulas_neutralised() {
        let doc =
            Document::new("d1", "=HYPERLINK(\"x\")", "Ana said so.".into()).with_annotations(vec![
                Annotation {
                    quote: "Ana".into(),
                    ..Annotation::bare("a1", "source", 0, 3)
                },
            ]);
        let project = Project::from_parts(
            Meta::default(),
            vec![
                Label::new("claim", "Claim", "#D55E00"),
                Label::new("source", "Source", "#0072B2"),
            ],
            vec![doc],
        );
        assert_eq!(
            count_table_csv(&project).unwrap(),
            "document,title,label,passages,chars\n\
             d1,\"'=HYPERLINK(\"\"x\"\")\",claim,0,0\n\
             d1,\"'=HYPERLINK(\"\"x\"\")\",source,1,3\n"
        );
    }
}
