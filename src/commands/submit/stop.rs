//! How a stopped operation ends: the parts it sent, the one of unknown outcome, and the
//! parts not sent, on stderr; then the exit code of why it stopped.

use crate::error::Outcome;
use crate::i18n::counted::counted as count;
use crate::job::{By, JobSpec, Part};
use crate::session::Session;
use crate::split::size;
use rust_i18n::t;

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

/// What a stopped operation leaves.
pub(super) struct Left<'a> {
    /// The jobs it submitted.
    pub jobs: Vec<u64>,
    /// A job of the operation, for `resume` to name it by.
    pub first_job: Option<u64>,
    /// Whether the history holds a line of it (`resume --last` finds it).
    pub recorded: bool,
    /// The parts this run was to send, with their places in the operation.
    pub parts: &'a [(usize, Part)],
    /// Where in `parts` it stopped.
    pub at: usize,
    /// Of a part sent as calls that stopped mid-way, the records not sent.
    pub rest: Option<(usize, Part)>,
    /// How many calls (one a record) were answered, listed on stdout.
    pub calls: usize,
    /// How many calls of an apply's steps were answered (refusals warned of).
    pub steps: usize,
}

/// Says what a stopped operation sent and did not, and how it came out: the refusal or
/// the unknown outcome as the error, or exit 130 or 5.
pub(super) fn stopped(session: &Session, left: Left<'_>, stop: Stop) -> anyhow::Result<Outcome> {
    let Left { parts, at, .. } = left;
    let by_calls = parts[at].1.by == By::Calls;
    // A call's unknown outcome is its record's alone (its error names it).
    let unknown = (matches!(stop, Stop::Unknown(_)) && !by_calls).then(|| &parts[at]);
    // The part stopped at was sent when its outcome is unknown or only stdout failed; of
    // one sent as calls, what is left of it is its rest.
    let sent = by_calls || matches!(stop, Stop::Unknown(_) | Stop::Unwritable(_));
    let unsent: Vec<(usize, Part)> = left
        .rest
        .clone()
        .into_iter()
        .chain(parts[at + usize::from(sent)..].iter().cloned())
        .collect();
    // A job alone says all in its error; an operation lists its parts.
    if parts.len() > 1 || left.first_job.is_some() || left.recorded {
        report(&left, unknown, &unsent);
    }
    match stop {
        Stop::Interrupted => Ok(Outcome::Interrupted),
        Stop::TimedOut => {
            session.output.note(&t!("stop.timed_out"));
            Ok(Outcome::TimedOut)
        }
        Stop::Failed(err) | Stop::Unknown(err) | Stop::Unwritable(err) => Err(err),
    }
}

/// The three lists of a stopped operation on stderr.
fn report(left: &Left<'_>, unknown: Option<&(usize, Part)>, unsent: &[(usize, Part)]) {
    let log = crate::stderr::log;
    let submitted = &left.jobs;
    let ids: Vec<String> = submitted.iter().map(u64::to_string).collect();
    let mut calls = match left.calls {
        0 => String::new(),
        n => t!("stop.calls_answered", calls = count(n, "remove_call")).into_owned(),
    };
    if left.steps > 0 {
        calls += &t!(
            "stop.steps_answered",
            calls = count(left.steps, "record_call")
        );
    }
    let jobs = count(submitted.len(), "job");
    log(&match ids.is_empty() {
        true => t!("stop.submitted_none", jobs = jobs, calls = calls),
        false => t!(
            "stop.submitted",
            jobs = jobs,
            ids = ids.join(","),
            calls = calls
        ),
    });
    if let Some((index, part)) = unknown {
        log(&t!(
            "stop.part_unknown",
            part = index + 1,
            records = count(size(&part.spec), "record")
        ));
    }
    if unsent.is_empty() {
        return;
    }
    // Nothing in the history names the operation yet when nothing reached it.
    let resume = match (left.first_job, unknown) {
        (Some(job_id), _) => job_id.to_string(),
        (None, Some(_)) => "--last".to_owned(),
        (None, None) if left.recorded => "--last".to_owned(),
        (None, None) => {
            log(&t!("stop.nothing_submitted"));
            return;
        }
    };
    let specs: Vec<JobSpec> = unsent.iter().map(|(_, part)| part.spec.clone()).collect();
    log(&t!(
        "stop.not_sent",
        parts = count(unsent.len(), "part"),
        places = places(unsent, left.rest.is_some()),
        what = JobSpec::summary_of(&specs),
        resume = resume
    ));
}

/// `parts 3,4`, or `the rest of part 2, part 3` when the first is what a part sent one
/// call a record did not get to (`rest`).
fn places(unsent: &[(usize, Part)], rest: bool) -> String {
    let numbers = |parts: &[(usize, Part)]| -> Vec<String> {
        parts
            .iter()
            .map(|(index, _)| (index + 1).to_string())
            .collect()
    };
    let (first, whole) = match rest {
        true => (unsent.first().map(|(index, _)| index + 1), &unsent[1..]),
        false => (None, unsent),
    };
    let mut named: Vec<String> = first
        .map(|n| t!("stop.rest_of_part", part = n).into_owned())
        .into_iter()
        .collect();
    match whole.len() {
        0 => {}
        1 => named.push(t!("stop.place_part", part = numbers(whole)[0]).into_owned()),
        _ => named.push(t!("stop.place_parts", parts = numbers(whole).join(",")).into_owned()),
    }
    named.join(&t!("stop.place_separator"))
}
