//! What API 3.0's error codes mean: the only place that reads them. Codes are dotted,
//! `Family.Detail`; a family decides unless one of its codes needs its own hint. The
//! message beside a code is never read: it changes with the language.

use super::wire::Action;
use crate::error::{Hint, RefusalKind};
use rust_i18n::t;

/// What `code`, answered to `action`, means, and the next step to suggest.
pub(crate) fn classify(action: Action, code: &str) -> (RefusalKind, Option<Hint>) {
    use RefusalKind::*;
    match code {
        "AuthFailure.SignatureExpire" => (Auth, Some(t!("hint.v3_clock"))),
        "AuthFailure.TokenFailure" => (Auth, Some(t!("hint.v3_token"))),
        "AuthFailure.UnauthorizedOperation" => (Auth, Some(t!("hint.v3_permission"))),
        c if c.starts_with("AuthFailure") => (Auth, Some(t!("hint.v3_key"))),
        c if family(c, "UnauthorizedOperation") => (Auth, Some(t!("hint.v3_permission"))),
        "IpNotInWhitelist" | "IpInBlacklist" | "OperationDenied.IPInBlacklistNotAllowed" => {
            (Auth, Some(t!("hint.v3_ip")))
        }
        "RequestLimitExceeded.BatchTaskLimit" => (RateLimited, Some(t!("hint.v3_batch_rate"))),
        c if c.starts_with("RequestLimitExceeded") => (RateLimited, Some(t!("hint.v3_rate"))),
        "FailedOperation.FrequencyLimit" => (RateLimited, Some(t!("hint.v3_rate"))),
        "InvalidParameter.BatchTaskCountLimit" | "InvalidParameter.BatchLimitUndo" => {
            (SlotsTaken, Some(t!("hint.v3_slots")))
        }
        "InvalidParameter.JobGreaterThanLimit" => (Other, Some(t!("hint.v3_job_size"))),
        "InvalidParameter.BatchTaskNotExist" | "FailedOperation.NotBatchTaskOwner" => {
            (NotFound, Some(t!("hint.v3_no_job")))
        }
        "FailedOperation.DomainIsLocked" | "FailedOperation.DomainIsSpam" => {
            (Locked, Some(t!("hint.v3_domain_locked")))
        }
        // A single-record change's "bad record ID": the record was deleted meanwhile.
        "InvalidParameter.RecordIdInvalid" if one_record(action) => {
            (NotFound, Some(t!("hint.v3_record_gone")))
        }
        c if not_in_account(action, c) => (NotFound, None),
        // A poll or a look-up that meets these is asked again; a submit that meets
        // InternalError is an unknown outcome before it gets here.
        c if family(c, "InternalError")
            || family(c, "ServiceUnavailable")
            || family(c, "ResourceUnavailable") =>
        {
            (Unavailable, None)
        }
        _ => (Other, None),
    }
}

/// Whether `action` changes one record that it names by ID.
fn one_record(action: Action) -> bool {
    matches!(action, Action::ModifyRecord | Action::DeleteRecord)
}

/// `code` is `name` or one of its `name.*` codes.
fn family(code: &str, name: &str) -> bool {
    code.strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// Whether a submit refused with `code` may still have queued a job: the server's own
/// failures say nothing about that, unlike validation, auth and limit refusals.
pub(crate) fn outcome_unknown(code: &str) -> bool {
    // An error that does not say what it is does not prove that nothing was queued.
    code.trim().is_empty()
        || family(code, "InternalError")
        || code == "FailedOperation.UnknowError"
        || (code.starts_with("InvalidParameter.") && code.ends_with("ActionError"))
}

/// Whether a look-up's refusal says the domain is not in this account (for
/// DescribeDomainList: that the account holds none).
pub(crate) fn not_in_account(action: Action, code: &str) -> bool {
    matches!(
        action,
        Action::DescribeDomain | Action::DescribeDomainList | Action::DescribeRecordList
    ) && (code == "InvalidParameterValue.DomainNotExists" || code.starts_with("ResourceNotFound."))
        && !is_empty_list(action, code)
}

/// DescribeRecordList's refusal for a domain without records (`ErrorOnEmpty` unheeded).
pub(crate) fn is_empty_list(action: Action, code: &str) -> bool {
    action == Action::DescribeRecordList && code == "ResourceNotFound.NoDataOfRecord"
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBMIT: Action = Action::CreateRecordBatch;

    #[test]
    fn a_failing_service_is_worth_polling_again() {
        for code in [
            "InternalError",
            "ServiceUnavailable",
            "ResourceUnavailable.Busy",
        ] {
            assert_eq!(
                classify(Action::DescribeBatchTask, code).0,
                RefusalKind::Unavailable
            );
        }
        assert_eq!(
            classify(Action::DescribeBatchTask, "InvalidParameter").0,
            RefusalKind::Other
        );
    }

    #[test]
    fn server_failures_leave_a_submit_unknown_and_the_rest_are_definite() {
        for code in [
            "InternalError",
            "InternalError.DbError",
            "FailedOperation.UnknowError",
            "InvalidParameter.BatchDomainCreateActionError",
            "InvalidParameter.BatchRecordCreateActionError",
            "InvalidParameter.BatchRecordModifyActionError",
            "InvalidParameter.BatchRecordRemoveActionError",
            "",
        ] {
            assert!(outcome_unknown(code), "{code}");
        }
        for code in [
            "InvalidParameter",
            "InvalidParameter.DomainsEmpty",
            "InvalidParameter.BatchRecordModifyActionInvalidValue",
            "InvalidParameter.JobGreaterThanLimit",
            "InvalidParameter.BatchTaskCountLimit",
            "InvalidParameterValue.DomainNotExists",
            "AuthFailure.SignatureFailure",
            "MissingParameter",
            "UnknownParameter",
            "RequestLimitExceeded.BatchTaskLimit",
            "LimitExceeded",
            "UnauthorizedOperation",
            "FailedOperation.DomainExists",
            "InternalErrors",
        ] {
            assert!(!outcome_unknown(code), "{code}");
        }
    }

    #[test]
    fn auth_failures_are_never_retried_and_a_late_clock_says_so() {
        let (kind, hint) = classify(SUBMIT, "AuthFailure.SignatureExpire");
        assert_eq!(kind, RefusalKind::Auth);
        assert!(hint.unwrap().contains("clock"));
        for code in [
            "AuthFailure.SignatureFailure",
            "AuthFailure.SecretIdNotFound",
            "AuthFailure.InvalidSecretId",
            "AuthFailure.TokenFailure",
            "AuthFailure.UnauthorizedOperation",
            "AuthFailure.Whatever",
            "UnauthorizedOperation",
        ] {
            assert_eq!(
                classify(Action::DescribeBatchTask, code).0,
                RefusalKind::Auth,
                "{code}"
            );
        }
        assert!(
            classify(SUBMIT, "AuthFailure.SecretIdNotFound")
                .1
                .unwrap()
                .contains("SecretId")
        );
    }

    #[test]
    fn limits_are_rate_limits_and_a_full_account_has_its_own_kind() {
        for code in [
            "RequestLimitExceeded",
            "RequestLimitExceeded.RequestLimitExceeded",
            "RequestLimitExceeded.IPLimitExceeded",
            "RequestLimitExceeded.UinLimitExceeded",
            "RequestLimitExceeded.BatchTaskLimit",
        ] {
            assert_eq!(classify(SUBMIT, code).0, RefusalKind::RateLimited, "{code}");
        }
        for code in [
            "InvalidParameter.BatchTaskCountLimit",
            "InvalidParameter.BatchLimitUndo",
        ] {
            assert_eq!(classify(SUBMIT, code).0, RefusalKind::SlotsTaken, "{code}");
        }
        assert_eq!(classify(SUBMIT, "LimitExceeded").0, RefusalKind::Other);
        assert_eq!(
            classify(SUBMIT, "InvalidParameter.JobGreaterThanLimit").0,
            RefusalKind::Other
        );
    }

    #[test]
    fn unknown_jobs_and_domains_are_not_found() {
        for code in [
            "InvalidParameter.BatchTaskNotExist",
            "FailedOperation.NotBatchTaskOwner",
        ] {
            let (kind, hint) = classify(Action::DescribeBatchTask, code);
            assert_eq!(kind, RefusalKind::NotFound);
            assert!(hint.unwrap().contains("job id"));
        }
        for action in [
            Action::DescribeDomain,
            Action::DescribeDomainList,
            Action::DescribeRecordList,
        ] {
            for code in [
                "InvalidParameterValue.DomainNotExists",
                "ResourceNotFound.NoDataOfDomain",
            ] {
                assert!(not_in_account(action, code), "{action:?} {code}");
                assert_eq!(classify(action, code).0, RefusalKind::NotFound);
            }
        }
        assert!(!not_in_account(
            Action::DescribeBatchTask,
            "InvalidParameterValue.DomainNotExists"
        ));
        assert_eq!(
            classify(SUBMIT, "InvalidParameterValue.DomainNotExists").0,
            RefusalKind::Other
        );
    }

    #[test]
    fn a_modify_of_a_record_deleted_meanwhile_finds_it_gone() {
        for action in [Action::ModifyRecord, Action::DeleteRecord] {
            let gone = classify(action, "InvalidParameter.RecordIdInvalid");
            assert_eq!(gone.0, RefusalKind::NotFound);
        }
        let bad = classify(Action::CreateRecord, "InvalidParameter.RecordIdInvalid");
        assert_eq!(bad.0, RefusalKind::Other);
    }

    #[test]
    fn no_records_is_an_empty_list_not_a_missing_domain() {
        let code = "ResourceNotFound.NoDataOfRecord";
        assert!(is_empty_list(Action::DescribeRecordList, code));
        assert!(!not_in_account(Action::DescribeRecordList, code));
        assert!(!is_empty_list(Action::DescribeDomainList, code));
    }
}
