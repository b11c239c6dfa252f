//! A part sent one call a record, where the API has no job for it (the legacy API's
//! Record.Remove): each call sent once, paced by the transport. Before each call the run
//! writes a history line naming it and how the call before it ended, so that `resume`
//! sends only the records no call went for, even after a run killed mid-part (the call in
//! flight then counts as of unknown outcome).

use super::stop::Stop;
use super::{MAX_SLOT_PAUSE, Run};
use crate::backend::ChangeError;
use crate::error::{Outcome, RefusalKind};
use crate::history::{CallEnd, Calls, Entry, Removed};
use crate::job::{Before, JobSpec, Part};
use crate::signal;
use crate::wait::{Pacer, SignalPacer};
use anyhow::anyhow;
use std::time::Instant;

/// Tries of a call the API refuses for the rate before the refusal stops the run.
const RATE_TRIES: u32 = 4;

#[cfg(test)]
mod tests;

/// What a run of calls has not yet written on a history line.
#[derive(Default)]
struct Unwritten {
    /// How its calls ended.
    calls: Calls,
    /// Their `(domain, record)` pairs.
    pairs: Vec<(u64, u64)>,
    /// Whether the run's first line (the part whole, its records as they were) is written.
    started: bool,
    /// Whether a line could not be written: the rest wait for the run's last line, so a
    /// broken history warns once or twice, not once a call.
    failing: bool,
}

impl Run<'_> {
    /// Sends the `index`th part one call a record, each call on record before it is sent;
    /// a stop mid-way leaves the records not sent in `rest`.
    pub(super) fn call_each(&mut self, index: usize, part: &Part) -> Result<(), Stop> {
        let pairs = pairs(part)?;
        let (mut sent, mut unwritten) = (0, Unwritten::default());
        let ended = self.calls(index, part, &pairs, &mut sent, &mut unwritten);
        if ended.is_err() {
            let left = &pairs[sent..];
            self.rest = (!left.is_empty()).then(|| (index, rest(part, left)));
        }
        if !unwritten.calls.is_empty() {
            unwritten.failing = false;
            self.write_calls(index, part, &mut unwritten, None);
        }
        ended
    }

    /// One call a `(domain, record)` pair in turn, until one stops the run; `sent` counts
    /// the calls that went.
    fn calls(
        &mut self,
        index: usize,
        part: &Part,
        pairs: &[(u64, u64)],
        sent: &mut usize,
        unwritten: &mut Unwritten,
    ) -> Result<(), Stop> {
        for &(domain_id, record_id) in pairs {
            if signal::interrupted() {
                return Err(Stop::Interrupted);
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(Stop::TimedOut);
            }
            self.write_calls(index, part, unwritten, Some((domain_id, record_id)));
            let (end, shown) = self.remove(domain_id, record_id);
            unwritten.calls.push(record_id, end);
            if end != CallEnd::Unsent {
                *sent += 1;
            }
            self.removed.push((record_id, shown?));
        }
        Ok(())
    }

    /// One record's call; sent again after a pause while the API refuses it for the rate:
    /// a refusal (nothing was done), which pacing at the vendor's rate still meets when
    /// the network bunches calls together.
    fn remove(&self, domain_id: u64, record_id: u64) -> (CallEnd, Result<Removed, Stop>) {
        let mut tries = 1;
        loop {
            signal::set_last_words(Some(format!(
                "interrupted again: whether record {record_id} was deleted is unknown; check the DNSPod console before resuming"
            )));
            let removed = self.backend.remove_record(domain_id, record_id);
            signal::set_last_words(None);
            let over_rate = matches!(&removed, Err(ChangeError::Refused(refused)) if refused.kind == RefusalKind::RateLimited);
            if !over_rate || tries == RATE_TRIES {
                return match ended(removed) {
                    (end, Err(Stop::Unknown(err))) => (
                        end,
                        Err(Stop::Unknown(err.context(format!(
                            "removing record {record_id} (domain ID {domain_id})"
                        )))),
                    ),
                    other => other,
                };
            }
            // As after a slot refusal: the polling interval, doubled per refusal.
            let pause = self
                .args
                .timing
                .interval
                .saturating_mul(1 << tries)
                .min(MAX_SLOT_PAUSE);
            let pause = self.deadline.map_or(pause, |d| {
                pause.min(d.saturating_duration_since(Instant::now()))
            });
            if !SignalPacer.sleep(pause) {
                return (CallEnd::Unsent, Err(Stop::Interrupted));
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return (CallEnd::Unsent, Err(Stop::TimedOut));
            }
            tries += 1;
        }
    }

    /// Writes what `unwritten` holds, and the call about to be sent, on a line of the
    /// `index`th part; kept for the next line when it cannot be written.
    fn write_calls(
        &mut self,
        index: usize,
        part: &Part,
        unwritten: &mut Unwritten,
        sending: Option<(u64, u64)>,
    ) {
        unwritten.pairs.extend(sending);
        if unwritten.failing {
            return;
        }
        let calls = Calls {
            sending: sending.map(|(_, record_id)| record_id),
            ..unwritten.calls.clone()
        };
        let (spec, before) = match unwritten.started {
            false => (part.spec.clone(), self.before_of(part, None)),
            true => (delete(&unwritten.pairs), None),
        };
        let entry = Entry {
            before,
            calls: Some(calls),
            ..Entry::new(None, &spec, &self.session.account())
        };
        if self.append(entry, index, part) {
            *unwritten = Unwritten {
                started: true,
                ..Unwritten::default()
            };
        } else {
            unwritten.failing = true;
        }
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

/// The `(domain, record)` pairs of a part sent as calls, or why it cannot be.
fn pairs(part: &Part) -> Result<Vec<(u64, u64)>, Stop> {
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
    Ok(domain_ids
        .iter()
        .copied()
        .zip(record_ids.iter().copied())
        .collect())
}

/// How a call ended, and what it shows or why it stops the run: a refusal of the record
/// alone does not stop it; a refusal of every call (the login, a lock, the rate), a call
/// not sent or a lost answer does.
fn ended(removed: Result<(), ChangeError>) -> (CallEnd, Result<Removed, Stop>) {
    let shown = match removed {
        Ok(()) => Removed::Deleted,
        Err(ChangeError::Refused(refused)) => match refused.kind {
            RefusalKind::NotFound => Removed::Gone,
            RefusalKind::Other => Removed::Failed(refused.to_string()),
            _ => {
                let stop = Stop::Failed(ChangeError::Refused(refused).into());
                return (CallEnd::Unsent, Err(stop));
            }
        },
        Err(err @ ChangeError::NotSent(_)) => {
            return (CallEnd::Unsent, Err(Stop::Failed(err.into())));
        }
        Err(err @ ChangeError::Unknown(_)) => {
            return (CallEnd::Unknown, Err(Stop::Unknown(err.into())));
        }
    };
    (shown.end(), Ok(shown))
}

/// `part` holding only the `(domain, record)` pairs `left`.
fn rest(part: &Part, left: &[(u64, u64)]) -> Part {
    Part {
        spec: delete(left),
        ..part.clone()
    }
}

/// A deletion of the `(domain, record)` pairs `pairs`.
fn delete(pairs: &[(u64, u64)]) -> JobSpec {
    JobSpec::RecordDelete {
        record_ids: pairs.iter().map(|(_, record)| *record).collect(),
        domain_ids: pairs.iter().map(|(domain, _)| *domain).collect(),
    }
}
