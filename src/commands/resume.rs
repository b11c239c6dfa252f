//! `resume`: the parts of a split operation that were not sent when it stopped, sent as
//! they were cut, into the same history entry; never a part whose outcome is unknown.
//! It sends under the operation's lock, read again once the lock is held, so two runs
//! never send the same part; and the parts it reads back are checked like flag input.

use super::submit::{Sending, send};
use crate::cli::ResumeArgs;
use crate::error::{Outcome, usage};
use crate::history::{Entry, Operation, OperationId, OperationLock};
use crate::i18n::counted::counted;
use crate::input::list_errors;
use crate::job::{JobSpec, Part, Plan};
use crate::session::Session;
use rust_i18n::t;

pub(super) fn run(session: &Session, args: &ResumeArgs) -> anyhow::Result<Outcome> {
    let operations = session.ledger().holding(args.job.job_id)?;
    let operation = find(session, &operations, args)?;
    let Some(id) = operation.id() else {
        session.output.hint(&t!(
            "resume.one_job",
            job_id = operation.job_ids().first().copied().unwrap_or_default()
        ));
        return Ok(Outcome::Success);
    };
    let lock = lock(session, operation, id)?;
    // Another run may have sent parts until it let go of the lock: read them again.
    let operations = session.ledger().with_id(id)?;
    let operation = operations
        .iter()
        .rfind(|op| op.id() == Some(id))
        .ok_or_else(|| anyhow::anyhow!("{}", t!("resume.left_history", id = id)))?;
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
        usage(t!(
            "resume.not_in_history",
            job_id = args.job.job_id.unwrap_or_default()
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
        .ok_or_else(|| anyhow::anyhow!("{}", t!("resume.no_history")))?;
    history.lock_operation(id)?.ok_or_else(|| {
        usage(t!(
            "resume.locked",
            job_id = operation.job_ids().first().copied().unwrap_or_default(),
            id = id
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
            "{}",
            t!("resume.no_plan", job_id = first_job.unwrap_or_default())
        )
    })?;
    if let Some(asked) = args.submit.limits.job_size {
        return Err(usage(t!(
            "resume.job_size",
            asked = asked,
            records = counted(plan.job_size, "record")
        )));
    }
    warn_unknown(session, operation);
    let unsent = unsent(session, operations, operation);
    if unsent.is_empty() {
        return Ok(Outcome::Success);
    }
    let unsent = checked(session, operation, plan, &unsent)?;
    super::apply::changes_hold(session, operation, &unsent)?;
    session.output.hint(&t!(
        "resume.sending",
        unsent = unsent.len(),
        parts = plan.parts.len()
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
        session
            .output
            .warn(&t!("resume.part_unknown", what = unknown.spec.summary()));
    }
    for (record_id, entry) in operation.unknown_calls() {
        if let JobSpec::RecordSteps { steps } = &entry.spec {
            let step = steps.iter().find(|step| step.call_key() == record_id);
            let call = step.map_or_else(|| t!("resume.apply_call").into_owned(), |s| s.describe());
            session.output.warn(&t!("resume.call_unknown", call = call));
            continue;
        }
        session.output.warn(&t!(
            "resume.removal_unknown",
            record_id = record_id,
            domain = record_of(entry, record_id)
        ));
    }
}

/// What `entry` kept of the record `record_id`: as it was, else its domain's ID.
fn record_of(entry: &Entry, record_id: u64) -> String {
    let kept = entry.before.iter().flatten();
    if let Some(record) = kept.into_iter().find(|b| b.record_id == record_id) {
        let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "?".to_owned());
        return t!(
            "resume.record_on",
            host = text(&record.host),
            record_type = text(&record.record_type),
            value = text(&record.value),
            domain = record.domain
        )
        .into_owned();
    }
    match &entry.spec {
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } => record_ids
            .iter()
            .position(|&id| id == record_id)
            .and_then(|at| domain_ids.get(at))
            .map_or_else(
                || t!("resume.domain_unknown").into_owned(),
                |d| t!("resume.domain_id", id = d).into_owned(),
            ),
        _ => t!("resume.domain_unknown").into_owned(),
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
        operation
            .one_kind()
            .map_err(|why| usage(t!("resume.lines_damaged", job_id = first_job, why = why)))?;
    }
    plan.checked(unsent, &session.capabilities()?)
        .map_err(|errors| usage(t!("resume.parts_bad", errors = list_errors(&errors))))
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
        session
            .output
            .warn(&t!("resume.superseded", parts = superseded.len()));
    }
    if unsent.is_empty() {
        let job = operation.job_ids().first().copied().unwrap_or_default();
        session.output.hint(&match superseded.is_empty() {
            true => t!("resume.all_sent", job_id = job),
            false => t!("resume.nothing_left", job_id = job),
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
