//! The single-record actions (Record.Create, Record.Modify, Record.Status, Record.Remark,
//! Record.Info), done at once, with the answers RECORDS.md records: Create's `id` a
//! string and status `enabled`, Modify's `id` a number and status `enable`.

use super::listings::line_id;
use super::lookups::domain_of;
use super::params::{optional, parse, required};
use super::reply::{Reply, UNKNOWN_DOMAIN};
use super::shapes::GRADE;
use crate::http::Request;
use crate::json::{Field, Json, text};
use crate::model::state::State;
use crate::model::zone::{DEFAULT_TTL, LINES, Record, host};

/// The TTLs the vendor takes (its plans raise the floor; the fake has none).
const TTL_RANGE: std::ops::RangeInclusive<u32> = 1..=604_800;
/// The MX priorities the legacy API takes.
const MX_RANGE: std::ops::RangeInclusive<u16> = 1..=20;

/// The record a Create or Modify describes, whole. What it leaves out takes the
/// documented default: `sub_domain` `@`, `status` enable, TTL 600, no weight; a Modify is
/// a full replace, so a field left out is not kept (RECORDS.md leaves the status and
/// weight of a Modify that omits them unknown: the fake takes the reading that punishes a
/// client sending only some fields). No remark: neither action takes one.
fn record_of(request: &Request, domain_id: u64, remark: String) -> Result<Record, Reply> {
    let record_type = required(request, "record_type")?
        .trim()
        .to_ascii_uppercase();
    let value = required(request, "value")?.trim();
    let sub_domain = host(optional(request, "sub_domain").unwrap_or("@"));
    let mut record = Record::new(sub_domain, &record_type, &line(request)?, value);
    record.domain_id = domain_id;
    record.remark = remark;
    record.ttl = match optional(request, "ttl") {
        None => DEFAULT_TTL,
        Some(ttl) => Some(parse(ttl, "ttl")?)
            .filter(|ttl| TTL_RANGE.contains(ttl))
            .ok_or(Reply::BadParam("ttl"))?,
    };
    record.mx = match (record_type.as_str(), optional(request, "mx")) {
        ("MX", Some(mx)) => Some(parse(mx, "mx").map_err(|_| Reply::BadMx)?)
            .filter(|mx| MX_RANGE.contains(mx))
            .map(Some)
            .ok_or(Reply::BadMx)?,
        ("MX", None) => return Err(Reply::BadMx),
        _ => None,
    };
    record.enabled = match optional(request, "status") {
        None | Some("enable") => true,
        Some("disable") => false,
        Some(_) => return Err(Reply::BadParam("status")),
    };
    record.weight = optional(request, "weight")
        .map(|weight| parse(weight, "weight"))
        .transpose()?;
    Ok(record)
}

/// The line's name: `record_line_id` wins over `record_line`, as documented.
fn line(request: &Request) -> Result<String, Reply> {
    match optional(request, "record_line_id") {
        Some(id) => LINES
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, name)| (*name).to_string())
            .ok_or(Reply::BadLine),
        None => Ok(required(request, "record_line")?.trim().to_string()),
    }
}

/// The `record_id` parameter: a bad one is the vendor's code 8.
fn record_id(request: &Request) -> Result<u64, Reply> {
    optional(request, "record_id")
        .and_then(|id| id.parse().ok())
        .ok_or(Reply::BadRecordId)
}

/// The domain the request names, as the look-ups name it, and its record `record_id`.
fn target(request: &Request, state: &mut State) -> Result<(u64, u64), Reply> {
    let (domain_id, _) = domain_of(request, state.zone(), UNKNOWN_DOMAIN)?;
    Ok((domain_id, record_id(request)?))
}

fn weight(record: &Record) -> Json {
    record.weight.map_or(Json::Null, |w| Json::Num(w.into()))
}

pub(super) fn create(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, _) = domain_of(request, state.zone(), UNKNOWN_DOMAIN)?;
    let record = record_of(request, domain_id, String::new())?;
    let id = state.create_record(record.clone()).map_err(Reply::Record)?;
    let status = if record.enabled {
        "enabled"
    } else {
        "disabled"
    };
    Ok(vec![(
        "record",
        Json::Obj(vec![
            ("id", text(id.to_string())),
            ("name", text(record.sub_domain.as_str())),
            ("status", text(status)),
            ("weight", weight(&record)),
        ]),
    )])
}

pub(super) fn modify(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, id) = target(request, state)?;
    let live = state.own_record(domain_id, id).map_err(Reply::Record)?;
    let record = record_of(request, domain_id, live.remark)?;
    state
        .replace_record(domain_id, id, record.clone())
        .map_err(Reply::Record)?;
    let status = if record.enabled { "enable" } else { "disable" };
    Ok(vec![(
        "record",
        Json::Obj(vec![
            ("id", Json::Num(id)),
            ("name", text(record.sub_domain.as_str())),
            ("value", text(record.value.as_str())),
            ("status", text(status)),
            ("weight", weight(&record)),
        ]),
    )])
}

pub(super) fn status(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, id) = target(request, state)?;
    let (enabled, word) = match required(request, "status")?.trim() {
        "enable" => (true, "enable"),
        "disable" => (false, "disable"),
        _ => return Err(Reply::BadParam("status")),
    };
    let record = state
        .set_enabled(domain_id, id, enabled)
        .map_err(Reply::Record)?;
    Ok(vec![(
        "record",
        Json::Obj(vec![
            ("id", Json::Num(id)),
            ("name", text(host(&record.sub_domain))),
            ("status", text(word)),
        ]),
    )])
}

/// An empty `remark` clears it, so it is read as sent, not as a required field.
pub(super) fn remark(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, id) = target(request, state)?;
    let remark = request.param("remark").ok_or(Reply::BadParam("remark"))?;
    state
        .set_remark(domain_id, id, remark)
        .map_err(Reply::Record)?;
    Ok(Vec::new())
}

/// Record.Info: `domain` with its `id` a number, `record` with its `id` and `domain_id`
/// strings, as documented. DNSPod's own records are shown too: it changes nothing.
pub(super) fn info(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, id) = target(request, state)?;
    let zone = state.zone();
    let record = zone
        .record(id)
        .filter(|r| r.domain_id == domain_id)
        .ok_or(Reply::BadRecordId)?;
    let names = zone.names(domain_id).ok_or(Reply::BadParam("domain_id"))?;
    let mx = record
        .mx
        .filter(|_| record.record_type == "MX")
        .unwrap_or(0);
    let domain = Json::Obj(vec![
        ("id", Json::Num(domain_id)),
        ("domain", text(names.unicode.as_str())),
        ("domain_grade", text(GRADE)),
    ]);
    let record = Json::Obj(vec![
        ("id", text(id.to_string())),
        ("sub_domain", text(host(&record.sub_domain))),
        ("record_type", text(record.record_type.as_str())),
        ("record_line", text(record.line.as_str())),
        ("record_line_id", text(line_id(&record.line))),
        ("value", text(record.value.as_str())),
        ("weight", weight(record)),
        ("mx", text(mx.to_string())),
        ("ttl", text(record.ttl.to_string())),
        ("enabled", text(if record.enabled { "1" } else { "0" })),
        ("monitor_status", text("")),
        ("remark", text(record.remark.as_str())),
        ("updated_on", text(zone.updated_on(id))),
        ("domain_id", text(domain_id.to_string())),
    ]);
    Ok(vec![("domain", domain), ("record", record)])
}
