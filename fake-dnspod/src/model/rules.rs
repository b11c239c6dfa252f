//! The vendor's rules for a record about to be written, the same on a single call and on a
//! job's item (no twin, the CNAME conflict, the default line first, weight 0-100), and the lock on a record modified to no effect too often (RECORDS.md: more
//! than 5 times in an hour locks it for an hour).

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::zone::{DEFAULT_LINE, Failure, Record, Zone, host};

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
    let at_host = host(&record.sub_domain);
    let neighbours = zone
        .domain_records(record.domain_id)
        .filter(|r| Some(r.id) != replacing && host(&r.sub_domain).eq_ignore_ascii_case(at_host));
    let mut default_line = record.line == DEFAULT_LINE;
    for other in neighbours {
        if other.twin_of(record) {
            return Err(Failure::RecordExists);
        }
        if conflict(other, record) {
            return Err(Failure::Conflict);
        }
        default_line |= other.line == DEFAULT_LINE;
    }
    if default_line {
        Ok(())
    } else {
        Err(Failure::NoDefaultLine)
    }
}

/// A CNAME and a record of another type on the same line (at the same host). DNSPod's
/// own apex NS records are left out: the vendor lets a CNAME at `@` beside them (DNSControl
/// saw `ConflictRecord` only beside a user's record); its full matrix is unknown.
fn conflict(other: &Record, record: &Record) -> bool {
    let cname = |r: &Record| r.record_type == "CNAME";
    !other.system && other.line == record.line && cname(other) != cname(record)
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
