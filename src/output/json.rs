//! `--json` output, from the job model: its items' fields are normalised when a backend
//! reads them (numbers as `u64`, text as text), so numeric fields are JSON numbers or
//! `null` by type.

use crate::backend::DryRun;
use crate::escape::JsonEscapes;
use crate::export::RecordRow;
use crate::job::{DomainItem, Job, JobKind};
use crate::resolve::Selected;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Submitted<'a> {
    job_id: u64,
    action: &'a str,
}

/// The shape README documents for `detail`, `wait` and `--wait`.
#[derive(Serialize)]
struct JobReport<'a> {
    job_id: u64,
    #[serde(rename = "type")]
    job_type: Option<&'a str>,
    created_at: Option<&'a str>,
    finished: bool,
    total: Option<u64>,
    success: Option<u64>,
    fail: Option<u64>,
    domains: &'a [DomainItem],
}

#[derive(Serialize)]
struct DryRunReport<'a> {
    dry_run: bool,
    method: &'static str,
    url: &'a str,
    user_agent: &'a str,
    /// Headers beside `Content-Type` (API 3.0 only, so a legacy dry run keeps its shape).
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    headers: serde_json::Map<String, serde_json::Value>,
    /// Absent when the request has a JSON body instead.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    form: serde_json::Map<String, serde_json::Value>,
    /// The exact bytes of a JSON body, as a string so that they stay exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
}

/// One JSON document and a newline, hidden characters escaped (see `escape`).
pub(super) fn finish(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, JsonEscapes);
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

pub(super) fn write_submitted(out: &mut dyn Write, job_id: u64, command: &str) -> io::Result<()> {
    finish(
        out,
        &Submitted {
            job_id,
            action: command,
        },
    )
}

/// The API's counters where it sent them; our own count of the items where it did not.
pub(super) fn write_job(out: &mut dyn Write, job_id: u64, detail: &Job) -> io::Result<()> {
    let tally = detail.tally();
    let report = JobReport {
        job_id,
        job_type: detail.kind.map(JobKind::as_str),
        created_at: detail.created_at.as_deref(),
        finished: tally.finished(),
        total: detail.total.or(Some(tally.total)),
        success: detail.success.or(Some(tally.ok)),
        fail: detail.fail.or(Some(tally.failed)),
        domains: &detail.domains,
    };
    finish(out, &report)
}

/// One selected record, and whether it is skipped.
#[derive(Serialize)]
struct SelectedRecord<'a> {
    #[serde(flatten)]
    record: RecordRow<'a>,
    skip: bool,
}

pub(super) fn write_selection(out: &mut dyn Write, rows: &[(bool, &Selected)]) -> io::Result<()> {
    let records: Vec<SelectedRecord<'_>> = rows
        .iter()
        .map(|(skip, selected)| SelectedRecord {
            record: RecordRow::of(&selected.domain, &selected.record),
            skip: *skip,
        })
        .collect();
    finish(out, &records)
}

/// Name-value pairs as a JSON object of strings.
fn object(pairs: &[(&'static str, String)]) -> serde_json::Map<String, serde_json::Value> {
    pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), serde_json::Value::String(value.clone())))
        .collect()
}

pub(super) fn write_dry_run(out: &mut dyn Write, request: &DryRun) -> io::Result<()> {
    finish(
        out,
        &DryRunReport {
            dry_run: true,
            method: request.method,
            url: &request.url,
            user_agent: &request.user_agent,
            headers: object(&request.headers),
            form: object(&request.form),
            body: request.body.as_deref(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::legacy::wire::JobDetail;

    /// A job as the legacy backend reads it from a vendor body.
    fn vendor_job(body: &str) -> Job {
        serde_json::from_str::<JobDetail>(body).unwrap().into_job()
    }
    use serde_json::{Value, json};

    #[test]
    fn the_vendor_example_becomes_the_spec_shape() {
        let detail = vendor_job(include_str!("../../tests/cli/vendor/batch-detail.json"));
        let mut out = Vec::new();
        write_job(&mut out, 409752, &detail).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["job_id"], json!(409752));
        assert_eq!(value["finished"], json!(true));
        assert_eq!(
            (&value["total"], &value["success"], &value["fail"]),
            (&json!(6), &json!(6), &json!(0))
        );
        let domain = &value["domains"][0];
        assert_eq!(domain["domain_id"], json!(25562928));
        let record = &domain["records"][0];
        assert_eq!(record["record_id"], json!(118332371));
        assert_eq!(record["mx"], Value::Null);
        // Keys come in the order README shows them.
        let text = String::from_utf8(out).unwrap();
        let order = [
            "\"job_id\"",
            "\"type\"",
            "\"created_at\"",
            "\"finished\"",
            "\"total\"",
            "\"domains\"",
            "\"domain_id\"",
            "\"domain_grade\"",
            "\"operation\"",
            "\"records\"",
            "\"record_id\"",
            "\"sub_domain\"",
            "\"record_type\"",
            "\"area\"",
            "\"value\"",
            "\"ttl\"",
            "\"mx\"",
        ];
        let positions: Vec<usize> = order.iter().map(|key| text.find(key).unwrap()).collect();
        assert!(positions.is_sorted(), "{text}");
    }

    #[test]
    fn string_counters_become_numbers() {
        let detail = vendor_job(
            r#"{"status": {"code": "1"}, "total": "3", "success": "2", "fail": "1", "type": "record_modify", "detail": []}"#,
        );
        let mut out = Vec::new();
        write_job(&mut out, 1, &detail).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!((&value["total"], &value["fail"]), (&json!(3), &json!(1)));
    }

    /// A delete job's detail in JSON and in the table is a modify job's, but for its type.
    #[test]
    fn a_delete_job_renders_as_a_modify_job_does() {
        let render = |job_type: &str| {
            let job = vendor_job(&format!(
                r#"{{"status": {{"code": "1"}}, "type": "{job_type}", "total": 3, "detail": [
                    {{"domain": "a.cn", "domain_id": 7, "status": "ok", "operation": "remove", "records": [
                        {{"record_id": 36, "sub_domain": "www", "record_type": "A", "area": "默认",
                          "value": "1.1.1.1", "ttl": 600, "operation": "remove", "status": "ok"}},
                        {{"record_id": 37, "status": "error", "err_msg": "记录不存在"}}]}}]}}"#
            ));
            let (mut json, mut table) = (Vec::new(), Vec::new());
            write_job(&mut json, 5, &job).unwrap();
            crate::output::table::write_job(&mut table, 5, &job, false).unwrap();
            String::from_utf8([json, table].concat()).unwrap()
        };
        let delete = render("record_delete");
        assert!(delete.contains(r#""type":"record_delete""#), "{delete}");
        assert_eq!(
            delete.replace("record_delete", "record_modify"),
            render("record_modify")
        );
    }

    #[test]
    fn a_dry_run_with_a_json_body_shows_headers_and_body_instead_of_a_form() {
        let request = DryRun {
            method: "POST",
            url: "https://dnspod.tencentcloudapi.com/".into(),
            user_agent: "dpbatch/test".into(),
            content_type: "application/json; charset=utf-8",
            form: Vec::new(),
            headers: vec![("X-TC-Action", "DescribeBatchTask".into())],
            body: Some(r#"{"JobId":69}"#.into()),
        };
        let mut out = Vec::new();
        write_dry_run(&mut out, &request).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"dry_run":true,"method":"POST","url":"https://dnspod.tencentcloudapi.com/","#,
                r#""user_agent":"dpbatch/test","headers":{"X-TC-Action":"DescribeBatchTask"},"#,
                r#""body":"{\"JobId\":69}"}"#,
                "\n"
            )
        );
    }

    #[test]
    fn submits_print_id_and_action() {
        let mut out = Vec::new();
        write_submitted(&mut out, 39581, "domain-create").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"job_id\":39581,\"action\":\"domain-create\"}\n"
        );
    }
}
