//! Export as conll (being written).

use super::{ExportError, ExportOptions, Output, Scope};

/// Renders the scope.
pub fn export(scope: &Scope, options: &ExportOptions) -> Result<Output, ExportError> {
    let _ = (scope, options);
    todo!()
}

/// Number of annotations whose start or end falls inside a token.
#[must_use]
pub fn boundaries_inside_tokens(scope: &Scope) -> usize {
    let _ = scope;
    todo!()
}
