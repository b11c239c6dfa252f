//! `undo`: a record-modify job's changes put back from the before-state the history
//! kept (see `undo.rs`), after reading the records again; a record-create job's records
//! deleted, only with `--yes`. An undo is an operation like any other, but for the
//! legacy API's deletions, one request a record (`removal.rs`).

use super::follow::finished_job;
use super::submit::submit_parts;
use crate::backend::Backend;
use crate::cli::UndoArgs;
use crate::error::{Outcome, usage};
use crate::history::{Entry, Operation, Part};
use crate::input::records::Change;
use crate::job::{AccountRecord, Before, ItemStatus, Job, JobSpec};
use crate::resolve::Lookups;
use crate::session::Session;
use crate::undo;

mod removal;
use std::collections::HashMap;

pub(super) fn run(session: &Session, args: &UndoArgs) -> anyhow::Result<Outcome> {
    let operations = session.account_operations()?;
    let operation = session.operation(&operations, &args.job)?.ok_or_else(|| {
        usage(format!(
            "job {} is not in this account's job history, so no before-state was recorded for it: only jobs dpbatch submitted from this machine can be undone",
            args.job.job_id.unwrap_or_default()
        ))
    })?;
    match &operation.first().spec {
        JobSpec::DomainCreate { .. } => Err(usage(
            "undo of a domain-create job is refused: deleting domains is not an undo; remove them in the DNSPod console if you mean to",
        )),
        JobSpec::RecordCreate { .. } => undo_create(session, operation, args),
        JobSpec::RecordModify { .. } => undo_modify(session, operation, args),
        JobSpec::RecordDelete { .. } => Err(usage(
            "undo of a deletion is refused: the records' contents are gone with them; create them again with `record-create`",
        )),
    }
}

/// Each finished job of the operation, with its history line; refused while one runs.
fn finished_jobs<'a>(
    backend: &dyn Backend,
    operation: &'a Operation,
) -> anyhow::Result<Vec<(&'a Entry, Job)>> {
    let mut jobs = Vec::new();
    for entry in &operation.jobs {
        let Some(job_id) = entry.job_id else {
            continue;
        };
        jobs.push((entry, finished_job(backend, job_id, "undo")?));
    }
    Ok(jobs)
}

/// Warns of records whose items ended ok but that the detail does not name (no record
/// ID, or no domain): undo cannot touch them, and says so rather than skip them quietly.
fn unnamed(session: &Session, jobs: &[(&Entry, Job)], usable: usize) {
    let ok = jobs
        .iter()
        .flat_map(|(_, job)| job.domains.iter().flat_map(|d| &d.records))
        .filter(|record| record.status == ItemStatus::Ok)
        .count();
    if ok > usable {
        session.output.warn(&format!(
            "{} records that ended ok are not named in the job's detail (no record ID or domain) and are left as they are; check them in the DNSPod console",
            ok - usable
        ));
    }
}

/// The IDs of the records whose items ended ok.
fn ok_records(job: &Job) -> impl Iterator<Item = u64> + '_ {
    job.domains
        .iter()
        .flat_map(|domain| &domain.records)
        .filter(|record| record.status == ItemStatus::Ok)
        .filter_map(|record| record.record_id)
}

fn undo_modify(
    session: &Session,
    operation: &Operation,
    args: &UndoArgs,
) -> anyhow::Result<Outcome> {
    // Refused before anything is asked when the history cannot say what to put back.
    if let Some(entry) = operation
        .jobs
        .iter()
        .find(|e| e.job_id.is_some() && e.before.is_none())
    {
        return Err(usage(format!(
            "job {} has no recorded before-state (it was submitted by a dpbatch older than undo, or the submit's answer did not show its records as they were), so it cannot be undone",
            entry.job_id.unwrap_or_default()
        )));
    }
    let backend = session.backend()?;
    let jobs = finished_jobs(backend, operation)?;
    let mut changed: Vec<(u64, &Change)> = Vec::new();
    let mut before: HashMap<u64, &Before> = HashMap::new();
    for (entry, job) in &jobs {
        if let (JobSpec::RecordModify { change, .. }, Some(kept)) = (&entry.spec, &entry.before) {
            before.extend(kept.iter().map(|b| (b.record_id, b)));
            changed.extend(ok_records(job).map(|id| (id, change)));
        }
    }
    unnamed(session, &jobs, changed.len());
    let now = read_again(session, backend, &changed, &before)?;
    let now: HashMap<u64, &AccountRecord> = now.iter().map(|r| (r.id, r)).collect();
    let plan = undo::plan(&changed, &before, &now);
    for skipped in &plan.skipped {
        session.output.warn(&format!("skipping {skipped}"));
    }
    if args.submit.dry_run {
        session.output.undo_plan(&plan.restores)?;
        return Ok(Outcome::Success);
    }
    if plan.restores.is_empty() {
        session.output.hint("nothing to put back");
        return Ok(Outcome::Success);
    }
    session.output.hint(&format!(
        "putting back {} of the {} records the job changed",
        plan.restores.len(),
        changed.len()
    ));
    // The undo's own before-state: the records as they are now, so it can be undone too.
    let now_state: Vec<Before> = plan
        .restores
        .iter()
        .map(|r| r.now.before(&r.domain))
        .collect();
    let parts: Vec<Part> = undo::jobs(&plan.restores)
        .into_iter()
        .map(|spec| Part {
            spec,
            retry_of: None,
        })
        .collect();
    submit_parts(session, &parts, &args.submit, &now_state)
}

/// The records the job changed as they are now, read domain by domain side by side.
fn read_again(
    session: &Session,
    backend: &dyn Backend,
    changed: &[(u64, &Change)],
    before: &HashMap<u64, &Before>,
) -> anyhow::Result<Vec<AccountRecord>> {
    let domains = changed
        .iter()
        .filter_map(|(id, _)| before.get(id).map(|b| b.domain.as_str()));
    read_domains(session, backend, domains)
}

/// Every record of these domains (each once) as it is now, looked up side by side.
fn read_domains<'a>(
    session: &Session,
    backend: &dyn Backend,
    names: impl Iterator<Item = &'a str>,
) -> anyhow::Result<Vec<AccountRecord>> {
    let mut domains: Vec<String> = Vec::new();
    for name in names {
        if !domains.iter().any(|d| d == name) {
            domains.push(name.to_owned());
        }
    }
    let progress = session.output.lookup_progress(domains.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: "undone",
    };
    let listed = lookups.records(backend, &domains, &[])?;
    Ok(listed.into_iter().flatten().collect())
}

/// Deletes the records a record-create job created (every job of the operation), those
/// still as created; only with `--yes`. API 3.0 deletes in jobs, the legacy API one by
/// one (`removal.rs`).
fn undo_create(
    session: &Session,
    operation: &Operation,
    args: &UndoArgs,
) -> anyhow::Result<Outcome> {
    let backend = session.backend()?;
    let jobs = finished_jobs(backend, operation)?;
    let created: Vec<undo::Created> = jobs
        .iter()
        .flat_map(|(_, job)| undo::created(job))
        .collect();
    unnamed(session, &jobs, created.len());
    let now = read_domains(session, backend, created.iter().map(|c| c.domain.as_str()))?;
    let now: HashMap<u64, &AccountRecord> = now.iter().map(|r| (r.id, r)).collect();
    let (delete, skipped) = undo::deletions(created, &now);
    for skipped in &skipped {
        session.output.warn(&format!("skipping {skipped}"));
    }
    if args.submit.dry_run {
        session.output.deletion_plan(&delete, true)?;
        return Ok(Outcome::Success);
    }
    if delete.is_empty() {
        session.output.hint("nothing to delete");
        return Ok(Outcome::Success);
    }
    if !args.yes {
        session.output.deletion_plan(&delete, false)?;
        return Err(usage(format!(
            "undo of a record-create job deletes the {} records listed; pass --yes to delete them",
            delete.len()
        )));
    }
    if !backend.deletes_in_jobs() {
        return removal::remove_each(session, backend, &delete);
    }
    let parts = [Part {
        spec: JobSpec::RecordDelete {
            record_ids: delete.iter().map(|d| d.record_id).collect(),
        },
        retry_of: None,
    }];
    submit_parts(session, &parts, &args.submit, &[])
}
