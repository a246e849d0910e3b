//! Importing other tools' annotations at corpus scale: a generated corpus of 1,000, 10,000 and
//! 100,000 short articles (about 100 bytes, 2 annotations each) exported by Marginalia to doccano
//! JSONL, brat standoff (a folder of `.txt` and `.ann` files), W3C Web Annotation (placed on the
//! project's own texts) and REFI-QDA `.qdpx`, then read, placed and built into a new project —
//! what `marginalia import FILE -o P.ron` does before it saves. Target: linear in documents, and
//! at most 1 s per 10 MB of input. W3C stops at 10,000 documents: at 100,000 its JSON-LD is
//! 233 MB, past the 200 MiB limit on annotation files, and refused. Run with
//! `cargo bench --bench imports`.

use std::{fs, path::Path, path::PathBuf, time::Duration};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marginalia_core::{
    export::{ExportOptions, Format, InFolder, export, write_output},
    import::annotations::{UnitChoice, import_files, into_project},
    model::Project,
};
use marginalia_testkit::workload::{SEED, corpus};

/// Corpus sizes, in documents.
const DOCUMENTS: [usize; 3] = [1_000, 10_000, 100_000];

/// The formats timed, with the file (or folder) name each is exported to.
const FORMATS: [(Format, &str); 4] = [
    (Format::Jsonl, "doccano.jsonl"),
    (Format::Brat, "brat"),
    (Format::W3c, "w3c.jsonld"),
    (Format::Qdpx, "project.qdpx"),
];

/// Bytes under `path`: the file's size, or every file's in the folder.
fn input_bytes(path: &Path) -> u64 {
    if path.is_dir() {
        fs::read_dir(path)
            .expect("the export folder")
            .map(|entry| entry.expect("an entry").metadata().expect("its size").len())
            .sum()
    } else {
        fs::metadata(path).expect("the export").len()
    }
}

/// Reads, places and builds the annotations at `path` into a project; W3C annotations are
/// placed on `texts`' documents, as when they are imported into the open project.
fn import(path: &Path, texts: &Project) -> usize {
    let anchored = import_files(
        &[path.to_path_buf()],
        UnitChoice::default(),
        texts.documents(),
    )
    .expect("the export reads back");
    assert!(anchored.unanchored.is_empty(), "every annotation is placed");
    let (project, _) = into_project(anchored, "Imported", "Analyst", "2026-12-01T00:00:00Z")
        .expect("the import builds a project");
    project.documents().len()
}

fn imports(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("import_annotations");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for documents in DOCUMENTS {
        let project = corpus(documents, 100, 2, SEED);
        let none = Project::new("No texts", "Analyst", "2026-12-01T00:00:00Z");
        for (format, name) in FORMATS {
            if format == Format::W3c && documents > 10_000 {
                continue;
            }
            let path: PathBuf = folder.path().join(format!("{documents}-{name}"));
            let rendered = export(&project, format, &ExportOptions::default()).expect("exports");
            write_output(&rendered.output, &path, InFolder::EmptyOnly).expect("written");
            let texts = if format == Format::W3c {
                &project
            } else {
                &none
            };
            let size = format!("{documents}docs");
            eprintln!(
                "{} at {size}: {:.1} MB",
                format.name(),
                input_bytes(&path) as f64 / 1e6
            );
            group.bench_function(BenchmarkId::new(format.name(), &size), |bench| {
                bench.iter(|| assert_eq!(import(&path, texts), documents));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
