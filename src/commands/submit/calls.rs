//! A part sent one call a record, where the API has no job for it (the legacy API's
//! Record.Remove): each call sent once, paced by the transport, and how each ended kept
//! on the part's history line, so that `resume` sends only the records no call went for.

use super::Run;
use super::stop::Stop;
use crate::backend::ChangeError;
use crate::error::{Outcome, RefusalKind};
use crate::history::{Calls, Entry};
use crate::job::{Before, JobSpec, Part};
use crate::signal;
use crate::undo::Removed;
use anyhow::anyhow;
use std::time::Instant;

impl Run<'_> {
    /// Sends the `index`th part one call a record and records how the calls ended; a
    /// stop mid-way leaves the records not sent in `rest`.
    pub(super) fn call_each(&mut self, index: usize, part: &Part) -> Result<(), Stop> {
        let JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } = &part.spec
        else {
            return Err(Stop::Failed(anyhow!(
                "only deletions are sent one call a record; nothing of this part was sent"
            )));
        };
        if domain_ids.len() != record_ids.len() {
            return Err(Stop::Failed(anyhow!(
                "the part names the domain of {} of its {} records, and a record is deleted in its domain; nothing of this part was sent",
                domain_ids.len(),
                record_ids.len()
            )));
        }
        let mut calls = Calls::default();
        let pairs: Vec<(u64, u64)> = domain_ids
            .iter()
            .copied()
            .zip(record_ids.iter().copied())
            .collect();
        let ended = self.calls(&pairs, &mut calls);
        if ended.is_err() {
            let left = &pairs[calls.sent().count()..];
            self.rest = (!left.is_empty()).then(|| (index, rest(part, left)));
        }
        if !calls.is_empty() {
            let entry = Entry {
                before: self.before_of(part, None),
                calls: Some(calls),
                ..Entry::new(None, &part.spec, &self.session.account())
            };
            self.append(entry, index, part);
        }
        ended
    }

    /// One call a `(domain, record)` pair in turn, until one stops the run.
    fn calls(&mut self, pairs: &[(u64, u64)], calls: &mut Calls) -> Result<(), Stop> {
        for &(domain_id, record_id) in pairs {
            if signal::interrupted() {
                return Err(Stop::Interrupted);
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(Stop::TimedOut);
            }
            signal::set_last_words(Some(format!(
                "interrupted again: whether record {record_id} was deleted is unknown; check the DNSPod console before resuming"
            )));
            let removed = self.backend.remove_record(domain_id, record_id);
            signal::set_last_words(None);
            let result = match removed {
                Ok(()) => (&mut calls.done, Removed::Deleted),
                Err(ChangeError::Refused(refused)) => match refused.kind {
                    RefusalKind::NotFound => (&mut calls.gone, Removed::Gone),
                    RefusalKind::Other => (&mut calls.failed, Removed::Failed(refused.to_string())),
                    // A login failure, a lock or a rate limit: nothing more is sent.
                    _ => return Err(Stop::Failed(ChangeError::Refused(refused).into())),
                },
                Err(err @ ChangeError::NotSent(_)) => return Err(Stop::Failed(err.into())),
                Err(err @ ChangeError::Unknown(_)) => {
                    calls.unknown.push(record_id);
                    return Err(Stop::Unknown(err.into()));
                }
            };
            result.0.push(record_id);
            self.removed.push((record_id, result.1));
        }
        Ok(())
    }

    /// How the calls ended, on stdout, with the records as dpbatch read them; exit 4 when
    /// one was refused.
    pub(super) fn show_calls(&self) -> anyhow::Result<Outcome> {
        if self.removed.is_empty() {
            return Ok(Outcome::Success);
        }
        let unread = |record_id| Before {
            domain: "-".into(),
            record_id,
            host: None,
            record_type: None,
            line: None,
            value: None,
            ttl: None,
            mx: None,
            enabled: None,
        };
        let records: Vec<Before> = self
            .removed
            .iter()
            .map(|(id, _)| {
                self.before
                    .get(id)
                    .map_or_else(|| unread(*id), |b| (*b).clone())
            })
            .collect();
        let rows: Vec<(&Before, &Removed)> = records
            .iter()
            .zip(self.removed.iter().map(|(_, r)| r))
            .collect();
        self.session.output.removals(&rows)?;
        let failed = self
            .removed
            .iter()
            .any(|(_, r)| matches!(r, Removed::Failed(_)));
        Ok(if failed {
            Outcome::ItemsFailed
        } else {
            Outcome::Success
        })
    }
}

/// `part` holding only the `(domain, record)` pairs `left`.
fn rest(part: &Part, left: &[(u64, u64)]) -> Part {
    Part {
        spec: JobSpec::RecordDelete {
            record_ids: left.iter().map(|(_, record)| *record).collect(),
            domain_ids: left.iter().map(|(domain, _)| *domain).collect(),
        },
        ..part.clone()
    }
}
