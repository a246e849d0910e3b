//! Relation agreement between analysts on hand-made projects with known counts: relations match
//! through their ends' span pairing, strictly (both ends with the same boundaries and label) or
//! by overlap, per kind; with three analysts every pair's counts are summed.

use marginalia_core::{
    compare::{CompareOptions, RelationMatches, compare},
    model::{ATTRIBUTED_TO, Document, Edit, Editor, INVOKES, Project, Relation, Span},
};
use marginalia_testkit::{NOW, add_relation, tag};

const TEXT: &str = "aaaa bbbb cccc dddd eeee ffff";

/// An analyst's project: the claim "cccc", a source over `source`, the norm "dddd", and
/// `relations` as (kind, from, to) over the names "claim", "source", "norm".
fn analyst(name: &str, source: Span, relations: &[(&str, &str, &str)]) -> Project {
    let mut editor = Editor::new_unsaved(Project::new("Study", name, NOW));
    editor
        .apply(
            Edit::AddDocument(Box::new(Document::new("d-1", "Article", TEXT.to_owned()))),
            NOW,
        )
        .unwrap();
    let claim = tag(&mut editor, "d-1", Span::new(10, 14), "claim", "");
    let source = tag(&mut editor, "d-1", source, "source", "");
    let norm = tag(&mut editor, "d-1", Span::new(15, 19), "norm", "");
    let id = |end: &str| match end {
        "claim" => claim.clone(),
        "source" => source.clone(),
        _ => norm.clone(),
    };
    for (n, (kind, from, to)) in relations.iter().enumerate() {
        let relation = Relation {
            id: format!("r-{name}-{n}"),
            kind: (*kind).to_owned(),
            from: id(from),
            to: id(to),
            note: String::new(),
        };
        add_relation(&mut editor, "d-1", relation);
    }
    editor.into_project()
}

/// A: the claim attributed to the source "aaaa" and invoking the norm.
fn ana() -> Project {
    analyst(
        "Ana",
        Span::new(0, 4),
        &[
            (ATTRIBUTED_TO, "claim", "source"),
            (INVOKES, "claim", "norm"),
        ],
    )
}

/// B: the source runs on to "aaaa bbbb"; the claim attributed to it, and (wrongly) to the norm.
fn ben() -> Project {
    analyst(
        "Ben",
        Span::new(0, 9),
        &[
            (ATTRIBUTED_TO, "claim", "source"),
            (ATTRIBUTED_TO, "claim", "norm"),
        ],
    )
}

fn matches(projects: &[&Project], kind: &str) -> (Vec<usize>, RelationMatches) {
    let comparison = compare(projects, &CompareOptions::default());
    let figures = comparison.documents[0]
        .relations
        .iter()
        .find(|k| k.id == kind)
        .unwrap_or_else(|| panic!("figures for {kind}"))
        .clone();
    (figures.counts, figures.matches)
}

fn counts(reference: usize, other: usize, strict: usize, overlap: usize) -> RelationMatches {
    RelationMatches {
        reference,
        other,
        strict,
        overlap,
    }
}

#[test]
fn relations_match_through_their_paired_ends_strictly_or_by_overlap() {
    let (a, b) = (ana(), ben());
    let (per_analyst, attributed) = matches(&[&a, &b], ATTRIBUTED_TO);
    assert_eq!(per_analyst, [1, 2]);
    // The source's boundaries differ: no strict match, one by overlap.
    assert_eq!(attributed, counts(1, 2, 0, 1));
    let overlap = attributed.overlap();
    assert_eq!(overlap.precision, Some(0.5));
    assert_eq!(overlap.recall, Some(1.0));
    assert!((overlap.f1.unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(attributed.strict().f1, Some(0.0));

    let (_, invokes) = matches(&[&a, &b], INVOKES);
    assert_eq!(invokes, counts(1, 0, 0, 0));
    assert_eq!(
        invokes.overlap().precision,
        None,
        "B has no relation of the kind"
    );
    assert_eq!(invokes.overlap().recall, Some(0.0));
}

#[test]
fn identical_relations_agree_fully_and_a_reversed_one_does_not() {
    let a = ana();
    let (_, same) = matches(&[&a, &ana()], ATTRIBUTED_TO);
    assert_eq!(same, counts(1, 1, 1, 1));
    assert_eq!(same.strict().f1, Some(1.0));

    let reversed = analyst(
        "Rev",
        Span::new(0, 4),
        &[
            (ATTRIBUTED_TO, "source", "claim"),
            (INVOKES, "claim", "norm"),
        ],
    );
    let (_, attributed) = matches(&[&a, &reversed], ATTRIBUTED_TO);
    assert_eq!(attributed, counts(1, 1, 0, 0));
    let (_, invokes) = matches(&[&a, &reversed], INVOKES);
    assert_eq!(invokes, counts(1, 1, 1, 1));
}

#[test]
fn three_analysts_sum_the_counts_of_every_pair() {
    let (a, b, c) = (ana(), ben(), ana());
    // (A,B): 1 2 0 1 · (A,C): 1 1 1 1 · (B,C): B's two against C's one, the first by overlap.
    let (per_analyst, attributed) = matches(&[&a, &b, &c], ATTRIBUTED_TO);
    assert_eq!(per_analyst, [1, 2, 1]);
    assert_eq!(attributed, counts(4, 4, 1, 3));
    // (A,B): 1 0 0 0 · (A,C): 1 1 1 1 · (B,C): 0 1 0 0.
    let (_, invokes) = matches(&[&a, &b, &c], INVOKES);
    assert_eq!(invokes, counts(2, 2, 1, 1));
}

#[test]
fn a_relation_to_a_label_left_out_of_the_comparison_is_not_counted() {
    let (a, b) = (ana(), ben());
    let options = CompareOptions {
        label: Some("claim".into()),
        ..CompareOptions::default()
    };
    let comparison = compare(&[&a, &b], &options);
    for kind in &comparison.documents[0].relations {
        assert_eq!(kind.counts, [0, 0], "{}", kind.id);
    }
}

#[test]
fn the_merge_keeps_a_relation_whose_ends_are_kept_and_counts_those_it_leaves_out() {
    use marginalia_core::{
        compare::{Curation, Decision},
        model::validate::check_project,
    };
    let (a, b) = (ana(), ben());
    let projects = [&a, &b];
    let comparison = compare(&projects, &CompareOptions::default());
    let items = &comparison.documents[0].items;
    let mut curation = Curation::new(&comparison);
    curation.accept_all_agreements(&comparison);
    // The source's two versions: keep Ana's.
    let source = items
        .iter()
        .position(|item| item.members.iter().any(|m| m.annotation.label == "source"))
        .unwrap();
    curation.decide((0, source), Some(Decision::Accept(0)));

    let merged = curation.merged(&comparison, &projects, NOW);
    assert!(check_project(&merged.project).is_empty());
    let doc = &merged.project.documents()[0];
    let quote = |id: &str| doc.annotation(id).unwrap().quote.clone();
    let mut kept: Vec<(String, String, String)> = doc
        .relations()
        .iter()
        .map(|r| (quote(&r.from), r.kind.clone(), quote(&r.to)))
        .collect();
    kept.sort();
    let triple = |from: &str, kind: &str, to: &str| (from.into(), kind.into(), to.into());
    assert_eq!(
        kept,
        [
            triple("cccc", ATTRIBUTED_TO, "aaaa"),
            triple("cccc", ATTRIBUTED_TO, "dddd"),
            triple("cccc", INVOKES, "dddd"),
        ],
        "Ana's two relations and Ben's claim–norm link, whose ends were all kept"
    );
    assert_eq!(
        merged.dropped_relations, 1,
        "Ben's link to his longer source, which the merge did not keep"
    );
}

#[test]
fn relations_are_grouped_into_agreements_and_differences_by_the_items_of_their_ends() {
    let (a, b) = (ana(), ben());
    let comparison = compare(&[&a, &b], &CompareOptions::default());
    let doc = &comparison.documents[0];
    let summary: Vec<(String, Vec<usize>, bool, String)> = doc
        .relation_items
        .iter()
        .map(|item| {
            (
                item.kind.clone(),
                item.analysts(),
                item.agreement,
                item.members[0].to_quote.clone(),
            )
        })
        .collect();
    let row = |kind: &str, who: &[usize], agreement: bool, to: &str| {
        (kind.to_owned(), who.to_vec(), agreement, to.to_owned())
    };
    let mut expected = vec![
        row(ATTRIBUTED_TO, &[0, 1], true, "aaaa"),
        row(INVOKES, &[0], false, "dddd"),
        row(ATTRIBUTED_TO, &[1], false, "dddd"),
    ];
    let mut summary = summary;
    summary.sort();
    expected.sort();
    assert_eq!(
        summary, expected,
        "the sources paired across their boundaries"
    );
    assert_eq!(doc.relation_differences().count(), 2);
}

#[test]
fn a_decision_on_a_relation_item_keeps_one_analysts_relation_or_none_and_is_undone() {
    use marginalia_core::compare::{Curation, Decision};
    let (a, b) = (ana(), ben());
    let projects = [&a, &b];
    let comparison = compare(&projects, &CompareOptions::default());
    let mut curation = Curation::new(&comparison);
    curation.accept_all_agreements(&comparison);
    let items = &comparison.documents[0].relation_items;
    let only_ben = items
        .iter()
        .position(|i| i.analysts() == [1])
        .expect("Ben's claim–norm link");
    let relations = |curation: &Curation| {
        let merged = curation.merged(&comparison, &projects, NOW);
        let doc = &merged.project.documents()[0];
        let mut kinds: Vec<String> = doc.relations().iter().map(|r| r.kind.clone()).collect();
        kinds.sort();
        kinds
    };
    // Undecided: the claim and the norm are kept (agreements), so Ben's link follows them.
    assert_eq!(
        relations(&curation).len(),
        2,
        "Ana's invokes and Ben's link; the source undecided"
    );
    curation.decide_relation((0, only_ben), Some(Decision::Drop));
    assert_eq!(relations(&curation), [INVOKES]);
    curation.decide_relation((0, only_ben), Some(Decision::Accept(0)));
    assert_eq!(relations(&curation), [INVOKES], "Ana has none in that item");
    assert!(curation.undo());
    assert!(curation.undo());
    assert_eq!(relations(&curation).len(), 2);
}
