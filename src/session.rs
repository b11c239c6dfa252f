//! What a command that talks to the API runs with: its settings, the output, the
//! User-Agent, the account its jobs belong to, and the backend, built on first use.

use crate::backend::legacy::{self, LegacyBackend};
use crate::backend::v3::{self, V3Backend};
use crate::backend::{Backend, Trace};
use crate::cli::{GlobalArgs, JobRef, JobsRef};
use crate::config::{self, Api, Credentials, ENV_EMAIL, Overrides, PLACEHOLDER_EMAIL, Settings};
use crate::error::usage;
use crate::history::{Account, Entry, History, MAX_LINE, Operation, format_utc, operations};
use crate::output::Output;
use std::cell::OnceCell;
use std::sync::Arc;

/// Look-ups at once unless `--lookup-jobs` says otherwise.
const DEFAULT_LOOKUP_JOBS: usize = 8;

pub(crate) struct Session {
    pub settings: Settings,
    pub output: Output,
    /// `dpbatch/<version> (<email>)`, as DNSPod asks of API clients.
    user_agent: String,
    verbose: bool,
    /// Made on first use and kept, so look-ups and the submit share one connection setup.
    backend: OnceCell<Box<dyn Backend>>,
    /// The job history, if the platform has a place for it.
    pub history: Option<History>,
    /// How many look-ups may run at once.
    pub lookup_jobs: usize,
}

impl Session {
    /// Reads the config file and combines it with flags and environment.
    pub(crate) fn open(global: &GlobalArgs, output: Output) -> anyhow::Result<Session> {
        let overrides = Overrides::gather(global, |name| std::env::var(name).ok())?;
        let file = config::load(overrides.config.as_deref())?;
        if let Some(warning) = config::permission_warning(&file) {
            output.warn(&warning);
        }
        let settings = config::resolve(&overrides, &file)?;
        for warning in &settings.warnings {
            output.warn(warning);
        }
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
            backend: OnceCell::new(),
            history: History::open(),
            lookup_jobs: global.lookup_jobs.map_or(DEFAULT_LOOKUP_JOBS, usize::from),
        })
    }

    /// A session on `backend`, for unit tests of the command flows.
    #[cfg(test)]
    pub(crate) fn with_backend(
        settings: Settings,
        output: Output,
        backend: Box<dyn Backend>,
        history: Option<History>,
    ) -> Session {
        Session {
            settings,
            output,
            user_agent: "dpbatch/test".into(),
            verbose: false,
            backend: OnceCell::from(backend),
            history,
            lookup_jobs: DEFAULT_LOOKUP_JOBS,
        }
    }

    /// The backend, for calls: credentials must be set.
    pub(crate) fn backend(&self) -> anyhow::Result<&dyn Backend> {
        self.settings.require_credentials()?;
        self.built()
    }

    /// The backend for a dry run, which sends nothing and needs no credentials.
    pub(crate) fn previewer(&self) -> anyhow::Result<&dyn Backend> {
        self.built()
    }

    fn built(&self) -> anyhow::Result<&dyn Backend> {
        if let Some(backend) = self.backend.get() {
            return Ok(backend.as_ref());
        }
        // Before the first request, so that Ctrl-C anywhere from here on is answered.
        crate::signal::install()?;
        let trace: Option<Trace> = self
            .verbose
            .then(|| Arc::new(|line: &str| crate::stderr::log(line)) as Trace);
        let settings = &self.settings;
        let backend: Box<dyn Backend> = match settings.api {
            Api::Legacy => Box::new(LegacyBackend::new(legacy::Options {
                endpoint: settings.endpoint.clone(),
                token: match &settings.credentials {
                    Some(Credentials::Legacy(token)) => Some(token.clone()),
                    _ => None,
                },
                lang: settings.lang,
                user_agent: self.user_agent.clone(),
                request_timeout: settings.request_timeout,
                trace,
                lookup_jobs: self.lookup_jobs,
            })?),
            Api::V3 => Box::new(V3Backend::new(v3::Options {
                endpoint: settings.endpoint.clone(),
                credentials: match &settings.credentials {
                    Some(Credentials::V3(keys)) => Some(keys.clone()),
                    _ => None,
                },
                lang: settings.lang,
                user_agent: self.user_agent.clone(),
                request_timeout: settings.request_timeout,
                trace,
                clock: unix_now,
                lookup_jobs: self.lookup_jobs,
            })?),
        };
        Ok(self.backend.get_or_init(|| backend).as_ref())
    }

    /// The account this run's jobs belong to.
    pub(crate) fn account(&self) -> Account {
        Account {
            api: self.settings.api.name(),
            endpoint: self.settings.endpoint.to_string(),
            profile: self.settings.profile.clone(),
            credential: self.settings.credentials.as_ref().map(|c| match c {
                Credentials::Legacy(token) => token.id().to_string(),
                Credentials::V3(keys) => keys.secret_id.clone(),
            }),
        }
    }

    /// The history's operations for this account, oldest first: job ids belong to an
    /// account, so `--last`, `retry` and `resume` look only at the current one's.
    pub(crate) fn account_operations(&self) -> anyhow::Result<Vec<Operation>> {
        let entries = read_history(&self.output, self.history.as_ref())?;
        Ok(self.operations_of_account(entries))
    }

    /// `entries` as operations, only this account's.
    pub(crate) fn operations_of_account(&self, entries: Vec<Entry>) -> Vec<Operation> {
        let account = self.account();
        let mut operations = operations(entries);
        operations.retain(|operation| operation.is_for(&account));
        operations
    }

    /// The jobs a command names: their ids, or with `--last` every job of the newest
    /// operation of this account.
    pub(crate) fn job_ids(&self, jobs: &JobsRef) -> anyhow::Result<Vec<u64>> {
        if !jobs.last {
            return Ok(jobs.job_ids.clone());
        }
        let operations = self.account_operations()?;
        let operation = self.last_operation(&operations)?;
        for unknown in operation.unknown() {
            self.output.warn(&format!(
                "--last: a part of this operation ({}) has an unknown outcome and is not among its jobs; check the DNSPod console for it",
                unknown.spec.summary()
            ));
        }
        Ok(operation.job_ids())
    }

    /// The operation holding the job a command names, or with `--last` the newest; `None`
    /// for a job id the history does not hold.
    pub(crate) fn operation<'a>(
        &self,
        operations: &'a [Operation],
        job: &JobRef,
    ) -> anyhow::Result<Option<&'a Operation>> {
        match job.job_id {
            Some(job_id) => Ok(operations.iter().rfind(|op| op.contains(job_id))),
            None => self.last_operation(operations).map(Some),
        }
    }

    /// The newest operation of this account's history, for `--last`; never past a submit
    /// whose outcome is unknown and made no job known, which may be newer than any job it
    /// could name.
    pub(crate) fn last_operation<'a>(
        &self,
        operations: &'a [Operation],
    ) -> anyhow::Result<&'a Operation> {
        let Some(operation) = operations.last() else {
            let place = self.history.as_ref().map_or_else(
                || "no job history on this platform".to_owned(),
                |h| format!("none in {}", h.path().display()),
            );
            let profile = self.settings.profile.as_deref();
            return Err(usage(format!(
                "--last: no job was submitted to {}{} from this machine ({place})",
                self.settings.endpoint,
                profile
                    .map(|p| format!(" with profile `{p}`"))
                    .unwrap_or_default()
            )));
        };
        if operation.job_ids().is_empty() {
            let entry = operation.first();
            return Err(usage(format!(
                "--last: the outcome of the last submit ({}, {}) is unknown; find its job in the DNSPod console and pass its id",
                entry.action,
                format_utc(entry.submitted_at)
            )));
        }
        Ok(operation)
    }
}

/// Unix seconds now, what a v3 request is signed with and the history is stamped with.
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The job history's entries, oldest first, with a warning for lines it had to skip.
pub(crate) fn read_history(
    output: &Output,
    history: Option<&History>,
) -> anyhow::Result<Vec<Entry>> {
    let Some(history) = history else {
        return Ok(Vec::new());
    };
    let (entries, skipped) = history.read()?;
    let path = history.path().display();
    if skipped.unreadable > 0 {
        output.warn(&format!(
            "skipped {} unreadable lines of the job history {path}",
            skipped.unreadable
        ));
    }
    if skipped.too_long > 0 {
        output.warn(&format!(
            "skipped {} lines of the job history {path} longer than {} MiB",
            skipped.too_long,
            MAX_LINE >> 20
        ));
    }
    Ok(entries)
}
