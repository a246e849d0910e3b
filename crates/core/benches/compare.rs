//! Comparing two analysts' projects (every measure, the differences and their grouping) at each
//! size, and at 1 MB / 10,000 annotations with 3,000 relations each. Targets: 1 MB / 10,000
//! annotations within 100 ms; relation agreement adds at most 20 ms. Run with
//! `cargo bench --bench compare`.

use criterion::{Criterion, criterion_group, criterion_main};
use marginalia_core::compare::{CompareOptions, compare};
use marginalia_testkit::workload::{SEED, SIZES, two_analysts, with_relations};

fn compare_sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    for size in SIZES {
        let (a, b) = two_analysts(size.bytes, size.annotations, SEED);
        let options = CompareOptions::default();
        group.bench_function(size.name, |bench| {
            bench.iter(|| compare(&[&a, &b], &options));
        });
    }
    let size = SIZES[2];
    let (a, b) = two_analysts(size.bytes, size.annotations, SEED);
    let (a, b) = (with_relations(a, 3_000), with_relations(b, 3_000));
    let options = CompareOptions::default();
    group.bench_function("1MB_3000_relations", |bench| {
        bench.iter(|| compare(&[&a, &b], &options));
    });
    group.finish();
}

criterion_group!(benches, compare_sizes);
criterion_main!(benches);
