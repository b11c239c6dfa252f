//! The operation being sent: the tag of its parts' history lines, and the lock held while
//! its parts are sent.

use crate::history::{OperationId, OperationLock, OperationTag};
use crate::job::{Before, By, JobSpec, Part, Plan};
use crate::session::Session;
use rust_i18n::t;
use std::collections::HashSet;

/// An operation of several parts, or of parts sent as calls, being sent: the tag of its
/// lines (the first carries the plan), and what the stop report and the slots need.
pub(crate) struct Sending {
    pub id: OperationId,
    pub plan: Option<Plan>,
    /// How many parts the operation has, for messages.
    pub parts: usize,
    /// Its jobs sent by an earlier run (`resume`), unfinished until polled: they hold
    /// slots of `--max-jobs` too.
    pub earlier_jobs: Vec<u64>,
    /// A job of the operation, for `resume` to name it by.
    pub first_job: Option<u64>,
    /// Whether the history holds a line of it, so that `resume --last` finds it.
    pub recorded: bool,
    /// Held while its parts are sent, so that no `resume` sends them too.
    pub lock: Option<OperationLock>,
}

impl Sending {
    /// A new operation of `parts`; `before` the records as dpbatch read them, of which
    /// the plan keeps those its calls delete.
    pub(super) fn new(job_size: usize, parts: &[Part], before: &[Before]) -> Sending {
        let by_call: HashSet<u64> = parts
            .iter()
            .filter(|part| part.by == By::Calls)
            .flat_map(|part| match &part.spec {
                JobSpec::RecordDelete { record_ids, .. } => record_ids.clone(),
                _ => Vec::new(),
            })
            .collect();
        let deleted = before
            .iter()
            .filter(|b| by_call.contains(&b.record_id))
            .cloned()
            .collect();
        Sending {
            id: OperationId::new(),
            plan: Some(Plan {
                job_size,
                parts: parts.to_vec(),
                deleted,
            }),
            parts: parts.len(),
            earlier_jobs: Vec::new(),
            first_job: None,
            recorded: false,
            lock: None,
        }
    }

    /// Takes the operation's lock before its first line is written, which is when a
    /// `resume` can find it. Without one (no history, or it could not be made) a `resume`
    /// beside this run is not refused: said, and sent all the same.
    pub(super) fn hold(&mut self, session: &Session) {
        if self.lock.is_some() {
            return;
        }
        let Some(history) = &session.history else {
            return;
        };
        match history.lock_operation(&self.id) {
            Ok(lock) => self.lock = lock,
            Err(err) => session
                .output
                .warn(&t!("submit.unlocked", why = format!("{err:#}"))),
        }
    }

    pub(super) fn tag(&mut self, part: usize) -> OperationTag {
        OperationTag {
            id: self.id.clone(),
            part,
            plan: self.plan.take(),
        }
    }
}
