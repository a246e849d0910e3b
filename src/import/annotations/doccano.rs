//! Reading doccano annotations (being written).

use std::path::Path;

use super::{AnnotationImportError, ForeignSet, UnitChoice};

/// Reads `path`.
pub fn read(path: &Path, units: UnitChoice) -> Result<ForeignSet, AnnotationImportError> {
    let _ = (path, units);
    todo!()
}
