//! The bundled sample project: where it lives in a source checkout.

use std::path::{Path, PathBuf};

/// Where the bundled sample project lives in a source checkout (`projects/` at the repository's
/// root): what the window opens the first time. An installed copy may have none, and then the
/// window opens empty.
#[must_use]
pub fn sample_project_path() -> PathBuf {
    let app_crate = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repository = app_crate.ancestors().nth(2).unwrap_or(app_crate);
    repository.join("projects/cyber-norms-sample.ron")
}
