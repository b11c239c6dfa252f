//! What the fake makes a client live with besides faults: a latency on every answer, so
//! benchmarks see real round trips, and an optional cap on calls a second per action,
//! answered with the vendor's rate-limit refusal when exceeded.

use crate::fault::Fault;
use crate::http::{Api, Request};
use crate::lock;
use std::collections::{HashMap, VecDeque};
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
