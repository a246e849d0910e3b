//! Applying the analysis panel's requests: revealing a hit or a passage in its document, tagging
//! the chosen hits as one undoable step (told with what was tagged and skipped), and writing a
//! table of the panel (passages, counts, distribution) where the user chose. Offsets are chars.

use std::path::Path;

use eframe::egui::Context;

use super::{
    action::AnalysisTable,
    app::{MarginaliaApp, view_of},
};
use crate::{
    analysis::{
        Hit, Widen, corpus_distribution_csv, count_table_csv, distribution_csv, passages_csv,
        passages_markdown, plan_tags,
    },
    clock::now_rfc3339,
    model::{Span, plural::counted},
    workspace::{export_table_to_path, suggested_stem},
};

impl MarginaliaApp {
    /// Shows document `doc` scrolled to `span`; selects `annotation`, or else the span's text
    /// (so that a label key tags it).
    pub(super) fn reveal_span(
        &mut self,
        doc: &str,
        span: Span,
        annotation: Option<String>,
        ctx: &Context,
    ) {
        if self.workspace.project().document(doc).is_none() {
            return;
        }
        self.show_document(Some(doc.to_owned()));
        let Some(document) = self.workspace.project().document(doc) else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let view = view_of(&mut self.views, document, &self.prefs);
        if annotation.is_none() {
            view.select_span(span);
        }
        view.reveal(span.start, annotation.clone(), now);
        self.selected = annotation;
    }

    /// Tags `hits` with `label`, each widened by `widen`, as one undoable step.
    pub(super) fn tag_hits(&mut self, hits: &[Hit], label: &str, widen: Widen, ctx: &Context) {
        let project = self.workspace.project();
        let name = project
            .label(label)
            .map_or(label, |l| l.name.as_str())
            .to_owned();
        let plan = match plan_tags(project, hits, label, widen, &now_rfc3339()) {
            Ok(plan) => plan,
            Err(e) => {
                self.messages.error("Could not tag the hits", e.to_string());
                return;
            }
        };
        let skipped = match plan.skipped {
            0 => String::new(),
            n => format!("; {} already coded so were skipped", counted(n, "hit")),
        };
        if plan.tagged == 0 {
            self.notify(
                format!("Nothing tagged: every hit is already coded as {name}"),
                ctx,
            );
            return;
        }
        let tagged = plan.tagged;
        if self.edit(plan.edit) {
            self.notify(
                format!(
                    "Tagged {} as {name}{skipped}. Ctrl+Z takes them all back",
                    counted(tagged, "passage")
                ),
                ctx,
            );
        }
    }

    /// The file name a table starts with: the project's title, the table and its extension.
    pub(super) fn suggested_table_name(&self, table: AnalysisTable) -> String {
        let stem = suggested_stem(&self.workspace.project().meta().title);
        format!("{stem}-{}.{}", table.describe(), table.extension())
    }

    /// Renders `table` as the panel shows it now and writes it to `path`; says what happened.
    pub(super) fn write_analysis_table(&mut self, table: AnalysisTable, path: &Path) {
        let path = if path.extension().is_none() {
            path.with_extension(table.extension())
        } else {
            path.to_owned()
        };
        let project = self.workspace.project();
        let rendered = match table {
            AnalysisTable::PassagesCsv => {
                passages_csv(project, &self.analysis.passages().listed(project))
                    .map_err(|e| e.to_string())
            }
            AnalysisTable::PassagesMarkdown => {
                passages_markdown(project, &self.analysis.passages().listed(project))
                    .map_err(|e| e.to_string())
            }
            AnalysisTable::Counts => count_table_csv(project).map_err(|e| e.to_string()),
            AnalysisTable::Distribution if self.analysis.distribution_of_corpus() => {
                corpus_distribution_csv(project).map_err(|e| e.to_string())
            }
            AnalysisTable::Distribution => match self.current_doc() {
                Some(doc) => distribution_csv(project, doc).map_err(|e| e.to_string()),
                None => Err("no document is shown".to_owned()),
            },
        };
        let written = rendered.and_then(|text| {
            export_table_to_path(self.workspace.file(), &path, &text).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => self.messages.info(
                "Table written",
                format!(
                    "The {} table was written to {}.",
                    table.describe(),
                    path.display()
                ),
            ),
            Err(e) => self.messages.error(
                "Table not written",
                format!("{e}\nThe project is unchanged and no file was written."),
            ),
        }
    }
}
