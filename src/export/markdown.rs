//! Export as markdown (being written).

use super::{ExportError, ExportOptions, Output, Scope};

/// Renders the scope.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = (scope, options);
    todo!()
}
