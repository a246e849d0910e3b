//! Every export format at each size, as the user runs it: the quote check, the loss report,
//! rendering and the atomic write of the file (or brat's folder). Target: each within 100 ms at
//! 1 MB / 10,000 annotations. Run with `cargo bench --bench exports`.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia_core::export::{ExportOptions, Format, InFolder, export, write_output};
use marginalia_testkit::workload::{SEED, SIZES, two_analysts};

fn exports(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let projects: Vec<_> = SIZES
        .iter()
        .map(|&size| (size, two_analysts(size.bytes, size.annotations, SEED).0))
        .collect();
    let options = ExportOptions::default();
    for format in Format::ALL {
        let mut group = c.benchmark_group(format!("export_{}", format.name()));
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        let target = folder
            .path()
            .join(format!("out.{}", format.extension().unwrap_or("folder")));
        for (size, project) in &projects {
            group.bench_function(BenchmarkId::from_parameter(size.name), |bench| {
                bench.iter(|| {
                    let done = export(project, format, &options).expect("the export renders");
                    write_output(&done.output, &target, InFolder::ReplaceSameNames)
                        .expect("the export is written");
                    done.losses.len()
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, exports);
criterion_main!(benches);
