//! Export as a REFI-QDA project (`.qdpx`): a ZIP with `project.qde` (Project.xsd 1.0 XML) and
//! each document's text as `sources/<GUID>.txt`, for ATLAS.ti, MAXQDA, NVivo and QualCoder.
//!
//! Selections' `startPosition`/`endPosition` are char offsets (Unicode code points, the model's
//! unit and REFI-QDA's), end-exclusive, into the `.txt` exactly as written (UTF-8, "\n"
//! newlines). Every GUID comes from [`super::guid`], so the same project exports the same bytes.
//! A merged annotation gets one `<Coding>` per analyst it came from, by that analyst's `<User>`.

use std::io::Write;

use zip::{CompressionMethod, DateTime, ZipWriter, write::SimpleFileOptions};

use super::{
    ExportError, ExportOptions, Output, Scope, guid,
    refi::{PROJECT_NAMESPACE, XmlWriter, code_guid, origin, user_guid, write_codes},
};
use crate::model::{Annotation, Document, Label, Relation};

/// Renders the scope as a `.qdpx` archive.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let mut entries = vec![("project.qde".to_owned(), project_qde(scope).into_bytes())];
    for doc in &scope.documents {
        entries.push((
            format!("sources/{}.txt", source_guid(doc)),
            doc.text().as_bytes().to_vec(),
        ));
    }
    zip_entries(&entries).map(Output::File)
}

/// The GUID of a document's `<TextSource>` and of its `.txt`.
#[must_use]
pub fn source_guid(doc: &Document) -> String {
    guid(&format!("document:{}", doc.id()))
}

/// The GUID of an annotation's `<PlainTextSelection>`.
#[must_use]
pub fn selection_guid(annotation_id: &str) -> String {
    guid(&format!("annotation:{annotation_id}"))
}

/// Packs the entries, deflated, with a fixed timestamp so that the bytes only depend on them.
fn zip_entries(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ExportError> {
    let failed = |e: &dyn std::fmt::Display| ExportError::Render {
        what: "REFI-QDA project",
        reason: e.to_string(),
    };
    // The fastest deflate level: at 1 MB / 10,000 codings the default level spent two thirds
    // of the export compressing (see BENCHMARKS.md); the archive is a little larger.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// `value` when it is a date REFI-QDA accepts (`xsd:dateTime`; Marginalia stores RFC 3339).
fn date(value: &str) -> Option<&str> {
    let valid = value.contains('T')
        && time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339)
            .is_ok();
    valid.then_some(value)
}

/// The codebook: the project's labels, then any label id an annotation uses that the project
/// lacks (named by its id, without colour), so that every `<CodeRef>` resolves.
fn codebook(scope: &Scope) -> Vec<Label> {
    let mut labels = scope.labels().to_vec();
    for a in scope.documents.iter().flat_map(|d| d.annotations()) {
        if !labels.iter().any(|l| l.id == a.label) {
            labels.push(Label::new(&a.label, &a.label, ""));
        }
    }
    labels
}

/// The `<User>`s: the project's annotator, then every analyst a merged annotation names, sorted.
fn user_names<'s>(scope: &'s Scope) -> Vec<&'s str> {
    let annotator = scope.project.meta().annotator.as_str();
    let analysts: std::collections::BTreeSet<&str> = scope
        .documents
        .iter()
        .flat_map(|d| d.annotations())
        .flat_map(|a| a.analysts.iter().map(String::as_str))
        .filter(|name| *name != annotator && !name.is_empty())
        .collect();
    (!annotator.is_empty())
        .then_some(annotator)
        .into_iter()
        .chain(analysts)
        .collect()
}

/// Writes `project.qde`: Users, CodeBook, Sources, Notes, Links, in the schema's order, each
/// left out when it would be empty.
fn project_qde(scope: &Scope) -> String {
    let meta = scope.project.meta();
    let annotator = (!meta.annotator.is_empty()).then(|| user_guid(&meta.annotator));
    let origin = origin();
    let mut xml = XmlWriter::new();
    xml.open(
        "Project",
        &[
            ("name", Some(meta.title.as_str())),
            ("origin", Some(origin.as_str())),
            ("creatingUserGUID", annotator.as_deref()),
            ("creationDateTime", date(&meta.created)),
            ("modifiedDateTime", date(&meta.modified)),
            ("xmlns", Some(PROJECT_NAMESPACE)),
        ],
    );
    write_users(&mut xml, &user_names(scope));
    let labels = codebook(scope);
    if !labels.is_empty() {
        xml.open("CodeBook", &[]);
        write_codes(&mut xml, &labels);
        xml.close();
    }
    if !scope.documents.is_empty() {
        xml.open("Sources", &[]);
        for doc in &scope.documents {
            write_source(&mut xml, scope, doc, annotator.as_deref());
        }
        xml.close();
    }
    let relations: Vec<&Relation> = scope.documents.iter().flat_map(|d| d.relations()).collect();
    write_notes(&mut xml, &relations, annotator.as_deref());
    write_links(&mut xml, &relations);
    xml.finish()
}

fn write_users(xml: &mut XmlWriter, names: &[&str]) {
    if names.is_empty() {
        return;
    }
    xml.open("Users", &[]);
    for name in names {
        let guid = user_guid(name);
        xml.empty(
            "User",
            &[("guid", Some(guid.as_str())), ("name", Some(name))],
        );
    }
    xml.close();
}

/// One `<TextSource>` with a `<PlainTextSelection>` per annotation, in saved order.
fn write_source(xml: &mut XmlWriter, scope: &Scope, doc: &Document, annotator: Option<&str>) {
    let guid = source_guid(doc);
    let path = format!("internal://{guid}.txt");
    let attributes = [
        ("guid", Some(guid.as_str())),
        ("name", Some(doc.title())),
        ("plainTextPath", Some(path.as_str())),
        ("creatingUser", annotator),
        ("creationDateTime", date(&scope.project.meta().created)),
    ];
    if doc.annotations().is_empty() {
        xml.empty("TextSource", &attributes);
        return;
    }
    xml.open("TextSource", &attributes);
    for a in doc.annotations() {
        write_selection(xml, a, annotator);
    }
    xml.close();
}

/// A selection: its quote as `name` (left out when XML cannot hold it unchanged), char
/// positions, the note as `<Description>`, and its codings.
fn write_selection(xml: &mut XmlWriter, a: &Annotation, annotator: Option<&str>) {
    let own_guid = selection_guid(&a.id);
    let (start, end) = (a.start.to_string(), a.end.to_string());
    let quote = (!a.quote.is_empty() && a.quote.chars().all(super::refi::is_xml_char))
        .then_some(a.quote.as_str());
    xml.open(
        "PlainTextSelection",
        &[
            ("guid", Some(own_guid.as_str())),
            ("name", quote),
            ("startPosition", Some(start.as_str())),
            ("endPosition", Some(end.as_str())),
            ("creatingUser", annotator),
            ("creationDateTime", date(&a.created)),
            ("modifyingUser", annotator),
            ("modifiedDateTime", date(&a.modified)),
        ],
    );
    if !a.note.trim().is_empty() {
        xml.text_element("Description", &a.note);
    }
    let code = code_guid(&a.label);
    for (key, user) in codings(a, annotator) {
        let coding_guid = guid(&key);
        xml.open(
            "Coding",
            &[
                ("guid", Some(coding_guid.as_str())),
                ("creatingUser", user.as_deref()),
                ("creationDateTime", date(&a.created)),
            ],
        );
        xml.empty("CodeRef", &[("targetGUID", Some(code.as_str()))]);
        xml.close();
    }
    xml.close();
}

/// The codings of an annotation as (GUID key, creating user's GUID): one per analyst of a merged
/// annotation, else one by the project's annotator.
fn codings(a: &Annotation, annotator: Option<&str>) -> Vec<(String, Option<String>)> {
    let mut analysts: Vec<&str> = Vec::new();
    for name in a.analysts.iter().filter(|n| !n.is_empty()) {
        if !analysts.contains(&name.as_str()) {
            analysts.push(name);
        }
    }
    if analysts.is_empty() {
        return vec![(format!("coding:{}", a.id), annotator.map(str::to_owned))];
    }
    analysts
        .into_iter()
        .map(|name| (format!("coding:{}:{name}", a.id), Some(user_guid(name))))
        .collect()
}

fn relation_note_guid(relation: &Relation) -> String {
    guid(&format!("relation-note:{}", relation.id))
}

/// Relations' notes as `<Note>`s (REFI-QDA notes are text sources of their own).
fn write_notes(xml: &mut XmlWriter, relations: &[&Relation], annotator: Option<&str>) {
    let with_notes: Vec<&&Relation> = relations
        .iter()
        .filter(|r| !r.note.trim().is_empty())
        .collect();
    if with_notes.is_empty() {
        return;
    }
    xml.open("Notes", &[]);
    for relation in with_notes {
        let guid = relation_note_guid(relation);
        xml.open(
            "Note",
            &[
                ("guid", Some(guid.as_str())),
                ("name", Some(relation.kind.as_str())),
                ("creatingUser", annotator),
            ],
        );
        xml.text_element("PlainTextContent", &relation.note);
        xml.close();
    }
    xml.close();
}

/// Relations as one-way `<Link>`s between selections, with a `<NoteRef>` to their note.
fn write_links(xml: &mut XmlWriter, relations: &[&Relation]) {
    if relations.is_empty() {
        return;
    }
    xml.open("Links", &[]);
    for relation in relations {
        let link_guid = guid(&format!("relation:{}", relation.id));
        let (origin, target) = (selection_guid(&relation.from), selection_guid(&relation.to));
        let attributes = [
            ("guid", Some(link_guid.as_str())),
            ("name", Some(relation.kind.as_str())),
            ("direction", Some("OneWay")),
            ("originGUID", Some(origin.as_str())),
            ("targetGUID", Some(target.as_str())),
        ];
        if relation.note.trim().is_empty() {
            xml.empty("Link", &attributes);
        } else {
            xml.open("Link", &attributes);
            let note = relation_note_guid(relation);
            xml.empty("NoteRef", &[("targetGUID", Some(note.as_str()))]);
            xml.close();
        }
    }
    xml.close();
}

#[cfg(test)]
#[path = "qdpx_tests.rs"]
pub(crate) mod tests;
