//! `record-modify`: one field of records, named by ID or selected through the look-ups.
//! A selection is shown before anything is sent, and records already at the target are
//! left out: DNSPod locks a record after repeated no-op changes.

use super::create::NAMES_HINT;
use super::submit::submit_parts;
use crate::cli::{RecordModifyArgs, SelectArgs};
use crate::error::{Outcome, usage};
use crate::input::domains;
use crate::input::records;
use crate::job::{Before, Change, JobSpec, Part, count};
use crate::resolve::{self, Selected, Selector};
use crate::session::Session;

pub(super) fn run(session: &Session, args: RecordModifyArgs) -> anyhow::Result<Outcome> {
    let change = records::check_change(args.change, &args.to, args.value.as_deref(), args.mx)
        .map_err(usage)?;
    // The records as they are now, for `undo`: from the selection where there is one,
    // else from what the submit's answer echoes.
    let (record_ids, before) = match args.record_id {
        Some(ids) => (ids.0, Vec::new()),
        None => {
            let selector = selector(args.select)?;
            match select(session, &selector, &change, args.submit.dry_run)? {
                Some(before) => (before.iter().map(|b| b.record_id).collect(), before),
                None => return Ok(Outcome::Success),
            }
        }
    };
    let spec = JobSpec::RecordModify { record_ids, change };
    let parts = [Part::job(spec, None)];
    submit_parts(session, "record-modify", &parts, &args.submit, &before)
}

/// A checked selector from `--domain/--domain-file --sub --type [--line] [--value-is]`.
fn selector(args: SelectArgs) -> anyhow::Result<Selector> {
    let hosts = records::check_hosts(args.sub.as_deref().unwrap_or_default()).map_err(usage)?;
    Ok(Selector {
        domains: domains::collect(&args.domain, args.domain_file.as_deref(), NAMES_HINT)?,
        hosts: hosts.split(',').map(str::to_owned).collect(),
        // clap requires --sub and --type with --domain or --domain-file.
        record_type: args.record_type.expect("--type is required"),
        line: args.line,
        value_is: args.value_is,
    })
}

/// The selected records that need the change, as they are now. The selection is shown
/// first (on stdout and nothing more with `--dry-run`). `None`: nothing to send.
fn select(
    session: &Session,
    selector: &Selector,
    change: &Change,
    dry_run: bool,
) -> anyhow::Result<Option<Vec<Before>>> {
    let progress = session.output.lookup_progress(selector.domains.len());
    let selected =
        resolve::select_records(session.backend()?, selector, session.lookup_jobs, &|| {
            progress.tick()
        })?;
    drop(progress);
    for short in &selected.short {
        session.output.warn(&format!(
            "{short}; a record it did not list cannot be selected: run the same command again once DNSPod lists them all"
        ));
    }
    if selected.system > 0 {
        session.output.note(&format!(
            "left out {} of DNSPod's own, which DNSPod manages and no job may change",
            count(selected.system, "NS record")
        ));
    }
    let selected = selected.records;
    if selected.is_empty() {
        return Err(usage(format!(
            "no {} record named {} in {} matches, so nothing was submitted",
            selector.record_type,
            selector.hosts.join(","),
            selector.domains.join(",")
        )));
    }
    let rows: Vec<(bool, &Selected)> = selected
        .iter()
        .map(|s| (change.is_met_by(&s.record), s))
        .collect();
    session.output.selection(&rows, dry_run)?;
    if dry_run {
        return Ok(None);
    }
    let ids: Vec<Before> = rows
        .iter()
        .filter(|(skip, _)| !skip)
        .map(|(_, s)| s.record.before(&s.domain))
        .collect();
    let skipped = rows.len() - ids.len();
    if skipped > 0 {
        session.output.note(&format!(
            "skipping {skipped} of {} selected records: they already have {} {}",
            rows.len(),
            change.field.name(),
            change.to
        ));
    }
    Ok((!ids.is_empty()).then_some(ids))
}
