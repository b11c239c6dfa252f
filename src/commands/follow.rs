//! Following jobs: `wait`, `--wait` and `detail` read them through the backend; the wait
//! loop (`wait.rs`) polls them all in one loop and decides when to stop, and output shows
//! where it ended.

use crate::backend::{Backend, CallError};
use crate::cli::WaitTiming;
use crate::config;
use crate::error::{Outcome, usage};
use crate::job::Job;
use crate::output::Progress;
use crate::session::Session;
use crate::signal;
use crate::wait::{Ended, SignalPacer, WaitError, Watch, deadline};
use anyhow::{Context, anyhow};
use rust_i18n::t;
use std::time::{Duration, Instant};

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

/// Waits for the jobs, shows where they ended, and says how to resume if they did not.
pub(crate) fn follow(
    session: &Session,
    backend: &dyn Backend,
    job_ids: &[u64],
    timing: &WaitTiming,
) -> anyhow::Result<Outcome> {
    let mut watch = Watch::default();
    for job_id in job_ids {
        watch.add(*job_id);
    }
    // The bar names a job followed alone, as its summary line does.
    let label = match job_ids {
        [job_id] => t!("submit.progress_job", job_id = job_id).into_owned(),
        _ => t!("follow.progress_jobs").into_owned(),
    };
    let progress = session.output.progress(&label, true);
    let deadline = deadline(timing.timeout.0, &SignalPacer);
    finish_watch(session, backend, watch, timing, deadline, progress)
}

/// Polls the watched jobs until none is unfinished, then shows them all; the outcome is
/// the worst of theirs.
pub(crate) fn finish_watch(
    session: &Session,
    backend: &dyn Backend,
    mut watch: Watch,
    timing: &WaitTiming,
    deadline: Option<Instant>,
    mut progress: Progress,
) -> anyhow::Result<Outcome> {
    let ids: Vec<String> = watch.jobs.iter().map(|j| j.job_id.to_string()).collect();
    let resume = t!("follow.keep_waiting", ids = ids.join(" ")).into_owned();
    signal::set_last_words(Some(t!("follow.last_words", resume = resume).into_owned()));
    let ended = watch.until(
        |watch| watch.unfinished() == 0,
        |job_id, deadline| backend.detail(job_id, deadline),
        timing.interval,
        deadline,
        &SignalPacer,
        &mut progress,
    );
    drop(progress);
    signal::set_last_words(None);
    let ended = ended.map_err(poll_failure)?;
    session
        .output
        .followed(&watch.jobs, ended, timing.timeout.0, &resume)?;
    Ok(match ended {
        Ended::Done => watch.outcome(),
        Ended::TimedOut => Outcome::TimedOut,
        Ended::Interrupted => Outcome::Interrupted,
    })
}

/// A failed poll of one of the operation's jobs, as an error naming it.
pub(crate) fn poll_failure(err: WaitError) -> anyhow::Error {
    match err {
        WaitError::Refused(job_id, err) => err
            .into_error()
            .context(t!("follow.stopped_waiting", job_id = job_id).into_owned()),
        WaitError::TooManyFailures {
            job_id,
            attempts,
            last,
        } => anyhow!(last)
            .context(t!("follow.polls_failed", job_id = job_id, attempts = attempts).into_owned()),
    }
}

/// A job read once, for a command that acts on what it did (`verb`: `retry`, `undo`);
/// refused (exit 2) while items are still waiting or running.
pub(crate) fn finished_job(backend: &dyn Backend, job_id: u64, verb: &str) -> anyhow::Result<Job> {
    let job = backend
        .detail(job_id, None)
        .map_err(CallError::into_error)
        .with_context(|| t!("follow.cannot_get_job", job_id = job_id).into_owned())?;
    let tally = job.tally();
    if !tally.finished() {
        return Err(usage(t!(
            "follow.not_finished",
            job_id = job_id,
            items = tally.waiting + tally.running,
            verb = verb
        )));
    }
    Ok(job)
}
