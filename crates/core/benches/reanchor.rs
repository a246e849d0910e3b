//! Updating an article's text at each size: a revision that deletes one paragraph, moves
//! another to the end and changes a word in every tenth paragraph, carried across all the
//! document's annotations (diff, re-finding, orphans). Run with `cargo bench --bench reanchor`.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia_core::reanchor::{NewText, reanchor};
use marginalia_testkit::workload::{SEED, SIZES, two_analysts};

/// The revised article: paragraph 3 deleted, paragraph 5 moved to the end, and the first word
/// of every tenth paragraph doubled.
fn revised(text: &str) -> String {
    let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
    for (i, paragraph) in paragraphs.iter_mut().enumerate() {
        if i % 10 == 7
            && let Some(word) = paragraph.split(' ').next().map(str::to_owned)
        {
            *paragraph = format!("{word} {paragraph}");
        }
    }
    let moved = paragraphs.remove(5);
    paragraphs.remove(3);
    paragraphs.push(moved);
    paragraphs.join("\n\n")
}

fn update(c: &mut Criterion) {
    let mut group = c.benchmark_group("reanchor");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for size in SIZES {
        let project = two_analysts(size.bytes, size.annotations, SEED).0;
        let doc = &project.documents()[0];
        let new = revised(doc.text());
        let run = || {
            let text = NewText {
                text: new.clone(),
                source: None,
                import: None,
            };
            reanchor(&project, doc.id(), text, "2026-11-26T00:00:00Z").expect("reanchored")
        };
        let report = run().report;
        println!("reanchor/{}: {}", size.name, report.summary());
        group.bench_function(BenchmarkId::new("update", size.name), |bench| {
            bench.iter(|| run().report.moved);
        });
    }
    group.finish();
}

criterion_group!(benches, update);
criterion_main!(benches);
