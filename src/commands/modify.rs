//! `record-modify`: one field of records, named by ID or selected through the look-ups.
//! A selection is shown before anything is sent, and records already at the target are
//! left out: DNSPod locks a record after repeated no-op changes.

use super::select::{self, selector};
use super::submit::{dry_summary, submit_parts};
use crate::cli::{RecordModifyArgs, SubmitArgs};
use crate::error::{Outcome, usage};
use crate::input::records;
use crate::job::{Before, Change, JobSpec, Part};
use crate::resolve::{self, Selected, Selector};
use crate::session::Session;
use rust_i18n::t;

pub(super) fn run(session: &Session, args: RecordModifyArgs) -> anyhow::Result<Outcome> {
    let change = records::check_change(args.change, &args.to, args.value.as_deref(), args.mx)
        .map_err(usage)?;
    // The records as they are now, for `undo`: from the selection where there is one,
    // else from what the submit's answer echoes.
    let (record_ids, before) = match args.record_id {
        Some(ids) => (ids.0, Vec::new()),
        None => {
            let selector = selector(session, args.select)?;
            match select(session, &selector, &change, &args.submit)? {
                Some(before) => (before.iter().map(|b| b.record_id).collect(), before),
                None => return Ok(Outcome::Success),
            }
        }
    };
    let spec = JobSpec::RecordModify { record_ids, change };
    let parts = [Part::job(spec, None)];
    submit_parts(session, "record-modify", &parts, &args.submit, &before)
}

/// The selected records that need the change, as they are now. The selection is shown
/// first (on stdout and nothing more with `--dry-run`). `None`: nothing to send.
fn select(
    session: &Session,
    selector: &Selector,
    change: &Change,
    submit: &SubmitArgs,
) -> anyhow::Result<Option<Vec<Before>>> {
    let selected = select::selected(session, selector.domains.len(), |looked_up| {
        resolve::select_records(session.backend()?, selector, session.lookup_jobs, looked_up)
    })?
    .records;
    if selected.is_empty() {
        return Err(select::nothing_matches(selector));
    }
    let rows: Vec<(bool, &Selected)> = selected
        .iter()
        .map(|s| (change.is_met_by(&s.record), s))
        .collect();
    let ids: Vec<Before> = rows
        .iter()
        .filter(|(skip, _)| !skip)
        .map(|(_, s)| s.record.before(&s.domain))
        .collect();
    if submit.dry_run {
        let spec = JobSpec::RecordModify {
            record_ids: ids.iter().map(|b| b.record_id).collect(),
            change: change.clone(),
        };
        dry_summary(session, &[Part::job(spec, None)], submit, &ids)?;
        session.output.selection(&rows, true)?;
        return Ok(None);
    }
    session.output.selection(&rows, false)?;
    let skipped = rows.len() - ids.len();
    if skipped > 0 {
        session.output.note(&t!(
            "modify.already_there",
            skipped = skipped,
            selected = rows.len(),
            field = change.field.name(),
            to = change.to
        ));
    }
    Ok((!ids.is_empty()).then_some(ids))
}
