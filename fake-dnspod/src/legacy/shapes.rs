//! The batch answers in the vendor's exact shapes: submit echoes and Batch.Detail, each
//! with its own mix of numbers and strings and its own key order; the look-ups' bodies
//! are in `listings.rs`.

use crate::json::{Field, Json, count, text};
use crate::model::item::{DomainItem, RecordItem};
use crate::model::job::{Job, Kind};
use crate::model::zone::DEFAULT_MX;
use crate::text::{Lang, err_msg, status};

/// Which answer an item list is for: the submit's echo or Batch.Detail.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Echo,
    Detail,
}

/// The fields after the envelope of a submit answer.
pub(super) fn submitted(job: &Job, lang: Lang) -> Vec<Field> {
    vec![
        ("job_id", text(job.id.to_string())),
        ("detail", items(job, View::Echo, lang)),
    ]
}

/// The fields after the envelope of a Batch.Detail answer.
pub(super) fn detail(job: &Job, lang: Lang) -> Vec<Field> {
    let (total, success, fail) = job.counts();
    let (kind, tally): (&str, fn(usize) -> Json) = match job.kind {
        Kind::Domain => ("domain", count),
        Kind::RecordAdd => ("record_add", count),
        // API 3.0's ModifyRecordBatchV3 jobs too: the legacy API has no such job.
        Kind::RecordModify | Kind::RecordEdit => ("record_modify", |n| text(n.to_string())),
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
        Kind::RecordModify | Kind::RecordEdit => record_modify_job,
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

pub(super) const GRADE: &str = "DP_Free";

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
