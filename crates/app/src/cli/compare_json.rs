//! `marginalia compare --json`: the comparison as one JSON object, the shape documented in the
//! README ("Comparing analysts"). Offsets are chars; an undefined measure is `null`.

use serde_json::{Map, Value, json};

use crate::compare::{
    Comparison, DocumentComparison, Item, NotComparedReason, Prf, RelationItem, SchemeCounts,
    SemEval,
};

/// The whole comparison, pretty-printed.
#[must_use]
pub fn to_json(comparison: &Comparison) -> String {
    let names = &comparison.analysts;
    let value = json!({
        "analysts": names,
        "documents": comparison.documents.iter().map(|d| document(d, names)).collect::<Vec<_>>(),
        "not_compared": comparison.not_compared.iter().map(|n| json!({
            "title": n.title,
            "reason": match n.reason {
                NotComparedReason::NotInEveryProject => "not_in_every_project",
                NotComparedReason::TextDiffers => "text_differs",
            },
            "present_in": n.present_in.iter().map(|&a| &names[a]).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn document(doc: &DocumentComparison, names: &[String]) -> Value {
    let mut labels = Map::new();
    for label in &doc.labels {
        labels.insert(
            label.id.clone(),
            json!({
                "name": label.name,
                "counts": label.counts,
                "alpha_u": label.alpha_u,
                "kappa": label.kappa,
                "kappa_kind": if names.len() == 2 { "cohen" } else { "fleiss" },
                "strict": prf(label.strict),
                "overlap": prf(label.overlap),
            }),
        );
    }
    let mut relations = Map::new();
    for kind in &doc.relations {
        relations.insert(
            kind.id.clone(),
            json!({
                "name": kind.name,
                "counts": kind.counts,
                "strict": prf(kind.matches.strict()),
                "overlap": prf(kind.matches.overlap()),
                "matched": { "strict": kind.matches.strict, "overlap": kind.matches.overlap },
            }),
        );
    }
    json!({
        "title": doc.title,
        "text_sha256": doc.text_sha256,
        "length": doc.length,
        "labels": labels,
        "relations": relations,
        "overall": {
            "alpha_u": doc.overall.alpha_u,
            "strict": scheme(doc.overall.semeval.strict),
            "exact": scheme(doc.overall.semeval.exact),
            "partial": scheme(doc.overall.semeval.partial),
            "type": scheme(doc.overall.semeval.type_),
        },
        "pairs": doc.pairs.iter().map(|p| {
            let mut value = schemes(&p.semeval);
            value.insert("reference".into(), json!(names[p.reference]));
            value.insert("other".into(), json!(names[p.other]));
            Value::Object(value)
        }).collect::<Vec<_>>(),
        "joined_overlaps": doc.joined_overlaps.iter().enumerate().map(|(a, n)| (names[a].clone(), json!(n))).collect::<Map<_, _>>(),
        "differences": doc.differences().map(|(_, item)| difference(item, names)).collect::<Vec<_>>(),
        "relation_differences": doc.relation_differences().map(|item| relation_difference(item, names)).collect::<Vec<_>>(),
    })
}

fn prf(scores: Prf) -> Value {
    json!({ "precision": scores.precision, "recall": scores.recall, "f1": scores.f1 })
}

fn scheme(counts: SchemeCounts) -> Value {
    let scores = counts.scores();
    json!({
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "correct": counts.correct,
        "incorrect": counts.incorrect,
        "partial": counts.partial,
        "missing": counts.missing,
        "spurious": counts.spurious,
    })
}

fn schemes(semeval: &SemEval) -> Map<String, Value> {
    [
        ("strict", semeval.strict),
        ("exact", semeval.exact),
        ("partial", semeval.partial),
        ("type", semeval.type_),
    ]
    .into_iter()
    .map(|(name, counts)| (name.to_owned(), scheme(counts)))
    .collect()
}

fn difference(item: &Item, names: &[String]) -> Value {
    let present = item.analysts();
    json!({
        "kind": item.kind,
        "label": item.members[0].annotation.label,
        "start": item.span.start,
        "end": item.span.end,
        "in": present.iter().map(|&a| &names[a]).collect::<Vec<_>>(),
        "missing_from": (0..names.len()).filter(|a| !present.contains(a)).map(|a| &names[a]).collect::<Vec<_>>(),
        "annotations": item.members.iter().map(|m| json!({
            "analyst": names[m.analyst],
            "id": m.annotation.id,
            "label": m.annotation.label,
            "start": m.annotation.start,
            "end": m.annotation.end,
            "quote": m.annotation.quote,
            "note": m.annotation.note,
        })).collect::<Vec<_>>(),
    })
}

fn relation_difference(item: &RelationItem, names: &[String]) -> Value {
    let present = item.analysts();
    json!({
        "kind": item.kind,
        "in": present.iter().map(|&a| &names[a]).collect::<Vec<_>>(),
        "missing_from": (0..names.len()).filter(|a| !present.contains(a)).map(|a| &names[a]).collect::<Vec<_>>(),
        "relations": item.members.iter().map(|m| json!({
            "analyst": names[m.analyst],
            "id": m.relation.id,
            "from": m.relation.from,
            "to": m.relation.to,
            "from_quote": m.from_quote,
            "to_quote": m.to_quote,
            "note": m.relation.note,
        })).collect::<Vec<_>>(),
    })
}
