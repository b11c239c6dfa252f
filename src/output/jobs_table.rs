//! The `jobs` table: the job history, one row per operation, newest first.

use super::table::{text, write_aligned};
use crate::escape::visible;
use crate::history::{Operation, format_utc};
use crate::job::JobSpec;
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
        ["JOB", "ACTION", "SUBMITTED", "PROFILE", "ENDPOINT", "WHAT"],
        rows,
        None,
    )
}

/// The job id, `unknown`, or for a split operation its first job and how many more it
/// made (parts not sent are in WHAT).
fn job_cell(operation: &Operation) -> String {
    let entry = operation.first();
    let first = match (entry.job_id, &entry.calls) {
        (Some(id), _) => id.to_string(),
        // Sent one call a record: no job.
        (None, Some(_)) => "-".to_owned(),
        (None, None) => "unknown".to_owned(),
    };
    match operation.jobs.len() {
        0 | 1 => first,
        lines => format!("{first} (+{})", lines - 1),
    }
}

/// What was asked, and for a split operation what became of its parts.
fn what(operation: &Operation) -> String {
    let Some(plan) = &operation.plan else {
        return operation.first().spec.summary();
    };
    let specs: Vec<JobSpec> = plan.parts.iter().map(|part| part.spec.clone()).collect();
    let mut line = format!(
        "{} in {} jobs",
        JobSpec::summary_of(&specs),
        plan.parts.len()
    );
    let unknown = operation.unknown().count();
    let unsent = operation.unsent().len();
    if unknown > 0 {
        line.push_str(&format!(", {unknown} of unknown outcome"));
    }
    if unsent > 0 {
        line.push_str(&format!(", {unsent} not sent"));
    }
    line
}
