//! A part sent one call a record, where the API has no job for it (the legacy API's
//! Record.Remove) or a call is quicker (an apply's records created or modified whole,
//! `steps.rs`): each call sent once, several at once on API 3.0 (`in_flight`), paced by
//! the transport. Before each call this thread writes a history line naming it (by its
//! key, `Part::call_keys`) and how the calls that ended since the last line ended, then
//! hands it to a worker (`caller.rs`), so that `resume` sends only the records no call
//! went for, even after a run killed mid-part (the calls in flight then count as of
//! unknown outcome).

use super::Run;
use super::stop::Stop;
use crate::backend::ChangeError;
use crate::error::{Outcome, RefusalKind};
use crate::history::{CallEnd, Calls, Entry, Removed};
use crate::job::{Before, JobSpec, Part};
use crate::split::Capabilities;
use crate::{parallel, signal};
use anyhow::anyhow;
use caller::Caller;
use rust_i18n::t;
use std::time::Instant;

mod caller;
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

/// A part's calls while they go, as the calling thread keeps them.
struct Flight<'p> {
    index: usize,
    part: &'p Part,
    keys: Vec<u64>,
    /// The place of the next call to start.
    next: usize,
    /// How many calls have ended.
    answered: usize,
    unwritten: Unwritten,
    /// How each call that did not stop the run came out, by its place.
    shown: Vec<Option<Removed>>,
    /// The places of calls that did nothing (refused as a whole, or never sent).
    unsent: Vec<usize>,
    stop: Option<Stop>,
}

/// Calls of a part in flight at once: enough to keep up the API's rate of single-record
/// calls at a round trip of 64 ms (API 3.0's 500 a second: 32); the transport paces them
/// under each action's rate whatever thread sends them. The legacy API documents no
/// rate and is paced at 20 a second: one at a time, as before.
fn in_flight(api: &Capabilities) -> usize {
    (api.calls_per_second * 64 / 1000).clamp(1, 32)
}

impl Run<'_> {
    /// Sends the `index`th part one call a record, several at once, each call on record
    /// before it is sent; a stop starts no more calls, lets those in flight end, and leaves
    /// the records not sent in `rest`.
    pub(super) fn call_each(&mut self, index: usize, part: &Part) -> Result<(), Stop> {
        check(part)?;
        let workers = self.session.capabilities().map_or(1, |api| in_flight(&api));
        let caller = Caller {
            backend: self.backend,
            interval: self.args.timing.interval,
            deadline: self.deadline,
        };
        let keys = part.call_keys();
        let flight = Flight {
            index,
            part,
            shown: vec![None; keys.len()],
            keys,
            next: 0,
            answered: 0,
            unwritten: Unwritten::default(),
            unsent: Vec::new(),
            stop: None,
        };
        signal::set_last_words(Some(t!("calls.last_words").into_owned()));
        let mut state = (&mut *self, flight);
        parallel::feed(
            workers,
            &mut state,
            |(run, flight)| run.start(flight),
            |at| caller.call(part, at),
            |(run, flight), at, called| run.finish(flight, at, called),
        );
        signal::set_last_words(None);
        let (run, flight) = state;
        run.landed(flight)
    }

    /// The place of the next call, on record before it is sent; none once the run stops.
    fn start(&mut self, flight: &mut Flight<'_>) -> Option<usize> {
        if flight.stop.is_some() || flight.next == flight.keys.len() {
            return None;
        }
        if signal::interrupted() {
            flight.stop = Some(Stop::Interrupted);
        } else if self.deadline.is_some_and(|d| Instant::now() >= d) {
            flight.stop = Some(Stop::TimedOut);
        }
        if flight.stop.is_some() {
            return None;
        }
        let at = flight.next;
        flight.next += 1;
        let sending = Some((at, flight.keys[at]));
        self.write_calls(flight.index, flight.part, &mut flight.unwritten, sending);
        Some(at)
    }

    /// Keeps how the `at`th call ended, for the next line; the first stop stops the run,
    /// and a later unknown outcome is named, as the first is by its error.
    fn finish(&mut self, flight: &mut Flight<'_>, at: usize, called: Called) {
        let (end, created, shown) = called;
        let key = flight.keys[at];
        flight.answered += 1;
        let total = flight.keys.len();
        // On the bar as they finish, in whatever order.
        (self.progress).set_label(&t!(
            "calls.progress",
            answered = flight.answered,
            total = total
        ));
        flight.unwritten.calls.push(key, end);
        flight
            .unwritten
            .calls
            .created
            .extend(created.map(|id| [key, id]));
        if end == CallEnd::Unsent {
            flight.unsent.push(at);
        }
        match shown {
            Ok(shown) => flight.shown[at] = Some(shown),
            Err(stop) if flight.stop.is_none() => flight.stop = Some(stop),
            Err(Stop::Unknown(err)) => self.session.output.warn(&format!("{err:#}")),
            Err(_) => {}
        }
    }

    /// Once every call started has ended: the results in the part's order, the records
    /// not sent as `rest`, and the last line.
    fn landed(&mut self, mut flight: Flight<'_>) -> Result<(), Stop> {
        let (index, part) = (flight.index, flight.part);
        self.progress.set_label("jobs");
        for (at, shown) in flight.shown.into_iter().enumerate() {
            if let Some(shown) = shown {
                self.shown(part, at, shown);
            }
        }
        if flight.stop.is_some() {
            let mut left = flight.unsent;
            left.extend(flight.next..flight.keys.len());
            left.sort_unstable();
            self.rest = (!left.is_empty()).then(|| (index, part.with_calls(&left)));
        }
        if !flight.unwritten.calls.is_empty() {
            flight.unwritten.failing = false;
            self.write_calls(index, part, &mut flight.unwritten, None);
        }
        flight.stop.map_or(Ok(()), Err)
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
            ..Before::default()
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
            .any(|(_, r)| matches!(r, Removed::Failed { .. }));
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
            "{}",
            t!(
                "calls.domains_missing",
                named = domain_ids.len(),
                records = record_ids.len()
            )
        ))),
        JobSpec::RecordDelete { .. } | JobSpec::RecordSteps { .. } => Ok(()),
        _ => Err(Stop::Failed(anyhow!("{}", t!("calls.not_by_calls")))),
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
            RefusalKind::Other => Removed::Failed {
                shown: refused.to_string(),
                english: refused.in_english(),
            },
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
