//! What `retry` submits: the failed items of a finished job, and nothing that succeeded
//! or that an earlier retry of the job sent, in as few jobs as the batch actions allow.
//!
//! Batch.Record.Create applies every record spec to every domain, so failed records are
//! grouped by domain and domains with the same failed specs share one job. A failed
//! domain of a domain job is created again (with its `@`/`www` value); a failed record of
//! a domain that was created is added to it. A record-modify job's change is not in its
//! detail, so it comes from the job history.

mod covered;
mod items;

use crate::api::{Action, JobDetail, Request};
use crate::error::usage;
use crate::history::Entry;
use crate::input::records::{ChangeField, RecordSpec, check_change};
use crate::session::join_ids;
use anyhow::Context;
use items::Item;
use std::collections::BTreeMap;

/// One job to submit: the command that would have sent it, and its request.
pub(crate) type Planned = (&'static str, Request);

/// What a retry sends, and a line that says so.
#[derive(Debug)]
pub(crate) struct Plan {
    pub jobs: Vec<Planned>,
    pub summary: String,
}

/// The jobs that retry the failed items of `detail` that none of the `earlier` retries of
/// the job sent; `history` is the job's own history entry.
pub(crate) fn plan(
    job_id: u64,
    detail: &JobDetail,
    history: Option<&Entry>,
    earlier: &[&Entry],
) -> anyhow::Result<Plan> {
    let asked = history
        .and_then(|entry| entry.params.get("record_value"))
        .map(String::as_str);
    let covered = covered::keys(earlier);
    let (sent, todo): (Vec<Item>, Vec<Item>) = items::failed_items(job_id, detail, asked)?
        .into_iter()
        .partition(|item| covered.contains(&item.key()));
    let earlier_ids: Vec<u64> = earlier.iter().filter_map(|entry| entry.job_id).collect();
    if todo.is_empty() {
        return Err(match earlier_ids.last() {
            // Retrying again would send what the earlier retries fixed.
            Some(last) => usage(format!(
                "job {job_id} was already retried as job {}; retry that instead (`dpbatch retry {last}`)",
                join_ids(&earlier_ids)
            )),
            None => usage(format!(
                "job {job_id} has no failed item that dpbatch can send again"
            )),
        });
    }
    let jobs = jobs(job_id, &todo, history)?;
    let count = |items: &[Item]| items.iter().map(Item::count).sum::<usize>();
    let mut summary = format!(
        "retrying {} failed items of job {job_id} in {} job{}",
        count(&todo),
        jobs.len(),
        if jobs.len() == 1 { "" } else { "s" }
    );
    if !sent.is_empty() {
        summary.push_str(&format!(
            "; {} more were sent by its earlier retry job {}",
            count(&sent),
            join_ids(&earlier_ids)
        ));
    }
    Ok(Plan { jobs, summary })
}

/// Domain jobs first (by A value), then record jobs, then the modify job.
fn jobs(job_id: u64, items: &[Item], history: Option<&Entry>) -> anyhow::Result<Vec<Planned>> {
    let mut by_value: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
    let mut specs: BTreeMap<u64, Vec<&RecordSpec>> = BTreeMap::new();
    let mut record_ids = Vec::new();
    for item in items {
        match item {
            Item::Domain { name, value, .. } => {
                by_value.entry(value.as_deref()).or_default().push(name);
            }
            Item::Record { domain_id, spec } => specs.entry(*domain_id).or_default().push(spec),
            Item::Modify { record_id } => record_ids.push(*record_id),
        }
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
    jobs.extend(record_jobs(specs)?);
    if !record_ids.is_empty() {
        jobs.push(modify_job(job_id, &record_ids, history)?);
    }
    Ok(jobs)
}

/// One Batch.Record.Create per distinct set of failed specs, with every domain that has it.
/// The group's key is its `records` parameter itself.
fn record_jobs(specs: BTreeMap<u64, Vec<&RecordSpec>>) -> anyhow::Result<Vec<Planned>> {
    let mut groups: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (domain_id, specs) in specs {
        let records = serde_json::to_string(&specs).context("could not encode record specs")?;
        groups.entry(records).or_default().push(domain_id);
    }
    Ok(groups
        .into_iter()
        .map(|(records, ids)| {
            (
                "record-create",
                Request {
                    action: Action::RecordCreate,
                    params: vec![("domain_id", join_ids(&ids)), ("records", records)],
                },
            )
        })
        .collect())
}

/// The change the job asked for, from the history and checked again, sent to its failed
/// records.
fn modify_job(job_id: u64, ids: &[u64], history: Option<&Entry>) -> anyhow::Result<Planned> {
    let by_hand = |why: &str| {
        usage(format!(
            "job {job_id} {why}; run record-modify again with --record-id {}",
            join_ids(ids)
        ))
    };
    let entry = history
        .filter(|entry| entry.action == "record-modify")
        .ok_or_else(|| {
            by_hand("is not in this machine's job history, so the change it asked for is unknown")
        })?;
    let param = |key: &str| entry.params.get(key).map(String::as_str);
    let field = param("change")
        .and_then(|name| <ChangeField as clap::ValueEnum>::from_str(name, false).ok())
        .ok_or_else(|| by_hand("has no readable change in the job history"))?;
    let mx = param("mx").map(str::parse).transpose();
    let change = mx
        .map_err(|_| "its MX priority is not a number".to_owned())
        .and_then(|mx| check_change(field, param("change_to").unwrap_or(""), param("value"), mx))
        .map_err(|why| {
            by_hand(&format!(
                "has a change in the job history that is not valid ({why})"
            ))
        })?;
    let mut params = vec![("record_id", join_ids(ids))];
    params.extend(change.params());
    Ok((
        "record-modify",
        Request {
            action: Action::RecordModify,
            params,
        },
    ))
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
        let jobs = plan(1, &job, None, &[]).unwrap().jobs;
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
        let jobs = plan(1, &job, Some(&entry), &[]).unwrap().jobs;
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
        let jobs = plan(1, &job, None, &[]).unwrap().jobs;
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
        let jobs = plan(1, &job, None, &[]).unwrap().jobs;
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
        let jobs = plan(1, &job, None, &[]).unwrap().jobs;
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
        let err = plan(5, &job, None, &[]).unwrap_err().to_string();
        assert!(err.contains("--record-id 7"), "{err}");
        let entry = Entry::new(
            5,
            "record-modify",
            &[("change", "ttl".into()), ("change_to", "60".into())],
            "e",
            None,
        );
        let jobs = plan(5, &job, Some(&entry), &[]).unwrap().jobs;
        assert_eq!(
            params(&jobs[0]),
            ["record_id=7", "change=ttl", "change_to=60"]
        );
    }

    #[test]
    fn a_tampered_change_in_the_history_is_not_sent() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "record_modify", "detail": [
                {"domain": "a.cn", "domain_id": 1, "status": "ok", "records": [record("www", "error")]},
            ]}),
        );
        let entry = Entry::new(
            5,
            "record-modify",
            &[("change", "ttl".into()), ("change_to", "0".into())],
            "e",
            None,
        );
        let err = plan(5, &job, Some(&entry), &[]).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
        assert!(err.to_string().contains("TTL `0`"), "{err}");
    }

    #[test]
    fn earlier_retries_cover_what_they_sent_however_spelled() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "domain", "detail": [
                {"domain": "bad.cn", "status": "error", "records": []},
                {"domain": "例子.cn", "status": "error", "records": []},
                {"domain": "ok.cn", "domain_id": 3, "status": "ok", "records": [record("www", "error"), record("@", "error")]},
            ]}),
        );
        // Earlier retries sent the punycode spelling, and a spec naming two hosts.
        let domains = Entry::new(
            8,
            "domain-create",
            &[("domains", "xn--fsqu00a.cn".into())],
            "e",
            None,
        );
        let records = Entry::new(
            9,
            "record-create",
            &[
                ("domain_id", "3".into()),
                ("records", r#"[{"sub_domain":"WWW,api","record_type":"A","record_line":"默认","value":"1.1.1.1","ttl":600}]"#.into()),
            ],
            "e",
            None,
        );
        let plan = plan(1, &job, None, &[&domains, &records]).unwrap();
        let sent: Vec<Vec<String>> = plan.jobs.iter().map(params).collect();
        assert_eq!(sent[0], ["domains=bad.cn"]);
        assert!(
            sent[1][1].starts_with(r#"records=[{"sub_domain":"@""#),
            "{sent:?}"
        );
        assert_eq!(sent.len(), 2);
        assert!(
            plan.summary
                .ends_with("2 more were sent by its earlier retry job 8,9"),
            "{}",
            plan.summary
        );
    }
}
