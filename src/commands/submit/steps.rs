//! The executor's entry point for a desired-state plan: its steps scheduled into parts
//! (`schedule/`, as `Backend::capabilities()` says) and sent as one operation.

use super::{Sending, job_size, send, warn_of_the_hourly_limit};
use crate::cli::SubmitArgs;
use crate::error::{Outcome, usage};
use crate::job::{Before, By, Step};
use crate::schedule::schedule;
use crate::session::Session;
use rust_i18n::t;

/// Carries out `steps` as one operation of `command` (`apply`): the fewest jobs and calls
/// the API's limits allow, in the order the vendor needs, each sent once; its history
/// keeps every record it modifies or deletes as the plan read it, and `resume` finishes
/// it. Refused (exit 2, nothing sent) when its jobs pass the hour's limit even with
/// every job that calls can replace sent as calls.
pub(crate) fn submit_steps(
    session: &Session,
    command: &str,
    steps: &[Step],
    args: &SubmitArgs,
) -> anyhow::Result<Outcome> {
    let api = session.capabilities()?;
    let job_size = job_size(args, &api);
    let parts = schedule(steps, &api, job_size);
    if parts.is_empty() {
        return Ok(Outcome::Success);
    }
    let jobs = parts.iter().filter(|part| part.by == By::Job).count();
    if jobs > api.jobs_per_hour {
        return Err(usage(t!(
            "submit.apply_over_hourly_limit",
            jobs = jobs,
            per_hour = api.jobs_per_hour
        )));
    }
    if jobs > 1 && !args.dry_run {
        warn_of_the_hourly_limit(session, jobs, api.jobs_per_hour);
    }
    let before: Vec<Before> = steps.iter().filter_map(Step::kept).collect();
    let operation = Sending::new(job_size, &parts, &before);
    let numbered: Vec<_> = parts.into_iter().enumerate().collect();
    send(session, command, Some(operation), &numbered, args, &before)
}

#[cfg(test)]
mod tests;
