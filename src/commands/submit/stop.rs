//! How a stopped operation ends: the parts it sent, the one of unknown outcome, and the
//! parts not sent, on stderr; then the exit code of why it stopped.

use crate::error::Outcome;
use crate::job::{JobSpec, Part, count};
use crate::session::Session;
use crate::split::size;
use crate::wait::Watch;

/// Why an operation stopped before its last part was sent.
pub(super) enum Stop {
    Interrupted,
    TimedOut,
    /// The part was refused, or could not be sent: it was not made.
    Failed(anyhow::Error),
    /// The part may have been made: its outcome is unknown.
    Unknown(anyhow::Error),
    /// The part was made, but its job id could not be written to stdout.
    Unwritable(anyhow::Error),
}

/// Says what a stopped operation sent and did not, and how it came out: the refusal or
/// the unknown outcome as the error, or exit 130 or 5.
pub(super) fn stopped(
    session: &Session,
    watch: &Watch,
    first_job: Option<u64>,
    parts: &[(usize, Part)],
    stopped_at: usize,
    stop: Stop,
) -> anyhow::Result<Outcome> {
    let submitted: Vec<u64> = watch.jobs.iter().map(|job| job.job_id).collect();
    let unknown = matches!(stop, Stop::Unknown(_)).then(|| &parts[stopped_at]);
    // The part stopped at was sent when its outcome is unknown or only stdout failed.
    let sent = matches!(stop, Stop::Unknown(_) | Stop::Unwritable(_));
    let unsent = &parts[stopped_at + usize::from(sent)..];
    // A job alone says all in its error; an operation lists its parts.
    if parts.len() > 1 || first_job.is_some() {
        report(&submitted, first_job, unknown, unsent);
    }
    match stop {
        Stop::Interrupted => Ok(Outcome::Interrupted),
        Stop::TimedOut => {
            session
                .output
                .note("--timeout passed before every part was sent");
            Ok(Outcome::TimedOut)
        }
        Stop::Failed(err) | Stop::Unknown(err) | Stop::Unwritable(err) => Err(err),
    }
}

/// The three lists of a stopped operation on stderr.
fn report(
    submitted: &[u64],
    first_job: Option<u64>,
    unknown: Option<&(usize, Part)>,
    unsent: &[(usize, Part)],
) {
    let log = crate::stderr::log;
    let ids: Vec<String> = submitted.iter().map(u64::to_string).collect();
    log(&format!(
        "stopped: {} submitted{}",
        count(submitted.len(), "job"),
        if ids.is_empty() {
            String::new()
        } else {
            format!(": {}", ids.join(","))
        }
    ));
    if let Some((index, part)) = unknown {
        log(&format!(
            "part {} ({}): the outcome of its submit is unknown; check the DNSPod console for it before resuming, resume never sends it",
            index + 1,
            count(size(&part.spec), "record")
        ));
    }
    if unsent.is_empty() {
        return;
    }
    // Nothing in the history names the operation yet when nothing reached it.
    let resume = match (first_job, unknown) {
        (Some(job_id), _) => job_id.to_string(),
        (None, Some(_)) => "--last".to_owned(),
        (None, None) => {
            log("nothing was submitted: run the command again to send it");
            return;
        }
    };
    let specs: Vec<JobSpec> = unsent.iter().map(|(_, part)| part.spec.clone()).collect();
    let places: Vec<String> = unsent
        .iter()
        .map(|(index, _)| (index + 1).to_string())
        .collect();
    log(&format!(
        "{} not sent (parts {}, {}): send them with `dpbatch resume {resume}`",
        count(unsent.len(), "part"),
        places.join(","),
        JobSpec::summary_of(&specs)
    ));
}
