//! The legacy API's deletions: one Record.Remove a record, paced by the transport and
//! sent once. A login failure, a lost answer or Ctrl-C stops at once; running the same
//! `undo --yes` again finishes, since records deleted already are skipped.

use crate::backend::{Backend, ChangeError};
use crate::error::{Outcome, RefusalKind};
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
        let Err(err) = backend.remove_record(record.domain_id, record.record_id) else {
            results.push((record, Removed::Deleted));
            continue;
        };
        match after_failure(&err) {
            Failure::Result(removed) => results.push((record, removed)),
            Failure::Stop { maybe_removed } => {
                session.output.removals(&results)?;
                let not_sent = records.len() - done - usize::from(maybe_removed);
                stopped(not_sent, maybe_removed.then_some(record));
                return Err(err.into());
            }
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

/// What a failed removal means for the run.
#[derive(Debug, PartialEq)]
enum Failure {
    /// The record's own result; the next one is sent.
    Result(Removed),
    /// Nothing more is sent; `maybe_removed`: this one may have been deleted.
    Stop { maybe_removed: bool },
}

fn after_failure(err: &ChangeError) -> Failure {
    match err {
        ChangeError::Refused(refused) => match refused.kind {
            RefusalKind::NotFound => Failure::Result(Removed::Gone),
            RefusalKind::Other => Failure::Result(Removed::Failed(refused.to_string())),
            // A login failure, a lock or a rate limit: nothing more is sent.
            _ => Failure::Stop {
                maybe_removed: false,
            },
        },
        // It never left (no connection, Ctrl-C before it did): that one is not deleted.
        ChangeError::NotSent(_) => Failure::Stop {
            maybe_removed: false,
        },
        // A lost answer or Ctrl-C while in flight: that one may be deleted.
        ChangeError::Unknown(_) => Failure::Stop {
            maybe_removed: true,
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiRefused;

    fn refused(kind: RefusalKind) -> ChangeError {
        ChangeError::Refused(ApiRefused {
            action: "Record.Remove",
            code: "8".into(),
            message: "no".into(),
            kind,
            hint: None,
        })
    }

    #[test]
    fn a_refusal_is_the_records_result_or_a_stop_with_nothing_removed() {
        assert_eq!(
            after_failure(&refused(RefusalKind::NotFound)),
            Failure::Result(Removed::Gone)
        );
        assert_eq!(
            after_failure(&refused(RefusalKind::Other)),
            Failure::Result(Removed::Failed(
                "Record.Remove was refused by the API: code 8: no".into()
            ))
        );
        assert_eq!(
            after_failure(&refused(RefusalKind::Auth)),
            Failure::Stop {
                maybe_removed: false
            }
        );
    }

    #[test]
    fn only_a_removal_that_may_have_left_may_have_removed_its_record() {
        let unsent = ChangeError::NotSent(anyhow::anyhow!("could not connect"));
        assert_eq!(
            after_failure(&unsent),
            Failure::Stop {
                maybe_removed: false
            }
        );
        let unknown = ChangeError::Unknown(anyhow::anyhow!("connection reset"));
        assert_eq!(
            after_failure(&unknown),
            Failure::Stop {
                maybe_removed: true
            }
        );
    }
}
