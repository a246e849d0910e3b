//! Suggestions: the rules over a 1 MB article and over the 1,000-document workload (4.5 MB of
//! text, 100,000 annotations whose wordings the coded-elsewhere rule looks for too). Targets:
//! a 1 MB article ≤ 100 ms; the 1,000 documents ≤ 2 s. Run with `cargo bench --bench suggest`.

use criterion::{Criterion, criterion_group, criterion_main};
use marginalia_core::{
    model::{Document, Meta, Project, label::default_labels},
    suggest::{Roles, Rules, SuggestOptions, suggest},
};
use marginalia_testkit::workload::{SEED, article, thousand_documents};

fn suggestions(c: &mut Criterion) {
    let rules = Rules::english();
    let one_mb = Project::from_parts(
        Meta::default(),
        default_labels(),
        vec![Document::new("d", "Article", article(1_000_000, SEED))],
    );
    let corpus = thousand_documents();
    let options = SuggestOptions::default();
    for (name, project) in [("1MB_article", &one_mb), ("1000_documents", &corpus)] {
        let roles = Roles::of(project);
        eprintln!(
            "{name}: {} proposals",
            suggest(project, &rules, &roles, &options).len()
        );
    }
    let mut group = c.benchmark_group("suggest");
    group.sample_size(10);
    for (name, project) in [("1MB_article", &one_mb), ("1000_documents", &corpus)] {
        let roles = Roles::of(project);
        group.bench_function(name, |b| {
            b.iter(|| suggest(project, &rules, &roles, &options));
        });
    }
    group.finish();
}

criterion_group!(benches, suggestions);
criterion_main!(benches);
