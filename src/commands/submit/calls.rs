//! A part sent one call a record, where the API has no job for it (the legacy API's
//! Record.Remove) or a call is quicker (an apply's records created or modified whole,
//! `steps.rs`): each call sent once, paced by the transport. Before each call the run
//! writes a history line naming it (by its key, `Part::call_keys`) and how the call before
//! it ended, so that `resume` sends only the records no call went for, even after a run
//! killed mid-part (the call in flight then counts as of unknown outcome).

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

mod steps;
#[cfg(test)]
mod tests;

/// What a run of calls has not yet written on a history line.
#[derive(Default)]
struct Unwritten {
    /// How its calls ended.
    calls: Calls,
    /// Their places in the part.
    sent: Vec<usize>,
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
        check(part)?;
        let keys = part.call_keys();
        let (mut sent, mut unwritten) = (0, Unwritten::default());
        let ended = self.calls(index, part, &keys, &mut sent, &mut unwritten);
        if ended.is_err() {
            let left: Vec<usize> = (sent..keys.len()).collect();
            self.rest = (!left.is_empty()).then(|| (index, part.with_calls(&left)));
        }
        if !unwritten.calls.is_empty() {
            unwritten.failing = false;
            self.write_calls(index, part, &mut unwritten, None);
        }
        ended
    }

    /// One call a record of the part in turn, until one stops the run; `sent` counts the
    /// calls that went.
    fn calls(
        &mut self,
        index: usize,
        part: &Part,
        keys: &[u64],
        sent: &mut usize,
        unwritten: &mut Unwritten,
    ) -> Result<(), Stop> {
        for (at, &key) in keys.iter().enumerate() {
            if signal::interrupted() {
                return Err(Stop::Interrupted);
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(Stop::TimedOut);
            }
            self.write_calls(index, part, unwritten, Some((at, key)));
            let (end, created, shown) = self.call(part, at);
            unwritten.calls.push(key, end);
            unwritten.calls.created.extend(created.map(|id| [key, id]));
            if end != CallEnd::Unsent {
                *sent += 1;
            }
            self.shown(part, at, shown?);
        }
        Ok(())
    }

    /// The `at`th call of the part: a record removed, created or modified.
    fn call(&self, part: &Part, at: usize) -> Called {
        match &part.spec {
            JobSpec::RecordDelete {
                record_ids,
                domain_ids,
            } => {
                let (domain_id, record_id) = (domain_ids[at], record_ids[at]);
                self.retried(
                    &format!("record {record_id} was deleted"),
                    &format!("removing record {record_id} (domain ID {domain_id})"),
                    || {
                        self.backend
                            .remove_record(domain_id, record_id)
                            .map(|()| None)
                    },
                )
            }
            JobSpec::RecordSteps { steps } => self.step(&steps[at]),
            _ => (
                CallEnd::Unsent,
                None,
                Err(Stop::Failed(anyhow!("not a call"))),
            ),
        }
    }

    /// One call, sent again after a pause while the API refuses it for the rate: a
    /// refusal (nothing was done), which pacing at the vendor's rate still meets when the
    /// network bunches calls together. `done` says what a lost answer leaves unknown,
    /// `doing` what the call was doing.
    fn retried(
        &self,
        done: &str,
        doing: &str,
        send: impl Fn() -> Result<Option<u64>, ChangeError>,
    ) -> Called {
        let mut tries = 1;
        loop {
            signal::set_last_words(Some(format!(
                "interrupted again: whether {done} is unknown; check the DNSPod console before resuming"
            )));
            let answer = send();
            signal::set_last_words(None);
            let over_rate = matches!(&answer, Err(ChangeError::Refused(refused)) if refused.kind == RefusalKind::RateLimited);
            if !over_rate || tries == RATE_TRIES {
                return match ended(answer) {
                    (end, id, Err(Stop::Unknown(err))) => {
                        (end, id, Err(Stop::Unknown(err.context(doing.to_owned()))))
                    }
                    other => other,
                };
            }
            if let Err(stop) = self.pause(tries) {
                return (CallEnd::Unsent, None, Err(stop));
            }
            tries += 1;
        }
    }

    /// As after a slot refusal: the polling interval, doubled per refusal.
    fn pause(&self, tries: u32) -> Result<(), Stop> {
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
            return Err(Stop::Interrupted);
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(Stop::TimedOut);
        }
        Ok(())
    }

    /// Writes what `unwritten` holds, and the call about to be sent, on a line of the
    /// `index`th part; kept for the next line when it cannot be written.
    fn write_calls(
        &mut self,
        index: usize,
        part: &Part,
        unwritten: &mut Unwritten,
        sending: Option<(usize, u64)>,
    ) {
        unwritten.sent.extend(sending.map(|(at, _)| at));
        if unwritten.failing {
            return;
        }
        let calls = Calls {
            sending: sending.map(|(_, key)| key),
            ..unwritten.calls.clone()
        };
        let (spec, before) = match unwritten.started {
            false => (part.spec.clone(), self.before_of(part, None)),
            true => (part.with_calls(&unwritten.sent).spec, None),
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
        let steps = self.show_steps();
        if self.removed.is_empty() {
            return Ok(steps);
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
            weight: None,
            remark: None,
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
        Ok(if failed { Outcome::ItemsFailed } else { steps })
    }
}

/// Why a part cannot be sent as calls, if it cannot.
fn check(part: &Part) -> Result<(), Stop> {
    match &part.spec {
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } if domain_ids.len() != record_ids.len() => Err(Stop::Failed(anyhow!(
            "the part names the domain of {} of its {} records, and a record is deleted in its domain; nothing of this part was sent",
            domain_ids.len(),
            record_ids.len()
        ))),
        JobSpec::RecordDelete { .. } | JobSpec::RecordSteps { .. } => Ok(()),
        _ => Err(Stop::Failed(anyhow!(
            "only deletions and an apply's records are sent one call a record; nothing of this part was sent"
        ))),
    }
}

/// How a call ended, the record it created, and what it shows or why it stops the run:
/// a refusal of the record alone does not stop it; a refusal of every call (the login, a
/// lock, the rate), a call not sent or a lost answer does.
fn ended(answer: Result<Option<u64>, ChangeError>) -> Called {
    let shown = match answer {
        Ok(created) => return (CallEnd::Done, created, Ok(Removed::Deleted)),
        Err(ChangeError::Refused(refused)) => match refused.kind {
            RefusalKind::NotFound => Removed::Gone,
            RefusalKind::Other => Removed::Failed(refused.to_string()),
            _ => {
                let stop = Stop::Failed(ChangeError::Refused(refused).into());
                return (CallEnd::Unsent, None, Err(stop));
            }
        },
        Err(err @ ChangeError::NotSent(_)) => {
            return (CallEnd::Unsent, None, Err(Stop::Failed(err.into())));
        }
        Err(err @ ChangeError::Unknown(_)) => {
            return (CallEnd::Unknown, None, Err(Stop::Unknown(err.into())));
        }
    };
    (shown.end(), None, Ok(shown))
}

/// How a call ended, the ID of the record it created, and what it shows or why the run
/// stops.
type Called = (CallEnd, Option<u64>, Result<Removed, Stop>);
