//! What Marginalia's tests, benchmarks and fuzz targets share, kept out of the application:
//! generated workloads (`workload`), a counting allocator for memory targets (`counting_alloc`),
//! the fuzzing entry points (`fuzzing`), projects built through the edit API (`fixtures`,
//! re-exported at the top), crash-test child processes (`child`), the golden exports (`golden`),
//! and where the fixture files and the repository's own files are.

#[cfg(unix)]
pub mod child;
pub mod counting_alloc;
pub mod fixtures;
pub mod fuzzing;
pub mod golden;
pub mod workload;

use std::path::{Path, PathBuf};

pub use fixtures::*;

/// The small sample project the golden exports and the fuzzing seeds are made from.
pub const SMALL_SAMPLE: &str = include_str!("../data/small-sample.ron");

/// The fixture file `name` (a path under `crates/testkit/data/`).
#[must_use]
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

/// `path` (relative, e.g. `projects/cyber-norms-sample.ron`) in the repository's root folder;
/// `repository("")` is the root itself.
#[must_use]
pub fn repository(path: &str) -> PathBuf {
    let testkit = Path::new(env!("CARGO_MANIFEST_DIR"));
    testkit.ancestors().nth(2).unwrap_or(testkit).join(path)
}
