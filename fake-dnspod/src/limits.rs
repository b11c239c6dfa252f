//! What the fake makes a client live with besides faults: a latency on every answer, so
//! benchmarks see real round trips; an optional cap on calls a second per action, answered
//! with the vendor's rate-limit refusal when exceeded; and the vendor's job limits, which
//! one admission ([`JobLimits::admit`]) applies to the submits of both APIs.

use crate::fault::Fault;
use crate::http::{Api, Request};
use crate::lock;
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub(crate) struct Limits {
    latency: Duration,
    per_second: Option<u32>,
    /// The start of each action's calls within the last second.
    seen: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Limits {
    pub(crate) fn new(latency: Duration, per_second: Option<u32>) -> Limits {
        Limits {
            latency,
            per_second,
            seen: Mutex::default(),
        }
    }

    /// Waits the latency, then the refusal `request` gets for going over its action's
    /// rate, if it does.
    pub(crate) fn admit(&self, request: &Request) -> Option<Fault> {
        if !self.latency.is_zero() {
            std::thread::sleep(self.latency);
        }
        let limit = usize::try_from(self.per_second?).unwrap_or(usize::MAX);
        let now = Instant::now();
        let mut seen = lock(&self.seen);
        let calls = seen.entry(request.action.clone()).or_default();
        while calls
            .front()
            .is_some_and(|at| now.duration_since(*at) >= Duration::from_secs(1))
        {
            calls.pop_front();
        }
        if calls.len() >= limit {
            return Some(refusal(request.api));
        }
        calls.push_back(now);
        None
    }
}

/// The vendor's answer to a call over the rate.
fn refusal(api: Api) -> Fault {
    let message = "API usage is limited: too many calls a second".to_string();
    match api {
        Api::Legacy => Fault::ApiCode {
            code: "-2".into(),
            message,
        },
        Api::V3 => Fault::V3Error {
            code: "RequestLimitExceeded".into(),
            message,
        },
    }
}

/// Records one job may hold, counted as the SPEC counts them ([`crate::job::weight`]).
pub(crate) const MAX_RECORDS: usize = 5000;
/// Jobs of an account that may be unfinished at once.
pub(crate) const MAX_UNFINISHED: usize = 4;
/// Jobs one source IP may submit within an hour, unless configured otherwise.
pub(crate) const JOBS_PER_HOUR: usize = 80;
const HOUR: Duration = Duration::from_secs(3600);

/// Why a job was not admitted. Neutral: each API answers it under its own code (API 3.0
/// the vendor's, the legacy API the fake's own 701, 702 and 703).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// More than [`MAX_RECORDS`] records in one job.
    TooLarge,
    /// The account has [`MAX_UNFINISHED`] unfinished jobs, counting slots held by others.
    NoSlot,
    /// The client's IP submitted this many jobs within the last hour already.
    HourlyCap(usize),
}

/// When slots held on behalf of other clients are given back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Release {
    /// Only when the test says so.
    Manually,
    /// At this moment.
    At(Instant),
    /// After this many more submits refused for want of a slot.
    AfterRefusals(usize),
}

/// The vendor's job limits: records a job, unfinished jobs an account (with phantom jobs
/// of other clients), jobs an hour per source IP. One admission for both APIs.
pub(crate) struct JobLimits {
    /// `false`: admit every job (benchmarks that submit more than the vendor allows).
    enforced: bool,
    per_hour: Option<usize>,
    /// An hour; shorter in unit tests.
    window: Duration,
    /// When each client's admitted jobs came, within the last window.
    admitted: HashMap<IpAddr, VecDeque<Instant>>,
    /// Unfinished jobs of other clients, counted against [`MAX_UNFINISHED`].
    held: usize,
    release: Release,
}

impl JobLimits {
    pub(crate) fn new(enforced: bool, per_hour: Option<usize>) -> JobLimits {
        JobLimits {
            enforced,
            per_hour,
            window: HOUR,
            admitted: HashMap::new(),
            held: 0,
            release: Release::Manually,
        }
    }

    /// Makes `slots` phantom unfinished jobs, in place of any held before.
    pub(crate) fn hold(&mut self, slots: usize, release: Release) {
        self.held = slots;
        self.release = release;
        if release == Release::AfterRefusals(0) {
            self.held = 0;
        }
    }

    /// The phantom jobs still held at `now`.
    pub(crate) fn held(&mut self, now: Instant) -> usize {
        if let Release::At(at) = self.release
            && now >= at
        {
            self.held = 0;
        }
        self.held
    }

    /// Admits a job that counts `records` from `client` while `unfinished` of the
    /// account's own jobs are unfinished, and counts it against the client's hour; or
    /// says why not. A refused job counts against nothing.
    pub(crate) fn admit(
        &mut self,
        now: Instant,
        client: IpAddr,
        records: usize,
        unfinished: usize,
    ) -> Result<(), Refused> {
        if !self.enforced {
            return Ok(());
        }
        if records > MAX_RECORDS {
            return Err(Refused::TooLarge);
        }
        let window = self.window;
        let admitted = self.admitted.entry(client).or_default();
        while admitted
            .front()
            .is_some_and(|at| now.duration_since(*at) >= window)
        {
            admitted.pop_front();
        }
        let this_hour = admitted.len();
        // A client that has spent its hour is told so, not to wait for a slot.
        if let Some(cap) = self.per_hour
            && this_hour >= cap
        {
            return Err(Refused::HourlyCap(cap));
        }
        if unfinished + self.held(now) >= MAX_UNFINISHED {
            if let Release::AfterRefusals(left) = self.release
                && self.held > 0
            {
                self.hold(self.held, Release::AfterRefusals(left - 1));
            }
            return Err(Refused::NoSlot);
        }
        self.admitted.entry(client).or_default().push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const HERE: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
    const THERE: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

    fn limits(per_hour: Option<usize>) -> JobLimits {
        JobLimits::new(true, per_hour)
    }

    #[test]
    fn a_job_may_hold_5000_records_and_no_more() {
        let (mut limits, now) = (limits(None), Instant::now());
        assert_eq!(limits.admit(now, HERE, MAX_RECORDS, 0), Ok(()));
        assert_eq!(
            limits.admit(now, HERE, MAX_RECORDS + 1, 0),
            Err(Refused::TooLarge)
        );
    }

    #[test]
    fn held_slots_count_with_the_accounts_unfinished_jobs() {
        let (mut limits, now) = (limits(None), Instant::now());
        assert_eq!(limits.admit(now, HERE, 1, 3), Ok(()));
        assert_eq!(limits.admit(now, HERE, 1, 4), Err(Refused::NoSlot));
        limits.hold(2, Release::Manually);
        assert_eq!(limits.admit(now, HERE, 1, 1), Ok(()));
        assert_eq!(limits.admit(now, HERE, 1, 2), Err(Refused::NoSlot));
        limits.hold(0, Release::Manually);
        assert_eq!(limits.admit(now, HERE, 1, 2), Ok(()));
    }

    #[test]
    fn held_slots_are_given_back_at_their_time() {
        let (mut limits, now) = (limits(None), Instant::now());
        let later = now + Duration::from_secs(5);
        limits.hold(4, Release::At(later));
        assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
        assert_eq!(limits.held(later - Duration::from_millis(1)), 4);
        assert_eq!(limits.admit(later, HERE, 1, 0), Ok(()));
        assert_eq!(limits.held(now), 0, "given back for good");
    }

    #[test]
    fn held_slots_are_given_back_after_so_many_refusals() {
        let (mut limits, now) = (limits(None), Instant::now());
        limits.hold(4, Release::AfterRefusals(2));
        assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
        assert_eq!(limits.held(now), 4);
        assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
        assert_eq!(limits.held(now), 0);
        assert_eq!(limits.admit(now, HERE, 1, 0), Ok(()));
        // Refusals of another kind do not count down.
        limits.hold(4, Release::AfterRefusals(1));
        assert_eq!(
            limits.admit(now, HERE, MAX_RECORDS + 1, 0),
            Err(Refused::TooLarge)
        );
        assert_eq!(limits.held(now), 4);
    }

    #[test]
    fn each_ip_has_its_own_sliding_hour_of_admitted_jobs() {
        let mut limits = limits(Some(2));
        limits.window = Duration::from_secs(10);
        let start = Instant::now();
        let at = |secs| start + Duration::from_secs(secs);
        assert_eq!(limits.admit(at(0), HERE, 1, 0), Ok(()));
        // A refused job does not use up the hour.
        assert_eq!(limits.admit(at(1), HERE, 1, 4), Err(Refused::NoSlot));
        assert_eq!(limits.admit(at(5), HERE, 1, 0), Ok(()));
        assert_eq!(limits.admit(at(6), HERE, 1, 0), Err(Refused::HourlyCap(2)));
        assert_eq!(limits.admit(at(6), THERE, 1, 0), Ok(()));
        // The first job leaves the window, the second is still in it.
        assert_eq!(limits.admit(at(10), HERE, 1, 0), Ok(()));
        assert_eq!(limits.admit(at(11), HERE, 1, 0), Err(Refused::HourlyCap(2)));
    }

    #[test]
    fn a_spent_hour_is_said_before_a_missing_slot() {
        let (mut limits, now) = (limits(Some(1)), Instant::now());
        assert_eq!(limits.admit(now, HERE, 1, 0), Ok(()));
        assert_eq!(limits.admit(now, HERE, 1, 4), Err(Refused::HourlyCap(1)));
    }

    #[test]
    fn unenforced_limits_admit_anything() {
        let (mut limits, now) = (JobLimits::new(false, Some(1)), Instant::now());
        limits.hold(4, Release::Manually);
        for _ in 0..3 {
            assert_eq!(limits.admit(now, HERE, MAX_RECORDS * 2, 9), Ok(()));
        }
    }
}
