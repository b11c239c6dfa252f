//! The legacy API's deletions: one Record.Remove a record, paced by the transport and
//! sent once. A login failure, a lost answer or Ctrl-C stops at once; running the same
//! `undo --yes` again finishes, since records deleted already are skipped.

use crate::backend::Backend;
use crate::error::{ApiRefused, Outcome, RefusalKind};
use crate::session::Session;
use crate::signal;
use crate::stderr::log;
use crate::undo::{Created, Removed};

pub(super) fn remove_each(
    session: &Session,
    backend: &dyn Backend,
    records: &[Created],
) -> anyhow::Result<Outcome> {
    let mut results: Vec<(&Created, Removed)> = Vec::with_capacity(records.len());
    for (done, record) in records.iter().enumerate() {
        if signal::interrupted() {
            session.output.removals(&results)?;
            stopped(records.len() - done, None);
            return Ok(Outcome::Interrupted);
        }
        match backend.remove_record(record.domain_id, record.record_id) {
            Ok(()) => results.push((record, Removed::Deleted)),
            Err(err) => match err.downcast_ref::<ApiRefused>().map(|r| r.kind) {
                Some(RefusalKind::NotFound) => results.push((record, Removed::Gone)),
                Some(RefusalKind::Other) => {
                    results.push((record, Removed::Failed(format!("{err:#}"))));
                }
                // A login failure, a lock or a rate limit: refused, nothing more is sent.
                Some(_) => {
                    session.output.removals(&results)?;
                    stopped(records.len() - done, None);
                    return Err(err);
                }
                // A lost answer or Ctrl-C while in flight: that one may be deleted.
                None => {
                    session.output.removals(&results)?;
                    stopped(records.len() - done - 1, Some(record));
                    return Err(err);
                }
            },
        }
    }
    session.output.removals(&results)?;
    let failed = results
        .iter()
        .filter(|(_, r)| matches!(r, Removed::Failed(_)))
        .count();
    Ok(if failed > 0 {
        Outcome::ItemsFailed
    } else {
        Outcome::Success
    })
}

/// What a stopped run of removals leaves, on stderr.
fn stopped(not_sent: usize, last: Option<&Created>) {
    if let Some(record) = last {
        log(&format!(
            "removing record {} of {} did not come to a sure end: check it in the DNSPod console",
            record.record_id, record.domain
        ));
    }
    log(&format!(
        "stopped: {not_sent} records not sent; run the same `dpbatch undo --yes` again to delete them (records deleted already are skipped)"
    ));
}
