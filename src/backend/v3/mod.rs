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
pub(crate) mod wire;

use super::http::TransportOptions;
use super::{Backend, CallError, DryRun, Endpoint, Lang, Trace};
use crate::job::{AccountRecord, Job, JobSpec};
use crate::secret::{Redactor, SecretString};
use client::{Client, VARIANT, language};
use sign::Call;
use std::fmt;
use std::time::{Duration, Instant};
use wire::TaskDetail;

/// An API 3.0 key pair, with the session token that temporary (STS) keys come with.
#[derive(Clone)]
pub(crate) struct Credentials {
    /// Public: shown masked, recorded whole to tell accounts apart.
    pub secret_id: String,
    pub secret_key: SecretString,
    pub token: Option<SecretString>,
}

impl Credentials {
    /// From the values as read (environment, config, a tccli profile).
    pub(crate) fn new(secret_id: String, secret_key: String, token: Option<String>) -> Credentials {
        Credentials {
            secret_id,
            secret_key: SecretString::new(secret_key),
            token: token.map(SecretString::new),
        }
    }

    /// What removes the secrets from answers: the key and the session token.
    fn redactor(&self) -> Redactor {
        let mut secrets = vec![self.secret_key.expose()];
        secrets.extend(self.token.as_ref().map(SecretString::expose));
        Redactor::of(&secrets)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials({})", mask_secret_id(&self.secret_id))
    }
}

/// A SecretId as it may be shown: its first and last four characters (`AKID****abcd`),
/// or nothing of one too short to hide anything that way.
pub(crate) fn mask_secret_id(secret_id: &str) -> String {
    let chars: Vec<char> = secret_id.chars().collect();
    if chars.len() < 12 {
        return "****".to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

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
}

pub(crate) struct V3Backend {
    client: Option<Client>,
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
                },
            )?),
            None => None,
        };
        Ok(V3Backend {
            client,
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
            .ok_or_else(|| CallError::NotSent("no API 3.0 credentials are configured".into()))
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
            .and_then(|c| c.token.as_ref())
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
    fn submit(&self, spec: &JobSpec) -> anyhow::Result<u64> {
        self.client()
            .map_err(CallError::into_error)?
            .submit(&wire::submit_request(spec))
    }

    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError> {
        let detail: TaskDetail = self
            .client()?
            .call(&wire::detail_request(job_id), deadline)?;
        // Every job has items: an answer without any is broken, not a finished job.
        if detail.domains.is_empty() {
            return Err(CallError::Unreadable(format!(
                "DescribeBatchTask lists no items for job {job_id}"
            )));
        }
        Ok(detail.into_job())
    }

    fn find_domains(&self, names: &[String]) -> anyhow::Result<Vec<Option<u64>>> {
        paging::find_domains(self.client().map_err(CallError::into_error)?, names)
    }

    fn domain_records(
        &self,
        domain: &str,
        hosts: &[String],
    ) -> anyhow::Result<Option<Vec<AccountRecord>>> {
        paging::domain_records(self.client().map_err(CallError::into_error)?, domain, hosts)
    }

    fn preview(&self, spec: &JobSpec) -> DryRun {
        self.preview_at(&wire::submit_request(spec), (self.clock)())
    }
}

#[cfg(test)]
mod tests;
