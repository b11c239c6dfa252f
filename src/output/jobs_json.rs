//! `jobs --json`: the history's operations in the output's own shape, so the history
//! file's format and this contract can change apart. Today a job reads as its stored line
//! (its `calls` too), less the plan, which an operation shows once as `unsent`.

use super::json::finish;
use crate::history::{Calls, Entry, Operation};
use crate::job::{Before, JobSpec, Part};
use crate::secret::mask_secret_id;
use serde::Serialize;
use std::io::{self, Write};

/// A job in `jobs --json`: what was submitted, where and when.
#[derive(Serialize)]
struct JobRow<'a> {
    job_id: Option<u64>,
    action: &'a str,
    spec: &'a JobSpec,
    api: &'a str,
    endpoint: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    credential: Option<String>,
    profile: Option<&'a str>,
    submitted_at: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_of: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    operation: Option<PartOf<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<&'a [Before]>,
    /// A part sent one call a record: how each call ended (`job_id` is then null).
    #[serde(skip_serializing_if = "Option::is_none")]
    calls: Option<&'a Calls>,
}

/// Which operation a job is a part of; its plan is shown once, as the operation's
/// `unsent`.
#[derive(Serialize)]
struct PartOf<'a> {
    id: &'a str,
    part: usize,
}

/// A split operation in `jobs --json`: where and when it ran, its jobs, and the parts
/// never sent.
#[derive(Serialize)]
struct OperationRow<'a> {
    operation: &'a str,
    action: &'a str,
    api: &'a str,
    endpoint: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    credential: Option<String>,
    profile: Option<&'a str>,
    submitted_at: u64,
    job_size: usize,
    parts: usize,
    jobs: Vec<JobRow<'a>>,
    unsent: Vec<Part>,
}

/// One row of `jobs --json`.
#[derive(Serialize)]
#[serde(untagged)]
enum Row<'a> {
    Job(JobRow<'a>),
    Operation(OperationRow<'a>),
}

/// The history as one array, newest first: a job as a [`JobRow`], a split operation as an
/// [`OperationRow`].
pub(super) fn write_jobs(out: &mut dyn Write, operations: &[Operation]) -> io::Result<()> {
    let rows: Vec<Row<'_>> = operations.iter().map(row).collect();
    finish(out, &rows)
}

fn row(operation: &Operation) -> Row<'_> {
    let mut jobs: Vec<JobRow<'_>> = operation.jobs.iter().map(job_row).collect();
    let (Some(id), Some(plan)) = (operation.id(), &operation.plan) else {
        return Row::Job(jobs.swap_remove(0));
    };
    let first = &jobs[0];
    Row::Operation(OperationRow {
        operation: id.as_str(),
        action: first.action,
        api: first.api,
        endpoint: first.endpoint,
        credential: first.credential.clone(),
        profile: first.profile,
        submitted_at: first.submitted_at,
        job_size: plan.job_size,
        parts: plan.parts.len(),
        unsent: operation.unsent().into_iter().map(|(_, p)| p).collect(),
        jobs,
    })
}

/// A job as printed: a SecretId masked, as the file may hold it whole to tell accounts
/// apart and what is printed never does.
fn job_row(entry: &Entry) -> JobRow<'_> {
    JobRow {
        job_id: entry.job_id,
        action: &entry.action,
        spec: &entry.spec,
        api: &entry.api,
        endpoint: &entry.endpoint,
        credential: entry
            .credential
            .as_deref()
            .map(|id| match entry.api.as_str() {
                "legacy" => id.to_owned(),
                _ => mask_secret_id(id),
            }),
        profile: entry.profile.as_deref(),
        submitted_at: entry.submitted_at,
        retry_of: entry.retry_of,
        operation: entry.operation.as_ref().map(|tag| PartOf {
            id: tag.id.as_str(),
            part: tag.part,
        }),
        before: entry.before.as_deref(),
        calls: entry.calls.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Account, OperationTag, operations};
    use crate::job::{Change, ChangeField, Plan};

    fn entry(part: usize, plan: Option<Plan>) -> Entry {
        let spec = JobSpec::RecordModify {
            record_ids: vec![7],
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        };
        let account = Account {
            api: "legacy",
            endpoint: "https://dnsapi.cn".into(),
            profile: Some("work".into()),
            credential: Some("520001".into()),
        };
        let before = crate::job::AccountRecord {
            id: 7,
            host: Some("www".into()),
            line: Some("默认".into()),
            record_type: Some("A".into()),
            ttl: Some(600),
            value: Some("192.0.2.1".into()),
            mx: None,
            weight: None,
            enabled: true,
            remark: None,
            system: false,
        }
        .before("a.cn");
        Entry {
            retry_of: Some(5),
            operation: Some(OperationTag {
                id: crate::history::OperationId::of("op"),
                part,
                plan,
            }),
            before: Some(vec![before]),
            ..Entry::new(Some(10 + part as u64), &spec, &account)
        }
    }

    #[test]
    fn a_job_row_reads_as_its_history_line_without_the_plan() {
        let plan = Plan {
            job_size: 1,
            parts: vec![],
            deleted: Vec::new(),
        };
        let mut stored = entry(0, Some(plan));
        stored.calls = Some(Calls {
            done: vec![7],
            unknown: vec![8],
            ..Calls::default()
        });
        let mut expected = serde_json::to_value(&stored).unwrap();
        expected["operation"]
            .as_object_mut()
            .unwrap()
            .remove("plan");
        let shown = serde_json::to_value(job_row(&stored)).unwrap();
        assert_eq!(shown, expected);
        assert_eq!(shown["before"][0]["sub_domain"], "www");
        assert_eq!(shown["calls"]["unknown"], serde_json::json!([8]));
    }

    #[test]
    fn a_split_operation_is_one_row_with_its_jobs_and_unsent_parts() {
        let parts: Vec<Part> = (0..3)
            .map(|i| Part::job(entry(i, None).spec, None))
            .collect();
        let plan = Plan {
            job_size: 1,
            parts,
            deleted: Vec::new(),
        };
        let ops = operations(vec![entry(0, Some(plan)), entry(1, None)]);
        let mut out = Vec::new();
        write_jobs(&mut out, &ops).unwrap();
        let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(rows[0]["operation"], "op");
        assert_eq!(rows[0]["parts"], 3);
        assert_eq!(rows[0]["profile"], "work");
        assert_eq!(
            rows[0]["jobs"][1]["operation"],
            serde_json::json!({"id": "op", "part": 1})
        );
        assert_eq!(rows[0]["unsent"].as_array().unwrap().len(), 1);
    }
}
