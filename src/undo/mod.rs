//! What `undo` sends. Of a record-modify job: each record the job changed put back as it
//! was before, unless it changed or went since, in as few jobs as one value per job
//! allows. Of a record-create job: the records it created, unless they changed since
//! (`create.rs`). Of a record-delete: the records it deleted created again (`delete.rs`).
//! Of an apply: each record it changed, created or deleted, undone by a step (`apply.rs`).
//! Each kind's planner undoes an operation of its kind (`Operation::one_kind`: which
//! kind, or a refusal naming the parts of each when a history line was edited to mix them).
//! Only where the job's detail and its history line agree (`agree.rs`):
//! neither is trusted alone. Pure: the commands read the job, the history and the
//! records, and send.

mod agree;
pub(crate) mod apply;
mod create;
mod delete;

pub(crate) use create::{Created, Now, asked_for, created, deletions, on_their_domains};
pub(crate) use delete::{deleted, recreate, there_again};

use crate::input::records::check_change;
use rust_i18n::t;

use crate::job::{
    AccountRecord, Before, Change, ChangeField, ItemStatus, Job, JobSpec, RecordItem,
};
use std::collections::{HashMap, HashSet};

/// One record to put back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Restore {
    pub domain: String,
    pub record_id: u64,
    /// The record as it is now.
    pub now: AccountRecord,
    /// The changed field now, and what it goes back to, as shown.
    pub now_text: String,
    pub back_to: String,
    /// The change that puts it back.
    pub change: Change,
}

/// What undo of a record-modify job puts back, and the records it leaves alone, each with
/// why.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Reversal {
    pub restores: Vec<Restore>,
    pub skipped: Vec<String>,
}

/// A record a record-modify job changed, as its history line and its detail tell it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Changed<'a> {
    pub record_id: u64,
    pub change: &'a Change,
    pub before: Option<&'a Before>,
    /// The record as the job's detail shows it after the job; `None` for a part whose
    /// submit's outcome is unknown, which has no detail.
    pub detail: Option<&'a RecordItem>,
}

/// The records one record-modify job changed: the items of its detail that ended ok and
/// that its history line names (`record_ids`), or, for a part of unknown outcome (`job`
/// `None`), every record the line names, found changed or not by reading them again.
/// Why each record the detail lists but the line does not name is left goes to `skipped`.
pub(crate) fn changed<'a>(
    record_ids: &[u64],
    change: &'a Change,
    before: &'a [Before],
    job: Option<&'a Job>,
    skipped: &mut Vec<String>,
) -> Vec<Changed<'a>> {
    let before_of = |id: u64| before.iter().find(|b| b.record_id == id);
    let Some(job) = job else {
        return record_ids
            .iter()
            .map(|&record_id| Changed {
                record_id,
                change,
                before: before_of(record_id),
                detail: None,
            })
            .collect();
    };
    let mut changed = Vec::new();
    for (domain, item) in job
        .domains
        .iter()
        .flat_map(|d| d.records.iter().map(move |r| (d, r)))
    {
        let Some(record_id) = item.record_id.filter(|_| item.status == ItemStatus::Ok) else {
            continue;
        };
        if record_ids.contains(&record_id) {
            changed.push(Changed {
                record_id,
                change,
                before: before_of(record_id),
                detail: Some(item),
            });
        } else {
            skipped.push(
                t!(
                    "undo.unnamed_in_history",
                    record_id = record_id,
                    domain = domain.domain.as_deref().unwrap_or("-")
                )
                .into_owned(),
            );
        }
    }
    changed
}

/// The plan for the records the jobs changed, from what they are now (`now`, by ID;
/// missing: deleted since). A record listed twice is put back once.
pub(crate) fn plan(changed: &[Changed<'_>], now: &HashMap<u64, &AccountRecord>) -> Reversal {
    let mut plan = Reversal::default();
    let mut seen = HashSet::new();
    for record in changed {
        if !seen.insert(record.record_id) {
            continue;
        }
        match restore(record, now) {
            Ok(restore) => plan.restores.push(restore),
            Err(why) => plan.skipped.push(why),
        }
    }
    plan
}

/// What puts one record back, or why it is left.
fn restore(record: &Changed<'_>, now: &HashMap<u64, &AccountRecord>) -> Result<Restore, String> {
    let (id, change) = (record.record_id, record.change);
    let before = record
        .before
        .ok_or_else(|| t!("undo.no_before", id = id).into_owned())?;
    let domain = &before.domain;
    if let Some(item) = record.detail {
        agree::detail_agrees(change, before, item).map_err(|why| {
            t!("undo.detail_disagrees", id = id, domain = domain, why = why).into_owned()
        })?;
    }
    let now = now
        .get(&id)
        .ok_or_else(|| t!("undo.deleted_since", id = id, domain = domain).into_owned())?;
    if !change.is_met_by(now) {
        let (field, is, to) = (change.field.name(), shown(change.field, now), &change.to);
        return Err(match record.detail {
            Some(_) => t!(
                "undo.changed_since",
                id = id,
                domain = domain,
                field = field,
                is = is,
                to = to
            ),
            None => t!(
                "undo.not_changed_by_part",
                id = id,
                domain = domain,
                field = field,
                is = is,
                to = to
            ),
        }
        .into_owned());
    }
    let back = restoring(change.field, before).map_err(|why| {
        t!("undo.cannot_put_back", id = id, domain = domain, why = why).into_owned()
    })?;
    Ok(Restore {
        domain: domain.clone(),
        record_id: id,
        now: (*now).clone(),
        now_text: shown(change.field, now),
        back_to: shown(change.field, &before.record()),
        change: back,
    })
}

/// The change that gives `field` of the record its value from `before`, checked as flag
/// input is: a type goes back with its value (and priority, for MX).
fn restoring(field: ChangeField, before: &Before) -> Result<Change, String> {
    let missing = || t!("undo.field_not_recorded", field = field.name()).into_owned();
    let to = match field {
        ChangeField::Host => before.host.clone(),
        ChangeField::RecordType => before.record_type.clone(),
        ChangeField::Line => before.line.clone(),
        ChangeField::Value => before.value.clone(),
        ChangeField::Mx => before.mx.map(|mx| mx.to_string()),
        ChangeField::Ttl => before.ttl.map(|ttl| ttl.to_string()),
        ChangeField::Status => before
            .enabled
            .map(|on| if on { "enable" } else { "disable" }.to_owned()),
    }
    .ok_or_else(missing)?;
    let (value, mx) = match field {
        ChangeField::RecordType => {
            let value = before.value.as_deref().ok_or_else(missing)?;
            let mx = before.mx.filter(|_| to.eq_ignore_ascii_case("MX"));
            (Some(value), mx)
        }
        _ => (None, None),
    };
    check_change(field, &to, value, mx)
}

/// A field of a record as the plan shows it; a type with its value.
fn shown(field: ChangeField, record: &AccountRecord) -> String {
    let text = |t: &Option<compact_str::CompactString>| t.as_deref().unwrap_or("-").to_owned();
    match field {
        ChangeField::Host => text(&record.host),
        ChangeField::RecordType => format!("{} {}", text(&record.record_type), text(&record.value)),
        ChangeField::Line => text(&record.line),
        ChangeField::Value => text(&record.value),
        ChangeField::Mx => record
            .mx
            .map_or_else(|| "-".to_owned(), |mx| mx.to_string()),
        ChangeField::Ttl => record.ttl.map_or_else(|| "-".to_owned(), |t| t.to_string()),
        ChangeField::Status => if record.enabled { "enable" } else { "disable" }.to_owned(),
    }
}

/// The restores as record-modify jobs: one per value to put back (a job sets one value),
/// in the order the values first appear.
pub(crate) fn jobs(restores: &[Restore]) -> Vec<JobSpec> {
    let mut jobs: Vec<JobSpec> = Vec::new();
    for restore in restores {
        let same = jobs.iter_mut().find_map(|job| match job {
            JobSpec::RecordModify { record_ids, change } if *change == restore.change => {
                Some(record_ids)
            }
            _ => None,
        });
        match same {
            Some(record_ids) => record_ids.push(restore.record_id),
            None => jobs.push(JobSpec::RecordModify {
                record_ids: vec![restore.record_id],
                change: restore.change.clone(),
            }),
        }
    }
    jobs
}

#[cfg(test)]
mod tests;
