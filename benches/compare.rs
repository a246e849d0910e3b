//! Comparing two analysts' projects (every measure, the differences and their grouping) at
//! 10 KB / 100 annotations, 100 KB / 1,000 and 1 MB / 10,000. Target: 1 MB / 10,000 well under
//! 100 ms. Run with `cargo bench --bench compare`.

use criterion::{Criterion, criterion_group, criterion_main};
use marginalia::{
    compare::{CompareOptions, compare},
    workload::two_analysts,
};

fn compare_sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    for (name, bytes, annotations) in [
        ("10KB_100", 10_000, 100),
        ("100KB_1k", 100_000, 1_000),
        ("1MB_10k", 1_000_000, 10_000),
    ] {
        let (a, b) = two_analysts(bytes, annotations, 42);
        let options = CompareOptions::default();
        group.bench_function(name, |bench| {
            bench.iter(|| compare(&[&a, &b], &options));
        });
    }
    group.finish();
}

criterion_group!(benches, compare_sizes);
criterion_main!(benches);
