//! Relation kinds in the codebook: older files load with the defaults, a kind used but not
//! declared is declared, kinds are added, changed and removed undoably, and a new or changed
//! relation is held to the labels its kind allows.

use std::path::Path;

use marginalia_core::{
    model::{
        ATTRIBUTED_TO, Edit, EditError, Editor, INVOKES, Problem, Relation, RelationKind,
        edit::{KindRemoval, new_relation},
    },
    store,
};
use marginalia_testkit::{NOW, add_relation, project_with};

const TEXT: &str = "The minister said the deal is dead, citing the rules of the road.";

/// A project with a claim, its source and a norm: annotations 0 (source "The minister"),
/// 1 (claim "the deal is dead"), 2 (norm "the rules of the road").
fn coded() -> Editor {
    project_with(
        TEXT,
        &[
            ("The minister", "source", ""),
            ("the deal is dead", "claim", ""),
            ("the rules of the road", "norm", ""),
        ],
    )
}

fn ids(editor: &Editor) -> [String; 3] {
    let annotations = editor.project().documents()[0].annotations();
    [0, 1, 2].map(|i| annotations[i].id.clone())
}

fn kind_ids(editor: &Editor) -> Vec<String> {
    editor
        .project()
        .relation_kinds()
        .iter()
        .map(|k| k.id.clone())
        .collect()
}

fn link(editor: &mut Editor, from: &str, to: &str, kind: &str) -> Result<String, EditError> {
    let relation = new_relation(editor.project(), "d-1", from, to, kind)?;
    let id = relation.id.clone();
    editor.apply(
        Edit::AddRelation {
            doc: "d-1".into(),
            relation,
        },
        NOW,
    )?;
    Ok(id)
}

#[test]
fn a_file_without_kinds_loads_with_the_defaults_and_declares_the_kinds_it_uses() {
    let mut editor = coded();
    let [source, claim, _] = ids(&editor);
    for (id, kind) in [("r-1", ATTRIBUTED_TO), ("r-2", "contradicts")] {
        let relation = Relation {
            id: id.into(),
            kind: kind.into(),
            from: claim.clone(),
            to: source.clone(),
            note: String::new(),
        };
        add_relation(&mut editor, "d-1", relation);
    }
    let saved = store::to_ron(editor.project()).unwrap();
    let start = saved.find("    relation_kinds: [").unwrap();
    let end = start + saved[start..].find("\n    ],\n").unwrap() + "\n    ],\n".len();
    let older = format!("{}{}", &saved[..start], &saved[end..]);
    assert!(!older.contains("relation_kinds"));

    let loaded = store::load_str(&older, Path::new("older.ron")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let kinds: Vec<_> = loaded
        .project
        .relation_kinds()
        .iter()
        .map(|k| (k.id.as_str(), k.name.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ATTRIBUTED_TO, "attributed to"),
            (INVOKES, "invokes"),
            ("contradicts", "contradicts")
        ]
    );
    assert_eq!(store::to_ron(&loaded.project).unwrap(), saved);
}

#[test]
fn a_relation_of_a_new_kind_declares_it_and_undo_takes_both_back() {
    let mut editor = coded();
    let [source, claim, _] = ids(&editor);
    let before = editor.project().clone();
    link(&mut editor, &source, &claim, "endorses").unwrap();
    assert_eq!(kind_ids(&editor), [ATTRIBUTED_TO, INVOKES, "endorses"]);
    assert_eq!(editor.undo_description(), Some("add relation"));
    editor.undo();
    assert_eq!(editor.project(), &before);
}

#[test]
fn a_new_relation_follows_the_labels_its_kind_allows() {
    let mut editor = coded();
    let [source, claim, norm] = ids(&editor);
    link(&mut editor, &claim, &source, ATTRIBUTED_TO).unwrap();
    link(&mut editor, &claim, &norm, INVOKES).unwrap();
    for (from, to, kind) in [
        (&claim, &norm, ATTRIBUTED_TO),
        (&source, &claim, ATTRIBUTED_TO),
        (&claim, &source, INVOKES),
    ] {
        match link(&mut editor, from, to, kind) {
            Err(EditError::Invalid(problems)) => {
                assert!(
                    matches!(problems[..], [Problem::KindNotAllowed { .. }]),
                    "{problems:?}"
                );
            }
            other => panic!("{kind} from {from} to {to}: {other:?}"),
        }
    }
    assert_eq!(editor.project().documents()[0].relations().len(), 2);
    let allowed: Vec<_> = editor
        .project()
        .kinds_allowing("claim", "norm")
        .map(|k| k.id.as_str())
        .collect();
    assert_eq!(allowed, [INVOKES]);
}

#[test]
fn a_relation_is_re_kinded_or_reversed_only_where_its_kind_allows() {
    let mut editor = coded();
    let [source, claim, _] = ids(&editor);
    editor
        .apply(
            Edit::AddRelationKind(RelationKind::new("mentions", "mentions", "#CC79A7")),
            NOW,
        )
        .unwrap();
    let id = link(&mut editor, &claim, &source, ATTRIBUTED_TO).unwrap();
    let relation = editor.project().documents()[0]
        .relation(&id)
        .unwrap()
        .clone();
    let reversed = Relation {
        from: relation.to.clone(),
        to: relation.from.clone(),
        ..relation.clone()
    };
    let update = |relation: &Relation| Edit::UpdateRelation {
        doc: "d-1".into(),
        relation: relation.clone(),
    };
    assert!(matches!(
        editor.apply(update(&reversed), NOW),
        Err(EditError::Invalid(_))
    ));
    let mentions = Relation {
        kind: "mentions".into(),
        ..reversed
    };
    editor.apply(update(&mentions), NOW).unwrap();
    assert_eq!(
        editor.project().documents()[0].relation(&id),
        Some(&mentions)
    );
    assert_eq!(editor.undo_description(), Some("change relation"));
    editor.undo();
    assert_eq!(
        editor.project().documents()[0].relation(&id),
        Some(&relation)
    );
}

#[test]
fn kinds_are_added_changed_and_removed_undoably() {
    let mut editor = coded();
    let [source, claim, norm] = ids(&editor);
    let attributed = link(&mut editor, &claim, &source, ATTRIBUTED_TO).unwrap();
    let invokes = link(&mut editor, &claim, &norm, INVOKES).unwrap();
    let start = editor.project().clone();

    // A key another kind has is refused; a free one is taken.
    let mut renamed = editor.project().relation_kind(INVOKES).unwrap().clone();
    renamed.name = "appeals to".into();
    renamed.key = Some('a');
    assert!(matches!(
        editor.apply(Edit::UpdateRelationKind(renamed.clone()), NOW),
        Err(EditError::Invalid(ref p)) if matches!(p[..], [Problem::DuplicateKindKey { .. }])
    ));
    renamed.key = Some('p');
    renamed.color = "#CC79A7".into();
    editor
        .apply(Edit::UpdateRelationKind(renamed.clone()), NOW)
        .unwrap();
    assert_eq!(editor.project().relation_kind(INVOKES), Some(&renamed));

    // Removing a kind gives its relations another kind, or deletes them.
    let reassign = Edit::RemoveRelationKind {
        id: INVOKES.into(),
        relations: KindRemoval::ReassignTo(ATTRIBUTED_TO.into()),
    };
    editor.apply(reassign, NOW).unwrap();
    assert_eq!(kind_ids(&editor), [ATTRIBUTED_TO]);
    let doc = &editor.project().documents()[0];
    assert_eq!(doc.relation(&invokes).unwrap().kind, ATTRIBUTED_TO);
    editor.undo();
    let delete = Edit::RemoveRelationKind {
        id: ATTRIBUTED_TO.into(),
        relations: KindRemoval::DeleteRelations,
    };
    editor.apply(delete, NOW).unwrap();
    let doc = &editor.project().documents()[0];
    assert!(doc.relation(&attributed).is_none());
    assert!(doc.relation(&invokes).is_some());
    assert_eq!(
        editor.undo_description(),
        Some("remove relation kind (also removes 1 relation)")
    );
    editor.undo();
    editor.undo();
    assert_eq!(editor.project(), &start);

    let added = RelationKind {
        key: Some('q'),
        ..RelationKind::new("quotes", "quotes", "#D55E00")
    };
    editor
        .apply(Edit::AddRelationKind(added.clone()), NOW)
        .unwrap();
    assert!(matches!(
        editor.apply(Edit::AddRelationKind(added), NOW),
        Err(EditError::IdInUse(_))
    ));
    assert!(matches!(
        editor.apply(
            Edit::AddRelationKind(RelationKind::new("bad", "", "red")),
            NOW
        ),
        Err(EditError::Invalid(ref p)) if p.len() == 2
    ));
}
