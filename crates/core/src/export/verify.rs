//! The check every export makes first: each stored quote still reads the same in the text.

use super::{ExportError, QuoteMismatch, Scope};
use crate::model::{Annotation, Document};

/// Checks every annotation's quote against its document's text (char offsets).
pub fn check_quotes(scope: &Scope) -> Result<(), ExportError> {
    check_passages(
        scope
            .documents
            .iter()
            .flat_map(|doc| doc.annotations().iter().map(move |a| (*doc, a))),
    )
}

/// Checks the quotes of some annotations, each with its document (char offsets).
pub fn check_passages<'a>(
    passages: impl IntoIterator<Item = (&'a Document, &'a Annotation)>,
) -> Result<(), ExportError> {
    let mismatches: Vec<QuoteMismatch> = passages
        .into_iter()
        .filter_map(|(doc, a)| {
            let actual = doc.quote(a.span());
            (actual != Some(a.quote.as_str())).then(|| QuoteMismatch {
                document: doc.title().to_owned(),
                id: a.id.clone(),
                start: a.start,
                end: a.end,
                stored: a.quote.clone(),
                actual: actual.unwrap_or_default().to_owned(),
            })
        })
        .collect();
    if mismatches.is_empty() {
        Ok(())
    } else {
        Err(ExportError::QuotesDoNotMatch(mismatches))
    }
}
