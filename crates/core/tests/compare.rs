//! Comparing analysts end to end: hand-made projects covering each kind of difference, documents
//! matched by text, three analysts, identical and empty projects, curation into a merged project.
//! The `compare` command is tested with the application (`crates/app/tests/cli_compare.rs`).

use marginalia_core::{
    compare::{CompareOptions, Curation, Decision, ItemKind, NotComparedReason, compare},
    model::{Document, Edit, Editor, Project, validate::check_project},
    store,
};
use marginalia_testkit::{NOW, span_of, tag};

const TEXT: &str = "The ministry said the attack came from abroad. Officials denied any role. \
                    States must respect sovereignty. The report cites three witnesses. \
                    Critics call the evidence thin. A treaty would bind all parties.";

/// An analyst's project of `text` (document id `d-1`) with `(needle, label)` tags.
fn analyst(name: &str, text: &str, tags: &[(&str, &str)]) -> Project {
    let mut editor = Editor::new_unsaved(Project::new("Study", name, NOW));
    editor
        .apply(
            Edit::AddDocument(Box::new(Document::new("d-1", "Article", text.to_owned()))),
            NOW,
        )
        .unwrap();
    for (needle, label) in tags {
        tag(&mut editor, "d-1", span_of(text, needle, 0), label, "");
    }
    editor.into_project()
}

fn two_analysts() -> (Project, Project) {
    let a = analyst(
        "Ana",
        TEXT,
        &[
            ("The ministry said the attack came from abroad.", "claim"), // same in B
            ("Officials denied any role.", "claim"),                     // B: norm, same span
            ("States must respect sovereignty.", "norm"),                // B: shorter, norm
            ("The report cites three witnesses.", "source"),             // B: claim, shorter
            ("Critics call the evidence thin.", "claim"),                // only in A
        ],
    );
    let b = analyst(
        "Ben",
        TEXT,
        &[
            ("The ministry said the attack came from abroad.", "claim"),
            ("Officials denied any role.", "norm"),
            ("must respect sovereignty.", "norm"),
            ("three witnesses.", "claim"),
            ("A treaty would bind all parties.", "norm"), // only in B
        ],
    );
    (a, b)
}

#[test]
fn each_kind_of_difference_is_found_and_counted() {
    let (a, b) = two_analysts();
    let comparison = compare(&[&a, &b], &CompareOptions::default());
    assert_eq!(comparison.analysts, ["Ana", "Ben"]);
    let doc = &comparison.documents[0];
    let kinds: Vec<ItemKind> = doc.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            ItemKind::Agreement,
            ItemKind::LabelConflict,
            ItemKind::BoundaryConflict,
            ItemKind::LabelAndBoundaryConflict,
            ItemKind::OnlyIn,
            ItemKind::OnlyIn,
        ]
    );
    assert_eq!(doc.items[4].analysts(), [0]);
    assert_eq!(doc.items[5].analysts(), [1]);
    assert_eq!(doc.differences().count(), 5);

    let s = doc.overall.semeval;
    let counts = |c: marginalia_core::compare::SchemeCounts| {
        (c.correct, c.incorrect, c.partial, c.missing, c.spurious)
    };
    assert_eq!(counts(s.strict), (1, 3, 0, 1, 1));
    assert_eq!(counts(s.exact), (2, 2, 0, 1, 1));
    assert_eq!(counts(s.partial), (2, 0, 2, 1, 1));
    assert_eq!(counts(s.type_), (2, 2, 0, 1, 1));
    // partial: (COR + ½ PAR) / 5 = 3 / 5
    let partial = s.partial.scores();
    assert!((partial.precision.unwrap() - 0.6).abs() < 1e-12);
    assert!((partial.f1.unwrap() - 0.6).abs() < 1e-12);

    let norm = doc.labels.iter().find(|l| l.id == "norm").unwrap();
    assert_eq!(norm.counts, [1, 3]);
    // Norm: strict matches none; overlap pairs A's norm with B's shorter one.
    assert_eq!((norm.matches.strict, norm.matches.overlap), (0, 1));
    assert_eq!(norm.strict.f1, Some(0.0));
    assert!((norm.overlap.recall.unwrap() - 1.0).abs() < 1e-12);
    assert!((norm.overlap.precision.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    for label in &doc.labels {
        assert!(label.alpha_u.is_some_and(|v| v < 1.0), "{label:?}");
        assert!(label.kappa.is_some_and(|v| v < 1.0), "{label:?}");
    }
}

#[test]
fn documents_are_matched_by_text_not_title() {
    let a = analyst("Ana", TEXT, &[("Officials denied any role.", "claim")]);
    let mut b_editor = Editor::new_unsaved(Project::new("Study", "Ben", NOW));
    // Ben renamed the article, and has another article under Ana's title.
    for (id, title, text) in [
        ("x-1", "Renamed", TEXT),
        ("x-2", "Article", "A different text."),
    ] {
        b_editor
            .apply(
                Edit::AddDocument(Box::new(Document::new(id, title, text.to_owned()))),
                NOW,
            )
            .unwrap();
    }
    tag(
        &mut b_editor,
        "x-1",
        span_of(TEXT, "Officials denied any role.", 0),
        "claim",
        "",
    );
    let b = b_editor.into_project();

    let comparison = compare(&[&a, &b], &CompareOptions::default());
    assert_eq!(comparison.documents.len(), 1);
    let doc = &comparison.documents[0];
    assert_eq!(doc.title, "Article");
    assert_eq!(doc.document_ids, ["d-1", "x-1"]);
    assert_eq!(doc.items.len(), 1);
    assert_eq!(doc.items[0].kind, ItemKind::Agreement);
    assert_eq!(comparison.not_compared.len(), 1);
    assert_eq!(comparison.not_compared[0].title, "Article");
    assert_eq!(
        comparison.not_compared[0].reason,
        NotComparedReason::NotInEveryProject
    );
    assert_eq!(comparison.not_compared[0].present_in, [1]);

    // Same title in both, different texts: reported, not compared.
    let c = analyst("Cy", "Another version of the text.", &[]);
    let comparison = compare(&[&a, &c], &CompareOptions::default());
    assert!(comparison.documents.is_empty());
    assert_eq!(comparison.not_compared.len(), 1);
    assert_eq!(
        comparison.not_compared[0].reason,
        NotComparedReason::TextDiffers
    );
    assert_eq!(comparison.not_compared[0].present_in, [0, 1]);
}

#[test]
fn three_analysts_are_compared_pair_by_pair() {
    let tags = [
        ("Officials denied any role.", "claim"),
        ("States must respect sovereignty.", "norm"),
    ];
    let a = analyst("Ana", TEXT, &tags);
    let b = analyst("Ben", TEXT, &tags);
    let c = analyst("Cy", TEXT, &[("Officials denied any role.", "claim")]);
    let comparison = compare(&[&a, &b, &c], &CompareOptions::default());
    let doc = &comparison.documents[0];
    let pairs: Vec<(usize, usize)> = doc.pairs.iter().map(|p| (p.reference, p.other)).collect();
    assert_eq!(pairs, [(0, 1), (0, 2), (1, 2)]);
    assert_eq!(doc.items.len(), 2);
    assert_eq!(doc.items[0].kind, ItemKind::Agreement);
    assert_eq!(doc.items[0].members.len(), 3);
    assert_eq!(doc.items[1].kind, ItemKind::OnlyIn);
    assert_eq!(doc.items[1].analysts(), [0, 1]);
    // Summed over pairs: the norm is matched in (A,B), missing in (A,C) and (B,C).
    assert_eq!(doc.overall.semeval.strict.correct, 1 + 1 + 1 + 1);
    assert_eq!(doc.overall.semeval.strict.missing, 2);
    let claim = &doc.labels[0];
    assert_eq!(claim.kappa, Some(1.0));
    assert_eq!(claim.alpha_u, Some(1.0));
    let norm = doc.labels.iter().find(|l| l.id == "norm").unwrap();
    assert!(
        norm.kappa.is_some_and(|k| k < 1.0),
        "Fleiss' kappa with one analyst missing"
    );
}

#[test]
fn identical_projects_agree_on_every_defined_measure() {
    let (a, _) = two_analysts();
    let mut same = a.clone();
    same.reindex();
    let comparison = compare(&[&a, &same], &CompareOptions::default());
    let doc = &comparison.documents[0];
    assert!(doc.items.iter().all(|i| i.kind == ItemKind::Agreement));
    assert_eq!(doc.overall.alpha_u, Some(1.0));
    for scheme in [
        doc.overall.semeval.strict,
        doc.overall.semeval.exact,
        doc.overall.semeval.partial,
        doc.overall.semeval.type_,
    ] {
        let s = scheme.scores();
        assert_eq!(
            (s.precision, s.recall, s.f1),
            (Some(1.0), Some(1.0), Some(1.0))
        );
    }
    for label in &doc.labels {
        assert_eq!(label.alpha_u, Some(1.0));
        assert!((label.kappa.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(label.strict.f1, Some(1.0));
        assert_eq!(label.overlap.f1, Some(1.0));
    }
    // A label nobody used: nothing to agree on, so undefined rather than NaN.
    let only_claims = analyst("Ana", TEXT, &[("Officials denied any role.", "claim")]);
    let comparison = compare(
        &[&only_claims, &only_claims.clone()],
        &CompareOptions::default(),
    );
    let norm = comparison.documents[0]
        .labels
        .iter()
        .find(|l| l.id == "norm")
        .unwrap();
    assert_eq!(
        (norm.alpha_u, norm.kappa, norm.strict.f1),
        (None, None, None)
    );
}

#[test]
fn empty_projects_give_defined_results() {
    let a = analyst("Ana", TEXT, &[]);
    let b = analyst("Ben", TEXT, &[]);
    let comparison = compare(&[&a, &b], &CompareOptions::default());
    let doc = &comparison.documents[0];
    assert!(doc.items.is_empty());
    assert_eq!(doc.overall.alpha_u, None);
    assert_eq!(doc.overall.semeval.strict.scores().f1, None);
    assert!(
        doc.labels
            .iter()
            .all(|l| l.alpha_u.is_none() && l.kappa.is_none())
    );
    let empty_text = analyst("Ana", "", &[]);
    let comparison = compare(
        &[&empty_text, &empty_text.clone()],
        &CompareOptions::default(),
    );
    assert_eq!(comparison.documents[0].length, 0);
    assert_eq!(comparison.documents[0].overall.alpha_u, None);
}

#[test]
fn kappa_can_leave_out_uncoded_text() {
    let (a, b) = two_analysts();
    let all = compare(&[&a, &b], &CompareOptions::default());
    let coded = compare(
        &[&a, &b],
        &CompareOptions {
            label: None,
            exclude_uncoded: true,
        },
    );
    let kappa = |c: &marginalia_core::compare::Comparison| c.documents[0].labels[0].kappa.unwrap();
    assert!(
        kappa(&coded) < kappa(&all),
        "{} < {}",
        kappa(&coded),
        kappa(&all)
    );
    let only_norm = compare(
        &[&a, &b],
        &CompareOptions {
            label: Some("norm".into()),
            exclude_uncoded: false,
        },
    );
    assert_eq!(only_norm.documents[0].labels.len(), 1);
    assert!(
        only_norm.documents[0]
            .items
            .iter()
            .flat_map(|i| &i.members)
            .all(|m| m.annotation.label == "norm")
    );
}

#[test]
fn overlapping_spans_of_one_label_are_joined_and_counted() {
    let a = analyst(
        "Ana",
        TEXT,
        &[
            ("The ministry said the attack", "claim"),
            ("the attack came from abroad.", "claim"),
        ],
    );
    let b = analyst(
        "Ben",
        TEXT,
        &[("The ministry said the attack came from abroad.", "claim")],
    );
    let doc = &compare(&[&a, &b], &CompareOptions::default()).documents[0];
    assert_eq!(doc.joined_overlaps, [1, 0]);
    // Their union equals Ben's span, so α_U sees perfect agreement.
    assert_eq!(doc.labels[0].alpha_u, Some(1.0));
}

#[test]
fn curation_builds_a_merged_project_with_undo() {
    let (mut a, b) = two_analysts();
    // Both analysts noted the agreed claim differently; Ana noted the label conflict.
    let mut editor = Editor::new(a.clone());
    let first = editor.project().documents()[0].annotations()[0].id.clone();
    editor
        .apply(
            Edit::SetNote {
                doc: "d-1".into(),
                id: first,
                note: "Attribution without evidence.".into(),
            },
            NOW,
        )
        .unwrap();
    a = editor.into_project();
    let projects = [&a, &b];
    let comparison = compare(&projects, &CompareOptions::default());
    let mut curation = Curation::new(&comparison);
    assert_eq!(curation.undecided(), 6);
    assert_eq!(curation.accept_all_agreements(&comparison), 1);
    curation.decide((0, 1), Some(Decision::Accept(1))); // label conflict: Ben's norm
    curation.decide((0, 2), Some(Decision::KeepAll)); // boundary conflict: both
    curation.decide((0, 3), Some(Decision::Drop));
    curation.decide((0, 4), Some(Decision::Accept(0))); // only in Ana: keep
    curation.decide((0, 5), Some(Decision::Accept(0))); // only in Ben, accept Ana: nothing
    assert_eq!(curation.undecided(), 0);
    assert!(curation.undo());
    assert_eq!(curation.decision((0, 5)), None);
    assert!(curation.redo());
    curation.decide((0, 5), Some(Decision::Accept(1)));

    let merged = curation.merged_project(&comparison, &projects, NOW);
    assert!(
        check_project(&merged).is_empty(),
        "{:?}",
        check_project(&merged)
    );
    assert_eq!(merged.meta().annotator, "Ana, Ben");
    let kept: Vec<(String, &str, Vec<String>)> = merged.documents()[0]
        .annotations()
        .iter()
        .map(|x| (x.quote.clone(), x.label.as_str(), x.analysts.clone()))
        .collect();
    let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        kept,
        [
            (
                "The ministry said the attack came from abroad.".to_owned(),
                "claim",
                names(&["Ana", "Ben"])
            ),
            (
                "Officials denied any role.".to_owned(),
                "norm",
                names(&["Ben"])
            ),
            (
                "States must respect sovereignty.".to_owned(),
                "norm",
                names(&["Ana"])
            ),
            (
                "must respect sovereignty.".to_owned(),
                "norm",
                names(&["Ben"])
            ),
            (
                "Critics call the evidence thin.".to_owned(),
                "claim",
                names(&["Ana"])
            ),
            (
                "A treaty would bind all parties.".to_owned(),
                "norm",
                names(&["Ben"])
            ),
        ]
    );
    assert_eq!(
        merged.documents()[0].annotations()[0].note,
        "Attribution without evidence."
    );

    // The merged project saves and loads like any other; the inputs are unchanged.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    store::save(&merged, &path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.project, merged);
    assert!(
        a.documents()[0]
            .annotations()
            .iter()
            .all(|x| x.analysts.is_empty())
    );
}

#[test]
fn accepting_one_analysts_version_keeps_the_other_analysts_note_with_their_name() {
    let (a, b) = two_analysts();
    // Ben noted the label conflict (his norm); Ana, whose claim is accepted, wrote nothing.
    let mut editor = Editor::new(b);
    let officials = editor.project().documents()[0].annotations()[1].id.clone();
    assert_eq!(
        editor.project().documents()[0].annotations()[1].quote,
        "Officials denied any role."
    );
    editor
        .apply(
            Edit::SetNote {
                doc: "d-1".into(),
                id: officials,
                note: "A denial is not a norm.".into(),
            },
            NOW,
        )
        .unwrap();
    let b = editor.into_project();
    let projects = [&a, &b];
    let comparison = compare(&projects, &CompareOptions::default());
    let mut curation = Curation::new(&comparison);
    assert_eq!(
        comparison.documents[0].items[1].kind,
        ItemKind::LabelConflict
    );
    curation.decide((0, 1), Some(Decision::Accept(0)));

    let merged = curation.merged_project(&comparison, &projects, NOW);
    let kept = &merged.documents()[0].annotations()[0];
    assert_eq!(kept.quote, "Officials denied any role.");
    assert_eq!(kept.label, "claim", "Ana's label");
    assert_eq!(kept.analysts, ["Ana"]);
    assert_eq!(kept.note, "Ben: A denial is not a norm.");
}
