//! Reading a REFI-QDA project (`.qdpx`): the ZIP's `project.qde` and the texts of its text
//! sources, into a [`ForeignSet`] with one annotation per code applied to a selection.
//!
//! Positions are REFI-QDA's: chars (code points), end-exclusive, over the source's text exactly
//! as the archive holds it (CRLF kept; [`super::anchor`] also tries CRLF counted as one char).
//! The archive is read through [`super::zip_archive`], which holds it to its size limits.

use std::{
    collections::{HashMap, HashSet},
    path::Path,
};

pub use super::zip_archive::MAX_ENTRY_BYTES;
use super::{
    AnnotationImportError, ForeignAnnotation, ForeignDocument, ForeignLabel, ForeignRelation,
    ForeignSet, Position, UnitChoice, limits,
    qde::{self, Qde, QdeLimit, Selection, TextSource},
    zip_archive::{Archive, ArchiveLimits, is_enclosed},
};
use crate::model::{
    OffsetUnit,
    label::{color_hex, parse_color},
};

/// Reads the `.qdpx` at `path`.
pub fn read(path: &Path) -> Result<ForeignSet, AnnotationImportError> {
    from_bytes(path, &AnnotationImportError::read_limited(path)?)
}

/// Reads a `.qdpx` archive's bytes, as [`read`] does once it has read them; `path` is used in
/// messages.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<ForeignSet, AnnotationImportError> {
    read_archive(path, bytes, ArchiveLimits::default())
}

fn read_archive(
    path: &Path,
    bytes: &[u8],
    limits: ArchiveLimits,
) -> Result<ForeignSet, AnnotationImportError> {
    limits::check_size(path, bytes.len())?;
    let mut archive = Archive::open(path, bytes, limits)?;
    let index = archive.project_qde()?;
    let unpacked_before = archive.unpacked;
    // Parsed as it is inflated; a file that is not UTF-8, or that does not parse, is read whole
    // and parsed again, which decodes other encodings and says where a problem lies.
    let streamed = archive.read_with(index, "project.qde", |entry, _| {
        let bom = entry
            .fill_buf()
            .is_ok_and(|start| start.starts_with(UTF8_BOM));
        if bom {
            entry.consume(UTF8_BOM.len());
        }
        qde::parse_utf8(entry)
    });
    let qde = match streamed {
        Ok(Ok(qde)) => qde,
        _ => {
            // The second reading of the same entry is not counted twice against the limit.
            archive.unpacked = unpacked_before;
            parse_whole(path, &mut archive, index)?
        }
    };
    let set = into_set(path, qde, &mut archive);
    match archive.over_limit {
        Some(error) => Err(error),
        None => Ok(set),
    }
}

/// The UTF-8 byte order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `project.qde` (entry `index`) read whole, decoded and parsed; an error names the line.
fn parse_whole(
    path: &Path,
    archive: &mut Archive,
    index: usize,
) -> Result<Qde, AnnotationImportError> {
    let qde_bytes = archive
        .read(index, "project.qde")
        .map_err(|e| AnnotationImportError::malformed(path, None, e))?;
    let xml = decode_text(qde_bytes).map_err(|e| {
        AnnotationImportError::malformed(
            path,
            None,
            format!(
                "its project.qde cannot be read as text ({e}); export the project again from \
                 the tool that made it"
            ),
        )
    })?;
    let xml = xml.as_str();
    qde::parse(xml).map_err(|e| {
        let (line, column) = line_and_column(xml, e.offset);
        match e.over {
            Some(QdeLimit::Nesting(limit)) => AnnotationImportError::TooDeep {
                path: path.to_owned(),
                line: Some(line),
                limit,
            },
            Some(QdeLimit::Annotations(limit)) => AnnotationImportError::TooManyAnnotations {
                path: path.to_owned(),
                limit,
            },
            None => AnnotationImportError::malformed(
                path,
                Some(line),
                format!(
                    "project.qde, column {column}: {}. The archive may be damaged; export the \
                     project again from the tool that made it",
                    e.message
                ),
            ),
        }
    })
}

/// 1-based line and column (in chars) of byte `offset` of `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

impl Archive<'_> {
    /// The entry of `project.qde` (or of the one `.qde` at the archive's top level).
    fn project_qde(&self) -> Result<usize, AnnotationImportError> {
        let index = self.find("project.qde").or_else(|| {
            let qde: Vec<usize> = self
                .names
                .iter()
                .filter(|(_, n)| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
                .map(|(i, _)| *i)
                .collect();
            (qde.len() == 1).then(|| qde[0])
        });
        let Some(index) = index else {
            return Err(AnnotationImportError::malformed(
                self.path,
                None,
                "the archive has no project.qde, so it is not a REFI-QDA project; export the \
                 project again as REFI-QDA (.qdpx)",
            ));
        };
        Ok(index)
    }

    /// The text at a source's `plainTextPath`: `internal://X` is `sources/X`; a bare path is
    /// relative to `sources/` (or to the archive's root). UTF-8 (BOM dropped), else detected.
    fn text(&mut self, plain_text_path: &str) -> Result<String, String> {
        let name = match plain_text_path.split_once("://") {
            Some(("internal", rest)) => format!("sources/{rest}"),
            Some((scheme, _)) => {
                return Err(format!(
                    "its text is outside the archive ({scheme}://); import the article with the \
                     .qdpx"
                ));
            }
            None => format!("sources/{plain_text_path}"),
        };
        if !is_enclosed(&name) {
            return Err(format!(
                "its text path {plain_text_path} leaves the archive"
            ));
        }
        let index = self
            .find(&name)
            .or_else(|| {
                self.find(plain_text_path)
                    .filter(|_| is_enclosed(plain_text_path))
            })
            .ok_or_else(|| format!("its text {name} is missing from the archive"))?;
        let bytes = self.read(index, &name)?;
        decode_text(bytes).map_err(|e| format!("its text {name} cannot be read: {e}"))
    }
}

/// A source's bytes as text: UTF-8 without its BOM, else whatever encoding they are in.
fn decode_text(mut bytes: Vec<u8>) -> Result<String, String> {
    let bom = bytes.len() - super::utf8::without_bom(&bytes).len();
    bytes.drain(..bom);
    // UTF-8 becomes the text as it is, without a copy.
    String::from_utf8(bytes).or_else(|not_utf8| {
        crate::import::decode(not_utf8.as_bytes())
            .map(|d| d.text)
            .map_err(|e| e.to_string())
    })
}

/// A colour as `#RRGGBB` (uppercase); `#RGB` is widened.
fn normal_color(color: &str) -> Option<String> {
    let hex = color.trim().strip_prefix('#')?;
    let wide: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    };
    parse_color(&format!("#{wide}")).map(color_hex)
}

/// Notes' texts by GUID (from `<PlainTextContent>`, or their `.txt` in the archive).
fn note_texts(qde: &Qde, archive: &mut Archive) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for note in &qde.notes {
        let text = match (&note.content, &note.plain_text_path) {
            (Some(content), _) => Some(content.clone()),
            (None, Some(path)) => archive.text(path).ok(),
            (None, None) => None,
        };
        if let Some(text) = text {
            out.insert(note.guid.clone(), crate::import::normalise(&text).0);
        }
    }
    out
}

/// Joins a description and referenced notes into one note, paragraphs apart.
fn joined_note(description: &str, refs: &[String], notes: &HashMap<String, String>) -> String {
    std::iter::once(description.trim())
        .chain(refs.iter().filter_map(|r| notes.get(r)).map(|n| n.trim()))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What the reader found, resolved: labels, documents, relations, and what was skipped. Each
/// source is let go once it is a document, its text moved into it.
fn into_set(path: &Path, mut qde: Qde, archive: &mut Archive) -> ForeignSet {
    let sources = std::mem::take(&mut qde.sources);
    let qde = &qde;
    let mut set = ForeignSet {
        format: "REFI-QDA",
        path: path.to_owned(),
        ..ForeignSet::default()
    };
    set.skipped.extend(
        archive
            .refused
            .iter()
            .map(|name| format!("archive entry {name} refused: its name leaves the archive")),
    );
    set.skipped.extend(
        qde.other_sources
            .iter()
            .map(|source| format!("{source} skipped: Marginalia imports text sources only")),
    );
    let code_names: HashMap<&str, &str> = qde
        .codes
        .iter()
        .map(|c| (c.guid.as_str(), c.name.as_str()))
        .collect();
    for code in &qde.codes {
        set.labels.push(ForeignLabel {
            name: code.name.clone(),
            color: code.color.as_deref().and_then(normal_color),
            description: code.description.trim().to_owned(),
        });
    }
    let notes = note_texts(qde, archive);
    let context = Context {
        codes: &code_names,
        users: &qde.users,
        notes: &notes,
    };
    // The document of each selection a link names.
    let linked: HashSet<&str> = qde
        .links
        .iter()
        .flat_map(|link| [link.origin.as_deref(), link.target.as_deref()])
        .flatten()
        .collect();
    let mut selection_document = HashMap::new();
    set.documents.reserve_exact(sources.len());
    for source in sources {
        for selection in &source.selections {
            if let Some(&guid) = linked.get(selection.guid.as_str()) {
                selection_document.insert(guid, set.documents.len());
            }
        }
        let document = read_source(source, &context, archive, &mut set.skipped);
        set.documents.push(document);
    }
    add_relations(qde, &selection_document, &notes, &mut set);
    set.annotator = qde
        .creating_user
        .as_ref()
        .and_then(|guid| qde.users.get(guid))
        .or_else(|| {
            (qde.users.len() == 1)
                .then(|| qde.users.values().next())
                .flatten()
        })
        .cloned();
    set
}

/// Look-ups a source's selections need.
struct Context<'q> {
    codes: &'q HashMap<&'q str, &'q str>,
    users: &'q HashMap<String, String>,
    notes: &'q HashMap<String, String>,
}

/// One text source as a foreign document: its text and one annotation per code per selection.
fn read_source(
    source: TextSource,
    context: &Context,
    archive: &mut Archive,
    skipped: &mut Vec<String>,
) -> ForeignDocument {
    let TextSource {
        name,
        plain_text_path,
        content,
        selections,
        whole_source_codings,
        ..
    } = source;
    let text = match (content, &plain_text_path) {
        (Some(content), _) => Some(content),
        (None, Some(path)) => archive
            .text(path)
            .map_err(|e| skipped.push(format!("text source “{name}”: {e}")))
            .ok(),
        (None, None) => {
            skipped.push(format!("text source “{name}” has no text"));
            None
        }
    };
    if whole_source_codings > 0 {
        skipped.push(format!(
            "text source “{name}”: {whole_source_codings} coding(s) of the whole source skipped \
             (Marginalia codes passages)"
        ));
    }
    let mut annotations = Vec::with_capacity(selections.len());
    let mut uncoded = 0;
    for selection in &selections {
        match selection_annotations(selection, context) {
            Ok(found) if found.is_empty() => uncoded += 1,
            Ok(found) => annotations.extend(found),
            Err(reason) => skipped.push(format!("text source “{name}”: {reason}")),
        }
    }
    if uncoded > 0 {
        skipped.push(format!(
            "text source “{name}”: {uncoded} selection(s) without a code skipped"
        ));
    }
    ForeignDocument {
        title: name,
        text_ref: text.is_none().then_some(plain_text_path).flatten(),
        text,
        unit: UnitChoice::Fixed(OffsetUnit::Chars),
        annotations,
        relations: Vec::new(),
    }
}

/// A selection's annotations: one per distinct code it is coded with (several coders applying the
/// same code make one annotation). The first keeps the selection's GUID as its id, so links find it.
fn selection_annotations(
    selection: &Selection,
    context: &Context,
) -> Result<Vec<ForeignAnnotation>, String> {
    let position = |value: &Option<String>| value.as_deref().and_then(|v| v.trim().parse().ok());
    let (Some(start), Some(end)) = (position(&selection.start), position(&selection.end)) else {
        return Err(format!(
            "selection {} skipped: its startPosition/endPosition are missing or not whole numbers",
            selection.guid
        ));
    };
    if start > end {
        return Err(format!(
            "selection {} skipped: it starts ({start}) after it ends ({end})",
            selection.guid
        ));
    }
    let quote = selection
        .name
        .as_deref()
        .filter(|name| !name.is_empty() && name.chars().count() == end - start)
        .map(str::to_owned);
    let note = joined_note(&selection.description, &selection.note_refs, context.notes);
    let mut labels: Vec<(&str, Option<&str>, Option<&str>)> = Vec::new();
    for coding in &selection.codings {
        let Some(code) = coding.code.as_deref() else {
            continue;
        };
        let label = context.codes.get(code).copied().ok_or_else(|| {
            format!(
                "selection {} skipped: it is coded with {code}, which the codebook lacks",
                selection.guid
            )
        })?;
        if !labels.iter().any(|(l, _, _)| *l == label) {
            labels.push((
                label,
                coding.creating_user.as_deref(),
                coding.created.as_deref(),
            ));
        }
    }
    let creator_of = |user: Option<&str>| user.and_then(|u| context.users.get(u)).cloned();
    Ok(labels
        .into_iter()
        .enumerate()
        .map(|(i, (label, user, created))| ForeignAnnotation {
            id: if i == 0 {
                selection.guid.clone()
            } else {
                format!("{}#{label}", selection.guid)
            },
            label: label.to_owned(),
            position: Some(Position { start, end }),
            quote: quote.clone(),
            note: note.clone(),
            created: selection
                .created
                .clone()
                .or_else(|| created.map(str::to_owned)),
            modified: selection.modified.clone(),
            creator: creator_of(user).or_else(|| creator_of(selection.creating_user.as_deref())),
            ..ForeignAnnotation::default()
        })
        .collect())
}

/// Links between two selections of one document become its relations; others are listed.
fn add_relations(
    qde: &Qde,
    selection_document: &HashMap<&str, usize>,
    notes: &HashMap<String, String>,
    set: &mut ForeignSet,
) {
    let mut other = 0;
    for link in &qde.links {
        let document_of = |guid: &Option<String>| {
            guid.as_deref()
                .and_then(|g| selection_document.get(g))
                .copied()
        };
        match (document_of(&link.origin), document_of(&link.target)) {
            (Some(from), Some(to)) if from == to => {
                set.documents[from].relations.push(ForeignRelation {
                    kind: link.name.clone(),
                    from: link.origin.clone().unwrap_or_default(),
                    to: link.target.clone().unwrap_or_default(),
                    note: joined_note("", &link.note_refs, notes),
                });
            }
            _ => other += 1,
        }
    }
    if other > 0 {
        set.skipped.push(format!(
            "{other} link(s) skipped: Marginalia's relations link two passages of one document"
        ));
    }
}

#[cfg(test)]
#[path = "qdpx_tests.rs"]
mod tests;
