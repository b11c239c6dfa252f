//! `record-delete`: a planner like any other. The records are selected as `record-modify`
//! selects them (or found by ID in the account's domains), listed before anything is
//! sent, and deleted only with `--yes`, as one plan the executor sends: API 3.0 in
//! deletion jobs, the legacy API one call a record. Each record is kept whole in the
//! history, so `undo` can create it again.

use super::select::{self, nothing_matches, selector};
use super::submit::{dry_summary, submit_parts};
use crate::cli::RecordDeleteArgs;
use crate::error::{Outcome, usage};
use crate::escape::visible;
use crate::i18n::counted::counted;
use crate::job::{AccountRecord, Before, JobSpec, Part};
use crate::resolve::{self, Lookups, NotDone, Selection};
use crate::session::Session;
use rust_i18n::t;
use std::collections::{HashMap, HashSet};

pub(super) fn run(session: &Session, args: RecordDeleteArgs) -> anyhow::Result<Outcome> {
    let selection = match &args.record_id {
        Some(ids) => by_id(session, &ids.0)?,
        None => {
            let selector = selector(session, args.select)?;
            let selection = pick_in(session, &selector.domains, |r| selector.matches(r))?;
            if selection.records.is_empty() {
                return Err(nothing_matches(&selector));
            }
            selection
        }
    };
    let delete: Vec<Before> = selection
        .records
        .iter()
        .map(|s| s.record.before(&s.domain))
        .collect();
    if args.submit.dry_run {
        // Counted without the domains' IDs, which only sending needs (more look-ups).
        let spec = JobSpec::RecordDelete {
            record_ids: delete.iter().map(|r| r.record_id).collect(),
            domain_ids: Vec::new(),
        };
        dry_summary(session, &[Part::job(spec, None)], &args.submit, &delete)?;
        session.output.deletion_plan(&delete, true)?;
        return Ok(Outcome::Success);
    }
    if !args.force {
        too_many(&selection, args.max_delete)?;
    }
    if !args.yes {
        session.output.deletion_plan(&delete, false)?;
        return Err(usage(t!(
            "delete.needs_yes",
            records = counted(delete.len(), "record")
        )));
    }
    session.output.deleting(&delete)?;
    let parts = [Part::job(plan(session, &delete)?, None)];
    submit_parts(session, "record-delete", &parts, &args.submit, &delete)
}

/// The smallest domain `--max-delete` guards: in a smaller one a share says little.
const GUARDED_FROM: usize = 10;

/// Refused (exit 2) when the selection takes more than `pct`% of a domain's records,
/// for domains of [`GUARDED_FROM`] records or more, naming the first such domain.
fn too_many(selection: &Selection, pct: u8) -> anyhow::Result<()> {
    let mut deleting: HashMap<&str, usize> = HashMap::new();
    for selected in &selection.records {
        *deleting.entry(selected.domain.as_str()).or_default() += 1;
    }
    for (domain, total) in &selection.listed {
        let deleting = deleting.get(domain.as_str()).copied().unwrap_or_default();
        if *total >= GUARDED_FROM && deleting * 100 > usize::from(pct) * total {
            return Err(usage(t!(
                "delete.too_many",
                deleting = deleting,
                total = total,
                domain = visible(domain),
                share = deleting * 100 / total,
                pct = pct
            )));
        }
    }
    Ok(())
}

/// The records named by `ids`, found in the account's domains; refused (exit 2) naming
/// those no domain lists.
fn by_id(session: &Session, ids: &[u64]) -> anyhow::Result<Selection> {
    let listed = session.backend()?.all_domains()?;
    // The server's names checked as `--all` checks them; a record in a domain skipped or
    // not listed cannot be found, and is named below.
    let domains = resolve::account_domains(listed, |gap| session.output.warn(&gap));
    let wanted: HashSet<u64> = ids.iter().copied().collect();
    let selection = pick_in(session, &domains, |r| wanted.contains(&r.id))?;
    let found: HashSet<u64> = selection.records.iter().map(|s| s.record.id).collect();
    let missing: Vec<String> = ids
        .iter()
        .filter(|id| !found.contains(id))
        .map(u64::to_string)
        .collect();
    if !missing.is_empty() {
        return Err(usage(t!("delete.not_found", ids = missing.join(","))));
    }
    Ok(selection)
}

/// Every record of each of `domains` that `wanted` takes, looked up side by side. All of a
/// domain's records are listed, not only some hosts': the share a deletion takes of a
/// domain is counted on them all.
fn pick_in(
    session: &Session,
    domains: &[String],
    wanted: impl Fn(&AccountRecord) -> bool,
) -> anyhow::Result<Selection> {
    select::selected(session, domains.len(), |looked_up| {
        let lookups = Lookups {
            workers: session.lookup_jobs,
            looked_up,
            unknown_means: NotDone::Deleted,
        };
        let listings = lookups.records(session.backend()?, domains, &[])?;
        Ok(resolve::pick(domains, listings, wanted))
    })
}

/// The deletion of `records`, each in its domain (by ID, which the legacy API's calls
/// need).
fn plan(session: &Session, records: &[Before]) -> anyhow::Result<JobSpec> {
    let names = records.iter().map(|r| r.domain.as_str());
    let ids = resolve::ids_by_name(session.backend()?, names)?;
    Ok(JobSpec::RecordDelete {
        record_ids: records.iter().map(|r| r.record_id).collect(),
        domain_ids: records.iter().map(|r| ids[&r.domain]).collect(),
    })
}
