//! Following a job to its end: polls its detail, backs off on passing failures, and stops
//! on finished, timeout, interrupt, a refusal or too many failures in a row. It never
//! prints; it reports through [`Observer`], and time passes through [`Pacer`].

use crate::backend::CallError;
use crate::error::Outcome;
use crate::job::Job;
use crate::signal::{self, Waited};
use std::time::{Duration, Instant};

/// Consecutive failed polls tolerated before giving up (exit 1, with a resume hint).
pub(crate) const MAX_CONSECUTIVE_FAILURES: u32 = 5;
/// The longest pause between two polls after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Policy {
    pub interval: Duration,
    pub timeout: Option<Duration>,
}

/// How waiting ended, short of an error.
#[derive(Debug)]
pub(crate) enum WaitOutcome {
    /// No item is waiting or running any more.
    Finished(Job),
    /// The timeout passed; the last state seen, if any poll succeeded.
    TimedOut(Option<Job>),
    /// Ctrl-C.
    Interrupted,
}

impl WaitOutcome {
    /// The exit code's outcome of a wait that ended this way.
    pub(crate) fn outcome(&self) -> Outcome {
        match self {
            WaitOutcome::Finished(job) => job_outcome(job),
            WaitOutcome::TimedOut(_) => Outcome::TimedOut,
            WaitOutcome::Interrupted => Outcome::Interrupted,
        }
    }
}

/// Exit 4 for a finished job with failed items; success otherwise, also while it runs.
pub(crate) fn job_outcome(job: &Job) -> Outcome {
    let tally = job.tally();
    if tally.finished() && tally.failed > 0 {
        Outcome::ItemsFailed
    } else {
        Outcome::Success
    }
}

/// Why waiting stopped early.
#[derive(Debug)]
pub(crate) enum WaitError {
    /// A failure that repeating would not cure (login failed, no such job...).
    Refused(CallError),
    /// Passing failures that did not pass.
    TooManyFailures { attempts: u32, last: CallError },
}

/// Time, sleep and interrupts, injected so tests run without real time or signals.
pub(crate) trait Pacer {
    fn now(&self) -> Instant;
    /// Sleeps up to `duration`; false when interrupted.
    fn sleep(&self, duration: Duration) -> bool;
    fn interrupted(&self) -> bool;
}

/// What the loop tells the outside world: progress and retries.
pub(crate) trait Observer {
    fn polled(&mut self, detail: &Job);
    fn retrying(&mut self, err: &CallError, attempt: u32, delay: Duration);
}

/// The pause after `failures` consecutive failures: the interval doubled per failure.
fn backoff(interval: Duration, failures: u32) -> Duration {
    interval
        .saturating_mul(1 << failures.min(16))
        .clamp(interval, MAX_BACKOFF.max(interval))
}

/// Polls until the job finishes. `fetch` gets the wait's deadline, so a request in flight
/// is cut when `--timeout` passes.
pub(crate) fn wait_for_job(
    mut fetch: impl FnMut(Option<Instant>) -> Result<Job, CallError>,
    policy: Policy,
    pacer: &impl Pacer,
    observer: &mut impl Observer,
) -> Result<WaitOutcome, WaitError> {
    // A timeout past what an Instant can hold is no deadline at all.
    let deadline = policy
        .timeout
        .and_then(|timeout| pacer.now().checked_add(timeout));
    let mut failures = 0;
    let mut last: Option<Job> = None;
    let mut most_items = 0;
    loop {
        if pacer.interrupted() {
            return Ok(WaitOutcome::Interrupted);
        }
        let fetched = fetch(deadline).and_then(|job| no_vanished_items(job, &mut most_items));
        let delay = match fetched {
            Ok(detail) => {
                failures = 0;
                observer.polled(&detail);
                if detail.tally().finished() {
                    return Ok(WaitOutcome::Finished(detail));
                }
                last = Some(detail);
                policy.interval
            }
            Err(CallError::Interrupted { .. }) => return Ok(WaitOutcome::Interrupted),
            Err(err) if err.is_transient() => {
                failures += 1;
                if failures >= MAX_CONSECUTIVE_FAILURES {
                    return Err(WaitError::TooManyFailures {
                        attempts: failures,
                        last: err,
                    });
                }
                let delay =
                    backoff(policy.interval, failures).max(err.retry_after().unwrap_or_default());
                if time_left(deadline, pacer).is_none_or(|left| !left.is_zero()) {
                    observer.retrying(&err, failures, delay);
                }
                delay
            }
            Err(err) => return Err(WaitError::Refused(err)),
        };
        let delay = match time_left(deadline, pacer) {
            None => delay,
            Some(left) if left.is_zero() => return Ok(WaitOutcome::TimedOut(last)),
            Some(left) => delay.min(left),
        };
        if !pacer.sleep(delay) {
            return Ok(WaitOutcome::Interrupted);
        }
    }
}

/// Items never vanish from a job: an answer with fewer than seen before is broken.
fn no_vanished_items(job: Job, most_items: &mut u64) -> Result<Job, CallError> {
    let items = job.tally().total;
    if items < *most_items {
        return Err(CallError::Unreadable(format!(
            "the job lists {items} items where it listed {most_items} before"
        )));
    }
    *most_items = items;
    Ok(job)
}

fn time_left(deadline: Option<Instant>, pacer: &impl Pacer) -> Option<Duration> {
    deadline.map(|deadline| deadline.saturating_duration_since(pacer.now()))
}

/// Real time, with Ctrl-C and SIGTERM through [`signal`], so a sleep ends the moment the
/// user presses it.
pub(crate) struct SignalPacer;

impl Pacer for SignalPacer {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, duration: Duration) -> bool {
        let until = Instant::now()
            .checked_add(duration)
            .unwrap_or_else(Instant::now);
        signal::wait(until, || false) != Waited::Interrupted
    }

    fn interrupted(&self) -> bool {
        signal::interrupted()
    }
}

#[cfg(test)]
mod tests;
