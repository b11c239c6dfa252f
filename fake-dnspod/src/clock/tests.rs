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
