//! The command line: parses arguments, runs a subcommand through the same library paths the
//! window uses, prints results to stdout and errors to stderr. With no subcommand, `main.rs`
//! opens the window.
//!
//! Exit status: 0 on success, 1 when `check` finds problems, 2 on any error.

mod args;
mod commands;
mod compare_json;
mod compare_text;
mod find_command;
mod locked;
mod passages_command;
mod report;
mod stats_command;
mod suggest_command;
mod transfer;
mod update_command;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

/// What a command found, for the exit status.
pub enum Outcome {
    Done,
    ProblemsFound,
}

/// Runs one subcommand and turns its result into the exit status (errors go to stderr).
#[must_use]
pub fn run(command: Command) -> ExitCode {
    match commands::run(command) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Parses the process's arguments.
#[must_use]
pub fn parse() -> Cli {
    Cli::parse()
}
