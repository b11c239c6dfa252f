//! The batch actions: four submits and DescribeBatchTask, on the legacy job machinery,
//! with the vendor's limits and validation codes.

use std::net::Ipv4Addr;

use serde_json::Value;

use super::params::{Params, nested_integer, nested_string, only_known, wrong_type};
use super::{Answer, Caller, Refusal, shapes};
use crate::model::admission::{MAX_RECORDS, MAX_UNFINISHED, Refused};
use crate::model::change::{BadChange, Change, Modification};
use crate::model::job::Job;
use crate::model::state::{RecordSpec, State};
use crate::model::zone::{DEFAULT_LINE, DEFAULT_TTL, LINES};

pub(super) const DOMAINS: &[&str] = &["DomainList", "RecordValue"];
pub(super) const RECORDS: &[&str] = &["DomainIdList", "RecordList"];
pub(super) const MODIFY: &[&str] = &["RecordIdList", "Change", "ChangeTo", "Value", "MX"];
pub(super) const DELETE: &[&str] = &["RecordIdList"];
pub(super) const DESCRIBE: &[&str] = &["JobId"];
const RECORD_FIELDS: &[&str] = &[
    "SubDomain",
    "RecordType",
    "RecordLine",
    "RecordLineId",
    "Value",
    "TTL",
    "MX",
    "Weight",
];

fn refuse<T>(code: &'static str, message: &str) -> Result<T, Refusal> {
    Err(Refusal::new(code, message))
}

/// The vendor's refusal of a job over one of its limits.
pub(super) fn refusal(refused: Refused) -> Refusal {
    match refused {
        Refused::TooLarge => Refusal::new(
            "InvalidParameter.JobGreaterThanLimit",
            format!("A batch job may hold at most {MAX_RECORDS} records."),
        ),
        Refused::NoSlot => Refusal::new(
            "InvalidParameter.BatchTaskCountLimit",
            format!(
                "The account has {MAX_UNFINISHED} unfinished batch jobs; wait for one to finish."
            ),
        ),
        Refused::HourlyCap(cap) => Refusal::new(
            "RequestLimitExceeded.BatchTaskLimit",
            format!("At most {cap} batch jobs an hour may come from one IP."),
        ),
    }
}

/// A job the limits admitted, echoed; or the vendor's refusal of it.
fn submitted(job: Result<&Job, Refused>, caller: &Caller) -> Answer {
    job.map(|job| shapes::submitted(job, caller.lang))
        .map_err(refusal)
}

pub(super) fn create_domains(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let names = params.strings("DomainList")?;
    if names.is_empty() {
        return refuse("InvalidParameter.DomainsEmpty", "The domain list is empty.");
    }
    if names.iter().any(|name| name.trim().is_empty()) {
        return refuse("InvalidParameter.DomainInvalid", "A domain name is empty.");
    }
    let value = match params.string("RecordValue")? {
        None => None,
        Some(ip) => Some(ip.trim().parse::<Ipv4Addr>().or_else(|_| {
            refuse(
                "InvalidParameter.RecordValueInvalid",
                "RecordValue is not an IPv4 address.",
            )
        })?),
    };
    let names: Vec<String> = names.iter().map(|name| name.trim().to_string()).collect();
    submitted(state.create_domains(&names, value, caller.client), caller)
}

pub(super) fn create_records(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let domain_ids = params
        .strings("DomainIdList")?
        .iter()
        .map(|id| id.trim().parse::<u64>().ok().filter(|&id| id != 0))
        .collect::<Option<Vec<u64>>>()
        .map_or_else(
            || {
                refuse(
                    "InvalidParameter.DomainIdInvalid",
                    "A domain id is not valid.",
                )
            },
            Ok,
        )?;
    if domain_ids.is_empty() {
        return refuse(
            "InvalidParameter.DomainsEmpty",
            "The domain id list is empty.",
        );
    }
    let specs = params
        .array("RecordList")?
        .iter()
        .enumerate()
        .map(|(i, item)| record_spec(item, &format!("RecordList.{i}")))
        .collect::<Result<Vec<RecordSpec>, Refusal>>()?;
    if specs.is_empty() {
        return refuse("InvalidParameter.RecordsEmpty", "The record list is empty.");
    }
    submitted(
        state.create_records(&domain_ids, &specs, caller.client),
        caller,
    )
}

/// One item of `RecordList`, at `path`.
fn record_spec(item: &Value, path: &str) -> Result<RecordSpec, Refusal> {
    let Value::Object(object) = item else {
        return Err(wrong_type(path, "Object"));
    };
    only_known(object, RECORD_FIELDS, &format!("{path}."))?;
    let field = |name| nested_string(object, name, path);
    let record_type = match field("RecordType")?.map(str::trim) {
        Some(kind) if !kind.is_empty() => kind.to_ascii_uppercase(),
        _ => return refuse("InvalidParameter.RecordTypeInvalid", "RecordType is empty."),
    };
    let value = match field("Value")?.map(str::trim) {
        Some(value) if !value.is_empty() => value.to_string(),
        _ => return refuse("InvalidParameter.RecordValueInvalid", "Value is empty."),
    };
    // `RecordLineId` wins over `RecordLine`.
    let line = match field("RecordLineId")? {
        Some(id) => match LINES.iter().find(|(known, _)| *known == id) {
            Some((_, name)) => (*name).to_string(),
            None => {
                return refuse(
                    "InvalidParameter.RecordLineInvalid",
                    "Unknown RecordLineId.",
                );
            }
        },
        None => field("RecordLine")?.unwrap_or(DEFAULT_LINE).to_string(),
    };
    let ttl = match nested_integer(object, "TTL", path)? {
        None => DEFAULT_TTL,
        Some(ttl) => u32::try_from(ttl)
            .or_else(|_| refuse("InvalidParameter.ParamsIllegal", "TTL is out of range."))?,
    };
    nested_integer(object, "Weight", path)?;
    let mx = match nested_integer(object, "MX", path)? {
        Some(mx) => Some(
            u16::try_from(mx)
                .or_else(|_| refuse("InvalidParameter.MxInvalid", "MX is out of range."))?,
        ),
        None if record_type == "MX" => {
            return refuse("InvalidParameter.MxInvalid", "MX records need MX.");
        }
        None => None,
    };
    let hosts = field("SubDomain")?.unwrap_or("@");
    Ok(RecordSpec {
        hosts: hosts
            .split(',')
            .map(|host| host.trim().to_string())
            .collect(),
        record_type,
        line,
        value,
        ttl,
        mx,
    })
}

pub(super) fn modify_records(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let record_ids = params.integers("RecordIdList")?;
    if record_ids.is_empty() {
        return refuse(
            "InvalidParameter.RecordsEmpty",
            "The record id list is empty.",
        );
    }
    let to = params.required_string("ChangeTo")?.trim();
    let change = Change::parse(params.required_string("Change")?, to).map_err(|bad| match bad {
        BadChange::Name => Refusal::new(
            "InvalidParameter.BatchRecordModifyActionInvalidValue",
            "Change is not one of sub_domain, record_type, area, value, mx, ttl, status.",
        ),
        BadChange::Value => Refusal::new(
            "InvalidParameter.ParamsIllegal",
            "ChangeTo is not valid for this Change.",
        ),
    })?;
    let mx = match params.string("MX")? {
        None => None,
        Some(mx) => Some(
            mx.trim()
                .parse()
                .or_else(|_| refuse("InvalidParameter.MxInvalid", "MX is not a priority."))?,
        ),
    };
    let modification = Modification {
        change,
        value: params.string("Value")?.map(str::to_string),
        mx,
    };
    submitted(
        state.modify_records(&record_ids, &modification, caller.client),
        caller,
    )
}

/// A job that deletes records, shown by DescribeBatchTask as `record_delete`.
pub(super) fn delete_records(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let record_ids = params.integers("RecordIdList")?;
    if record_ids.is_empty() {
        return refuse(
            "InvalidParameter.RecordsEmpty",
            "The record id list is empty.",
        );
    }
    state
        .delete_records(&record_ids, caller.client)
        .map(|job| shapes::deleting(job, caller.lang))
        .map_err(refusal)
}

/// Counts as a poll of the job, as Batch.Detail does: the same job moves on either API.
pub(super) fn describe_task(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let id = params
        .integer("JobId")?
        .ok_or_else(|| Refusal::missing("JobId"))?;
    match state.poll(id) {
        Some(job) => Ok(shapes::task(job, caller.lang)),
        None => refuse(
            "InvalidParameter.BatchTaskNotExist",
            "The batch job does not exist.",
        ),
    }
}
