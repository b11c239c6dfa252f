//! Records in the account, in dpbatch's own terms: as the look-ups list them
//! ([`AccountRecord`]), as they were before a record-modify job changed them ([`Before`],
//! kept for `undo`), and what a submit's answer said ([`Submitted`]).

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A record of a domain in the account, as the look-ups read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AccountRecord {
    /// The ID a record-modify job takes.
    pub id: u64,
    /// The host, `@` for the apex.
    pub host: Option<CompactString>,
    pub line: Option<CompactString>,
    pub record_type: Option<CompactString>,
    pub ttl: Option<u64>,
    pub value: Option<CompactString>,
    /// The priority of an MX record; `None` for other types.
    pub mx: Option<u64>,
    /// The record's share of answers among its host's, type's and line's (0-100); `None`
    /// when it has none (the APIs list `null`).
    pub weight: Option<u64>,
    pub enabled: bool,
    /// The note the account keeps on the record; `None` when it has none.
    pub remark: Option<CompactString>,
    /// One of the NS records DNSPod keeps at every domain's apex, which nothing dpbatch
    /// does may change, delete or create again.
    pub system: bool,
}

impl AccountRecord {
    /// Both APIs list a priority of `0` on records other than MX; from here on those have
    /// none (`None`), as in the job details. The server's system mark counts only on an
    /// NS record at the apex, where DNSPod keeps its own: the mark alone must not make
    /// another record vanish from a backup's import.
    pub(crate) fn normalised(mut self) -> AccountRecord {
        let is = |field: &Option<CompactString>, what: &str| {
            field
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(what))
        };
        let is_mx = is(&self.record_type, "MX");
        self.mx = self.mx.filter(|_| is_mx);
        let at_apex = matches!(self.host.as_deref(), Some("@" | ""));
        self.system &= at_apex && is(&self.record_type, "NS");
        self
    }
}

/// A record as it was before a record-modify job changed it: what `undo` puts back. Kept
/// in the job history, from the selection dpbatch read or the submit's own answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub(crate) struct Before {
    pub domain: String,
    pub record_id: u64,
    #[serde(rename = "sub_domain")]
    pub host: Option<String>,
    pub record_type: Option<String>,
    pub line: Option<String>,
    pub value: Option<String>,
    pub ttl: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mx: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Kept by `apply`, which changes weights; `None` on older lines and other commands'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u64>,
    /// Kept by `apply`, which changes remarks; `None` on older lines and other commands'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

impl AccountRecord {
    /// The record of `domain` as it is now, for `undo` to put back after a change.
    pub(crate) fn before(&self, domain: &str) -> Before {
        let text = |t: &Option<CompactString>| t.as_deref().map(str::to_owned);
        Before {
            domain: domain.to_owned(),
            record_id: self.id,
            host: text(&self.host),
            record_type: text(&self.record_type),
            line: text(&self.line),
            value: text(&self.value),
            ttl: self.ttl,
            mx: self.mx,
            enabled: Some(self.enabled),
            weight: None,
            remark: None,
        }
    }
}

impl Before {
    /// The record as the look-ups would list it.
    pub(crate) fn record(&self) -> AccountRecord {
        let text = |t: &Option<String>| t.as_deref().map(CompactString::from);
        AccountRecord {
            id: self.record_id,
            host: text(&self.host),
            line: text(&self.line),
            record_type: text(&self.record_type),
            ttl: self.ttl,
            value: text(&self.value),
            mx: self.mx,
            weight: self.weight,
            enabled: self.enabled.unwrap_or(true),
            remark: self.remark.as_deref().map(CompactString::from),
            system: false,
        }
    }
}

/// A submit's job, and what its answer said of the records it changes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Submitted {
    pub job_id: u64,
    /// Of a record-modify job, the records as the answer echoed them before the change.
    pub before: Vec<Before>,
}
