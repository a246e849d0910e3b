//! Real child processes for crash tests: the test binary runs one of its own tests again as a
//! child (selected by an environment variable), the child reports progress as marker lines on
//! stdout, and the parent reads them, kills the child with SIGKILL and collects what it said.

use std::{
    ffi::OsStr,
    io::{BufRead, BufReader, Write},
    process::{Child, ChildStdout, Command, ExitStatus, Stdio},
};

/// The environment variable that makes a child-only test do its work; it names the role.
pub const ROLE_VAR: &str = "MARGINALIA_CRASH_CHILD";

/// What starts every line a child reports, so the test harness's own lines are skipped.
const MARKER: &str = "crash-child: ";

/// The role this process was started for, if it is a crash-test child.
#[must_use]
pub fn role() -> Option<String> {
    std::env::var(ROLE_VAR).ok()
}

/// Reports `line` to the parent and flushes it: once this returns, the parent can read it.
pub fn report(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{MARKER}{line}").expect("the parent reads stdout");
    out.flush().expect("the parent reads stdout");
}

/// A running child: this test binary running the single test `test` in role `role`.
pub struct Running {
    child: Child,
    stdout: BufReader<ChildStdout>,
    /// Marker lines read so far.
    pub lines: Vec<String>,
}

impl Running {
    /// Starts the child with the extra environment `vars`.
    #[must_use]
    pub fn start(test: &str, role: &str, vars: &[(&str, &OsStr)]) -> Self {
        let exe = std::env::current_exe().expect("the test binary knows its path");
        let mut command = Command::new(exe);
        command
            .args([
                test,
                "--exact",
                "--nocapture",
                "--test-threads=1",
                "--quiet",
            ])
            .env(ROLE_VAR, role)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (name, value) in vars {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the child starts");
        let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        Self {
            child,
            stdout,
            lines: Vec::new(),
        }
    }

    /// The next marker line, or `None` once the child has closed its stdout.
    fn next_line(&mut self) -> Option<String> {
        let mut line = String::new();
        loop {
            line.clear();
            let read = self
                .stdout
                .read_line(&mut line)
                .expect("child stdout reads");
            if read == 0 {
                return None;
            }
            if let Some(at) = line.find(MARKER) {
                let marked = line[at + MARKER.len()..].trim_end().to_owned();
                self.lines.push(marked.clone());
                return Some(marked);
            }
        }
    }

    /// Reads until the child reports `wanted`; panics if it ends first.
    pub fn wait_for(&mut self, wanted: &str) {
        while let Some(line) = self.next_line() {
            if line == wanted {
                return;
            }
        }
        let status = self.child.wait().expect("child is reaped");
        panic!(
            "the child ended ({status}) before reporting {wanted:?}: {:?}",
            self.lines
        );
    }

    /// Kills the child with SIGKILL, reaps it, reads what it reported before it died, and
    /// returns all its marker lines with its exit status.
    pub fn kill(mut self) -> (Vec<String>, ExitStatus) {
        self.child.kill().expect("SIGKILL is sent");
        let status = self.child.wait().expect("child is reaped");
        while self.next_line().is_some() {}
        (std::mem::take(&mut self.lines), status)
    }
}

impl Drop for Running {
    /// A parent that fails part-way leaves no child running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `status` is a death by SIGKILL (rather than the child finishing on its own).
#[must_use]
pub fn killed_by_sigkill(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}
