//! The single-record actions (CreateRecord, ModifyRecord, DeleteRecord,
//! ModifyRecordStatus, ModifyRecordRemark), done at once, with the vendor's codes.

use super::lookups::domain_of;
use super::params::Params;
use super::{Answer, Caller, Refusal};
use crate::json::Json;
use crate::model::state::State;
use crate::model::zone::{DEFAULT_TTL, Failure, LINES, Record, host};
use crate::text::failure_message;

/// `DnssecConflictMode` and `GroupId` are taken and not read: the fake has neither.
pub(super) const CREATE: &[&str] = &[
    "Domain",
    "DomainId",
    "SubDomain",
    "RecordType",
    "RecordLine",
    "RecordLineId",
    "Value",
    "MX",
    "TTL",
    "Weight",
    "Status",
    "Remark",
    "DnssecConflictMode",
    "GroupId",
];
pub(super) const MODIFY: &[&str] = &[
    "Domain",
    "DomainId",
    "RecordId",
    "SubDomain",
    "RecordType",
    "RecordLine",
    "RecordLineId",
    "Value",
    "MX",
    "TTL",
    "Weight",
    "Status",
    "Remark",
    "DnssecConflictMode",
];
pub(super) const DELETE: &[&str] = &["Domain", "DomainId", "RecordId"];
pub(super) const STATUS: &[&str] = &["Domain", "DomainId", "RecordId", "Status"];
pub(super) const REMARK: &[&str] = &["Domain", "DomainId", "RecordId", "Remark"];

/// The vendor's code for what the account's rules refused. DNSPod's own records get
/// `RecordIdInvalid`, as a record the domain lacks: the vendor's refusal is not recorded.
pub(super) fn refused(failure: Failure, caller: &Caller) -> Refusal {
    let code = match failure {
        Failure::NoSuchRecord | Failure::SystemRecord => "InvalidParameter.RecordIdInvalid",
        // Only job items fail on request; a single call never does.
        Failure::RecordExists | Failure::DomainExists | Failure::OnRequest => {
            "InvalidParameter.DomainRecordExist"
        }
        Failure::NoSuchDomain => "InvalidParameterValue.DomainNotExists",
        Failure::BadWeight => "InvalidParameter.InvalidWeight",
        // Seen live, not in the SDK's lists (RECORDS.md).
        Failure::Conflict => "InvalidParameter.ConflictRecord",
        Failure::NoDefaultLine => "FailedOperation.MustAddDefaultLineFirst",
        Failure::Locked => "FailedOperation.FrequencyLimit",
    };
    Refusal::new(code, failure_message(failure, caller.lang))
}

/// The record a CreateRecord or ModifyRecord describes, whole. What it leaves out takes
/// the documented default (`SubDomain` `@`, `Status` ENABLE, TTL 600, no weight, no
/// remark): a ModifyRecord is a full replace. Whether the vendor keeps an omitted
/// status, weight or remark is unknown (RECORDS.md); the fake takes the reading that
/// punishes a client sending only some fields.
fn record_of(params: &Params, domain_id: u64) -> Result<Record, Refusal> {
    let record_type = params
        .required_string("RecordType")?
        .trim()
        .to_ascii_uppercase();
    let value = params.required_string("Value")?.trim();
    let sub_domain = host(params.string("SubDomain")?.unwrap_or("@"));
    let mut record = Record::new(sub_domain, &record_type, &line(params)?, value);
    record.domain_id = domain_id;
    record.ttl = match params.integer("TTL")? {
        None => DEFAULT_TTL,
        Some(ttl) => u32::try_from(ttl)
            .ok()
            .filter(|ttl| (1..=604_800).contains(ttl))
            .ok_or_else(|| {
                Refusal::new("InvalidParameter.ParamsIllegal", "TTL is out of range.")
            })?,
    };
    // 0-65535, as api.json says today; required on MX records.
    let mx = params.integer("MX")?.map(u16::try_from);
    record.mx = match (record_type.as_str(), mx) {
        ("MX", Some(Ok(mx))) => Some(mx),
        ("MX", _) | (_, Some(Err(_))) => {
            return Err(Refusal::new(
                "InvalidParameter.MxInvalid",
                "MX is not valid.",
            ));
        }
        _ => None,
    };
    record.enabled = enabled(params.string("Status")?.unwrap_or("ENABLE"))?;
    // Past u16, still past 100: the rules refuse it as they refuse 101.
    record.weight = params
        .integer("Weight")?
        .map(|weight| u16::try_from(weight).unwrap_or(u16::MAX));
    record.remark = params.string("Remark")?.unwrap_or("").to_string();
    Ok(record)
}

/// The line's name: `RecordLineId` wins, but `RecordLine` is required all the same.
fn line(params: &Params) -> Result<String, Refusal> {
    let name = params.required_string("RecordLine")?;
    match params.string("RecordLineId")? {
        None => Ok(name.trim().to_string()),
        Some(id) => LINES
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, name)| (*name).to_string())
            .ok_or_else(|| {
                Refusal::new(
                    "InvalidParameter.RecordLineInvalid",
                    "Unknown RecordLineId.",
                )
            }),
    }
}

fn enabled(status: &str) -> Result<bool, Refusal> {
    match status {
        "ENABLE" => Ok(true),
        "DISABLE" => Ok(false),
        _ => Err(Refusal::new(
            "InvalidParameterValue.StatusInvalid",
            "Status is ENABLE or DISABLE.",
        )),
    }
}

/// The domain the call names and its `RecordId`.
fn target(params: &Params, state: &mut State) -> Result<(u64, u64), Refusal> {
    let (domain_id, _) = domain_of(params, state.zone())?;
    let id = params
        .integer("RecordId")?
        .ok_or_else(|| Refusal::missing("RecordId"))?;
    Ok((domain_id, id))
}

pub(super) fn create(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (domain_id, _) = domain_of(params, state.zone())?;
    let record = record_of(params, domain_id)?;
    let id = state
        .create_record(record)
        .map_err(|failure| refused(failure, caller))?;
    Ok(vec![("RecordId", Json::Num(id))])
}

pub(super) fn modify(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (domain_id, id) = target(params, state)?;
    let record = record_of(params, domain_id)?;
    state
        .replace_record(domain_id, id, record)
        .map_err(|failure| refused(failure, caller))?;
    Ok(vec![("RecordId", Json::Num(id))])
}

pub(super) fn delete(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (domain_id, id) = target(params, state)?;
    state
        .remove_record(domain_id, id)
        .map_err(|failure| refused(failure, caller))?;
    Ok(Vec::new())
}

pub(super) fn status(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (domain_id, id) = target(params, state)?;
    let enabled = enabled(params.required_string("Status")?)?;
    state
        .set_enabled(domain_id, id, enabled)
        .map_err(|failure| refused(failure, caller))?;
    Ok(vec![("RecordId", Json::Num(id))])
}

/// An omitted or empty `Remark` clears it.
pub(super) fn remark(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (domain_id, id) = target(params, state)?;
    let remark = params.string("Remark")?.unwrap_or("");
    state
        .set_remark(domain_id, id, remark)
        .map_err(|failure| refused(failure, caller))?;
    Ok(Vec::new())
}
