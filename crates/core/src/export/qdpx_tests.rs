//! Tests of the `.qdpx` export: the archive's layout, `project.qde` checked against the rules of
//! REFI-QDA's Project.xsd 1.0, positions (chars) that slice the source to the quote, determinism.
//! Also the sample project the `.qdpx` import's round trip uses.

use std::{collections::HashMap, io::Read};

use super::*;
use crate::export::{Format, export as export_project};
use crate::model::{Meta, Project, Relation};

/// Char offsets of the first `needle` in `text`.
pub(crate) fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("the needle is in the sample text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn annotation(id: &str, label: &str, text: &str, quote: &str, note: &str) -> Annotation {
    let (start, end) = char_span(text, quote);
    Annotation {
        id: id.into(),
        label: label.into(),
        start,
        end,
        quote: quote.into(),
        note: note.into(),
        created: "2024-05-01T10:00:00Z".into(),
        modified: "2024-05-02T11:30:00Z".into(),
        analysts: Vec::new(),
        origin: crate::model::Origin::ByHand,
    }
}

/// The sample article: an emoji with a skin tone, guillemets, CJK, a combining accent, a
/// paragraph break, and markup that must stay text.
pub(crate) const SAMPLE_TEXT: &str = "Le ministre a déclaré 👍🏾 que « la loi » s'applique.\n\n\
     中文报道称：政府承诺遵守。Cafe\u{301} <script>alert(1)</script>.";

/// A project with overlapping annotations, notes, a merged annotation and two relations.
pub(crate) fn sample_project() -> Project {
    let t = SAMPLE_TEXT;
    let mut cjk = annotation("a-cjk", "claim", t, "政府承诺遵守", "");
    cjk.analysts = vec!["ben".into(), "ana".into()];
    let doc = Document::new("d1", "Ministre & loi", t.to_owned()).with_annotations(vec![
        annotation("a-src", "source", t, "Le ministre", "Named & quoted"),
        annotation(
            "a-claim",
            "claim",
            t,
            "👍🏾 que « la loi » s'applique",
            "multi\nline <note>",
        ),
        annotation("a-norm", "norm", t, "la loi", ""),
        cjk,
        annotation("a-comb", "source", t, "Cafe\u{301}", "é as e + U+0301"),
    ]);
    let empty = Document::new("d2", "Empty 空", "No annotations here.\n".into());
    let mut labels = crate::model::label::default_labels();
    labels[0].description = "What is asserted, as \"quoted\"".into();
    labels[1].color = labels[1].color.to_lowercase();
    let meta = Meta {
        title: "Due diligence <2024>".into(),
        annotator: "ana".into(),
        created: "2024-05-01T10:00:00Z".into(),
        modified: "2024-05-02T11:30:00Z".into(),
    };
    let mut editor =
        crate::model::Editor::new_unsaved(Project::from_parts(meta, labels, vec![doc, empty]));
    let relations = [
        (
            "r1",
            "attributed_to",
            "a-claim",
            "a-src",
            "per the interview",
        ),
        ("r2", "supports", "a-cjk", "a-norm", ""),
    ];
    for (id, kind, from, to, note) in relations {
        let relation = Relation {
            id: id.into(),
            kind: kind.into(),
            from: from.into(),
            to: to.into(),
            note: note.into(),
        };
        let edit = crate::model::Edit::AddRelation {
            doc: "d1".into(),
            relation,
        };
        editor.apply(edit, "2024-05-02T11:30:00Z").unwrap();
    }
    editor.into_project()
}

pub(crate) fn qdpx_bytes(project: &Project) -> Vec<u8> {
    match export_project(project, Format::Qdpx, &ExportOptions::default())
        .unwrap()
        .output
    {
        Output::File(bytes) => bytes,
        Output::Folder(_) => panic!("a .qdpx is one file"),
    }
}

/// Every entry of the archive, by name, in archive order.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().into_owned(), content)
        })
        .collect()
}

/// A parsed XML element, enough to check a schema's rules.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: HashMap<String, String>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes.get(key).map(String::as_str)
    }

    fn walk<'n>(&'n self, out: &mut Vec<&'n Node>) {
        out.push(self);
        for child in &self.children {
            child.walk(out);
        }
    }

    fn all(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        self.walk(&mut out);
        out
    }

    fn named(&self, name: &str) -> Vec<&Node> {
        self.all().into_iter().filter(|n| n.name == name).collect()
    }
}

fn parse(xml: &str) -> Node {
    use quick_xml::events::{BytesStart, Event};
    let element = |e: &BytesStart| Node {
        name: String::from_utf8(e.local_name().as_ref().to_vec()).unwrap(),
        attributes: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let node = element(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => stack.last_mut().unwrap().text += &t.xml10_content().unwrap(),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .unwrap()
                        .to_owned(),
                };
                stack.last_mut().unwrap().text += &text;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().unwrap();
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

fn is_guid(value: &str) -> bool {
    let lengths: Vec<usize> = value.split('-').map(str::len).collect();
    lengths == [8, 4, 4, 4, 12] && value.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

/// `YYYY-MM-DDThh:mm:ss[.s+](Z|±hh:mm)`, the xsd:dateTime lexical form with a zone.
fn is_date_time(value: &str) -> bool {
    let shape = |s: &str, pattern: &str| {
        s.len() == pattern.len()
            && s.chars()
                .zip(pattern.chars())
                .all(|(c, p)| if p == 'd' { c.is_ascii_digit() } else { c == p })
    };
    if value.len() < 20 || !shape(&value[..19], "dddd-dd-ddTdd:dd:dd") {
        return false;
    }
    let mut rest = &value[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    rest == "Z" || shape(rest, "+dd:dd") || shape(rest, "-dd:dd")
}

/// Whether `children`'s names follow `order` (each name's position never goes back).
fn in_schema_order(children: &[Node], order: &[&str]) -> bool {
    let positions: Vec<Option<usize>> = children
        .iter()
        .map(|c| order.iter().position(|o| *o == c.name))
        .collect();
    positions.iter().all(Option::is_some) && positions.windows(2).all(|w| w[0] <= w[1])
}

fn qde_of(bytes: &[u8]) -> (Node, HashMap<String, String>) {
    let entries = entries(bytes);
    let qde = String::from_utf8(entries[0].1.clone()).unwrap();
    let sources = entries
        .into_iter()
        .skip(1)
        .map(|(name, content)| (name, String::from_utf8(content).unwrap()))
        .collect();
    (parse(&qde), sources)
}

#[test]
fn the_archive_holds_project_qde_and_one_text_per_document() {
    let project = sample_project();
    let entries = entries(&qdpx_bytes(&project));
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    let expected: Vec<String> = std::iter::once("project.qde".to_owned())
        .chain(
            project
                .documents()
                .iter()
                .map(|d| format!("sources/{}.txt", source_guid(d))),
        )
        .collect();
    assert_eq!(names, expected);
    for (doc, (_, content)) in project.documents().iter().zip(&entries[1..]) {
        assert_eq!(content, doc.text().as_bytes(), "{}", doc.title());
    }
    assert!(
        entries[0]
            .1
            .starts_with(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
    );
}

#[test]
fn the_export_is_byte_identical_every_time() {
    let project = sample_project();
    assert_eq!(qdpx_bytes(&project), qdpx_bytes(&project));
}

#[test]
fn project_qde_follows_the_schema_rules() {
    let (root, _) = qde_of(&qdpx_bytes(&sample_project()));
    assert_eq!(root.name, "Project");
    assert_eq!(root.attribute("xmlns"), Some("urn:QDA-XML:project:1.0"));
    assert_eq!(root.attribute("name"), Some("Due diligence <2024>"));
    assert_eq!(
        root.attribute("origin"),
        Some(format!("Marginalia {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let project_order = [
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Notes",
        "Links",
        "Sets",
        "Graphs",
        "Description",
        "NoteRef",
    ];
    let names: Vec<&str> = root.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Users", "CodeBook", "Sources", "Notes", "Links"]);
    assert!(in_schema_order(&root.children, &project_order));
    let all = root.all();
    for node in &all {
        for (key, value) in &node.attributes {
            if key == "guid" || key.ends_with("GUID") || key.ends_with("User") {
                assert!(is_guid(value), "{}@{key} = {value}", node.name);
            }
            if key.ends_with("DateTime") {
                assert!(is_date_time(value), "{}@{key} = {value}", node.name);
            }
        }
    }
    let mut guids: Vec<&str> = all.iter().filter_map(|n| n.attribute("guid")).collect();
    let count = guids.len();
    guids.sort_unstable();
    guids.dedup();
    assert_eq!(guids.len(), count, "every guid is unique");
    for code in root.named("Code") {
        assert!(code.attribute("guid").is_some() && code.attribute("name").is_some());
        assert_eq!(code.attribute("isCodable"), Some("true"));
        let color = code.attribute("color").unwrap();
        assert!(
            color.len() == 7
                && color[1..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()),
            "{color}"
        );
    }
    let claim = &root.named("Code")[0];
    assert_eq!(claim.children[0].name, "Description");
    assert_eq!(claim.children[0].text, "What is asserted, as \"quoted\"");
    for source in root.named("TextSource") {
        assert!(in_schema_order(
            &source.children,
            &[
                "Description",
                "PlainTextContent",
                "PlainTextSelection",
                "Coding",
                "NoteRef",
                "VariableValue"
            ]
        ));
    }
    for selection in root.named("PlainTextSelection") {
        assert!(in_schema_order(
            &selection.children,
            &["Description", "Coding", "NoteRef"]
        ));
        for key in ["guid", "startPosition", "endPosition"] {
            assert!(selection.attribute(key).is_some(), "{key}");
        }
    }
    let ids_of = |element: &str| -> Vec<&str> {
        root.named(element)
            .iter()
            .filter_map(|n| n.attribute("guid"))
            .collect()
    };
    let (codes, selections, notes, users) = (
        ids_of("Code"),
        ids_of("PlainTextSelection"),
        ids_of("Note"),
        ids_of("User"),
    );
    for code_ref in root.named("CodeRef") {
        assert!(codes.contains(&code_ref.attribute("targetGUID").unwrap()));
    }
    for link in root.named("Link") {
        assert!(selections.contains(&link.attribute("originGUID").unwrap()));
        assert!(selections.contains(&link.attribute("targetGUID").unwrap()));
        assert_eq!(link.attribute("direction"), Some("OneWay"));
    }
    for note_ref in root.named("NoteRef") {
        assert!(notes.contains(&note_ref.attribute("targetGUID").unwrap()));
    }
    for node in &all {
        for key in [
            "creatingUser",
            "modifyingUser",
            "creatingUserGUID",
            "modifyingUserGUID",
        ] {
            if let Some(user) = node.attribute(key) {
                assert!(users.contains(&user), "{}@{key}", node.name);
            }
        }
    }
}

#[test]
fn selections_slice_their_source_to_the_quote() {
    let (root, sources) = qde_of(&qdpx_bytes(&sample_project()));
    let mut checked = 0;
    for source in root.named("TextSource") {
        let path = source.attribute("plainTextPath").unwrap();
        let file = path.replace("internal://", "sources/");
        let text: Vec<char> = sources[&file].chars().collect();
        for selection in source.named("PlainTextSelection") {
            let start: usize = selection
                .attribute("startPosition")
                .unwrap()
                .parse()
                .unwrap();
            let end: usize = selection.attribute("endPosition").unwrap().parse().unwrap();
            let slice: String = text[start..end].iter().collect();
            assert_eq!(Some(slice.as_str()), selection.attribute("name"));
            checked += 1;
        }
    }
    assert_eq!(checked, 5);
}

#[test]
fn notes_codings_and_links_carry_what_the_project_says() {
    let (root, _) = qde_of(&qdpx_bytes(&sample_project()));
    let selection = |quote: &str| {
        root.named("PlainTextSelection")
            .into_iter()
            .find(|s| s.attribute("name") == Some(quote))
            .unwrap()
    };
    let claim = selection("👍🏾 que « la loi » s'applique");
    assert_eq!(claim.children[0].name, "Description");
    assert_eq!(claim.children[0].text, "multi\nline <note>");
    assert_eq!(claim.attribute("startPosition"), Some("22"));
    assert_eq!(claim.attribute("endPosition"), Some("50"));
    let merged = selection("政府承诺遵守");
    let coders: Vec<&str> = merged
        .children
        .iter()
        .filter_map(|c| c.attribute("creatingUser"))
        .collect();
    assert_eq!(coders, [user_guid("ben"), user_guid("ana")]);
    let users: Vec<&str> = root
        .named("User")
        .iter()
        .filter_map(|u| u.attribute("name"))
        .collect();
    assert_eq!(users, ["ana", "ben"]);
    let links = root.named("Link");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].attribute("name"), Some("attributed_to"));
    assert_eq!(links[0].children.len(), 1, "its note");
    assert!(links[1].children.is_empty());
    let notes = root.named("Note");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].children[0].text, "per the interview");
}

#[test]
fn dates_that_are_not_xsd_date_times_are_left_out() {
    assert_eq!(date("2024-05-01T10:00:00Z"), Some("2024-05-01T10:00:00Z"));
    assert_eq!(
        date("2024-05-01T10:00:00.5+02:00"),
        Some("2024-05-01T10:00:00.5+02:00")
    );
    for bad in ["", "yesterday", "2024-05-01"] {
        assert_eq!(date(bad), None, "{bad:?}");
    }
}
