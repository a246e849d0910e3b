//! Searching a 1,000-document project (about 4.5 MB of text, 100,000 annotations, 20,000
//! relations), tagging hits, retrieving passages and counting. Targets: a search over all
//! documents ≤ 50 ms; tagging 1,000 hits ≤ 50 ms (the plan and the edit); the count table and
//! co-occurrence ≤ 100 ms. Run with `cargo bench --bench analysis`.

use criterion::{Criterion, criterion_group, criterion_main};
use marginalia_core::{
    analysis::{
        PassageFilter, PassageOrder, Query, Widen, co_occurrence, count_table, passages, plan_tags,
        search, sources_ranked,
    },
    model::Editor,
};
use marginalia_testkit::workload::thousand_documents;

const NOW: &str = "2026-01-01T00:00:00Z";

fn analysis(c: &mut Criterion) {
    let project = thousand_documents();
    let mut group = c.benchmark_group("analysis_1000_documents");
    group.sample_size(20);
    for (name, query) in [
        (
            "search_plain",
            Query {
                pattern: "sovereignty".into(),
                ..Query::default()
            },
        ),
        (
            "search_whole_word_regex",
            Query {
                pattern: r"obligations?|treat(y|ies)".into(),
                regex: true,
                whole_word: true,
                ..Query::default()
            },
        ),
    ] {
        let matcher = query.compile().expect("a valid query");
        eprintln!("{name}: {} hits", search(&project, &matcher, None).len());
        group.bench_function(name, |bench| {
            bench.iter(|| search(&project, &matcher, None));
        });
    }
    let matcher = Query {
        pattern: "evidence".into(),
        whole_word: true,
        ..Query::default()
    }
    .compile()
    .expect("a valid query");
    let hits: Vec<_> = search(&project, &matcher, None)
        .into_iter()
        .take(1_000)
        .collect();
    assert_eq!(hits.len(), 1_000, "the workload has a thousand hits to tag");
    group.bench_function("tag_1000_hits_sentence", |bench| {
        bench.iter_batched(
            || Editor::new(project.clone()),
            |mut editor| {
                let plan = plan_tags(editor.project(), &hits, "norm", Widen::Sentence, NOW)
                    .expect("the label exists");
                editor.apply(plan.edit, NOW).expect("valid annotations");
                editor
            },
            criterion::BatchSize::LargeInput,
        );
    });
    group.bench_function("count_table", |bench| bench.iter(|| count_table(&project)));
    group.bench_function("co_occurrence", |bench| {
        bench.iter(|| co_occurrence(&project))
    });
    group.bench_function("sources_ranked", |bench| {
        bench.iter(|| sources_ranked(&project))
    });
    let claims = PassageFilter {
        labels: vec!["claim".into()],
        ..PassageFilter::default()
    };
    group.bench_function("passages_of_claims_by_label", |bench| {
        bench.iter(|| passages(&project, &claims, PassageOrder::Label).len())
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
