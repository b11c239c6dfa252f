//! The legacy API's actions, the requests we send and its answers as we read them.
//!
//! `Domain` and `Record` deserialise every quirk of the wire (numbers as strings, `null`s,
//! missing fields) and become the job model's items, whose types are normalised, so
//! `--json` can promise that numeric fields are JSON numbers or `null` by construction.

use crate::backend::items::{self, Counters, Domain};
use crate::de;
use crate::job::{ChangeField, RecordSpec};
use crate::job::{Job, JobSpec};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A batch action of the legacy API, by its wire name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    DomainCreate,
    RecordCreate,
    RecordModify,
    Detail,
    DomainInfo,
    DomainList,
    RecordList,
    /// Deletes one record at once: the legacy API has no batch deletion.
    RecordRemove,
    /// Creates one record with every field but its remark.
    RecordCreateOne,
    /// Gives one record every field but its remark.
    RecordModifyOne,
    /// Sets one record's remark.
    RecordRemark,
}

impl Action {
    /// The path segment after the endpoint, e.g. `/Batch.Detail`.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Action::DomainCreate => "Batch.Domain.Create",
            Action::RecordCreate => "Batch.Record.Create",
            Action::RecordModify => "Batch.Record.Modify",
            Action::Detail => "Batch.Detail",
            Action::DomainInfo => "Domain.Info",
            Action::DomainList => "Domain.List",
            Action::RecordList => "Record.List",
            Action::RecordRemove => "Record.Remove",
            Action::RecordCreateOne => "Record.Create",
            Action::RecordModifyOne => "Record.Modify",
            Action::RecordRemark => "Record.Remark",
        }
    }
}

/// One call's own parameters; the client adds the common ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub action: Action,
    pub params: Vec<(&'static str, String)>,
}

/// The request that submits `spec`: its own parameters, after which the client adds the
/// common ones.
pub(crate) fn submit_request(spec: &JobSpec) -> Request {
    let (action, params) = match spec {
        JobSpec::DomainCreate { domains, value } => {
            let mut params = vec![("domains", domains.join(","))];
            params.extend(value.clone().map(|ip| ("record_value", ip)));
            (Action::DomainCreate, params)
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => {
            let records: Vec<WireRecord<'_>> = records.iter().map(WireRecord::from).collect();
            let records =
                serde_json::to_string(&records).expect("strings and numbers always encode");
            let params = vec![("domain_id", join_ids(domain_ids)), ("records", records)];
            (Action::RecordCreate, params)
        }
        JobSpec::RecordModify { record_ids, change } => {
            let mut params = vec![
                ("record_id", join_ids(record_ids)),
                ("change", field_name(change.field).to_owned()),
                ("change_to", change.to.clone()),
            ];
            params.extend(change.value.clone().map(|value| ("value", value)));
            params.extend(change.mx.map(|mx| ("mx", mx.to_string())));
            (Action::RecordModify, params)
        }
        // Never sent as one (the backend refuses a delete job): what `preview` shows of
        // the calls, one record a spec, is each call's very request.
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } => (
            Action::RecordRemove,
            vec![
                ("domain_id", join_ids(domain_ids)),
                ("record_id", join_ids(record_ids)),
            ],
        ),
        // Never sent as one (the legacy API has no job for it): what `preview` shows of a
        // step is its first call's request.
        JobSpec::RecordSteps { steps } => match steps.first() {
            Some(step) => return super::single::first_request(step),
            None => (Action::RecordModifyOne, Vec::new()),
        },
    };
    Request { action, params }
}

/// Batch.Detail of one job.
pub(crate) fn detail_request(job_id: u64) -> Request {
    Request {
        action: Action::Detail,
        params: vec![("job_id", job_id.to_string())],
    }
}

/// Record.Remove of one record of a domain; its answer is the bare status.
pub(crate) fn removal_request(domain_id: u64, record_id: u64) -> Request {
    Request {
        action: Action::RecordRemove,
        params: vec![
            ("domain_id", domain_id.to_string()),
            ("record_id", record_id.to_string()),
        ],
    }
}

/// A spec's own form fields as `name=value` lines, for tests that say what is sent.
#[cfg(test)]
pub(crate) fn form_lines(spec: &JobSpec) -> Vec<String> {
    submit_request(spec)
        .params
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect()
}

/// One entry of Batch.Record.Create's `records` parameter.
#[derive(Serialize)]
struct WireRecord<'a> {
    sub_domain: &'a str,
    record_type: &'a str,
    record_line: &'a str,
    value: &'a str,
    ttl: u64,
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<u64>,
}

impl<'a> From<&'a RecordSpec> for WireRecord<'a> {
    fn from(r: &'a RecordSpec) -> WireRecord<'a> {
        WireRecord {
            sub_domain: &r.host,
            record_type: &r.record_type,
            record_line: &r.line,
            value: &r.value,
            ttl: r.ttl,
            mx: r.mx,
        }
    }
}

/// IDs as the batch actions take them: comma-separated.
pub(super) fn join_ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// Batch.Record.Modify's name for a field.
fn field_name(field: ChangeField) -> &'static str {
    match field {
        ChangeField::Host => "sub_domain",
        ChangeField::RecordType => "record_type",
        ChangeField::Line => "area",
        ChangeField::Value => "value",
        ChangeField::Mx => "mx",
        ChangeField::Ttl => "ttl",
        ChangeField::Status => "status",
    }
}

/// The `status` block every answer carries.
#[derive(Deserialize, Debug, Default)]
pub(crate) struct Status {
    #[serde(deserialize_with = "de::text")]
    pub code: String,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub message: Option<CompactString>,
}

/// Just the status: what a refusal is sure to carry when its other fields are not.
#[derive(Deserialize, Debug)]
pub(crate) struct Envelope {
    pub status: Status,
}

/// An answer read in one pass with its status, so that a large one is scanned once.
pub(crate) trait Answer: serde::de::DeserializeOwned {
    fn status(&self) -> &Status;
}

impl Answer for Envelope {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// The answer of the three submit actions; their `detail` only echoes the input, read
/// for Batch.Record.Modify alone ([`ModifyAnswer`]).
#[derive(Deserialize, Debug)]
pub(crate) struct SubmitAnswer {
    pub status: Status,
    #[serde(deserialize_with = "de::u64_lenient")]
    pub job_id: u64,
}

impl Answer for SubmitAnswer {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// Batch.Record.Modify's answer, whose `detail` echoes the records as they are before
/// the job changes them: the before-state `undo` needs.
#[derive(Deserialize, Debug)]
pub(crate) struct ModifyAnswer {
    pub status: Status,
    #[serde(deserialize_with = "de::u64_lenient")]
    pub job_id: u64,
    #[serde(rename = "detail", default, deserialize_with = "de::vec_or_empty")]
    pub echo: Vec<Domain>,
}

impl Answer for ModifyAnswer {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// The answer of Batch.Detail.
#[derive(Deserialize, Debug, Default)]
pub(crate) struct JobDetail {
    pub status: Status,
    #[serde(rename = "type", default, deserialize_with = "de::opt_text")]
    pub job_type: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub created_at: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub total: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub success: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub fail: Option<u64>,
    #[serde(rename = "detail", default, deserialize_with = "de::vec_or_null")]
    pub domains: Vec<Domain>,
}

impl Answer for JobDetail {
    fn status(&self) -> &Status {
        &self.status
    }
}

impl JobDetail {
    pub(crate) fn into_job(self) -> Job {
        let counters = Counters {
            job_type: self.job_type.as_deref(),
            created_at: self.created_at,
            total: self.total,
            success: self.success,
            fail: self.fail,
        };
        items::job(counters, self.domains)
    }
}

#[cfg(test)]
mod tests;
