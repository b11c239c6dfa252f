//! `retry`: the failed items of a finished job that no earlier retry of it sent, in as
//! few jobs as the batch actions allow (see `retry/`).

use super::submit::submit;
use crate::backend::CallError;
use crate::cli::RetryArgs;
use crate::error::{Outcome, usage};
use crate::history::{Entry, format_utc};
use crate::retry;
use crate::session::Session;
use anyhow::Context;

pub(super) fn run(session: &Session, args: &RetryArgs) -> anyhow::Result<Outcome> {
    // The history is read once, for `--last`, the job's change and its earlier retries.
    let entries = session.account_history()?;
    let job_id = match args.job.job_id {
        Some(job_id) => job_id,
        None => session.last_job(&entries)?,
    };
    let job = session
        .backend()?
        .detail(job_id, None)
        .map_err(CallError::into_error)
        .with_context(|| format!("could not get job {job_id}"))?;
    let tally = job.tally();
    if !tally.finished() {
        return Err(usage(format!(
            "job {job_id} still has {} items waiting or running; retry it when it is done (`dpbatch wait {job_id}`)",
            tally.waiting + tally.running
        )));
    }
    if tally.failed == 0 {
        session.output.hint(&format!(
            "job {job_id} has no failed items; nothing to retry"
        ));
        return Ok(Outcome::Success);
    }
    // Earlier retries of this job sent some items already; those are not sent again,
    // nor are those of a retry whose outcome is unknown: a duplicate is worse.
    let earlier: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.retry_of == Some(job_id))
        .collect();
    for unknown in earlier.iter().filter(|e| e.job_id.is_none()) {
        session.output.warn(&format!(
            "an earlier retry of job {job_id} ({}) has an unknown outcome: its items are not sent again; check the DNSPod console for them",
            format_utc(unknown.submitted_at)
        ));
    }
    let entry = entries.iter().rfind(|e| e.job_id == Some(job_id));
    let plan = retry::plan(job_id, &job, entry, &earlier)?;
    session.output.hint(&plan.summary);
    submit(session, &plan.jobs, &args.submit, Some(job_id))
}
