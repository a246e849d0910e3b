//! Project files: RON text, atomic saves with backups, recovery copies, and loading with full
//! validation.

mod error;
mod load;
mod recovery;
mod ron_format;
mod save;

pub use error::{LoadError, LocatedProblem, SaveError};
pub use load::{Loaded, MAX_PROJECT_ANNOTATIONS, MAX_PROJECT_BYTES, load, load_bytes, load_str};
pub use recovery::{
    PendingRecovery, UNSAVED_RECOVERY_NAME, pending_recovery, recovery_path, remove_recovery,
    write_recovery,
};
pub use ron_format::{MAX_NESTING, to_ron};
pub use save::{backup_path, save, write_atomically, write_replacing};
