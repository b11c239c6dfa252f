//! The undo of a record-modify operation: each record its jobs changed put back from
//! the before-state its history line kept, where the job's detail agrees and the record
//! still shows the change; a part of unknown outcome from its before-state too, where
//! the record shows its change.

use super::{Planned, finished_jobs, read_domains, unknown_parts, unnamed, warn_skipped};
use crate::backend::Backend;
use crate::cli::UndoArgs;
use crate::error::usage;
use crate::history::{Entry, Operation};
use crate::job::{AccountRecord, Before, ItemStatus, Job, JobSpec, Part};
use crate::session::Session;
use crate::undo::{self, Changed};
use rust_i18n::t;
use std::collections::{HashMap, HashSet};

/// The record-modify jobs that put back what the operation's parts changed; `None` when
/// shown (a dry run) or there is nothing to put back.
pub(super) fn undo_modify(
    session: &Session,
    operation: &Operation,
    args: &UndoArgs,
) -> anyhow::Result<Option<Planned>> {
    recorded_before(operation)?;
    let backend = session.backend()?;
    let jobs = finished_jobs(backend, operation)?;
    let mut skipped = Vec::new();
    let changed = changed_records(session, operation, &jobs, &mut skipped);
    let now = read_again(session, backend, &changed)?;
    let now: HashMap<u64, &AccountRecord> = now.iter().map(|r| (r.id, r)).collect();
    let plan = undo::plan(&changed, &now);
    warn_skipped(session, &skipped);
    warn_skipped(session, &plan.skipped);
    if args.submit.dry_run {
        session.output.undo_plan(&plan.restores)?;
        return Ok(None);
    }
    if plan.restores.is_empty() {
        session.output.hint(&t!("undo.nothing_to_put_back"));
        return Ok(None);
    }
    let considered: HashSet<u64> = changed.iter().map(|c| c.record_id).collect();
    session.output.hint(&t!(
        "undo.putting_back",
        restores = plan.restores.len(),
        changed = considered.len()
    ));
    // The undo's own before-state: the records as they are now, so it can be undone too.
    let before: Vec<Before> = plan
        .restores
        .iter()
        .map(|r| r.now.before(&r.domain))
        .collect();
    let parts: Vec<Part> = undo::jobs(&plan.restores)
        .into_iter()
        .map(|spec| Part::job(spec, None))
        .collect();
    Ok(Some(Planned { parts, before }))
}

/// Refused before anything is asked when the history cannot say what to put back.
fn recorded_before(operation: &Operation) -> anyhow::Result<()> {
    match operation
        .jobs
        .iter()
        .find(|e| e.job_id.is_some() && e.before.is_none())
    {
        Some(entry) => Err(usage(t!(
            "undo.no_before_state",
            job_id = entry.job_id.unwrap_or_default()
        ))),
        None => Ok(()),
    }
}

/// The records the operation changed: by its jobs' details, and by the lines of its
/// parts of unknown outcome, which are named.
fn changed_records<'a>(
    session: &Session,
    operation: &'a Operation,
    jobs: &'a [(&'a Entry, Job)],
    skipped: &mut Vec<String>,
) -> Vec<Changed<'a>> {
    let mut changed: Vec<Changed<'a>> = Vec::new();
    for (entry, job) in jobs {
        changed.extend(changed_by(entry, Some(job), skipped));
    }
    let named = jobs.iter().map(|(_, job)| ok_records(job)).sum();
    unnamed(session, jobs, named);
    let unknown = unknown_parts(session, operation, &t!("undo.unknown_modify"));
    for entry in unknown {
        match planned(operation, entry) {
            true => changed.extend(changed_by(entry, None, skipped)),
            false => {
                skipped.push(t!("undo.unknown_unplanned", what = entry.spec.summary()).into_owned())
            }
        }
    }
    changed
}

/// Whether a part of unknown outcome is the part its operation planned: with no detail to
/// check it against, a line that names other records (written by hand) must not steer
/// what is put back.
fn planned(operation: &Operation, entry: &Entry) -> bool {
    let planned = |tag: &crate::history::OperationTag| {
        let plan = operation.plan.as_ref()?;
        plan.parts.get(tag.part)
    };
    entry
        .operation
        .as_ref()
        .and_then(planned)
        .is_some_and(|part| part.spec == entry.spec)
}

/// The records one job of the operation changed (`job` `None`: a part of unknown outcome).
fn changed_by<'a>(
    entry: &'a Entry,
    job: Option<&'a Job>,
    skipped: &mut Vec<String>,
) -> Vec<Changed<'a>> {
    let JobSpec::RecordModify { record_ids, change } = &entry.spec else {
        return Vec::new();
    };
    let before = entry.before.as_deref().unwrap_or_default();
    undo::changed(record_ids, change, before, job, skipped)
}

/// How many records of the job ended ok with a record ID.
fn ok_records(job: &Job) -> usize {
    job.domains
        .iter()
        .flat_map(|domain| &domain.records)
        .filter(|record| record.status == ItemStatus::Ok && record.record_id.is_some())
        .count()
}

/// The records the jobs changed as they are now, read domain by domain side by side.
fn read_again(
    session: &Session,
    backend: &dyn Backend,
    changed: &[Changed<'_>],
) -> anyhow::Result<Vec<AccountRecord>> {
    let domains = changed
        .iter()
        .filter_map(|c| c.before.map(|b| b.domain.as_str()));
    let listed = read_domains(session, backend, domains)?;
    Ok(listed
        .into_iter()
        .flat_map(|(_, records)| records)
        .collect())
}
