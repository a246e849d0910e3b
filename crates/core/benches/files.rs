//! Files at each size: importing the article from .txt and from .html; saving the project
//! (RON, atomic, synced) and loading it with full validation; and the same data through
//! serde_json in the same run, as a reference for what the RON format costs. Targets at 1 MB /
//! 10,000 annotations: import within 50 ms, save within 50 ms, load within 80 ms.
//! Run with `cargo bench --bench files`.

use std::{fs, path::Path, time::Duration};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia_core::{
    import::read_article,
    model::{Project, validate::check_project},
    store::{self, write_atomically},
};
use marginalia_testkit::workload::{SEED, SIZES, article, article_html, two_analysts};

fn import(c: &mut Criterion, folder: &Path) {
    let mut group = c.benchmark_group("import");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(1));
    for size in SIZES {
        let txt = folder.join(format!("{}.txt", size.name));
        let html = folder.join(format!("{}.html", size.name));
        fs::write(&txt, article(size.bytes, SEED)).expect("a temporary file");
        fs::write(&html, article_html(size.bytes, SEED)).expect("a temporary file");
        for (kind, path) in [("txt", &txt), ("html", &html)] {
            group.bench_function(BenchmarkId::new(kind, size.name), |bench| {
                bench.iter(|| read_article(path).expect("the article imports").text.len());
            });
        }
    }
    group.finish();
}

/// The serde_json reference for loading: parse, index and check, as a RON load does.
fn load_json(path: &Path) -> Project {
    let bytes = fs::read(path).expect("the JSON file");
    let mut project: Project = serde_json::from_slice(&bytes).expect("the JSON parses");
    project.reindex();
    assert!(check_project(&project).is_empty());
    project
}

fn save_and_load(c: &mut Criterion, folder: &Path) {
    let mut group = c.benchmark_group("project_file");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(1));
    for size in SIZES {
        let project = two_analysts(size.bytes, size.annotations, SEED).0;
        let ron = folder.join(format!("{}.ron", size.name));
        let json = folder.join(format!("{}.json", size.name));
        group.bench_function(BenchmarkId::new("save_ron", size.name), |bench| {
            bench.iter(|| store::save(&project, &ron).expect("the project saves"));
        });
        group.bench_function(BenchmarkId::new("save_json", size.name), |bench| {
            bench.iter(|| {
                let bytes = serde_json::to_vec_pretty(&project).expect("JSON");
                write_atomically(&json, &bytes).expect("the JSON saves");
            });
        });
        group.bench_function(BenchmarkId::new("load_ron", size.name), |bench| {
            bench.iter(|| {
                let loaded = store::load(&ron).expect("the project loads");
                assert!(loaded.warnings.is_empty());
                loaded.project
            });
        });
        group.bench_function(BenchmarkId::new("load_json", size.name), |bench| {
            bench.iter(|| load_json(&json));
        });
        assert_eq!(load_json(&json), store::load(&ron).expect("loads").project);
    }
    group.finish();
}

fn files(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    import(c, folder.path());
    save_and_load(c, folder.path());
}

criterion_group!(benches, files);
criterion_main!(benches);
