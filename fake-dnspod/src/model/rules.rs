//! The vendor's rules for a record about to be written, the same on a single call and on a
//! job's item, and the lock on a record modified to no effect too often (RECORDS.md: more
//! than 5 times in an hour locks it for an hour).

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::zone::{Failure, Record, Zone};

/// The highest weight; 0 switches weighting off.
pub(crate) const MAX_WEIGHT: u16 = 100;
/// No-op modifies of one record allowed within [`LOCK_WINDOW`].
const NO_OPS_ALLOWED: usize = 5;
const LOCK_WINDOW: Duration = Duration::from_secs(3600);

/// Whether `record` (its `domain_id` set) may be written, in place of the record
/// `replacing` if given, which is left out of the comparisons.
pub(crate) fn check(zone: &Zone, record: &Record, replacing: Option<u64>) -> Result<(), Failure> {
    if record.weight.is_some_and(|weight| weight > MAX_WEIGHT) {
        return Err(Failure::BadWeight);
    }
    let others = zone.records().filter(|r| Some(r.id) != replacing);
    for other in others {
        if other.twin_of(record) {
            return Err(Failure::RecordExists);
        }
    }
    Ok(())
}

/// The modifies that changed nothing, per record, and the records they locked.
#[derive(Default)]
pub(crate) struct NoOps {
    /// When each record's no-op modifies came, within the last [`LOCK_WINDOW`].
    seen: HashMap<u64, VecDeque<Instant>>,
    /// Until when each locked record stays locked.
    locked: HashMap<u64, Instant>,
    /// Every no-op modify received, for tests to see that a client sent one.
    total: usize,
}

impl NoOps {
    pub(crate) fn is_locked(&self, id: u64, now: Instant) -> bool {
        self.locked.get(&id).is_some_and(|until| now < *until)
    }

    /// Counts a modify of `id` that changed nothing; `Err(Locked)` when it is one too
    /// many within the hour, which locks the record for the next hour.
    pub(crate) fn count(&mut self, id: u64, now: Instant) -> Result<(), Failure> {
        self.total += 1;
        let seen = self.seen.entry(id).or_default();
        while seen
            .front()
            .is_some_and(|at| now.duration_since(*at) >= LOCK_WINDOW)
        {
            seen.pop_front();
        }
        seen.push_back(now);
        if seen.len() > NO_OPS_ALLOWED {
            self.locked.insert(id, now + LOCK_WINDOW);
            return Err(Failure::Locked);
        }
        Ok(())
    }

    pub(crate) fn total(&self) -> usize {
        self.total
    }
}
