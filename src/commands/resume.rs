//! `resume`: the parts of a split operation that were not sent when it stopped, sent as
//! they were cut, into the same history entry; never a part whose outcome is unknown.

use super::submit::{Operation, send};
use crate::cli::ResumeArgs;
use crate::error::{Outcome, usage};
use crate::session::Session;

pub(super) fn run(session: &Session, args: &ResumeArgs) -> anyhow::Result<Outcome> {
    let operations = session.account_operations()?;
    let operation = session.operation(&operations, &args.job)?.ok_or_else(|| {
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
    let unsent: Vec<_> = operation
        .unsent()
        .into_iter()
        .map(|(index, part)| (index, part.clone()))
        .collect();
    if unsent.is_empty() {
        session.output.hint(&format!(
            "every part of the operation of job {} was sent; nothing to resume",
            operation.job_ids().first().copied().unwrap_or_default()
        ));
        return Ok(Outcome::Success);
    }
    session.output.hint(&format!(
        "sending {} of the operation's {} parts that were not sent",
        unsent.len(),
        plan.parts.len()
    ));
    let resumed = Operation {
        id: id.to_owned(),
        plan: None,
        parts: plan.parts.len(),
        first_job: operation.job_ids().first().copied(),
    };
    send(session, Some(resumed), &unsent, &args.submit, &[])
}
