//! Following a job to its end: polls Batch.Detail, backs off on passing failures, and stops
//! on finished, timeout, interrupt, a refusal or too many failures in a row. It never
//! prints; it reports through [`Observer`], and time passes through [`Pacer`].

use crate::api::{CallError, JobDetail};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
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
    Finished(JobDetail),
    /// The timeout passed; the last state seen, if any poll succeeded.
    TimedOut(Option<JobDetail>),
    /// Ctrl-C.
    Interrupted,
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
    fn polled(&mut self, detail: &JobDetail);
    fn retrying(&mut self, err: &CallError, attempt: u32, delay: Duration);
}

/// The pause after `failures` consecutive failures: the interval doubled per failure.
fn backoff(interval: Duration, failures: u32) -> Duration {
    interval
        .saturating_mul(1 << failures.min(16))
        .clamp(interval, MAX_BACKOFF.max(interval))
}

pub(crate) fn wait_for_job(
    mut fetch: impl FnMut() -> Result<JobDetail, CallError>,
    policy: Policy,
    pacer: &impl Pacer,
    observer: &mut impl Observer,
) -> Result<WaitOutcome, WaitError> {
    let deadline = policy.timeout.map(|timeout| pacer.now() + timeout);
    let mut failures = 0;
    let mut last = None;
    loop {
        if pacer.interrupted() {
            return Ok(WaitOutcome::Interrupted);
        }
        let delay = match fetch() {
            Ok(detail) => {
                failures = 0;
                observer.polled(&detail);
                if detail.tally().finished() {
                    return Ok(WaitOutcome::Finished(detail));
                }
                last = Some(detail);
                policy.interval
            }
            Err(err) if err.is_transient() => {
                failures += 1;
                if failures >= MAX_CONSECUTIVE_FAILURES {
                    return Err(WaitError::TooManyFailures {
                        attempts: failures,
                        last: err,
                    });
                }
                let delay = backoff(policy.interval, failures);
                observer.retrying(&err, failures, delay);
                delay
            }
            Err(err) => return Err(WaitError::Refused(err)),
        };
        let delay = match deadline {
            None => delay,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(pacer.now());
                if left.is_zero() {
                    return Ok(WaitOutcome::TimedOut(last));
                }
                delay.min(left)
            }
        };
        if !pacer.sleep(delay) {
            return Ok(WaitOutcome::Interrupted);
        }
    }
}

/// Real time, with Ctrl-C delivered by a signal handler through a channel, so a sleep
/// ends the moment the user presses it.
pub(crate) struct SignalPacer {
    signals: Receiver<()>,
    seen: Cell<bool>,
}

impl SignalPacer {
    /// Installs the Ctrl-C handler; call once, when waiting starts.
    pub(crate) fn install() -> anyhow::Result<SignalPacer> {
        let (sender, signals) = mpsc::channel();
        let presses = AtomicUsize::new(0);
        ctrlc::set_handler(move || {
            // A second Ctrl-C means "stop now", even inside a slow request.
            if presses.fetch_add(1, Ordering::SeqCst) > 0 {
                std::process::exit(130);
            }
            let _ = sender.send(());
        })?;
        Ok(SignalPacer {
            signals,
            seen: Cell::new(false),
        })
    }
}

impl Pacer for SignalPacer {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&self, duration: Duration) -> bool {
        match self.signals.recv_timeout(duration) {
            Ok(()) => {
                self.seen.set(true);
                false
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(duration);
                true
            }
        }
    }

    fn interrupted(&self) -> bool {
        if !self.seen.get() && self.signals.try_recv().is_ok() {
            self.seen.set(true);
        }
        self.seen.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Domain, ItemStatus};
    use crate::error::ApiRefused;
    use std::cell::RefCell;
    use std::collections::VecDeque;

    /// Virtual time: sleeping moves the clock; an interrupt can be armed for a given sleep.
    struct FakePacer {
        start: Instant,
        elapsed: Cell<Duration>,
        sleeps: RefCell<Vec<Duration>>,
        interrupt_on_sleep: Option<usize>,
    }

    impl FakePacer {
        fn new() -> FakePacer {
            FakePacer {
                start: Instant::now(),
                elapsed: Cell::new(Duration::ZERO),
                sleeps: RefCell::new(Vec::new()),
                interrupt_on_sleep: None,
            }
        }
    }

    impl Pacer for FakePacer {
        fn now(&self) -> Instant {
            self.start + self.elapsed.get()
        }
        fn sleep(&self, duration: Duration) -> bool {
            self.sleeps.borrow_mut().push(duration);
            self.elapsed.set(self.elapsed.get() + duration);
            self.interrupt_on_sleep != Some(self.sleeps.borrow().len())
        }
        fn interrupted(&self) -> bool {
            false
        }
    }

    #[derive(Default)]
    struct Log {
        polls: usize,
        retries: Vec<(u32, Duration)>,
    }

    impl Observer for Log {
        fn polled(&mut self, _: &JobDetail) {
            self.polls += 1;
        }
        fn retrying(&mut self, _: &CallError, attempt: u32, delay: Duration) {
            self.retries.push((attempt, delay));
        }
    }

    fn job(status: ItemStatus) -> JobDetail {
        JobDetail {
            domains: vec![Domain {
                id: Some(0),
                domain: Some("a.cn".into()),
                domain_id: None,
                domain_grade: None,
                operation: None,
                status,
                err_msg: None,
                records: Vec::new(),
            }],
            ..JobDetail::default()
        }
    }

    fn refused(code: &str) -> CallError {
        CallError::Refused(ApiRefused {
            action: "Batch.Detail",
            code: code.into(),
            message: "m".into(),
        })
    }

    fn script(
        answers: Vec<Result<JobDetail, CallError>>,
    ) -> impl FnMut() -> Result<JobDetail, CallError> {
        let mut answers: VecDeque<_> = answers.into();
        move || {
            answers
                .pop_front()
                .expect("polled more often than scripted")
        }
    }

    const SECOND: Duration = Duration::from_secs(1);
    const POLICY: Policy = Policy {
        interval: SECOND,
        timeout: Some(Duration::from_secs(600)),
    };

    #[test]
    fn polls_at_the_interval_until_no_item_is_pending() {
        let pacer = FakePacer::new();
        let mut log = Log::default();
        let fetch = script(vec![
            Ok(job(ItemStatus::Waiting)),
            Ok(job(ItemStatus::Running)),
            Ok(job(ItemStatus::Error)),
        ]);
        let outcome = wait_for_job(fetch, POLICY, &pacer, &mut log).unwrap();
        assert!(matches!(outcome, WaitOutcome::Finished(d) if d.tally().failed == 1));
        assert_eq!(*pacer.sleeps.borrow(), [SECOND, SECOND]);
        assert_eq!(log.polls, 3);
    }

    #[test]
    fn passing_failures_back_off_and_then_recover() {
        let pacer = FakePacer::new();
        let mut log = Log::default();
        let fetch = script(vec![
            Err(CallError::Http(502)),
            Err(refused("-2")),
            Err(CallError::Unreadable("html".into())),
            Ok(job(ItemStatus::Ok)),
        ]);
        let outcome = wait_for_job(fetch, POLICY, &pacer, &mut log).unwrap();
        assert!(matches!(outcome, WaitOutcome::Finished(_)));
        let secs = |s| Duration::from_secs(s);
        assert_eq!(log.retries, [(1, secs(2)), (2, secs(4)), (3, secs(8))]);
    }

    #[test]
    fn too_many_failures_in_a_row_give_up() {
        let pacer = FakePacer::new();
        let failures = (0..MAX_CONSECUTIVE_FAILURES)
            .map(|_| Err(CallError::Http(503)))
            .collect();
        let err = wait_for_job(script(failures), POLICY, &pacer, &mut Log::default()).unwrap_err();
        assert!(matches!(
            err,
            WaitError::TooManyFailures {
                attempts: MAX_CONSECUTIVE_FAILURES,
                ..
            }
        ));
    }

    #[test]
    fn refusals_stop_at_once() {
        let pacer = FakePacer::new();
        let err = wait_for_job(
            script(vec![Err(refused("-1"))]),
            POLICY,
            &pacer,
            &mut Log::default(),
        )
        .unwrap_err();
        assert!(matches!(err, WaitError::Refused(CallError::Refused(r)) if r.code == "-1"));
        assert!(pacer.sleeps.borrow().is_empty());
    }

    #[test]
    fn the_timeout_cuts_the_last_sleep_short_and_keeps_the_last_state() {
        let pacer = FakePacer::new();
        let policy = Policy {
            interval: Duration::from_secs(4),
            timeout: Some(Duration::from_secs(10)),
        };
        let polls = (0..4).map(|_| Ok(job(ItemStatus::Running))).collect();
        let outcome = wait_for_job(script(polls), policy, &pacer, &mut Log::default()).unwrap();
        assert!(matches!(outcome, WaitOutcome::TimedOut(Some(_))));
        let secs = |s| Duration::from_secs(s);
        assert_eq!(*pacer.sleeps.borrow(), [secs(4), secs(4), secs(2)]);
    }

    #[test]
    fn backoff_is_bounded_by_the_timeout() {
        let pacer = FakePacer::new();
        let policy = Policy {
            interval: SECOND,
            timeout: Some(Duration::from_secs(3)),
        };
        // Fails at 0s and 2s; the back-off of 4s is cut to the 1s left, and the poll at the
        // deadline is the last.
        let fetch = script(vec![
            Err(CallError::Http(500)),
            Err(CallError::Http(500)),
            Err(CallError::Http(500)),
        ]);
        let outcome = wait_for_job(fetch, policy, &pacer, &mut Log::default()).unwrap();
        assert!(matches!(outcome, WaitOutcome::TimedOut(None)));
        assert_eq!(*pacer.sleeps.borrow(), [Duration::from_secs(2), SECOND]);
    }

    #[test]
    fn an_interrupt_during_a_sleep_ends_waiting() {
        let mut pacer = FakePacer::new();
        pacer.interrupt_on_sleep = Some(1);
        let fetch = script(vec![Ok(job(ItemStatus::Waiting))]);
        let outcome = wait_for_job(fetch, POLICY, &pacer, &mut Log::default()).unwrap();
        assert!(matches!(outcome, WaitOutcome::Interrupted));
    }

    #[test]
    fn backoff_doubles_up_to_a_minute() {
        assert_eq!(backoff(SECOND, 1), Duration::from_secs(2));
        assert_eq!(backoff(SECOND, 3), Duration::from_secs(8));
        assert_eq!(backoff(SECOND, 40), MAX_BACKOFF);
        assert_eq!(backoff(Duration::from_secs(90), 2), Duration::from_secs(90));
    }
}
