//! Reading brat standoff annotations: an `.ann` file with its `.txt`, or a folder of them, with
//! the `annotation.conf` and `visual.conf` beside them for label names and colours.
//!
//! Positions in `.ann` files are chars (code points, as brat's Python counts them), end-exclusive,
//! over the `.txt` as it is on disk (CRLF newlines count two chars; [`super::anchor`] handles
//! that). Discontinuous spans (`start1 end1;start2 end2`) become one passage from the first start
//! to the last end: Marginalia's brat export writes a passage over a newline that way.
//!
//! This file finds the files (an `.ann`, its `.txt`, a folder) and reads them as UTF-8; `ann`
//! parses an `.ann` file's lines, `conf` the two configuration files.

mod ann;
mod conf;

use std::path::{Path, PathBuf};

use ann::parse_document;
use conf::Config;

use super::{
    AnnotationImportError, ForeignSet,
    limits::{self, AnnotationCount},
    utf8::utf8_text,
};

/// Reads `path`: an `.ann` file, a `.txt` with an `.ann` beside it, or a folder (every `.ann` in
/// it, sorted by name, each with its `.txt`).
pub fn read(path: &Path) -> Result<ForeignSet, AnnotationImportError> {
    let (folder, ann_files) = ann_files(path)?;
    let config = Config::read(&folder)?;
    let in_folder = path.is_dir();
    let mut set = ForeignSet {
        format: "brat",
        path: path.to_owned(),
        ..ForeignSet::default()
    };
    let mut count = AnnotationCount::default();
    for ann in &ann_files {
        let where_ = if in_folder {
            format!("{}: ", file_name(ann))
        } else {
            String::new()
        };
        let content = read_utf8(ann)?;
        let txt = ann.with_extension("txt");
        let text = if txt.is_file() {
            Some(read_utf8(&txt)?)
        } else {
            None
        };
        let document = parse_document(ann, &content, text, &where_, &mut set.skipped)?;
        count.add(ann, document.annotations.len())?;
        set.documents.push(document);
    }
    name_labels(&mut set, &config);
    Ok(set)
}

/// One brat document's files as bytes, as [`from_bytes`] reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct BratFiles<'b> {
    /// The `.ann` file.
    pub ann: &'b [u8],
    /// The `.txt` beside it, when there is one.
    pub txt: Option<&'b [u8]>,
    /// `annotation.conf` and `visual.conf`, when they are beside it.
    pub annotation_conf: Option<&'b [u8]>,
    pub visual_conf: Option<&'b [u8]>,
}

/// Reads one brat document from its files' bytes, as [`read`] does once it has read them;
/// `ann_path` is the `.ann` file's path, used in messages and to name the document.
pub fn from_bytes(ann_path: &Path, files: &BratFiles) -> Result<ForeignSet, AnnotationImportError> {
    let txt_path = ann_path.with_extension("txt");
    let folder = ann_path.parent().map(Path::to_owned).unwrap_or_default();
    let config = Config::parse(
        files
            .annotation_conf
            .map(|b| utf8(&folder.join("annotation.conf"), b))
            .transpose()?
            .as_deref(),
        files
            .visual_conf
            .map(|b| utf8(&folder.join("visual.conf"), b))
            .transpose()?
            .as_deref(),
    );
    let content = utf8(ann_path, files.ann)?;
    let text = files.txt.map(|b| utf8(&txt_path, b)).transpose()?;
    let mut set = ForeignSet {
        format: "brat",
        path: ann_path.to_owned(),
        ..ForeignSet::default()
    };
    let document = parse_document(ann_path, &content, text, "", &mut set.skipped)?;
    AnnotationCount::default().add(ann_path, document.annotations.len())?;
    set.documents.push(document);
    name_labels(&mut set, &config);
    Ok(set)
}

/// Gives the set the labels of its configuration and of the types its annotations use, and each
/// annotation the name of its type.
fn name_labels(set: &mut ForeignSet, config: &Config) {
    let used = set
        .documents
        .iter()
        .flat_map(|d| &d.annotations)
        .map(|a| a.label.as_str());
    set.labels = config.labels(used);
    for a in set.documents.iter_mut().flat_map(|d| &mut d.annotations) {
        a.label = config.name_of(&a.label);
    }
}

/// The folder the configuration files are looked for in, and the `.ann` files to read.
fn ann_files(path: &Path) -> Result<(PathBuf, Vec<PathBuf>), AnnotationImportError> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| AnnotationImportError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut anns: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && has_extension(p, "ann"))
            .collect();
        anns.sort();
        if anns.is_empty() {
            return Err(AnnotationImportError::malformed(
                path,
                None,
                "the folder holds no brat .ann file; choose the folder with the .ann and .txt \
                 files",
            ));
        }
        return Ok((path.to_owned(), anns));
    }
    let ann = if has_extension(path, "ann") {
        path.to_owned()
    } else {
        path.with_extension("ann")
    };
    let folder = ann.parent().map(Path::to_owned).unwrap_or_default();
    Ok((folder, vec![ann]))
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file's text as UTF-8, without a byte-order mark.
fn read_utf8(path: &Path) -> Result<String, AnnotationImportError> {
    utf8(path, &AnnotationImportError::read_limited(path)?)
}

/// The bytes of the file at `path` as UTF-8 text, without a byte-order mark, within the size limit.
fn utf8(path: &Path, bytes: &[u8]) -> Result<String, AnnotationImportError> {
    limits::check_size(path, bytes.len())?;
    utf8_text(path, bytes, "brat").map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTINUES;
    use crate::{
        export::{ExportOptions, Format, export, write_output},
        import::annotations::{Anchored, ForeignRelation, KnownText, Position, anchor},
        model::{Annotation, Document, Edit, Editor, Label, Meta, Project, Relation, Span},
    };

    /// `(label name, start, end, note)` of every placed annotation, in order, and the relations as
    /// `(kind, from quote, to quote, note)`.
    type Spans = Vec<(String, usize, usize, String)>;
    type Links = Vec<(String, String, String, String)>;

    fn annotation(doc: &Document, id: &str, label: &str, quote: &str, note: &str) -> Annotation {
        let byte = doc.text().find(quote).unwrap();
        let start = doc.text()[..byte].chars().count();
        let end = start + quote.chars().count();
        Annotation {
            quote: doc.quote(Span::new(start, end)).unwrap().to_owned(),
            note: note.into(),
            created: "2024-05-01T10:00:00Z".into(),
            modified: "2024-05-01T10:00:00Z".into(),
            ..Annotation::bare(id, label, start, end)
        }
    }

    /// Emoji with a skin tone, a flag, a combining accent, CJK, Hebrew and a claim over a newline.
    fn sample() -> Project {
        let text = "Ana 👍🏾 said 🇫🇷 cafe\u{301} works.\n東京 agreed; שלום עליכם.\nThe end 👨‍👩‍👧.";
        let doc = Document::new("d1", "Field notes 1", text.into());
        let annotations = vec![
            annotation(
                &doc,
                "a1",
                "claim",
                "cafe\u{301} works.\n東京 agreed",
                "a claim",
            ),
            annotation(&doc, "a2", "source", "Ana 👍🏾", ""),
            annotation(&doc, "a3", "norm", "שלום עליכם", "peace\tbe"),
            annotation(&doc, "a4", "claim", "🇫🇷", ""),
            annotation(&doc, "a5", "source", "👨‍👩‍👧", ""),
        ];
        let doc = doc.with_annotations(annotations);
        let labels = vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("source", "Source of it", "#0072B2"),
            Label::new("norm", "Norm", "#009E73"),
            Label::new("unused", "Never used", "#CC79A7"),
        ];
        let meta = Meta {
            title: "Round trip".into(),
            annotator: "ana".into(),
            ..Meta::default()
        };
        let mut editor = Editor::new(Project::from_parts(meta, labels, vec![doc]));
        for (id, kind, from, to, note) in [
            ("r1", "attributed_to", "a1", "a2", "she says so"),
            ("r2", "supports", "a3", "a1", ""),
        ] {
            let relation = Relation {
                id: id.into(),
                kind: kind.into(),
                from: from.into(),
                to: to.into(),
                note: note.into(),
            };
            let edit = Edit::AddRelation {
                doc: "d1".into(),
                relation,
            };
            editor.apply(edit, "2024-05-01T10:00:00Z").unwrap();
        }
        editor.into_project()
    }

    fn exported(project: &Project) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let out = export(project, Format::Brat, &ExportOptions::default()).unwrap();
        write_output(&out.output, dir.path(), crate::export::InFolder::EmptyOnly).unwrap();
        dir
    }

    fn placed(anchored: &Anchored) -> (Spans, Links) {
        let doc = &anchored.documents[0];
        let spans = doc
            .annotations
            .iter()
            .map(|a| (a.label.clone(), a.span.start, a.span.end, a.note.clone()))
            .collect();
        let quote = |id: &str| {
            let a = doc.annotations.iter().find(|a| a.foreign_id == id).unwrap();
            doc.text
                .chars()
                .skip(a.span.start)
                .take(a.span.len())
                .collect::<String>()
        };
        let links = doc
            .relations
            .iter()
            .map(|r| (r.kind.clone(), quote(&r.from), quote(&r.to), r.note.clone()))
            .collect();
        (spans, links)
    }

    fn original(project: &Project) -> (Spans, Links) {
        let doc = &project.documents()[0];
        let name = |id: &str| project.label(id).unwrap().name.clone();
        let spans = doc
            .annotations()
            .iter()
            .map(|a| (name(&a.label), a.start, a.end, a.note.replace('\n', " ")))
            .collect();
        let quote = |id: &str| doc.annotation(id).unwrap().quote.clone();
        let links = doc
            .relations()
            .iter()
            .map(|r| (r.kind.clone(), quote(&r.from), quote(&r.to), r.note.clone()))
            .collect();
        (spans, links)
    }

    #[test]
    fn an_export_reads_back_with_the_same_labels_spans_notes_and_relations() {
        let project = sample();
        let dir = exported(&project);
        let set = read(dir.path()).unwrap();
        assert_eq!(set.format, "brat");
        assert_eq!(set.skipped, Vec::<String>::new());
        let anchored = anchor(vec![set], &[]);
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        assert_eq!(placed(&anchored), original(&project));
        let labels: Vec<(&str, Option<&str>)> = anchored
            .labels
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("Claim", Some("#d55e00")),
                ("Source of it", Some("#0072b2")),
                ("Norm", Some("#009e73")),
                ("Never used", Some("#cc79a7")),
            ]
        );
        let doc = &anchored.documents[0];
        assert_eq!(doc.title, "field-notes-1");
        assert_eq!(doc.text, project.documents()[0].text());
    }

    #[test]
    fn the_ann_file_or_the_txt_reads_the_same_as_the_folder() {
        let dir = exported(&sample());
        let folder = read(dir.path()).unwrap();
        for name in ["field-notes-1.ann", "field-notes-1.txt"] {
            let set = read(&dir.path().join(name)).unwrap();
            assert_eq!(set.documents, folder.documents, "{name}");
            assert_eq!(set.labels, folder.labels, "{name}");
        }
    }

    fn write_brat(ann: &str, txt: Option<&str>) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ann");
        std::fs::write(&path, ann).unwrap();
        if let Some(txt) = txt {
            std::fs::write(dir.path().join("doc.txt"), txt).unwrap();
        }
        (dir, path)
    }

    #[test]
    fn attributes_and_normalizations_become_notes_and_other_comments_are_listed() {
        let ann = "T1\tPerson 0 3\tAna\n\
                   E1\tSay:T1\n\
                   A1\tNegated E1\n\
                   N1\tReference T1 Wikipedia:123\tAna\n\
                   M1\tConfidence T1 High\n\
                   #1\tAnnotatorNotes T9\tlost\n\
                   #2\tOtherNote T1\thm\n";
        let (_dir, path) = write_brat(ann, Some("Ana spoke."));
        let set = read(&path).unwrap();
        assert_eq!(
            set.skipped,
            [
                "line 7: comments other than AnnotatorNotes are not imported",
                "line 6: a note on T9, which the file does not have, is not imported",
            ]
        );
        let doc = &set.documents[0];
        assert_eq!(doc.annotations.len(), 1);
        // The attribute of the event goes to its trigger.
        assert_eq!(
            doc.annotations[0].note,
            "Negated\n\nReference Wikipedia:123 (Ana)\n\nConfidence: High"
        );
        assert!(
            doc.relations.is_empty(),
            "an event without arguments relates nothing"
        );
    }

    #[test]
    fn events_and_equivalences_become_relations_through_to_the_project() {
        let text = "Officials told reporters that the talks would resume.";
        // T1 Officials, T2 told, T3 the talks would resume, T4 reporters.
        let ann = "T1\tsource 0 9\tOfficials\n\
                   T2\tcue 10 14\ttold\n\
                   T3\tclaim 30 52\tthe talks would resume\n\
                   T4\tsource 15 24\treporters\n\
                   E1\tAttribution:T2 Content:T3 Source:T1\n\
                   E2\tReport:T4 Theme:E1\n\
                   *\tAlias T1 T4\n\
                   #1\tAnnotatorNotes E1\ton the record\n";
        let (_dir, path) = write_brat(ann, Some(text));
        let set = read(&path).unwrap();
        assert_eq!(set.skipped, Vec::<String>::new());
        let links: Vec<(&str, &str, &str)> = set.documents[0]
            .relations
            .iter()
            .map(|r| (r.from.as_str(), r.kind.as_str(), r.to.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("T1", "Alias", "T4"),
                ("T2", "Content", "T3"),
                ("T2", "Source", "T1"),
                // An argument that is an event stands for its trigger.
                ("T4", "Theme", "T2"),
            ]
        );
        assert_eq!(set.documents[0].annotations[1].note, "on the record");

        let (project, summary) = crate::import::annotations::into_project(
            anchor(vec![set], &[]),
            "T",
            "A",
            "2026-12-01T00:00:00Z",
        )
        .unwrap();
        assert_eq!((summary.annotations, summary.relations), (4, 4));
        let doc = &project.documents()[0];
        let quote = |id: &str| doc.annotation(id).map(|a| a.quote.as_str());
        let mut made: Vec<(Option<&str>, &str, Option<&str>)> = doc
            .relations()
            .iter()
            .map(|r| (quote(&r.from), r.kind.as_str(), quote(&r.to)))
            .collect();
        made.sort_unstable();
        assert_eq!(
            made,
            [
                (Some("Officials"), "Alias", Some("reporters")),
                (Some("reporters"), "Theme", Some("told")),
                (Some("told"), "Content", Some("the talks would resume")),
                (Some("told"), "Source", Some("Officials")),
            ]
        );
    }

    #[test]
    fn notes_go_to_their_annotation_or_relation_wherever_they_are() {
        let ann = "#1\tAnnotatorNotes T1\tfirst\n\
                   T1\tclaim 0 3\tAna\n\
                   T2\tsource 4 9\tspoke\n\
                   R1\tsaid Arg1:T1 Arg2:T2\n\
                   #2\tAnnotatorNotes R1\tlinked\n\
                   #3\tAnnotatorNotes T1\tsecond\n";
        let (_dir, path) = write_brat(ann, Some("Ana spoke."));
        let doc = &read(&path).unwrap().documents[0];
        assert_eq!(doc.annotations[0].note, "first\n\nsecond");
        assert_eq!(doc.annotations[0].quote.as_deref(), Some("Ana"));
        assert_eq!(
            doc.annotations[0].position,
            Some(Position { start: 0, end: 3 })
        );
        assert_eq!(
            doc.relations,
            [ForeignRelation {
                kind: "said".into(),
                from: "T1".into(),
                to: "T2".into(),
                note: "linked".into(),
            }]
        );
    }

    #[test]
    fn fragments_with_text_between_them_are_passages_tied_by_continues() {
        let text = "ab\r\ncd ef\n\ngh";
        // Chars over the file's text (CRLF is two chars): "ab" 0..2, "cd" 4..6, "gh" 11..13.
        // T1's fragments have only a line break between them: one passage. T2's leave out
        // " ef": two passages, the second continuing the first.
        let ann = "T1\tclaim 0 2;4 6\tab cd\nT2\tnorm 4 6;11 13\tcd gh\n\
                   #1\tAnnotatorNotes T2\tsplit\n";
        let (_dir, path) = write_brat(ann, Some(text));
        let set = read(&path).unwrap();
        assert_eq!(set.skipped, Vec::<String>::new());
        let doc = &set.documents[0];
        let read: Vec<(&str, Option<Position>, &str)> = doc
            .annotations
            .iter()
            .map(|a| (a.id.as_str(), a.position, a.note.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("T1", Some(Position { start: 0, end: 6 }), ""),
                ("T2", Some(Position { start: 4, end: 6 }), "split"),
                ("T2#2", Some(Position { start: 11, end: 13 }), ""),
            ]
        );
        assert_eq!(
            doc.relations,
            [ForeignRelation {
                kind: crate::model::CONTINUES.into(),
                from: "T2#2".into(),
                to: "T2".into(),
                note: String::new(),
            }]
        );
        let anchored = anchor(vec![set], &[]);
        let spans: Vec<(usize, usize)> = anchored.documents[0]
            .annotations
            .iter()
            .map(|a| (a.span.start, a.span.end))
            .collect();
        // In the normalised text "ab\ncd ef\n\ngh": "ab\ncd" is 0..5, "cd" 3..5, "gh" 10..12.
        assert_eq!(spans, [(0, 5), (3, 5), (10, 12)]);
        assert_eq!(anchored.documents[0].relations.len(), 1);
    }

    #[test]
    fn a_passage_in_pieces_goes_back_to_brat_as_one_fragmented_passage() {
        let text = "Ana saw x spoke.";
        // "Ana" 0..3, "saw" 4..7, "spoke" 10..15: the claim leaves " saw x " out.
        let ann = "T1\tclaim 0 3;10 15\tAna spoke\n\
                   T2\tsource 4 7\tsaw\n\
                   R1\tsaid Arg1:T2 Arg2:T1\n\
                   #1\tAnnotatorNotes T1\tin pieces\n";
        let (_dir, path) = write_brat(ann, Some(text));
        let anchored = anchor(vec![read(&path).unwrap()], &[]);
        let (project, summary) =
            crate::import::annotations::into_project(anchored, "T", "A", "2026-12-01T00:00:00Z")
                .unwrap();
        assert_eq!((summary.annotations, summary.relations), (3, 2));

        let out = exported(&project);
        let written = std::fs::read_to_string(out.path().join("doc.ann")).unwrap();
        assert_eq!(
            written,
            "T1\tclaim 0 3;10 15\tAna spoke\n\
             T2\tsource 4 7\tsaw\n\
             R1\tsaid Arg1:T2 Arg2:T1\n\
             #1\tAnnotatorNotes T1\tin pieces\n"
        );
        let conf = std::fs::read_to_string(out.path().join("annotation.conf")).unwrap();
        assert!(
            !conf.contains(CONTINUES),
            "the tie is not a brat relation: {conf}"
        );
    }

    #[test]
    fn fragments_without_the_text_to_tell_are_kept_apart() {
        let (_dir, path) = write_brat("T1\tclaim 0 2;4 6\tab cd\n", None);
        let spans: Vec<_> = read(&path).unwrap().documents[0]
            .annotations
            .iter()
            .map(|a| a.position)
            .collect();
        assert_eq!(
            spans,
            [
                Some(Position { start: 0, end: 2 }),
                Some(Position { start: 4, end: 6 })
            ]
        );
    }

    #[test]
    fn a_crlf_text_with_emoji_places_by_chars() {
        let text = "👍🏾 ok\r\n東京 \u{5e9}\u{5c1}alom\r\n";
        let ann = "T1\tplace 7 9\t東京\nT2\tword 10 16\tשׁalom\n";
        let (_dir, path) = write_brat(ann, Some(&format!("\u{feff}{text}")));
        let anchored = anchor(vec![read(&path).unwrap()], &[]);
        assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
        let spans: Vec<(usize, usize)> = anchored.documents[0]
            .annotations
            .iter()
            .map(|a| (a.span.start, a.span.end))
            .collect();
        assert_eq!(spans, [(6, 8), (9, 15)]);
    }

    #[test]
    fn an_id_used_twice_is_an_error_naming_both_lines() {
        let ann = "T1\tClaim 0 3\tone\nT2\tClaim 4 7\ttwo\nT1\tNorm 8 13\tthree\n";
        let (_dir, path) = write_brat(ann, Some("one two three"));
        let error = read(&path).unwrap_err().to_string();
        assert!(
            error.contains("line 3") && error.contains("lines 1 and 3"),
            "{error}"
        );
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line() {
        let cases = [
            ("T1\tclaim 0 3\tAna\nT2\tclaim 0\tx\n", 2, "are not offsets"),
            ("T1\tclaim 5 3\tAna\n", 1, "are not offsets"),
            ("T1\tclaim 0 3\n", 1, "three tab-separated fields"),
            ("T1\tclaim 4 6;0 2\tx\n", 1, "overlap or are out of order"),
            ("\nR1\tsaid Arg1:T1\n", 2, "should name two annotations"),
            ("X1\tfoo\n", 1, "not a brat standoff line"),
            ("#1 AnnotatorNotes T1\n", 1, "needs a tab"),
        ];
        for (ann, line, message) in cases {
            let (_dir, path) = write_brat(ann, Some("Ana spoke."));
            match read(&path) {
                Err(AnnotationImportError::Malformed {
                    line: Some(l),
                    message: m,
                    ..
                }) => {
                    assert_eq!(l, line, "{ann:?}");
                    assert!(m.contains(message), "{ann:?}: {m}");
                }
                other => panic!("{ann:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn configuration_names_colours_and_declares_labels() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("annotation.conf"),
            "# comment\n[entities]\nPerson\n\tPolitician\n!Abstract\n\n[relations]\n\
             Says Arg1:Person, Arg2:<ENTITY>\n<OVERLAP> Arg1:Person, Arg2:Person, <OVL-TYPE>:<ANY>\n\
             [events]\n[attributes]\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("visual.conf"),
            "[labels]\nPerson | Person or group | Per\nSays | says\n[drawing]\n\
             SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen\n\
             Person\tfgColor:black, bgColor:#FFCCAA, borderColor:darken\nOther bgColor:#00ff00\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("a.txt"), "Ana spoke.").unwrap();
        std::fs::write(dir.path().join("a.ann"), "T1\tOther 0 3\tAna\n").unwrap();
        let set = read(dir.path()).unwrap();
        let labels: Vec<(&str, Option<&str>)> = set
            .labels
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("Person or group", Some("#FFCCAA")),
                ("Politician", None),
                ("Other", Some("#00ff00")),
            ]
        );
        assert_eq!(set.documents[0].annotations[0].label, "Other");
    }

    #[test]
    fn a_missing_txt_leaves_the_text_to_the_open_project() {
        let (_dir, path) = write_brat("T1\tclaim 0 3\tAna\n", None);
        let set = read(&path).unwrap();
        assert_eq!(set.documents[0].text, None);
        assert_eq!(set.documents[0].title, "doc");
        assert_eq!(set.skipped.len(), 1);
        assert!(set.skipped[0].starts_with("no doc.txt beside it"));
        let article = "Ana spoke.";
        let elsewhere = KnownText {
            title: "Some article",
            text: "Other text.",
            source: Some("/tmp/other.txt"),
        };
        let same_name = KnownText {
            title: "Article",
            text: article,
            source: Some("/home/ana/articles/doc.txt"),
        };
        let anchored = anchor(vec![set], &[elsewhere, same_name]);
        assert_eq!(anchored.documents[0].known, Some(1));
        assert_eq!(anchored.documents[0].annotations[0].span, Span::new(0, 3));
    }

    #[test]
    fn a_folder_without_ann_files_and_non_utf8_files_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path()).unwrap_err().to_string();
        assert!(err.contains("no brat .ann file"), "{err}");
        let path = dir.path().join("x.ann");
        std::fs::write(&path, b"T1\tclaim 0 3\tAna\nT2\tclaim 4 5\t\xff\n").unwrap();
        let err = read(&path).unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("save it as UTF-8"),
            "{err}"
        );
    }
}
