//! Project files: RON text, atomic saves with backups, and loading with full validation.

mod error;
mod load;
mod ron_format;
mod save;

pub use error::{LoadError, LocatedProblem, SaveError};
pub use load::{Loaded, MAX_PROJECT_BYTES, load, load_str};
pub use ron_format::{MAX_NESTING, to_ron};
pub use save::{backup_path, save, write_atomically};
