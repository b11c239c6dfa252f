use super::*;
use crate::error::{ApiRefused, RefusalKind};
use crate::job::{DomainItem, ItemStatus};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// How often to poll one job, and for how long.
#[derive(Clone, Copy, Debug)]
struct Policy {
    interval: Duration,
    timeout: Option<Duration>,
}

/// How waiting for one job ended: the shape the single-job tests read.
#[derive(Debug)]
enum WaitOutcome {
    /// No item is waiting or running any more.
    Finished(Job),
    /// The timeout passed; the last state seen, if any poll succeeded.
    TimedOut(Option<Job>),
    /// Ctrl-C.
    Interrupted,
}

/// Polls one job until it finishes.
fn wait_for_job(
    job_id: u64,
    fetch: impl FnMut(u64, Option<Instant>) -> Result<Job, CallError>,
    policy: Policy,
    pacer: &impl Pacer,
    observer: &mut impl Observer,
) -> Result<WaitOutcome, WaitError> {
    let mut watch = Watch::default();
    watch.add(job_id);
    let deadline = deadline(policy.timeout, pacer);
    let ended = watch.until(
        |watch| watch.unfinished() == 0,
        fetch,
        policy.interval,
        deadline,
        pacer,
        observer,
    )?;
    let last = watch.jobs.pop().and_then(|watched| watched.last);
    Ok(match (ended, last) {
        (Ended::Done, Some(job)) => WaitOutcome::Finished(job),
        (Ended::Interrupted, _) => WaitOutcome::Interrupted,
        (_, last) => WaitOutcome::TimedOut(last),
    })
}

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
    fn polled(&mut self, _: u64, _: &Job) {
        self.polls += 1;
    }
    fn retrying(&mut self, _: &CallError, attempt: u32, delay: Duration) {
        self.retries.push((attempt, delay));
    }
}

fn job(status: ItemStatus) -> Job {
    Job {
        domains: vec![DomainItem {
            id: Some(0),
            domain: Some("a.cn".into()),
            domain_id: None,
            domain_grade: None,
            operation: None,
            status,
            err_msg: None,
            records: Vec::new(),
        }],
        ..Job::default()
    }
}

fn http(status: u16) -> CallError {
    CallError::Http {
        status,
        retry_after: None,
    }
}

fn refused(kind: RefusalKind) -> CallError {
    CallError::Refused(ApiRefused {
        action: "Batch.Detail",
        code: "c".into(),
        message: "m".into(),
        kind,
        hint: None,
    })
}

fn script(
    answers: Vec<Result<Job, CallError>>,
) -> impl FnMut(u64, Option<Instant>) -> Result<Job, CallError> {
    let mut answers: VecDeque<_> = answers.into();
    move |_, _| {
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
    let outcome = wait_for_job(7, fetch, POLICY, &pacer, &mut log).unwrap();
    assert!(matches!(outcome, WaitOutcome::Finished(d) if d.tally().failed == 1));
    assert_eq!(*pacer.sleeps.borrow(), [SECOND, SECOND]);
    assert_eq!(log.polls, 3);
}

#[test]
fn passing_failures_back_off_and_then_recover() {
    let pacer = FakePacer::new();
    let mut log = Log::default();
    let fetch = script(vec![
        Err(http(502)),
        Err(refused(RefusalKind::RateLimited)),
        Err(CallError::Unreadable("html".into())),
        Ok(job(ItemStatus::Ok)),
    ]);
    let outcome = wait_for_job(7, fetch, POLICY, &pacer, &mut log).unwrap();
    assert!(matches!(outcome, WaitOutcome::Finished(_)));
    let secs = |s| Duration::from_secs(s);
    assert_eq!(log.retries, [(1, secs(2)), (2, secs(4)), (3, secs(8))]);
}

#[test]
fn too_many_failures_in_a_row_give_up() {
    let pacer = FakePacer::new();
    let failures = (0..MAX_CONSECUTIVE_FAILURES)
        .map(|_| Err(http(503)))
        .collect();
    let err = wait_for_job(7, script(failures), POLICY, &pacer, &mut Log::default()).unwrap_err();
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
        7,
        script(vec![Err(refused(RefusalKind::Auth))]),
        POLICY,
        &pacer,
        &mut Log::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, WaitError::Refused(7, CallError::Refused(r)) if r.kind == RefusalKind::Auth)
    );
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
    let outcome = wait_for_job(7, script(polls), policy, &pacer, &mut Log::default()).unwrap();
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
    let fetch = script(vec![Err(http(500)), Err(http(500)), Err(http(500))]);
    let outcome = wait_for_job(7, fetch, policy, &pacer, &mut Log::default()).unwrap();
    assert!(matches!(outcome, WaitOutcome::TimedOut(None)));
    assert_eq!(*pacer.sleeps.borrow(), [Duration::from_secs(2), SECOND]);
}

#[test]
fn an_interrupt_during_a_sleep_ends_waiting() {
    let mut pacer = FakePacer::new();
    pacer.interrupt_on_sleep = Some(1);
    let fetch = script(vec![Ok(job(ItemStatus::Waiting))]);
    let outcome = wait_for_job(7, fetch, POLICY, &pacer, &mut Log::default()).unwrap();
    assert!(matches!(outcome, WaitOutcome::Interrupted));
}

fn jobs(domains: usize, status: ItemStatus) -> Job {
    let mut detail = job(status);
    detail.domains = vec![detail.domains[0].clone(); domains];
    detail
}

#[test]
fn items_that_vanish_are_a_broken_answer_not_success() {
    let pacer = FakePacer::new();
    let mut log = Log::default();
    let fetch = script(vec![
        Ok(jobs(3, ItemStatus::Waiting)),
        Ok(jobs(1, ItemStatus::Ok)),
        Ok(jobs(3, ItemStatus::Ok)),
    ]);
    let outcome = wait_for_job(7, fetch, POLICY, &pacer, &mut log).unwrap();
    assert!(matches!(outcome, WaitOutcome::Finished(d) if d.tally().total == 3));
    assert_eq!(log.retries.len(), 1, "the short answer is a failed poll");
}

#[test]
fn a_retry_after_longer_than_the_backoff_is_honoured() {
    let pacer = FakePacer::new();
    let mut log = Log::default();
    let busy = CallError::Http {
        status: 429,
        retry_after: Some(Duration::from_secs(60)),
    };
    let fetch = script(vec![Err(busy), Ok(job(ItemStatus::Ok))]);
    wait_for_job(7, fetch, POLICY, &pacer, &mut log).unwrap();
    assert_eq!(*pacer.sleeps.borrow(), [Duration::from_secs(60)]);
}

#[test]
fn a_timeout_too_large_for_the_clock_means_no_deadline() {
    let pacer = FakePacer::new();
    let policy = Policy {
        interval: SECOND,
        timeout: Some(Duration::MAX),
    };
    let fetch = script(vec![Ok(job(ItemStatus::Waiting)), Ok(job(ItemStatus::Ok))]);
    let outcome = wait_for_job(7, fetch, policy, &pacer, &mut Log::default()).unwrap();
    assert!(matches!(outcome, WaitOutcome::Finished(_)));
}

#[test]
fn an_interrupted_request_ends_waiting() {
    let pacer = FakePacer::new();
    let fetch = script(vec![Err(CallError::Interrupted { sent: true })]);
    let outcome = wait_for_job(7, fetch, POLICY, &pacer, &mut Log::default()).unwrap();
    assert!(matches!(outcome, WaitOutcome::Interrupted));
}

#[test]
fn backoff_doubles_up_to_a_minute() {
    assert_eq!(backoff(SECOND, 1), Duration::from_secs(2));
    assert_eq!(backoff(SECOND, 3), Duration::from_secs(8));
    assert_eq!(backoff(SECOND, 40), MAX_BACKOFF);
    assert_eq!(backoff(Duration::from_secs(90), 2), Duration::from_secs(90));
}

mod watch;
