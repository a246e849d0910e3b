//! Watching one file for changes without keeping the window awake: a background thread looks at
//! the file's size and modification time every few seconds and asks for a frame only when they
//! change, so an idle window draws nothing. (Polling one file's metadata is all the window
//! needs; an inotify watcher would also have to watch the folder, since saves replace the file.)

use std::{
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    thread,
    time::{Duration, SystemTime},
};

use eframe::egui::Context;

/// A thread watching the file at `path`; stops when dropped.
#[derive(Debug)]
pub struct FileWatcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl FileWatcher {
    /// Starts watching `path` every `every`, waking `ctx` when the file's size or modification
    /// time changes (or it appears or goes).
    #[must_use]
    pub fn start(path: &Path, ctx: &Context, every: Duration) -> Self {
        let changed = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let watcher = Self {
            path: path.to_owned(),
            changed: Arc::clone(&changed),
            stop: Arc::clone(&stop),
        };
        let path = path.to_owned();
        let ctx = ctx.clone();
        let spawned = thread::Builder::new()
            .name("marginalia-file-watcher".into())
            .spawn(move || {
                let mut seen = state(&path);
                while !stop.load(Ordering::Relaxed) {
                    thread::sleep(every);
                    let now = state(&path);
                    if now != seen {
                        seen = now;
                        changed.store(true, Ordering::Relaxed);
                        ctx.request_repaint();
                    }
                }
            });
        // Without the thread, the window still looks at the file on the frames it draws.
        drop(spawned);
        watcher
    }

    /// The file watched.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file changed since this was last asked.
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

impl Drop for FileWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The size and modification time of the file at `path`, if it is there.
#[must_use]
pub fn state(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_to_the_file_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, "one").unwrap();
        let ctx = Context::default();
        let watcher = FileWatcher::start(&path, &ctx, Duration::from_millis(10));
        thread::sleep(Duration::from_millis(50));
        assert!(!watcher.take_change(), "nothing changed yet");
        std::fs::write(&path, "two, longer").unwrap();
        let waited = std::time::Instant::now();
        while !watcher.take_change() {
            assert!(
                waited.elapsed() < Duration::from_secs(5),
                "the change is noticed"
            );
            thread::sleep(Duration::from_millis(10));
        }
        assert!(!watcher.take_change(), "reported once");
        assert_eq!(watcher.path(), path);
    }
}
