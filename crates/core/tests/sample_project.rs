//! The bundled sample: it opens clean, matches its articles, and shows what coding looks like
//! (every label, overlapping and nested spans, notes).

use marginalia_core::{import, store};

const SAMPLE: &str = "projects/cyber-norms-sample.ron";

#[test]
fn the_sample_project_loads_checks_clean_and_matches_its_articles() {
    let root = &marginalia_testkit::repository("");
    let loaded = store::load(&root.join(SAMPLE)).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let project = loaded.project;
    assert!(project.documents().len() >= 2);
    for doc in project.documents() {
        let source = doc.source().expect("the sample names its article");
        let article = import::read_article(&root.join(source)).unwrap();
        assert_eq!(
            doc.text(),
            article.text,
            "{source} changed: rebuild the sample"
        );

        let annotations = doc.annotations();
        assert!(
            annotations.len() >= 15,
            "{}: {} annotations",
            doc.title(),
            annotations.len()
        );
        for label in ["claim", "source", "norm"] {
            assert!(
                annotations.iter().filter(|a| a.label == label).count() >= 3,
                "{label} in {}",
                doc.title()
            );
        }
        let pairs = || {
            annotations
                .iter()
                .enumerate()
                .flat_map(|(i, a)| annotations[i + 1..].iter().map(move |b| (a, b)))
        };
        let nested = pairs()
            .filter(|(a, b)| {
                a.span() != b.span() && (a.span().contains(b.span()) || b.span().contains(a.span()))
            })
            .count();
        let crossing = pairs()
            .filter(|(a, b)| {
                a.span().overlaps(b.span())
                    && !a.span().contains(b.span())
                    && !b.span().contains(a.span())
            })
            .count();
        assert!(
            nested >= 2 && crossing >= 2,
            "{}: {nested} nested, {crossing} crossing",
            doc.title()
        );
        assert!(annotations.iter().filter(|a| !a.note.is_empty()).count() >= 5);
    }
}

#[test]
fn the_sample_articles_read_like_policy_analysis() {
    let root = &marginalia_testkit::repository("");
    for entry in std::fs::read_dir(root.join("assets")).unwrap() {
        let path = entry.unwrap().path();
        let text = import::read_article(&path).unwrap().text;
        let words = text.split_whitespace().count();
        assert!(
            (600..=900).contains(&words),
            "{}: {words} words",
            path.display()
        );
        for (what, needle) in [("curly quote", "“"), ("em dash", "—"), ("ellipsis", "…")] {
            assert!(text.contains(needle), "{} lacks a {what}", path.display());
        }
        assert!(
            text.chars().any(|c| "ćčšžøåéñáíóúłśř".contains(c)),
            "a name with diacritics"
        );
    }
}
