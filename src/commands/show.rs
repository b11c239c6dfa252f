//! `detail` (jobs once) and `wait` (until they are done).

use super::follow::{check_interval, follow};
use crate::backend::CallError;
use crate::cli::{DetailArgs, WaitArgs};
use crate::error::Outcome;
use crate::session::Session;
use crate::wait::job_outcome;
use anyhow::Context;
use rust_i18n::t;

pub(super) fn detail(session: &Session, args: &DetailArgs) -> anyhow::Result<Outcome> {
    let job_ids = session
        .ledger()
        .job_ids(args.jobs.last, &args.jobs.job_ids)?;
    let backend = session.backend()?;
    let jobs = job_ids
        .iter()
        .map(|job_id| {
            backend
                .detail(*job_id, None)
                .map(|job| (*job_id, job))
                .map_err(CallError::into_error)
                .with_context(|| t!("follow.cannot_get_job", job_id = job_id).into_owned())
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    session.output.jobs_and_verdicts(&jobs)?;
    Ok(jobs
        .iter()
        .map(|(_, job)| job_outcome(job))
        .fold(Outcome::Success, Outcome::worst))
}

pub(super) fn wait(session: &Session, args: &WaitArgs) -> anyhow::Result<Outcome> {
    let job_ids = session
        .ledger()
        .job_ids(args.jobs.last, &args.jobs.job_ids)?;
    check_interval(session, &args.timing)?;
    follow(session, session.backend()?, &job_ids, &args.timing)
}
