//! Following jobs to their end: polls their detail, backs off on passing failures, and stops
//! on finished, timeout, interrupt, a refusal or too many failures in a row. It never
//! prints; it reports through [`Observer`], and time passes through [`Pacer`].

use crate::backend::CallError;
use crate::error::Outcome;
use crate::job::Job;
use crate::signal::{self, Waited};
use rust_i18n::t;
use std::time::{Duration, Instant};

/// Consecutive failed polls tolerated before giving up (exit 1, with a resume hint).
pub(crate) const MAX_CONSECUTIVE_FAILURES: u32 = 5;
/// The longest pause between two polls after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

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
    /// A failure that repeating would not cure (login failed, no such job...), and the
    /// job it came with.
    Refused(u64, CallError),
    /// Passing failures of one job's polls that did not pass.
    TooManyFailures {
        job_id: u64,
        attempts: u32,
        last: CallError,
    },
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
    fn polled(&mut self, job_id: u64, detail: &Job);
    fn retrying(&mut self, err: &CallError, attempt: u32, delay: Duration);
}

/// The pause after `failures` consecutive failures: the interval doubled per failure.
fn backoff(interval: Duration, failures: u32) -> Duration {
    interval
        .saturating_mul(1 << failures.min(16))
        .clamp(interval, MAX_BACKOFF.max(interval))
}

/// One job being followed: where it was last seen, and its failed polls in a row.
#[derive(Debug)]
pub(crate) struct Watched {
    pub job_id: u64,
    pub last: Option<Job>,
    failures: u32,
    most_items: u64,
}

impl Watched {
    pub(crate) fn finished(&self) -> bool {
        self.last.as_ref().is_some_and(|job| job.tally().finished())
    }
}

/// The jobs one run follows, all polled in one loop: each unfinished job once a round,
/// so following four jobs costs each of them no more polls than following it alone.
#[derive(Debug, Default)]
pub(crate) struct Watch {
    pub jobs: Vec<Watched>,
}

/// How a [`Watch`] stopped short of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// What was waited for came to pass.
    Done,
    TimedOut,
    Interrupted,
}

impl Watch {
    pub(crate) fn add(&mut self, job_id: u64) {
        self.jobs.push(Watched {
            job_id,
            last: None,
            failures: 0,
            most_items: 0,
        });
    }

    pub(crate) fn unfinished(&self) -> usize {
        self.jobs.iter().filter(|job| !job.finished()).count()
    }

    /// The worst outcome of the jobs as last seen.
    pub(crate) fn outcome(&self) -> Outcome {
        self.jobs
            .iter()
            .filter_map(|watched| watched.last.as_ref())
            .map(job_outcome)
            .fold(Outcome::Success, Outcome::worst)
    }

    /// Polls each unfinished job once, or until `done`; the pause before the next round,
    /// or `None` when Ctrl-C cut a request.
    fn poll_round(
        &mut self,
        done: &impl Fn(&Watch) -> bool,
        fetch: &mut impl FnMut(u64, Option<Instant>) -> Result<Job, CallError>,
        deadline: Option<Instant>,
        interval: Duration,
        pacer: &impl Pacer,
        observer: &mut impl Observer,
    ) -> Result<Option<Duration>, WaitError> {
        let mut delay = interval;
        for index in 0..self.jobs.len() {
            // What was waited for may come to pass halfway through a round.
            if done(self) {
                break;
            }
            let watched = &mut self.jobs[index];
            if watched.finished() {
                continue;
            }
            let fetched = fetch(watched.job_id, deadline)
                .and_then(|job| no_vanished_items(job, &mut watched.most_items));
            match fetched {
                Ok(detail) => {
                    watched.failures = 0;
                    observer.polled(watched.job_id, &detail);
                    watched.last = Some(detail);
                }
                Err(CallError::Interrupted { .. }) => return Ok(None),
                Err(err) if err.is_transient() => {
                    watched.failures += 1;
                    if watched.failures >= MAX_CONSECUTIVE_FAILURES {
                        return Err(WaitError::TooManyFailures {
                            job_id: watched.job_id,
                            attempts: watched.failures,
                            last: err,
                        });
                    }
                    let pause = backoff(interval, watched.failures)
                        .max(err.retry_after().unwrap_or_default());
                    if time_left(deadline, pacer).is_none_or(|left| !left.is_zero()) {
                        observer.retrying(&err, watched.failures, pause);
                    }
                    delay = delay.max(pause);
                }
                Err(err) => return Err(WaitError::Refused(watched.job_id, err)),
            }
        }
        Ok(Some(delay))
    }

    /// Polls round after round until `done` holds, the deadline passes or Ctrl-C. `fetch`
    /// gets the deadline, so a request in flight is cut when it passes.
    pub(crate) fn until(
        &mut self,
        done: impl Fn(&Watch) -> bool,
        mut fetch: impl FnMut(u64, Option<Instant>) -> Result<Job, CallError>,
        interval: Duration,
        deadline: Option<Instant>,
        pacer: &impl Pacer,
        observer: &mut impl Observer,
    ) -> Result<Ended, WaitError> {
        loop {
            if pacer.interrupted() {
                return Ok(Ended::Interrupted);
            }
            let started = pacer.now();
            let Some(delay) =
                self.poll_round(&done, &mut fetch, deadline, interval, pacer, observer)?
            else {
                return Ok(Ended::Interrupted);
            };
            if done(self) {
                return Ok(Ended::Done);
            }
            // Each job is polled once per interval: the round's own time counts towards it.
            let delay = delay.saturating_sub(pacer.now().saturating_duration_since(started));
            let delay = match time_left(deadline, pacer) {
                None => delay,
                Some(left) if left.is_zero() => return Ok(Ended::TimedOut),
                Some(left) => delay.min(left),
            };
            if !pacer.sleep(delay) {
                return Ok(Ended::Interrupted);
            }
        }
    }
}

/// The wait's deadline: `timeout` from now, none past what an Instant can hold.
pub(crate) fn deadline(timeout: Option<Duration>, pacer: &impl Pacer) -> Option<Instant> {
    timeout.and_then(|timeout| pacer.now().checked_add(timeout))
}

/// Items never vanish from a job: an answer with fewer than seen before is broken.
fn no_vanished_items(job: Job, most_items: &mut u64) -> Result<Job, CallError> {
    let items = job.tally().total;
    if items < *most_items {
        return Err(CallError::Unreadable(
            t!("wait.items_vanished", items = items, most = most_items).into_owned(),
        ));
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
