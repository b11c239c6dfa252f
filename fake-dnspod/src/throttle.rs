//! What the transport makes a client live with besides faults: a latency on every answer,
//! so benchmarks see real round trips, and caps on calls a second per action: API 3.0's
//! documented rates, and an optional cap on every action. The refusal of a call over a
//! cap is the vendor's, which `fault.rs` spells per API.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::lock::lock;

/// API 3.0's documented calls a second of the actions `apply` leans on (RECORDS.md, V3.md);
/// the legacy API documents none.
const VENDOR_RATES: [(&str, u32); 7] = [
    ("CreateRecord", 500),
    ("ModifyRecord", 500),
    ("DeleteRecord", 500),
    ("ModifyRecordStatus", 20),
    ("ModifyRecordRemark", 20),
    ("ModifyRecordBatchV3", 20),
    ("DeleteRecordBatch", 20),
];

/// The documented rate of an action, if it has one.
fn vendor_rate(action: &str) -> Option<u32> {
    VENDOR_RATES
        .iter()
        .find(|(name, _)| *name == action)
        .map(|&(_, rate)| rate)
}

pub(crate) struct Throttle {
    latency: Duration,
    per_second: Option<u32>,
    /// Whether [`VENDOR_RATES`] apply besides `per_second`.
    vendor_rates: bool,
    /// The start of each action's calls within the last second.
    seen: Mutex<HashMap<String, VecDeque<Instant>>>,
    /// Each action's requests in their latency now, and the most at once: whether a
    /// client overlaps its calls, which no count of requests shows.
    waiting: Mutex<HashMap<String, (usize, usize)>>,
}

impl Throttle {
    pub(crate) fn new(latency: Duration, per_second: Option<u32>, vendor_rates: bool) -> Throttle {
        Throttle {
            latency,
            per_second,
            vendor_rates,
            seen: Mutex::default(),
            waiting: Mutex::default(),
        }
    }

    /// The most requests of `action` that were in their latency at once.
    pub(crate) fn most_at_once(&self, action: &str) -> usize {
        lock(&self.waiting).get(action).map_or(0, |&(_, most)| most)
    }

    /// Waits the latency, then says whether a call of `action` goes over its rate, the
    /// lower of its documented one and the configured cap (and is to be refused); a
    /// refused call does not count.
    pub(crate) fn over_rate(&self, action: &str) -> bool {
        if !self.latency.is_zero() {
            {
                let mut waiting = lock(&self.waiting);
                let (now, most) = waiting.entry(action.to_string()).or_default();
                *now += 1;
                *most = (*most).max(*now);
            }
            std::thread::sleep(self.latency);
            if let Some((now, _)) = lock(&self.waiting).get_mut(action) {
                *now -= 1;
            }
        }
        let documented = vendor_rate(action).filter(|_| self.vendor_rates);
        let Some(per_second) = [self.per_second, documented].into_iter().flatten().min() else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_in_their_latency_together_are_counted_at_once_and_one_by_one_not() {
        let throttle = Throttle::new(Duration::from_millis(200), None, false);
        assert!(!throttle.over_rate("CreateRecord"));
        assert!(!throttle.over_rate("CreateRecord"));
        assert_eq!(throttle.most_at_once("CreateRecord"), 1);
        let start = std::sync::Barrier::new(3);
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    start.wait();
                    throttle.over_rate("ModifyRecord")
                });
            }
        });
        assert!(throttle.most_at_once("ModifyRecord") >= 2);
        assert_eq!(
            throttle.most_at_once("CreateRecord"),
            1,
            "each action its own"
        );
    }
}
