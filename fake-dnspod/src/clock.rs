//! Vendor-style timestamps ("2015-09-08 18:37:01", Beijing time) without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time as the vendor writes it.
pub(crate) fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    format_unix(secs)
}

/// These Unix seconds as the vendor writes them.
pub(crate) fn format_unix(secs: u64) -> String {
    // DNSPod stamps China Standard Time: UTC+8, no daylight saving.
    let local = secs + 8 * 3600;
    let (days, rest) = (local / 86_400, local % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The UTC date of these Unix seconds, `YYYY-MM-DD`: API 3.0's credential scope.
pub(crate) fn utc_date(secs: u64) -> String {
    let (year, month, day) = civil_from_days(secs / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// These Unix seconds as an HTTP `Date` header, which API 3.0 clients read the server's
/// clock from.
pub(crate) fn http_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to (year, month, day): Howard Hinnant's `civil_from_days`,
/// restricted to dates after the epoch.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
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
