//! One request in, one answer out: method, format and token checks, then the four batch actions.

use std::net::Ipv4Addr;
use std::sync::Mutex;

use serde_json::Value;

use crate::http::{self, Request, Response};
use crate::job::{Change, Modification};
use crate::render::{self, Field};
use crate::state::{RecordSpec, State};
use crate::text::{Lang, Reply};
use crate::zone::{DEFAULT_LINE, DEFAULT_TTL};

pub(crate) fn handle(request: &Request, token: &str, state: &Mutex<State>) -> Response {
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
        "Batch.Domain.Create" => domain_create(request, &mut state, lang),
        "Batch.Record.Create" => record_create(request, &mut state, lang),
        "Batch.Record.Modify" => record_modify(request, &mut state, lang),
        "Batch.Detail" => detail(request, &mut state, lang),
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

fn domain_create(request: &Request, state: &mut State, lang: Lang) -> Result<Vec<Field>, Reply> {
    let names: Vec<String> = list(request, "domains")?
        .into_iter()
        .map(String::from)
        .collect();
    let value: Option<Ipv4Addr> = optional(request, "record_value")
        .map(|value| parse(value, "record_value"))
        .transpose()?;
    Ok(render::submitted(state.create_domains(&names, value), lang))
}

fn record_create(request: &Request, state: &mut State, lang: Lang) -> Result<Vec<Field>, Reply> {
    let domain_ids = ids(request, "domain_id")?;
    let specs = record_specs(required(request, "records")?).ok_or(Reply::BadParam("records"))?;
    Ok(render::submitted(
        state.create_records(&domain_ids, &specs),
        lang,
    ))
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

fn record_modify(request: &Request, state: &mut State, lang: Lang) -> Result<Vec<Field>, Reply> {
    let record_ids = ids(request, "record_id")?;
    let to = required(request, "change_to")?.trim();
    let change = match required(request, "change")?.trim() {
        "sub_domain" => Change::SubDomain(to.to_string()),
        "record_type" => Change::RecordType(to.to_ascii_uppercase()),
        "area" => Change::Area(to.to_string()),
        "value" => Change::Value(to.to_string()),
        "mx" => Change::Mx(parse(to, "change_to")?),
        "ttl" => Change::Ttl(parse(to, "change_to")?),
        // The vendor's two copies of its page disagree on the pause value; take both.
        "status" => Change::Status(match to {
            "enable" | "enabled" => true,
            "disable" | "disabled" => false,
            _ => return Err(Reply::BadParam("change_to")),
        }),
        _ => return Err(Reply::BadParam("change")),
    };
    let modification = Modification {
        change,
        value: optional(request, "value").map(str::to_string),
        mx: optional(request, "mx")
            .map(|mx| parse(mx, "mx"))
            .transpose()?,
    };
    Ok(render::submitted(
        state.modify_records(&record_ids, modification),
        lang,
    ))
}

fn detail(request: &Request, state: &mut State, lang: Lang) -> Result<Vec<Field>, Reply> {
    let job_id = parse(required(request, "job_id")?, "job_id")?;
    let job = state.poll(job_id).ok_or(Reply::NoSuchJob)?;
    Ok(render::detail(job, lang))
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
