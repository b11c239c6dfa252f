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
mod tests {
    use super::{format_unix, http_date, utc_date};

    #[test]
    fn formats_beijing_time() {
        assert_eq!(format_unix(0), "1970-01-01 08:00:00");
        // 2015-09-08 10:37:01 UTC, the vendor's Batch.Detail example.
        assert_eq!(format_unix(1_441_708_621), "2015-09-08 18:37:01");
        // A leap day, and the UTC+8 shift across midnight and a year end.
        assert_eq!(format_unix(1_709_164_800), "2024-02-29 08:00:00");
        assert_eq!(format_unix(1_735_660_800), "2025-01-01 00:00:00");
    }

    #[test]
    fn formats_utc_dates_for_api_3() {
        assert_eq!(utc_date(1_704_067_199), "2023-12-31");
        assert_eq!(http_date(1_700_000_000), "Tue, 14 Nov 2023 22:13:20 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
