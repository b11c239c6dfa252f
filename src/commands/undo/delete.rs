//! The undo of a record-delete operation: the records it deleted, as its history lines
//! kept them, created again in record-create jobs (with new IDs), but those the account
//! has again. Only what a line kept whole and a call or the job's detail says was
//! deleted; a deletion made by an older undo kept nothing whole, and is refused.

use super::{Planned, finished_jobs, read_domains, unknown_parts, warn_skipped};
use crate::error::usage;
use crate::history::{self, Operation};
use crate::job::{Before, JobSpec, Part, RecordSpec, record_create_jobs};
use crate::resolve;
use crate::session::Session;
use crate::undo;
use rust_i18n::t;
use std::collections::{BTreeMap, HashSet};

/// The record-create jobs that make the operation's deleted records again; `None` when
/// there is nothing to create (said). A dry run is the executor's.
pub(super) fn undo_delete(
    session: &Session,
    operation: &Operation,
    parts: &history::Parts,
) -> anyhow::Result<Option<Planned>> {
    let refused = || {
        usage(t!(
            "undo.delete_refused",
            what = history::listed(&parts.named)
        ))
    };
    if operation.first().action != "record-delete" {
        return Err(refused());
    }
    let deleted = deleted(session, operation)?;
    if deleted.is_empty() {
        return Err(refused());
    }
    let mut skipped = Vec::new();
    let mut specs: Vec<(&str, RecordSpec)> = Vec::new();
    for record in deleted {
        match undo::recreate(record) {
            Ok(spec) => specs.push((&record.domain, spec)),
            Err(why) => skipped.push(why),
        }
    }
    let jobs = create_again(session, specs, &mut skipped)?;
    warn_skipped(session, &skipped);
    if jobs.is_empty() {
        session.output.hint(&t!("undo.nothing_to_create"));
        return Ok(None);
    }
    // Nothing is there before a record is created again.
    Ok(Some(Planned {
        parts: jobs,
        before: Vec::new(),
    }))
}

/// The record-create jobs that make `specs` again, each in its domain, but those the
/// account has again (added to `skipped`).
fn create_again(
    session: &Session,
    mut specs: Vec<(&str, RecordSpec)>,
    skipped: &mut Vec<String>,
) -> anyhow::Result<Vec<Part>> {
    let backend = session.backend()?;
    let now = read_domains(session, backend, specs.iter().map(|(domain, _)| *domain))?;
    let now: BTreeMap<&str, _> = now
        .iter()
        .map(|(d, records)| (d.as_str(), records))
        .collect();
    specs.retain(|(domain, spec)| {
        let again = now
            .get(domain)
            .is_some_and(|now| undo::there_again(spec, now));
        if again {
            skipped.push(
                t!(
                    "undo.there_again",
                    record_type = spec.record_type,
                    host = spec.host,
                    domain = domain
                )
                .into_owned(),
            );
        }
        !again
    });
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let ids = resolve::ids_by_name(backend, now.keys().copied())?;
    let mut by_domain: BTreeMap<u64, Vec<&RecordSpec>> = BTreeMap::new();
    for (domain, spec) in &specs {
        by_domain.entry(ids[*domain]).or_default().push(spec);
    }
    Ok(record_create_jobs(by_domain)
        .into_iter()
        .map(|spec| Part::job(spec, None))
        .collect())
}

/// The records the operation is known to have deleted, as its lines kept them: of a part
/// sent as calls those its calls deleted, of a job those its detail lists as ok.
fn deleted<'a>(session: &Session, operation: &'a Operation) -> anyhow::Result<Vec<&'a Before>> {
    let backend = session.backend()?;
    unknown_parts(session, operation, &t!("undo.unknown_delete"));
    let mut found = Vec::new();
    for entry in &operation.jobs {
        let JobSpec::RecordDelete { record_ids, .. } = &entry.spec else {
            continue;
        };
        if let (Some(calls), Some(kept)) = (&entry.calls, &entry.before) {
            let done: HashSet<u64> = calls.done.iter().copied().collect();
            found.extend(undo::deleted(kept, record_ids, &done));
        }
    }
    for (entry, job) in finished_jobs(backend, operation)? {
        let (JobSpec::RecordDelete { record_ids, .. }, Some(kept)) = (&entry.spec, &entry.before)
        else {
            continue;
        };
        let ok: HashSet<u64> = undo::created(&job).iter().map(|c| c.record_id).collect();
        found.extend(undo::deleted(kept, record_ids, &ok));
    }
    Ok(found)
}
