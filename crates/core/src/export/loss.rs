//! The loss report: what a format cannot carry, counted in the project being exported, so the
//! analyst sees it before confirming (window) or after writing (command line).

use super::{ExportOptions, Format, Scope, conll};

/// One kind of information the chosen format drops or changes, with how much of it there is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// What is lost, in a word or two ("notes", "relations").
    pub what: &'static str,
    /// How many items of the project are concerned.
    pub count: usize,
    /// One sentence for the analyst: what happens to them.
    pub detail: String,
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}", self.what, self.count, self.detail)
    }
}

/// What a format keeps.
#[derive(Debug, Clone, Copy)]
struct Carries {
    annotations: bool,
    notes: bool,
    relations: bool,
    overlaps: bool,
    colours: bool,
    authorship: bool,
    descriptions: bool,
    provenance: bool,
}

const ALL: Carries = Carries {
    annotations: true,
    notes: true,
    relations: true,
    overlaps: true,
    colours: true,
    authorship: true,
    descriptions: true,
    provenance: true,
};

fn carries(format: Format) -> Carries {
    match format {
        Format::Json => ALL,
        Format::Csv => Carries {
            relations: false,
            colours: false,
            descriptions: false,
            ..ALL
        },
        Format::Jsonl => Carries {
            notes: false,
            relations: false,
            colours: false,
            authorship: false,
            descriptions: false,
            provenance: false,
            ..ALL
        },
        Format::Brat => Carries {
            authorship: false,
            descriptions: false,
            provenance: false,
            ..ALL
        },
        Format::W3c => Carries {
            colours: false,
            descriptions: false,
            ..ALL
        },
        Format::Qdpx => ALL,
        Format::Qdc => Carries {
            annotations: false,
            notes: false,
            relations: false,
            authorship: false,
            provenance: false,
            ..ALL
        },
        Format::Html => Carries {
            provenance: false,
            ..ALL
        },
        Format::Markdown => Carries {
            relations: false,
            colours: false,
            authorship: false,
            descriptions: false,
            provenance: false,
            ..ALL
        },
        Format::Conll => Carries {
            notes: false,
            relations: false,
            overlaps: false,
            colours: false,
            authorship: false,
            descriptions: false,
            provenance: false,
            ..ALL
        },
    }
}

/// What `format` cannot carry of `scope`, largest losses first in a fixed order; empty when the
/// export keeps everything.
#[must_use]
pub fn losses(format: Format, scope: &Scope, options: &ExportOptions) -> Vec<Loss> {
    let _ = options;
    let keeps = carries(format);
    let annotations = || scope.documents.iter().flat_map(|d| d.annotations());
    let mut out = Vec::new();
    let mut add = |kept: bool, what: &'static str, count: usize, detail: &str| {
        if !kept && count > 0 {
            out.push(Loss {
                what,
                count,
                detail: detail.to_owned(),
            });
        }
    };
    add(
        keeps.annotations,
        "annotations",
        scope.annotation_count(),
        "a codebook holds only the labels; no passage is exported",
    );
    // Only the JSON project carries orphans (as the project file does).
    add(
        format == Format::Json || !keeps.annotations,
        "orphans",
        scope.documents.iter().map(|d| d.orphans().len()).sum(),
        "annotations that lost their place when the article text was updated are left out; \
         place or drop them first",
    );
    add(
        keeps.notes || !keeps.annotations,
        "notes",
        annotations().filter(|a| !a.note.trim().is_empty()).count(),
        "annotations' notes are left out",
    );
    add(
        keeps.relations || !keeps.annotations,
        "relations",
        scope.documents.iter().map(|d| d.relations().len()).sum(),
        "links between annotations are left out",
    );
    add(
        keeps.overlaps,
        "overlaps",
        overlapping(scope),
        "each token gets one tag: where annotations overlap, the longest wins (the earlier on a \
         tie) and the others lose those tokens",
    );
    if format == Format::Brat {
        add(
            false,
            "line breaks in notes",
            annotations().filter(|a| a.note.contains('\n')).count()
                + scope
                    .documents
                    .iter()
                    .flat_map(|d| d.relations())
                    .filter(|r| r.note.contains('\n'))
                    .count(),
            "brat notes are one line: line breaks in notes become spaces",
        );
        add(
            false,
            "line breaks at passage edges",
            annotations()
                .filter(|a| a.quote.starts_with('\n') || a.quote.ends_with('\n'))
                .count(),
            "brat passages cannot hold line breaks: a passage that starts or ends with one \
             starts after it or ends before it",
        );
    }
    if format == Format::Conll {
        add(
            false,
            "boundaries",
            conll::boundaries_inside_tokens(scope),
            "annotations start or end inside a word; they are widened to whole tokens",
        );
    }
    if matches!(format, Format::Qdpx | Format::Qdc) {
        add(
            false,
            "characters XML cannot hold",
            xml_unsafe(format, scope),
            "control characters such as NUL in titles, names, quotes and notes become U+FFFD \
             (XML cannot hold them); the articles' texts are kept as they are",
        );
    }
    add(
        keeps.colours,
        "colours",
        scope.labels().len(),
        "labels' colours are left out",
    );
    add(
        keeps.descriptions,
        "label descriptions",
        scope
            .labels()
            .iter()
            .filter(|l| !l.description.trim().is_empty())
            .count(),
        "labels' coding instructions are left out",
    );
    add(
        keeps.authorship || !keeps.annotations,
        "authorship",
        annotations().count(),
        "who made each annotation and when is left out",
    );
    add(
        keeps.provenance || !keeps.annotations,
        "analysts",
        annotations().filter(|a| !a.analysts.is_empty()).count(),
        "which analysts a merged annotation came from is left out",
    );
    out
}

/// Number of titles, names, descriptions, quotes and notes a REFI-QDA file writes as XML that hold
/// a character XML cannot (a `.qdc` writes only the project's title and the labels).
fn xml_unsafe(format: Format, scope: &Scope) -> usize {
    let unsafe_text = |text: &str| text.chars().any(|c| !super::refi::is_xml_char(c));
    let labels = scope
        .labels()
        .iter()
        .flat_map(|l| [l.name.as_str(), l.description.as_str()]);
    let mut texts: Vec<&str> = std::iter::once(scope.project.meta().title.as_str())
        .chain(labels)
        .collect();
    if format == Format::Qdpx {
        for doc in &scope.documents {
            texts.push(doc.title());
            for a in doc.annotations() {
                texts.extend([a.quote.as_str(), a.note.as_str()]);
            }
            texts.extend(doc.relations().iter().map(|r| r.note.as_str()));
        }
    }
    texts.into_iter().filter(|t| unsafe_text(t)).count()
}

/// Number of annotations that share at least one char with another annotation of their document.
fn overlapping(scope: &Scope) -> usize {
    scope
        .documents
        .iter()
        .map(|doc| {
            doc.annotations()
                .iter()
                .filter(|a| doc.annotations_in(a.span()).any(|b| b.id != a.id))
                .count()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{document, project};

    #[test]
    fn a_refi_qda_export_says_which_texts_xml_cannot_hold() {
        let mut doc = document("d", "Memo", "States must act.", &[("a", "claim", 0, 6)]);
        let mut annotation = doc.annotations()[0].clone();
        annotation.note = "a bell\u{7} and a NUL\u{0}".into();
        doc = doc.with_annotations(vec![annotation]);
        let project = project(vec![doc]);
        let scope = Scope::new(&project, None).unwrap();
        let options = ExportOptions::default();
        let qdpx = losses(Format::Qdpx, &scope, &options);
        let xml = qdpx.iter().find(|l| l.what == "characters XML cannot hold");
        assert_eq!(xml.map(|l| l.count), Some(1), "{qdpx:?}");
        let csv = losses(Format::Csv, &scope, &options);
        assert!(csv.iter().all(|l| l.what != "characters XML cannot hold"));
    }
}
