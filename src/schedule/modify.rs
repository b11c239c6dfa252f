//! Modifies on the legacy API, whose batch action (Batch.Record.Modify) changes one field
//! to one value for many records: one job a (field, new value), a record with several
//! changed fields in several jobs. What no such job can set goes by calls: a weight (or a
//! host, type or line, which a desired-state plan never changes) by one Record.Modify of
//! the record whole, its remark alone by Record.Remark. The scheduler then sends wholly
//! by call the records of a job too small to be worth one (one Record.Modify sets every
//! field, cheaper than its share of several jobs).

use super::{Batch, Work};
use crate::job::{Action, Change, ChangeField, JobSpec, Record, Step, same_weight};
use std::collections::BTreeMap;

/// Each modify into its jobs, its whole call or its remark call.
pub(super) fn grouped(steps: &[Step], phases: &[u8], job_size: usize, work: &mut Work) {
    let mut groups: BTreeMap<(u8, &'static str, String), (Change, Vec<usize>)> = BTreeMap::new();
    for (at, step) in steps.iter().enumerate() {
        let (Action::Modify, Some(before), Some(after)) = (step.action, &step.before, &step.after)
        else {
            continue;
        };
        let Some(changes) = changes(before, after) else {
            work.calls.insert(at);
            continue;
        };
        for change in changes {
            let key = (phases[at], change.field.name(), change.to.clone());
            groups
                .entry(key)
                .or_insert_with(|| (change, Vec::new()))
                .1
                .push(at);
        }
        if before.remark != after.remark {
            work.remarks.insert(at);
        }
    }
    for ((phase, _, _), (change, all)) in groups {
        for chunk in all.chunks(job_size.max(1)) {
            let spec = JobSpec::RecordModify {
                record_ids: chunk.iter().filter_map(|&at| steps[at].record_id).collect(),
                change: change.clone(),
            };
            work.batches.push(Batch {
                spec,
                steps: chunk.to_vec(),
                phase,
            });
        }
    }
}

/// The batch changes that make `before` into `after` but for its remark; `None` when a
/// field changes that no batch change sets.
fn changes(before: &Record, after: &Record) -> Option<Vec<Change>> {
    let unbatched = before.host != after.host
        || before.record_type != after.record_type
        || before.line != after.line
        || !same_weight(before.weight, after.weight)
        || (before.mx != after.mx && after.mx.is_none());
    if unbatched {
        return None;
    }
    let change = |field, to: String| Change {
        field,
        to,
        value: None,
        mx: None,
    };
    let mut changes = Vec::new();
    if before.value != after.value {
        changes.push(change(ChangeField::Value, after.value.to_string()));
    }
    if before.ttl != after.ttl {
        changes.push(change(ChangeField::Ttl, after.ttl.to_string()));
    }
    if let (true, Some(mx)) = (before.mx != after.mx, after.mx) {
        changes.push(change(ChangeField::Mx, mx.to_string()));
    }
    if before.enabled != after.enabled {
        let to = if after.enabled { "enable" } else { "disable" };
        changes.push(change(ChangeField::Status, to.to_owned()));
    }
    Some(changes)
}

/// A batch job without the records of the steps `moved` (sent whole by calls instead).
pub(super) fn without(spec: &mut JobSpec, moved: &[usize], steps: &[Step]) {
    if let JobSpec::RecordModify { record_ids, .. } = spec {
        let gone: Vec<u64> = moved.iter().filter_map(|&at| steps[at].record_id).collect();
        record_ids.retain(|id| !gone.contains(id));
    }
}

/// The remark call of a modify whose other fields go by jobs: the record as it was but
/// for its remark, so the call sends Record.Remark alone.
pub(super) fn remark(step: &Step) -> Step {
    let after = step.before.as_ref().map(|before| Record {
        remark: step
            .after
            .as_ref()
            .map(|a| a.remark.clone())
            .unwrap_or_default(),
        ..before.clone()
    });
    Step {
        after,
        ..step.clone()
    }
}
