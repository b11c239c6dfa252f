//! What the legacy API's refusal codes mean: the only place that reads them. The message
//! beside a code is never read: its text changed over the years and with the language.

use super::wire::Action;
use crate::error::{Hint, RefusalKind};
use rust_i18n::t;

/// What `code`, answered to `action`, means, and the next step to suggest.
pub(crate) fn classify(action: Action, code: &str) -> (RefusalKind, Option<Hint>) {
    use RefusalKind::*;
    match code {
        // The documented code for a failed login, and what the real server answers to a
        // token it does not know.
        "-1" | "10002" => (Auth, Some(t!("hint.legacy_token"))),
        "-2" => (RateLimited, Some(t!("hint.legacy_rate"))),
        "-7" => (Auth, Some(t!("hint.legacy_permission"))),
        "-8" => (Locked, Some(t!("hint.legacy_banned"))),
        "-99" => (Locked, Some(t!("hint.legacy_paused"))),
        "83" => (Locked, Some(t!("hint.legacy_locked"))),
        "85" => (Auth, Some(t!("hint.legacy_region"))),
        "8" if action == Action::Detail => (NotFound, Some(t!("hint.legacy_no_job"))),
        // Record.Remove's documented codes: 8 "record ID error", 6 "domain ID error".
        "8" if matches!(
            action,
            Action::RecordRemove | Action::RecordModifyOne | Action::RecordRemark
        ) =>
        {
            (NotFound, Some(t!("hint.legacy_record_gone")))
        }
        "6" if action == Action::RecordRemove => (NotFound, Some(t!("hint.legacy_no_domain"))),
        code if not_in_account(action, code) => (NotFound, None),
        _ => (Other, None),
    }
}

/// Whether a look-up's refusal says the domain is not in this account (for Domain.List:
/// that the account holds none). The vendor documents 6 and 8 for Domain.Info, 9 for
/// Domain.List, 6 and 9 for Record.List, yet the real server answers 13 in Domain.Info
/// and adjusted its codes in 2019: every look-up takes all four.
pub(crate) fn not_in_account(action: Action, code: &str) -> bool {
    matches!(
        action,
        Action::DomainInfo | Action::DomainList | Action::RecordList
    ) && matches!(code, "6" | "8" | "9" | "13")
}

/// Record.List's answer for a domain without records (unless `error_on_empty=no`).
pub(crate) fn is_empty_list(action: Action, code: &str) -> bool {
    action == Action::RecordList && code == "10"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_login_codes_are_auth_failures_with_the_token_hint() {
        for code in ["-1", "10002"] {
            let (kind, hint) = classify(Action::Detail, code);
            assert_eq!(kind, RefusalKind::Auth);
            assert!(hint.unwrap().contains("token"));
        }
    }

    #[test]
    fn eight_is_no_such_job_in_a_detail_and_not_in_account_in_a_look_up() {
        assert_eq!(classify(Action::Detail, "8").0, RefusalKind::NotFound);
        assert!(classify(Action::Detail, "8").1.unwrap().contains("job id"));
        for action in [Action::DomainInfo, Action::DomainList, Action::RecordList] {
            for code in ["6", "8", "9", "13"] {
                assert!(not_in_account(action, code), "{action:?} {code}");
            }
            assert!(!not_in_account(action, "10"));
        }
        assert!(!not_in_account(Action::Detail, "13"));
        assert_eq!(classify(Action::DomainCreate, "13").0, RefusalKind::Other);
    }

    #[test]
    fn a_removal_of_a_missing_record_or_domain_is_not_found_and_logins_fail_as_anywhere() {
        for action in [Action::RecordModifyOne, Action::RecordRemark] {
            assert_eq!(classify(action, "8").0, RefusalKind::NotFound);
        }
        assert_eq!(classify(Action::RecordCreateOne, "8").0, RefusalKind::Other);
        let (kind, hint) = classify(Action::RecordRemove, "8");
        assert_eq!(kind, RefusalKind::NotFound);
        assert!(hint.unwrap().contains("deleted already"));
        let (kind, hint) = classify(Action::RecordRemove, "6");
        assert_eq!(kind, RefusalKind::NotFound);
        assert!(hint.unwrap().contains("no such domain"));
        for code in ["-1", "10002"] {
            assert_eq!(classify(Action::RecordRemove, code).0, RefusalKind::Auth);
        }
        assert_eq!(
            classify(Action::RecordRemove, "-2").0,
            RefusalKind::RateLimited
        );
        // Not a look-up: 13 and 9 say nothing of a missing domain here.
        assert_eq!(classify(Action::RecordRemove, "13").0, RefusalKind::Other);
        assert_eq!(classify(Action::DomainCreate, "6").0, RefusalKind::Other);
    }

    #[test]
    fn only_the_rate_limit_is_worth_waiting_for() {
        assert_eq!(classify(Action::Detail, "-2").0, RefusalKind::RateLimited);
        assert_eq!(classify(Action::DomainList, "26").0, RefusalKind::Other);
    }
}
