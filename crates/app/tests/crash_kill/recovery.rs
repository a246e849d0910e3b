//! The recovery kill test: a child opens a 5 MB project as the window does, edits it through
//! the edit API and keeps recovery copies through the window's own `workspace::Recovery` (its
//! schedule with no wait between copies, its writing under the project's lock); whenever it is
//! killed, restarting through the same `Recovery` (and, now and then, in the real window)
//! restores every edit it reported written.

use std::{
    ffi::OsStr,
    fs,
    path::{Path, PathBuf},
    thread,
    time::{Duration, Instant},
};

use eframe::egui::vec2;
use egui_kittest::{Harness, kittest::Queryable};
use marginalia::{
    model::{Edit, Editor, Project, Span, edit::new_annotation},
    store,
    ui::{AppConfig, MarginaliaApp, Start, dialogs::modals::Modal, prefs::Prefs},
    workspace::{Recovery, RecoveryTick, Workspace},
};
use marginalia_testkit::workload::{self, Rng};

use super::{
    CHILD_LIMIT, DATA_VAR, FILE_VAR, KILLS, MAX_KILLS, MIN_AT_EACH_MOMENT, NEVER_SAVED_VAR,
    WriteClock, crash_dir, take_leftovers, var,
};
use crate::common::{
    NOW,
    child::{self, Running},
};

/// The size of the recovery test's project.
fn recovery_base() -> Project {
    let size = workload::SIZES[2];
    workload::two_analysts(size.bytes, size.annotations, workload::SEED).0
}

/// The child's `n`th edit (0-based): a new annotation `crash-N` over one to three words.
fn edit(project: &Project, words: &[Span], n: usize) -> Edit {
    let first = (n * 7919 + 13) % (words.len() - 3);
    let span = Span::new(words[first].start, words[first + n % 3].end);
    let label = ["claim", "source", "norm"][n % 3];
    let mut annotation = new_annotation(project, "d-1", span, label, NOW).expect("d-1 exists");
    annotation.id = format!("crash-{n}");
    annotation.note = format!("Edit {n} before the crash.");
    Edit::AddAnnotation {
        doc: "d-1".to_owned(),
        annotation,
    }
}

/// `base` with the child's first `edits` edits.
fn edited(base: &Project, edits: usize) -> Project {
    let words = workload::word_spans(base.documents()[0].text());
    let mut editor = Editor::new(base.clone());
    for n in 0..edits {
        let edit = edit(editor.project(), &words, n);
        editor.apply(edit, NOW).expect("the edit applies");
    }
    editor.into_project()
}

/// The child: opens the project as the window does (or, for a project never saved, holds it
/// as the window holds a restored copy of one: unsaved, with no file), edits it through the
/// edit API, and after each edit lets the window's `Recovery` write its copy (the schedule of
/// `MarginaliaApp::tick_recovery` with no wait between copies), reporting `writing N` before
/// and `recovery-written N MS` once the copy is written (MS: how long it took).
#[test]
fn child_editing_with_recovery_copies() {
    if child::role().as_deref() != Some("recovery") {
        return;
    }
    let file = var(FILE_VAR);
    let data_dir = var(DATA_VAR);
    let mut workspace = if std::env::var_os(NEVER_SAVED_VAR).is_some() {
        let loaded = store::load(&file).expect("the project loads");
        Workspace::unsaved(loaded.project, None)
    } else {
        Workspace::open(&file).expect("the project opens").workspace
    };
    let mut recovery = Recovery::new(data_dir);
    let words = workload::word_spans(workspace.project().documents()[0].text());
    child::report("ready");
    let started = Instant::now();
    for n in 0.. {
        if started.elapsed() > CHILD_LIMIT {
            break;
        }
        let edit = edit(workspace.project(), &words, n);
        workspace
            .editor_mut()
            .apply(edit, NOW)
            .expect("the edit applies");
        assert!(workspace.is_dirty());
        child::report(&format!("writing {}", n + 1));
        let write_started = Instant::now();
        let tick = recovery.tick(&workspace, Duration::ZERO, Instant::now());
        assert!(matches!(tick, RecoveryTick::Written(_)), "{tick:?}");
        let ms = write_started.elapsed().as_secs_f64() * 1000.0;
        child::report(&format!("recovery-written {} {ms:.3}", n + 1));
    }
}

/// Restarts as the window does (`open_at_start`): opens the project file (or, for a project
/// never saved, starts with an empty one as when nothing opens), asks the window's `Recovery`
/// for the pending copy of the open project or else of a project never saved
/// (`offer_recovery`, `offer_unsaved_recovery`) and restores it through it
/// (`restore_recovery`). Returns the workspace and the copy restored, if one was.
fn restart(file: &Path, data_dir: &Path, never_saved: bool) -> (Workspace, Option<PathBuf>) {
    let opened = if never_saved {
        Workspace::empty("", NOW)
    } else {
        Workspace::open(file)
            .expect("the project file opens")
            .workspace
    };
    let recovery = Recovery::new(data_dir.to_owned());
    let pending = recovery
        .pending(&opened)
        .or_else(|| recovery.pending_never_saved());
    let Some(pending) = pending else {
        return (opened, None);
    };
    let restored = recovery
        .restore(&opened, &pending.path)
        .expect("the recovery copy restores");
    (restored, Some(pending.path))
}

/// The same restart in the real window, for a pending copy: opened headless (on the project
/// file, or as it starts with no file named), the recovery offer accepted with a click on
/// Restore. Returns the project the window then holds.
fn restart_in_window(file: &Path, data_dir: &Path, never_saved: bool) -> Project {
    let config = AppConfig {
        data_dir: data_dir.to_owned(),
        recovery_interval: Duration::from_secs(30),
        native_dialogs: false,
    };
    let start = if never_saved {
        Start::Remembered
    } else {
        Start::Path(file.to_owned())
    };
    let mut app = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |_cc| MarginaliaApp::with_prefs(start, config, Prefs::default()));
    app.run_steps(3);
    let offered = matches!(app.state().modal(), Some(Modal::Recovery { .. }));
    assert!(offered, "the window offers the recovery copy");
    app.get_by_label("Restore").click();
    app.run_steps(2);
    let workspace = app.state().workspace();
    assert!(workspace.is_dirty(), "restored work needs saving");
    assert_eq!(workspace.file().is_none(), never_saved);
    app.state().workspace().project().clone()
}

/// What the recovery test saw, printed at the end.
#[derive(Debug, Default)]
struct RecoveryFigures {
    /// The copy held exactly the reported edits / one more (written, not yet reported).
    as_reported: usize,
    one_more: usize,
    /// Kills before the first copy was written: nothing to offer, the project as saved.
    no_copy: usize,
    /// Kills with a temporary file left: a copy was being written (over an earlier one).
    mid_write: usize,
    mid_write_over_copy: usize,
    most_edits: usize,
    /// Restarts checked in the real window too, and how long they took.
    in_window: usize,
    window_time: Duration,
}

#[test]
fn a_recovery_copy_killed_at_any_point_restores_every_reported_edit() {
    let started = Instant::now();
    let base = recovery_base();
    let dir = crash_dir("recovery");
    let file = dir.path().join("study.ron");
    let data_dir = dir.path().join("data");
    store::save(&base, &file).expect("the project is saved");
    let project_bytes = fs::read(&file).expect("reads");

    let scratch = dir.path().join("calibrate.ron.recovery");
    let mut clock = WriteClock::measure(
        || drop(store::to_ron(&base)),
        || store::write_recovery(&base, &scratch).expect("written"),
    );
    store::remove_recovery(&scratch).expect("scratch removed");

    let mut rng = Rng::new(workload::SEED ^ 0x2EC0);
    let mut figures = RecoveryFigures::default();
    let mut kill = 0;
    // The moments that matter: mid-write over an earlier copy (a temporary file left while a
    // copy holds the work so far), and a copy holding one more edit than was reported (killed
    // after the rename, before the report).
    let met = |f: &RecoveryFigures| {
        f.mid_write_over_copy >= MIN_AT_EACH_MOMENT && f.one_more >= MIN_AT_EACH_MOMENT
    };
    while kill < KILLS || (!met(&figures) && kill < MAX_KILLS) {
        let never_saved = kill % 2 == 1;
        let mut vars = vec![
            (FILE_VAR, file.as_os_str()),
            (DATA_VAR, data_dir.as_os_str()),
        ];
        if never_saved {
            vars.push((NEVER_SAVED_VAR, OsStr::new("1")));
        }
        let mut run = Running::start(
            "recovery::child_editing_with_recovery_copies",
            "recovery",
            &vars,
        );
        run.wait_for("ready");
        run.wait_for(&format!("writing {}", rng.below(1..3)));
        thread::sleep(clock.kill_delay(&mut rng, kill));
        let (lines, status) = run.kill();
        assert!(child::killed_by_sigkill(status), "kill {kill}: {status}");
        clock.learn(&lines, "recovery-written ");
        let reported = lines
            .iter()
            .filter_map(|l| l.strip_prefix("recovery-written "))
            .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
            .max()
            .unwrap_or(0);

        let (workspace, restored) = restart(&file, &data_dir, never_saved);
        let recovered = workspace.project();
        let edits = recovered.documents().first().map_or(0, |d| {
            let annotations = d.annotations().iter();
            annotations.filter(|a| a.id.starts_with("crash-")).count()
        });
        assert!(
            edits == reported || edits == reported + 1,
            "kill {kill}: {reported} edits reported written, {edits} recovered"
        );
        match &restored {
            Some(_) => {
                assert!(
                    *recovered == edited(&base, edits),
                    "kill {kill}: the copy is exact"
                );
                assert!(workspace.is_dirty(), "restored work needs saving");
                assert_eq!(workspace.file().is_none(), never_saved);
                if edits == reported {
                    figures.as_reported += 1;
                } else {
                    figures.one_more += 1;
                }
                if kill % 25 < 2 {
                    let window_started = Instant::now();
                    let in_window = restart_in_window(&file, &data_dir, never_saved);
                    figures.window_time += window_started.elapsed();
                    assert!(
                        in_window == *recovered,
                        "kill {kill}: the window restores it too"
                    );
                    figures.in_window += 1;
                }
            }
            None => {
                assert_eq!(reported, 0, "kill {kill}: a written copy was not offered");
                if !never_saved {
                    assert!(*recovered == base, "kill {kill}: the project as saved");
                }
                figures.no_copy += 1;
            }
        }
        figures.most_edits = figures.most_edits.max(edits);
        let unchanged = fs::read(&file).expect("reads") == project_bytes;
        assert!(unchanged, "kill {kill}: the project file is never written");

        if let Some(copy) = restored {
            store::remove_recovery(&copy).expect("copy removed");
        }
        let leftovers = take_leftovers(dir.path(), &[&file, &data_dir]);
        let data_leftovers = if data_dir.is_dir() {
            take_leftovers(&data_dir, &[])
        } else {
            Vec::new()
        };
        if !leftovers.is_empty() || !data_leftovers.is_empty() {
            figures.mid_write += 1;
            figures.mid_write_over_copy += usize::from(reported > 0);
        }
        kill += 1;
    }
    assert!(
        met(&figures),
        "after {kill} kills only {} landed mid-write over an earlier copy and {} after a copy's \
         rename (at least {MIN_AT_EACH_MOMENT} of each are needed): the kills no longer reach the \
         moments that matter ({})",
        figures.mid_write_over_copy,
        figures.one_more,
        clock.describe()
    );
    println!(
        "crash_kill recovery: {kill} kills of a child writing recovery copies of a {} byte \
         project ({}); the restored \
         copy held exactly the reported edits {} times and one more {} times; no copy yet {} \
         times; {} kills hit mid-write ({} over an earlier copy); up to {} edits recovered; {} restarts in the window too \
         ({:.1} s); {:.1} s",
        project_bytes.len(),
        clock.describe(),
        figures.as_reported,
        figures.one_more,
        figures.no_copy,
        figures.mid_write,
        figures.mid_write_over_copy,
        figures.most_edits,
        figures.in_window,
        figures.window_time.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
