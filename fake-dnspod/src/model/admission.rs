//! The vendor's job limits, which one admission ([`JobLimits::admit`]) applies to the
//! submits of both APIs: records a job, unfinished jobs an account (with phantom jobs of
//! other clients), jobs an hour per source IP.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Records one job may hold, counted as the SPEC counts them ([`super::job::weight`]).
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
mod tests;
