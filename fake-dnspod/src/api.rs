//! One request in, one answer out: method, format and token checks, then the four batch
//! actions, the three read-only look-ups and Record.Remove.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Mutex;

use serde_json::Value;

use crate::http::{self, Request, Response};
use crate::job::{BadChange, Change, Modification};
use crate::render::{self, Field};
use crate::state::{RecordSpec, State};
use crate::text::{Lang, Reply, UNKNOWN_DOMAIN};
use crate::zone::{DEFAULT_LINE, DEFAULT_TTL, Names, Record, Zone, host};

/// Answers `request`, which came from `client`.
pub(crate) fn handle(
    request: &Request,
    client: IpAddr,
    token: &str,
    state: &Mutex<State>,
) -> Response {
    let lang = Lang::from_param(request.param("lang"));
    if request.method != "POST" {
        return refusal(Reply::PostOnly, lang);
    }
    if request.param("format") != Some("json") {
        let reply = Reply::JsonOnly;
        let body = render::xml_envelope(reply.code(), &reply.message(lang));
        return Response::new(200, http::XML, body);
    }
    if request.param("login_token") != Some(token) {
        return refusal(Reply::LoginFailed, lang);
    }
    let mut state = crate::lock(state);
    let fields = match request.action.as_str() {
        "Batch.Domain.Create" => domain_create(request, &mut state, lang, client),
        "Batch.Record.Create" => record_create(request, &mut state, lang, client),
        "Batch.Record.Modify" => record_modify(request, &mut state, lang, client),
        "Batch.Detail" => detail(request, &mut state, lang),
        "Domain.Info" => domain_info(request, &mut state),
        "Domain.List" => domain_list(request, &mut state),
        "Record.List" => record_list(request, &mut state),
        "Record.Remove" => record_remove(request, &mut state),
        _ => Err(Reply::UnknownAction),
    };
    match fields {
        Ok(fields) => answer(Reply::Done, lang, fields),
        Err(reply) => refusal(reply, lang),
    }
}

fn answer(reply: Reply, lang: Lang, fields: Vec<Field>) -> Response {
    let body = render::envelope(reply.code(), &reply.message(lang), fields);
    Response::new(200, http::JSON, body)
}

fn refusal(reply: Reply, lang: Lang) -> Response {
    answer(reply, lang, Vec::new())
}

fn required<'a>(request: &'a Request, name: &'static str) -> Result<&'a str, Reply> {
    request
        .param(name)
        .filter(|value| !value.trim().is_empty())
        .ok_or(Reply::BadParam(name))
}

fn optional<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .param(name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// A comma list without blanks; at least one entry.
fn list<'a>(request: &'a Request, name: &'static str) -> Result<Vec<&'a str>, Reply> {
    let items: Vec<&str> = required(request, name)?
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() {
        Err(Reply::BadParam(name))
    } else {
        Ok(items)
    }
}

fn ids(request: &Request, name: &'static str) -> Result<Vec<u64>, Reply> {
    list(request, name)?
        .into_iter()
        .map(|id| {
            id.parse()
                .ok()
                .filter(|&id| id != 0)
                .ok_or(Reply::BadParam(name))
        })
        .collect()
}

fn parse<T: std::str::FromStr>(value: &str, name: &'static str) -> Result<T, Reply> {
    value.trim().parse().map_err(|_| Reply::BadParam(name))
}

fn domain_create(
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
    Ok(render::submitted(job, lang))
}

fn record_create(
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
    Ok(render::submitted(job, lang))
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

fn record_modify(
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
        .modify_records(&record_ids, modification, client)
        .map_err(Reply::JobRefused)?;
    Ok(render::submitted(job, lang))
}

fn detail(request: &Request, state: &mut State, lang: Lang) -> Result<Vec<Field>, Reply> {
    let job_id = parse(required(request, "job_id")?, "job_id")?;
    let job = state.poll(job_id).ok_or(Reply::NoSuchJob)?;
    Ok(render::detail(job, lang))
}

/// The part of a filtered list a look-up answers.
struct Page {
    offset: usize,
    length: usize,
}

impl Page {
    /// `offset` (0-based) and `length` (at most `limit`), refused under the codes the
    /// action gives them.
    fn of(
        request: &Request,
        (offset_code, length_code): (&'static str, &'static str),
        limit: usize,
    ) -> Result<Page, Reply> {
        let offset = match optional(request, "offset") {
            None => 0,
            Some(offset) => offset
                .parse()
                .map_err(|_| Reply::BadParamCoded(offset_code, "offset"))?,
        };
        // An empty page would never get a paging client anywhere.
        let length = match optional(request, "length") {
            None => limit,
            Some(length) => length
                .parse()
                .ok()
                .filter(|&length| length > 0)
                .ok_or(Reply::BadParamCoded(length_code, "length"))?,
        };
        Ok(Page {
            offset,
            length: length.min(limit),
        })
    }

    /// What the answer's shape depends on.
    fn asked(&self, request: &Request) -> render::Asked {
        render::Asked {
            first_page: self.offset == 0,
            by_name: optional(request, "domain_id").is_none(),
        }
    }

    fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = self.offset.min(items.len());
        let end = start.saturating_add(self.length).min(items.len());
        &items[start..end]
    }
}

/// The domain a look-up names by `domain_id` (code 6 when there is no such domain) or by
/// `domain`, in either form (`unknown` when the account has no such name).
fn domain_of<'z>(
    request: &Request,
    zone: &'z Zone,
    unknown: &'static str,
) -> Result<(u64, &'z Names), Reply> {
    let id = match optional(request, "domain_id") {
        Some(id) => parse(id, "domain_id")?,
        None => {
            let name = optional(request, "domain").ok_or(Reply::BadParam("domain_id"))?;
            zone.domain_named(name)
                .ok_or(Reply::UnknownDomain(unknown))?
        }
    };
    let names = zone.names(id).ok_or(Reply::BadParam("domain_id"))?;
    Ok((id, names))
}

/// The `keyword` parameter, lower-cased for matching.
fn keyword(request: &Request) -> Option<String> {
    optional(request, "keyword").map(str::to_lowercase)
}

fn domain_info(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let zone = state.zone();
    let (id, names) = domain_of(request, zone, UNKNOWN_DOMAIN)?;
    let records = zone.records().filter(|r| r.domain_id == id).count();
    Ok(render::domain_info(id, names, records))
}

/// `type` is taken and not read: every domain of the fake is listed under any type.
fn domain_list(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let page = Page::of(request, ("6", "7"), state.page_limit)?;
    let totals = state.totals;
    let keyword = keyword(request);
    let zone = state.zone();
    let matching: Vec<(u64, &Names)> = zone
        .all_names()
        .filter(|(_, names)| keyword.as_deref().is_none_or(|k| names.contain(k)))
        .collect();
    if matching.is_empty() {
        return Err(Reply::NoDomains);
    }
    // One pass over the records, not one per listed domain.
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for record in zone.records() {
        *counts.entry(record.domain_id).or_default() += 1;
    }
    let listed: Vec<(u64, &Names, usize)> = page
        .slice(&matching)
        .iter()
        .map(|&(id, names)| (id, names, counts.get(&id).copied().unwrap_or(0)))
        .collect();
    let all = zone.all_names().count();
    Ok(render::domain_list(
        (totals.claim(matching.len()), totals.claim(all)),
        &listed,
        page.asked(request),
    ))
}

fn record_list(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let unknown = state.record_list_unknown_domain;
    let (limit, totals) = (state.page_limit, state.totals);
    let zone = state.zone();
    let domain = domain_of(request, zone, unknown)?;
    let page = Page::of(request, ("7", "8"), limit)?;
    let sub_domain = optional(request, "sub_domain").map(host);
    let keyword = keyword(request);
    let records: Vec<&Record> = zone.records().filter(|r| r.domain_id == domain.0).collect();
    let wanted = |r: &Record| {
        sub_domain.is_none_or(|sub| host(&r.sub_domain).eq_ignore_ascii_case(sub))
            && keyword.as_deref().is_none_or(|k| {
                r.sub_domain.to_lowercase().contains(k) || r.value.to_lowercase().contains(k)
            })
    };
    let matching: Vec<&Record> = records.iter().copied().filter(|r| wanted(r)).collect();
    // Code 10 unless the client asked for an empty list instead.
    if matching.is_empty() && request.param("error_on_empty") != Some("no") {
        return Err(Reply::NoRecords);
    }
    Ok(render::record_list(
        zone,
        domain,
        (totals.claim(records.len()), totals.claim(matching.len())),
        page.slice(&matching),
        page.asked(request),
    ))
}

/// Record.Remove: the domain by `domain_id` or `domain` as the look-ups name it, then
/// `record_id`, which must be one of that domain's records (code 8 otherwise, as the
/// vendor documents). Done at once, not a job; the answer is the bare envelope.
fn record_remove(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, _) = domain_of(request, state.zone(), UNKNOWN_DOMAIN)?;
    let record_id: u64 = optional(request, "record_id")
        .and_then(|id| id.parse().ok())
        .ok_or(Reply::BadRecordId)?;
    if state.remove_record(domain_id, record_id) {
        Ok(Vec::new())
    } else {
        Err(Reply::BadRecordId)
    }
}

#[cfg(test)]
mod tests {
    use super::record_specs;

    #[test]
    fn record_specs_accept_the_vendor_example() {
        let json = r#"[{"sub_domain":"www,wap,bbs","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},
                       {"sub_domain":"","record_type":"mx","record_line":"默认","value":"mx.qq.com","ttl":"600","MX":10}]"#;
        let specs = record_specs(json).unwrap();
        assert_eq!(specs[0].hosts, ["www", "wap", "bbs"]);
        assert_eq!((specs[0].ttl, specs[0].mx), (600, None));
        assert_eq!(specs[1].hosts, [""]);
        assert_eq!(
            (specs[1].record_type.as_str(), specs[1].ttl, specs[1].mx),
            ("MX", 600, Some(10))
        );
    }

    #[test]
    fn record_specs_fill_defaults_and_refuse_junk() {
        let spec = &record_specs(r#"[{"record_type":"A","value":"1.2.3.4"}]"#).unwrap()[0];
        assert_eq!(
            (spec.hosts.as_slice(), spec.line.as_str(), spec.ttl),
            (&["@".to_string()][..], "默认", 600)
        );
        for junk in [
            "",
            "{}",
            "[]",
            "[1]",
            r#"[{"value":"1.2.3.4"}]"#,
            r#"[{"record_type":"A","value":"1.2.3.4","ttl":"x"}]"#,
            r#"[{"record_type":"A","value":"1.2.3.4","ttl":-1}]"#,
            r#"[{"record_type":"MX","value":"mx.","MX":70000}]"#,
            r#"[{"record_type":"A","value":7}]"#,
        ] {
            assert!(record_specs(junk).is_none(), "{junk}");
        }
    }
}
