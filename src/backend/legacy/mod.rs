//! DNSPod's legacy API (dnsapi.cn): DNSPod tokens, form POSTs, the Batch.* actions and
//! the look-ups. Everything that names one of its actions, parameters or codes is here.

pub(crate) mod client;
pub(crate) mod codes;
mod lookups;
mod paging;
mod single;
pub(crate) mod wire;

use super::http::TransportOptions;
use super::{Backend, CallError, ChangeError, CreateError, DryRun, Endpoint, Lang, Paged, Trace};
use super::{items, pager};
use crate::job::{AccountRecord, Job, JobSpec, Step, Submitted};
use crate::secret::Token;
use crate::split::Capabilities;
use anyhow::anyhow;
use client::Client;
use rust_i18n::t;
use std::time::{Duration, Instant};
use wire::{Action, JobDetail, Request};

/// What the legacy backend is set up with.
pub(crate) struct Options {
    pub endpoint: Endpoint,
    /// `None` is enough for a dry run; every call needs one.
    pub token: Option<Token>,
    pub lang: Lang,
    pub user_agent: String,
    pub request_timeout: Duration,
    pub trace: Option<Trace>,
    /// How many Domain.Info look-ups may run at once.
    pub lookup_jobs: usize,
}

pub(crate) struct LegacyBackend {
    client: Option<Client>,
    lookup_jobs: usize,
    endpoint: Endpoint,
    token: Option<Token>,
    lang: Lang,
    user_agent: String,
}

impl LegacyBackend {
    pub(crate) fn new(options: Options) -> anyhow::Result<LegacyBackend> {
        let client = match &options.token {
            Some(token) => Some(Client::new(
                options.endpoint.clone(),
                token.clone(),
                options.lang,
                TransportOptions {
                    user_agent: options.user_agent.clone(),
                    request_timeout: options.request_timeout,
                    loopback: options.endpoint.is_loopback(),
                    https: options.endpoint.is_https(),
                    redactor: token.redactor(),
                    trace: options.trace,
                    // Undocumented for the legacy API; the batch actions' documented limit
                    // on API 3.0, which runs on the same back end.
                    rate: |_| Some(20),
                },
            )?),
            None => None,
        };
        Ok(LegacyBackend {
            client,
            lookup_jobs: options.lookup_jobs,
            endpoint: options.endpoint,
            token: options.token,
            lang: options.lang,
            user_agent: options.user_agent,
        })
    }

    fn client(&self) -> Result<&Client, CallError> {
        self.client
            .as_ref()
            .ok_or_else(|| CallError::NotSent(t!("backend.no_token").into_owned()))
    }
}

impl Backend for LegacyBackend {
    fn submit(&self, spec: &JobSpec) -> Result<Submitted, ChangeError> {
        match spec {
            JobSpec::RecordDelete { .. } => {
                return Err(ChangeError::NotSent(anyhow!(t!(
                    "backend.legacy_no_batch_delete"
                ))));
            }
            JobSpec::RecordSteps { .. } => {
                return Err(ChangeError::NotSent(anyhow!(t!(
                    "backend.legacy_no_whole_job"
                ))));
            }
            _ => {}
        }
        let (job_id, echo) = self
            .client()
            .map_err(CallError::not_sent)?
            .submit(&wire::submit_request(spec))?;
        Ok(items::submitted(spec, job_id, echo))
    }

    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError> {
        let detail: JobDetail = self
            .client()?
            .call(&wire::detail_request(job_id), deadline)?;
        items::nonempty(detail.into_job(), Action::Detail.wire_name(), job_id)
    }

    fn find_domains(&self, names: &[String]) -> anyhow::Result<Vec<Option<u64>>> {
        let client = self.client().map_err(CallError::into_error)?;
        pager::find_domains(client, names, self.lookup_jobs)
    }

    fn all_domains(&self) -> anyhow::Result<Paged<String>> {
        pager::all_domains(self.client().map_err(CallError::into_error)?)
    }

    fn domain_records(
        &self,
        domain: &str,
        hosts: &[String],
    ) -> anyhow::Result<Option<Paged<AccountRecord>>> {
        pager::domain_records(self.client().map_err(CallError::into_error)?, domain, hosts)
    }

    /// A `RecordDelete` of one record shows its Record.Remove call; the executor previews
    /// a part sent one call a record as one spec a record.
    fn preview(&self, spec: &JobSpec) -> DryRun {
        self.preview_request(&wire::submit_request(spec))
    }

    fn capabilities(&self) -> Capabilities {
        super::DNSPOD
    }

    fn remove_record(&self, domain_id: u64, record_id: u64) -> Result<(), ChangeError> {
        self.client()
            .map_err(CallError::not_sent)?
            .change::<wire::Envelope>(&wire::removal_request(domain_id, record_id))
            .map(drop)
    }

    fn create_record(&self, step: &Step) -> Result<u64, CreateError> {
        let record = super::created(step)?;
        let client = self.client().map_err(CallError::not_sent)?;
        let request = single::create_request(step.domain_id, record);
        let id = client.change::<single::Created>(&request)?.record.id;
        if !record.remark.is_empty() {
            let remark = single::remark_request(step.domain_id, id, &record.remark);
            let made = |error| CreateError {
                made: Some(id),
                error,
            };
            client.change::<wire::Envelope>(&remark).map_err(made)?;
        }
        Ok(id)
    }

    fn modify_record(&self, step: &Step) -> Result<(), ChangeError> {
        let (id, before, after) = super::modified(step)?;
        let client = self.client().map_err(CallError::not_sent)?;
        if single::needs_modify(before, after) {
            let request = single::modify_request(step.domain_id, id, before, after);
            client.change::<wire::Envelope>(&request)?;
        }
        if before.remark != after.remark {
            let remark = single::remark_request(step.domain_id, id, &after.remark);
            client.change::<wire::Envelope>(&remark)?;
        }
        Ok(())
    }

    fn delete_record(&self, step: &Step) -> Result<(), ChangeError> {
        self.remove_record(step.domain_id, super::deleted(step)?)
    }

    fn preview_step(&self, step: &Step) -> DryRun {
        self.preview_request(&single::first_request(step))
    }
}

impl LegacyBackend {
    /// `request` as it would be sent, the token shown by its ID only.
    fn preview_request(&self, request: &Request) -> DryRun {
        let login = self
            .token
            .as_ref()
            .map_or_else(|| "<no token configured>".to_owned(), ToString::to_string);
        DryRun {
            method: "POST",
            url: self.endpoint.join(request.action.wire_name()),
            user_agent: self.user_agent.clone(),
            content_type: "application/x-www-form-urlencoded",
            form: client::form(request, login, self.lang),
            headers: Vec::new(),
            body: None,
        }
    }
}

/// A spec's own form fields, for tests elsewhere that say what is sent.
#[cfg(test)]
pub(crate) use wire::form_lines;

#[cfg(test)]
mod fake_tests;
