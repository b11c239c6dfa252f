//! The `jobs` table: the job history, one row per operation, newest first.

use super::table::{text, write_aligned};
use super::words::{Noun, count, listed};
use crate::escape::visible;
use crate::history::{Operation, format_utc};
use crate::job::{Action, By, JobSpec};
use rust_i18n::t;
use std::borrow::Cow;
use std::io::{self, Write};

/// The job history, newest first: one row per operation.
pub(crate) fn write_jobs(out: &mut dyn Write, operations: &[Operation]) -> io::Result<()> {
    let rows = || {
        operations.iter().map(|operation| {
            let entry = operation.first();
            (
                None,
                [
                    Cow::Owned(job_cell(operation)),
                    visible(&entry.api),
                    visible(&entry.action),
                    Cow::Owned(format_utc(entry.submitted_at)),
                    text(entry.profile.as_deref()),
                    visible(&entry.endpoint),
                    Cow::Owned(visible(&what(operation)).into_owned()),
                ],
            )
        })
    };
    write_aligned(
        out,
        [
            t!("output.col.job"),
            t!("output.col.api"),
            t!("output.col.action"),
            t!("output.col.submitted"),
            t!("output.col.profile"),
            t!("output.col.endpoint"),
            t!("output.col.what"),
        ],
        rows,
        None,
    )
}

/// The job id, `unknown`, or for a split operation its first job and how many more it
/// made (parts not sent are in WHAT); `-` for an operation sent one call a record only.
fn job_cell(operation: &Operation) -> String {
    // A line of calls made no job.
    let jobs: Vec<Option<u64>> = operation
        .jobs
        .iter()
        .filter(|entry| entry.calls.is_none())
        .map(|entry| entry.job_id)
        .collect();
    let Some(first) = jobs.first() else {
        return "-".to_owned();
    };
    let first = first.map_or_else(
        || t!("output.unknown_job").into_owned(),
        |id| id.to_string(),
    );
    match jobs.len() {
        1 => first,
        n => format!("{first} (+{})", n - 1),
    }
}

/// The calls of unknown outcome, counted by what each was (`1 create and 2 deletes` of
/// an apply's records; `removals` of a part of deletions); `None` when there are none.
fn unknown_calls(operation: &Operation) -> Option<String> {
    const WORDS: [Noun; 5] = [
        Noun::Create,
        Noun::Modify,
        Noun::Delete,
        Noun::Removal,
        Noun::Call,
    ];
    let mut counts = [0usize; WORDS.len()];
    for (key, entry) in operation.unknown_calls() {
        let step = match &entry.spec {
            JobSpec::RecordSteps { steps } => Some(steps.iter().find(|s| s.call_key() == key)),
            _ => None,
        };
        // A key no step of the line has: a hand-edited history, named for what it is.
        let at = match step.map(|s| s.map(|s| s.action)) {
            Some(Some(Action::Create)) => 0,
            Some(Some(Action::Modify)) => 1,
            Some(Some(Action::Delete)) => 2,
            None => 3,
            Some(None) => 4,
        };
        counts[at] += 1;
    }
    let parts: Vec<String> = (WORDS.into_iter().zip(counts))
        .filter(|(_, n)| *n > 0)
        .map(|(noun, n)| count(n, noun))
        .collect();
    listed(&parts)
}

/// What was asked, and for a split operation what became of its parts.
fn what(operation: &Operation) -> String {
    let Some(plan) = &operation.plan else {
        return operation.first().spec.summary();
    };
    let specs: Vec<JobSpec> = plan.parts.iter().map(|part| part.spec.clone()).collect();
    let jobs = plan.parts.iter().filter(|part| part.by == By::Job).count();
    let how = match (jobs, plan.parts.len() - jobs) {
        (jobs, 0) => t!("output.in_jobs", jobs = count(jobs, Noun::Job)),
        (0, _) => t!("output.call_a_record"),
        (jobs, calls) => t!(
            "output.in_jobs_and_calls",
            jobs = count(jobs, Noun::Job),
            parts = count(calls, Noun::Part)
        ),
    };
    let mut line = format!("{}{how}", JobSpec::summary_of(&specs));
    let unknown = operation.unknown().count();
    let unsent = operation.unsent().len();
    if unknown > 0 {
        line.push_str(&t!("output.unknown_parts", n = unknown));
    }
    // A part of calls was sent: its calls, not the part, may or may not have been done.
    if let Some(calls) = unknown_calls(operation) {
        line.push_str(&t!("output.unknown_calls", calls = calls));
    }
    if unsent > 0 {
        line.push_str(&t!("output.not_sent", n = unsent));
    }
    line
}
