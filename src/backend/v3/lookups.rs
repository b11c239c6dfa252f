//! The look-ups that turn names into IDs on API 3.0: DescribeDomain, DescribeDomainList
//! and DescribeRecordList, their requests and their answers, read as loosely as the
//! batch answers.

use super::wire::{Action, Answer, ApiError, Request, answer};
use crate::backend::pager::PAGE;
use crate::de;
use crate::job::AccountRecord;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeDomain<'a> {
    domain: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeDomainList {
    offset: u64,
    limit: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeRecordList<'a> {
    domain: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subdomain: Option<&'a str>,
    offset: u64,
    limit: u64,
    /// An empty list rather than a refusal for a domain without records.
    error_on_empty: &'static str,
}

pub(crate) fn domain_request(domain: &str) -> Request {
    Request::new(Action::DescribeDomain, &DescribeDomain { domain })
}

pub(crate) fn domain_list_request(offset: u64) -> Request {
    Request::new(
        Action::DescribeDomainList,
        &DescribeDomainList {
            offset,
            limit: PAGE,
        },
    )
}

pub(crate) fn record_list_request(domain: &str, host: Option<&str>, offset: u64) -> Request {
    Request::new(
        Action::DescribeRecordList,
        &DescribeRecordList {
            domain,
            subdomain: host,
            offset,
            limit: PAGE,
            error_on_empty: "no",
        },
    )
}

/// A domain of the account; `Domain` in DescribeDomain's answer, `Name` in the list's.
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct AccountDomain {
    #[serde(deserialize_with = "de::u64_lenient")]
    pub domain_id: u64,
    #[serde(alias = "Domain", default, deserialize_with = "de::opt_text")]
    pub name: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub punycode: Option<CompactString>,
}

answer!(DomainAnswer {
    #[serde(rename = "DomainInfo")]
    pub domain: AccountDomain,
});

#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct CountInfo {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub domain_total: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub total_count: Option<u64>,
}

answer!(DomainListAnswer {
    #[serde(rename = "DomainCountInfo", default)]
    pub info: CountInfo,
    #[serde(rename = "DomainList", default, deserialize_with = "de::vec_or_null")]
    pub domains: Vec<AccountDomain>,
});

/// A record of a domain as DescribeRecordList sends it.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct RecordRow {
    #[serde(deserialize_with = "de::u64_lenient")]
    pub record_id: u64,
    /// The host, `@` for the apex.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub name: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub line: Option<CompactString>,
    #[serde(rename = "Type", default, deserialize_with = "de::opt_text")]
    pub record_type: Option<CompactString>,
    #[serde(rename = "TTL", default, deserialize_with = "de::opt_u64")]
    pub ttl: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub value: Option<CompactString>,
    #[serde(rename = "MX", default, deserialize_with = "de::opt_u64")]
    pub mx: Option<u64>,
    /// `null` when the record has none.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub weight: Option<u64>,
    /// `ENABLE` or `DISABLE`.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub status: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_remark")]
    pub remark: Option<CompactString>,
    /// `true` on DNSPod's own NS records; `false`, `null` or absent on the others.
    #[serde(rename = "DefaultNS", default, deserialize_with = "de::opt_text")]
    pub default_ns: Option<CompactString>,
}

impl RecordRow {
    /// The record in dpbatch's terms: paused only when the API says `DISABLE` (a
    /// priority on other types than MX is dropped by [`AccountRecord::normalised`]).
    pub(crate) fn into_record(self) -> AccountRecord {
        let disabled = self
            .status
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("DISABLE"));
        AccountRecord {
            id: self.record_id,
            host: self.name,
            line: self.line,
            record_type: self.record_type,
            ttl: self.ttl,
            value: self.value,
            mx: self.mx,
            weight: self.weight,
            enabled: !disabled,
            remark: self.remark,
            system: self
                .default_ns
                .is_some_and(|d| d.trim().eq_ignore_ascii_case("true")),
        }
        .normalised()
    }
}

answer!(RecordListAnswer {
    #[serde(rename = "RecordCountInfo", default)]
    pub info: CountInfo,
    #[serde(rename = "RecordList", default, deserialize_with = "de::vec_or_null")]
    pub records: Vec<RecordRow>,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::v3::wire::Wrapped;

    fn read<T: Answer>(body: &str) -> T {
        serde_json::from_str::<Wrapped<T>>(body).unwrap().response
    }

    #[test]
    fn look_up_bodies_are_the_documented_fields() {
        let text = |r: Request| String::from_utf8(r.body).unwrap();
        assert_eq!(text(domain_request("例子.cn")), r#"{"Domain":"例子.cn"}"#);
        assert_eq!(
            text(domain_list_request(3000)),
            r#"{"Offset":3000,"Limit":3000}"#
        );
        assert_eq!(
            text(record_list_request("a.cn", Some("www"), 0)),
            r#"{"Domain":"a.cn","Subdomain":"www","Offset":0,"Limit":3000,"ErrorOnEmpty":"no"}"#
        );
        assert_eq!(
            text(record_list_request("a.cn", None, 6000)),
            r#"{"Domain":"a.cn","Offset":6000,"Limit":3000,"ErrorOnEmpty":"no"}"#
        );
    }

    #[test]
    fn domain_answers_take_ids_as_numbers_or_strings() {
        let info: DomainAnswer = read(
            r#"{"Response": {"DomainInfo": {"DomainId": "62", "Domain": "例子.cn", "Punycode": "xn--fsqu00a.cn", "Status": "ENABLE"}, "RequestId": "r1"}}"#,
        );
        assert_eq!(info.domain.domain_id, 62);
        assert_eq!(info.domain.name.as_deref(), Some("例子.cn"));
        assert_eq!(info.request_id(), Some("r1"));
        let list: DomainListAnswer = read(
            r#"{"Response": {"DomainCountInfo": {"DomainTotal": "2", "AllTotal": 2},
                "DomainList": [{"DomainId": 1, "Name": "a.cn", "Punycode": null}, {"DomainId": "2", "Name": "b.cn"}],
                "RequestId": "r2"}}"#,
        );
        assert_eq!(list.info.domain_total, Some(2));
        let ids: Vec<u64> = list.domains.iter().map(|d| d.domain_id).collect();
        assert_eq!(ids, [1, 2]);
        let empty: DomainListAnswer = read(r#"{"Response": {"DomainList": null}}"#);
        assert!(empty.domains.is_empty() && empty.info.domain_total.is_none());
    }

    #[test]
    fn record_rows_become_account_records() {
        let list: RecordListAnswer = read(
            r#"{"Response": {"RecordCountInfo": {"SubdomainCount": 2, "TotalCount": "3"},
                "RecordList": [
                  {"RecordId": "11", "Name": "@", "Type": "MX", "Line": "默认", "LineId": "0", "Value": "mx.a.cn.", "TTL": "600", "MX": "10", "Status": "ENABLE", "Weight": null, "Remark": "备用"},
                  {"RecordId": 12, "Name": "www", "Type": "A", "Line": "默认", "Value": "1.1.1.1", "TTL": 600, "MX": 0, "Status": "DISABLE", "Weight": "20"},
                  {"RecordId": 13}
                ], "RequestId": "r3"}}"#,
        );
        assert_eq!(list.info.total_count, Some(3));
        let records: Vec<AccountRecord> = list
            .records
            .into_iter()
            .map(RecordRow::into_record)
            .collect();
        assert_eq!(
            (records[0].id, records[0].mx, records[0].ttl),
            (11, Some(10), Some(600))
        );
        assert!(records[0].enabled);
        assert_eq!(records[0].remark.as_deref(), Some("备用"));
        assert_eq!((records[1].mx, records[1].enabled), (None, false));
        assert_eq!((records[0].weight, records[1].weight), (None, Some(20)));
        assert_eq!(
            (records[2].host.as_deref(), records[2].enabled),
            (None, true)
        );
    }

    #[test]
    fn only_a_default_ns_record_at_the_apex_is_dnspods() {
        let row = |name: &str, record_type: &str, default_ns: &str| {
            let body = format!(
                r#"{{"RecordId": 1, "Name": "{name}", "Type": "{record_type}"{default_ns}}}"#
            );
            serde_json::from_str::<RecordRow>(&body)
                .unwrap()
                .into_record()
                .system
        };
        assert!(row("@", "NS", r#", "DefaultNS": true"#));
        assert!(row("@", "NS", r#", "DefaultNS": "true""#));
        for (name, record_type, default_ns) in [
            ("@", "NS", ""),
            ("@", "NS", r#", "DefaultNS": null"#),
            ("@", "NS", r#", "DefaultNS": false"#),
            ("@", "A", r#", "DefaultNS": true"#),
            ("www", "NS", r#", "DefaultNS": true"#),
        ] {
            assert!(!row(name, record_type, default_ns), "{name} {default_ns}");
        }
    }
}
