//! One call of a part sent as calls, on a worker thread: what it asks of the backend, and
//! the same call again after a pause while the API refuses it for the rate.

use super::{Called, ended};
use crate::backend::{Backend, ChangeError};
use crate::commands::submit::MAX_SLOT_PAUSE;
use crate::commands::submit::stop::Stop;
use crate::error::RefusalKind;
use crate::history::CallEnd;
use crate::job::{JobSpec, Part};
use crate::wait::{Pacer, SignalPacer};
use anyhow::anyhow;
use rust_i18n::t;
use std::time::{Duration, Instant};

/// Tries of a call the API refuses for the rate before the refusal stops the run.
const RATE_TRIES: u32 = 4;

/// What a call needs of the run: shared by the threads that send calls.
pub(super) struct Caller<'a> {
    pub backend: &'a dyn Backend,
    /// The polling interval: the first pause after a rate refusal is twice it.
    pub interval: Duration,
    pub deadline: Option<Instant>,
}

impl Caller<'_> {
    /// The `at`th call of the part: a record removed, created or modified.
    pub(super) fn call(&self, part: &Part, at: usize) -> Called {
        match &part.spec {
            JobSpec::RecordDelete {
                record_ids,
                domain_ids,
            } => {
                let (domain_id, record_id) = (domain_ids[at], record_ids[at]);
                self.retried(
                    &t!(
                        "calls.removing",
                        record_id = record_id,
                        domain_id = domain_id
                    ),
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
    /// network bunches calls together. `doing` says what the call was doing.
    pub(super) fn retried(
        &self,
        doing: &str,
        send: impl Fn() -> Result<Option<u64>, ChangeError>,
    ) -> Called {
        let mut tries = 1;
        loop {
            let answer = send();
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
        let pause = self.interval.saturating_mul(1 << tries).min(MAX_SLOT_PAUSE);
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
}
