//! A Unicode torture set through import, annotate, save and load: quotes still match and no span
//! ever sits inside a grapheme cluster.

use std::fs;

use marginalia_core::{
    import,
    model::{Document, Edit, Editor, Project, Span, edit::new_annotation, snap, validate},
    store,
};
use marginalia_testkit::{NOW, TORTURE_PIECES as PIECES};
use proptest::prelude::*;

fn torture_text() -> String {
    let mut text = String::from("\u{FEFF}Torture test\r\n");
    for (i, piece) in PIECES.iter().cycle().take(64).enumerate() {
        text.push_str(piece);
        text.push(if i % 5 == 4 { '\n' } else { ' ' });
    }
    text
}

/// Imports `bytes` as a .txt file, annotates every `step`th char (snapped), saves, loads and
/// checks every quote and every edge.
fn round_trip(bytes: &[u8], step: usize) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("torture.txt");
    fs::write(&article, bytes).unwrap();
    let imported = import::read_article(&article).unwrap();
    assert!(!imported.text.contains('\r'), "newlines normalised");
    assert!(
        !imported.text.starts_with('\u{FEFF}'),
        "the BOM is not part of the text"
    );
    let mut editor = Editor::new_unsaved(Project::new("Torture", "Tester", NOW));
    editor
        .apply(
            Edit::AddDocument(Box::new(imported.into_document("d-1"))),
            NOW,
        )
        .unwrap();
    let len = editor.project().documents()[0].char_len();
    for (n, start) in (0..len).step_by(step).enumerate() {
        let doc = &editor.project().documents()[0];
        let span = snap::to_graphemes(
            doc.text(),
            doc.offsets(),
            Span::new(start, (start + 1 + n % 7).min(len)),
        );
        let label = ["claim", "source", "norm"][n % 3];
        let annotation = new_annotation(editor.project(), "d-1", span, label, NOW).unwrap();
        editor
            .apply(
                Edit::AddAnnotation {
                    doc: "d-1".into(),
                    annotation,
                },
                NOW,
            )
            .unwrap();
    }
    let path = dir.path().join("torture.ron");
    store::save(editor.project(), &path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(validate::check_project(&loaded.project).is_empty());
    assert_eq!(&loaded.project, editor.project());
    let doc = &loaded.project.documents()[0];
    for a in doc.annotations() {
        assert_eq!(doc.quote(a.span()), Some(a.quote.as_str()));
        for edge in [a.start, a.end] {
            assert!(
                snap::is_grapheme_boundary(doc.text(), doc.offsets(), edge),
                "{a:?}"
            );
        }
    }
}

#[test]
fn torture_text_in_utf8_with_bom_survives_the_round_trip() {
    let text = torture_text();
    round_trip(text.as_bytes(), 3);
}

#[test]
fn torture_text_in_utf16_survives_the_round_trip() {
    let text = torture_text();
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    // encode_utf16 already wrote the BOM (the text starts with U+FEFF).
    round_trip(&le, 5);
    round_trip(&be, 5);
}

/// Texts drawn from the torture pieces and ordinary letters.
fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![Just(" "), Just("\n"), Just("ab"), Just("Zé")]
            .boxed()
            .prop_union(prop::sample::select(PIECES.to_vec()).boxed()),
        1..40,
    )
    .prop_map(|pieces| pieces.concat().replace('\r', ""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_snapped_span_keeps_its_quote_through_save_and_load(
        text in text_strategy(),
        spans in prop::collection::vec((any::<usize>(), any::<usize>()), 1..12),
    ) {
        let mut editor = Editor::new_unsaved(Project::new("P", "T", NOW));
        editor.apply(Edit::AddDocument(Box::new(Document::new("d-1", "T", text))), NOW).unwrap();
        for (a, b) in spans {
            let doc = &editor.project().documents()[0];
            let len = doc.char_len();
            let span = snap::to_graphemes(doc.text(), doc.offsets(), Span::between(a % (len + 1), b % (len + 1)));
            if span.is_empty() {
                continue;
            }
            let annotation = new_annotation(editor.project(), "d-1", span, "claim", NOW).unwrap();
            let added = editor.apply(Edit::AddAnnotation { doc: "d-1".into(), annotation }, NOW);
            prop_assert!(added.is_ok(), "{:?}", added);
        }
        let text = store::to_ron(editor.project()).unwrap();
        let loaded = store::load_str(&text, std::path::Path::new("p.ron")).unwrap();
        prop_assert!(loaded.warnings.is_empty());
        prop_assert_eq!(&loaded.project, editor.project());
        prop_assert_eq!(store::to_ron(&loaded.project).unwrap(), text);
    }
}
