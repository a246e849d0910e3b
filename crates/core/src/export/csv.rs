//! The CSV evidence table: one row per annotation, for spreadsheets (RFC 4180, UTF-8, CRLF).
//!
//! Columns: `document, annotation_id, label_id, label_name, start, end` (char offsets,
//! end-exclusive), then, when [`ExportOptions::offsets`] is not chars, the same two positions in
//! that unit (`start_utf16, end_utf16` or `start_bytes, end_bytes`), then `quote,
//! context_before, context_after` ([`CONTEXT_CHARS`] chars each side), `note, annotator, created,
//! modified`. Documents come in project order, annotations in saved order.
//!
//! With [`ExportOptions::csv_protect_formulas`] every text cell that a spreadsheet would run as a
//! formula (it starts with `=`, `+`, `-`, `@`, TAB or CR) gets a leading `'`, as OWASP advises;
//! the numbers the table writes itself are left alone.

use super::{CONTEXT_CHARS, ExportError, ExportOptions, Output, Scope};
use crate::model::{Annotation, Document, OffsetUnit};

/// The UTF-8 byte-order mark Excel looks for.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Renders the scope as the evidence table.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let mut out = Vec::new();
    if options.csv_bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    write_record(&mut writer, header(options.offsets))?;
    for doc in &scope.documents {
        for a in doc.annotations() {
            write_record(&mut writer, row(scope, doc, a, options)?)?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| render_error(e.to_string()))?;
    Ok(Output::File(bytes))
}

/// The header row; the extra position columns are named after the unit.
fn header(unit: OffsetUnit) -> Vec<String> {
    let mut names: Vec<String> = ["document", "annotation_id", "label_id", "label_name"]
        .map(String::from)
        .into();
    names.extend(["start".into(), "end".into()]);
    if unit != OffsetUnit::Chars {
        names.push(format!("start_{}", unit.name()));
        names.push(format!("end_{}", unit.name()));
    }
    names.extend(
        [
            "quote",
            "context_before",
            "context_after",
            "note",
            "annotator",
            "created",
            "modified",
        ]
        .map(String::from),
    );
    names
}

/// One annotation's cells, in the header's order.
fn row(
    scope: &Scope,
    doc: &Document,
    a: &Annotation,
    options: &ExportOptions,
) -> Result<Vec<String>, ExportError> {
    let text = |cell: &str| protect(cell, options.csv_protect_formulas);
    let mut cells = vec![
        text(doc.title()),
        text(&a.id),
        text(&a.label),
        text(scope.label_name(&a.label)),
        a.start.to_string(),
        a.end.to_string(),
    ];
    if options.offsets != OffsetUnit::Chars {
        cells.push(super::offset_in(doc, a.start, options.offsets, WHAT)?.to_string());
        cells.push(super::offset_in(doc, a.end, options.offsets, WHAT)?.to_string());
    }
    cells.extend([
        text(&a.quote),
        text(doc.text_before(a.start, CONTEXT_CHARS)),
        text(doc.text_after(a.end, CONTEXT_CHARS)),
        text(&a.note),
        text(&annotator(scope, a)),
        text(&a.created),
        text(&a.modified),
    ]);
    Ok(cells)
}

/// Who made the annotation: the analysts a merged annotation came from, else the project's
/// annotator.
fn annotator(scope: &Scope, a: &Annotation) -> String {
    if a.analysts.is_empty() {
        scope.project.meta().annotator.clone()
    } else {
        a.analysts.join("; ")
    }
}

/// `cell`, with a leading `'` when `on` and a spreadsheet would read it as a formula.
pub(crate) fn protect(cell: &str, on: bool) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if on && risky {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn write_record(writer: &mut csv::Writer<Vec<u8>>, cells: Vec<String>) -> Result<(), ExportError> {
    writer
        .write_record(cells)
        .map_err(|e| render_error(e.to_string()))
}

/// What this export is called in error messages.
const WHAT: &str = "CSV evidence table";

fn render_error(reason: String) -> ExportError {
    ExportError::Render { what: WHAT, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{annotation, document, project};
    use crate::model::Project;

    fn render(project: &Project, options: &ExportOptions) -> String {
        let scope = Scope::new(project, None).unwrap();
        let Output::File(bytes) = export(&scope, options).unwrap() else {
            panic!("CSV is one file");
        };
        String::from_utf8(bytes).unwrap()
    }

    const HEADER: &str = "document,annotation_id,label_id,label_name,start,end,quote,\
                          context_before,context_after,note,annotator,created,modified\r\n";

    #[test]
    fn one_row_per_annotation_with_context_and_crlf_record_ends() {
        let text = "The minister said: we will comply.";
        let p = project(vec![document(
            "d1",
            "Speech",
            text,
            &[("a1", "source", 4, 12), ("a2", "claim", 19, 33)],
        )]);
        let csv = render(&p, &ExportOptions::default());
        assert_eq!(
            csv,
            format!(
                "{HEADER}Speech,a1,source,Source,4,12,minister,The , said: we will comply.,,Ana,\
                 2024-05-01T10:00:00Z,2024-05-02T11:00:00Z\r\n\
                 Speech,a2,claim,Claim,19,33,we will comply,The minister said: ,.,,Ana,\
                 2024-05-01T10:00:00Z,2024-05-02T11:00:00Z\r\n"
            )
        );
    }

    #[test]
    fn formula_cells_are_neutralised_but_numbers_are_not() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-3 points", "'-3 points"),
            ("@user", "'@user"),
            ("\tx", "'\tx"),
            ("plain", "plain"),
            ("a=b", "a=b"),
        ];
        for (note, cell) in cases {
            let text = "-5= x";
            let mut a = annotation(text, "a1", "claim", 0, 2);
            a.note = note.into();
            let p = project(vec![
                crate::model::Document::new("d", "=cmd|' /C calc'!A0", text.into())
                    .with_annotations(vec![a]),
            ]);
            let csv = render(&p, &ExportOptions::default());
            let row = csv.lines().nth(1).unwrap();
            assert!(
                row.starts_with("'=cmd|' /C calc'!A0,a1,claim,Claim,0,2,'-5,,'= x,"),
                "{row}"
            );
            assert!(row.contains(&format!(",{cell},Ana,")), "{note:?}: {row}");
            let unprotected = render(
                &p,
                &ExportOptions {
                    csv_protect_formulas: false,
                    ..ExportOptions::default()
                },
            );
            assert!(unprotected.lines().nth(1).unwrap().starts_with("=cmd"));
        }
    }

    #[test]
    fn a_note_with_comma_quote_and_newline_is_quoted_and_reads_back() {
        let text = "Norms apply.";
        let mut a = annotation(text, "a1", "norm", 0, 5);
        a.note = "first, \"quoted\"\nsecond line".into();
        a.analysts = vec!["Ana".into(), "Ben".into()];
        let p = project(vec![
            crate::model::Document::new("d", "Doc", text.into()).with_annotations(vec![a]),
        ]);
        let csv = render(&p, &ExportOptions::default());
        assert!(csv.contains(",\"first, \"\"quoted\"\"\nsecond line\",Ana; Ben,"));
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[9], "first, \"quoted\"\nsecond line");
        assert_eq!(&record[10], "Ana; Ben");
    }

    #[test]
    fn the_bom_comes_first_only_when_asked() {
        let p = project(vec![document("d", "Doc", "x", &[])]);
        let with = render(
            &p,
            &ExportOptions {
                csv_bom: true,
                ..ExportOptions::default()
            },
        );
        assert_eq!(with, format!("\u{feff}{HEADER}"));
        assert_eq!(render(&p, &ExportOptions::default()), HEADER);
    }

    #[test]
    fn extra_position_columns_count_in_the_chosen_unit() {
        // 👍🏾 is two chars, four UTF-16 units and eight bytes; é is one combining mark.
        let text = "👍🏾 Cafe\u{301} 中文";
        let p = project(vec![document(
            "d",
            "Emoji",
            text,
            &[("a1", "claim", 3, 8), ("a2", "norm", 9, 11)],
        )]);
        let cases = [
            (
                OffsetUnit::Utf16,
                "start_utf16,end_utf16",
                "3,8,5,10",
                "9,11,11,13",
            ),
            (
                OffsetUnit::Bytes,
                "start_bytes,end_bytes",
                "3,8,9,15",
                "9,11,16,22",
            ),
        ];
        for (unit, columns, first, second) in cases {
            let csv = render(
                &p,
                &ExportOptions {
                    offsets: unit,
                    ..ExportOptions::default()
                },
            );
            let lines: Vec<&str> = csv.split("\r\n").collect();
            assert!(lines[0].contains(&format!(",start,end,{columns},quote,")));
            assert!(
                lines[1].starts_with(&format!(
                    "Emoji,a1,claim,Claim,{first},Cafe\u{301},👍🏾 , 中文,"
                )),
                "{}",
                lines[1]
            );
            assert!(
                lines[2].starts_with(&format!(
                    "Emoji,a2,norm,Norm,{second},中文,👍🏾 Cafe\u{301} ,,"
                )),
                "{}",
                lines[2]
            );
        }
    }
}
