//! Turning an imported article into a project document.

use super::ImportedArticle;
use crate::model::Document;

impl ImportedArticle {
    /// A new document with id `id` holding this article's title, text, source path and import
    /// record, and no annotations.
    #[must_use]
    pub fn into_document(self, id: &str) -> Document {
        Document::new(id, &self.title, self.text).with_source(&self.source, Some(self.record))
    }
}
