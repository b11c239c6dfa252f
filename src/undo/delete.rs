//! The undo of a record-delete operation: each record it deleted created again (with a
//! new ID) from what its history line kept of it, checked like flag input, as the
//! history is untrusted; unless the account has it again.

use crate::escape::visible;
use crate::job::{AccountRecord, Before, RecordSpec};
use rust_i18n::t;
use std::collections::HashSet;

/// Of the records a line kept (`kept`), those its part is known to have deleted:
/// `deleted` (the calls done, or the items the job's detail lists as ok) that the line's
/// spec also names.
pub(crate) fn deleted<'a>(
    kept: &'a [Before],
    named: &[u64],
    deleted: &HashSet<u64>,
) -> impl Iterator<Item = &'a Before> {
    let named: HashSet<u64> = named.iter().copied().collect();
    kept.iter()
        .filter(move |b| named.contains(&b.record_id) && deleted.contains(&b.record_id))
}

/// The spec that creates `record` again, or why it cannot be (`record 7 of a.cn: ...`):
/// a field the line left out, or one that fails the checks flag input gets.
pub(crate) fn recreate(record: &Before) -> Result<RecordSpec, String> {
    let why = |what: String| {
        t!(
            "undo.not_created_again",
            id = record.record_id,
            domain = visible(&record.domain),
            why = what
        )
        .into_owned()
    };
    let field = |value: &Option<String>, name: &str| {
        value
            .clone()
            .ok_or_else(|| why(t!("undo.history_lacks", field = name).into_owned()))
    };
    RecordSpec {
        host: field(&record.host, "host")?,
        record_type: field(&record.record_type, "type")?,
        line: field(&record.line, "line")?,
        value: field(&record.value, "value")?,
        ttl: record
            .ttl
            .ok_or_else(|| why(t!("undo.history_lacks", field = "TTL").into_owned()))?,
        mx: record.mx,
    }
    .checked()
    .map_err(|err| why(t!("undo.copy_not_a_record", why = visible(&err)).into_owned()))
}

/// Whether the account lists `spec` again among `now` (a domain's records).
pub(crate) fn there_again(spec: &RecordSpec, now: &[AccountRecord]) -> bool {
    now.iter().any(|record| spec.matches(&record.fields()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(id: u64) -> Before {
        Before {
            domain: "a.cn".into(),
            record_id: id,
            host: Some("www".into()),
            record_type: Some("A".into()),
            line: Some("默认".into()),
            value: Some("192.0.2.7".into()),
            ttl: Some(600),
            mx: None,
            enabled: Some(true),
            weight: None,
            remark: None,
        }
    }

    #[test]
    fn only_records_the_spec_names_and_the_part_deleted_are_created_again() {
        let lines = [kept(1), kept(2), kept(3)];
        let done: HashSet<u64> = [1, 3, 9].into();
        let ids: Vec<u64> = deleted(&lines, &[1, 2], &done)
            .map(|b| b.record_id)
            .collect();
        assert_eq!(ids, [1]);
    }

    #[test]
    fn a_kept_record_is_checked_like_flag_input() {
        let spec = recreate(&kept(1)).unwrap();
        assert_eq!(
            (spec.host.as_str(), spec.value.as_str()),
            ("www", "192.0.2.7")
        );
        let bad = Before {
            value: Some("not-an-address".into()),
            ..kept(4)
        };
        let err = recreate(&bad).unwrap_err();
        assert!(
            err.starts_with("record 4 of a.cn: the history's copy"),
            "{err}"
        );
        let partial = Before {
            ttl: None,
            ..kept(5)
        };
        assert!(recreate(&partial).unwrap_err().contains("no TTL"));
    }
}
