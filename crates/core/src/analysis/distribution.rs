//! Where a document's passages lie along its text: per label, how many passages start in each
//! equal stretch ("bin") of the document, the table behind the window's distribution chart, and
//! that table as CSV. Positions are chars; bin `i` of `n` holds the passages starting at chars
//! `[i·len/n, (i+1)·len/n)`.

use super::counts::count_table;
use crate::{
    export::csv::protect,
    model::{Document, Project},
};

/// Stretches a document is cut into for its distribution table.
pub const BINS: usize = 10;

/// Per label (in `labels` order), the passages starting in each of `bins` equal stretches of
/// `doc`'s text.
#[must_use]
pub fn distribution(doc: &Document, labels: &[String], bins: usize) -> Vec<Vec<usize>> {
    let bins = bins.max(1);
    let length = doc.char_len().max(1);
    let mut table = vec![vec![0; bins]; labels.len()];
    for annotation in doc.annotations() {
        let Some(row) = labels.iter().position(|l| *l == annotation.label) else {
            continue;
        };
        let bin = (annotation.start * bins / length).min(bins - 1);
        table[row][bin] += 1;
    }
    table
}

/// [`distribution`] of `doc` over every label of `project` as CSV, one row per label:
/// `label,0-10%,10-20%,…` (the stretches as shares of the text).
pub fn distribution_csv(project: &Project, doc: &Document) -> Result<String, csv::Error> {
    let labels: Vec<String> = project.labels().iter().map(|l| l.id.clone()).collect();
    let table = distribution(doc, &labels, BINS);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["label".to_owned()];
    header.extend(bin_names(BINS));
    writer.write_record(&header)?;
    for (label, row) in labels.iter().zip(&table) {
        let mut record = vec![protect(label, true)];
        record.extend(row.iter().map(usize::to_string));
        writer.write_record(&record)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The names of `bins` equal stretches as shares of the text: "0–10%", "10–20%", ….
#[must_use]
pub fn bin_names(bins: usize) -> Vec<String> {
    (0..bins)
        .map(|i| format!("{}-{}%", i * 100 / bins, (i + 1) * 100 / bins))
        .collect()
}

/// The corpus view of the distribution: passages per document and label, one row per document,
/// `document,title,<label>…` (the count table's passages, wide).
pub fn corpus_distribution_csv(project: &Project) -> Result<String, csv::Error> {
    let table = count_table(project);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["document".to_owned(), "title".to_owned()];
    header.extend(table.labels.iter().map(|l| protect(l, true)));
    writer.write_record(&header)?;
    for (id, title, cells) in &table.rows {
        let mut record = vec![protect(id, true), protect(title, true)];
        record.extend(cells.iter().map(|c| c.passages.to_string()));
        writer.write_record(&record)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Label, Meta};

    fn project() -> Project {
        // 20 chars: bins of 2 chars each.
        let doc = Document::new("d1", "One", "abcdefghijklmnopqrst".into()).with_annotations(vec![
            Annotation::bare("a1", "claim", 0, 2),
            Annotation::bare("a2", "claim", 1, 3),
            Annotation::bare("a3", "claim", 19, 20),
            Annotation::bare("a4", "source", 10, 12),
        ]);
        Project::from_parts(
            Meta::default(),
            vec![
                Label::new("claim", "Claim", "#D55E00"),
                Label::new("source", "Source", "#0072B2"),
            ],
            vec![doc],
        )
    }

    #[test]
    fn passages_fall_in_the_stretch_where_they_start() {
        let project = project();
        let labels = vec!["claim".to_owned(), "source".to_owned()];
        let table = distribution(&project.documents()[0], &labels, BINS);
        assert_eq!(table[0], [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(table[1], [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn an_empty_document_has_empty_bins() {
        let doc = Document::new("d", "Empty", String::new());
        assert_eq!(distribution(&doc, &["claim".to_owned()], 4), [[0; 4]]);
    }

    #[test]
    fn csv_has_a_row_per_label_and_a_column_per_stretch() {
        let project = project();
        let csv = distribution_csv(&project, &project.documents()[0]).unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "label,0-10%,10-20%,20-30%,30-40%,40-50%,50-60%,60-70%,70-80%,80-90%,90-100%"
        );
        assert_eq!(lines.next().unwrap(), "claim,2,0,0,0,0,0,0,0,0,1");
        assert_eq!(lines.next().unwrap(), "source,0,0,0,0,0,1,0,0,0,0");
    }

    #[test]
    fn corpus_csv_has_a_row_per_document() {
        let csv = corpus_distribution_csv(&project()).unwrap();
        assert_eq!(csv, "document,title,claim,source\nd1,One,3,1\n");
    }
}
