//! Bodies in the vendor's exact shapes: the status envelope, submit echoes and Batch.Detail,
//! each with its own mix of numbers and strings and its own key order; the look-ups in `lookups`.

use std::fmt;

use crate::clock;
use crate::job::{DomainItem, Job, Kind, RecordItem, Status};
use crate::text::Lang;
use crate::zone::DEFAULT_MX;

mod lookups;

pub(crate) use lookups::{Asked, domain_info, domain_list, record_list};

/// A JSON value that keeps its keys in the order written, as the vendor's pages show them.
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(u64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<Field>),
}

pub(crate) type Field = (&'static str, Json);

pub(crate) fn text(value: impl Into<String>) -> Json {
    Json::Str(value.into())
}

pub(crate) fn count(n: usize) -> Json {
    Json::Num(n as u64)
}

/// The totals the look-ups claim beside their pages. A real server's may be missing, or
/// larger than what it lists (a list that lost entries): a client must not take a short
/// listing for the whole account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Totals {
    /// The true counts.
    #[default]
    True,
    /// No total at all: only the pages say where the list ends.
    Missing,
    /// This many more than the list holds.
    Overstated(usize),
}

impl Totals {
    /// What is claimed for a list of `n` entries; `None`: the field is left out.
    pub(crate) fn claim(self, n: usize) -> Option<usize> {
        match self {
            Totals::True => Some(n),
            Totals::Missing => None,
            Totals::Overstated(more) => Some(n + more),
        }
    }
}

/// The fields whose value is there; a total left out is no key at all.
pub(crate) fn present(fields: Vec<(&'static str, Option<Json>)>) -> Json {
    Json::Obj(
        fields
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)))
            .collect(),
    )
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Num(n) => write!(f, "{n}"),
            // serde_json does the escaping.
            Json::Str(s) => write!(f, "{}", serde_json::Value::from(s.as_str())),
            Json::Arr(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Obj(fields) => {
                f.write_str("{")?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{value}", serde_json::Value::from(*key))?;
                }
                f.write_str("}")
            }
        }
    }
}

/// `{"status": {...}, ...fields}`.
pub(crate) fn envelope(code: &str, message: &str, fields: Vec<Field>) -> String {
    let status = Json::Obj(vec![
        ("code", text(code)),
        ("message", text(message)),
        ("created_at", text(clock::now())),
    ]);
    let mut body = vec![("status", status)];
    body.extend(fields);
    Json::Obj(body).to_string()
}

/// The vendor's default format, sent when a client forgets `format=json`.
pub(crate) fn xml_envelope(code: &str, message: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dnspod><status><code>{code}</code>\
         <message>{message}</message><created_at>{}</created_at></status></dnspod>\n",
        clock::now()
    )
}

/// Which answer an item list is for: the submit's echo or Batch.Detail.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Echo,
    Detail,
}

/// The fields after the envelope of a submit answer.
pub(crate) fn submitted(job: &Job, lang: Lang) -> Vec<Field> {
    vec![
        ("job_id", text(job.id.to_string())),
        ("detail", items(job, View::Echo, lang)),
    ]
}

/// The fields after the envelope of a Batch.Detail answer.
pub(crate) fn detail(job: &Job, lang: Lang) -> Vec<Field> {
    let (total, success, fail) = job.counts();
    let (kind, tally): (&str, fn(usize) -> Json) = match job.kind {
        Kind::Domain => ("domain", count),
        Kind::RecordAdd => ("record_add", count),
        Kind::RecordModify(_) => ("record_modify", |n| text(n.to_string())),
        // API 3.0's DeleteRecordBatch jobs, shown as modify jobs are.
        Kind::RecordDelete => ("record_delete", |n| text(n.to_string())),
    };
    vec![
        ("detail", items(job, View::Detail, lang)),
        ("total", tally(total)),
        ("success", tally(success)),
        ("fail", tally(fail)),
        ("type", text(kind)),
        ("created_at", text(job.created_at.as_str())),
    ]
}

fn items(job: &Job, view: View, lang: Lang) -> Json {
    let render = match job.kind {
        Kind::Domain => domain_job,
        Kind::RecordAdd => record_add_job,
        Kind::RecordModify(_) => record_modify_job,
        Kind::RecordDelete => record_delete_job,
    };
    Json::Arr(
        job.domains
            .iter()
            .enumerate()
            .map(|(i, domain)| render(i, domain, view, lang))
            .collect(),
    )
}

const GRADE: &str = "DP_Free";

fn status(status: Status) -> Json {
    text(match status {
        Status::Waiting => "waiting",
        Status::Running => "running",
        Status::Ok => "ok",
        Status::Error(_) => "error",
    })
}

fn err_msg(status: Status, lang: Lang) -> Json {
    match status {
        Status::Error(failure) => text(failure.message(lang)),
        _ => Json::Null,
    }
}

/// The MX priority as the vendor writes it, a string.
fn mx(item: &RecordItem) -> Json {
    text(item.record.mx.unwrap_or(DEFAULT_MX).to_string())
}

fn is_mx(item: &RecordItem) -> bool {
    item.record.record_type == "MX"
}

/// Batch.Domain.Create's shapes: `domain_id` a string and `record_id` a number, both
/// absent until created; numeric `ttl`; `mx: null` in Detail only.
fn domain_job(i: usize, domain: &DomainItem, view: View, lang: Lang) -> Json {
    let records = domain.records.iter().enumerate().map(|(j, item)| {
        let r = &item.record;
        let mut fields = vec![
            ("id", count(j)),
            ("sub_domain", text(r.sub_domain.as_str())),
            ("record_type", text(r.record_type.as_str())),
            ("area", text(r.line.as_str())),
            ("value", text(r.value.as_str())),
            ("ttl", Json::Num(r.ttl.into())),
            ("err_msg", err_msg(item.status, lang)),
            ("status", status(item.status)),
            ("operation", text("plus")),
        ];
        if view == View::Detail {
            if let Some(id) = item.record_id() {
                fields.push(("record_id", Json::Num(id)));
            }
            fields.push(("mx", Json::Null));
        }
        Json::Obj(fields)
    });
    let mut fields = vec![
        ("id", count(i)),
        ("domain", text(domain.name.as_str())),
        ("domain_grade", text(GRADE)),
        ("err_msg", err_msg(domain.status, lang)),
        ("status", status(domain.status)),
        ("operation", text("plus")),
        ("records", Json::Arr(records.collect())),
    ];
    if let Some(id) = domain.domain_id {
        fields.push(("domain_id", text(id.to_string())));
    }
    Json::Obj(fields)
}

/// Batch.Record.Create's shapes: the echo has `domain_id` a string and `mx` on every
/// record; Detail has `domain_id` a number, `mx` on MX records only and `record_id` a
/// string once created. `ttl` is a string in both.
fn record_add_job(i: usize, domain: &DomainItem, view: View, lang: Lang) -> Json {
    let records = domain.records.iter().enumerate().map(|(j, item)| {
        let r = &item.record;
        let mut fields = vec![
            ("id", count(j)),
            ("sub_domain", text(r.sub_domain.as_str())),
            ("record_type", text(r.record_type.as_str())),
            ("area", text(r.line.as_str())),
            ("value", text(r.value.as_str())),
        ];
        if view == View::Echo || is_mx(item) {
            fields.push(("mx", mx(item)));
        }
        fields.extend([
            ("ttl", text(r.ttl.to_string())),
            ("err_msg", err_msg(item.status, lang)),
            ("status", status(item.status)),
            ("operation", text("plus")),
        ]);
        if let Some(id) = item.record_id() {
            fields.push(("record_id", text(id.to_string())));
        }
        Json::Obj(fields)
    });
    let domain_id = match (domain.domain_id, view) {
        (None, _) => Json::Null,
        (Some(id), View::Echo) => text(id.to_string()),
        (Some(id), View::Detail) => Json::Num(id),
    };
    Json::Obj(vec![
        ("id", count(i)),
        ("domain_id", domain_id),
        ("domain", text(domain.name.as_str())),
        ("domain_grade", text(GRADE)),
        ("err_msg", err_msg(domain.status, lang)),
        ("status", status(domain.status)),
        ("operation", Json::Null),
        ("records", Json::Arr(records.collect())),
    ])
}

/// Batch.Record.Modify's shapes, the same in echo and Detail: `domain_id` a number (null
/// for unknown records), `record_id`, `ttl` and `enabled` strings, `mx` on MX records only.
fn record_modify_job(i: usize, domain: &DomainItem, view: View, lang: Lang) -> Json {
    record_job(i, domain, "edit", view, lang)
}

/// A DeleteRecordBatch job in Batch.Detail: the legacy API has no such job, so the
/// fake shows it in Batch.Record.Modify's shapes, with `operation` `remove`.
fn record_delete_job(i: usize, domain: &DomainItem, view: View, lang: Lang) -> Json {
    record_job(i, domain, "remove", view, lang)
}

fn record_job(i: usize, domain: &DomainItem, operation: &str, view: View, lang: Lang) -> Json {
    let records = domain.records.iter().enumerate().map(|(j, item)| {
        let r = match view {
            View::Echo => item.echoed(),
            View::Detail => &item.record,
        };
        let mut fields = vec![
            ("record_id", text(r.id.to_string())),
            ("sub_domain", text(r.sub_domain.as_str())),
            ("area", text(r.line.as_str())),
            ("record_type", text(r.record_type.as_str())),
            ("ttl", text(r.ttl.to_string())),
            ("value", text(r.value.as_str())),
            ("enabled", text(if r.enabled { "1" } else { "0" })),
            ("status", status(item.status)),
        ];
        if is_mx(item) {
            fields.push(("mx", mx(item)));
        }
        fields.extend([
            ("err_msg", err_msg(item.status, lang)),
            ("id", count(j)),
            ("operation", text(operation)),
        ]);
        Json::Obj(fields)
    });
    Json::Obj(vec![
        ("domain_id", domain.domain_id.map_or(Json::Null, Json::Num)),
        ("domain", text(domain.name.as_str())),
        ("err_msg", err_msg(domain.status, lang)),
        ("status", status(domain.status)),
        ("operation", Json::Null),
        ("records", Json::Arr(records.collect())),
        ("domain_grade", text(GRADE)),
        ("id", count(i)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_key_order_and_escapes() {
        let value = Json::Obj(vec![
            ("z", Json::Null),
            ("a", Json::Arr(vec![Json::Num(1), text("默认 \"q\"\n")])),
        ]);
        assert_eq!(value.to_string(), r#"{"z":null,"a":[1,"默认 \"q\"\n"]}"#);
    }

    #[test]
    fn envelope_parses_with_status_first() {
        let body = envelope("8", "No such job", vec![("x", Json::Num(1))]);
        assert!(
            body.starts_with(r#"{"status":{"code":"8","message":"No such job","created_at":""#)
        );
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["x"], 1);
    }
}
