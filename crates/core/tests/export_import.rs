//! Exports and imports end to end: every format against its golden file for the small sample,
//! export → import round trips for every format that has an importer (on the small sample, the
//! bundled sample project, the Unicode torture set and random texts with random spans), offsets checked by slicing the exported
//! text, and the guards: quotes checked before writing, HTML escaped, CSV formulas neutralised.
//!
//! The golden files (`tests/golden/`) must be exactly what the exporters write, none missing and
//! none stale; rewrite them after an intended change with
//! `cargo run -p marginalia-testkit --bin bless-goldens` and review the diff.

use std::{collections::BTreeSet, path::Path};

use marginalia_core::{
    export::{self, ExportError, ExportOptions, Format, Output},
    import::annotations::{UnitChoice, import_files, into_project},
    model::{
        Annotation, Document, Meta, OffsetIndex, OffsetUnit, Project, Relation, Span,
        label::default_labels, snap,
    },
    store,
};
use proptest::prelude::*;

fn small_sample() -> Project {
    store::load(&marginalia_testkit::fixture("small-sample.ron"))
        .expect("the small sample loads")
        .project
}

fn bundled_sample() -> Project {
    store::load(&marginalia_testkit::repository(
        "projects/cyber-norms-sample.ron",
    ))
    .expect("the bundled sample loads")
    .project
}

/// One document over `text` with an annotation on each span (grapheme-snapped; whitespace-only
/// passages left out), labels and notes taken in turn.
fn project_over(text: String, spans: &[Span], notes: &[&str]) -> Project {
    let index = OffsetIndex::new(&text);
    let labels = ["claim", "source", "norm"];
    let mut annotations: Vec<Annotation> = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        let span = snap::to_graphemes(&text, &index, *span);
        let quote = text
            .get(index.byte_range(&text, span).unwrap())
            .unwrap()
            .to_owned();
        if quote.trim().is_empty() {
            continue;
        }
        annotations.push(Annotation {
            id: format!("a-{k:04}"),
            label: labels[k % 3].to_owned(),
            start: span.start,
            end: span.end,
            quote,
            note: notes[k % notes.len()].to_owned(),
            created: marginalia_testkit::NOW.to_owned(),
            modified: marginalia_testkit::NOW.to_owned(),
            analysts: Vec::new(),
            origin: marginalia_core::model::Origin::ByHand,
        });
    }
    annotations.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let doc = Document::new("d-1", "Torture", text).with_annotations(annotations);
    let meta = Meta {
        title: "Torture".into(),
        annotator: "Tester".into(),
        created: marginalia_testkit::NOW.into(),
        modified: marginalia_testkit::NOW.into(),
    };
    let project = Project::from_parts(meta, default_labels(), vec![doc]);
    assert!(marginalia_core::model::validate::check_project(&project).is_empty());
    project
}

/// A project over the torture text with an annotation on every third pair of grapheme
/// boundaries (some spanning newlines, some overlapping), each with a note in another script.
fn torture_project() -> Project {
    let mut text = String::from("Torture test\n");
    for (i, piece) in marginalia_testkit::stored_torture_pieces()
        .iter()
        .cycle()
        .take(90)
        .enumerate()
    {
        text.push_str(piece);
        text.push(if i % 7 == 6 { '\n' } else { ' ' });
    }
    let index = OffsetIndex::new(&text);
    let boundaries: Vec<usize> = (0..=index.char_len())
        .filter(|&c| snap::is_grapheme_boundary(&text, &index, c))
        .collect();
    let spans: Vec<Span> = boundaries
        .windows(9)
        .step_by(5)
        .enumerate()
        .map(|(k, pair)| Span::new(pair[0], pair[2 + k % 6]))
        .collect();
    project_over(
        text,
        &spans,
        &["", "note é", "注釈 👍🏾", "line one\nline two"],
    )
}

/// An annotation as a format can carry it: (text hash, label name, start, end, note).
type Carried = (String, String, usize, usize, String);

fn carried(project: &Project, notes: Notes) -> BTreeSet<Carried> {
    project
        .documents()
        .iter()
        .flat_map(|d| {
            d.annotations().iter().map(move |a| {
                let (start, end) = notes.edges(a);
                (
                    d.text_sha256().to_owned(),
                    project.label(&a.label).unwrap().name.clone(),
                    start,
                    end,
                    notes.apply(&a.note),
                )
            })
        })
        .collect()
}

/// Relations as (kind, from span, to span, note).
fn relations(project: &Project, notes: Notes) -> BTreeSet<(String, Span, Span, String)> {
    project
        .documents()
        .iter()
        .flat_map(|d| {
            d.relations().iter().map(move |r: &Relation| {
                let span = |id: &str| {
                    let (start, end) = notes.edges(d.annotation(id).unwrap());
                    Span::new(start, end)
                };
                (
                    r.kind.clone(),
                    span(&r.from),
                    span(&r.to),
                    notes.apply(&r.note),
                )
            })
        })
        .collect()
}

/// How a format carries notes (and, for brat, line breaks).
#[derive(Clone, Copy)]
enum Notes {
    Kept,
    /// brat: notes on one line, and passages without line breaks at their edges.
    OneLine,
    Dropped,
}

impl Notes {
    /// The span as the format keeps it (chars).
    fn edges(self, a: &Annotation) -> (usize, usize) {
        match self {
            Self::OneLine => {
                let leading = a.quote.chars().take_while(|c| *c == '\n').count();
                let trailing = a.quote.chars().rev().take_while(|c| *c == '\n').count();
                (a.start + leading, a.end - trailing)
            }
            _ => (a.start, a.end),
        }
    }

    fn apply(self, note: &str) -> String {
        match self {
            Self::Kept => note.to_owned(),
            Self::OneLine => note.replace('\n', " "),
            Self::Dropped => String::new(),
        }
    }
}

/// Exports `project` as `format` into `dir`, then imports what was written (with the articles
/// as .txt files when the format does not carry its text) into a new project.
fn round_trip(project: &Project, format: Format, options: &ExportOptions, dir: &Path) -> Project {
    let made = export::export(project, format, options).expect("export");
    let out = dir.join(format!("export.{}", format.extension().unwrap_or("d")));
    export::write_output(&made.output, &out, export::InFolder::EmptyOnly).unwrap();
    let mut files = vec![out];
    if format == Format::W3c {
        for (i, doc) in project.documents().iter().enumerate() {
            let article = dir.join(format!("article-{i}.txt"));
            std::fs::write(&article, doc.text()).unwrap();
            files.push(article);
        }
    }
    let anchored = import_files(&files, UnitChoice::Detect, &[]).expect("import");
    assert!(
        anchored.unanchored.is_empty(),
        "{format:?}: every annotation is placed: {:#?}",
        anchored.unanchored
    );
    let (imported, _) =
        into_project(anchored, "Imported", "Tester", marginalia_testkit::NOW).unwrap();
    assert!(marginalia_core::model::validate::check_project(&imported).is_empty());
    imported
}

fn check_round_trip(name: &str, project: &Project) {
    let cases = [
        (Format::Brat, Notes::OneLine, true, OffsetUnit::Chars),
        (Format::W3c, Notes::Kept, true, OffsetUnit::Chars),
        (Format::Qdpx, Notes::Kept, true, OffsetUnit::Chars),
        (Format::Jsonl, Notes::Dropped, false, OffsetUnit::Chars),
        (Format::Jsonl, Notes::Dropped, false, OffsetUnit::Utf16),
    ];
    for (format, notes, has_relations, offsets) in cases {
        let dir = tempfile::tempdir().unwrap();
        let options = ExportOptions {
            offsets,
            ..ExportOptions::default()
        };
        let imported = round_trip(project, format, &options, dir.path());
        assert_eq!(
            carried(&imported, notes),
            carried(project, notes),
            "{name}: {format:?} ({offsets:?}) keeps every label, span and note"
        );
        if has_relations {
            assert_eq!(
                relations(&imported, notes),
                relations(project, notes),
                "{name}: {format:?} keeps the relations"
            );
        }
        let colours = |p: &Project| -> BTreeSet<(String, String)> {
            p.labels()
                .iter()
                .filter(|l| p.label_count(&l.id) > 0)
                .map(|l| (l.name.clone(), l.color.to_uppercase()))
                .collect()
        };
        if matches!(format, Format::Brat | Format::Qdpx) {
            assert_eq!(
                colours(&imported),
                colours(project),
                "{name}: {format:?} colours"
            );
        }
    }
}

/// A piece of random text: any printable Unicode, the torture pieces, words and spaces.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,6}",
        proptest::sample::select(marginalia_testkit::stored_torture_pieces())
            .prop_map(str::to_owned),
        "[a-zA-Z]{1,8}",
        Just(" ".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Random texts of any Unicode with random spans: every format with an importer brings back
    /// every quote, label and note (as the format carries them) at the same char offsets.
    #[test]
    fn random_texts_and_spans_keep_their_quotes_through_every_export_and_import(
        pieces in proptest::collection::vec(piece(), 1..50),
        cuts in proptest::collection::vec((0usize..400, 1usize..60), 1..12),
    ) {
        let text = format!("Random test\n{}", pieces.concat());
        let chars = text.chars().count();
        let spans: Vec<Span> = cuts
            .iter()
            .map(|&(start, len)| Span::new(start % chars, (start % chars + len).min(chars)))
            .collect();
        let project = project_over(text, &spans, &["", "note 👍🏾", "two\nlines"]);
        check_round_trip("random", &project);
    }
}

#[test]
fn the_small_sample_survives_every_round_trip() {
    check_round_trip("small sample", &small_sample());
}

#[test]
fn the_bundled_sample_survives_every_round_trip() {
    check_round_trip("bundled sample", &bundled_sample());
}

#[test]
fn the_torture_set_survives_every_round_trip() {
    check_round_trip("torture", &torture_project());
}

#[test]
fn every_format_matches_its_golden_file() {
    use marginalia_testkit::golden::{GoldenDifferences, golden_exports, goldens_on_disk};
    let exported = golden_exports();
    let on_disk = goldens_on_disk().expect("the golden folder reads");
    let differences = GoldenDifferences::between(&on_disk, &exported);
    for file in &differences.changed {
        eprintln!(
            "{file} differs from its golden file; now written:\n{}",
            String::from_utf8_lossy(&exported[file])
        );
    }
    assert!(
        differences.is_empty(),
        "the golden exports are not what the exporters write: {differences:?}. If the change is \
         intended, run `cargo run -p marginalia-testkit --bin bless-goldens` and review the diff."
    );
    // Every format has a golden file.
    for format in Format::ALL {
        let name = format!("small-sample.{}", format.extension().unwrap_or("brat"));
        assert!(
            exported.keys().any(|file| file.starts_with(&name)),
            "{format:?} has no golden file"
        );
    }
}

#[test]
fn exports_are_the_same_every_time() {
    let project = bundled_sample();
    for format in Format::ALL {
        let once = export::export(&project, format, &ExportOptions::default()).unwrap();
        let twice = export::export(&project, format, &ExportOptions::default()).unwrap();
        assert_eq!(once, twice, "{format:?}");
    }
}

#[test]
fn brat_offsets_slice_the_exported_text_to_the_quote() {
    let project = torture_project();
    let made = export::export(&project, Format::Brat, &ExportOptions::default()).unwrap();
    let Output::Folder(files) = made.output else {
        panic!("brat writes a folder")
    };
    let find = |suffix: &str| {
        files
            .iter()
            .find(|(name, _)| name.ends_with(suffix))
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .unwrap()
    };
    let text: Vec<char> = find(".txt").chars().collect();
    let ann = find(".ann");
    let mut checked = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let ranges = fields[1].split_once(' ').unwrap().1;
        let pieces: Vec<String> = ranges
            .split(';')
            .map(|range| {
                let (s, e) = range.split_once(' ').unwrap();
                let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
                text[s..e].iter().collect()
            })
            .collect();
        assert_eq!(pieces.join(" "), fields[2], "{line}");
        checked += 1;
    }
    assert_eq!(checked, project.documents()[0].annotations().len());
}

#[test]
fn w3c_positions_are_code_points_that_slice_to_the_exact_quote() {
    let project = torture_project();
    let made = export::export(&project, Format::W3c, &ExportOptions::default()).unwrap();
    let Output::File(bytes) = made.output else {
        panic!("W3C writes one file")
    };
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let text: Vec<char> = project.documents()[0].text().chars().collect();
    let items = json["first"]["items"].as_array().unwrap();
    let mut checked = 0;
    for item in items.iter().filter(|i| i["motivation"] == "tagging") {
        let selectors = item["target"]["selector"].as_array().unwrap();
        let of = |kind: &str| selectors.iter().find(|s| s["type"] == kind).unwrap();
        let position = of("TextPositionSelector");
        let (s, e) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let exact: String = text[s..e].iter().collect();
        assert_eq!(exact, of("TextQuoteSelector")["exact"].as_str().unwrap());
        checked += 1;
    }
    assert_eq!(checked, project.documents()[0].annotations().len());
}

#[test]
fn a_w3c_file_with_utf16_positions_imports_to_the_right_spans() {
    let dir = tempfile::tempdir().unwrap();
    let text = "🇪🇺 The EU 👍🏾 says: states must act. 東京 agrees.";
    let article = dir.path().join("article.txt");
    std::fs::write(&article, text).unwrap();
    // Positions as browser tools write them: UTF-16 code units.
    let utf16 = |needle: &str| {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].encode_utf16().count();
        (start, start + needle.encode_utf16().count())
    };
    let annotation = |needle: &str, label: &str| {
        let (start, end) = utf16(needle);
        serde_json::json!({
            "type": "Annotation",
            "motivation": "tagging",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": label},
            "target": {
                "source": "https://example.org/article",
                "selector": [
                    {"type": "TextPositionSelector", "start": start, "end": end},
                    {"type": "TextQuoteSelector", "exact": needle}
                ]
            }
        })
    };
    let file = dir.path().join("annotations.jsonld");
    let page = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [annotation("states must act", "Claim"), annotation("東京", "Source")]
    });
    std::fs::write(&file, serde_json::to_vec(&page).unwrap()).unwrap();
    let anchored = import_files(&[file, article], UnitChoice::Detect, &[]).unwrap();
    assert!(anchored.unanchored.is_empty(), "{:?}", anchored.unanchored);
    let (project, _) = into_project(anchored, "W3C", "Tester", marginalia_testkit::NOW).unwrap();
    let doc = &project.documents()[0];
    let quotes: Vec<(&str, Span)> = doc
        .annotations()
        .iter()
        .map(|a| (a.quote.as_str(), a.span()))
        .collect();
    assert_eq!(
        quotes,
        [
            (
                "states must act",
                marginalia_testkit::span_of(text, "states must act", 0)
            ),
            ("東京", marginalia_testkit::span_of(text, "東京", 0)),
        ]
    );
}

#[test]
fn a_quote_that_no_longer_matches_stops_every_export() {
    let mut project = small_sample();
    let doc = project.documents()[0].clone();
    let mut annotations = doc.annotations().to_vec();
    annotations[0].quote = "something else".into();
    let broken =
        Document::new(doc.id(), doc.title(), doc.text().to_owned()).with_annotations(annotations);
    project = Project::from_parts(
        project.meta().clone(),
        project.labels().to_vec(),
        vec![broken],
    );
    for format in Format::ALL {
        match export::export(&project, format, &ExportOptions::default()) {
            Err(ExportError::QuotesDoNotMatch(list)) => {
                assert_eq!(list.len(), 1, "{format:?}");
                assert_eq!(list[0].stored, "something else");
            }
            other => panic!("{format:?}: expected a quote mismatch, got {other:?}"),
        }
    }
}

#[test]
fn html_shows_markup_in_the_article_and_notes_as_text() {
    let made = export::export(&small_sample(), Format::Html, &ExportOptions::default()).unwrap();
    let Output::File(bytes) = made.output else {
        panic!("one file")
    };
    let html = String::from_utf8(bytes).unwrap();
    assert!(!html.contains("<script>"), "a note's <script> is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Brussels &amp; Tokyo &lt;on&gt; due diligence"));
}

#[test]
fn csv_neutralises_formulas_unless_asked_not_to() {
    let project = small_sample();
    let csv = |protect: bool| {
        let options = ExportOptions {
            csv_protect_formulas: protect,
            ..ExportOptions::default()
        };
        let Output::File(bytes) = export::export(&project, Format::Csv, &options)
            .unwrap()
            .output
        else {
            panic!("one file")
        };
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap().clone();
        let quote = headers.iter().position(|h| h == "quote").unwrap();
        let note = headers.iter().position(|h| h == "note").unwrap();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[quote].to_owned(), r[note].to_owned())
            })
            .collect::<Vec<_>>()
    };
    let protected = csv(true);
    assert!(protected.contains(&(
        "'= SUM(A1) was their reply".to_owned(),
        "'=HYPERLINK(\"http://example.org\")".to_owned()
    )));
    assert!(
        protected
            .iter()
            .all(|(q, n)| !q.starts_with(['=', '+', '-', '@'])
                && !n.starts_with(['=', '+', '-', '@']))
    );
    assert!(csv(false).contains(&(
        "= SUM(A1) was their reply".to_owned(),
        "=HYPERLINK(\"http://example.org\")".to_owned()
    )));
}

#[test]
fn the_loss_report_names_what_each_format_drops() {
    let project = small_sample();
    let whats = |format: Format| -> Vec<&'static str> {
        export::export(&project, format, &ExportOptions::default())
            .unwrap()
            .losses
            .iter()
            .map(|l| l.what)
            .collect()
    };
    assert!(whats(Format::Json).is_empty());
    assert!(whats(Format::Jsonl).contains(&"notes"));
    assert!(whats(Format::Jsonl).contains(&"relations"));
    assert!(whats(Format::Csv).contains(&"relations"));
    assert!(whats(Format::Brat).contains(&"line breaks in notes"));
    assert!(whats(Format::Conll).contains(&"overlaps"));
    assert!(whats(Format::Qdc).contains(&"annotations"));
    assert!(!whats(Format::Qdpx).contains(&"notes"));
}

#[test]
fn one_document_can_be_exported_alone_and_an_unknown_id_is_an_error() {
    let project = bundled_sample();
    let title = project.documents()[1].title().to_owned();
    let options = ExportOptions {
        document: Some(project.documents()[1].id().to_owned()),
        ..ExportOptions::default()
    };
    let json = json_export(&project, &options);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["documents"][0]["title"], title.as_str());
    let missing = ExportOptions {
        document: Some("no-such-document".into()),
        ..ExportOptions::default()
    };
    let error = export::export(&project, Format::Csv, &missing).unwrap_err();
    assert!(error.to_string().contains(&title), "{error}");
}

#[test]
fn the_document_chosen_is_exported_even_when_another_has_the_same_title() {
    let meta = Meta {
        title: "Two memos".into(),
        annotator: "a".into(),
        created: String::new(),
        modified: String::new(),
    };
    let documents = vec![
        Document::new("d-1", "Memo", "The first memo.".into()),
        Document::new("d-2", "Memo", "The second memo.".into()),
    ];
    let project = Project::from_parts(meta, default_labels(), documents);
    let options = ExportOptions {
        document: Some("d-2".into()),
        ..ExportOptions::default()
    };
    let json = json_export(&project, &options);
    let exported = json["documents"].as_array().unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["text"], "The second memo.");
}

/// The JSON export of `project` with `options`, parsed.
fn json_export(project: &Project, options: &ExportOptions) -> serde_json::Value {
    let Output::File(bytes) = export::export(project, Format::Json, options)
        .unwrap()
        .output
    else {
        panic!("JSON is one file")
    };
    serde_json::from_slice(&bytes).unwrap()
}
