//! `undo`: an operation's parts grouped by kind (`Operation::one_kind`), and the planner of
//! that kind plans their undo: a record-modify's changes put back from the before-state
//! the history kept (`modify.rs`), after reading the records again; a record-create's
//! records deleted, only with `--yes` (`create.rs`); a record-delete's records created
//! again (`delete.rs`); an apply's (whose parts mix kinds) undone step by step
//! (`apply.rs`). The plan is sent as one operation through the one executor (the
//! legacy API's deletions as calls, one a record). The history line and DNSPod's detail
//! must agree on what the job was before anything is sent.

use crate::backend::Backend;
use crate::cli::UndoArgs;
use crate::commands::submit::submit_parts;
use crate::error::{Outcome, usage};
use crate::history::{self, Entry, Operation};
use crate::job::{AccountRecord, Before, ItemStatus, Job, JobKind, Part};
use crate::resolve::{Lookups, NotDone};
use crate::session::Session;
use rust_i18n::t;

mod apply;
mod create;
mod delete;
mod modify;

/// What a kind's planner sends: the parts, and the records as they are before them.
struct Planned {
    parts: Vec<Part>,
    before: Vec<Before>,
}

pub(super) fn run(session: &Session, args: &UndoArgs) -> anyhow::Result<Outcome> {
    let operations = session.ledger().holding(args.job.job_id)?;
    let operation = session
        .ledger()
        .operation(&operations, args.job.job_id)?
        .ok_or_else(|| {
            usage(t!(
                "undo.not_in_history",
                job_id = args.job.job_id.unwrap_or_default()
            ))
        })?;
    let operation = &session.ledger().with_before(operation)?;
    if operation.mixes_kinds() {
        return apply::undo_apply(session, operation, args);
    }
    let parts = operation
        .one_kind()
        .map_err(|why| usage(t!("undo.history_inconsistent", why = why)))?;
    let planned = match parts.kind {
        JobKind::DomainCreate => {
            return Err(usage(t!(
                "undo.domain_create_refused",
                domains = history::listed(&parts.named)
            )));
        }
        JobKind::RecordCreate => create::undo_create(session, operation, args)?,
        JobKind::RecordModify => modify::undo_modify(session, operation, args)?,
        JobKind::RecordDelete => delete::undo_delete(session, operation, &parts)?,
    };
    match planned {
        Some(undo) => submit_parts(session, "undo", &undo.parts, &args.submit, &undo.before),
        // Shown (a dry run) or nothing to send: said.
        None => Ok(Outcome::Success),
    }
}

/// Each finished job of the operation, with its history line; refused while one runs, and
/// when a detail says the job was of another kind than its line: a line relabelled in
/// the history must not steer what is undone.
fn finished_jobs<'a>(
    backend: &dyn Backend,
    operation: &'a Operation,
) -> anyhow::Result<Vec<(&'a Entry, Job)>> {
    let mut jobs = Vec::new();
    for entry in &operation.jobs {
        let Some(job_id) = entry.job_id else {
            continue;
        };
        let job = super::follow::finished_job(backend, job_id, "undo")?;
        if job.kind != Some(entry.spec.kind()) {
            let said = job.kind.map_or_else(
                || t!("undo.detail_kind_none"),
                |k| t!("undo.detail_kind", kind = k.as_str()),
            );
            return Err(usage(t!(
                "undo.kind_mismatch",
                job_id = job_id,
                said = said,
                command = entry.spec.command()
            )));
        }
        jobs.push((entry, job));
    }
    Ok(jobs)
}

/// Warns of each part whose submit's outcome is unknown (it may have made a job that no
/// detail shows), saying what undo does about it; returns those parts.
fn unknown_parts<'a>(session: &Session, operation: &'a Operation, what: &str) -> Vec<&'a Entry> {
    let unknown: Vec<&Entry> = operation.unknown().collect();
    for entry in &unknown {
        let which = entry.operation.as_ref().map_or_else(
            || t!("undo.the_job"),
            |tag| t!("stop.place_part", part = tag.part + 1),
        );
        session.output.warn(&t!(
            "undo.part_unknown",
            which = which,
            what = entry.spec.summary(),
            then = what
        ));
    }
    unknown
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
        session
            .output
            .warn(&t!("undo.unnamed_ok", records = ok - usable));
    }
}

/// The records of these domains (each domain once) as they are now, looked up side by
/// side: each domain with its records.
fn read_domains<'a>(
    session: &Session,
    backend: &dyn Backend,
    names: impl Iterator<Item = &'a str>,
) -> anyhow::Result<Vec<(String, Vec<AccountRecord>)>> {
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
        unknown_means: NotDone::Undone,
    };
    let (listed, short) = lookups.records(backend, &domains, &[])?;
    for short in short {
        session.output.warn(&t!("undo.short", short = short));
    }
    Ok(domains.into_iter().zip(listed).collect())
}

/// Warns of each record undo leaves, with why.
fn warn_skipped(session: &Session, skipped: &[String]) {
    for skipped in skipped {
        session.output.warn(&t!("undo.skipping", why = skipped));
    }
}
