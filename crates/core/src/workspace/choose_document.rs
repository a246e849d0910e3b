//! Which document a person means when they name one (on the command line, `--doc`): its id, or
//! its title when exactly one document has it. Titles need not be unique, so a title two
//! documents share is refused with their ids rather than guessed.

use crate::model::{Document, Project};

/// Why no document could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChooseDocumentError {
    #[error("the project has {count} documents; choose one with --doc TITLE (or id): {listed}")]
    SeveralAndNoneNamed { count: usize, listed: String },
    #[error("no document is titled “{wanted}” or has that id; the documents are: {listed}")]
    NoSuch { wanted: String, listed: String },
    #[error("{count} documents are titled “{wanted}”; choose one by its id with --doc: {listed}")]
    SameTitle {
        wanted: String,
        count: usize,
        listed: String,
    },
    #[error("the project has no documents")]
    Empty,
}

/// The document `wanted` names — its id, else its title — or, when nothing is named, the
/// project's only document.
pub fn choose_document<'p>(
    project: &'p Project,
    wanted: Option<&str>,
) -> Result<&'p Document, ChooseDocumentError> {
    let listed = |docs: &[&Document]| {
        docs.iter()
            .map(|d| format!("“{}” ({})", d.title(), d.id()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let all: Vec<&Document> = project.documents().iter().collect();
    let Some(wanted) = wanted else {
        return match all.as_slice() {
            [] => Err(ChooseDocumentError::Empty),
            [only] => Ok(only),
            _ => Err(ChooseDocumentError::SeveralAndNoneNamed {
                count: all.len(),
                listed: listed(&all),
            }),
        };
    };
    if let Some(doc) = project.document(wanted) {
        return Ok(doc);
    }
    let titled: Vec<&Document> = all
        .iter()
        .copied()
        .filter(|d| d.title() == wanted)
        .collect();
    match titled.as_slice() {
        [one] => Ok(one),
        [] => Err(ChooseDocumentError::NoSuch {
            wanted: wanted.to_owned(),
            listed: listed(&all),
        }),
        _ => Err(ChooseDocumentError::SameTitle {
            wanted: wanted.to_owned(),
            count: titled.len(),
            listed: listed(&titled),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, Editor};

    fn project(titles: &[(&str, &str)]) -> Project {
        let mut editor = Editor::new(Project::new("t", "a", "2026-01-01T00:00:00Z"));
        for (n, (id, title)) in titles.iter().enumerate() {
            let text = format!("Text number {n}.");
            editor
                .apply(
                    Edit::AddDocument(Box::new(Document::new(id, title, text))),
                    "2026-01-01T00:00:00Z",
                )
                .unwrap();
        }
        editor.into_project()
    }

    #[test]
    fn a_document_is_named_by_id_or_by_a_title_only_it_has() {
        let p = project(&[("d-1", "Memo"), ("d-2", "Memo"), ("d-3", "Report")]);
        assert_eq!(choose_document(&p, Some("d-2")).unwrap().id(), "d-2");
        assert_eq!(choose_document(&p, Some("Report")).unwrap().id(), "d-3");
        let same = choose_document(&p, Some("Memo")).unwrap_err();
        assert!(matches!(
            same,
            ChooseDocumentError::SameTitle { count: 2, .. }
        ));
        assert!(same.to_string().contains("(d-1)") && same.to_string().contains("(d-2)"));
        let none = choose_document(&p, Some("Nope")).unwrap_err();
        assert!(none.to_string().contains("“Report” (d-3)"), "{none}");
        assert!(matches!(
            choose_document(&p, None),
            Err(ChooseDocumentError::SeveralAndNoneNamed { count: 3, .. })
        ));
        let one = project(&[("d-9", "Only")]);
        assert_eq!(choose_document(&one, None).unwrap().id(), "d-9");
    }
}
