//! The legacy API's single-record actions, for what its batch actions cannot say (a
//! weight, a paused state, a remark): Record.Create and Record.Modify with every field
//! they take, then Record.Remark, which they do not take. Each call is a change, sent once.

use super::wire::{Action, Answer, Request, Status};
use crate::de;
use crate::job::{Action as StepAction, Record, Step};
use serde::Deserialize;

/// The fields Record.Create and Record.Modify share: all but the remark; the weight as
/// [`Record::weight_sent`] says.
fn fields(record: &Record, before: Option<&Record>) -> Vec<(&'static str, String)> {
    let mut params = vec![
        ("sub_domain", record.host.to_string()),
        ("record_type", record.record_type.to_string()),
        ("record_line", record.line.to_string()),
        ("value", record.value.to_string()),
        ("ttl", record.ttl.to_string()),
    ];
    params.extend(record.mx.map(|mx| ("mx", mx.to_string())));
    let weight = record.weight_sent(before);
    params.extend(weight.map(|weight| ("weight", weight.to_string())));
    let status = if record.enabled { "enable" } else { "disable" };
    params.push(("status", status.to_owned()));
    params
}

/// Record.Create of `record` in the domain `domain_id`.
pub(crate) fn create_request(domain_id: u64, record: &Record) -> Request {
    let mut params = vec![("domain_id", domain_id.to_string())];
    params.extend(fields(record, None));
    Request {
        action: Action::RecordCreateOne,
        params,
    }
}

/// Record.Modify giving record `record_id` every field of `after` but its remark.
pub(crate) fn modify_request(
    domain_id: u64,
    record_id: u64,
    before: &Record,
    after: &Record,
) -> Request {
    let mut params = vec![
        ("domain_id", domain_id.to_string()),
        ("record_id", record_id.to_string()),
    ];
    params.extend(fields(after, Some(before)));
    Request {
        action: Action::RecordModifyOne,
        params,
    }
}

/// Record.Remark of one record; an empty remark clears it.
pub(crate) fn remark_request(domain_id: u64, record_id: u64, remark: &str) -> Request {
    Request {
        action: Action::RecordRemark,
        params: vec![
            ("domain_id", domain_id.to_string()),
            ("record_id", record_id.to_string()),
            ("remark", remark.to_owned()),
        ],
    }
}

/// Whether a modify needs Record.Modify: a field other than the remark changes. Never
/// sent for nothing: five unchanged modifies in an hour lock the record for an hour.
pub(crate) fn needs_modify(before: &Record, after: &Record) -> bool {
    let remark = |r: &Record| Record {
        remark: Default::default(),
        ..r.clone()
    };
    remark(before) != remark(after)
}

/// The first request a step sends, for `--dry-run`: a create's Record.Create; a modify's
/// Record.Modify, or its Record.Remark when only the remark changes.
pub(crate) fn first_request(step: &Step) -> Request {
    let (id, record) = (step.record_id.unwrap_or_default(), step.after.as_ref());
    let record = record
        .or(step.before.as_ref())
        .cloned()
        .unwrap_or_else(|| Record::new("@", "", ""));
    match &step.before {
        _ if step.action == StepAction::Delete => super::wire::removal_request(step.domain_id, id),
        None => create_request(step.domain_id, &record),
        Some(before) if !needs_modify(before, &record) => {
            remark_request(step.domain_id, id, &record.remark)
        }
        Some(before) => modify_request(step.domain_id, id, before, &record),
    }
}

/// Record.Create's answer: the new record's ID, a string (documented) or a number.
#[derive(Deserialize, Debug)]
pub(crate) struct Created {
    pub status: Status,
    pub record: CreatedRecord,
}

#[derive(Deserialize, Debug)]
pub(crate) struct CreatedRecord {
    #[serde(deserialize_with = "de::u64_lenient")]
    pub id: u64,
}

impl Answer for Created {
    fn status(&self) -> &Status {
        &self.status
    }
}

#[cfg(test)]
mod tests;
