//! The batch answers in API 3.0's shapes with the vendor's loose types: `TTL` a string in
//! DescribeBatchTask and a number in the submit echoes, `Weight` a string or null, the
//! record-create echo's `DomainId` a string, ids null until known, `ErrMsg` null unless failed.
//! DeleteRecordBatch answers in its own shape, `DeleteRecordBatchDetail`, whose
//! `RecordList` is a string holding JSON.

use crate::json::{Field, Json, count, text};
use crate::model::item::{DomainItem, RecordItem};
use crate::model::job::{Job, Kind};
use crate::text::{Lang, err_msg, status};

/// Which answer an item list is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Echo,
    Describe,
}

const GRADE: &str = "DP_Free";

/// A submit's fields: the job id, a number, and the echo of what was queued.
pub(super) fn submitted(job: &Job, lang: Lang) -> Vec<Field> {
    vec![
        ("JobId", Json::Num(job.id)),
        ("DetailList", detail_list(job, View::Echo, lang)),
    ]
}

/// DeleteRecordBatch's fields: the job id and, per domain, a `DeleteRecordBatchDetail`
/// (`DomainId`, `Domain`, `Error`, `Status`, `Operation` `remove`, and `RecordList`,
/// which the vendor documents only as "the records, JSON-serialised into a string": the
/// fake serialises `[{RecordId, SubDomain, RecordType, RecordLine, Value, TTL}]`).
pub(super) fn deleting(job: &Job, lang: Lang) -> Vec<Field> {
    let details = job.domains.iter().map(|domain| {
        let records = domain.records.iter().map(|item| {
            let r = &item.record;
            Json::Obj(vec![
                ("RecordId", Json::Num(r.id)),
                ("SubDomain", text(r.sub_domain.as_str())),
                ("RecordType", text(r.record_type.as_str())),
                ("RecordLine", text(r.line.as_str())),
                ("Value", text(r.value.as_str())),
                ("TTL", Json::Num(r.ttl.into())),
            ])
        });
        Json::Obj(vec![
            ("DomainId", domain.domain_id.map_or(Json::Null, Json::Num)),
            ("Domain", text(domain.name.as_str())),
            ("Error", err_msg(domain.status, lang)),
            ("Status", status(domain.status)),
            ("Operation", text("remove")),
            ("RecordList", text(Json::Arr(records.collect()).to_string())),
        ])
    });
    vec![
        ("JobId", Json::Num(job.id)),
        ("DetailList", Json::Arr(details.collect())),
    ]
}

/// DescribeBatchTask's fields.
pub(super) fn task(job: &Job, lang: Lang) -> Vec<Field> {
    let (total, success, fail) = job.counts();
    let kind = match job.kind {
        Kind::Domain => "domain",
        Kind::RecordAdd => "record_add",
        Kind::RecordModify(_) => "record_modify",
        // The vendor's value is not documented: the fake's own choice.
        Kind::RecordDelete => "record_delete",
    };
    vec![
        ("DetailList", detail_list(job, View::Describe, lang)),
        ("TotalCount", count(total)),
        ("SuccessCount", count(success)),
        ("FailCount", count(fail)),
        ("JobType", text(kind)),
        ("CreatedAt", text(job.created_at.as_str())),
    ]
}

fn detail_list(job: &Job, view: View, lang: Lang) -> Json {
    let items = job.domains.iter().enumerate();
    Json::Arr(
        items
            .map(|(i, domain)| domain_item(job, i, domain, view, lang))
            .collect(),
    )
}

fn domain_item(job: &Job, i: usize, domain: &DomainItem, view: View, lang: Lang) -> Json {
    let domain_id = match (domain.domain_id, &job.kind, view) {
        (None, _, _) => Json::Null,
        // The echo of a record job gives back the strings it was sent.
        (Some(id), Kind::RecordAdd, View::Echo) => text(id.to_string()),
        (Some(id), _, _) => Json::Num(id),
    };
    let operation = match job.kind {
        Kind::Domain => text("plus"),
        Kind::RecordAdd | Kind::RecordModify(_) | Kind::RecordDelete => Json::Null,
    };
    let records = domain.records.iter().enumerate();
    let records = records.map(|(j, item)| record_item(job, j, item, view, lang));
    let mut fields = vec![("Id", count(i)), ("Domain", text(domain.name.as_str()))];
    // A domain job's echo has no id yet to show.
    if !(matches!(job.kind, Kind::Domain) && view == View::Echo) {
        fields.push(("DomainId", domain_id));
    }
    fields.extend([
        ("DomainGrade", text(GRADE)),
        ("ErrMsg", err_msg(domain.status, lang)),
        ("Status", status(domain.status)),
        ("Operation", operation),
        ("RecordList", Json::Arr(records.collect())),
    ]);
    Json::Obj(fields)
}

fn record_item(job: &Job, j: usize, item: &RecordItem, view: View, lang: Lang) -> Json {
    let r = match view {
        View::Echo => item.echoed(),
        View::Describe => &item.record,
    };
    let mut fields = vec![("Id", count(j))];
    if !(matches!(job.kind, Kind::Domain) && view == View::Echo) {
        fields.push(("RecordId", item.record_id().map_or(Json::Null, Json::Num)));
    }
    let ttl = match view {
        View::Echo => Json::Num(r.ttl.into()),
        View::Describe => text(r.ttl.to_string()),
    };
    let mx = match (r.record_type.as_str(), r.mx) {
        ("MX", Some(mx)) => Json::Num(mx.into()),
        _ => Json::Null,
    };
    let operation = match job.kind {
        Kind::RecordModify(_) => "edit",
        // As DeleteRecordBatchDetail's `Operation`.
        Kind::RecordDelete => "remove",
        Kind::Domain | Kind::RecordAdd => "plus",
    };
    fields.extend([
        ("SubDomain", text(r.sub_domain.as_str())),
        ("RecordType", text(r.record_type.as_str())),
        ("RecordLine", text(r.line.as_str())),
        ("Value", text(r.value.as_str())),
        ("TTL", ttl),
        ("MX", mx),
        ("Status", status(item.status)),
        ("Operation", text(operation)),
        ("ErrMsg", err_msg(item.status, lang)),
    ]);
    if view == View::Describe {
        // Weight a string, as the vendor's examples write it (`"Weight": "10"`).
        let weight = r.weight.map_or(Json::Null, |w| text(w.to_string()));
        fields.extend([
            ("Enabled", Json::Num(u64::from(r.enabled))),
            ("Weight", weight),
            ("Remark", text(r.remark.as_str())),
        ]);
    }
    Json::Obj(fields)
}
