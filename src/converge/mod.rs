//! The desired-state diff, pure: a domain's desired records against its current ones, to
//! the [`Step`]s that make the account match (what `plan` shows and `apply` carries out),
//! the thresholds that refuse a plan changing too much of a domain, and a digest of the
//! records a plan was made from, so a saved plan is applied only to the same records.
//!
//! Steps come per domain in this order: creates, then modifies, then deletes; within
//! each, by (host, type, line), and inside a group as `matching::pair` pairs them. The
//! order of sending (a CNAME's deletes first, the default line first) is the executor's.

mod digest;
mod fields;
mod limits;
mod matching;
mod saved;
mod saved_check;
#[cfg(test)]
mod tests;

use crate::input::ignore::Ignore;
use crate::job::{AccountRecord, DEFAULT_LINE, Record, Step, same_line, same_type};
use compact_str::CompactString;
use std::collections::BTreeSet;

pub(crate) use digest::digest;
pub(crate) use fields::changed;
pub(crate) use limits::{Thresholds, refusals};
pub(crate) use saved::SavedPlan;

/// What the files say one domain should hold.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Desired<'a> {
    /// No two the same record (host, type, line and value): the reader refuses that.
    pub records: &'a [Record],
    /// The lines the records describe whole (a zone file: the default line and the lines
    /// its annotations name); `None`: every line. Current records of other lines are left
    /// alone.
    pub lines: Option<&'a BTreeSet<CompactString>>,
}

/// One domain's plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DomainPlan {
    pub domain: CompactString,
    pub domain_id: u64,
    pub steps: Vec<Step>,
    /// How many current records the plan weighed: not SOA, not DNSPod's own NS records,
    /// not ignored, of a line the files describe. The thresholds' base.
    pub managed: usize,
    /// [`digest`] of those records.
    pub digest: String,
    /// The lines besides the default one the plan weighed records of; `None`: every line.
    pub lines: Option<BTreeSet<CompactString>>,
}

/// The plan that makes `current` (the domain's records as listed) hold what `desired`
/// says, leaving out what `ignore` matches on both sides.
pub(crate) fn plan_domain(
    (domain, domain_id): (&str, u64),
    desired: Desired<'_>,
    current: &[AccountRecord],
    ignore: &[Ignore],
) -> DomainPlan {
    // The lines described: those named and those the records are on.
    let lines = desired.lines.map(|named| {
        let mut lines = named.clone();
        lines.extend(desired.records.iter().map(|r| r.line.clone()));
        lines
    });
    let managed = managed(current, lines.as_ref(), ignore);
    // An exported file lists DNSPod's own NS records too: they are no records to create.
    let system: Vec<Record> = current
        .iter()
        .filter(|r| r.system)
        .filter_map(AccountRecord::whole)
        .collect();
    let wanted: Vec<&Record> = desired
        .records
        .iter()
        .filter(|r| kept(r, ignore) && !system.iter().any(|s| is_system(s, r)))
        .collect();
    let steps = matching::steps((domain, domain_id), &wanted, &managed);
    DomainPlan {
        domain: domain.into(),
        domain_id,
        steps,
        managed: managed.len(),
        digest: digest(&managed),
        lines,
    }
}

/// Whether `record` is DNSPod's own `system` one: the types compared first, as most
/// records are no NS and their whole comparison costs a value key each.
fn is_system(system: &Record, record: &Record) -> bool {
    same_type(&system.record_type, &record.record_type) && matching::same_record(system, record)
}

/// The current records a plan weighs, with their IDs: not SOA, not DNSPod's own NS
/// records, not ignored, on the default line or one of `lines` (`None`: any line).
pub(crate) fn managed(
    current: &[AccountRecord],
    lines: Option<&BTreeSet<CompactString>>,
    ignore: &[Ignore],
) -> Vec<(u64, Record)> {
    let described = |line: &str| {
        same_line(line, DEFAULT_LINE)
            || lines.is_none_or(|lines| lines.iter().any(|l| same_line(l, line)))
    };
    current
        .iter()
        .filter(|r| !r.system)
        .filter_map(|r| Some((r.id, r.whole()?)))
        .filter(|(_, r)| kept(r, ignore) && described(&r.line))
        .collect()
}

/// Whether a plan weighs `record` at all: not SOA, not ignored.
fn kept(record: &Record, ignore: &[Ignore]) -> bool {
    !same_type(&record.record_type, "SOA")
        && !ignore
            .iter()
            .any(|i| i.matches(&record.host, &record.record_type))
}
