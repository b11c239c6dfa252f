//! The operation being sent: the tag of its jobs' history lines, and the lock held while
//! its parts are sent.

use crate::history::{OperationLock, OperationTag};
use crate::job::{Part, Plan};
use crate::session::Session;

/// A split operation being sent: the tag of its jobs' history lines (the first carries
/// the plan), and what the stop report and the slots need to know of it.
pub(crate) struct Sending {
    pub id: String,
    pub plan: Option<Plan>,
    /// How many parts the operation has, for messages.
    pub parts: usize,
    /// Its jobs sent by an earlier run (`resume`), unfinished until polled: they hold
    /// slots of `--max-jobs` too.
    pub earlier_jobs: Vec<u64>,
    /// A job of the operation, for `resume` to name it by.
    pub first_job: Option<u64>,
    /// Held while its parts are sent, so that no `resume` sends them too.
    pub lock: Option<OperationLock>,
}

impl Sending {
    pub(super) fn new(job_size: usize, parts: &[Part]) -> Sending {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Sending {
            id: format!("{nanos:x}-{}", std::process::id()),
            plan: Some(Plan {
                job_size,
                parts: parts.to_vec(),
            }),
            parts: parts.len(),
            earlier_jobs: Vec::new(),
            first_job: None,
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
            Err(err) => session.output.warn(&format!(
                "{err:#}; a `resume` of this operation while it is sent would send its parts again"
            )),
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
