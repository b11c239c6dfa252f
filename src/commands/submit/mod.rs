//! Submitting an operation: its work cut into jobs the vendor takes, each sent once and
//! recorded, its id printed as soon as it is accepted, with at most `--max-jobs` of them
//! unfinished at once; then, with `--wait`, all followed in one loop. A dry run prints
//! the requests instead. An operation that stops early says what it sent, what it may
//! have sent, and what it did not send, for `resume` (`stop.rs`).

mod calls;
mod preview;
mod record;
mod sending;
mod steps;
mod stop;

pub(crate) use sending::Sending;
pub(crate) use steps::submit_steps;

use super::follow::{check_interval, finish_watch, poll_failure};
use crate::backend::{Backend, ChangeError};
use crate::cli::SubmitArgs;
use crate::error::{Outcome, RefusalKind};
use crate::history::Removed;
use crate::job::{Before, By, JobSpec, Part, Step};
use crate::output::Progress;
use crate::session::{Session, unix_now};
use crate::signal;
use crate::split::{Capabilities, split};
use crate::wait::{Ended, Pacer, SignalPacer, Watch, deadline};
use anyhow::anyhow;
pub(crate) use preview::dry_summary;
use preview::preview;
use rust_i18n::t;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use stop::{Left, Stop, stopped};

/// The longest pause before asking again for a job slot that other clients hold.
const MAX_SLOT_PAUSE: Duration = Duration::from_secs(60);

/// Submits `specs` as one operation of `command`; see [`submit_parts`].
pub(crate) fn submit(
    session: &Session,
    command: &str,
    specs: &[JobSpec],
    args: &SubmitArgs,
) -> anyhow::Result<Outcome> {
    let parts: Vec<Part> = specs
        .iter()
        .map(|spec| Part::job(spec.clone(), None))
        .collect();
    submit_parts(session, command, &parts, args, &[])
}

/// The most records a job of this command takes: `--job-size`, else the API's limit.
pub(crate) fn job_size(args: &SubmitArgs, api: &Capabilities) -> usize {
    args.limits.job_size.map_or(api.job_records, usize::from)
}

/// The one executor of a plan: cuts `parts` into parts of at most `--job-size` records,
/// each a job or, where the API has no job for it, one call a record, and sends them as
/// one operation of `command`, or shows them with `--dry-run`. `before`: the records a
/// record-modify changes or a deletion deletes as dpbatch read them, recorded for `undo`
/// (else a submit's echo is). The outcome is the worst of the parts'.
pub(crate) fn submit_parts(
    session: &Session,
    command: &str,
    parts: &[Part],
    args: &SubmitArgs,
    before: &[Before],
) -> anyhow::Result<Outcome> {
    let api = session.capabilities()?;
    let job_size = job_size(args, &api);
    let planned = cut(parts, job_size, &api)?;
    let jobs = planned.iter().filter(|part| part.by == By::Job).count();
    if jobs > 1 && !args.dry_run {
        warn_of_the_hourly_limit(session, jobs, api.jobs_per_hour);
    }
    // Calls are resumed record by record, so they are always an operation's parts.
    let calls = planned.iter().any(|part| part.by == By::Calls);
    // A dry run sends nothing, so it has no operation (whose plan is a copy of every part).
    let sent_as_one = (planned.len() > 1 || calls) && !args.dry_run;
    let operation = sent_as_one.then(|| Sending::new(job_size, &planned, before));
    let numbered: Vec<(usize, Part)> = planned.into_iter().enumerate().collect();
    send(session, command, operation, &numbered, args, before)
}

/// `parts` cut into parts of at most `job_size` records, each sent as the API sends it.
fn cut(parts: &[Part], job_size: usize, api: &Capabilities) -> anyhow::Result<Vec<Part>> {
    let specs: Vec<&JobSpec> = parts.iter().map(|part| &part.spec).collect();
    let planned = split(&specs, job_size, api)?
        .into_iter()
        .map(|(from, spec)| Part {
            by: api.by(&spec),
            spec,
            retry_of: parts[from].retry_of,
            phase: parts[from].phase,
        });
    Ok(planned.collect())
}

/// Warns when this machine's jobs of the last hour and `jobs` more pass the vendor's 80 an
/// hour from one IP address: the last parts may be refused. Only a warning: other
/// machines may share the address, and the history may not hold every job.
pub(super) fn warn_of_the_hourly_limit(session: &Session, jobs: usize, per_hour: usize) {
    let recent = session
        .history
        .as_ref()
        .and_then(|history| history.jobs_since(unix_now().saturating_sub(3600)).ok())
        .unwrap_or_default();
    if recent + jobs > per_hour {
        session.output.warn(&t!(
            "submit.hourly_limit_near",
            recent = recent,
            per_hour = per_hour,
            jobs = jobs
        ));
    }
}

/// Sends `parts` (each with its place in the operation of `command`) in order and, with
/// `--wait`, follows the jobs they make.
pub(crate) fn send(
    session: &Session,
    command: &str,
    mut operation: Option<Sending>,
    parts: &[(usize, Part)],
    args: &SubmitArgs,
    before: &[Before],
) -> anyhow::Result<Outcome> {
    if args.wait {
        check_interval(session, &args.timing)?;
    }
    if args.dry_run {
        return preview(session, parts, before);
    }
    let backend = session.backend()?;
    if let Some(operation) = operation.as_mut() {
        operation.hold(session);
    }
    let deadline = deadline(args.timing.timeout.0, &SignalPacer);
    let mut run = Run {
        session,
        command,
        removed: Vec::new(),
        stepped: Vec::new(),
        rest: None,
        backend,
        args,
        deadline,
        watch: Watch::default(),
        progress: session.output.progress("jobs", args.wait),
        operation: operation.as_mut(),
        before: before.iter().map(|b| (b.record_id, b)).collect(),
    };
    let parts_total = run.operation.as_ref().map_or(parts.len(), |op| op.parts);
    for job_id in run.operation.iter().flat_map(|op| op.earlier_jobs.iter()) {
        run.watch.add(*job_id);
    }
    for (sent, (index, part)) in parts.iter().enumerate() {
        run.progress.jobs_sent(sent, parts.len());
        let earlier = sent.checked_sub(1).map(|at| parts[at].1.phase);
        let ready = run.phase_ready(earlier, part.phase);
        if let Err(stop) = ready.and_then(|()| run.send_part(*index, part, parts_total)) {
            return run.stopped(parts, sent, stop);
        }
    }
    run.progress.jobs_sent(parts.len(), parts.len());
    run.all_sent(parts.len())
}

impl Run<'_> {
    /// Every one of `sent` parts is sent: lets go of the operation's lock (a `resume` now
    /// finds nothing to send, and may say so), shows how its calls ended and, with
    /// `--wait`, follows the jobs.
    fn all_sent(mut self, sent: usize) -> anyhow::Result<Outcome> {
        if let Some(operation) = self.operation.as_mut() {
            operation.lock = None;
        }
        let calls = self.show_calls()?;
        if !self.args.wait || self.watch.jobs.is_empty() {
            return Ok(calls);
        }
        if sent > 1 {
            let ids: Vec<String> = self
                .watch
                .jobs
                .iter()
                .map(|j| j.job_id.to_string())
                .collect();
            self.session
                .output
                .hint(&t!("submit.waiting_for_jobs", ids = ids.join(",")));
        }
        finish_watch(
            self.session,
            self.backend,
            self.watch,
            &self.args.timing,
            self.deadline,
            self.progress,
        )
        .map(|jobs| jobs.worst(calls))
    }

    /// Says what a stopped operation sent and did not: its calls' results on stdout, its
    /// parts on stderr.
    fn stopped(
        mut self,
        parts: &[(usize, Part)],
        at: usize,
        stop: Stop,
    ) -> anyhow::Result<Outcome> {
        let shown = self.show_calls();
        drop(self.progress);
        shown?;
        let operation = self.operation.as_ref();
        let left = Left {
            jobs: self.watch.jobs.iter().map(|job| job.job_id).collect(),
            first_job: operation.and_then(|op| op.first_job),
            recorded: operation.is_some_and(|op| op.recorded),
            parts,
            at,
            rest: self.rest.take(),
            calls: self.removed.len(),
            steps: self.stepped.len(),
        };
        stopped(self.session, left, stop)
    }
}

struct Run<'a> {
    session: &'a Session,
    /// The command whose operation this is, for its history lines.
    command: &'a str,
    /// How each call of the parts sent as calls ended, by record ID.
    removed: Vec<(u64, Removed)>,
    /// How each call of an apply's steps ended.
    stepped: Vec<(Step, Removed)>,
    /// Of a part sent as calls that stopped mid-way, its place and the records not sent.
    rest: Option<(usize, Part)>,
    backend: &'a dyn Backend,
    args: &'a SubmitArgs,
    deadline: Option<Instant>,
    watch: Watch,
    progress: Progress,
    operation: Option<&'a mut Sending>,
    /// The records as dpbatch read them before a record-modify changes or a deletion
    /// deletes them, by ID.
    before: HashMap<u64, &'a Before>,
}

impl Run<'_> {
    /// Sends one part once a slot is free; again after a definite "no slot free".
    fn send_part(&mut self, index: usize, part: &Part, total: usize) -> Result<(), Stop> {
        let max_jobs = usize::from(self.args.limits.max_jobs);
        let mut refusals = 0;
        loop {
            if self.watch.unfinished() >= max_jobs {
                self.wait_for(max_jobs - 1)?;
            }
            if signal::interrupted() {
                return Err(Stop::Interrupted);
            }
            if self.deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(Stop::TimedOut);
            }
            if part.by == By::Calls {
                return self.call_each(index, part);
            }
            match self.submit_one(index, part) {
                Ok(job_id) => return self.accepted(job_id, total),
                Err(ChangeError::Refused(refused)) if refused.kind == RefusalKind::SlotsTaken => {
                    refusals += 1;
                    self.session.output.note(&t!(
                        "submit.slots_taken",
                        part = index + 1,
                        total = total
                    ));
                    self.wait_for_slot(refusals)?;
                }
                Err(err @ ChangeError::Unknown(_)) => return Err(Stop::Unknown(err.into())),
                Err(err) => return Err(Stop::Failed(err.into())),
            }
        }
    }

    fn accepted(&mut self, job_id: u64, total: usize) -> Result<(), Stop> {
        if self.args.wait && total == 1 {
            self.progress
                .set_label(&t!("submit.progress_job", job_id = job_id));
            self.session
                .output
                .hint(&t!("submit.waiting_for_job", job_id = job_id));
        }
        self.watch.add(job_id);
        if let Some(operation) = self.operation.as_mut() {
            operation.first_job.get_or_insert(job_id);
        }
        if !self.args.wait {
            // The job exists whatever happens to stdout: stderr must name it then. Its
            // action is the operation's command, as its history line and `jobs` have it.
            self.session
                .output
                .submitted(job_id, self.command)
                .map_err(|err| {
                    Stop::Unwritable(anyhow!(
                        "{}",
                        t!(
                            "submit.id_unwritable",
                            job_id = job_id,
                            why = err.root_cause()
                        )
                    ))
                })?;
        }
        Ok(())
    }

    /// Before a part of a later `phase` than the part before it (`earlier`; of a resumed
    /// run's first part, any earlier phase), waits for every job of the operation to
    /// finish: what it does may be refused until they are done (`schedule/`).
    fn phase_ready(&mut self, earlier: Option<u8>, phase: u8) -> Result<(), Stop> {
        let later = earlier.map_or(phase > 0, |earlier| earlier < phase);
        match later && self.watch.unfinished() > 0 {
            true => self.wait_for(0),
            false => Ok(()),
        }
    }

    /// Polls this operation's jobs until at most `unfinished` are left.
    fn wait_for(&mut self, unfinished: usize) -> Result<(), Stop> {
        let backend = self.backend;
        let ended = self.watch.until(
            |watch| watch.unfinished() <= unfinished,
            |job_id, deadline| backend.detail(job_id, deadline),
            self.args.timing.interval,
            self.deadline,
            &SignalPacer,
            &mut self.progress,
        );
        match ended {
            Ok(Ended::Done) => Ok(()),
            Ok(Ended::TimedOut) => Err(Stop::TimedOut),
            Ok(Ended::Interrupted) => Err(Stop::Interrupted),
            Err(err) => Err(Stop::Failed(poll_failure(err))),
        }
    }

    /// After a "no slot free": waits for one of our jobs to finish, or, holding none,
    /// backs off (the polling interval doubled per refusal, up to a minute).
    fn wait_for_slot(&mut self, refusals: u32) -> Result<(), Stop> {
        let unfinished = self.watch.unfinished();
        if unfinished > 0 {
            return self.wait_for(unfinished - 1);
        }
        let pause = self
            .args
            .timing
            .interval
            .saturating_mul(1 << refusals.min(8))
            .min(MAX_SLOT_PAUSE);
        let pause = match self.deadline {
            Some(d) => pause.min(d.saturating_duration_since(Instant::now())),
            None => pause,
        };
        if !SignalPacer.sleep(pause) {
            return Err(Stop::Interrupted);
        }
        Ok(())
    }

    /// Sends one submit and records it: its job id or, when the request may have reached
    /// DNSPod without an answer, its unknown outcome. A second Ctrl-C while it is in
    /// flight still says so.
    fn submit_one(&mut self, index: usize, part: &Part) -> Result<u64, ChangeError> {
        signal::set_last_words(Some(
            t!("submit.last_words", command = part.spec.command()).into_owned(),
        ));
        let submitted = self.backend.submit(&part.spec);
        signal::set_last_words(None);
        match &submitted {
            Ok(submitted) => self.remember(Some(submitted), index, part),
            Err(ChangeError::Unknown(_)) => self.remember(None, index, part),
            Err(ChangeError::Refused(_) | ChangeError::NotSent(_)) => {}
        }
        submitted.map(|submitted| submitted.job_id)
    }
}
