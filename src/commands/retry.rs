//! `retry`: the failed items of finished jobs that no earlier retry of them sent, in as
//! few jobs as the batch actions allow (see `retry/`). `--last` retries every job of the
//! last operation, as one new operation.

use super::follow::finished_job;
use super::submit::submit_parts;
use crate::cli::RetryArgs;
use crate::error::Outcome;
use crate::history::{Entry, format_utc};
use crate::job::Part;
use crate::retry;
use crate::session::Session;
use rust_i18n::t;

pub(super) fn run(session: &Session, args: &RetryArgs) -> anyhow::Result<Outcome> {
    // The history is read once, for `--last`, the jobs' changes and their earlier retries.
    let operations = session.ledger().holding(args.job.job_id)?;
    let job_ids = match args.job.job_id {
        Some(job_id) => vec![job_id],
        None => session.ledger().last_jobs(&operations)?,
    };
    let entries: Vec<&Entry> = operations.iter().flat_map(|op| &op.jobs).collect();
    let mut parts = Vec::new();
    for job_id in job_ids {
        parts.extend(retry_job(session, job_id, &entries)?);
    }
    if parts.is_empty() {
        return Ok(Outcome::Success);
    }
    // A retry sends the retried command's work again, and is recorded as it.
    let command = parts[0].spec.command();
    submit_parts(session, command, &parts, &args.submit, &[])
}

/// What retrying one finished job sends; nothing, with a hint, when none of its items
/// failed.
fn retry_job(session: &Session, job_id: u64, entries: &[&Entry]) -> anyhow::Result<Vec<Part>> {
    let job = finished_job(session.backend()?, job_id, "retry")?;
    if job.tally().failed == 0 {
        session.output.hint(&t!("retry.no_failed", job_id = job_id));
        return Ok(Vec::new());
    }
    // Earlier retries of this job sent some items already; those are not sent again,
    // nor are those of a retry whose outcome is unknown: a duplicate is worse.
    let earlier: Vec<&Entry> = entries
        .iter()
        .copied()
        .filter(|e| e.retry_of == Some(job_id))
        .collect();
    for unknown in earlier.iter().filter(|e| e.job_id.is_none()) {
        session.output.warn(&t!(
            "retry.earlier_unknown",
            job_id = job_id,
            at = format_utc(unknown.submitted_at)
        ));
    }
    let entry = entries.iter().copied().rfind(|e| e.job_id == Some(job_id));
    let plan = retry::plan(job_id, &job, entry, &earlier)?;
    session.output.hint(&plan.summary);
    Ok(plan
        .jobs
        .into_iter()
        .map(|spec| Part::job(spec, Some(job_id)))
        .collect())
}
