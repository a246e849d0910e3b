//! The whole project as JSON, for scripts: the same content and shape as the RON project file
//! (`docs/FORMAT.md`), pretty-printed, with a trailing newline.
//!
//! Offsets are chars (Unicode scalar values), end-exclusive, as in the project file. A scope of
//! one document gives a project holding only that document, with the project's meta and labels.

use super::{ExportError, ExportOptions, Output, Scope};
use crate::model::Project;

/// Renders the scope as a JSON project.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let all = scope.documents.len() == scope.project.documents().len();
    let mut bytes = if all {
        to_json(scope.project)?
    } else {
        to_json(&scoped_project(scope))?
    };
    bytes.push(b'\n');
    Ok(Output::File(bytes))
}

/// A project with the scope's documents and the full project's meta and labels.
fn scoped_project(scope: &Scope) -> Project {
    Project::from_parts(
        scope.project.meta().clone(),
        scope.labels().to_vec(),
        scope.documents.iter().map(|&d| d.clone()).collect(),
    )
}

fn to_json(project: &Project) -> Result<Vec<u8>, ExportError> {
    serde_json::to_vec_pretty(project).map_err(|e| ExportError::Render {
        what: "JSON project",
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture::{annotation, document, project, with_relation};
    use crate::model::Document;

    fn render(project: &Project, document: Option<&str>) -> Vec<u8> {
        let scope = Scope::new(project, document).unwrap();
        let Output::File(bytes) = export(&scope, &ExportOptions::default()).unwrap() else {
            panic!("JSON is one file");
        };
        bytes
    }

    fn sample() -> Project {
        let text = "👍🏾 Cafe\u{301} 中文";
        let mut noted = annotation(text, "a1", "claim", 3, 8);
        noted.note = "first, \"quoted\"\nsecond".into();
        noted.analysts = vec!["Ana".into(), "Ben".into()];
        let first = Document::new("d1", "Emoji", text.into())
            .with_annotations(vec![noted, annotation(text, "a2", "norm", 0, 11)]);
        let second = document(
            "d2",
            "Plain",
            "Line one\nline two",
            &[("b1", "source", 9, 13)],
        );
        with_relation(
            project(vec![first, second]),
            "d1",
            "r1",
            "attributed_to",
            "a1",
            "a2",
        )
    }

    #[test]
    fn the_json_parses_back_into_the_same_project() {
        let p = sample();
        let bytes = render(&p, None);
        assert_eq!(bytes.last(), Some(&b'\n'));
        let mut back: Project = serde_json::from_slice(&bytes).unwrap();
        back.reindex();
        assert_eq!(back, p);
        assert_eq!(render(&p, None), bytes, "same project, same bytes");
    }

    #[test]
    fn one_document_gives_a_project_of_that_document() {
        let p = sample();
        let mut back: Project = serde_json::from_slice(&render(&p, Some("d2"))).unwrap();
        back.reindex();
        assert_eq!(back.meta(), p.meta());
        assert_eq!(back.labels(), p.labels());
        assert_eq!(back.documents(), &p.documents()[1..]);
    }

    #[test]
    fn offsets_are_chars_as_in_the_project_file() {
        let text = String::from_utf8(render(&sample(), None)).unwrap();
        assert!(text.contains("\"start\": 3,\n"), "{text}");
        assert!(text.contains("\"end\": 8,\n"));
        assert!(text.contains("\"quote\": \"Cafe\u{301}\""));
    }
}
