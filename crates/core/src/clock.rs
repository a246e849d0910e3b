//! The current time as the RFC 3339 UTC strings stored in project files, and moments written
//! for people.

use time::{OffsetDateTime, format_description::well_known::Rfc3339};

/// Now, as RFC 3339 UTC with whole seconds (e.g. `2026-11-26T09:30:00Z`).
#[must_use]
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&Rfc3339)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00Z"))
}

/// A moment for people to read, in UTC: `2026-11-26 09:30:05 UTC`.
#[must_use]
pub fn for_people(moment: std::time::SystemTime) -> String {
    let at = OffsetDateTime::from(moment);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn moments_read_as_utc_dates() {
        let moment = UNIX_EPOCH + Duration::from_secs(86_400 + 3_661);
        assert_eq!(super::for_people(moment), "1970-01-02 01:01:01 UTC");
    }
}
