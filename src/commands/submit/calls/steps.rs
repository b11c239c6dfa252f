//! The calls of an apply's steps: a record created or modified whole (a delete among
//! them is a Record.Remove), and how they came out, on stderr for those that did not.

use super::{Called, Caller, Run};
use crate::backend::CreateError;
use crate::error::Outcome;
use crate::history::{CallEnd, Removed};
use crate::job::{Action, JobSpec, Part, Step};
use rust_i18n::t;
use std::cell::Cell;

impl Caller<'_> {
    /// One step's call.
    pub(super) fn step(&self, step: &Step) -> Called {
        let backend = self.backend;
        let doing = t!("calls.sending_step", step = step.describe()).into_owned();
        match step.action {
            Action::Create => self.create(step, &doing),
            Action::Modify => self.retried(&doing, || backend.modify_record(step).map(|()| None)),
            Action::Delete => self.retried(&doing, || backend.delete_record(step).map(|()| None)),
        }
    }

    /// A create's call. A record made whose remark then failed is that record's failure,
    /// its ID kept (undo deletes it, resume never makes it again); it stops nothing, as
    /// the create was answered.
    fn create(&self, step: &Step, doing: &str) -> Called {
        let half = Cell::new(None);
        let called = self.retried(doing, || match self.backend.create_record(step) {
            Ok(id) => Ok(Some(id)),
            Err(CreateError {
                made: Some(id),
                error,
            }) => {
                half.set(Some((id, anyhow::Error::from(error))));
                Ok(Some(id))
            }
            Err(CreateError { made: None, error }) => Err(error),
        });
        match half.take() {
            Some((id, err)) => {
                let why = format!("{err:#}");
                let failed = Removed::Failed {
                    shown: t!("calls.remark_failed", id = id, why = why).into_owned(),
                    english: t!("calls.remark_failed", locale = "en", id = id, why = why)
                        .into_owned(),
                };
                (CallEnd::Failed, Some(id), Ok(failed))
            }
            None => called,
        }
    }
}

impl Run<'_> {
    /// Keeps how the `at`th call of the part came out, for the results.
    pub(super) fn shown(&mut self, part: &Part, at: usize, shown: Removed) {
        match &part.spec {
            JobSpec::RecordSteps { steps } => self.stepped.push((steps[at].clone(), shown)),
            _ => self.removed.push((part.call_keys()[at], shown)),
        }
    }

    /// Says which steps' calls were refused or found their record gone, on stderr; exit
    /// 4 when one was refused.
    pub(super) fn show_steps(&self) -> Outcome {
        let mut outcome = Outcome::Success;
        for (step, shown) in &self.stepped {
            match shown {
                Removed::Deleted => {}
                Removed::Gone => self
                    .session
                    .output
                    .warn(&t!("calls.step_gone", step = step.describe())),
                Removed::Failed { shown: why, .. } => {
                    outcome = Outcome::ItemsFailed;
                    self.session.output.warn(&t!(
                        "calls.step_refused",
                        step = step.describe(),
                        why = why
                    ));
                }
            }
        }
        outcome
    }
}
