//! The current time as the RFC 3339 UTC strings stored in project files.

use time::{OffsetDateTime, format_description::well_known::Rfc3339};

/// Now, as RFC 3339 UTC with whole seconds (e.g. `2026-11-26T09:30:00Z`).
#[must_use]
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&Rfc3339)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00Z"))
}
