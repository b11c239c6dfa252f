//! What a command that talks to the API runs with: settings, the User-Agent, one HTTP
//! client, and the paths every submit and wait share (dry run, history, Ctrl-C, outcome).

use crate::api::{CallError, Client, ClientOptions, JobDetail, Request};
use crate::cli::{GlobalArgs, JobRef, SubmitArgs, WaitTiming};
use crate::config::{self, ENV_EMAIL, Overrides, PLACEHOLDER_EMAIL, Settings};
use crate::error::{Outcome, OutcomeUnknown, usage};
use crate::history::{Entry, History, format_utc};
use crate::input::records::Change;
use crate::input::values::display_duration;
use crate::output::{self, DryRun, Output};
use crate::resolve::{self, Selected, Selector};
use crate::retry::{self, Planned};
use crate::signal;
use crate::wait::{Policy, SignalPacer, WaitError, WaitOutcome, wait_for_job};
use anyhow::{Context, anyhow};
use std::cell::OnceCell;
use std::time::Duration;

/// Polls this often at the least against the real API; the fake on loopback may go faster.
const MIN_REMOTE_INTERVAL: Duration = Duration::from_millis(500);

/// The job history's entries, oldest first, with a warning for lines it had to skip.
pub(crate) fn read_history() -> anyhow::Result<(Vec<Entry>, Option<History>)> {
    let Some(history) = History::open() else {
        return Ok((Vec::new(), None));
    };
    let (entries, skipped) = history.read()?;
    if skipped > 0 {
        output::warn(&format!(
            "skipped {skipped} unreadable lines of the job history {}",
            history.path().display()
        ));
    }
    Ok((entries, Some(history)))
}

pub(crate) fn join_ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// What a command that talks to the API runs with.
pub(crate) struct Session {
    settings: Settings,
    pub(crate) output: Output,
    /// `dpbatch/<version> (<email>)`, as DNSPod requires.
    user_agent: String,
    verbose: bool,
    /// Made on first use and kept, so look-ups and the submit share one connection setup.
    client: OnceCell<Client>,
}

impl Session {
    /// Reads the config file and combines it with flags and environment.
    pub(crate) fn open(global: &GlobalArgs, output: Output) -> anyhow::Result<Session> {
        let overrides = Overrides::gather(global, |name| std::env::var(name).ok())?;
        let file = config::load(overrides.config.as_deref())?;
        if let Some(warning) = config::permission_warning(&file) {
            output::warn(&warning);
        }
        let settings = config::resolve(&overrides, &file)?;
        let email = settings.email.as_deref().unwrap_or_else(|| {
            output.hint(&format!(
                "no contact email is set, so the User-Agent names {PLACEHOLDER_EMAIL}; DNSPod asks API clients for one: set `email` in the config file or {ENV_EMAIL}"
            ));
            PLACEHOLDER_EMAIL
        });
        let user_agent = format!("dpbatch/{} ({email})", env!("CARGO_PKG_VERSION"));
        Ok(Session {
            settings,
            output,
            user_agent,
            verbose: global.verbose,
            client: OnceCell::new(),
        })
    }

    pub(crate) fn client(&self) -> anyhow::Result<&Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        // Before the first request, so that Ctrl-C anywhere from here on is answered.
        crate::signal::install()?;
        let client = Client::new(ClientOptions {
            endpoint: self.settings.endpoint.clone(),
            token: self.settings.require_token()?.clone(),
            lang: self.settings.lang,
            user_agent: self.user_agent.clone(),
            request_timeout: self.settings.request_timeout,
            verbose: self.verbose,
        })?;
        Ok(self.client.get_or_init(|| client))
    }

    /// The IDs of the selected records that need the change. The selection is shown first
    /// (on stdout and nothing more with `--dry-run`), and records already at the target are
    /// left out: DNSPod locks a record after repeated no-op changes. `None`: nothing to send.
    pub(crate) fn select(
        &self,
        selector: &Selector,
        change: &Change,
        dry_run: bool,
    ) -> anyhow::Result<Option<Vec<u64>>> {
        let selected = resolve::select_records(self.client()?, selector)?;
        if selected.is_empty() {
            return Err(usage(format!(
                "no {} record named {} in {} matches, so nothing was submitted",
                selector.record_type,
                selector.hosts.join(","),
                selector.domains.join(",")
            )));
        }
        let rows: Vec<(bool, &Selected)> = selected
            .iter()
            .map(|s| (resolve::already_at_target(change, &s.record), s))
            .collect();
        self.output.selection(&rows, dry_run)?;
        if dry_run {
            return Ok(None);
        }
        let ids: Vec<u64> = rows
            .iter()
            .filter(|(skip, _)| !skip)
            .map(|(_, s)| s.record.id)
            .collect();
        let skipped = rows.len() - ids.len();
        if skipped > 0 {
            output::log(&format!(
                "skipping {skipped} of {} selected records: they already have {} {}",
                rows.len(),
                change.field.wire_name(),
                change.to
            ));
        }
        Ok((!ids.is_empty()).then_some(ids))
    }

    /// The job a command names: its id, or with `--last` the newest job in the history
    /// submitted to this endpoint with this profile.
    pub(crate) fn job_id(&self, job: &JobRef) -> anyhow::Result<u64> {
        match job.job_id {
            Some(job_id) => Ok(job_id),
            None => {
                let (entries, history) = self.account_history()?;
                self.last_job(&entries, history.as_ref())
            }
        }
    }

    /// The newest job of this account's history, for `--last`.
    fn last_job(&self, entries: &[Entry], history: Option<&History>) -> anyhow::Result<u64> {
        if let Some(entry) = entries.last().filter(|entry| entry.job_id.is_none()) {
            return Err(usage(format!(
                "--last: the outcome of the last submit ({}, {}) is unknown; find its job in the DNSPod console and pass its id",
                entry.action,
                format_utc(entry.submitted_at)
            )));
        }
        entries
            .last()
            .and_then(|entry| entry.job_id)
            .ok_or_else(|| {
                let place = history.map_or_else(
                    || "no job history on this platform".to_owned(),
                    |h| format!("none in {}", h.path().display()),
                );
                let profile = self.settings.profile.as_deref();
                usage(format!(
                    "--last: no job was submitted to {}{} from this machine ({place})",
                    self.settings.endpoint,
                    profile
                        .map(|p| format!(" with profile `{p}`"))
                        .unwrap_or_default()
                ))
            })
    }

    /// The history's entries for this endpoint and profile, oldest first: job ids belong
    /// to an account, so `--last` and `retry` look only at the current one's.
    fn account_history(&self) -> anyhow::Result<(Vec<Entry>, Option<History>)> {
        let (mut entries, history) = read_history()?;
        let endpoint = self.settings.endpoint.to_string();
        entries.retain(|entry| entry.is_for(&endpoint, self.settings.profile.as_deref()));
        Ok((entries, history))
    }

    /// Records a submit that made a job, or may have (`job_id` `None`: outcome unknown);
    /// the job exists either way, so a failure to record only warns.
    fn remember(
        &self,
        command: &str,
        job_id: Option<u64>,
        request: &Request,
        retry_of: Option<u64>,
    ) {
        let Some(history) = History::open() else {
            return;
        };
        let entry = Entry {
            job_id,
            retry_of,
            ..Entry::new(
                0,
                command,
                &request.params,
                &self.settings.endpoint.to_string(),
                self.settings.profile.as_deref(),
            )
        };
        if let Err(err) = history.append(&entry) {
            output::warn(&format!("{err:#}"));
        }
    }

    pub(crate) fn check_interval(&self, timing: &WaitTiming) -> anyhow::Result<()> {
        config::check_pace(
            "--interval",
            timing.interval,
            MIN_REMOTE_INTERVAL,
            &self.settings.endpoint,
        )
    }

    /// Submits each job once, printing its id as soon as it is accepted; with `--wait`,
    /// then follows each in turn. The outcome is the worst of them.
    pub(crate) fn submit(
        &self,
        jobs: &[Planned],
        args: &SubmitArgs,
        retry_of: Option<u64>,
    ) -> anyhow::Result<Outcome> {
        if args.wait {
            self.check_interval(&args.timing)?;
        }
        if args.dry_run {
            for (_, request) in jobs {
                self.dry_run(request)?;
            }
            return Ok(Outcome::Success);
        }
        let client = self.client()?;
        let mut submitted = Vec::with_capacity(jobs.len());
        for (command, request) in jobs {
            let job_id = match self.submit_one(client, command, request, retry_of) {
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
                self.output.hint(&format!(
                    "submitted job {job_id}; waiting for it (Ctrl-C stops waiting, not the job)"
                ));
            } else {
                // The job exists whatever happens to stdout: stderr must name it then.
                self.output.submitted(job_id, command).map_err(|err| {
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
            worst = worst.worst(self.follow(client, job_id, &args.timing)?);
            if worst == Outcome::Interrupted {
                break;
            }
        }
        Ok(worst)
    }

    /// Sends one submit and records it, its job id or, when the request may have reached
    /// DNSPod without an answer, its unknown outcome. A second Ctrl-C while it is in
    /// flight still says so.
    fn submit_one(
        &self,
        client: &Client,
        command: &str,
        request: &Request,
        retry_of: Option<u64>,
    ) -> anyhow::Result<u64> {
        let action = request.action.wire_name();
        signal::set_last_words(Some(format!(
            "interrupted again: the outcome of {action} is unknown; check the DNSPod console before submitting again"
        )));
        let submitted = client.submit(request);
        signal::set_last_words(None);
        match &submitted {
            Ok(job_id) => self.remember(command, Some(*job_id), request, retry_of),
            Err(err) if err.downcast_ref::<OutcomeUnknown>().is_some() => {
                self.remember(command, None, request, retry_of)
            }
            Err(_) => {}
        }
        submitted
    }

    /// Re-submits the failed items of a finished job (see `retry/`).
    /// The history is read once, for `--last` and for the job's earlier retries and change.
    pub(crate) fn retry(&self, job: &JobRef, args: &SubmitArgs) -> anyhow::Result<Outcome> {
        let (entries, history) = self.account_history()?;
        let job_id = match job.job_id {
            Some(job_id) => job_id,
            None => self.last_job(&entries, history.as_ref())?,
        };
        let detail = self
            .client()?
            .detail(job_id, None)
            .map_err(CallError::into_error)
            .with_context(|| format!("could not get job {job_id}"))?;
        let tally = detail.tally();
        if !tally.finished() {
            return Err(usage(format!(
                "job {job_id} still has {} items waiting or running; retry it when it is done (`dpbatch wait {job_id}`)",
                tally.waiting + tally.running
            )));
        }
        if tally.failed == 0 {
            self.output.hint(&format!(
                "job {job_id} has no failed items; nothing to retry"
            ));
            return Ok(Outcome::Success);
        }
        // Earlier retries of this job sent some items already; those are not sent again.
        let earlier: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.retry_of == Some(job_id))
            .collect();
        if earlier.iter().any(|e| e.job_id.is_none()) {
            return Err(usage(format!(
                "an earlier retry of job {job_id} has an unknown outcome; check the DNSPod console before retrying again"
            )));
        }
        let entry = entries.iter().rfind(|e| e.job_id == Some(job_id));
        let plan = retry::plan(job_id, &detail, entry, &earlier)?;
        self.output.hint(&plan.summary);
        self.submit(&plan.jobs, args, Some(job_id))
    }

    fn dry_run(&self, request: &Request) -> anyhow::Result<()> {
        let login = self
            .settings
            .token
            .as_ref()
            .map_or_else(|| "<no token configured>".to_owned(), ToString::to_string);
        self.output.dry_run(&DryRun {
            url: self.settings.endpoint.url_for(request.action),
            user_agent: &self.user_agent,
            form: Client::form(request, login, self.settings.lang),
        })
    }

    /// Waits for the job, shows where it ended, and says how to resume if it did not.
    pub(crate) fn follow(
        &self,
        client: &Client,
        job_id: u64,
        timing: &WaitTiming,
    ) -> anyhow::Result<Outcome> {
        let policy = Policy {
            interval: timing.interval,
            timeout: timing.timeout.0,
        };
        let resume = format!("resume with `dpbatch wait {job_id}`");
        signal::set_last_words(Some(format!(
            "interrupted again; job {job_id} goes on: {resume}"
        )));
        let mut progress = self.output.progress(job_id);
        let waited = wait_for_job(
            |deadline| client.detail(job_id, deadline),
            policy,
            &SignalPacer,
            &mut progress,
        );
        drop(progress);
        signal::set_last_words(None);
        match waited {
            Ok(WaitOutcome::Finished(detail)) => {
                self.output.job(job_id, &detail)?;
                Ok(self.finished_outcome(job_id, &detail))
            }
            Ok(WaitOutcome::TimedOut(last)) => {
                let pending = last.as_ref().map(|d| d.tally()).map_or_else(
                    || "its items' state is unknown".to_owned(),
                    |t| format!("{} of {} items still waiting or running", t.waiting + t.running, t.total),
                );
                if let Some(detail) = &last {
                    self.output.job(job_id, detail)?;
                }
                output::log(&format!(
                    "timed out after {} waiting for job {job_id} ({pending}); the job goes on: {resume}",
                    display_duration(policy.timeout.unwrap_or_default())
                ));
                Ok(Outcome::TimedOut)
            }
            Ok(WaitOutcome::Interrupted) => {
                output::log(&format!("interrupted; job {job_id} goes on: {resume}"));
                Ok(Outcome::Interrupted)
            }
            Err(WaitError::Refused(err)) => {
                Err(err.into_error()).with_context(|| format!("stopped waiting for job {job_id}"))
            }
            Err(WaitError::TooManyFailures { attempts, last }) => Err(anyhow!(last)).with_context(|| {
                format!("Batch.Detail failed {attempts} times in a row while waiting for job {job_id}; the job goes on: {resume}")
            }),
        }
    }

    /// Exit 4 when a finished job has failed items (and say so on stderr); else success.
    pub(crate) fn finished_outcome(&self, job_id: u64, detail: &JobDetail) -> Outcome {
        let tally = detail.tally();
        if tally.finished() && tally.failed > 0 {
            output::log(&format!(
                "job {job_id} finished with {} of {} items failed",
                tally.failed, tally.total
            ));
            Outcome::ItemsFailed
        } else {
            Outcome::Success
        }
    }
}
