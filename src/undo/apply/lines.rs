//! What an apply did, read from one history line at a time and, for a job, from its
//! detail too: neither is trusted alone. A line's steps count only where the operation's
//! plan holds them (a line written by hand must not steer undo), a call only where the
//! line says it was done, a job's record only where the detail says its item ended ok.

use super::{Did, Done};
use crate::history::Calls;
use crate::job::{
    Action, Before, Change, ChangeField, ItemStatus, Job, Record, RecordFields, RecordSpec, Step,
};
use crate::undo::created;
use rust_i18n::t;
use std::collections::HashSet;

/// What the calls of a line of an apply's steps did: each step the plan holds whose call
/// the line says was done; a create with the ID its call returned.
pub(crate) fn from_calls(
    steps: &[Step],
    calls: &Calls,
    planned: &[&Step],
    skipped: &mut Vec<String>,
) -> Vec<Done> {
    let mut done = Vec::new();
    for step in in_plan(steps, planned, skipped) {
        let key = step.call_key();
        if calls.unknown.contains(&key) {
            skipped.push(t!("undo.call_unknown", step = step.describe()).into_owned());
            continue;
        }
        let made = calls
            .created
            .iter()
            .find(|[k, _]| *k == key)
            .map(|[_, id]| *id);
        // A call failed may be half done, its second call (the legacy API's remark) the
        // one refused: a create is kept with its ID, a modify's fields may have gone.
        let half = calls.failed.contains(&key) && (step.action == Action::Modify || made.is_some());
        if !calls.done.contains(&key) && !half {
            continue;
        }
        match (step.action, made) {
            (Action::Create, None) => {
                skipped.push(t!("undo.made_without_id", step = step.describe()).into_owned())
            }
            // A record the plan modifies or deletes was there before: no create made it.
            (Action::Create, Some(id)) if planned.iter().any(|s| s.record_id == Some(id)) => {
                skipped
                    .push(t!("undo.made_id_found", step = step.describe(), id = id).into_owned());
            }
            (_, made) => done.extend(of_step(step, made).map(|d| half_if(d, half))),
        }
    }
    done
}

/// What a job of an apply's modifies did (ModifyRecordBatchV3): each step the plan holds
/// whose record the detail lists as done.
pub(crate) fn from_steps_job(
    steps: &[Step],
    job: &Job,
    planned: &[&Step],
    skipped: &mut Vec<String>,
) -> Vec<Done> {
    let ok = ok_ids(job);
    in_plan(steps, planned, skipped)
        .into_iter()
        .filter(|step| step.action == Action::Modify)
        .filter(|step| step.record_id.is_some_and(|id| ok.contains(&id)))
        .flat_map(|step| of_step(step, None))
        .collect()
}

/// The steps of a line that the plan holds; each other one named in `skipped`.
fn in_plan<'a>(steps: &'a [Step], planned: &[&Step], skipped: &mut Vec<String>) -> Vec<&'a Step> {
    let (held, not): (Vec<&Step>, Vec<&Step>) =
        steps.iter().partition(|step| planned.contains(step));
    skipped.extend(
        not.iter()
            .map(|step| t!("undo.step_unplanned", step = step.describe()).into_owned()),
    );
    held
}

fn of_step(step: &Step, made: Option<u64>) -> Option<Done> {
    let did = match (step.action, &step.before, &step.after) {
        (Action::Modify, Some(before), Some(after)) => Did::Modified(before.clone(), after.clone()),
        (Action::Create, _, Some(after)) => Did::Created(after.clone()),
        (Action::Delete, Some(before), _) => Did::Deleted(before.clone()),
        _ => return None,
    };
    Some(Done {
        domain: step.domain.to_string(),
        domain_id: Some(step.domain_id),
        record_id: step.record_id.or(made)?,
        did,
    })
}

/// `done` as its call may have left it when `half` done: a create perhaps without its
/// remark, a modify with its fields and the remark it had.
fn half_if(done: Done, half: bool) -> Done {
    let did = match (done.did, half) {
        (Did::Created(made), true) => Did::CreatedMaybeBare(made),
        (Did::Modified(was, after), true) => Did::Modified(
            was.clone(),
            Record {
                remark: was.remark,
                ..after
            },
        ),
        (did, _) => did,
    };
    Done { did, ..done }
}

/// The record IDs a job's detail lists as done.
fn ok_ids(job: &Job) -> HashSet<u64> {
    let items = job.domains.iter().flat_map(|d| &d.records);
    items
        .filter(|r| r.status == ItemStatus::Ok)
        .filter_map(|r| r.record_id)
        .collect()
}

/// What a legacy record-modify job of an apply did: one field of each record its line
/// names and its detail lists as done, from the record as the line kept it whole.
pub(crate) fn from_modify_job(
    record_ids: &[u64],
    change: &Change,
    kept: &[Before],
    job: &Job,
    skipped: &mut Vec<String>,
) -> Vec<Done> {
    let ok = ok_ids(job);
    let mut done = Vec::new();
    for id in record_ids.iter().filter(|id| ok.contains(id)) {
        let Some(before) = kept.iter().find(|b| b.record_id == *id) else {
            skipped.push(t!("undo.no_kept_before", id = id).into_owned());
            continue;
        };
        let was = before.record().whole();
        match was
            .as_ref()
            .and_then(|was| Some((was, changed(was, change)?)))
        {
            Some((was, after)) => done.push(Done {
                domain: before.domain.clone(),
                domain_id: None,
                record_id: *id,
                did: Did::Modified(was.clone(), after),
            }),
            None => skipped.push(t!("undo.line_unclear", id = id).into_owned()),
        }
    }
    done
}

/// `record` with `change` made; `None` when the change is no value of its field.
fn changed(record: &Record, change: &Change) -> Option<Record> {
    let to = change.to.as_str();
    let mut after = record.clone();
    match change.field {
        ChangeField::Value => after.value = to.into(),
        ChangeField::Ttl => after.ttl = to.parse().ok()?,
        ChangeField::Mx => after.mx = Some(to.parse().ok()?),
        ChangeField::Status => after.enabled = to == "enable",
        ChangeField::Host => after.host = to.into(),
        ChangeField::Line => after.line = to.into(),
        ChangeField::RecordType => {
            after.record_type = to.into();
            after.value = change.value.as_deref()?.into();
            after.mx = change.mx;
        }
    }
    Some(after)
}

/// What a deletion of an apply did: the records its line names and kept whole that
/// `deleted` (its calls done, or its detail's items ended ok) says went.
pub(crate) fn from_deletions(
    record_ids: &[u64],
    domain_ids: &[u64],
    kept: &[Before],
    deleted: &HashSet<u64>,
) -> Vec<Done> {
    let mut done = Vec::new();
    for (at, id) in record_ids.iter().enumerate() {
        let before = kept.iter().find(|b| b.record_id == *id);
        let Some((before, was)) = before.and_then(|b| Some((b, b.record().whole()?))) else {
            continue;
        };
        if deleted.contains(id) {
            done.push(Done {
                domain: before.domain.clone(),
                domain_id: domain_ids.get(at).copied(),
                record_id: *id,
                did: Did::Deleted(was),
            });
        }
    }
    done
}

/// What a record-create job of an apply made: each record its detail lists as made on a
/// domain the line names, as one of the line's records (else named in `skipped`).
pub(crate) fn from_create_job(
    domain_ids: &[u64],
    specs: &[RecordSpec],
    job: &Job,
    skipped: &mut Vec<String>,
) -> Vec<Done> {
    let mut done = Vec::new();
    for made in created(job) {
        let fields = RecordFields {
            host: made.host.as_deref(),
            record_type: made.record_type.as_deref(),
            line: made.line.as_deref(),
            value: made.value.as_deref(),
        };
        let spec = specs.iter().find(|spec| spec.matches(&fields));
        let (Some(spec), true) = (spec, domain_ids.contains(&made.domain_id)) else {
            skipped.push(t!("undo.not_asked", record = made.named()).into_owned());
            continue;
        };
        let host = made.host.as_deref().unwrap_or(&spec.host);
        done.push(Done {
            domain: made.domain.clone(),
            domain_id: Some(made.domain_id),
            record_id: made.record_id,
            did: Did::Created(Record {
                line: spec.line.as_str().into(),
                ttl: spec.ttl,
                mx: spec.mx,
                ..Record::new(host, &spec.record_type, &spec.value)
            }),
        });
    }
    done
}
