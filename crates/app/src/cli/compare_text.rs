//! `marginalia compare`: the comparison as readable tables and a list of differences.
//! Offsets shown are chars, end-exclusive.

use std::fmt::Write;

use crate::{
    compare::{
        CompareOptions, Comparison, DocumentComparison, Item, NotComparedReason, Prf, RelationItem,
        analyst_letter as letter, figure_text as figure,
    },
    excerpt::shorten,
};

/// The whole report.
#[must_use]
pub fn to_text(comparison: &Comparison, options: &CompareOptions) -> String {
    let mut out = String::new();
    let names = &comparison.analysts;
    out.push_str("Analysts: ");
    let listed: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{} = {n}", letter(i)))
        .collect();
    out.push_str(&listed.join(", "));
    out.push_str(" (A is the reference for precision and recall");
    if names.len() > 2 {
        out.push_str("; figures sum every pair of analysts");
    }
    out.push_str(")\n");
    if options.exclude_uncoded {
        out.push_str("Kappa counts only characters somebody coded.\n");
    }
    for doc in &comparison.documents {
        out.push('\n');
        document(&mut out, doc, names.len());
    }
    for skipped in &comparison.not_compared {
        let who: Vec<&str> = skipped
            .present_in
            .iter()
            .map(|&a| names[a].as_str())
            .collect();
        let why = match skipped.reason {
            NotComparedReason::NotInEveryProject => format!("only in {}", who.join(", ")),
            NotComparedReason::TextDiffers => {
                "every project has this title, but the texts differ".to_owned()
            }
        };
        let _ = writeln!(out, "\nNot compared: “{}” — {why}", skipped.title);
    }
    out.push_str(
        "\nn/a: not defined — nobody used the label (nothing to agree on), or one side has no spans.\n",
    );
    out
}

fn prf(scores: Prf) -> String {
    format!(
        "{:>5} {:>5} {:>5}",
        figure(scores.precision),
        figure(scores.recall),
        figure(scores.f1)
    )
}

fn document(out: &mut String, doc: &DocumentComparison, analysts: usize) {
    let _ = writeln!(
        out,
        "“{}” — {} chars, sha256 {}",
        doc.title,
        doc.length,
        &doc.text_sha256[..doc.text_sha256.len().min(12)]
    );
    let counts_header: String = (0..analysts).map(|a| format!("{:>5}", letter(a))).collect();
    let _ = writeln!(
        out,
        "  {:<14}{counts_header}   strict P     R    F1   overlap P     R    F1   kappa alpha_U",
        "label"
    );
    for label in &doc.labels {
        let counts: String = label.counts.iter().map(|c| format!("{c:>5}")).collect();
        let _ = writeln!(
            out,
            "  {:<14}{counts}   {}   {}   {:>6} {:>7}",
            shorten(&label.name, 14),
            prf(label.strict),
            prf(label.overlap),
            figure(label.kappa),
            figure(label.alpha_u)
        );
    }
    let _ = writeln!(out, "  overall alpha_U {}", figure(doc.overall.alpha_u));
    let joined: usize = doc.joined_overlaps.iter().sum();
    if joined > 0 {
        let _ = writeln!(
            out,
            "  ({joined} span{} overlapping another span of the same label by the same analyst {} \
             joined into one unit for alpha_U and kappa)",
            if joined == 1 { "" } else { "s" },
            if joined == 1 { "was" } else { "were" }
        );
    }
    relations(out, doc);
    let _ = writeln!(
        out,
        "  SemEval-2013   COR  INC  PAR  MIS  SPU      P     R    F1"
    );
    let s = &doc.overall.semeval;
    for (name, counts) in [
        ("strict", s.strict),
        ("exact", s.exact),
        ("partial", s.partial),
        ("type", s.type_),
    ] {
        let _ = writeln!(
            out,
            "  {name:<13}{:>5}{:>5}{:>5}{:>5}{:>5}  {}",
            counts.correct,
            counts.incorrect,
            counts.partial,
            counts.missing,
            counts.spurious,
            prf(counts.scores())
        );
    }
    let differences: Vec<&Item> = doc.differences().map(|(_, item)| item).collect();
    let agreements = doc.items.len() - differences.len();
    let _ = writeln!(
        out,
        "  {agreements} agreement{}, {} difference{}{}",
        if agreements == 1 { "" } else { "s" },
        differences.len(),
        if differences.len() == 1 { "" } else { "s" },
        if differences.is_empty() { "" } else { ":" }
    );
    for item in differences {
        difference(out, item);
    }
    let relation_differences: Vec<&RelationItem> = doc.relation_differences().collect();
    if !relation_differences.is_empty() {
        let n = relation_differences.len();
        let _ = writeln!(
            out,
            "  {n} relation difference{}:",
            if n == 1 { "" } else { "s" }
        );
    }
    for item in relation_differences {
        let who: Vec<String> = item.analysts().iter().map(|&a| letter(a)).collect();
        let member = &item.members[0];
        let kind = doc
            .relations
            .iter()
            .find(|k| k.id == item.kind)
            .map_or(item.kind.as_str(), |k| k.name.as_str());
        let _ = writeln!(
            out,
            "  - only in {}: “{}” {} “{}”",
            who.join(", "),
            shorten(&member.from_quote, 40),
            kind,
            shorten(&member.to_quote, 40)
        );
    }
}

/// The relation agreement per kind, when any analyst has relations in the document.
fn relations(out: &mut String, doc: &DocumentComparison) {
    if doc
        .relations
        .iter()
        .all(|k| k.counts.iter().all(|&c| c == 0))
    {
        return;
    }
    let _ = writeln!(
        out,
        "  {:<14}{}   strict P     R    F1   overlap P     R    F1",
        "relation kind",
        " ".repeat(5 * doc.document_ids.len())
    );
    for kind in doc
        .relations
        .iter()
        .filter(|k| k.counts.iter().any(|&c| c > 0))
    {
        let counts: String = kind.counts.iter().map(|c| format!("{c:>5}")).collect();
        let _ = writeln!(
            out,
            "  {:<14}{counts}   {}   {}",
            shorten(&kind.name, 14),
            prf(kind.matches.strict()),
            prf(kind.matches.overlap())
        );
    }
}

fn difference(out: &mut String, item: &Item) {
    let mut present: Vec<usize> = item.members.iter().map(|m| m.analyst).collect();
    present.dedup();
    let kind = match item.kind {
        crate::compare::ItemKind::OnlyIn => {
            let who: Vec<String> = present.iter().map(|&a| letter(a)).collect();
            format!("only in {}", who.join(", "))
        }
        other => other.describe().to_owned(),
    };
    let _ = writeln!(out, "  - {kind} at {}..{}", item.span.start, item.span.end);
    for member in &item.members {
        let a = &member.annotation;
        let _ = writeln!(
            out,
            "      {}: {} {}..{} “{}”",
            letter(member.analyst),
            a.label,
            a.start,
            a.end,
            shorten(&a.quote, 70)
        );
    }
}
