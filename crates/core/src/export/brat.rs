//! Export as brat standoff: a folder with each document's text (`<stem>.txt`) and annotations
//! (`<stem>.ann`), and the `annotation.conf` / `visual.conf` that tell brat the types.
//!
//! Offsets in `.ann` files are chars (code points, as brat's Python counts them), end-exclusive:
//! the model's own unit, so nothing is converted. brat forbids newlines in a text-bound
//! annotation's covered text, so a passage that runs over a newline is written as discontinuous
//! fragments (`start1 end1;start2 end2`) split at the newlines; the brat importer joins them back.
//! A passage coded in pieces — annotations of one label tied by [`CONTINUES`] relations, as the
//! brat importer makes of a discontinuous `T` — is written back as one `T` with every piece's
//! fragments, and what refers to any piece refers to it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use super::{ExportError, ExportOptions, Output, Scope, unique_stems};
use crate::model::{Annotation, CONTINUES, Document, Relation, label::parse_color};

/// Renders the scope as the files of a brat folder: per document `<stem>.txt` and `<stem>.ann`,
/// in project order, then `annotation.conf` and `visual.conf`.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = options;
    let stems = unique_stems(scope.documents.iter().map(|d| d.title()));
    let mut files = Vec::with_capacity(scope.documents.len() * 2 + 2);
    for (doc, stem) in scope.documents.iter().zip(stems) {
        files.push((format!("{stem}.txt"), doc.text().as_bytes().to_vec()));
        files.push((format!("{stem}.ann"), ann_file(doc).into_bytes()));
    }
    files.push((
        "annotation.conf".to_owned(),
        annotation_conf(scope).into_bytes(),
    ));
    files.push(("visual.conf".to_owned(), visual_conf(scope).into_bytes()));
    Ok(Output::Folder(files))
}

/// A brat type name for a label id or relation kind: anything outside `[A-Za-z0-9_-]` becomes `_`
/// (brat type names cannot hold spaces).
#[must_use]
pub fn brat_type(name: &str) -> String {
    let typed: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if typed.is_empty() {
        "_".to_owned()
    } else {
        typed
    }
}

/// One document's `.ann`: `T` lines in saved order (a passage in pieces as one), then `R`
/// lines, then `#` notes.
fn ann_file(doc: &Document) -> String {
    let pieces = Pieces::of(doc);
    let mut out = String::new();
    let mut notes = Vec::new();
    let mut t_ids: HashMap<&str, String> = HashMap::new();
    let passages = doc
        .annotations()
        .iter()
        .filter(|a| !pieces.first_of.contains_key(a.id.as_str()));
    for (n, a) in passages.enumerate() {
        let id = format!("T{}", n + 1);
        let passage: Vec<&Annotation> = pieces.passage_from(doc, a).collect();
        let _ = writeln!(out, "{}", text_bound_line(&id, &passage));
        for piece in passage {
            notes.push((id.clone(), piece.note.as_str()));
            t_ids.insert(piece.id.as_str(), id.clone());
        }
    }
    let written = doc
        .relations()
        .iter()
        .filter(|r| !pieces.ties.contains(r.id.as_str()));
    for (n, r) in written.enumerate() {
        let id = format!("R{}", n + 1);
        let _ = writeln!(out, "{}", relation_line(&id, r, &t_ids));
        notes.push((id, r.note.as_str()));
    }
    let notes = notes
        .into_iter()
        .filter(|(_, note)| !note.trim().is_empty());
    for (n, (target, note)) in notes.enumerate() {
        let _ = writeln!(
            out,
            "#{}\tAnnotatorNotes {target}\t{}",
            n + 1,
            one_line(note)
        );
    }
    out
}

/// The passages of a document coded in pieces: each piece tied to the one before it by a
/// [`CONTINUES`] relation, of the same label and starting where that one has ended or later.
/// A tie that would branch (a piece continued twice, or continuing two) is left a relation.
#[derive(Default)]
struct Pieces<'d> {
    /// The next piece of each piece that has one.
    next: HashMap<&'d str, &'d str>,
    /// The first piece of the passage of each later piece.
    first_of: HashMap<&'d str, &'d str>,
    /// The relations these ties are, which are not written as relations.
    ties: HashSet<&'d str>,
}

impl<'d> Pieces<'d> {
    fn of(doc: &'d Document) -> Self {
        let mut pieces = Self::default();
        let mut previous: HashMap<&str, &str> = HashMap::new();
        for r in doc.relations().iter().filter(|r| r.kind == CONTINUES) {
            let (Some(later), Some(earlier)) = (doc.annotation(&r.from), doc.annotation(&r.to))
            else {
                continue;
            };
            let joins = later.label == earlier.label
                && earlier.end <= later.start
                && !pieces.next.contains_key(earlier.id.as_str())
                && !previous.contains_key(later.id.as_str());
            if joins {
                pieces.next.insert(&earlier.id, &later.id);
                previous.insert(&later.id, &earlier.id);
                pieces.ties.insert(&r.id);
            }
        }
        for &later in previous.keys() {
            let mut first = later;
            while let Some(&before) = previous.get(first) {
                first = before;
            }
            pieces.first_of.insert(later, first);
        }
        pieces
    }

    /// The passage that starts with `first`: it and every piece after it, in order.
    fn passage_from(
        &self,
        doc: &'d Document,
        first: &'d Annotation,
    ) -> impl Iterator<Item = &'d Annotation> {
        let mut at = Some(first);
        std::iter::from_fn(move || {
            let piece = at?;
            at = self
                .next
                .get(piece.id.as_str())
                .and_then(|next| doc.annotation(next));
            Some(piece)
        })
    }
}

/// `T<n>\t<type> <fragments>\t<covered text>` for a passage of one or more pieces, all of the
/// first one's label.
fn text_bound_line(id: &str, passage: &[&Annotation]) -> String {
    let fragments: Vec<Fragment> = passage
        .iter()
        .flat_map(|a| fragments(a.start, &a.quote))
        .collect();
    let offsets: Vec<String> = fragments
        .iter()
        .map(|f| format!("{} {}", f.start, f.end))
        .collect();
    let covered: Vec<&str> = fragments.iter().map(|f| f.text).collect();
    format!(
        "{id}\t{} {}\t{}",
        brat_type(&passage[0].label),
        offsets.join(";"),
        covered.join(" ")
    )
}

/// `R<n>\t<kind> Arg1:T<a> Arg2:T<b>`; an end that is not in the document keeps its own id.
fn relation_line(id: &str, r: &Relation, t_ids: &HashMap<&str, String>) -> String {
    let t_id = |annotation: &str| {
        t_ids
            .get(annotation)
            .cloned()
            .unwrap_or_else(|| annotation.to_owned())
    };
    format!(
        "{id}\t{} Arg1:{} Arg2:{}",
        brat_type(&r.kind),
        t_id(&r.from),
        t_id(&r.to)
    )
}

/// A piece of a passage without newlines: `[start, end)` in chars of the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fragment<'q> {
    start: usize,
    end: usize,
    text: &'q str,
}

/// The passage starting at char `start` whose text is `quote`, cut at its newlines: the runs of
/// the quote that hold no newline. A quote that is nothing but newlines stays one fragment.
fn fragments(start: usize, quote: &str) -> Vec<Fragment<'_>> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None; // (char offset, byte offset) where the run began
    let mut char_at = start;
    for (byte, c) in quote.char_indices() {
        if c == '\n' {
            if let Some((from, from_byte)) = run.take() {
                out.push(Fragment {
                    start: from,
                    end: char_at,
                    text: &quote[from_byte..byte],
                });
            }
        } else if run.is_none() {
            run = Some((char_at, byte));
        }
        char_at += 1;
    }
    if let Some((from, from_byte)) = run {
        out.push(Fragment {
            start: from,
            end: char_at,
            text: &quote[from_byte..],
        });
    }
    if out.is_empty() {
        out.push(Fragment {
            start,
            end: char_at,
            text: "",
        });
    }
    out
}

/// A note on one line: every newline (and CRLF) becomes a space.
fn one_line(note: &str) -> String {
    note.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// The brat types of the scope's labels, in codebook order, then any label an annotation uses
/// that the codebook lacks.
fn entity_types(scope: &Scope) -> Vec<String> {
    let mut types: Vec<String> = Vec::new();
    let used = scope
        .documents
        .iter()
        .flat_map(|d| d.annotations())
        .map(|a| a.label.as_str());
    for id in scope.labels().iter().map(|l| l.id.as_str()).chain(used) {
        let typed = brat_type(id);
        if !types.contains(&typed) {
            types.push(typed);
        }
    }
    types
}

/// `annotation.conf`: the entity types, the relation kinds (between any entities), and empty
/// `[events]` and `[attributes]` sections.
fn annotation_conf(scope: &Scope) -> String {
    let mut out = String::from("[entities]\n");
    for typed in entity_types(scope) {
        let _ = writeln!(out, "{typed}");
    }
    out.push_str("\n[relations]\n");
    let kinds: BTreeSet<String> = scope
        .documents
        .iter()
        .flat_map(|d| {
            let ties = Pieces::of(d).ties;
            d.relations()
                .iter()
                .filter(move |r| !ties.contains(r.id.as_str()))
        })
        .map(|r| brat_type(&r.kind))
        .collect();
    for kind in kinds {
        let _ = writeln!(out, "{kind} Arg1:<ENTITY>, Arg2:<ENTITY>");
    }
    out.push_str("\n[events]\n\n[attributes]\n");
    out
}

/// `visual.conf`: each label's name (`type | Name`) and colour (`type\tbgColor:#rrggbb`).
fn visual_conf(scope: &Scope) -> String {
    let mut out = String::from("[labels]\n");
    for label in scope.labels() {
        let name = one_line(&label.name).replace('|', "/");
        let _ = writeln!(out, "{} | {}", brat_type(&label.id), name.trim());
    }
    out.push_str("\n[drawing]\n");
    for label in scope.labels() {
        if parse_color(&label.color).is_some() {
            let _ = writeln!(
                out,
                "{}\tbgColor:{}",
                brat_type(&label.id),
                label.color.to_ascii_lowercase()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        export::{Format, export as run_export},
        model::{Document, Edit, Editor, Label, Meta, Project},
    };

    fn annotation(id: &str, label: &str, doc: &Document, start: usize, end: usize) -> Annotation {
        let quote = doc
            .quote(crate::model::Span::new(start, end))
            .unwrap()
            .to_owned();
        Annotation {
            quote,
            ..Annotation::bare(id, label, start, end)
        }
    }

    /// A project whose one document holds emoji, a flag, a combining mark, CJK, Hebrew and a
    /// claim over a newline, with notes and a relation.
    fn sample() -> Project {
        let text = "Ana 👍🏾 said 🇫🇷 cafe\u{301}.\n東京 agreed; שלום.\nEnd";
        let doc = Document::new("d1", "Due diligence: a test", text.into());
        let chars: Vec<char> = text.chars().collect();
        let find = |s: &str| {
            let needle: Vec<char> = s.chars().collect();
            (0..chars.len())
                .find(|&i| chars[i..].starts_with(&needle))
                .unwrap()
        };
        let ana = find("Ana");
        let cafe = find("cafe\u{301}");
        let tokyo = find("東京");
        let shalom = find("שלום");
        let mut claim = annotation("a1", "claim", &doc, cafe, tokyo + 2);
        claim.note = "first line\nsecond line".into();
        let source = annotation("a2", "source", &doc, ana, ana + 3);
        let norm = annotation("a3", "norm", &doc, shalom, shalom + 4);
        let doc = doc.with_annotations(vec![claim, source, norm]);
        let labels = vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("source", "Source | who", "#0072B2"),
            Label::new("norm", "Norm", "#009E73"),
        ];
        let project = Project::from_parts(
            Meta {
                title: "Test".into(),
                annotator: "ana".into(),
                ..Meta::default()
            },
            labels,
            vec![doc],
        );
        let mut editor = Editor::new(project);
        editor
            .apply(
                Edit::AddRelation {
                    doc: "d1".into(),
                    relation: Relation {
                        id: "r1".into(),
                        kind: "attributed to".into(),
                        from: "a1".into(),
                        to: "a2".into(),
                        note: "says so".into(),
                    },
                },
                "2024-01-01T00:00:00Z",
            )
            .unwrap();
        editor.into_project()
    }

    fn files(project: &Project) -> Vec<(String, String)> {
        let out = run_export(project, Format::Brat, &ExportOptions::default()).unwrap();
        let Output::Folder(files) = out.output else {
            panic!("brat writes a folder")
        };
        files
            .into_iter()
            .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
            .collect()
    }

    #[test]
    fn writes_the_text_the_ann_and_both_confs() {
        let project = sample();
        let files = files(&project);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "due-diligence-a-test.txt",
                "due-diligence-a-test.ann",
                "annotation.conf",
                "visual.conf"
            ]
        );
        assert_eq!(files[0].1, project.documents()[0].text());
        assert_eq!(
            files[1].1,
            "T1\tsource 0 3\tAna\n\
             T2\tclaim 15 21;22 24\tcafe\u{301}. 東京\n\
             T3\tnorm 33 37\tשלום\n\
             R1\tattributed_to Arg1:T2 Arg2:T1\n\
             #1\tAnnotatorNotes T2\tfirst line second line\n\
             #2\tAnnotatorNotes R1\tsays so\n"
        );
        assert_eq!(
            files[2].1,
            "[entities]\nclaim\nsource\nnorm\n\n[relations]\n\
             attributed_to Arg1:<ENTITY>, Arg2:<ENTITY>\n\n[events]\n\n[attributes]\n"
        );
        assert_eq!(
            files[3].1,
            "[labels]\nclaim | Claim\nsource | Source / who\nnorm | Norm\n\n[drawing]\n\
             claim\tbgColor:#d55e00\nsource\tbgColor:#0072b2\nnorm\tbgColor:#009e73\n"
        );
    }

    #[test]
    fn every_fragment_slices_its_text_from_the_txt_by_chars() {
        let files = files(&sample());
        let chars: Vec<char> = files[0].1.chars().collect();
        for line in files[1].1.lines().filter(|l| l.starts_with('T')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (_, offsets) = fields[1].split_once(' ').unwrap();
            let pieces: Vec<String> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    chars[s.parse().unwrap()..e.parse().unwrap()]
                        .iter()
                        .collect()
                })
                .collect();
            assert_eq!(pieces.join(" "), fields[2], "{line}");
            assert!(!fields[2].contains('\n'));
        }
    }

    #[test]
    fn passages_are_cut_at_newlines() {
        /// (passage start, quote, expected fragments as (start, end, text)).
        type Case<'a> = (usize, &'a str, &'a [(usize, usize, &'a str)]);
        let cases: &[Case] = &[
            (5, "abc", &[(5, 8, "abc")]),
            (0, "ab\ncd", &[(0, 2, "ab"), (3, 5, "cd")]),
            (2, "👍🏾\n\n東京", &[(2, 4, "👍🏾"), (6, 8, "東京")]),
            (0, "a\n", &[(0, 1, "a")]),
            (0, "\nb", &[(1, 2, "b")]),
            (4, "\n\n", &[(4, 6, "")]),
        ];
        for (start, quote, expected) in cases {
            let got: Vec<(usize, usize, &str)> = fragments(*start, quote)
                .into_iter()
                .map(|f| (f.start, f.end, f.text))
                .collect();
            assert_eq!(&got, expected, "{quote:?}");
        }
    }

    #[test]
    fn type_names_are_brat_safe() {
        assert_eq!(brat_type("claim"), "claim");
        assert_eq!(brat_type("attributed to"), "attributed_to");
        assert_eq!(brat_type("norm-2_x"), "norm-2_x");
        assert_eq!(brat_type("été"), "_t_");
        assert_eq!(brat_type(""), "_");
    }

    #[test]
    fn the_same_project_exports_the_same_bytes() {
        assert_eq!(files(&sample()), files(&sample()));
    }
}
