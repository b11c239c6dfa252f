//! What `retry` submits: the failed items of a finished job, and nothing that succeeded,
//! in as few jobs as the batch actions allow.
//!
//! Batch.Record.Create applies every record spec to every domain, so failed records are
//! grouped by domain and domains with the same failed specs share one job. A failed
//! domain of a domain job is created again (with its `@`/`www` value); a failed record of
//! a domain that was created is added to it. A record-modify job's change is not in its
//! detail, so it comes from the job history.

use crate::api::{Action, Domain, ItemStatus, JobDetail, Record, Request};
use crate::error::usage;
use crate::history::Entry;
use crate::input::records::{DEFAULT_LINE, DEFAULT_TTL, RecordSpec};
use anyhow::{Context, anyhow};
use std::collections::BTreeMap;

/// One job to submit: the command that would have sent it, and its request.
pub(crate) type Planned = (&'static str, Request);

/// The jobs that retry the failed items of `detail`; `history` is the job's history entry.
pub(crate) fn plan(
    job_id: u64,
    detail: &JobDetail,
    history: Option<&Entry>,
) -> anyhow::Result<Vec<Planned>> {
    match detail.job_type.as_deref() {
        Some("domain") => domain_job(detail, history),
        Some("record_add") => record_jobs(detail.domains.iter().map(|d| (d, failed(&d.records)))),
        Some("record_modify") => modify_job(job_id, detail, history),
        other => Err(anyhow!(
            "job {job_id} has type {other:?}, which dpbatch cannot retry"
        )),
    }
}

fn failed(records: &[Record]) -> Vec<&Record> {
    records
        .iter()
        .filter(|r| r.status == ItemStatus::Error)
        .collect()
}

/// A record of a job as the spec that would create it again.
fn spec(record: &Record) -> anyhow::Result<RecordSpec> {
    let missing = |field: &str| {
        anyhow!("a failed record has no {field} in the job's detail, so it cannot be retried")
    };
    let record_type = record
        .record_type
        .as_deref()
        .ok_or_else(|| missing("record_type"))?
        .to_ascii_uppercase();
    Ok(RecordSpec {
        sub_domain: record.sub_domain.as_deref().unwrap_or("@").to_owned(),
        mx: (record_type == "MX").then_some(record.mx).flatten(),
        record_type,
        record_line: record.area.as_deref().unwrap_or(DEFAULT_LINE).to_owned(),
        value: record
            .value
            .as_deref()
            .ok_or_else(|| missing("value"))?
            .to_owned(),
        ttl: record.ttl.unwrap_or(DEFAULT_TTL),
    })
}

/// Failed domains are created again, grouped by the A record value they were created with
/// (from their records, else from the history); failed records of domains that exist are
/// added to them.
fn domain_job(detail: &JobDetail, history: Option<&Entry>) -> anyhow::Result<Vec<Planned>> {
    let asked = history
        .and_then(|entry| entry.params.get("record_value"))
        .map(String::as_str);
    let mut by_value: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    for domain in detail
        .domains
        .iter()
        .filter(|d| d.status == ItemStatus::Error)
    {
        let name = domain
            .domain
            .as_deref()
            .context("a failed domain has no name in the job's detail")?;
        let value = domain
            .records
            .iter()
            .find_map(|r| r.value.as_deref())
            .or(asked);
        by_value.entry(value).or_default().push(name);
    }
    let mut jobs: Vec<Planned> = by_value
        .into_iter()
        .map(|(value, names)| {
            let mut params = vec![("domains", names.join(","))];
            params.extend(value.map(|v| ("record_value", v.to_owned())));
            (
                "domain-create",
                Request {
                    action: Action::DomainCreate,
                    params,
                },
            )
        })
        .collect();
    let created = detail.domains.iter().filter(|d| d.status == ItemStatus::Ok);
    jobs.extend(record_jobs(created.map(|d| (d, failed(&d.records))))?);
    Ok(jobs)
}

/// One Batch.Record.Create per distinct set of failed specs, with every domain that has it.
/// The group's key is its `records` parameter itself.
fn record_jobs<'a>(
    failures: impl Iterator<Item = (&'a Domain, Vec<&'a Record>)>,
) -> anyhow::Result<Vec<Planned>> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (domain, records) in failures.filter(|(_, records)| !records.is_empty()) {
        let name = domain.domain.as_deref().unwrap_or("?");
        let id = domain
            .domain_id
            .ok_or_else(|| anyhow!("domain {name} has no domain_id in the job's detail, so its records cannot be retried"))?;
        let specs = records
            .into_iter()
            .map(spec)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let records = serde_json::to_string(&specs).context("could not encode record specs")?;
        groups.entry(records).or_default().push(id.to_string());
    }
    Ok(groups
        .into_iter()
        .map(|(records, ids)| {
            (
                "record-create",
                Request {
                    action: Action::RecordCreate,
                    params: vec![("domain_id", ids.join(",")), ("records", records)],
                },
            )
        })
        .collect())
}

/// The change the job asked for, from the history, sent again to its failed records.
fn modify_job(
    job_id: u64,
    detail: &JobDetail,
    history: Option<&Entry>,
) -> anyhow::Result<Vec<Planned>> {
    let ids: Vec<String> = detail
        .domains
        .iter()
        .flat_map(|d| failed(&d.records))
        .filter_map(|r| r.record_id.map(|id| id.to_string()))
        .collect();
    if ids.is_empty() {
        return Err(anyhow!(
            "the failed items of job {job_id} carry no record ids, so they cannot be retried"
        ));
    }
    let entry = history.filter(|entry| entry.action == "record-modify").ok_or_else(|| {
        usage(format!(
            "job {job_id} is not in this machine's job history, so the change it asked for is unknown; \
             run record-modify again with --record-id {}",
            ids.join(",")
        ))
    })?;
    let mut params = vec![("record_id", ids.join(","))];
    for key in ["change", "change_to", "value", "mx"] {
        if let Some(value) = entry.params.get(key) {
            params.push((key, value.clone()));
        }
    }
    Ok(vec![(
        "record-modify",
        Request {
            action: Action::RecordModify,
            params,
        },
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(json: serde_json::Value) -> JobDetail {
        serde_json::from_value(json).unwrap()
    }

    fn record(sub: &str, status: &str) -> serde_json::Value {
        serde_json::json!({"sub_domain": sub, "record_type": "A", "area": "默认", "value": "1.1.1.1",
                           "ttl": "600", "status": status, "record_id": "7"})
    }

    fn params(planned: &Planned) -> Vec<String> {
        planned
            .1
            .params
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }

    #[test]
    fn failed_domains_are_created_again_with_their_value() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "domain", "detail": [
                {"domain": "ok.cn", "domain_id": 1, "status": "ok", "records": [record("www", "ok")]},
                {"domain": "bad.cn", "status": "error", "records": [record("www", "error"), record("@", "error")]},
            ]}),
        );
        let jobs = plan(1, &job, None).unwrap();
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].0, "domain-create");
        assert_eq!(params(&jobs[0]), ["domains=bad.cn", "record_value=1.1.1.1"]);
    }

    #[test]
    fn a_failed_domain_without_records_takes_its_value_from_the_history() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "domain", "detail": [
                {"domain": "bad.cn", "status": "error", "records": null},
            ]}),
        );
        let entry = Entry::new(
            1,
            "domain-create",
            &[("record_value", "9.9.9.9".into())],
            "e",
            None,
        );
        let jobs = plan(1, &job, Some(&entry)).unwrap();
        assert_eq!(params(&jobs[0]), ["domains=bad.cn", "record_value=9.9.9.9"]);
    }

    #[test]
    fn mx_priorities_survive_whatever_the_type_case() {
        let mut mx = record("@", "error");
        mx["record_type"] = "mx".into();
        mx["mx"] = "10".into();
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "record_add", "detail": [
                {"domain": "a.cn", "domain_id": 1, "status": "ok", "records": [mx]},
            ]}),
        );
        let jobs = plan(1, &job, None).unwrap();
        assert!(params(&jobs[0])[1].contains(
            r#""record_type":"MX","record_line":"默认","value":"1.1.1.1","ttl":600,"MX":10"#
        ));
    }

    #[test]
    fn a_created_domain_gets_only_its_failed_records_again() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "domain", "detail": [
                {"domain": "ok.cn", "domain_id": 1, "status": "ok", "records": [record("www", "ok"), record("@", "error")]},
            ]}),
        );
        let jobs = plan(1, &job, None).unwrap();
        assert_eq!(jobs[0].0, "record-create");
        assert_eq!(
            params(&jobs[0]),
            [
                "domain_id=1",
                r#"records=[{"sub_domain":"@","record_type":"A","record_line":"默认","value":"1.1.1.1","ttl":600}]"#
            ]
        );
    }

    #[test]
    fn domains_with_the_same_failures_share_a_job() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "record_add", "detail": [
                {"domain": "a.cn", "domain_id": 1, "status": "ok", "records": [record("www", "error"), record("@", "ok")]},
                {"domain": "b.cn", "domain_id": 2, "status": "ok", "records": [record("www", "ok"), record("@", "error")]},
                {"domain": "c.cn", "domain_id": 3, "status": "ok", "records": [record("www", "error"), record("@", "ok")]},
                {"domain": "d.cn", "domain_id": 4, "status": "ok", "records": [record("www", "ok"), record("@", "ok")]},
            ]}),
        );
        let jobs = plan(1, &job, None).unwrap();
        let ids: Vec<String> = jobs.iter().map(|j| params(j)[0].clone()).collect();
        assert_eq!(
            ids,
            ["domain_id=2", "domain_id=1,3"],
            "two spec sets, two jobs; d.cn has nothing to retry"
        );
    }

    #[test]
    fn a_modify_job_needs_its_history_entry() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "record_modify", "detail": [
                {"domain": "a.cn", "domain_id": 1, "status": "ok", "records": [record("www", "error")]},
            ]}),
        );
        let err = plan(5, &job, None).unwrap_err().to_string();
        assert!(err.contains("--record-id 7"), "{err}");
        let entry = Entry::new(
            5,
            "record-modify",
            &[("change", "ttl".into()), ("change_to", "60".into())],
            "e",
            None,
        );
        let jobs = plan(5, &job, Some(&entry)).unwrap();
        assert_eq!(
            params(&jobs[0]),
            ["record_id=7", "change=ttl", "change_to=60"]
        );
    }
}
