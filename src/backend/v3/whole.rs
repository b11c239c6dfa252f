//! API 3.0's actions that send records whole, each record with every field it keeps:
//! CreateRecord and ModifyRecord (one record a call; DeleteRecord beside them) and
//! ModifyRecordBatchV3 (a job, each
//! record its own fields). Every field is sent, always: the vendor documents that an
//! omitted `SubDomain` means `@` and leaves what an omitted `Status` or `Weight` does
//! unsaid.

use super::wire::{Action, Answer, ApiError, Request, answer};
use crate::de;
use crate::job::{Record, Step};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// The fields CreateRecord and ModifyRecord share.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Fields<'a> {
    sub_domain: &'a str,
    record_type: &'a str,
    record_line: &'a str,
    value: &'a str,
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<u64>,
    #[serde(rename = "TTL")]
    ttl: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<u64>,
    status: &'static str,
    remark: &'a str,
}

/// A record's fields; the weight as [`Record::weight_sent`] says (an omitted `Weight`
/// means "none" only on create).
fn fields<'a>(record: &'a Record, before: Option<&Record>) -> Fields<'a> {
    Fields {
        sub_domain: &record.host,
        record_type: &record.record_type,
        record_line: &record.line,
        value: &record.value,
        mx: record.mx,
        ttl: record.ttl,
        weight: record.weight_sent(before),
        status: if record.enabled { "ENABLE" } else { "DISABLE" },
        remark: &record.remark,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateRecord<'a> {
    domain: &'a str,
    domain_id: u64,
    #[serde(flatten)]
    fields: Fields<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ModifyRecord<'a> {
    domain: &'a str,
    domain_id: u64,
    record_id: u64,
    #[serde(flatten)]
    fields: Fields<'a>,
}

/// CreateRecord of `record` in the step's domain.
pub(crate) fn create_request(step: &Step, record: &Record) -> Request {
    let body = CreateRecord {
        domain: &step.domain,
        domain_id: step.domain_id,
        fields: fields(record, None),
    };
    Request::new(Action::CreateRecord, &body)
}

/// ModifyRecord giving record `record_id` every field of `after`.
pub(crate) fn modify_request(step: &Step, id: u64, before: &Record, after: &Record) -> Request {
    let body = ModifyRecord {
        domain: &step.domain,
        domain_id: step.domain_id,
        record_id: id,
        fields: fields(after, Some(before)),
    };
    Request::new(Action::ModifyRecord, &body)
}

/// One record of ModifyRecordBatchV3: its own fields, `Enabled` a string (`"1"`/`"0"`),
/// no line ID (the action takes none).
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct BatchRecord<'a> {
    record_id: u64,
    sub_domain: &'a str,
    record_type: &'a str,
    record_line: &'a str,
    value: &'a str,
    enabled: &'static str,
    remark: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<u64>,
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<u64>,
    #[serde(rename = "TTL")]
    ttl: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ModifyRecordBatchV3<'a> {
    modify_record_list: Vec<BatchRecord<'a>>,
}

/// ModifyRecordBatchV3 of the modify steps among `steps` (the scheduler puts no other
/// step in such a job).
pub(crate) fn batch_request(steps: &[Step]) -> Request {
    let records = steps.iter().filter_map(|step| {
        let (id, before, after) = crate::backend::modified(step).ok()?;
        let all = fields(after, Some(before));
        Some(BatchRecord {
            record_id: id,
            sub_domain: all.sub_domain,
            record_type: all.record_type,
            record_line: all.record_line,
            value: all.value,
            enabled: if after.enabled { "1" } else { "0" },
            remark: all.remark,
            weight: all.weight,
            mx: all.mx,
            ttl: all.ttl,
        })
    });
    let body = ModifyRecordBatchV3 {
        modify_record_list: records.collect(),
    };
    Request::new(Action::ModifyRecordBatchV3, &body)
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DeleteRecord<'a> {
    domain: &'a str,
    domain_id: u64,
    record_id: u64,
}

/// DeleteRecord of record `id` in the step's domain.
pub(crate) fn delete_request(step: &Step, id: u64) -> Request {
    let body = DeleteRecord {
        domain: &step.domain,
        domain_id: step.domain_id,
        record_id: id,
    };
    Request::new(Action::DeleteRecord, &body)
}

/// The first request a step sends as a call, for `--dry-run`.
pub(crate) fn call_request(step: &Step) -> Request {
    if let (crate::job::Action::Delete, Some(id)) = (step.action, step.record_id) {
        return delete_request(step, id);
    }
    let fallback = || Record::new("@", "", "");
    let after = step.after.clone().unwrap_or_else(fallback);
    match (&step.before, step.record_id) {
        (Some(before), Some(id)) => modify_request(step, id, before, &after),
        _ => create_request(step, &after),
    }
}

answer!(
    /// CreateRecord's answer: the new record's ID.
    Created {
        #[serde(rename = "RecordId", deserialize_with = "de::u64_lenient")]
        pub record_id: u64,
    }
);

#[cfg(test)]
mod tests;
