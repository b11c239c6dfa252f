//! `detail` (a job once) and `wait` (until it is done).

use super::follow::{check_interval, follow};
use crate::backend::CallError;
use crate::cli::{DetailArgs, WaitArgs};
use crate::error::Outcome;
use crate::session::Session;
use crate::wait::job_outcome;
use anyhow::Context;

pub(super) fn detail(session: &Session, args: &DetailArgs) -> anyhow::Result<Outcome> {
    let job_id = session.job_id(&args.job)?;
    let job = session
        .backend()?
        .detail(job_id, None)
        .map_err(CallError::into_error)
        .with_context(|| format!("could not get job {job_id}"))?;
    session.output.job_and_verdict(job_id, &job)?;
    Ok(job_outcome(&job))
}

pub(super) fn wait(session: &Session, args: &WaitArgs) -> anyhow::Result<Outcome> {
    let job_id = session.job_id(&args.job)?;
    check_interval(session, &args.timing)?;
    follow(session, session.backend()?, job_id, &args.timing)
}
