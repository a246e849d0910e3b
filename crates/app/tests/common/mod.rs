//! Helpers shared by the application's integration tests: the test kit's fixtures, and driving the
//! window through egui_kittest (`window`).
#![allow(dead_code, unused_imports)]

pub mod window;

use std::{
    ffi::OsStr,
    path::Path,
    process::{Command, Output},
};

#[cfg(unix)]
pub use marginalia_testkit::child;
pub use marginalia_testkit::*;

/// Runs the `marginalia` binary with `args`, recording "Test Analyst" as the annotator, in the
/// app crate's folder.
pub fn marginalia(args: &[&dyn AsRef<OsStr>]) -> Output {
    marginalia_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// [`marginalia`] run in `dir`, where relative paths among `args` are read.
pub fn marginalia_in(dir: &Path, args: &[&dyn AsRef<OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args.iter().map(|arg| arg.as_ref()))
        .current_dir(dir)
        .env("MARGINALIA_ANNOTATOR", "Test Analyst")
        .output()
        .expect("the marginalia binary runs")
}

/// A command's output bytes as text (lossy), for messages and assertions.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
