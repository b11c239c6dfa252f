//! The undo of an apply (or of an undo of one): what its jobs and calls did, read from
//! its history lines and its jobs' details, undone against the account as it is now
//! (`undo::apply`), and sent as one `undo` operation of steps through the executor. It
//! deletes records only with `--yes`.

use super::{finished_jobs, read_domains, unknown_parts, warn_skipped};
use crate::backend::Backend;
use crate::cli::UndoArgs;
use crate::commands::submit::submit_steps;
use crate::error::{Outcome, usage};
use crate::history::{Calls, Entry, Operation};
use crate::i18n::counted::counted;
use crate::job::{Action, Before, Job, JobSpec, Step};
use crate::session::Session;
use crate::undo::{self, apply as planner};
use rust_i18n::t;
use std::collections::HashSet;

/// Undoes the apply `operation`: shows the steps with `--dry-run`, refuses without
/// `--yes` when they delete, else sends them.
pub(super) fn undo_apply(
    session: &Session,
    operation: &Operation,
    args: &UndoArgs,
) -> anyhow::Result<Outcome> {
    let backend = session.backend()?;
    let mut skipped = Vec::new();
    let done = what_it_did(session, backend, operation, &mut skipped)?;
    let done = planner::merged(done, &mut skipped);
    let names: Vec<String> = done.iter().map(|d| d.domain.clone()).collect();
    let listed = read_domains(session, backend, names.iter().map(String::as_str))?;
    let now: undo::Now = listed
        .iter()
        .flat_map(|(domain, records)| records.iter().map(|r| ((domain.as_str(), r.id), r)))
        .collect();
    let names: Vec<String> = listed.iter().map(|(domain, _)| domain.clone()).collect();
    let ids = names
        .iter()
        .cloned()
        .zip(backend.find_domains(&names)?)
        .collect();
    let (steps, left) = planner::steps(&done, &now, &ids);
    warn_skipped(session, &skipped);
    warn_skipped(session, &left);
    if args.submit.dry_run {
        session.output.steps(&steps)?;
        return Ok(Outcome::Success);
    }
    if steps.is_empty() {
        session.output.hint(&t!("undo.nothing_to_put_back"));
        return Ok(Outcome::Success);
    }
    refuse_deletes_without_yes(session, &steps, args.yes)?;
    session.output.hint(&t!(
        "undo.putting_back_apply",
        records = counted(steps.len(), "record")
    ));
    submit_steps(session, "undo", &steps, &args.submit)
}

/// Without `--yes`, an undo that deletes the records the apply created lists them and is
/// refused; one that only puts records back and creates them again goes ahead.
fn refuse_deletes_without_yes(session: &Session, steps: &[Step], yes: bool) -> anyhow::Result<()> {
    let deleting: Vec<Before> = steps
        .iter()
        .filter(|s| s.action == Action::Delete)
        .filter_map(Step::kept)
        .collect();
    if deleting.is_empty() || yes {
        return Ok(());
    }
    session.output.deletion_plan(&deleting, false)?;
    Err(usage(t!(
        "undo.apply_needs_yes",
        records = counted(deleting.len(), "record")
    )))
}

/// What the operation's jobs and calls did, record by record; why each other record a
/// line or a detail names is left goes to `skipped`.
fn what_it_did(
    session: &Session,
    backend: &dyn Backend,
    operation: &Operation,
    skipped: &mut Vec<String>,
) -> anyhow::Result<Vec<planner::Done>> {
    unknown_parts(session, operation, &t!("undo.unknown_apply"));
    let planned = planned_steps(operation);
    let planned_deletes = planned_deletes(operation);
    let mut done = Vec::new();
    for entry in &operation.jobs {
        let Some(calls) = entry.calls.as_ref().filter(|_| entry.job_id.is_none()) else {
            continue;
        };
        match &entry.spec {
            JobSpec::RecordSteps { steps } => {
                done.extend(planner::from_calls(steps, calls, &planned, skipped));
            }
            JobSpec::RecordDelete {
                record_ids,
                domain_ids,
            } => {
                let gone: HashSet<u64> = calls.done.iter().copied().collect();
                let gone = gone.intersection(&planned_deletes).copied().collect();
                skipped.extend(unknown_removals(entry, calls, &planned_deletes));
                done.extend(planner::from_deletions(
                    record_ids,
                    domain_ids,
                    kept(entry),
                    &gone,
                ));
            }
            _ => {}
        }
    }
    for (entry, job) in finished_jobs(backend, operation)? {
        done.extend(by_job(entry, &job, &planned, skipped));
    }
    Ok(done)
}

/// What one finished job of the operation did, as its line and its detail agree.
fn by_job(
    entry: &Entry,
    job: &Job,
    planned: &[&Step],
    skipped: &mut Vec<String>,
) -> Vec<planner::Done> {
    match &entry.spec {
        JobSpec::RecordSteps { steps } => planner::from_steps_job(steps, job, planned, skipped),
        JobSpec::RecordModify { record_ids, change } => {
            planner::from_modify_job(record_ids, change, kept(entry), job, skipped)
        }
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } => {
            let gone = undo::created(job).iter().map(|c| c.record_id).collect();
            planner::from_deletions(record_ids, domain_ids, kept(entry), &gone)
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => planner::from_create_job(domain_ids, records, job, skipped),
        JobSpec::DomainCreate { .. } => Vec::new(),
    }
}

/// Each removal of the line whose outcome is unknown (its answer lost, or the run killed
/// while it was sent), named: it may have deleted its record, which is not created again.
fn unknown_removals<'a>(
    entry: &'a Entry,
    calls: &'a Calls,
    planned: &'a HashSet<u64>,
) -> impl Iterator<Item = String> + 'a {
    let unknown = calls.unknown.iter().filter(|id| planned.contains(id));
    unknown.map(|id| {
        let kept = kept(entry).iter().find(|b| b.record_id == *id);
        let named = kept.and_then(|b| Some((b.record().whole()?, &b.domain)));
        let what = named.map_or_else(String::new, |(r, domain)| {
            t!(
                "undo.removed_record",
                host = r.host,
                record_type = r.record_type,
                value = r.value,
                domain = domain
            )
            .into_owned()
        });
        crate::escape::visible(&t!("undo.removal_unknown", id = id, what = what)).into_owned()
    })
}

fn kept(entry: &Entry) -> &[Before] {
    entry.before.as_deref().unwrap_or_default()
}

/// Every step of the operation's plan: a line's step counts only if the plan holds it.
fn planned_steps(operation: &Operation) -> Vec<&Step> {
    let parts = operation.plan.iter().flat_map(|plan| &plan.parts);
    parts
        .flat_map(|part| match &part.spec {
            JobSpec::RecordSteps { steps } => steps.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// Every record the operation's plan deletes: a line's deletion counts only if it does.
fn planned_deletes(operation: &Operation) -> HashSet<u64> {
    let parts = operation.plan.iter().flat_map(|plan| &plan.parts);
    parts
        .flat_map(|part| match &part.spec {
            JobSpec::RecordDelete { record_ids, .. } => record_ids.clone(),
            _ => Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
