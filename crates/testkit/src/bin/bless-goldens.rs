//! Rewrites the golden exports in `crates/core/tests/golden/` from what the exporters write now,
//! removing files no exporter writes any more, and lists what changed. Run after an intended
//! change to an exporter, then review the diff: `cargo run -p marginalia-testkit --bin bless-goldens`.

use std::process::ExitCode;

use marginalia_testkit::golden::{bless, golden_folder};

fn main() -> ExitCode {
    match bless() {
        Ok(differences) if differences.is_empty() => {
            println!(
                "the golden files are up to date ({})",
                golden_folder().display()
            );
            ExitCode::SUCCESS
        }
        Ok(differences) => {
            for (what, files) in [
                ("written", &differences.missing),
                ("rewritten", &differences.changed),
                ("removed", &differences.stale),
            ] {
                for file in files {
                    println!("{what}: {file}");
                }
            }
            println!(
                "review the changes with `git diff -- {}`",
                golden_folder().display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: the golden files could not be rewritten: {error}");
            ExitCode::FAILURE
        }
    }
}
