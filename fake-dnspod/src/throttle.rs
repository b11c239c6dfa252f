//! What the transport makes a client live with besides faults: a latency on every answer,
//! so benchmarks see real round trips, and an optional cap on calls a second per action.
//! The refusal of a call over the cap is the vendor's, which `fault.rs` spells per API.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::lock::lock;

pub(crate) struct Throttle {
    latency: Duration,
    per_second: Option<u32>,
    /// The start of each action's calls within the last second.
    seen: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Throttle {
    pub(crate) fn new(latency: Duration, per_second: Option<u32>) -> Throttle {
        Throttle {
            latency,
            per_second,
            seen: Mutex::default(),
        }
    }

    /// Waits the latency, then says whether a call of `action` goes over its rate (and is
    /// to be refused); a refused call does not count.
    pub(crate) fn over_rate(&self, action: &str) -> bool {
        if !self.latency.is_zero() {
            std::thread::sleep(self.latency);
        }
        let Some(per_second) = self.per_second else {
            return false;
        };
        let limit = usize::try_from(per_second).unwrap_or(usize::MAX);
        let now = Instant::now();
        let mut seen = lock(&self.seen);
        let calls = seen.entry(action.to_string()).or_default();
        while calls
            .front()
            .is_some_and(|at| now.duration_since(*at) >= Duration::from_secs(1))
        {
            calls.pop_front();
        }
        if calls.len() >= limit {
            return true;
        }
        calls.push_back(now);
        false
    }
}
