//! What a command that talks to the API runs with: its settings, the output, the
//! User-Agent, the account its jobs belong to and its
//! history, and the backend, built on first use.

use crate::backend::legacy::{self, LegacyBackend};
use crate::backend::v3::{self, V3Backend};
use crate::backend::{Backend, Trace};
use crate::cli::GlobalArgs;
use crate::config::{self, Api, Credentials, ENV_EMAIL, Overrides, PLACEHOLDER_EMAIL, Settings};
use crate::history::{Account, History, Ledger};
use crate::output::Output;
use crate::split::Capabilities;
use rust_i18n::t;
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
        let settings = settings(global, &output)?;
        let email = settings.email.as_deref().unwrap_or_else(|| {
            let (email, var) = (PLACEHOLDER_EMAIL, ENV_EMAIL);
            output.hint(&t!("session.no_email", email = email, var = var));
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

    /// Whether `-v` asked for each request: a dry run then shows them whole.
    pub(crate) fn verbose(&self) -> bool {
        self.verbose
    }

    /// The backend for a dry run, which sends nothing and needs no credentials.
    pub(crate) fn previewer(&self) -> anyhow::Result<&dyn Backend> {
        self.built()
    }

    /// What the API does as jobs; asks nothing of it, so a dry run has it too.
    pub(crate) fn capabilities(&self) -> anyhow::Result<Capabilities> {
        Ok(self.built()?.capabilities())
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
        account(&self.settings)
    }

    /// This account's job history, warnings to stderr.
    pub(crate) fn ledger(&self) -> Ledger<'_> {
        Ledger {
            history: self.history.as_ref(),
            account: self.account(),
            warn: Box::new(|warning| self.output.warn(warning)),
        }
    }
}

/// The settings of flags, environment and config file, their warnings on stderr.
pub(crate) fn settings(global: &GlobalArgs, output: &Output) -> anyhow::Result<Settings> {
    let overrides = Overrides::gather(global, |name| std::env::var(name).ok())?;
    let file = config::load(overrides.config.as_deref())?;
    let settings = config::resolve(&overrides, &file)?;
    // The config file's `lang` is known only now; flag and environment chose the same.
    crate::i18n::set(settings.lang);
    for warning in &settings.warnings {
        output.warn(warning);
    }
    Ok(settings)
}

/// The account jobs sent with `settings` belong to.
pub(crate) fn account(settings: &Settings) -> Account {
    Account {
        api: settings.api.name(),
        endpoint: settings.endpoint.to_string(),
        profile: settings.profile.clone(),
        credential: settings.credentials.as_ref().map(|c| match c {
            Credentials::Legacy(token) => token.id().to_string(),
            Credentials::V3(keys) => keys.secret_id.clone(),
        }),
    }
}

/// Unix seconds now, what a v3 request is signed with and the history is stamped with.
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
