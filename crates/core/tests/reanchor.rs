//! Updating an article's text carries every annotation across: realistic revisions of the bundled
//! sample article (a typo fix, an inserted, deleted and moved paragraph, reworded sentences,
//! CRLF and no-break spaces), checked on the resulting project — nothing lost, nothing moved to a
//! weak match, undo restores the old text.

use std::collections::BTreeSet;

use marginalia_core::{
    import::article_from_bytes,
    model::{Edit, Editor, Project, SourceFormat, Span, sha256_hex, validate::check_project},
    reanchor::{NewText, PLACE_AT, Report, reanchor},
    store,
};
use marginalia_testkit::{NOW, span_of};

fn sample() -> Editor {
    let path = marginalia_testkit::repository("projects/cyber-norms-sample.ron");
    Editor::new(store::load(&path).expect("the sample loads").project)
}

fn article(editor: &Editor) -> &marginalia_core::model::Document {
    &editor.project().documents()[0]
}

fn text(editor: &Editor) -> String {
    article(editor).text().to_owned()
}

/// Every annotation id of the first document, placed or orphaned.
fn all_ids(project: &Project) -> BTreeSet<String> {
    let doc = &project.documents()[0];
    doc.annotations()
        .iter()
        .map(|a| a.id.clone())
        .chain(doc.orphans().iter().map(|o| o.id().to_owned()))
        .collect()
}

/// Updates the first document to `new` and checks what must hold for any update: the project
/// stays sound, no annotation is lost, labels and notes are kept, every placed quote is the new
/// text, and the report's counts add up.
fn update(editor: &mut Editor, new: String) -> Report {
    let before = editor.project().clone();
    let doc = article(editor).id().to_owned();
    let reanchored = reanchor(
        editor.project(),
        &doc,
        NewText {
            text: new.clone(),
            source: Some("revised.txt".into()),
            import: None,
        },
        NOW,
    )
    .expect("reanchored");
    let report = reanchored.report.clone();
    editor
        .apply(Edit::UpdateText(Box::new(reanchored.update)), NOW)
        .expect("the update applies");
    let after = editor.project();
    assert_eq!(check_project(after), vec![], "the updated project is sound");
    assert_eq!(article(editor).text(), new);
    assert_eq!(all_ids(after), all_ids(&before), "no annotation is lost");
    let old_doc = &before.documents()[0];
    for old in old_doc.annotations() {
        let kept = article(editor)
            .annotation(&old.id)
            .or_else(|| article(editor).orphan(&old.id).map(|o| &o.annotation))
            .expect("kept");
        assert_eq!((&kept.label, &kept.note), (&old.label, &old.note));
    }
    assert_eq!(
        report.moved + report.refound.len() + report.orphaned.len(),
        old_doc.annotations().len() + old_doc.orphans().len()
    );
    assert!(
        report
            .refound
            .iter()
            .all(|p| f64::from(p.confidence) >= PLACE_AT * 100.0)
    );
    let revision = article(editor).revisions().last().expect("a revision");
    assert_eq!(
        revision.previous_sha256,
        sha256_hex(old_doc.text().as_bytes())
    );
    assert_eq!(
        (revision.moved, revision.refound, revision.orphaned),
        (
            report.moved,
            report.refound.len(),
            article(editor).orphans().len()
        )
    );
    println!("{report}");
    report
}

/// `text` with the first `from` after `after` (or anywhere) replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} is in the text");
    text.replacen(from, to, 1)
}

fn paragraph_starting(text: &str, start: &str) -> String {
    let at = text.find(start).expect("paragraph");
    let end = text[at..].find("\n\n").map_or(text.len(), |e| at + e);
    text[at..end].to_owned()
}

#[test]
fn a_typo_fix_moves_everything_and_refinds_the_annotation_holding_it() {
    let mut editor = sample();
    let total = article(&editor).annotations().len();
    let old = text(&editor);
    let new = replace_once(&old, "burden of cyber security", "burden of cybersecurity");
    let new = replace_once(&new, "quiet disagreement", "quiet disagreements");
    let report = update(&mut editor, new);
    assert_eq!(report.moved, total - 1);
    assert_eq!(report.orphaned, vec![]);
    let [refound] = report.refound.as_slice() else {
        panic!("one re-found: {report}")
    };
    assert_eq!(refound.id, "a-35d00ccc49ae");
    assert!(refound.confidence >= 95, "{report}");
    assert!(
        refound
            .new_quote
            .contains("burden of cybersecurity from victims")
    );
}

#[test]
fn an_inserted_paragraph_moves_every_annotation_by_its_length() {
    let mut editor = sample();
    let old = text(&editor);
    let note = "\n\nEditor’s note: updated on 14 March to add comments from the forum. 🛠️";
    let byline = "By Helena Brandt · 12 March 2024";
    let new = replace_once(&old, byline, &format!("{byline}{note}"));
    let shift = note.chars().count();
    let before: Vec<Span> = article(&editor)
        .annotations()
        .iter()
        .map(|a| a.span())
        .collect();
    let report = update(&mut editor, new);
    assert_eq!((report.refound.len(), report.orphaned.len()), (0, 0));
    let after: Vec<Span> = article(&editor)
        .annotations()
        .iter()
        .map(|a| a.span())
        .collect();
    let shifted: Vec<Span> = before
        .iter()
        .map(|s| Span::new(s.start + shift, s.end + shift))
        .collect();
    assert_eq!(after, shifted);
}

#[test]
fn a_lightly_reworded_sentence_is_refound_and_a_rewritten_one_is_orphaned_with_its_note() {
    let mut editor = sample();
    let old = text(&editor);
    let new = replace_once(
        &old,
        "Almost nobody agrees on what it demands.",
        "Almost nobody agrees on what it actually demands.",
    );
    let new = replace_once(
        &new,
        "At some point, ignorance becomes a policy.",
        "Sooner or later, looking away turns into a choice.",
    );
    let note = article(&editor)
        .annotation("a-7bf3ddd7370c")
        .expect("the claim")
        .note
        .clone();
    let report = update(&mut editor, new);
    let refound: Vec<&str> = report.refound.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(refound, ["a-66086537372a"], "{report}");
    assert_eq!(
        report.refound[0].new_quote,
        "Almost nobody agrees on what it actually demands."
    );
    let orphaned: Vec<&str> = report.orphaned.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(orphaned, ["a-7bf3ddd7370c"], "{report}");
    let orphan = article(&editor).orphan("a-7bf3ddd7370c").expect("orphan");
    assert_eq!(
        orphan.annotation.quote,
        "At some point, ignorance becomes a policy."
    );
    assert_eq!(orphan.annotation.note, note);
    assert!(orphan.before.ends_with("“"), "{:?}", orphan.before);
}

#[test]
fn a_deleted_paragraph_orphans_its_annotations_and_nothing_else() {
    let mut editor = sample();
    let old = text(&editor);
    let paragraph = paragraph_starting(&old, "Petrović’s research team");
    let new = replace_once(&old, &format!("{paragraph}\n\n"), "");
    let total = article(&editor).annotations().len();
    let report = update(&mut editor, new);
    let orphaned: BTreeSet<&str> = report.orphaned.iter().map(|u| u.id.as_str()).collect();
    let expected = BTreeSet::from(["a-a79d26183394", "a-593707b24058", "a-f9556357d594"]);
    assert_eq!(orphaned, expected, "{report}");
    assert_eq!(report.refound, vec![]);
    assert_eq!(report.moved, total - 3);
    assert_eq!(article(&editor).orphans().len(), 3);
}

#[test]
fn a_moved_paragraph_takes_its_annotations_along() {
    let mut editor = sample();
    let old = text(&editor);
    let paragraph = paragraph_starting(&old, "Not everyone shares that diagnosis.");
    let without = replace_once(&old, &format!("{paragraph}\n\n"), "");
    let new = format!("{}\n\n{paragraph}", without.trim_end());
    let report = update(&mut editor, new.clone());
    let refound: BTreeSet<&str> = report.refound.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        refound,
        BTreeSet::from(["a-8e89252cb665", "a-8ad0edc77f28"]),
        "{report}"
    );
    assert_eq!(report.orphaned, vec![]);
    let source = article(&editor)
        .annotation("a-8e89252cb665")
        .expect("placed");
    let expected = span_of(
        &new,
        "A senior adviser at the foreign ministry of a Pacific island state",
        0,
    );
    assert_eq!(source.start, expected.start);
    assert!(
        report.refound.iter().all(|p| p.confidence >= 85),
        "{report}"
    );
}

#[test]
fn crlf_newlines_and_no_break_spaces_are_not_edits() {
    let mut editor = sample();
    let total = article(&editor).annotations().len();
    let old = text(&editor);
    let fixed = replace_once(&old, "quiet disagreement", "quiet disagreements");
    let with_nbsp = replace_once(&fixed, "within 72 hours", "within 72\u{a0}hours");
    let crlf = with_nbsp.replace('\n', "\r\n");
    let imported = article_from_bytes(crlf.as_bytes(), SourceFormat::Text, "revised.txt")
        .expect("the revised file imports");
    assert_eq!(imported.text, with_nbsp, "CRLF is normalised on import");
    let report = update(&mut editor, imported.text);
    assert_eq!(report.orphaned, vec![]);
    let [nbsp] = report.refound.as_slice() else {
        panic!("one re-found: {report}")
    };
    assert_eq!((nbsp.id.as_str(), nbsp.confidence), ("a-84bf27b44d3e", 100));
    assert_eq!(report.moved, total - 1);
}

#[test]
fn undo_restores_the_old_text_and_every_annotation_and_redo_reapplies() {
    let mut editor = sample();
    let original = editor.project().clone();
    let old = text(&editor);
    let paragraph = paragraph_starting(&old, "Petrović’s research team");
    let new = replace_once(&old, &paragraph, "A paragraph written anew.");
    update(&mut editor, new);
    let updated = editor.project().clone();
    assert_eq!(editor.undo_description(), Some("update article text"));
    assert!(editor.undo());
    assert_eq!(editor.project(), &original);
    assert!(editor.redo());
    assert_eq!(editor.project(), &updated);
}

#[test]
fn orphans_are_placed_or_dropped_with_their_relations_and_survive_save_and_load() {
    let mut editor = sample();
    let old = text(&editor);
    let paragraph = paragraph_starting(&old, "According to Dr. Ana Petrović");
    let rewritten = "Dr. Ana Petrović, of the Adriatic Institute for Digital Governance, has \
                     seen it before: the same servers and the same ignored notifications.";
    let new = replace_once(&old, &paragraph, rewritten);
    update(&mut editor, new.clone());
    let doc = article(&editor).id().to_owned();
    let (claim, source, relation) = ("a-841b54240312", "a-a325875dbb93", "r-5ca489811e62");
    assert!(article(&editor).orphan(claim).is_some());
    assert!(article(&editor).relation(relation).is_none());
    let held: Vec<&str> = article(&editor)
        .orphans()
        .iter()
        .flat_map(|o| &o.relations)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(held, [relation], "the orphans hold the relation");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("updated.ron");
    store::save(editor.project(), &path).expect("saved");
    let loaded = store::load(&path).expect("loads").project;
    assert_eq!(&loaded, editor.project(), "orphans round-trip the file");

    let source_span = span_of(&new, "Dr. Ana Petrović", 0);
    if article(&editor).orphan(source).is_some() {
        let place = Edit::PlaceOrphan {
            doc: doc.clone(),
            id: source.into(),
            span: source_span,
        };
        editor.apply(place, NOW).expect("placed");
    }
    let claim_span = span_of(&new, rewritten, 0);
    let place = Edit::PlaceOrphan {
        doc: doc.clone(),
        id: claim.into(),
        span: claim_span,
    };
    editor.apply(place, NOW).expect("placed");
    let placed = article(&editor).annotation(claim).expect("placed claim");
    assert_eq!(placed.quote, rewritten);
    assert!(
        article(&editor).relation(relation).is_some(),
        "the relation is back"
    );
    assert_eq!(check_project(editor.project()), vec![]);

    // Drop the remaining orphans: they and only they go.
    let remaining: Vec<String> = article(&editor)
        .orphans()
        .iter()
        .map(|o| o.id().to_owned())
        .collect();
    let count = article(&editor).annotations().len();
    for id in &remaining {
        let drop = Edit::DropOrphan {
            doc: doc.clone(),
            id: id.clone(),
        };
        editor.apply(drop, NOW).expect("dropped");
    }
    assert!(article(&editor).orphans().is_empty());
    assert_eq!(article(&editor).annotations().len(), count);
    assert_eq!(check_project(editor.project()), vec![]);
}

#[test]
fn an_earlier_orphan_is_found_again_when_its_text_comes_back() {
    let mut editor = sample();
    let old = text(&editor);
    let sentence = "At some point, ignorance becomes a policy.";
    let without = replace_once(&old, sentence, "");
    update(&mut editor, without);
    assert!(article(&editor).orphan("a-7bf3ddd7370c").is_some());
    let report = update(&mut editor, old.clone());
    let placed = article(&editor)
        .annotation("a-7bf3ddd7370c")
        .expect("placed");
    assert_eq!(placed.span(), span_of(&old, sentence, 0));
    assert!(report.refound.iter().any(|p| p.was_orphan));
    assert!(article(&editor).orphans().is_empty());
}

#[test]
fn the_same_text_is_refused() {
    let editor = sample();
    let doc = article(&editor).id().to_owned();
    let same = NewText {
        text: text(&editor),
        source: None,
        import: None,
    };
    let error = reanchor(editor.project(), &doc, same, NOW).expect_err("refused");
    assert!(error.to_string().contains("nothing to update"), "{error}");
}

#[test]
fn exports_list_orphans_as_left_out_except_the_json_project_which_keeps_them() {
    use marginalia_core::export::{ExportOptions, Format, Output, export};
    let mut editor = sample();
    let old = text(&editor);
    let paragraph = paragraph_starting(&old, "Petrović’s research team");
    update(
        &mut editor,
        replace_once(&old, &format!("{paragraph}\n\n"), ""),
    );
    for format in Format::ALL {
        let done = export(editor.project(), format, &ExportOptions::default()).expect("exports");
        let orphans = done.losses.iter().find(|l| l.what == "orphans");
        match format {
            Format::Json => {
                assert!(orphans.is_none());
                let Output::File(bytes) = done.output else {
                    panic!("one file")
                };
                let json = String::from_utf8(bytes).expect("UTF-8");
                assert!(json.contains("\"orphans\"") && json.contains("a-a79d26183394"));
            }
            Format::Qdc => assert!(orphans.is_none(), "a codebook exports no passage"),
            _ => assert_eq!(orphans.map(|l| l.count), Some(3), "{format:?}"),
        }
    }
}
