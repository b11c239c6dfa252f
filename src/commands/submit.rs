//! Submitting: each job sent once and recorded, its id printed as soon as it is accepted,
//! then, with `--wait`, each followed in turn. A dry run prints the requests instead.

use super::follow::{check_interval, follow};
use crate::backend::Backend;
use crate::cli::SubmitArgs;
use crate::error::{Outcome, OutcomeUnknown};
use crate::history::Entry;
use crate::job::JobSpec;
use crate::session::Session;
use crate::signal;
use anyhow::anyhow;

/// Submits `jobs` in order (`retry_of`: the job they retry), or shows them with
/// `--dry-run`. The outcome is the worst of the jobs followed.
pub(crate) fn submit(
    session: &Session,
    jobs: &[JobSpec],
    args: &SubmitArgs,
    retry_of: Option<u64>,
) -> anyhow::Result<Outcome> {
    if args.wait {
        check_interval(session, &args.timing)?;
    }
    if args.dry_run {
        let backend = session.previewer()?;
        for spec in jobs {
            session.output.dry_run(&backend.preview(spec))?;
        }
        return Ok(Outcome::Success);
    }
    let backend = session.backend()?;
    let mut submitted = Vec::with_capacity(jobs.len());
    for spec in jobs {
        let job_id = match submit_one(session, backend, spec, retry_of) {
            Ok(job_id) => job_id,
            Err(err) if submitted.is_empty() => return Err(err),
            Err(err) => {
                return Err(err.context(format!(
                    "jobs {} were submitted before this failure",
                    join_ids(&submitted)
                )));
            }
        };
        if args.wait {
            session.output.hint(&format!(
                "submitted job {job_id}; waiting for it (Ctrl-C stops waiting, not the job)"
            ));
        } else {
            // The job exists whatever happens to stdout: stderr must name it then.
            session
                .output
                .submitted(job_id, spec.command())
                .map_err(|err| {
                    anyhow!(
                        "job {job_id} was submitted, but its id could not be written to stdout ({}); `dpbatch jobs` lists it",
                        err.root_cause()
                    )
                })?;
        }
        submitted.push(job_id);
    }
    if !args.wait {
        return Ok(Outcome::Success);
    }
    let mut worst = Outcome::Success;
    for job_id in submitted {
        worst = worst.worst(follow(session, backend, job_id, &args.timing)?);
        if worst == Outcome::Interrupted {
            break;
        }
    }
    Ok(worst)
}

/// Sends one submit and records it: its job id or, when the request may have reached
/// DNSPod without an answer, its unknown outcome. A second Ctrl-C while it is in flight
/// still says so.
fn submit_one(
    session: &Session,
    backend: &dyn Backend,
    spec: &JobSpec,
    retry_of: Option<u64>,
) -> anyhow::Result<u64> {
    signal::set_last_words(Some(format!(
        "interrupted again: the outcome of the {} submit is unknown; check the DNSPod console before submitting again",
        spec.command()
    )));
    let submitted = backend.submit(spec);
    signal::set_last_words(None);
    match &submitted {
        Ok(job_id) => remember(session, Some(*job_id), spec, retry_of),
        Err(err) if err.downcast_ref::<OutcomeUnknown>().is_some() => {
            remember(session, None, spec, retry_of);
        }
        Err(_) => {}
    }
    submitted
}

/// Records a submit that made a job, or may have (`job_id` `None`: outcome unknown); the
/// job exists either way, so a failure to record only warns.
fn remember(session: &Session, job_id: Option<u64>, spec: &JobSpec, retry_of: Option<u64>) {
    let Some(history) = &session.history else {
        return;
    };
    let entry = Entry {
        retry_of,
        ..Entry::new(job_id, spec, &session.account())
    };
    if let Err(err) = history.append(&entry) {
        session.output.warn(&format!("{err:#}"));
    }
}

pub(crate) fn join_ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}
