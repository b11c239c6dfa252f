//! Following a job: `wait`, `--wait` and `detail` read it through the backend; the wait
//! loop (`wait.rs`) decides when to stop, and output shows where it ended.

use crate::backend::Backend;
use crate::cli::WaitTiming;
use crate::config;
use crate::error::Outcome;
use crate::session::Session;
use crate::signal;
use crate::wait::{Policy, SignalPacer, WaitError, wait_for_job};
use anyhow::{Context, anyhow};
use std::time::Duration;

/// Polls this often at the least against the real API; the fake on loopback may go faster.
const MIN_REMOTE_INTERVAL: Duration = Duration::from_millis(500);

pub(crate) fn check_interval(session: &Session, timing: &WaitTiming) -> anyhow::Result<()> {
    config::check_pace(
        "--interval",
        timing.interval,
        MIN_REMOTE_INTERVAL,
        &session.settings.endpoint,
    )
}

/// Waits for the job, shows where it ended, and says how to resume if it did not.
pub(crate) fn follow(
    session: &Session,
    backend: &dyn Backend,
    job_id: u64,
    timing: &WaitTiming,
) -> anyhow::Result<Outcome> {
    let policy = Policy {
        interval: timing.interval,
        timeout: timing.timeout.0,
    };
    let resume = format!("resume with `dpbatch wait {job_id}`");
    signal::set_last_words(Some(format!(
        "interrupted again; job {job_id} goes on: {resume}"
    )));
    let mut progress = session.output.progress(job_id);
    let waited = wait_for_job(
        |deadline| backend.detail(job_id, deadline),
        policy,
        &SignalPacer,
        &mut progress,
    );
    drop(progress);
    signal::set_last_words(None);
    match waited {
        Ok(ended) => {
            session.output.followed(job_id, &ended, &policy)?;
            Ok(ended.outcome())
        }
        Err(WaitError::Refused(err)) => {
            Err(err.into_error()).with_context(|| format!("stopped waiting for job {job_id}"))
        }
        Err(WaitError::TooManyFailures { attempts, last }) => {
            Err(anyhow!(last)).with_context(|| {
                format!("reading job {job_id} failed {attempts} times in a row; the job goes on: {resume}")
            })
        }
    }
}
