//! Replays every saved fuzz input in `fuzz/corpus/<target>/` through its target in
//! `marginalia_testkit::fuzzing::TARGETS`, so that `cargo test` (and CI) checks on stable that none of
//! them panics again. Running the fuzzers themselves is described in `docs/FUZZING.md`.

use std::{
    fs,
    panic::{self, AssertUnwindSafe},
    path::PathBuf,
};

use marginalia_testkit::fuzzing::TARGETS;

/// The saved inputs of `target`, sorted; fails when the target has no corpus folder.
fn corpus(target: &str) -> Vec<PathBuf> {
    let folder = marginalia_testkit::repository("fuzz/corpus").join(target);
    let entries = fs::read_dir(&folder).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; every fuzz target needs a corpus folder (see docs/FUZZING.md)",
            folder.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_saved_fuzz_input_runs_without_panicking() {
    let mut failures = Vec::new();
    for (target, run) in TARGETS {
        let inputs = corpus(target);
        assert!(!inputs.is_empty(), "fuzz/corpus/{target} holds no inputs");
        for input in inputs {
            let data = fs::read(&input).expect("a readable corpus file");
            if panic::catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
                failures.push(input.display().to_string());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "these fuzz inputs panic (replay one with `cargo fuzz run <target> <file>`):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_corpus_folder_belongs_to_a_target() {
    let root = marginalia_testkit::repository("fuzz/corpus");
    for entry in fs::read_dir(&root).expect("fuzz/corpus exists") {
        let name = entry.expect("a readable entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            TARGETS.iter().any(|(target, _)| *target == name),
            "fuzz/corpus/{name} is not a target in marginalia_testkit::fuzzing::TARGETS"
        );
    }
}
