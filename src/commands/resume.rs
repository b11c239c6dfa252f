//! `resume`: the parts of a split operation that were not sent when it stopped, sent as
//! they were cut, into the same history entry; never a part whose outcome is unknown.
//! It sends under the operation's lock, read again once the lock is held, so two runs
//! never send the same part; and the parts it reads back are checked like flag input.

use super::submit::{Sending, send};
use crate::cli::ResumeArgs;
use crate::error::{Outcome, usage};
use crate::history::{Entry, Operation, OperationId, OperationLock};
use crate::input::list_errors;
use crate::job::{JobSpec, Part, Plan};
use crate::session::Session;

pub(super) fn run(session: &Session, args: &ResumeArgs) -> anyhow::Result<Outcome> {
    let operations = session.ledger().holding(args.job.job_id)?;
    let operation = find(session, &operations, args)?;
    let Some(id) = operation.id() else {
        session.output.hint(&format!(
            "job {} was one job, not an operation cut into several; nothing to resume",
            operation.job_ids().first().copied().unwrap_or_default()
        ));
        return Ok(Outcome::Success);
    };
    let lock = lock(session, operation, id)?;
    // Another run may have sent parts until it let go of the lock: read them again.
    let operations = session.ledger().with_id(id)?;
    let operation = operations
        .iter()
        .rfind(|op| op.id() == Some(id))
        .ok_or_else(|| anyhow::anyhow!("operation {id} left the job history while it was read"))?;
    resume(session, args, &operations, operation, (id, lock))
}

/// The operation `resume` names: the one holding the job asked for, or the newest even
/// when none of its jobs is known (its first part's outcome may be unknown, and resume
/// never sends that part anyway).
fn find<'a>(
    session: &Session,
    operations: &'a [Operation],
    args: &ResumeArgs,
) -> anyhow::Result<&'a Operation> {
    let operation = match args.job.job_id {
        Some(job_id) => operations.iter().rfind(|op| op.contains(job_id)),
        None if operations.is_empty() => Some(session.ledger().last(operations)?),
        None => operations.last(),
    };
    operation.ok_or_else(|| {
        usage(format!(
            "job {} is not in this account's job history; resume takes a job of an operation dpbatch submitted from this machine",
            args.job.job_id.unwrap_or_default()
        ))
    })
}

/// The operation's lock, or a refusal naming it when another run sends its parts now.
fn lock(
    session: &Session,
    operation: &Operation,
    id: &OperationId,
) -> anyhow::Result<OperationLock> {
    let history = session
        .history
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("no job history on this platform"))?;
    history.lock_operation(id)?.ok_or_else(|| {
        usage(format!(
            "the operation of job {} ({id}) is being sent by another dpbatch process right now; resume it once that one has stopped, or parts would be sent twice",
            operation.job_ids().first().copied().unwrap_or_default()
        ))
    })
}

/// Sends what `operation` (read under `lock`) never sent.
fn resume(
    session: &Session,
    args: &ResumeArgs,
    operations: &[Operation],
    operation: &Operation,
    (id, lock): (&OperationId, OperationLock),
) -> anyhow::Result<Outcome> {
    let first_job = operation.job_ids().first().copied();
    let plan = operation.plan.as_ref().ok_or_else(|| {
        anyhow::anyhow!(
            "the plan of the operation of job {} is not in the job history: the line holding it was lost or damaged, so which parts were sent is unknown; check the DNSPod console, and send what is missing as a new command",
            first_job.unwrap_or_default()
        )
    })?;
    if let Some(asked) = args.submit.limits.job_size {
        return Err(usage(format!(
            "--job-size {asked}: resume sends the parts as the operation cut them, at most {} each",
            crate::job::count(plan.job_size, "record")
        )));
    }
    warn_unknown(session, operation);
    let unsent = unsent(session, operations, operation);
    if unsent.is_empty() {
        return Ok(Outcome::Success);
    }
    let unsent = checked(session, operation, plan, &unsent)?;
    super::apply::changes_hold(session, operation, &unsent)?;
    session.output.hint(&format!(
        "sending {} of the operation's {} parts that were not sent",
        unsent.len(),
        plan.parts.len()
    ));
    let resumed = Sending {
        id: id.clone(),
        plan: None,
        parts: plan.parts.len(),
        first_job,
        recorded: true,
        earlier_jobs: operation.job_ids(),
        lock: Some(lock),
    };
    let command = &operation.first().action;
    send(
        session,
        command,
        Some(resumed),
        &unsent,
        &args.submit,
        &plan.deleted,
    )
}

/// Names each part and each removal of `operation` whose outcome is unknown: never sent
/// again, so the user must look.
fn warn_unknown(session: &Session, operation: &Operation) {
    for unknown in operation.unknown() {
        session.output.warn(&format!(
            "a part of this operation ({}) has an unknown outcome and is not sent again; check the DNSPod console for it",
            unknown.spec.summary()
        ));
    }
    for (record_id, entry) in operation.unknown_calls() {
        if let JobSpec::RecordSteps { steps } = &entry.spec {
            let step = steps.iter().find(|step| step.call_key() == record_id);
            session.output.warn(&format!(
                "the {} has an unknown outcome and is not sent again; check in the DNSPod console whether it was made",
                step.map_or_else(|| "call of an apply".to_owned(), |s| s.describe())
            ));
            continue;
        }
        session.output.warn(&format!(
            "the removal of record {record_id} ({}) has an unknown outcome and is not sent again; check in the DNSPod console whether that record is still there",
            record_of(entry, record_id)
        ));
    }
}

/// What `entry` kept of the record `record_id`: as it was, else its domain's ID.
fn record_of(entry: &Entry, record_id: u64) -> String {
    let kept = entry.before.iter().flatten();
    if let Some(record) = kept.into_iter().find(|b| b.record_id == record_id) {
        let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "?".to_owned());
        return format!(
            "{} {} {} on {}",
            text(&record.host),
            text(&record.record_type),
            text(&record.value),
            record.domain
        );
    }
    match &entry.spec {
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } => record_ids
            .iter()
            .position(|&id| id == record_id)
            .and_then(|at| domain_ids.get(at))
            .map_or_else(|| "domain unknown".to_owned(), |d| format!("domain ID {d}")),
        _ => "domain unknown".to_owned(),
    }
}

/// The unsent parts read back from the history, checked as flag input and as the API
/// takes them, or refused naming why: the file may have been changed.
fn checked(
    session: &Session,
    operation: &Operation,
    plan: &Plan,
    unsent: &[(usize, Part)],
) -> anyhow::Result<Vec<(usize, Part)>> {
    let first_job = operation.job_ids().first().copied().unwrap_or_default();
    if !operation.mixes_kinds() {
        operation.one_kind().map_err(|why| {
            usage(format!(
                "the job history's lines of the operation of job {first_job} were changed or damaged, so nothing was sent: {why}"
            ))
        })?;
    }
    plan.checked(unsent, &session.capabilities()?).map_err(|errors| {
        usage(format!(
            "the job history holds parts of this operation that fail the input checks, so nothing was sent (the file was changed or damaged): {}",
            list_errors(&errors)
        ))
    })
}

/// The parts never sent and not superseded, saying what is left out; with none left, says
/// there is nothing to resume.
fn unsent(
    session: &Session,
    operations: &[Operation],
    operation: &Operation,
) -> Vec<(usize, Part)> {
    let (superseded, unsent): (Vec<_>, Vec<_>) = operation
        .unsent()
        .into_iter()
        .partition(|(_, part)| retried_since(operations, operation, part.retry_of));
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
    }
    unsent
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
