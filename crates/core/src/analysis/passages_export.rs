//! The retrieved passages written out: as CSV (RFC 4180, UTF-8, text cells a spreadsheet would
//! run as formulas neutralised as in the CSV export) and as Markdown for memos. Both first check
//! that every listed quote still reads the same in its text, as every export does; positions are
//! char offsets, end-exclusive.

use std::fmt::Write;

use super::passages::{Passage, analysts, links};
use crate::{
    export::{
        ExportError, check_passages,
        csv::protect,
        markdown::{flatten, harmless_quote},
    },
    model::Project,
};

/// The columns of [`passages_csv`].
pub const PASSAGE_COLUMNS: [&str; 10] = [
    "document",
    "title",
    "annotation_id",
    "label",
    "start",
    "end",
    "quote",
    "note",
    "analysts",
    "links",
];

/// `listed` as CSV, one row per passage; several analysts or links are joined with "; ".
pub fn passages_csv(project: &Project, listed: &[Passage]) -> Result<String, ExportError> {
    check(project, listed)?;
    let render = |e: csv::Error| ExportError::Render {
        what: "passage table",
        reason: e.to_string(),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(PASSAGE_COLUMNS).map_err(render)?;
    for passage in listed {
        let (doc, a) = (passage.document(project), passage.annotation);
        let label = passage.label_name(project);
        let text = |cell: &str| protect(cell, true);
        writer
            .write_record([
                text(doc.id()),
                text(doc.title()),
                text(&a.id),
                text(label),
                a.start.to_string(),
                a.end.to_string(),
                text(&a.quote),
                text(&a.note),
                text(&analysts(project, a).join("; ")),
                text(&links(project, doc, a).join("; ")),
            ])
            .map_err(render)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| render(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `listed` as Markdown: a heading per document (in the order the list meets them), and per
/// passage its label, position, quote, note and links; Markdown in any of them is shown, not run.
pub fn passages_markdown(project: &Project, listed: &[Passage]) -> Result<String, ExportError> {
    check(project, listed)?;
    let mut out = String::new();
    let _ = writeln!(out, "# Coded passages ({})", listed.len());
    let mut shown_doc = None;
    for passage in listed {
        let (doc, a) = (passage.document(project), passage.annotation);
        if shown_doc != Some(passage.doc) {
            let _ = write!(out, "\n## {}\n\n", flatten(doc.title()));
            shown_doc = Some(passage.doc);
        }
        let label = passage.label_name(project);
        let _ = writeln!(
            out,
            "- **{}**, chars {}–{}: {}",
            flatten(label),
            a.start,
            a.end,
            harmless_quote(&a.quote)
        );
        if !a.note.trim().is_empty() {
            let _ = writeln!(out, "  Note: {}", flatten(&a.note));
        }
        for link in links(project, doc, a) {
            let _ = writeln!(out, "  Linked: {}", flatten(&link));
        }
    }
    Ok(out)
}

/// The quote check of every export, over the listed passages only.
fn check(project: &Project, listed: &[Passage]) -> Result<(), ExportError> {
    check_passages(listed.iter().map(|p| (p.document(project), p.annotation)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::passages::{PassageFilter, PassageOrder, passages, tests::project};
    use crate::model::Annotation;

    #[test]
    fn the_csv_has_a_row_per_passage_with_its_links() {
        let p = project();
        let listed = passages(&p, &PassageFilter::default(), PassageOrder::Document);
        assert_eq!(
            passages_csv(&p, &listed).unwrap(),
            "document,title,annotation_id,label,start,end,quote,note,analysts,links\n\
             d1,One,s1,Source,0,3,Ana,,Ana,Claim “taxes rise” — attributed to\n\
             d1,One,c1,Claim,9,19,taxes rise,Hedged,Ana,attributed to — Source “Ana”\n\
             d2,Two,c2,Claim,11,21,rates fall,,Ben,\n"
        );
    }

    #[test]
    fn the_markdown_groups_passages_under_their_documents() {
        let p = project();
        let listed = passages(&p, &PassageFilter::default(), PassageOrder::Document);
        assert_eq!(
            passages_markdown(&p, &listed).unwrap(),
            "# Coded passages (3)\n\
             \n## One\n\n\
             - **Source**, chars 0–3: Ana\n  Linked: Claim “taxes rise” — attributed to\n\
             - **Claim**, chars 9–19: taxes rise\n  Note: Hedged\n  Linked: attributed to — Source “Ana”\n\
             \n## Two\n\n\
             - **Claim**, chars 11–21: rates fall\n"
        );
    }

    #[test]
    fn a_quote_that_no_longer_matches_stops_both_exports() {
        let p = project();
        let stale = Annotation {
            quote: "taxes fell".into(),
            ..p.documents()[0].annotations()[1].clone()
        };
        let listed = [Passage {
            doc: 0,
            annotation: &stale,
        }];
        for result in [passages_csv(&p, &listed), passages_markdown(&p, &listed)] {
            assert!(
                matches!(result, Err(ExportError::QuotesDoNotMatch(ref m)) if m[0].id == "c1"),
                "{result:?}"
            );
        }
    }
}
