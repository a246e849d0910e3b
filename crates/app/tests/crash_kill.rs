//! Saves and recovery copies survive SIGKILL. Real child processes (this test binary run again,
//! see `common/child.rs`) save a large project or write recovery copies through the app's own
//! code and are killed at seeded random points — before, during and after each write; after
//! every kill the files are read back the way the app reads them at start-up. `--nocapture`
//! shows the figures: how often the old or the new version was found, how many kills hit a
//! write in progress.
#![cfg(unix)]

mod common;
#[path = "crash_kill/recovery.rs"]
mod recovery;
#[path = "crash_kill/save.rs"]
mod save;

use std::{
    fs,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use marginalia_testkit::workload::Rng;

/// Kills per test: the issue asks for at least 100.
const KILLS: usize = 100;
/// Kills each test must land at each critical moment (mid-write: a temporary file left; after
/// the rename: the new version in place). Past [`KILLS`], kills are aimed at the file-writing
/// part of a write until these are met, up to [`MAX_KILLS`]; then the test fails, since its
/// timing no longer reaches what it is there to test.
const MIN_AT_EACH_MOMENT: usize = 5;
const MAX_KILLS: usize = 400;
/// A child that was not killed by then stops by itself (the parent has died or hung).
const CHILD_LIMIT: Duration = Duration::from_secs(60);
/// The environment a child gets: its file, data folder and what it starts with.
const FILE_VAR: &str = "MARGINALIA_CRASH_FILE";
const FIRST_VAR: &str = "MARGINALIA_CRASH_FIRST";
const DATA_VAR: &str = "MARGINALIA_CRASH_DATA";
const NEVER_SAVED_VAR: &str = "MARGINALIA_CRASH_NEVER_SAVED";

/// A folder for one test's files on the build's disk (a real file system with real fsyncs,
/// where `/tmp` may be in memory).
fn crash_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("crash-kill-{name}-"))
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a folder for the test")
}

/// A path a child was given in its environment.
fn var(name: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(name).unwrap_or_else(|| panic!("{name} is set")))
}

/// How long `work` takes, in ms: the fastest of three runs (the first warms caches).
fn time_ms(mut work: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// How long a child's write takes and what share of it is serialising, so that kills can be
/// timed to land all over a write. Measured once in this process, then kept up to date from
/// the durations the children report, which is what counts on a busy machine.
struct WriteClock {
    cycle_ms: f64,
    serialise_share: f64,
}

impl WriteClock {
    /// Times `serialise` alone and `write` (serialise and write the file) in this process.
    fn measure(serialise: impl FnMut(), write: impl FnMut()) -> Self {
        let serialise_ms = time_ms(serialise);
        let cycle_ms = time_ms(write);
        Self {
            cycle_ms,
            serialise_share: (serialise_ms / cycle_ms).clamp(0.0, 1.0),
        }
    }

    /// Learns from a child's reports `PREFIX N MS`: write number N took MS milliseconds.
    fn learn(&mut self, lines: &[String], prefix: &str) {
        for line in lines.iter().filter_map(|l| l.strip_prefix(prefix)) {
            if let Some(ms) = line.split(' ').nth(1).and_then(|ms| ms.parse::<f64>().ok()) {
                self.cycle_ms = 0.8 * self.cycle_ms + 0.2 * ms;
            }
        }
    }

    /// A seeded delay after the child reports that a write begins: every other kill anywhere
    /// in the whole write (mostly serialising), the others in its file-writing part (temp file,
    /// fsync, backup, rename), which is shorter but where atomicity is at stake.
    /// Past [`KILLS`], every kill is aimed at the file-writing part, every other one at its end
    /// (the rename and the moment after it, the narrowest window, which a busy machine's spread
    /// of write times makes hardest to hit).
    fn kill_delay(&self, rng: &mut Rng, kill: usize) -> Duration {
        let cycle = self.cycle_ms * 1000.0;
        let (from, to) = if kill.is_multiple_of(2) && kill < KILLS {
            (0.0, cycle * 1.1)
        } else if kill.is_multiple_of(2) {
            (cycle * 0.9, cycle * 1.15)
        } else {
            (cycle * self.serialise_share * 0.8, cycle * 1.2)
        };
        Duration::from_micros(rng.below(from as usize..to as usize + 1) as u64)
    }

    fn describe(&self) -> String {
        format!(
            "a write takes {:.1} ms, {:.0}% of it serialising",
            self.cycle_ms,
            self.serialise_share * 100.0
        )
    }
}

/// Leftover temporary files in `dir` (anything but `keep`), each checked so that it can never
/// be taken for a project, then removed. Returns their contents.
fn take_leftovers(dir: &Path, keep: &[&Path]) -> Vec<Vec<u8>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("folder lists") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // A project's lock file (`.NAME.ron.lock`) stays by design.
        let is_lock_file = name.starts_with('.') && name.ends_with(".ron.lock");
        if keep.contains(&path.as_path()) || is_lock_file {
            continue;
        }
        assert!(
            name.starts_with(".marginalia-") && name.ends_with(".tmp"),
            "unexpected file after a kill: {}",
            path.display()
        );
        assert!(
            path.extension().is_none_or(|e| e != "ron"),
            "a temporary file looks like a project"
        );
        found.push(fs::read(&path).expect("leftover reads"));
        fs::remove_file(&path).expect("leftover removed");
    }
    found
}
