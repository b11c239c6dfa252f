//! The phase of each step: what must be done before a step may go. The vendor refuses a
//! CNAME beside other records at its host and line, and a record on another line before
//! the host has one on the default line; so, per phase:
//! 0. deletes at a host and line where a CNAME is created, and deletes of a CNAME where a
//!    record of another type is created (a step never changes a record's type, host or
//!    line: a plan pairs records by them);
//! 1. modifies, and creates (but those of 2);
//! 2. creates on another line than the default at a host that gets a default-line
//!    record in this plan;
//! 3. deletes (but those of 0 and 4);
//! 4. deletes on the default line at a host whose other lines' records are deleted in
//!    this plan.
//!
//! Phases are global (a phase waits for every job of the phases before it), which costs
//! a wait only where the plan has parts of both.

use crate::job::{Action, DEFAULT_LINE, Record, Step, host_key, same_line};
use std::collections::HashSet;

pub(super) const CLEAR: u8 = 0;
pub(super) const FIRST: u8 = 1;
pub(super) const LINES: u8 = 2;
pub(super) const GONE: u8 = 3;
pub(super) const DEFAULT_GONE: u8 = 4;

/// A host of a domain, in the one form the plan matched it in ([`host_key`]).
fn host(step: &Step, record: &Record) -> (u64, String) {
    (step.domain_id, host_key(&record.host))
}

fn default_line(record: &Record) -> bool {
    same_line(&record.line, DEFAULT_LINE)
}

fn cname(record: &Record) -> bool {
    record.record_type.eq_ignore_ascii_case("CNAME")
}

/// A host and line of a domain, the default line however spelled.
fn spot(step: &Step, record: &Record) -> ((u64, String), String) {
    let line = if default_line(record) {
        DEFAULT_LINE
    } else {
        record.line.as_str()
    };
    (host(step, record), line.to_owned())
}

/// The phase of each step, in order.
pub(super) fn of(steps: &[Step]) -> Vec<u8> {
    // Each host and line something is created at, and whether that is a CNAME.
    let (mut made, mut defaults, mut lines_gone) = (HashSet::new(), HashSet::new(), HashSet::new());
    for step in steps {
        match (step.action, &step.after, &step.before) {
            (Action::Create, Some(r), _) => {
                made.insert((spot(step, r), cname(r)));
                if default_line(r) {
                    defaults.insert(host(step, r));
                }
            }
            (Action::Delete, _, Some(r)) if !default_line(r) => {
                lines_gone.insert(host(step, r));
            }
            _ => {}
        }
    }
    let phase = |step: &Step| match (step.action, &step.after, &step.before) {
        (Action::Delete, _, Some(r)) if made.contains(&(spot(step, r), !cname(r))) => CLEAR,
        (Action::Delete, _, Some(r)) if default_line(r) && lines_gone.contains(&host(step, r)) => {
            DEFAULT_GONE
        }
        (Action::Delete, _, _) => GONE,
        (Action::Create, Some(r), _) if !default_line(r) && defaults.contains(&host(step, r)) => {
            LINES
        }
        _ => FIRST,
    };
    steps.iter().map(phase).collect()
}
