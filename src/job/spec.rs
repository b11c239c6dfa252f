//! The record vocabulary of jobs: a record to create ([`RecordSpec`]) and a change of one
//! field of records ([`Change`]), as the history stores them. `input/` checks flag text
//! into these.

use crate::de;
use serde::{Deserialize, Serialize};

pub(crate) const DEFAULT_LINE: &str = "默认";
pub(crate) const DEFAULT_TTL: u64 = 600;

/// The record types DNSPod accepts.
pub(crate) const RECORD_TYPES: [&str; 13] = [
    "A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "URL", "FRAMEURL", "SPF", "HTTPS",
    "SVCB",
];

/// A record to create on each domain of a job: one entry of a `--records-file`, whose
/// format is the legacy API's `records` parameter.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordSpec {
    /// The host, `@` for the apex; a comma list of hosts on the legacy API.
    #[serde(rename = "sub_domain", default = "default_host")]
    pub host: String,
    pub record_type: String,
    #[serde(rename = "record_line", default = "default_line")]
    pub line: String,
    pub value: String,
    #[serde(default = "default_ttl", deserialize_with = "de::u64_lenient")]
    pub ttl: u64,
    /// The API spells this key `MX`; `mx` is accepted in files as well.
    #[serde(
        rename = "MX",
        alias = "mx",
        default,
        deserialize_with = "de::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub mx: Option<u64>,
}

fn default_host() -> String {
    "@".to_owned()
}

fn default_line() -> String {
    DEFAULT_LINE.to_owned()
}

fn default_ttl() -> u64 {
    DEFAULT_TTL
}

/// The field `--change` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[value(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChangeField {
    // The host and the line keep the names `--change` and the history know.
    #[value(name = "sub_domain")]
    #[serde(rename = "sub_domain")]
    Host,
    RecordType,
    #[value(name = "area")]
    #[serde(rename = "area")]
    Line,
    Value,
    Mx,
    Ttl,
    Status,
}

impl ChangeField {
    /// As `--change` takes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ChangeField::Host => "sub_domain",
            ChangeField::RecordType => "record_type",
            ChangeField::Line => "area",
            ChangeField::Value => "value",
            ChangeField::Mx => "mx",
            ChangeField::Ttl => "ttl",
            ChangeField::Status => "status",
        }
    }
}

/// A checked change of one field of records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Change {
    pub field: ChangeField,
    pub to: String,
    /// The value records get with a new type (`--change record_type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The priority records get with a change to MX.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mx: Option<u64>,
}
