//! Exports to files that are not regular files: standard output (`-o -`), a pipe and a character
//! device are written into, never replaced by a regular file; a project is never saved over one.
#![cfg(unix)]

mod common;

use std::{fs, os::unix::fs::FileTypeExt, path::Path, process::Command};

use common::{marginalia, text};

fn sample() -> std::path::PathBuf {
    marginalia_testkit::fixture("small-sample.ron")
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_dash_writes_the_export_to_standard_output_and_the_report_to_standard_error() {
    let output = marginalia(&[&"export", &sample(), &"-f", &"csv", &"-o", &"-"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    assert!(csv.starts_with("document,annotation_id,"), "{csv}");
    assert!(
        text(&output.stderr).contains("cannot carry"),
        "the report goes to stderr"
    );

    let brat = marginalia(&[&"export", &sample(), &"-f", &"brat", &"-o", &"-"]);
    assert!(!brat.status.success());
    assert!(
        text(&brat.stderr).contains("folder of files"),
        "{}",
        text(&brat.stderr)
    );
}

#[test]
fn an_export_into_a_pipe_is_written_into_it_and_the_pipe_stays() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.csv");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let output = marginalia(&[&"export", &sample(), &"-f", &"csv", &"-o", &fifo]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let read = text(&reader.join().unwrap());
    assert!(read.starts_with("document,annotation_id,"), "{read}");
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a pipe"
    );
}

#[test]
fn an_export_into_a_character_device_leaves_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    // A device node of /dev/null's kind (1, 3): only root may make one.
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot make a device node here (not root)");
        return;
    }
    let output = marginalia(&[&"export", &sample(), &"-f", &"json", &"-o", &null]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        fs::metadata(&null).unwrap().file_type().is_char_device(),
        "still a device"
    );
}

#[test]
fn a_project_is_never_saved_over_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("p.ron");
    mkfifo(&fifo);
    let project = marginalia::store::load(&sample()).unwrap().project;
    let error = marginalia::store::save(&project, &fifo)
        .unwrap_err()
        .to_string();
    assert!(error.contains("not a regular file"), "{error}");
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a pipe"
    );
}

#[test]
fn a_project_that_never_ends_is_refused_at_the_size_limit() {
    let started = std::time::Instant::now();
    let output = marginalia(&[&"check", &"/dev/zero"]);
    assert!(!output.status.success());
    let error = text(&output.stderr);
    assert!(error.contains("more than the"), "{error}");
    assert!(
        started.elapsed().as_secs() < 10,
        "refused at the limit, not after"
    );
}
