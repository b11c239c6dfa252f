//! DNSPod's API 3.0 (Tencent Cloud): SecretId/SecretKey pairs, TC3-HMAC-SHA256 signed JSON
//! POSTs, the batch actions and the look-ups. Everything that names one of its actions,
//! fields or codes is here.

pub(crate) mod client;
pub(crate) mod codes;
mod lookups;
#[cfg(test)]
mod loopback;
mod paging;
pub(crate) mod sign;
pub(crate) mod whole;
pub(crate) mod wire;

use super::http::TransportOptions;
use super::{Backend, CallError, ChangeError, CreateError, DryRun, Endpoint, Lang, Paged, Trace};
use super::{items, pager};
use crate::job::{AccountRecord, Job, JobSpec, Step, Submitted};
use crate::secret::mask_secret_id;
use crate::split::Capabilities;
use client::{Client, VARIANT, language};
use rust_i18n::t;
use sign::Call;
use std::time::{Duration, Instant};
use wire::{Action, TaskDetail};

/// An API 3.0 key pair, with the session token that temporary (STS) keys come with.
pub(crate) use crate::secret::CloudKeys as Credentials;

/// What the API 3.0 backend is set up with.
pub(crate) struct Options {
    pub endpoint: Endpoint,
    /// `None` is enough for a dry run; every call needs them.
    pub credentials: Option<Credentials>,
    pub lang: Lang,
    pub user_agent: String,
    pub request_timeout: Duration,
    pub trace: Option<Trace>,
    /// Unix seconds now: each request is signed with the time it is sent.
    pub clock: fn() -> u64,
    /// How many DescribeDomain look-ups may run at once.
    pub lookup_jobs: usize,
}

/// The documented rates: 500 a second for the single-record changes, 100 for
/// DescribeRecordList, 20 for the batch actions and the other look-ups.
fn rate_limit(action: &str) -> Option<u32> {
    Some(match action {
        "CreateRecord" | "ModifyRecord" | "DeleteRecord" => 500,
        "DescribeRecordList" => 100,
        _ => 20,
    })
}

pub(crate) struct V3Backend {
    client: Option<Client>,
    lookup_jobs: usize,
    endpoint: Endpoint,
    credentials: Option<Credentials>,
    lang: Lang,
    user_agent: String,
    clock: fn() -> u64,
}

impl V3Backend {
    pub(crate) fn new(options: Options) -> anyhow::Result<V3Backend> {
        let client = match &options.credentials {
            Some(credentials) => Some(Client::new(
                options.endpoint.clone(),
                credentials.clone(),
                options.lang,
                options.clock,
                TransportOptions {
                    user_agent: options.user_agent.clone(),
                    request_timeout: options.request_timeout,
                    loopback: options.endpoint.is_loopback(),
                    https: options.endpoint.is_https(),
                    redactor: credentials.redactor(),
                    trace: options.trace,
                    rate: rate_limit,
                },
            )?),
            None => None,
        };
        Ok(V3Backend {
            client,
            lookup_jobs: options.lookup_jobs,
            endpoint: options.endpoint,
            credentials: options.credentials,
            lang: options.lang,
            user_agent: options.user_agent,
            clock: options.clock,
        })
    }

    fn client(&self) -> Result<&Client, CallError> {
        self.client
            .as_ref()
            .ok_or_else(|| CallError::NotSent(t!("backend.no_v3_keys").into_owned()))
    }

    /// The submit as it would be sent at `timestamp`: the SecretId masked, the signature and
    /// the session token redacted, `Content-Type` in its own field.
    fn preview_at(&self, request: &wire::Request, timestamp: u64) -> DryRun {
        let call = Call {
            host: self.endpoint.host(),
            action: request.action.name(),
            body: &request.body,
            timestamp,
            variant: VARIANT,
        };
        let credentials = self.credentials.as_ref();
        let secret_id = credentials.map_or_else(
            || "<no credentials configured>".to_owned(),
            |c| mask_secret_id(&c.secret_id),
        );
        let authorization = call.authorization(&secret_id, "<redacted>");
        let token = credentials
            .and_then(|c| c.session_token.as_ref())
            .map(|_| "<redacted>");
        let headers = call
            .headers(authorization, token, Some(language(self.lang)))
            .into_iter()
            .filter(|(name, _)| *name != "Content-Type")
            .collect();
        DryRun {
            method: "POST",
            url: self.endpoint.join(""),
            user_agent: self.user_agent.clone(),
            content_type: VARIANT.content_type(),
            form: Vec::new(),
            headers,
            body: Some(String::from_utf8_lossy(&request.body).into_owned()),
        }
    }
}

impl Backend for V3Backend {
    fn submit(&self, spec: &JobSpec) -> Result<Submitted, ChangeError> {
        if let JobSpec::RecordSteps { steps } = spec
            && steps
                .iter()
                .any(|step| step.action != crate::job::Action::Modify)
        {
            return Err(ChangeError::NotSent(anyhow::anyhow!(t!(
                "backend.v3_modify_only"
            ))));
        }
        let (job_id, echo) = self
            .client()
            .map_err(CallError::not_sent)?
            .submit(&wire::submit_request(spec))?;
        Ok(items::submitted(spec, job_id, echo))
    }

    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError> {
        let detail: TaskDetail = self
            .client()?
            .call(&wire::detail_request(job_id), deadline)?;
        items::nonempty(detail.into_job(), Action::DescribeBatchTask.name(), job_id)
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

    fn preview(&self, spec: &JobSpec) -> DryRun {
        self.preview_at(&wire::submit_request(spec), (self.clock)())
    }

    /// DeleteRecordBatch takes at most 2000 records whatever `--job-size` says: the vendor
    /// recommends it "because of storage limits", below the 5000 of every other job.
    /// ModifyRecordBatchV3 modifies records whole; CreateRecord and ModifyRecord are
    /// documented at 500 a second.
    fn capabilities(&self) -> Capabilities {
        Capabilities {
            delete_job_records: Some(2000),
            modify_whole_jobs: true,
            calls_per_second: 500,
            ..super::DNSPOD
        }
    }

    fn remove_record(&self, _domain_id: u64, record_id: u64) -> Result<(), ChangeError> {
        Err(ChangeError::NotSent(anyhow::anyhow!(t!(
            "backend.v3_no_single_delete",
            record = record_id
        ))))
    }

    fn create_record(&self, step: &Step) -> Result<u64, CreateError> {
        let record = super::created(step)?;
        let client = self.client().map_err(CallError::not_sent)?;
        let answer = client.change::<whole::Created>(&whole::create_request(step, record))?;
        Ok(answer.record_id)
    }

    fn modify_record(&self, step: &Step) -> Result<(), ChangeError> {
        let (id, before, after) = super::modified(step)?;
        let client = self.client().map_err(CallError::not_sent)?;
        let request = whole::modify_request(step, id, before, after);
        client.change::<wire::Envelope>(&request).map(drop)
    }

    fn delete_record(&self, step: &Step) -> Result<(), ChangeError> {
        let id = super::deleted(step)?;
        let client = self.client().map_err(CallError::not_sent)?;
        let request = whole::delete_request(step, id);
        client.change::<wire::Envelope>(&request).map(drop)
    }

    fn preview_step(&self, step: &Step) -> DryRun {
        self.preview_at(&whole::call_request(step), (self.clock)())
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fake_tests;
