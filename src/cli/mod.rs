//! The command line: parses arguments, runs a command through the same library paths the window
//! uses, prints results to stdout and errors to stderr.
//!
//! Exit status: 0 on success, 1 when `check` finds problems, 2 on any error.

mod args;
mod commands;
mod report;

use std::{path::PathBuf, process::ExitCode};

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command};

/// Where the bundled sample project lives in a source checkout.
#[must_use]
pub fn sample_project_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("projects/cyber-norms-sample.ron")
}

/// What a command found, for the exit status.
pub enum Outcome {
    Done,
    ProblemsFound,
}

/// Runs the command line with the process's arguments.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        print_welcome();
        return ExitCode::SUCCESS;
    };
    match commands::run(command) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn print_welcome() {
    println!(
        "Marginalia {} — code claims, sources and norms in articles.\n\n\
         The annotation window is not part of this build yet. When it is, `marginalia` with no \
         arguments\nopens the bundled sample project,\n  {}\nand after that the last project \
         you worked on.\n\nUntil then, use the command line:\n",
        env!("CARGO_PKG_VERSION"),
        sample_project_path().display()
    );
    let mut command = Cli::command();
    let _ = command.print_help();
}
