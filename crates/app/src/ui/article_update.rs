//! Updating the shown document's article text from the window (Document > Update article
//! text…) and reviewing the orphans an update leaves: place one at a suggestion or at the next
//! selection, or drop it. Every step goes through the workspace and can be undone.

use std::path::Path;

use super::app::MarginaliaApp;
use crate::{clock::now_rfc3339, model::Edit, model::Span, reanchor::Report};

impl MarginaliaApp {
    /// Replaces the shown document's text with the article at `path` and reports what became of
    /// each annotation; on failure the document is unchanged and a message says why.
    pub(super) fn update_article(&mut self, path: &Path) {
        let Some(doc) = self.doc.clone() else {
            self.messages.error(
                "No document to update",
                "Show the document whose article changed, then choose Document > Update article \
                 text… again.",
            );
            return;
        };
        match self.workspace.update_article(&doc, path, &now_rfc3339()) {
            Ok(report) => {
                self.placing = None;
                self.selected = None;
                self.messages
                    .info(format!("Updated “{}”", report.title), report_body(&report));
            }
            Err(e) => self.messages.error(
                format!("Could not update the article from {}", path.display()),
                format!("{e}\n\nThe document and its annotations are unchanged."),
            ),
        }
    }

    /// Places orphan `id` of the shown document at `span`.
    pub(super) fn place_orphan(&mut self, id: String, span: Span) {
        let doc = self.doc.clone().unwrap_or_default();
        self.placing = None;
        if self.edit(Edit::PlaceOrphan {
            doc,
            id: id.clone(),
            span,
        }) {
            self.selected = Some(id);
        }
    }
}

/// The message after an update: the counts, each re-found and orphaned annotation, and what to
/// do next.
fn report_body(report: &Report) -> String {
    let details: Vec<String> = report
        .to_string()
        .lines()
        .skip(1)
        .map(str::trim)
        .map(str::to_owned)
        .collect();
    let mut body = format!("{}.", report.summary());
    if !details.is_empty() {
        body.push_str("\n\n");
        body.push_str(&details.join("\n"));
    }
    if !report.orphaned.is_empty() {
        body.push_str(
            "\n\nOrphans are listed above the annotations: place each at its suggestion or by \
             selecting its passage, or drop it.",
        );
    }
    body.push_str("\n\nEdit > Undo restores the old text with every annotation where it was.");
    body
}
