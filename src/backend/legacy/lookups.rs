//! The answers of the read-only look-ups that turn names into IDs: Domain.Info,
//! Domain.List and Record.List, read as tolerantly as the batch answers.

use super::wire::{Answer, Status};
use crate::de;
use crate::job::AccountRecord;
use compact_str::CompactString;
use serde::Deserialize;

/// A domain of the account; `id` is a string in Domain.Info and a number in Domain.List.
#[derive(Deserialize, Debug, Clone)]
pub(crate) struct AccountDomain {
    #[serde(deserialize_with = "de::u64_lenient")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub name: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub punycode: Option<CompactString>,
}

#[derive(Deserialize, Debug)]
pub(crate) struct DomainInfoAnswer {
    pub status: Status,
    pub domain: AccountDomain,
}

#[derive(Deserialize, Debug, Default)]
pub(crate) struct ListInfo {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub domain_total: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub record_total: Option<u64>,
}

#[derive(Deserialize, Debug)]
pub(crate) struct DomainListAnswer {
    pub status: Status,
    #[serde(default)]
    pub info: ListInfo,
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub domains: Vec<AccountDomain>,
}

/// A record of a domain as Record.List sends it.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct RecordRow {
    #[serde(deserialize_with = "de::u64_lenient")]
    pub id: u64,
    /// The host, `@` for the apex.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub name: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub line: Option<CompactString>,
    #[serde(rename = "type", default, deserialize_with = "de::opt_text")]
    pub record_type: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub ttl: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub value: Option<CompactString>,
    /// `0` for records other than MX.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub mx: Option<u64>,
    /// `null` when the record has none.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub weight: Option<u64>,
    /// `"1"` on, `"0"` paused.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub enabled: Option<CompactString>,
    /// `""` or `false` when the record has none.
    #[serde(default, deserialize_with = "de::opt_remark")]
    pub remark: Option<CompactString>,
    /// `"hold"` on DNSPod's own NS records; absent on the others.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub hold: Option<CompactString>,
}

impl RecordRow {
    /// The record in dpbatch's terms (`mx: "0"` on other types is dropped by
    /// [`AccountRecord::normalised`]).
    pub(crate) fn into_record(self) -> AccountRecord {
        AccountRecord {
            id: self.id,
            host: self.name,
            line: self.line,
            record_type: self.record_type,
            ttl: self.ttl,
            value: self.value,
            mx: self.mx,
            weight: self.weight,
            enabled: self.enabled.as_deref() != Some("0"),
            remark: self.remark,
            system: self
                .hold
                .is_some_and(|h| h.trim().eq_ignore_ascii_case("hold")),
        }
        .normalised()
    }
}

#[derive(Deserialize, Debug)]
pub(crate) struct RecordListAnswer {
    pub status: Status,
    #[serde(default)]
    pub info: ListInfo,
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub records: Vec<RecordRow>,
}

macro_rules! answer {
    ($($t:ty),*) => {$(
        impl Answer for $t {
            fn status(&self) -> &Status {
                &self.status
            }
        }
    )*};
}

answer!(DomainInfoAnswer, DomainListAnswer, RecordListAnswer);

#[cfg(test)]
mod real_shapes;

#[cfg(test)]
mod tests {
    use super::*;

    // The vendor's documented examples, with their mixed types.
    #[test]
    fn domain_info_takes_its_id_as_a_string() {
        let body = r#"{"status": {"code": "1", "message": "ok", "created_at": "2015-01-18 17:06:40"},
            "domain": {"id": "2238269", "name": "我们.cn", "punycode": "xn--vnqp08b.cn", "grade": "D_Free",
                       "status": "enable", "ext_status": "dnserror", "records": "4", "ttl": "300", "owner": "api@dnspod.com"}}"#;
        let answer: DomainInfoAnswer = serde_json::from_str(body).unwrap();
        assert_eq!(answer.domain.id, 2238269);
        assert_eq!(answer.domain.punycode.as_deref(), Some("xn--vnqp08b.cn"));
    }

    #[test]
    fn domain_list_takes_ids_as_numbers_and_a_total() {
        let body = r#"{"status": {"code": "1"}, "info": {"domain_total": 2, "all_total": 2, "mine_total": 2},
            "domains": [{"id": 2238269, "name": "我们.cn", "punycode": "xn--vnqp08b.cn", "status": "enable",
                         "grade": "D_Free", "ttl": "300", "records": "4"}]}"#;
        let answer: DomainListAnswer = serde_json::from_str(body).unwrap();
        assert_eq!(answer.info.domain_total, Some(2));
        assert_eq!(answer.domains[0].id, 2238269);
    }

    #[test]
    fn record_list_reads_strings_as_numbers() {
        let body = r#"{"status": {"code": "1"},
            "domain": {"id": 9842292, "name": "yizerowu.com", "punycode": "yizerowu.com", "grade": "DP_Free", "ttl": 600},
            "info": {"sub_domains": "12", "record_total": "2"},
            "records": [{"id": "44146112", "name": "www", "line": "联通", "line_id": "10=1", "type": "A",
                         "ttl": "600", "value": "12.3.3.3", "weight": null, "mx": "0", "enabled": "1",
                         "status": "enabled", "remark": "", "updated_on": "2016-08-12 17:07:05"}]}"#;
        let answer: RecordListAnswer = serde_json::from_str(body).unwrap();
        assert_eq!(answer.info.record_total, Some(2));
        let record = &answer.records[0];
        assert_eq!(
            (record.id, record.ttl, record.mx),
            (44146112, Some(600), Some(0))
        );
        assert_eq!(record.record_type.as_deref(), Some("A"));
        assert_eq!(record.remark, None, "an empty remark is none");
    }

    #[test]
    fn only_a_held_ns_record_at_the_apex_is_dnspods() {
        let row = |name: &str, record_type: &str, hold: &str| {
            let body = format!(r#"{{"id": "1", "name": "{name}", "type": "{record_type}"{hold}}}"#);
            serde_json::from_str::<RecordRow>(&body)
                .unwrap()
                .into_record()
                .system
        };
        assert!(row("@", "NS", r#", "hold": "hold""#));
        assert!(row("@", "ns", r#", "hold": " HOLD ""#));
        for (name, record_type, hold) in [
            ("@", "NS", ""),
            ("@", "NS", r#", "hold": """#),
            ("@", "NS", r#", "hold": null"#),
            ("@", "NS", r#", "hold": "no""#),
            ("@", "NS", r#", "hold": 1"#),
            ("@", "A", r#", "hold": "hold""#),
            ("sub", "NS", r#", "hold": "hold""#),
        ] {
            assert!(!row(name, record_type, hold), "{name} {record_type} {hold}");
        }
    }
}
