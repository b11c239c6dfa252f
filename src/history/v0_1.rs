//! Lines written by dpbatch 0.1, which kept each submit's legacy form parameters rather
//! than its spec. That format is frozen: this reader keeps its own copy of the parameter
//! and field names it needs, so that the legacy backend's wire code can change without
//! old lines losing their meaning.

use crate::de;
use crate::job::{Change, ChangeField, DEFAULT_LINE, DEFAULT_TTL, JobSpec, RecordSpec};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Each field as 0.1 named it in Batch.Record.Modify's `change` parameter.
const FIELDS: [(&str, ChangeField); 7] = [
    ("sub_domain", ChangeField::Host),
    ("record_type", ChangeField::RecordType),
    ("area", ChangeField::Line),
    ("value", ChangeField::Value),
    ("mx", ChangeField::Mx),
    ("ttl", ChangeField::Ttl),
    ("status", ChangeField::Status),
];

/// One entry of Batch.Record.Create's `records` parameter as 0.1 wrote it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    #[serde(default = "apex")]
    sub_domain: String,
    record_type: String,
    #[serde(default = "default_line")]
    record_line: String,
    value: String,
    #[serde(default = "default_ttl", deserialize_with = "de::u64_lenient")]
    ttl: u64,
    #[serde(rename = "MX", alias = "mx", default, deserialize_with = "de::opt_u64")]
    mx: Option<u64>,
}

fn apex() -> String {
    "@".to_owned()
}

fn default_line() -> String {
    DEFAULT_LINE.to_owned()
}

fn default_ttl() -> u64 {
    DEFAULT_TTL
}

impl From<Record> for RecordSpec {
    fn from(r: Record) -> RecordSpec {
        RecordSpec {
            host: r.sub_domain,
            record_type: r.record_type,
            line: r.record_line,
            value: r.value,
            ttl: r.ttl,
            mx: r.mx,
        }
    }
}

/// The spec of a job recorded by dpbatch 0.1; `None` when its parameters do not read.
pub(crate) fn spec_from_params(
    command: &str,
    params: &BTreeMap<String, String>,
) -> Option<JobSpec> {
    let param = |key: &str| params.get(key).map(String::as_str);
    let ids = |key: &str| -> Option<Vec<u64>> {
        param(key)?
            .split(',')
            .map(|id| id.trim().parse().ok())
            .collect()
    };
    match command {
        "domain-create" => Some(JobSpec::DomainCreate {
            domains: param("domains")?.split(',').map(str::to_owned).collect(),
            value: param("record_value").map(str::to_owned),
        }),
        "record-create" => Some(JobSpec::RecordCreate {
            domain_ids: ids("domain_id")?,
            records: serde_json::from_str::<Vec<Record>>(param("records")?)
                .ok()?
                .into_iter()
                .map(RecordSpec::from)
                .collect(),
        }),
        "record-modify" => Some(JobSpec::RecordModify {
            record_ids: ids("record_id")?,
            change: Change {
                field: FIELDS
                    .iter()
                    .find(|(name, _)| Some(*name) == param("change"))?
                    .1,
                to: param("change_to")?.to_owned(),
                value: param("value").map(str::to_owned),
                mx: param("mx").and_then(|mx| mx.parse().ok()),
            },
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
