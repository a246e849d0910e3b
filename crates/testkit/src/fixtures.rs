//! Small projects built through the edit API, for tests: a fixed clock, spans found by their
//! text, tags and relations.

use marginalia_core::model::{
    Document, Edit, Editor, Project, Relation, Span, edit::new_annotation,
};

/// A fixed clock for deterministic projects.
pub const NOW: &str = "2026-11-26T10:00:00Z";

/// Char offset of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn char_at(text: &str, needle: &str, nth: usize) -> usize {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs {nth} times in the text"));
    text[..byte].chars().count()
}

/// The span of the `nth` occurrence of `needle`.
pub fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = char_at(text, needle, nth);
    Span::new(start, start + needle.chars().count())
}

/// A one-document project over `text` with annotations on the given `(needle, label, note)`s.
pub fn project_with(text: &str, tags: &[(&str, &str, &str)]) -> Editor {
    let mut editor = Editor::new_unsaved(Project::new("Test project", "Tester", NOW));
    editor
        .apply(
            Edit::AddDocument(Box::new(Document::new("d-1", "Article", text.to_owned()))),
            NOW,
        )
        .expect("document added");
    for (needle, label, note) in tags {
        tag(&mut editor, "d-1", span_of(text, needle, 0), label, note);
    }
    editor
}

/// Adds an annotation through the edit API and returns its id.
pub fn tag(editor: &mut Editor, doc: &str, span: Span, label: &str, note: &str) -> String {
    let mut annotation =
        new_annotation(editor.project(), doc, span, label, NOW).expect("doc exists");
    annotation.note = note.to_owned();
    let id = annotation.id.clone();
    editor
        .apply(
            Edit::AddAnnotation {
                doc: doc.to_owned(),
                annotation,
            },
            NOW,
        )
        .expect("valid annotation");
    id
}

/// Links annotation `from` to `to` (indices in saved order of document `d-1`) with relation
/// `r-1` of kind `attributed_to`, through the edit API.
pub fn relate(editor: &mut Editor, from: usize, to: usize, note: &str) {
    let annotations = editor.project().documents()[0].annotations();
    let relation = Relation {
        id: "r-1".into(),
        kind: "attributed_to".into(),
        from: annotations[from].id.clone(),
        to: annotations[to].id.clone(),
        note: note.to_owned(),
    };
    add_relation(editor, "d-1", relation);
}

/// Adds `relation` to document `doc` through the edit API (its kind declared if it is new).
pub fn add_relation(editor: &mut Editor, doc: &str, relation: Relation) {
    editor
        .apply(
            Edit::AddRelation {
                doc: doc.to_owned(),
                relation,
            },
            NOW,
        )
        .expect("valid relation");
}

/// Pieces of text that break naive offset code: ZWJ families, flags, skin tones, combining marks,
/// CJK, right-to-left scripts, no-break spaces, a BOM inside the text, CRLF and a lone CR.
pub const TORTURE_PIECES: [&str; 16] = [
    "👩‍👩‍👧‍👦",
    "🇪🇺",
    "🇫🇷",
    "👍🏾",
    "🧑🏽‍🔬",
    "e\u{301}",
    "n\u{303}\u{323}",
    "中文字",
    "日本語",
    "مرحبا",
    "שָׁלוֹם",
    "\u{A0}",
    "\u{FEFF}",
    "\r\n",
    "\r",
    "plain words",
];

/// [`TORTURE_PIECES`] as a stored text holds them: CRLF and a lone CR are one `\n`, listed once.
#[must_use]
pub fn stored_torture_pieces() -> Vec<&'static str> {
    let mut pieces: Vec<&'static str> = Vec::new();
    for piece in TORTURE_PIECES {
        let stored = if piece.contains('\r') { "\n" } else { piece };
        if !pieces.contains(&stored) {
            pieces.push(stored);
        }
    }
    pieces
}
