//! Vendor-style timestamps ("2015-09-08 18:37:01", Beijing time), API 3.0's UTC dates
//! and HTTP `Date` headers.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time as the vendor writes it.
pub(crate) fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    format_unix(secs)
}

/// `secs` formatted with `strftime`'s `format`, `offset` seconds east of UTC.
fn format(secs: u64, offset: i64, format: &str) -> String {
    let at = i64::try_from(secs)
        .ok()
        .and_then(|secs| jiff::Timestamp::from_second(secs.saturating_add(offset)).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    at.strftime(format).to_string()
}

/// These Unix seconds as the vendor writes them: China Standard Time, UTC+8, no daylight
/// saving.
pub(crate) fn format_unix(secs: u64) -> String {
    format(secs, 8 * 3600, "%Y-%m-%d %H:%M:%S")
}

/// The UTC date of these Unix seconds, `YYYY-MM-DD`: API 3.0's credential scope.
pub(crate) fn utc_date(secs: u64) -> String {
    format(secs, 0, "%Y-%m-%d")
}

/// These Unix seconds as an HTTP `Date` header, which API 3.0 clients read the server's
/// clock from.
pub(crate) fn http_date(secs: u64) -> String {
    format(secs, 0, "%a, %d %b %Y %H:%M:%S GMT")
}

#[cfg(test)]
mod tests;
