//! The undo of a record-create operation: the records its jobs made, those its history
//! line asked for and still as created, deleted; only with `--yes`. A plan of deletions
//! like any other: API 3.0 deletes in jobs, the legacy API one call a record.

use super::{Planned, finished_jobs, read_domains, unknown_parts, unnamed, warn_skipped};
use crate::backend::Backend;
use crate::cli::UndoArgs;
use crate::error::usage;
use crate::history::{Entry, Operation};
use crate::i18n::counted::counted;
use crate::job::{Before, Job, JobSpec, Part};
use crate::session::Session;
use crate::undo;
use rust_i18n::t;
use std::collections::HashMap;

/// The account's ID of each domain name the details name, to check theirs against.
fn account_ids(
    backend: &dyn Backend,
    created: &[undo::Created],
) -> anyhow::Result<HashMap<String, Option<u64>>> {
    let mut names: Vec<String> = created.iter().map(|c| c.domain.clone()).collect();
    names.sort();
    names.dedup();
    let ids = backend.find_domains(&names)?;
    Ok(names.into_iter().zip(ids).collect())
}

/// The records the jobs' details list as made that their history lines asked for; says
/// how many made records the details leave unnamed.
fn asked_for(
    session: &Session,
    jobs: &[(&Entry, Job)],
    skipped: &mut Vec<String>,
) -> Vec<undo::Created> {
    let (mut listed, mut created) = (0, Vec::new());
    for (entry, job) in jobs {
        let JobSpec::RecordCreate {
            domain_ids,
            records,
        } = &entry.spec
        else {
            continue;
        };
        let made = undo::created(job);
        listed += made.len();
        created.extend(undo::asked_for(made, domain_ids, records, skipped));
    }
    unnamed(session, jobs, listed);
    created
}

/// The deletions that undo the operation's record-create parts; `None` when shown (a dry
/// run) or there is nothing to delete.
pub(super) fn undo_create(
    session: &Session,
    operation: &Operation,
    args: &UndoArgs,
) -> anyhow::Result<Option<Planned>> {
    let backend = session.backend()?;
    let jobs = finished_jobs(backend, operation)?;
    let mut skipped = Vec::new();
    let created = asked_for(session, &jobs, &mut skipped);
    unknown_parts(session, operation, &t!("undo.unknown_create"));
    let ids = account_ids(backend, &created)?;
    let created = undo::on_their_domains(created, &ids, &mut skipped);
    let now = read_domains(session, backend, created.iter().map(|c| c.domain.as_str()))?;
    let now: undo::Now = now
        .iter()
        .flat_map(|(domain, records)| records.iter().map(|r| ((domain.as_str(), r.id), r)))
        .collect();
    let (deleting, changed) = undo::deletions(created, &now);
    warn_skipped(session, &skipped);
    warn_skipped(session, &changed);
    let delete: Vec<Before> = deleting.iter().map(undo::Created::before).collect();
    if args.submit.dry_run {
        session.output.deletion_plan(&delete, true)?;
        return Ok(None);
    }
    if delete.is_empty() {
        session.output.hint(&t!("undo.nothing_to_delete"));
        return Ok(None);
    }
    if !args.yes {
        session.output.deletion_plan(&delete, false)?;
        return Err(usage(t!(
            "undo.create_needs_yes",
            records = counted(delete.len(), "record")
        )));
    }
    let parts = vec![Part::job(
        JobSpec::RecordDelete {
            record_ids: deleting.iter().map(|c| c.record_id).collect(),
            domain_ids: deleting.iter().map(|c| c.domain_id).collect(),
        },
        None,
    )];
    Ok(Some(Planned {
        parts,
        before: delete,
    }))
}
