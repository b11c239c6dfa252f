//! A record whole ([`Record`]): everything DNSPod keeps about one record but its ID. What
//! `plan` and `apply` want a domain to hold (read from export files and zone files), what
//! a plan shows before and after a change, and what an apply's record calls send.

use super::{AccountRecord, Before, DEFAULT_LINE, DEFAULT_TTL, RecordSpec, same_weight};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A record whole, with the keys of an `export` row: a missing field in a file is the
/// vendor's default (line `默认`, TTL 600, enabled, no weight, no remark).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Record {
    /// The host, `@` for the apex.
    #[serde(rename = "sub_domain")]
    pub host: CompactString,
    pub record_type: CompactString,
    pub line: CompactString,
    pub value: CompactString,
    pub ttl: u64,
    /// The priority of an MX record; `None` for other types.
    pub mx: Option<u64>,
    /// 0-100; `None` when the record has none.
    pub weight: Option<u64>,
    pub enabled: bool,
    /// `""` when the record has none.
    pub remark: CompactString,
}

impl Record {
    /// A record of these fields with the vendor's defaults for the rest.
    pub(crate) fn new(host: &str, record_type: &str, value: &str) -> Record {
        Record {
            host: host.into(),
            record_type: record_type.into(),
            line: DEFAULT_LINE.into(),
            value: value.into(),
            ttl: DEFAULT_TTL,
            mx: None,
            weight: None,
            enabled: true,
            remark: CompactString::default(),
        }
    }

    /// What a batch create job can say of it: host, type, line, value, TTL and MX. A
    /// weight, a paused state and a remark need a call of their own.
    pub(crate) fn spec(&self) -> RecordSpec {
        RecordSpec {
            host: self.host.to_string(),
            record_type: self.record_type.to_string(),
            line: self.line.to_string(),
            value: self.value.to_string(),
            ttl: self.ttl,
            mx: self.mx,
        }
    }

    /// The record `record_id` of `domain` as it is, whole, as the history keeps it for
    /// `undo`.
    pub(crate) fn before(&self, domain: &str, record_id: u64) -> Before {
        Before {
            domain: domain.to_owned(),
            record_id,
            host: Some(self.host.to_string()),
            record_type: Some(self.record_type.to_string()),
            line: Some(self.line.to_string()),
            value: Some(self.value.to_string()),
            ttl: Some(self.ttl),
            mx: self.mx,
            enabled: Some(self.enabled),
            weight: self.weight,
            remark: Some(self.remark.to_string()),
        }
    }

    /// The weight a create or modify sends for this record: its own, or 0 (weighting off)
    /// where `before` had one and this has none. Only then: weights are a paid feature, and
    /// whether an omitted weight clears one is undocumented (RECORDS.md).
    pub(crate) fn weight_sent(&self, before: Option<&Record>) -> Option<u64> {
        self.weight.or(before.and_then(|b| b.weight).map(|_| 0))
    }

    /// Whether a batch create job makes this record whole, with nothing left for a call.
    pub(crate) fn is_plain(&self) -> bool {
        self.enabled && same_weight(self.weight, None) && self.remark.is_empty()
    }
}

impl AccountRecord {
    /// The record whole, as a plan compares it; `None` when the look-ups left out its
    /// type or value (a record dpbatch cannot describe is never planned over). A missing
    /// host is the apex, a missing line the default one, a missing TTL the default.
    pub(crate) fn whole(&self) -> Option<Record> {
        let text = |t: &Option<CompactString>| t.clone().filter(|t| !t.is_empty());
        Some(Record {
            host: text(&self.host).unwrap_or_else(|| "@".into()),
            record_type: text(&self.record_type)?,
            line: text(&self.line).unwrap_or_else(|| DEFAULT_LINE.into()),
            value: self.value.clone()?,
            ttl: self.ttl.unwrap_or(DEFAULT_TTL),
            mx: self.mx,
            weight: self.weight,
            enabled: self.enabled,
            remark: self.remark.clone().unwrap_or_default(),
        })
    }
}

#[cfg(test)]
impl Record {
    /// The record as the look-ups would list it under `id`: [`AccountRecord::whole`]
    /// backwards, for tests that build an account from records.
    pub(crate) fn listed(&self, id: u64) -> AccountRecord {
        AccountRecord {
            id,
            host: Some(self.host.clone()),
            line: Some(self.line.clone()),
            record_type: Some(self.record_type.clone()),
            ttl: Some(self.ttl),
            value: Some(self.value.clone()),
            mx: self.mx,
            weight: self.weight,
            enabled: self.enabled,
            remark: Some(self.remark.clone()),
            system: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_record_is_whole_with_the_vendors_defaults_for_what_it_lacks() {
        let listed = AccountRecord {
            id: 7,
            host: Some("".into()),
            line: None,
            record_type: Some("MX".into()),
            ttl: None,
            value: Some("mx.a.cn.".into()),
            mx: Some(10),
            weight: Some(5),
            enabled: false,
            remark: Some("备用".into()),
            system: false,
        };
        let whole = listed.whole().unwrap();
        assert_eq!(
            whole,
            Record {
                mx: Some(10),
                weight: Some(5),
                enabled: false,
                remark: "备用".into(),
                ..Record::new("@", "MX", "mx.a.cn.")
            }
        );
        assert!(!whole.is_plain());
        assert_eq!(
            AccountRecord {
                value: None,
                ..listed
            }
            .whole(),
            None
        );
    }

    #[test]
    fn its_keys_are_an_export_rows() {
        let json = serde_json::to_string(&Record::new("www", "A", "1.2.3.4")).unwrap();
        assert_eq!(
            json,
            r#"{"sub_domain":"www","record_type":"A","line":"默认","value":"1.2.3.4","ttl":600,"mx":null,"weight":null,"enabled":true,"remark":""}"#
        );
        let spec = Record::new("www", "A", "1.2.3.4").spec();
        assert_eq!((spec.host.as_str(), spec.ttl), ("www", 600));
    }
}
