//! DNSPod's legacy API (dnsapi.cn): DNSPod tokens, form POSTs, the Batch.* actions and
//! the look-ups. Everything that names one of its actions, parameters or codes is here.

pub(crate) mod client;
pub(crate) mod codes;
mod lookups;
mod paging;
pub(crate) mod wire;

use super::http::TransportOptions;
use super::{Backend, CallError, DryRun, Endpoint, Lang, Paged, Trace};
use super::{items, pager};
use crate::job::{AccountRecord, ChangeField, Job, JobSpec, Submitted};
use crate::secret::Token;
use anyhow::anyhow;
use client::Client;
use serde::Serialize;
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
            .ok_or_else(|| CallError::NotSent("no API token is configured".into()))
    }
}

impl Backend for LegacyBackend {
    fn submit(&self, spec: &JobSpec) -> anyhow::Result<Submitted> {
        if let JobSpec::RecordDelete { .. } = spec {
            return Err(anyhow!(
                "the legacy API has no batch deletion: its records are removed one by one with Record.Remove; nothing was sent"
            ));
        }
        let (job_id, echo) = self
            .client()
            .map_err(CallError::into_error)?
            .submit(&request(spec))?;
        Ok(items::submitted(spec, job_id, echo))
    }

    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError> {
        let request = Request {
            action: Action::Detail,
            params: vec![("job_id", job_id.to_string())],
        };
        let detail: JobDetail = self.client()?.call(&request, deadline)?;
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

    /// A `RecordDelete` shows Record.Remove with every record ID, which the API would not
    /// take: `undo` deletes one record a request, and its dry run shows its plan instead.
    fn preview(&self, spec: &JobSpec) -> DryRun {
        self.preview_request(&request(spec))
    }

    fn deletes_in_jobs(&self) -> bool {
        false
    }

    fn remove_record(&self, domain_id: u64, record_id: u64) -> anyhow::Result<()> {
        self.client()
            .map_err(CallError::into_error)?
            .change(&wire::removal(domain_id, record_id))
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

fn action(spec: &JobSpec) -> Action {
    match spec {
        JobSpec::DomainCreate { .. } => Action::DomainCreate,
        JobSpec::RecordCreate { .. } => Action::RecordCreate,
        JobSpec::RecordModify { .. } => Action::RecordModify,
        JobSpec::RecordDelete { .. } => Action::RecordRemove,
    }
}

fn join_ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// One entry of Batch.Record.Create's `records` parameter.
#[derive(Serialize)]
struct WireRecord<'a> {
    sub_domain: &'a str,
    record_type: &'a str,
    record_line: &'a str,
    value: &'a str,
    ttl: u64,
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<u64>,
}

/// The form parameters of a submit, after the common ones.
fn request(spec: &JobSpec) -> Request {
    let params = match spec {
        JobSpec::DomainCreate { domains, value } => {
            let mut params = vec![("domains", domains.join(","))];
            params.extend(value.clone().map(|ip| ("record_value", ip)));
            params
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => {
            let records: Vec<WireRecord<'_>> = records
                .iter()
                .map(|r| WireRecord {
                    sub_domain: &r.host,
                    record_type: &r.record_type,
                    record_line: &r.line,
                    value: &r.value,
                    ttl: r.ttl,
                    mx: r.mx,
                })
                .collect();
            vec![
                ("domain_id", join_ids(domain_ids)),
                (
                    "records",
                    serde_json::to_string(&records).expect("strings and numbers always encode"),
                ),
            ]
        }
        JobSpec::RecordModify { record_ids, change } => {
            let mut params = vec![
                ("record_id", join_ids(record_ids)),
                ("change", field_name(change.field).to_owned()),
                ("change_to", change.to.clone()),
            ];
            params.extend(change.value.clone().map(|value| ("value", value)));
            params.extend(change.mx.map(|mx| ("mx", mx.to_string())));
            params
        }
        // Never sent (see `submit`); what `preview` shows of one.
        JobSpec::RecordDelete { record_ids } => vec![("record_id", join_ids(record_ids))],
    };
    Request {
        action: action(spec),
        params,
    }
}

/// A spec's own form fields as `name=value` lines, for tests that say what is sent.
#[cfg(test)]
pub(crate) fn form_lines(spec: &JobSpec) -> Vec<String> {
    request(spec)
        .params
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect()
}

/// Batch.Record.Modify's name for a field.
fn field_name(field: ChangeField) -> &'static str {
    match field {
        ChangeField::Host => "sub_domain",
        ChangeField::RecordType => "record_type",
        ChangeField::Line => "area",
        ChangeField::Value => "value",
        ChangeField::Mx => "mx",
        ChangeField::Ttl => "ttl",
        ChangeField::Status => "status",
    }
}

#[cfg(test)]
mod fake_tests;
