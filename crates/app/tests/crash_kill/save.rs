//! The save kill test: a child saves a 5 MB project (1 MB article, 10,000 annotations) as
//! version A and B alternately through `store::save`; whenever it is killed, the project file
//! holds the complete old or new version and loads, and its backup is a complete version too.

use std::{ffi::OsStr, fs, path::Path, thread, time::Instant};

use marginalia::{
    model::{Edit, Editor, Project},
    store,
};
use marginalia_testkit::workload::{self, Rng};

use super::{
    CHILD_LIMIT, FILE_VAR, FIRST_VAR, KILLS, MAX_KILLS, MIN_AT_EACH_MOMENT, WriteClock, crash_dir,
    take_leftovers, var,
};
use crate::common::{
    NOW,
    child::{self, Running},
};

/// The versions the file can hold: the one it starts with, A and B.
const INITIAL: usize = 0;
const A: usize = 1;
const B: usize = 2;

/// The versions the project file holds: the initial project, and versions A and B that differ
/// from it and from each other in the title and in one annotation's label.
fn versions() -> [Project; 3] {
    let size = workload::SIZES[2];
    let (initial, _) = workload::two_analysts(size.bytes, size.annotations, workload::SEED);
    let version = |title: &str, label: &str| {
        let mut editor = Editor::new(initial.clone());
        let info = Edit::SetProjectInfo {
            title: title.to_owned(),
            annotator: initial.meta().annotator.clone(),
        };
        let relabel = Edit::Relabel {
            doc: "d-1".to_owned(),
            id: "a0".to_owned(),
            label: label.to_owned(),
        };
        editor.apply(info, NOW).expect("title set");
        editor.apply(relabel, NOW).expect("relabelled");
        editor.into_project()
    };
    let a = version("Version A", "norm");
    let b = version("Version B", "source");
    [initial, a, b]
}

/// Which version the child's `n`th save (0-based) writes when it starts with `first`.
fn version_of_save(first: usize, n: usize) -> usize {
    if n.is_multiple_of(2) {
        first
    } else {
        A + B - first
    }
}

/// The child: saves versions A and B alternately to one file through `store::save` until it
/// is killed, reporting `saving N` before and `saved N MS` after each save (MS: how long it
/// took).
#[test]
fn child_saving_in_a_loop() {
    if child::role().as_deref() != Some("save") {
        return;
    }
    let file = var(FILE_VAR);
    let first = if var(FIRST_VAR) == Path::new("b") {
        B
    } else {
        A
    };
    let versions = versions();
    child::report("ready");
    let started = Instant::now();
    for n in 0.. {
        if started.elapsed() > CHILD_LIMIT {
            break;
        }
        child::report(&format!("saving {n}"));
        let save_started = Instant::now();
        store::save(&versions[version_of_save(first, n)], &file).expect("the save succeeds");
        let ms = save_started.elapsed().as_secs_f64() * 1000.0;
        child::report(&format!("saved {n} {ms:.3}"));
    }
}

/// What the save test saw, printed at the end.
#[derive(Debug, Default)]
struct SaveFigures {
    /// The file held the version before the save in flight / the one it was writing.
    old: usize,
    new: usize,
    /// Which version the file held.
    held: [usize; 3],
    /// Kills with the old version and no temporary file: while serialising or between saves.
    before_write: usize,
    /// Kills with a temporary file left behind: the save was between creating its temp file
    /// and renaming it.
    mid_write: usize,
    /// Leftover temp files: the project's new text cut short, complete, or the backup's copy.
    partial_temps: usize,
    complete_temps: usize,
    backup_temps: usize,
    saves_completed: usize,
}

#[test]
fn a_save_killed_at_any_point_leaves_the_complete_old_or_new_project() {
    let started = Instant::now();
    let versions = versions();
    let bytes = versions
        .each_ref()
        .map(|p| store::to_ron(p).expect("serialises").into_bytes());
    assert!(bytes[INITIAL] != bytes[A] && bytes[A] != bytes[B] && bytes[B] != bytes[INITIAL]);
    let dir = crash_dir("save");
    let file = dir.path().join("study.ron");
    let backup = store::backup_path(&file);

    let scratch = dir.path().join("calibrate.ron");
    let mut clock = WriteClock::measure(
        || drop(store::to_ron(&versions[A])),
        || store::save(&versions[A], &scratch).expect("saves"),
    );
    fs::remove_file(&scratch).expect("scratch removed");
    fs::remove_file(store::backup_path(&scratch)).expect("scratch backup removed");

    store::save(&versions[INITIAL], &file).expect("initial version saved");
    let mut on_disk = INITIAL;
    let mut rng = Rng::new(workload::SEED ^ 0x5A7E);
    let mut figures = SaveFigures::default();
    let mut kill = 0;
    let met = |f: &SaveFigures| f.mid_write >= MIN_AT_EACH_MOMENT && f.new >= MIN_AT_EACH_MOMENT;
    while kill < KILLS || (!met(&figures) && kill < MAX_KILLS) {
        let first = if on_disk == A { B } else { A };
        let first_name = OsStr::new(if first == A { "a" } else { "b" });
        let vars = [(FILE_VAR, file.as_os_str()), (FIRST_VAR, first_name)];
        let mut run = Running::start("save::child_saving_in_a_loop", "save", &vars);
        run.wait_for("ready");
        run.wait_for(&format!("saving {}", rng.below(0..2)));
        thread::sleep(clock.kill_delay(&mut rng, kill));
        let (lines, status) = run.kill();
        assert!(child::killed_by_sigkill(status), "kill {kill}: {status}");
        clock.learn(&lines, "saved ");

        let saved = lines.iter().filter(|l| l.starts_with("saved ")).count();
        figures.saves_completed += saved;
        let old = if saved == 0 {
            on_disk
        } else {
            version_of_save(first, saved - 1)
        };
        let new = version_of_save(first, saved);
        let found = fs::read(&file).expect("the project file is there");
        let held = if found == bytes[old] {
            figures.old += 1;
            old
        } else if found == bytes[new] {
            figures.new += 1;
            new
        } else {
            panic!(
                "kill {kill}: the file ({} bytes) is neither the old version {old} nor the new \
                 version {new} in full",
                found.len()
            );
        };
        figures.held[held] += 1;
        let loaded = store::load(&file).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        assert!(
            loaded.project == versions[held],
            "kill {kill}: loads as saved"
        );
        assert!(
            loaded.warnings.is_empty(),
            "kill {kill}: {:?}",
            loaded.warnings
        );

        if let Ok(kept) = fs::read(&backup) {
            assert!(
                bytes.contains(&kept),
                "kill {kill}: the backup is a complete version"
            );
        }
        let leftovers = take_leftovers(dir.path(), &[&file, &backup]);
        if leftovers.is_empty() {
            figures.before_write += usize::from(held == old);
        } else {
            figures.mid_write += 1;
        }
        for temp in leftovers {
            if temp.len() == bytes[new].len() && temp == bytes[new] {
                figures.complete_temps += 1;
            } else if bytes[new].starts_with(&temp) {
                figures.partial_temps += 1;
            } else if bytes[old].starts_with(&temp) {
                figures.backup_temps += 1;
            } else {
                panic!("kill {kill}: a temporary file holds something never saved");
            }
        }
        on_disk = held;
        kill += 1;
    }
    assert!(
        met(&figures),
        "after {kill} kills only {} landed mid-write and {} after the rename (at least \
         {MIN_AT_EACH_MOMENT} of each are needed): the kills no longer reach the moments that \
         matter ({})",
        figures.mid_write,
        figures.new,
        clock.describe()
    );
    println!(
        "crash_kill save: {kill} kills of a child saving a {} byte project ({}); the file held the old version {} \
         times and the new one {} times (initial {}, A {}, B {}); {} kills before a write, {} \
         mid-write (temp files left: {} partial, {} complete, {} backup copies), {} after the \
         rename; the children completed {} saves; {:.1} s",
        bytes[A].len(),
        clock.describe(),
        figures.old,
        figures.new,
        figures.held[INITIAL],
        figures.held[A],
        figures.held[B],
        figures.before_write,
        figures.mid_write,
        figures.partial_temps,
        figures.complete_temps,
        figures.backup_temps,
        figures.new,
        figures.saves_completed,
        started.elapsed().as_secs_f64()
    );
}
