//! The `marginalia` binary: a subcommand runs on the command line; otherwise the window opens
//! (on PATH if given, else on the last project or the bundled sample).

use std::process::ExitCode;

use marginalia::{cli, ui};

fn main() -> ExitCode {
    let args = cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    let start = args.path.map_or(ui::Start::Remembered, ui::Start::Path);
    match ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
