//! `Scope`: the project and the documents one export covers.

use crate::model::{Document, Label, Project};

use super::ExportError;

/// What an export covers: the whole project, or one document of it.
#[derive(Debug, Clone)]
pub struct Scope<'a> {
    pub project: &'a Project,
    /// The documents to export, in project order.
    pub documents: Vec<&'a Document>,
}

impl<'a> Scope<'a> {
    /// All documents, or only the one with id `document` (ids are unique; titles need not be).
    pub fn new(project: &'a Project, document: Option<&str>) -> Result<Self, ExportError> {
        let documents: Vec<&Document> = match document {
            None => project.documents().iter().collect(),
            Some(id) => vec![project.document(id).ok_or_else(|| {
                ExportError::NoSuchDocument {
                    id: id.to_owned(),
                    documents: project
                        .documents()
                        .iter()
                        .map(|d| format!("“{}” ({})", d.title(), d.id()))
                        .collect(),
                }
            })?],
        };
        Ok(Self { project, documents })
    }

    #[must_use]
    pub fn labels(&self) -> &'a [Label] {
        self.project.labels()
    }

    /// The name of label `id` (the id itself if the label is unknown).
    #[must_use]
    pub fn label_name<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        self.project.label(id).map_or(id, |l| l.name.as_str())
    }

    /// Number of annotations in the scope.
    #[must_use]
    pub fn annotation_count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations().len()).sum()
    }
}
