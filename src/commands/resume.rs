//! `resume`: the parts of a split operation that were not sent when it stopped, sent as
//! they were cut, into the same history entry; never a part whose outcome is unknown.

use super::submit::{Sending, send};
use crate::cli::ResumeArgs;
use crate::error::{Outcome, usage};
use crate::history::Operation;
use crate::session::Session;

pub(super) fn run(session: &Session, args: &ResumeArgs) -> anyhow::Result<Outcome> {
    let operations = session.account_operations()?;
    // The newest operation even when none of its jobs is known: its first part's outcome
    // may be unknown, and resume never sends that part anyway.
    let operation = match args.job.job_id {
        Some(job_id) => operations.iter().rfind(|op| op.contains(job_id)),
        None if operations.is_empty() => Some(session.last_operation(&operations)?),
        None => operations.last(),
    };
    let operation = operation.ok_or_else(|| {
        usage(format!(
            "job {} is not in this account's job history; resume takes a job of an operation dpbatch submitted from this machine",
            args.job.job_id.unwrap_or_default()
        ))
    })?;
    let (Some(id), Some(plan)) = (operation.id(), operation.plan.as_ref()) else {
        session.output.hint(&format!(
            "job {} was one job, not an operation cut into several; nothing to resume",
            operation.job_ids().first().copied().unwrap_or_default()
        ));
        return Ok(Outcome::Success);
    };
    if let Some(pid) = still_sending(id) {
        return Err(usage(format!(
            "the operation is still being sent by dpbatch process {pid}; resume it once that one has stopped, or parts would be sent twice"
        )));
    }
    if let Some(asked) = args.submit.limits.job_size {
        return Err(usage(format!(
            "--job-size {asked}: resume sends the parts as the operation cut them, at most {} each",
            crate::job::count(plan.job_size, "record")
        )));
    }
    for unknown in operation.unknown() {
        session.output.warn(&format!(
            "a part of this operation ({}) has an unknown outcome and is not sent again; check the DNSPod console for it",
            unknown.spec.summary()
        ));
    }
    let (superseded, unsent): (Vec<_>, Vec<_>) = operation
        .unsent()
        .into_iter()
        .map(|(index, part)| (index, part.clone()))
        .partition(|(_, part)| retried_since(&operations, operation, part.retry_of));
    if !superseded.is_empty() {
        session.output.warn(&format!(
            "{} parts of this retry are not sent: their job was retried again since, and that retry sent what they held",
            superseded.len()
        ));
    }
    if unsent.is_empty() {
        let job = operation.job_ids().first().copied().unwrap_or_default();
        session.output.hint(&match superseded.is_empty() {
            true => format!("every part of the operation of job {job} was sent; nothing to resume"),
            false => format!("nothing left to resume of the operation of job {job}"),
        });
        return Ok(Outcome::Success);
    }
    session.output.hint(&format!(
        "sending {} of the operation's {} parts that were not sent",
        unsent.len(),
        plan.parts.len()
    ));
    let resumed = Sending {
        id: id.to_owned(),
        plan: None,
        parts: plan.parts.len(),
        first_job: operation.job_ids().first().copied(),
        earlier_jobs: operation.job_ids(),
    };
    send(session, Some(resumed), &unsent, &args.submit, &[])
}

/// Whether the job a retry part retries was retried again by another operation: that
/// retry sent every failed item no earlier retry had sent, these parts' items too.
fn retried_since(operations: &[Operation], this: &Operation, retry_of: Option<u64>) -> bool {
    retry_of.is_some_and(|job| {
        operations
            .iter()
            .filter(|op| op.id() != this.id())
            .flat_map(|op| &op.jobs)
            .any(|e| e.retry_of == Some(job) && e.submitted_at >= this.first().submitted_at)
    })
}

/// The process that started the operation (its id ends in the pid), if it is a dpbatch
/// still running. Seen through `/proc`, so only where there is one (Linux); elsewhere
/// nothing is found.
fn still_sending(operation: &str) -> Option<u32> {
    let pid: u32 = operation.rsplit_once('-')?.1.parse().ok()?;
    if pid == std::process::id() {
        return None;
    }
    let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    (name.trim() == "dpbatch").then_some(pid)
}

#[cfg(test)]
mod tests {
    use super::still_sending;

    #[test]
    fn only_a_running_dpbatch_that_is_not_this_one_holds_an_operation() {
        let own = format!("18f3a-{}", std::process::id());
        assert_eq!(still_sending(&own), None, "this process is resuming it");
        // Process 1 runs, but it is not dpbatch.
        assert_eq!(still_sending("18f3a-1"), None);
        assert_eq!(still_sending("no-pid-here"), None);
    }
}
