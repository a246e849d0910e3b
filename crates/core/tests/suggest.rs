//! The suggestion rules on real-looking sentences: each pattern of attribution and of norms,
//! what they must not propose (a negated cue), proposals on grapheme boundaries, accepting
//! proposals (origin and the claim's link to its source), and the evaluation's counts on a small
//! coded project. Offsets are chars.

use marginalia_core::{
    model::{
        ATTRIBUTED_TO, Annotation, Document, Edit, Editor, Label, Meta, Origin, Project, Span, snap,
    },
    progress::{Cancelled, Progress},
    suggest::{
        Proposal, Roles, Rules, SuggestOptions, evaluate, plan_accept, suggest,
        suggest_with_progress,
    },
};
use proptest::prelude::*;

fn project_of(text: &str) -> Project {
    Project::from_parts(
        Meta::default(),
        marginalia_core::model::label::default_labels(),
        vec![Document::new("d", "Article", text.to_owned())],
    )
}

fn proposals(text: &str) -> (Project, Vec<Proposal>) {
    let project = project_of(text);
    let found = suggest(
        &project,
        &Rules::english(),
        &Roles::of(&project),
        &SuggestOptions::default(),
    );
    (project, found)
}

/// The (source, claim) quotes of every proposed claim, the source "" when none was found.
fn attributions(text: &str) -> Vec<(String, String)> {
    let (project, found) = proposals(text);
    let doc = &project.documents()[0];
    let quote = |p: &Proposal| doc.quote(p.span).unwrap().to_owned();
    found
        .iter()
        .filter(|p| p.label == "claim")
        .map(|p| {
            let source = p.source.map(|s| quote(&found[s])).unwrap_or_default();
            (source, quote(p))
        })
        .collect()
}

fn norms(text: &str) -> Vec<String> {
    let (project, found) = proposals(text);
    let doc = &project.documents()[0];
    found
        .iter()
        .filter(|p| p.label == "norm")
        .map(|p| doc.quote(p.span).unwrap().to_owned())
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn attribution_patterns_find_the_source_and_what_it_said() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "Officials told The New York Times that the talks had stalled.",
            &[("Officials", "that the talks had stalled")],
        ),
        (
            "The ministry said on Tuesday that it would respond.",
            &[("The ministry", "that it would respond")],
        ),
        (
            "According to the White House website, the order takes effect at once.",
            &[("the White House website", "the order takes effect at once")],
        ),
        (
            "The order takes effect at once, according to the White House.",
            &[("the White House", "The order takes effect at once")],
        ),
        (
            "“We will not be intimidated,” the spokesperson said.",
            &[("the spokesperson", "“We will not be intimidated,”")],
        ),
        (
            "\"We will not be intimidated,\" said Ana Lee, a spokeswoman.",
            &[("Ana Lee", "\"We will not be intimidated,\"")],
        ),
        (
            "The minister said: “Our networks are secure.”",
            &[("The minister", "“Our networks are secure.”")],
        ),
        (
            "The talks collapsed after midnight, a diplomat said.",
            &[("a diplomat", "The talks collapsed after midnight")],
        ),
        (
            "Sen. Ana Lee, a member of the committee, said the bill would pass.",
            &[(
                "Sen. Ana Lee, a member of the committee",
                "the bill would pass",
            )],
        ),
        (
            "It was reported that the servers were seized.",
            &[("", "that the servers were seized")],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(attributions(text), pairs(expected), "in: {text}");
    }
}

#[test]
fn a_quotation_across_paragraphs_is_one_claim() {
    let text = "“The first part of it.\n\n“And the rest of the quote,” the official said.";
    assert_eq!(
        attributions(text),
        pairs(&[(
            "the official",
            "“The first part of it.\n\n“And the rest of the quote,”"
        )])
    );
}

#[test]
fn nested_quotation_marks_stay_inside_the_claim() {
    let text = "“They called it ‘a mistake’ at the time,” the analyst said.";
    assert_eq!(
        attributions(text),
        pairs(&[("the analyst", "“They called it ‘a mistake’ at the time,”")])
    );
}

#[test]
fn a_pronoun_source_is_proposed_less_surely() {
    let (_, named) = proposals("The minister said that the plan would fail.");
    let (_, pronoun) = proposals("He said that the plan would fail.");
    let sure = |found: &[Proposal]| {
        found
            .iter()
            .find(|p| p.label == "source")
            .unwrap()
            .confidence
    };
    assert!(sure(&pronoun) < sure(&named));
    assert!(sure(&pronoun) > 0.0);
}

#[test]
fn a_negated_cue_reports_nothing() {
    for text in [
        "The minister did not say that the plan would fail.",
        "The minister didn’t say the plan would fail.",
        "The minister declined to say whether the plan would fail.",
        "The minister never said that the plan would fail.",
    ] {
        assert_eq!(attributions(text), pairs(&[]), "in: {text}");
    }
}

#[test]
fn a_cue_word_used_as_a_noun_is_not_a_cue() {
    assert_eq!(
        attributions("The report said that the plan would fail."),
        pairs(&[("The report", "that the plan would fail")])
    );
    assert_eq!(
        attributions("His claims were thrown into question."),
        pairs(&[])
    );
}

#[test]
fn norm_patterns_take_the_clause_or_the_phrase() {
    let table: &[(&str, &[&str])] = &[
        (
            "States should refrain from attacking critical infrastructure.",
            &["States should refrain from attacking critical infrastructure"],
        ),
        (
            "They invoked the principle of non-intervention, as expected.",
            &["principle of non-intervention"],
        ),
        (
            "Delegates agreed on a code of conduct for cyberspace.",
            &["code of conduct for cyberspace"],
        ),
        ("The weather was fine.", &[]),
    ];
    for (text, expected) in table {
        assert_eq!(norms(text), *expected, "in: {text}");
    }
}

#[test]
fn proposals_carry_their_rule_and_reason() {
    let (_, found) = proposals("Officials told reporters that the talks had stalled.");
    let claim = found.iter().find(|p| p.label == "claim").unwrap();
    assert_eq!(claim.rule, "attribution.that");
    assert!(claim.reason.contains("cue: told"), "{}", claim.reason);
    assert!(claim.cue.is_some());
}

#[test]
fn what_is_coded_or_rejected_is_not_proposed_again() {
    let text = "Officials said that the talks had stalled.";
    let project = project_of(text);
    let mut editor = Editor::new(project);
    let source = Span::new(0, 9);
    let annotation = marginalia_core::model::edit::new_annotation(
        editor.project(),
        "d",
        source,
        "source",
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    editor
        .apply(
            marginalia_core::model::Edit::AddAnnotation {
                doc: "d".into(),
                annotation,
            },
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
    let project = editor.into_project();
    let found = suggest(
        &project,
        &Rules::english(),
        &Roles::of(&project),
        &SuggestOptions::default(),
    );
    assert!(
        found
            .iter()
            .all(|p| p.span != source || p.label != "source")
    );
    assert!(found.iter().any(|p| p.label == "claim"));
}

#[test]
fn accepting_a_claim_with_its_source_links_them_and_records_the_rule() {
    let (project, found) = proposals("Officials said that the talks had stalled.");
    let all: Vec<usize> = (0..found.len()).collect();
    let plan = plan_accept(&project, &found, &all, "2026-01-01T00:00:00Z").unwrap();
    assert_eq!((plan.annotations, plan.relations), (2, 1));
    let mut editor = Editor::new(project);
    editor.apply(plan.edit, "2026-01-01T00:00:00Z").unwrap();
    assert_eq!(editor.undo_description(), Some("accept 2 suggestions"));
    let doc = &editor.project().documents()[0];
    assert!(doc.annotations().iter().all(|a| a.origin
        == Origin::Suggested {
            rule: "attribution.that".into()
        }));
    let relation = &doc.relations()[0];
    assert_eq!(relation.kind, ATTRIBUTED_TO);
    assert_eq!(doc.annotation(&relation.from).unwrap().label, "claim");
    assert_eq!(doc.annotation(&relation.to).unwrap().label, "source");
    editor.undo();
    assert!(editor.project().documents()[0].annotations().is_empty());
}

#[test]
fn a_claim_accepted_after_its_source_is_linked_to_the_source_already_coded() {
    let (project, found) = proposals("Officials said that the talks had stalled.");
    let claim = found.iter().position(|p| p.label == "claim").unwrap();
    let source = found[claim].source.unwrap();
    let now = "2026-01-01T00:00:00Z";
    let mut editor = Editor::new(project);
    let plan = plan_accept(editor.project(), &found, &[source], now).unwrap();
    assert_eq!((plan.annotations, plan.relations), (1, 0));
    editor.apply(plan.edit, now).unwrap();
    let plan = plan_accept(editor.project(), &found, &[claim], now).unwrap();
    assert_eq!((plan.annotations, plan.relations), (1, 1));
    editor.apply(plan.edit, now).unwrap();
    let doc = &editor.project().documents()[0];
    let relation = &doc.relations()[0];
    assert_eq!(
        doc.annotation(&relation.to).unwrap().span(),
        found[source].span
    );
    // Accepting the same claim again adds nothing: it is coded, and linked.
    let again = plan_accept(editor.project(), &found, &[claim], now).unwrap();
    assert_eq!((again.annotations, again.relations), (0, 0));
}

#[test]
fn a_rejected_proposal_is_not_made_again_until_the_rejection_is_undone_or_the_text_changes() {
    let (project, found) = proposals("Officials said that the talks had stalled.");
    let claim = found.iter().find(|p| p.label == "claim").unwrap().clone();
    let now = "2026-01-01T00:00:00Z";
    let mut editor = Editor::new(project);
    let reject = Edit::Reject {
        doc: "d".into(),
        span: claim.span,
        label: claim.label.clone(),
        rule: claim.rule.clone(),
    };
    editor.apply(reject.clone(), now).unwrap();
    assert_eq!(editor.undo_description(), Some("reject suggestion"));
    let rerun = |editor: &Editor| {
        suggest(
            editor.project(),
            &Rules::english(),
            &Roles::of(editor.project()),
            &SuggestOptions::default(),
        )
    };
    let after = rerun(&editor);
    assert!(
        !after
            .iter()
            .any(|p| p.span == claim.span && p.label == "claim")
    );
    assert!(after.iter().any(|p| p.label == "source"));
    // Rejecting it twice records it once.
    editor.apply(reject, now).unwrap();
    assert_eq!(editor.project().documents()[0].rejected().len(), 1);
    editor.undo();
    assert!(
        rerun(&editor)
            .iter()
            .any(|p| p.span == claim.span && p.label == "claim")
    );
    // A rejection outside the text is refused.
    let outside = Edit::Reject {
        doc: "d".into(),
        span: Span::new(40, 400),
        label: "claim".into(),
        rule: String::new(),
    };
    assert!(editor.apply(outside, now).is_err());
}

#[test]
fn cancelled_suggestions_stop_with_nothing() {
    let project = project_of(&"Officials said that the talks had stalled. ".repeat(50));
    let progress = Progress::new();
    progress.cancel();
    let rules = Rules::english();
    let roles = Roles::of(&project);
    let options = SuggestOptions::default();
    assert_eq!(
        suggest_with_progress(&project, &rules, &roles, &options, &progress),
        Err(Cancelled)
    );
    let progress = Progress::new();
    let found = suggest_with_progress(&project, &rules, &roles, &options, &progress).unwrap();
    assert!(!found.is_empty());
    assert_eq!(progress.done(), progress.total());
    assert!((progress.fraction() - 1.0).abs() < 1e-6);
}

#[test]
fn evaluation_counts_matches_against_the_coded_project() {
    // Two attributions; the analyst coded the first's source exactly, its claim with other
    // boundaries, and a source the rules cannot find.
    let text = "Officials said that the talks had stalled. Nobody knows why.";
    let coded = |id: &str, label: &str, s: usize, e: usize| Annotation {
        quote: text.chars().skip(s).take(e - s).collect(),
        ..Annotation::bare(id, label, s, e)
    };
    let doc = Document::new("d", "Article", text.to_owned()).with_annotations(vec![
        coded("a1", "source", 0, 9),
        coded("a2", "claim", 20, 41),
        coded("a3", "source", 43, 49),
    ]);
    let project = Project::from_parts(
        Meta::default(),
        vec![
            Label::new("claim", "Claim", "#D55E00"),
            Label::new("source", "Source", "#0072B2"),
        ],
        vec![doc],
    );
    let roles = Roles::of(&project);
    let evaluation = evaluate(&project, &Rules::english(), &roles, 0.0);
    let source = evaluation
        .labels
        .iter()
        .find(|l| l.label == "source")
        .unwrap();
    assert_eq!(
        (
            source.annotations,
            source.proposals,
            source.strict_matches,
            source.overlap_matches
        ),
        (2, 1, 1, 1)
    );
    assert_eq!(source.overlap.precision, Some(1.0));
    assert_eq!(source.overlap.recall, Some(0.5));
    let claim = evaluation
        .labels
        .iter()
        .find(|l| l.label == "claim")
        .unwrap();
    assert_eq!((claim.strict_matches, claim.overlap_matches), (0, 1));
}

proptest! {
    #[test]
    fn proposals_never_cut_a_grapheme(
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("Officials said that "), Just("the talks"), Just(" had stalled. "),
                Just("“We must act,” "), Just("she said. "), Just("e\u{301}"), Just("👩‍👩‍👧"),
                Just("States should refrain from "), Just("n\u{303}o"), Just(", a source said."),
                Just("\n\n"), Just("according to the ministry, "),
            ],
            1..24,
        )
    ) {
        let text: String = pieces.concat();
        let (project, found) = proposals(&text);
        let doc = &project.documents()[0];
        for p in &found {
            prop_assert!(snap::is_grapheme_boundary(doc.text(), doc.offsets(), p.span.start));
            prop_assert!(snap::is_grapheme_boundary(doc.text(), doc.offsets(), p.span.end));
            prop_assert!(p.span.start < p.span.end);
        }
    }
}
