//! The four batch actions: three submits, each queued as a job if the vendor's job limits
//! admit it, and Batch.Detail, which counts as a poll of the job.

use std::net::{IpAddr, Ipv4Addr};

use serde_json::Value;

use super::params::{ids, list, optional, parse, required};
use super::reply::Reply;
use super::shapes;
use crate::http::Request;
use crate::json::Field;
use crate::model::change::{BadChange, Change, Modification};
use crate::model::state::{RecordSpec, State};
use crate::model::zone::{DEFAULT_LINE, DEFAULT_TTL};
use crate::text::Lang;

pub(super) fn domain_create(
    request: &Request,
    state: &mut State,
    lang: Lang,
    client: IpAddr,
) -> Result<Vec<Field>, Reply> {
    let names: Vec<String> = list(request, "domains")?
        .into_iter()
        .map(String::from)
        .collect();
    let value: Option<Ipv4Addr> = optional(request, "record_value")
        .map(|value| parse(value, "record_value"))
        .transpose()?;
    let job = state
        .create_domains(&names, value, client)
        .map_err(Reply::JobRefused)?;
    Ok(shapes::submitted(job, lang))
}

pub(super) fn record_create(
    request: &Request,
    state: &mut State,
    lang: Lang,
    client: IpAddr,
) -> Result<Vec<Field>, Reply> {
    let domain_ids = ids(request, "domain_id")?;
    let specs = record_specs(required(request, "records")?).ok_or(Reply::BadParam("records"))?;
    let job = state
        .create_records(&domain_ids, &specs, client)
        .map_err(Reply::JobRefused)?;
    Ok(shapes::submitted(job, lang))
}

/// The `records` JSON: a non-empty array of record specs.
fn record_specs(json: &str) -> Option<Vec<RecordSpec>> {
    let specs: Vec<Value> = serde_json::from_str(json).ok()?;
    if specs.is_empty() {
        return None;
    }
    specs.iter().map(record_spec).collect()
}

/// One spec: numbers may come as strings, and the MX priority's key is `MX`.
fn record_spec(spec: &Value) -> Option<RecordSpec> {
    let record_type = text_or(spec, "record_type", "")?.to_ascii_uppercase();
    let value = text_or(spec, "value", "")?;
    if record_type.is_empty() || value.is_empty() {
        return None;
    }
    let ttl = match present(spec, "ttl") {
        None => DEFAULT_TTL,
        Some(ttl) => number(ttl)?.try_into().ok()?,
    };
    let mx = match present(spec, "MX") {
        None => None,
        Some(mx) => Some(number(mx)?.try_into().ok()?),
    };
    let hosts = text_or(spec, "sub_domain", "@")?;
    Some(RecordSpec {
        hosts: hosts
            .split(',')
            .map(|host| host.trim().to_string())
            .collect(),
        record_type,
        line: text_or(spec, "record_line", DEFAULT_LINE)?,
        value,
        ttl,
        mx,
    })
}

/// A field that is there and not null.
fn present<'a>(spec: &'a Value, name: &str) -> Option<&'a Value> {
    spec.get(name).filter(|value| !value.is_null())
}

/// A text field, `default` when absent; `None` when it is not text.
fn text_or(spec: &Value, name: &str, default: &str) -> Option<String> {
    match present(spec, name) {
        None => Some(default.to_string()),
        Some(value) => value.as_str().map(str::to_string),
    }
}

/// A whole number, sent as a JSON number or as a string.
fn number(value: &Value) -> Option<u64> {
    match value {
        Value::String(text) => text.trim().parse().ok(),
        other => other.as_u64(),
    }
}

pub(super) fn record_modify(
    request: &Request,
    state: &mut State,
    lang: Lang,
    client: IpAddr,
) -> Result<Vec<Field>, Reply> {
    let record_ids = ids(request, "record_id")?;
    let to = required(request, "change_to")?.trim();
    let change = Change::parse(required(request, "change")?, to).map_err(|bad| match bad {
        BadChange::Name => Reply::BadParam("change"),
        BadChange::Value => Reply::BadParam("change_to"),
    })?;
    let modification = Modification {
        change,
        value: optional(request, "value").map(str::to_string),
        mx: optional(request, "mx")
            .map(|mx| parse(mx, "mx"))
            .transpose()?,
    };
    let job = state
        .modify_records(&record_ids, &modification, client)
        .map_err(Reply::JobRefused)?;
    Ok(shapes::submitted(job, lang))
}

pub(super) fn detail(
    request: &Request,
    state: &mut State,
    lang: Lang,
) -> Result<Vec<Field>, Reply> {
    let job_id = parse(required(request, "job_id")?, "job_id")?;
    let job = state.poll(job_id).ok_or(Reply::NoSuchJob)?;
    Ok(shapes::detail(job, lang))
}

#[cfg(test)]
mod tests;
