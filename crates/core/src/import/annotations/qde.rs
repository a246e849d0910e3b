//! Parsing REFI-QDA's `project.qde` (Project.xsd 1.0) into plain data: users, codes (nested
//! codes flattened), text sources with their selections and codings, notes and links.
//!
//! Elements are matched by local name, whatever namespace prefix a vendor uses. Positions are
//! kept as the file gives them: `startPosition`/`endPosition` in chars (code points) over the
//! source's text as stored, end-exclusive. Nothing is resolved here (GUIDs stay GUIDs); that is
//! [`super::qdpx`]'s job.

use std::{collections::HashMap, io::BufRead};

use super::{MAX_FILE_ANNOTATIONS, MAX_XML_NESTING};
use quick_xml::{
    Reader, XmlVersion,
    events::{BytesRef, BytesStart, Event},
};

/// A `<Code>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Code {
    pub guid: String,
    pub name: String,
    /// As the file writes it (`#RRGGBB` or `#RGB`), when it has one.
    pub color: Option<String>,
    pub description: String,
}

/// A `<Coding>`: a code applied to a selection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coding {
    /// The `<CodeRef targetGUID>`.
    pub code: Option<String>,
    pub creating_user: Option<String>,
    pub created: Option<String>,
}

/// A `<PlainTextSelection>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub guid: String,
    pub name: Option<String>,
    /// `startPosition`, `endPosition` as written (chars, end-exclusive); parsed by the caller.
    pub start: Option<String>,
    pub end: Option<String>,
    pub creating_user: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
    /// The `<Description>` text.
    pub description: String,
    pub codings: Vec<Coding>,
    /// `<NoteRef targetGUID>`s of the selection and of its codings.
    pub note_refs: Vec<String>,
}

/// A `<TextSource>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextSource {
    pub guid: String,
    pub name: String,
    pub plain_text_path: Option<String>,
    /// `<PlainTextContent>`, exactly as written (newlines not normalised).
    pub content: Option<String>,
    pub selections: Vec<Selection>,
    /// `<Coding>`s of the whole source (not of a passage).
    pub whole_source_codings: usize,
}

/// A `<Note>` (a text source of its own).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    pub guid: String,
    pub plain_text_path: Option<String>,
    pub content: Option<String>,
}

/// A `<Link>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    pub name: String,
    pub origin: Option<String>,
    pub target: Option<String>,
    pub note_refs: Vec<String>,
}

/// Everything read from `project.qde`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Qde {
    pub name: String,
    /// The project's `creatingUserGUID`.
    pub creating_user: Option<String>,
    /// User names by GUID.
    pub users: HashMap<String, String>,
    pub codes: Vec<Code>,
    pub sources: Vec<TextSource>,
    /// Non-text sources, as "PDFSource “name”".
    pub other_sources: Vec<String>,
    pub notes: Vec<Note>,
    pub links: Vec<Link>,
}

/// Why `project.qde` could not be parsed: what, and at which byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QdeError {
    pub offset: usize,
    pub message: String,
    /// The limit passed, when that is why.
    pub over: Option<QdeLimit>,
}

/// A limit of [`parse`], with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QdeLimit {
    /// Elements nested deeper than this.
    Nesting(usize),
    /// More selections and codings than this.
    Annotations(usize),
}

/// Where captured text goes when its element ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    CodeDescription(usize),
    SourceContent,
    SelectionDescription,
    NoteContent,
}

/// The parser's state while reading events.
struct Parser {
    qde: Qde,
    /// Local names of the open elements.
    stack: Vec<String>,
    /// Indices into `qde.codes` of the open `<Code>`s.
    open_codes: Vec<usize>,
    /// Depth below which everything is ignored (inside a non-text source).
    ignore_from: Option<usize>,
    /// The element whose text is being collected, its depth, and the text so far.
    capture: Option<(Capture, usize, String)>,
    saw_root: bool,
    /// Selections and their codings so far, against [`MAX_FILE_ANNOTATIONS`].
    annotations: usize,
    nesting_limit: usize,
    annotation_limit: usize,
}

/// Parses `project.qde`'s text, within [`MAX_XML_NESTING`] and [`MAX_FILE_ANNOTATIONS`].
pub fn parse(xml: &str) -> Result<Qde, QdeError> {
    parse_within(xml.as_bytes(), MAX_XML_NESTING, MAX_FILE_ANNOTATIONS)
}

/// [`parse`] of UTF-8 read from `source` as it is parsed, so that the file's text is never held
/// whole (`project.qde` of a large project is most of its archive, unpacked). Bytes that are not
/// UTF-8 are an error here; `parse` of the text decoded as a whole can still read them.
pub fn parse_utf8(source: impl BufRead) -> Result<Qde, QdeError> {
    parse_within(source, MAX_XML_NESTING, MAX_FILE_ANNOTATIONS)
}

/// [`parse`] with these limits of nesting and of selections and codings; offsets in errors are
/// bytes into what `source` gave.
fn parse_within(
    source: impl BufRead,
    nesting_limit: usize,
    annotation_limit: usize,
) -> Result<Qde, QdeError> {
    let mut reader = Reader::from_reader(source);
    let mut buffer = Vec::new();
    let mut parser = Parser {
        qde: Qde::default(),
        stack: Vec::new(),
        open_codes: Vec::new(),
        ignore_from: None,
        capture: None,
        saw_root: false,
        annotations: 0,
        nesting_limit,
        annotation_limit,
    };
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let fail = |message: String| QdeError {
            offset: at,
            message,
            over: None,
        };
        buffer.clear();
        let event = reader.read_event_into(&mut buffer).map_err(|e| QdeError {
            offset: usize::try_from(reader.error_position()).unwrap_or(usize::MAX),
            message: e.to_string(),
            over: None,
        })?;
        match event {
            Event::Start(e) => parser.open(&e, false).map_err(|e| e.at(at))?,
            Event::Empty(e) => parser.open(&e, true).map_err(|e| e.at(at))?,
            Event::End(_) => parser.close(),
            Event::Text(t) => parser.text(&t.decode().map_err(|e| fail(e.to_string()))?),
            Event::CData(t) => parser.text(&t.decode().map_err(|e| fail(e.to_string()))?),
            Event::GeneralRef(r) => parser.text(&resolve_reference(&r).map_err(fail)?),
            Event::Eof => break,
            _ => {}
        }
    }
    if parser.saw_root {
        Ok(parser.qde)
    } else {
        Err(QdeError {
            offset: 0,
            message: "it has no <Project> element, so it is not a REFI-QDA project".to_owned(),
            over: None,
        })
    }
}

/// The text an entity or character reference stands for.
fn resolve_reference(reference: &BytesRef) -> Result<String, String> {
    if let Some(c) = reference.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c.to_string());
    }
    let name = reference.decode().map_err(|e| e.to_string())?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_owned)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

/// The element's attributes by local name, values unescaped and normalised.
fn attributes(element: &BytesStart) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned();
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        out.insert(key, value.into_owned());
    }
    Ok(out)
}

/// Why an element could not be taken.
enum Failure {
    Malformed(String),
    Over(QdeLimit),
}

impl Failure {
    fn at(self, offset: usize) -> QdeError {
        match self {
            Self::Malformed(message) => QdeError {
                offset,
                message,
                over: None,
            },
            Self::Over(limit) => QdeError {
                offset,
                message: match limit {
                    QdeLimit::Nesting(n) => format!("elements nested more than {n} deep"),
                    QdeLimit::Annotations(n) => format!("more than {n} selections and codings"),
                },
                over: Some(limit),
            },
        }
    }
}

impl Parser {
    fn parent(&self) -> Option<&str> {
        self.stack.last().map(String::as_str)
    }

    fn grandparent(&self) -> Option<&str> {
        self.stack
            .len()
            .checked_sub(2)
            .map(|i| self.stack[i].as_str())
    }

    fn open(&mut self, element: &BytesStart, empty: bool) -> Result<(), Failure> {
        let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
        if self.ignore_from.is_none() {
            let mut attributes = attributes(element).map_err(Failure::Malformed)?;
            if matches!(name.as_str(), "PlainTextSelection" | "Coding") {
                self.annotations += 1;
                if self.annotations > self.annotation_limit {
                    return Err(Failure::Over(QdeLimit::Annotations(self.annotation_limit)));
                }
            }
            self.element(&name, &mut attributes, empty);
        }
        if !empty {
            if self.stack.len() >= self.nesting_limit {
                return Err(Failure::Over(QdeLimit::Nesting(self.nesting_limit)));
            }
            self.stack.push(name);
        }
        Ok(())
    }

    fn close(&mut self) {
        let depth = self.stack.len();
        if let Some((capture, at, text)) = self.capture.take() {
            if at == depth {
                self.captured(capture, text);
            } else {
                self.capture = Some((capture, at, text));
            }
        }
        if self.ignore_from == Some(depth) {
            self.ignore_from = None;
        }
        match self.stack.pop().as_deref() {
            Some("Code") if self.ignore_from.is_none() => {
                self.open_codes.pop();
            }
            // A source has a few selections, each a coding or two: their lists are trimmed to
            // fit once complete (a list grows to room for four when its first item comes).
            Some("PlainTextSelection") => {
                if let Some(selection) = self.last_selection() {
                    selection.codings.shrink_to_fit();
                    selection.note_refs.shrink_to_fit();
                }
            }
            Some("TextSource") => {
                if let Some(source) = self.qde.sources.last_mut() {
                    source.selections.shrink_to_fit();
                }
            }
            _ => {}
        }
    }

    /// The selection read last.
    fn last_selection(&mut self) -> Option<&mut Selection> {
        self.qde.sources.last_mut()?.selections.last_mut()
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, buffer)) = &mut self.capture {
            buffer.push_str(text);
        }
    }

    /// Starts collecting the text of the element about to open.
    fn capture(&mut self, capture: Capture, empty: bool) {
        if empty {
            self.captured(capture, String::new());
        } else {
            self.capture = Some((capture, self.stack.len() + 1, String::new()));
        }
    }

    fn captured(&mut self, capture: Capture, text: String) {
        let qde = &mut self.qde;
        match capture {
            Capture::CodeDescription(i) => {
                if let Some(code) = qde.codes.get_mut(i) {
                    code.description = text;
                }
            }
            Capture::SourceContent => {
                if let Some(source) = qde.sources.last_mut() {
                    source.content = Some(text);
                }
            }
            Capture::SelectionDescription => {
                if let Some(selection) = last_selection(qde) {
                    selection.description = text;
                }
            }
            Capture::NoteContent => {
                if let Some(note) = qde.notes.last_mut() {
                    note.content = Some(text);
                }
            }
        }
    }

    /// Handles an opening (or empty) element by its name and its parent's.
    fn element(&mut self, name: &str, a: &mut HashMap<String, String>, empty: bool) {
        let mut take = |key: &str| a.remove(key);
        match (name, self.parent()) {
            ("Project", None) => {
                self.saw_root = true;
                self.qde.name = take("name").unwrap_or_default();
                self.qde.creating_user = take("creatingUserGUID");
            }
            ("User", Some("Users")) => {
                if let (Some(guid), Some(user)) = (take("guid"), take("name")) {
                    self.qde.users.insert(guid, user);
                }
            }
            ("Code", Some("Codes" | "Code")) => {
                self.qde.codes.push(Code {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name").unwrap_or_default(),
                    color: take("color"),
                    description: String::new(),
                });
                if !empty {
                    self.open_codes.push(self.qde.codes.len() - 1);
                }
            }
            ("Description", Some("Code")) => {
                if let Some(&i) = self.open_codes.last() {
                    self.capture(Capture::CodeDescription(i), empty);
                }
            }
            ("TextSource", Some("Sources")) => self.qde.sources.push(TextSource {
                guid: take("guid").unwrap_or_default(),
                name: take("name").unwrap_or_default(),
                plain_text_path: take("plainTextPath"),
                ..TextSource::default()
            }),
            ("PictureSource" | "PDFSource" | "AudioSource" | "VideoSource", Some("Sources")) => {
                let title = take("name").unwrap_or_default();
                self.qde.other_sources.push(format!("{name} “{title}”"));
                if !empty {
                    self.ignore_from = Some(self.stack.len() + 1);
                }
            }
            ("PlainTextContent", Some("TextSource")) => {
                self.capture(Capture::SourceContent, empty);
            }
            ("PlainTextSelection", Some("TextSource")) => {
                let selection = Selection {
                    guid: take("guid").unwrap_or_default(),
                    name: take("name"),
                    start: take("startPosition"),
                    end: take("endPosition"),
                    creating_user: take("creatingUser"),
                    created: take("creationDateTime"),
                    modified: take("modifiedDateTime"),
                    ..Selection::default()
                };
                if let Some(source) = self.qde.sources.last_mut() {
                    source.selections.push(selection);
                }
            }
            ("Description", Some("PlainTextSelection")) => {
                self.capture(Capture::SelectionDescription, empty);
            }
            ("Coding", Some("PlainTextSelection")) => {
                let coding = Coding {
                    code: None,
                    creating_user: take("creatingUser"),
                    created: take("creationDateTime"),
                };
                if let Some(selection) = last_selection(&mut self.qde) {
                    selection.codings.push(coding);
                }
            }
            ("Coding", Some("TextSource")) => {
                if let Some(source) = self.qde.sources.last_mut() {
                    source.whole_source_codings += 1;
                }
            }
            ("CodeRef", Some("Coding")) if self.grandparent() == Some("PlainTextSelection") => {
                let code = take("targetGUID");
                if let Some(coding) =
                    last_selection(&mut self.qde).and_then(|s| s.codings.last_mut())
                {
                    coding.code = code;
                }
            }
            ("NoteRef", Some("PlainTextSelection")) => self.selection_note(take("targetGUID")),
            ("NoteRef", Some("Coding")) if self.grandparent() == Some("PlainTextSelection") => {
                self.selection_note(take("targetGUID"));
            }
            ("Note", Some("Notes")) => self.qde.notes.push(Note {
                guid: take("guid").unwrap_or_default(),
                plain_text_path: take("plainTextPath"),
                content: None,
            }),
            ("PlainTextContent", Some("Note")) => self.capture(Capture::NoteContent, empty),
            ("Link", Some("Links")) => self.qde.links.push(Link {
                name: take("name").unwrap_or_default(),
                origin: take("originGUID"),
                target: take("targetGUID"),
                note_refs: Vec::new(),
            }),
            ("NoteRef", Some("Link")) => {
                if let (Some(link), Some(target)) = (self.qde.links.last_mut(), take("targetGUID"))
                {
                    link.note_refs.push(target);
                }
            }
            _ => {}
        }
    }

    fn selection_note(&mut self, target: Option<String>) {
        if let (Some(selection), Some(target)) = (last_selection(&mut self.qde), target) {
            selection.note_refs.push(target);
        }
    }
}

fn last_selection(qde: &mut Qde) -> Option<&mut Selection> {
    qde.sources.last_mut()?.selections.last_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_codes_are_flattened_with_their_descriptions() {
        let xml = r##"<?xml version="1.0"?>
<q:Project xmlns:q="urn:QDA-XML:project:1.0" name="P" creatingUserGUID="U1">
  <q:Users><q:User guid="U1" name="Ana"/></q:Users>
  <q:CodeBook><q:Codes>
    <q:Code guid="C1" name="Parent" isCodable="true" color="#ff0000">
      <q:Description>Top &amp; more</q:Description>
      <q:Code guid="C2" name="Child" isCodable="true"/>
      <q:Code guid="C3" name="Other" isCodable="true"><q:Description>Inner</q:Description></q:Code>
    </q:Code>
  </q:Codes></q:CodeBook>
</q:Project>"##;
        let qde = parse(xml).unwrap();
        let codes: Vec<(&str, &str, &str)> = qde
            .codes
            .iter()
            .map(|c| (c.guid.as_str(), c.name.as_str(), c.description.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("C1", "Parent", "Top & more"),
                ("C2", "Child", ""),
                ("C3", "Other", "Inner")
            ]
        );
        assert_eq!(qde.users["U1"], "Ana");
        assert_eq!(qde.creating_user.as_deref(), Some("U1"));
    }

    #[test]
    fn selections_keep_positions_notes_codings_and_references() {
        let xml = r#"<Project name="P">
  <Sources>
    <PDFSource guid="S0" name="scan.pdf"><Representation guid="R"><PlainTextSelection guid="X" startPosition="0" endPosition="1"/></Representation></PDFSource>
    <TextSource guid="S1" name="Doc">
      <PlainTextContent>a&#13;&#10;b &lt;c&gt;</PlainTextContent>
      <PlainTextSelection guid="P1" name="b" startPosition="3" endPosition="4" creatingUser="U1">
        <Description>note &#x1F44D;</Description>
        <Coding guid="G1"><CodeRef targetGUID="C1"/><NoteRef targetGUID="N2"/></Coding>
        <NoteRef targetGUID="N1"/>
      </PlainTextSelection>
      <Coding guid="G2"><CodeRef targetGUID="C1"/></Coding>
    </TextSource>
  </Sources>
  <Notes><Note guid="N1"><PlainTextContent>first</PlainTextContent></Note></Notes>
  <Links><Link guid="L1" name="supports" originGUID="P1" targetGUID="P2"><NoteRef targetGUID="N1"/></Link></Links>
</Project>"#;
        let qde = parse(xml).unwrap();
        assert_eq!(qde.other_sources, ["PDFSource “scan.pdf”"]);
        assert_eq!(qde.sources.len(), 1);
        let source = &qde.sources[0];
        assert_eq!(source.content.as_deref(), Some("a\r\nb <c>"));
        assert_eq!(source.whole_source_codings, 1);
        let selection = &source.selections[0];
        assert_eq!(
            (selection.start.as_deref(), selection.end.as_deref()),
            (Some("3"), Some("4"))
        );
        assert_eq!(selection.description, "note 👍");
        assert_eq!(selection.codings[0].code.as_deref(), Some("C1"));
        assert_eq!(selection.note_refs, ["N2", "N1"]);
        assert_eq!(qde.notes[0].content.as_deref(), Some("first"));
        assert_eq!(qde.links[0].note_refs, ["N1"]);
    }

    #[test]
    fn nesting_and_annotations_over_the_limits_are_refused_with_the_limit() {
        let nested = |depth: usize| {
            format!(
                "<Project>{}{}</Project>",
                "<a>".repeat(depth - 1),
                "</a>".repeat(depth - 1)
            )
        };
        assert!(parse_within(nested(4).as_bytes(), 4, 10).is_ok());
        let error = parse_within(nested(5).as_bytes(), 4, 10).expect_err("too deep");
        assert_eq!(error.over, Some(QdeLimit::Nesting(4)));
        assert_eq!(error.offset, "<Project><a><a><a>".len());
        let deep = nested(MAX_XML_NESTING + 1);
        assert_eq!(
            parse(&deep).expect_err("too deep").over,
            Some(QdeLimit::Nesting(MAX_XML_NESTING))
        );

        let selections = r#"<Project><Sources><TextSource guid="S">
            <PlainTextSelection guid="A" startPosition="0" endPosition="1"><Coding/></PlainTextSelection>
            <PlainTextSelection guid="B" startPosition="0" endPosition="1"/>
            </TextSource></Sources></Project>"#;
        assert!(parse_within(selections.as_bytes(), 10, 3).is_ok());
        let error = parse_within(selections.as_bytes(), 10, 2).expect_err("too many");
        assert_eq!(error.over, Some(QdeLimit::Annotations(2)));
    }

    #[test]
    fn malformed_xml_says_where() {
        let xml = "<Project name=\"P\">\n<Sources>\n<TextSource guid=\"S\"></Sources>\n</Project>";
        let error = parse(xml).unwrap_err();
        assert!(error.offset > 10 && error.offset < xml.len(), "{error:?}");
        assert!(parse("<Other/>").is_err());
        assert!(parse("<Project name=\"&bogus;\"/>").is_err());
    }
}
