use super::*;
use crate::error::ApiRefused;
use crate::error::RefusalKind;

#[test]
fn only_passing_failures_are_transient() {
    let refused = |kind| {
        CallError::Refused(ApiRefused {
            action: "Batch.Detail",
            code: "x".into(),
            message: String::new(),
            kind,
            hint: None,
        })
    };
    assert!(refused(RefusalKind::RateLimited).is_transient());
    assert!(!refused(RefusalKind::Auth).is_transient());
    assert!(!refused(RefusalKind::NotFound).is_transient());
    let http = |status| CallError::Http {
        status,
        retry_after: None,
    };
    assert!(http(502).is_transient());
    assert!(http(429).is_transient());
    assert!(!http(404).is_transient());
    assert!(CallError::Unreadable("x".into()).is_transient());
    assert!(!CallError::Interrupted { sent: true }.is_transient());
}

#[test]
fn retry_after_is_read_in_seconds_and_bounded() {
    assert_eq!(parse_retry_after(" 60 "), Some(Duration::from_secs(60)));
    assert_eq!(parse_retry_after("99999999"), Some(MAX_RETRY_AFTER));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
}
