//! Project files: RON text, atomic saves with backups under an advisory lock, the disk stamp that
//! tells whether another program changed a file, recovery copies, and loading with full
//! validation.

mod disk_stamp;
mod error;
mod load;
mod lock;
mod recovery;
mod ron_format;
mod save;

pub use disk_stamp::DiskStamp;
pub use error::{LoadError, LocatedProblem, SaveError};
pub use load::{Loaded, MAX_PROJECT_ANNOTATIONS, MAX_PROJECT_BYTES, load, load_bytes, load_str};
pub use lock::{LOCK_WAIT, ProjectLock, lock_path};
pub use recovery::{
    PendingRecovery, UNSAVED_RECOVERY_NAME, pending_recovery, recovery_path, remove_recovery,
    write_recovery,
};
pub use ron_format::{MAX_NESTING, to_ron};
pub use save::{
    Allow, backup_path, save, save_checked, write_atomically, write_replacing, write_target,
};
