//! What `retry` submits: the failed items of a finished job, and nothing that succeeded
//! or that an earlier retry of the job sent, in as few jobs as the batch actions allow.
//!
//! A record-create job applies every record spec to every domain, so failed records are
//! grouped by domain and domains with the same failed specs share one job. A failed
//! domain of a domain job is created again (with its `@`/`www` value); a failed record of
//! a domain that was created is added to it. A record-modify job's change is not in its
//! detail, so it comes from the job history.

mod covered;
mod items;

use crate::error::usage;
use crate::history::Entry;
use crate::i18n::counted::counted;
use crate::input::records::check_change;
use crate::job::{Job, JobSpec, RecordSpec};
use items::Item;
use rust_i18n::t;
use std::collections::BTreeMap;

/// What a retry sends, and a line that says so.
#[derive(Debug)]
pub(crate) struct Retries {
    pub jobs: Vec<JobSpec>,
    pub summary: String,
}

fn join_ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// The jobs that retry the failed items of `detail` that none of the `earlier` retries of
/// the job sent; `history` is the job's own history entry.
pub(crate) fn plan(
    job_id: u64,
    detail: &Job,
    history: Option<&Entry>,
    earlier: &[&Entry],
) -> anyhow::Result<Retries> {
    let asked = history.and_then(|entry| match &entry.spec {
        JobSpec::DomainCreate { value, .. } => value.as_deref(),
        _ => None,
    });
    let covered = covered::keys(earlier);
    let (sent, todo): (Vec<Item>, Vec<Item>) = items::failed_items(job_id, detail, asked)?
        .into_iter()
        .partition(|item| covered.contains(&item.key()));
    let earlier_ids: Vec<u64> = earlier.iter().filter_map(|entry| entry.job_id).collect();
    if todo.is_empty() {
        return Err(match earlier_ids.last() {
            // Retrying again would send what the earlier retries fixed.
            Some(last) => usage(t!(
                "retry.already_retried",
                job_id = job_id,
                retries = join_ids(&earlier_ids),
                last = last
            )),
            None if !earlier.is_empty() => usage(t!("retry.all_unknown", job_id = job_id)),
            None => usage(t!("retry.nothing_sendable", job_id = job_id)),
        });
    }
    let jobs = jobs(job_id, &todo, history)?;
    let count = |items: &[Item]| items.iter().map(Item::count).sum::<usize>();
    let mut summary = t!(
        "retry.summary",
        items = counted(count(&todo), "failed_item"),
        job_id = job_id,
        jobs = counted(jobs.len(), "job")
    )
    .into_owned();
    if !sent.is_empty() {
        summary.push_str(&t!(
            "retry.sent_earlier",
            items = count(&sent),
            retries = join_ids(&earlier_ids)
        ));
    }
    Ok(Retries { jobs, summary })
}

/// Domain jobs first (by A value), then record jobs, then the modify job.
fn jobs(job_id: u64, items: &[Item], history: Option<&Entry>) -> anyhow::Result<Vec<JobSpec>> {
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
    let mut jobs: Vec<JobSpec> = by_value
        .into_iter()
        .map(|(value, names)| JobSpec::DomainCreate {
            domains: names.into_iter().map(str::to_owned).collect(),
            value: value.map(str::to_owned),
        })
        .collect();
    jobs.extend(crate::job::record_create_jobs(specs));
    if !record_ids.is_empty() {
        jobs.push(modify_job(job_id, &record_ids, history)?);
    }
    Ok(jobs)
}

/// The change the job asked for, from the history and checked again, sent to its failed
/// records.
fn modify_job(job_id: u64, ids: &[u64], history: Option<&Entry>) -> anyhow::Result<JobSpec> {
    let by_hand = |why: &str| {
        usage(t!(
            "retry.by_hand",
            job_id = job_id,
            why = why,
            ids = join_ids(ids)
        ))
    };
    let asked = history
        .and_then(|entry| match &entry.spec {
            JobSpec::RecordModify { change, .. } => Some(change),
            _ => None,
        })
        .ok_or_else(|| by_hand(&t!("retry.change_unknown")))?;
    let change = check_change(asked.field, &asked.to, asked.value.as_deref(), asked.mx)
        .map_err(|why| by_hand(&t!("retry.change_invalid", why = why)))?;
    Ok(JobSpec::RecordModify {
        record_ids: ids.to_vec(),
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::legacy::{self, wire::JobDetail};
    use crate::history::Account;

    fn detail(json: serde_json::Value) -> Job {
        serde_json::from_value::<JobDetail>(json)
            .unwrap()
            .into_job()
    }

    /// A history entry as dpbatch 0.1 wrote it, with the legacy form parameters.
    fn entry(job_id: u64, command: &str, params: &[(&str, &str)]) -> Entry {
        let params = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let spec = crate::history::spec_from_params(command, &params).expect("readable parameters");
        let account = Account {
            api: "legacy",
            endpoint: "e".into(),
            profile: None,
            credential: None,
        };
        Entry::new(Some(job_id), &spec, &account)
    }

    fn record(sub: &str, status: &str) -> serde_json::Value {
        serde_json::json!({"sub_domain": sub, "record_type": "A", "area": "默认", "value": "1.1.1.1",
                           "ttl": "600", "status": status, "record_id": "7"})
    }

    fn params(spec: &JobSpec) -> Vec<String> {
        legacy::form_lines(spec)
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
        assert_eq!(jobs[0].command(), "domain-create");
        assert_eq!(params(&jobs[0]), ["domains=bad.cn", "record_value=1.1.1.1"]);
    }

    #[test]
    fn a_failed_domain_without_records_takes_its_value_from_the_history() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "domain", "detail": [
                {"domain": "bad.cn", "status": "error", "records": null},
            ]}),
        );
        let entry = entry(
            1,
            "domain-create",
            &[("domains", "bad.cn"), ("record_value", "9.9.9.9")],
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
        assert_eq!(jobs[0].command(), "record-create");
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
            ["domain_id=1,3", "domain_id=2"],
            "two spec sets, two jobs in the order of their domains; d.cn has nothing to retry"
        );
    }

    #[test]
    fn a_delete_job_is_not_retried() {
        let job = detail(
            serde_json::json!({"status": {"code": "1"}, "type": "record_delete", "detail": [
                {"domain": "a.cn", "domain_id": 1, "status": "ok", "records": [record("www", "error")]},
            ]}),
        );
        let err = plan(5, &job, None, &[]).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
        assert!(
            format!("{err:#}").contains("does not retry deletions"),
            "{err:#}"
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
        let entry = entry(
            5,
            "record-modify",
            &[("record_id", "7"), ("change", "ttl"), ("change_to", "60")],
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
        let entry = entry(
            5,
            "record-modify",
            &[("record_id", "7"), ("change", "ttl"), ("change_to", "0")],
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
        let domains = entry(8, "domain-create", &[("domains", "xn--fsqu00a.cn")]);
        let records = entry(
            9,
            "record-create",
            &[
                ("domain_id", "3"),
                (
                    "records",
                    r#"[{"sub_domain":"WWW,api","record_type":"A","record_line":"默认","value":"1.1.1.1","ttl":600}]"#,
                ),
            ],
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
