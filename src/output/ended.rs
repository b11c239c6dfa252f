//! How following jobs ended, as stderr says it: a timeout or an interrupt (the jobs go
//! on), or a finished job's failed items.

use crate::duration::display_duration;
use crate::job::{Job, Tally};
use crate::stderr::log;
use crate::wait::Watched;
use rust_i18n::t;
use std::time::Duration;

/// The jobs waited for, as a timeout or an interrupt names them: `job 7`, `jobs 7,8`.
fn subject(watched: &[Watched]) -> String {
    match watched {
        [one] => t!("output.job", id = one.job_id).into_owned(),
        _ => {
            let ids: Vec<String> = watched.iter().map(|w| w.job_id.to_string()).collect();
            t!("output.jobs", ids = ids.join(",")).into_owned()
        }
    }
}

/// `timed out after 5s waiting for job 7 (…); the job goes on: RESUME`.
pub(super) fn timed_out(
    watched: &[Watched],
    seen: &[(u64, &Job)],
    timeout: Option<Duration>,
    resume: &str,
) -> String {
    let after = display_duration(timeout.unwrap_or_default());
    let (subject, pending) = (subject(watched), still_pending(watched, seen));
    let line = match watched.len() {
        1 => t!(
            "output.timed_out.one",
            after = after,
            subject = subject,
            pending = pending,
            resume = resume
        ),
        _ => t!(
            "output.timed_out.many",
            after = after,
            subject = subject,
            pending = pending,
            resume = resume
        ),
    };
    line.into_owned()
}

/// `interrupted; job 7 goes on: RESUME`.
pub(super) fn interrupted(watched: &[Watched], resume: &str) -> String {
    let subject = subject(watched);
    let line = match watched.len() {
        1 => t!("output.interrupted.one", subject = subject, resume = resume),
        _ => t!(
            "output.interrupted.many",
            subject = subject,
            resume = resume
        ),
    };
    line.into_owned()
}

/// What a timeout leaves waiting or running, as far as the jobs were seen.
fn still_pending(watched: &[Watched], seen: &[(u64, &Job)]) -> String {
    if seen.len() < watched.len() {
        return t!("output.items_unknown").into_owned();
    }
    let t = seen
        .iter()
        .map(|(_, job)| job.tally())
        .fold(Tally::default(), Tally::plus);
    let pending = t.waiting + t.running;
    t!("output.items_pending", pending = pending, total = t.total).into_owned()
}

/// On stderr, whether a finished job has failed items.
pub(super) fn verdict(job_id: u64, job: &Job) {
    let tally = job.tally();
    if tally.finished() && tally.failed > 0 {
        log(&t!(
            "output.finished_failed",
            id = job_id,
            failed = tally.failed,
            total = tally.total
        ));
    }
}
