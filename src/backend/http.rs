//! The HTTP exchange every backend shares: a POST with the User-Agent DNSPod asks for, a
//! deadline on the whole request (answer and all), a cap on what is read, `Retry-After`,
//! no redirects and no retries of its own, the credentials redacted from every answer
//! before any of it is read, and a classification of failures that keeps submits safe.

pub(crate) use super::call::CallError;
use crate::secret::Redactor;
use crate::signal::{self, Waited};
use anyhow::Context;
use reqwest::blocking::Client as HttpClient;
use rust_i18n::t;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// reqwest's own Display stops at the outermost layer ("error sending request"); the
/// causes say what actually happened.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The most of an answer dpbatch reads: the largest real answers (a Batch.Detail of a
/// 10,000-domain job, a Domain.List page of 3000) are about 5 MB.
pub(crate) const MAX_ANSWER_BYTES: u64 = 64 << 20;
/// A `Retry-After` longer than this is taken as this (`--timeout` still bounds it).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// A line for `-v` on stderr; the transport itself never prints.
pub(crate) type Trace = Arc<dyn Fn(&str) + Send + Sync>;

/// What a transport is set up with.
pub(crate) struct TransportOptions {
    pub user_agent: String,
    pub request_timeout: Duration,
    /// No proxy and no certificate store for a loopback endpoint.
    pub loopback: bool,
    pub https: bool,
    pub redactor: Redactor,
    pub trace: Option<Trace>,
    /// The most calls a second the API allows for a request label (an action), if it
    /// limits them: requests are spaced to keep under it, whatever thread sends them.
    pub rate: fn(&str) -> Option<u32>,
}

/// What a POST carries.
pub(crate) enum Body {
    /// A form, sent `application/x-www-form-urlencoded`.
    Form(Vec<(&'static str, String)>),
    /// These exact bytes (what a signature covers) with these headers, `Content-Type`
    /// among them.
    Json {
        headers: Vec<(&'static str, String)>,
        bytes: Vec<u8>,
    },
}

/// What came back over HTTP, its body already redacted.
pub(crate) struct Exchange {
    pub status: u16,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

impl Exchange {
    pub(crate) fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The error for a status other than 2xx, when the body says nothing better.
    pub(crate) fn http_error(&self) -> CallError {
        CallError::Http {
            status: self.status,
            retry_after: self.retry_after,
        }
    }
}

pub(crate) struct Transport {
    http: HttpClient,
    options: TransportOptions,
    /// When the next request of each label may start.
    next_slot: Mutex<HashMap<String, Instant>>,
}

impl Transport {
    pub(crate) fn new(options: TransportOptions) -> anyhow::Result<Transport> {
        let mut builder = HttpClient::builder()
            .user_agent(options.user_agent.clone())
            .connect_timeout(options.request_timeout.min(Duration::from_secs(10)))
            // A bound on each read; the whole request's deadline is kept by `post`.
            .timeout(options.request_timeout)
            // A redirect would turn the POST into a GET, which the API refuses anyway.
            .redirect(reqwest::redirect::Policy::none())
            // What may be sent again is our decision alone: submits never, Detail by wait.rs.
            .retry(reqwest::retry::never());
        if options.loopback {
            builder = builder.no_proxy();
        }
        if !options.https {
            // Plain http (loopback only): no TLS can happen, so skip loading the system's
            // certificate store, a few milliseconds of file reads on every run.
            builder = builder.tls_certs_only(std::iter::empty());
        }
        let http = builder.build().context(t!("backend.client_setup"))?;
        Ok(Transport {
            http,
            options,
            next_slot: Mutex::new(HashMap::new()),
        })
    }

    /// Waits for `label`'s next free slot under its rate; false when interrupted.
    fn pace(&self, label: &str) -> bool {
        let Some(rate) = (self.options.rate)(label).filter(|r| *r > 0) else {
            return true;
        };
        // A tenth under the rate: the vendor counts arrivals, and requests spaced exactly
        // at it arrive bunched when several threads send them.
        let spacing = Duration::from_secs(1) * 11 / (rate * 10);
        let start = {
            let mut slots = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let start = slots.get(label).copied().unwrap_or(now).max(now);
            slots.insert(label.to_owned(), start + spacing);
            start
        };
        signal::wait(start, || false) != Waited::Interrupted
    }

    pub(crate) fn trace(&self, line: impl FnOnce() -> String) {
        if let Some(trace) = &self.options.trace {
            trace(&line());
        }
    }

    /// POSTs `body` (`label` names it in `-v` lines) and waits for the whole answer until
    /// the request timeout, `deadline` or a signal, whichever comes first. The exchange
    /// runs on the calling thread's worker ([`worker`]), so that neither a trickling
    /// answer nor Ctrl-C can hold the run past them.
    pub(crate) fn post(
        &self,
        label: &str,
        url: String,
        body: Body,
        deadline: Option<Instant>,
    ) -> Result<Exchange, CallError> {
        if signal::interrupted() || !self.pace(label) {
            return Err(CallError::Interrupted { sent: false });
        }
        let started = Instant::now();
        let limit = started
            .checked_add(self.options.request_timeout)
            .unwrap_or(started);
        let deadline = deadline.map_or(limit, |d| d.min(limit));
        let request = match body {
            Body::Form(form) => self.http.post(&url).form(&form),
            Body::Json { headers, bytes } => headers
                .into_iter()
                .fold(self.http.post(&url), |request, (name, value)| {
                    request.header(name, value)
                })
                .body(bytes),
        };
        let mut exchange = worker::run(request, deadline, self.options.request_timeout)?;
        self.trace(|| {
            format!(
                "{label} answered HTTP {} with {} bytes in {} ms",
                exchange.status,
                exchange.body.len(),
                started.elapsed().as_millis()
            )
        });
        // The one place server text enters: whatever it echoes of a secret goes here.
        exchange.body = self.options.redactor.redact_bytes(exchange.body);
        Ok(exchange)
    }
}

/// The longest refusal message shown: a gateway may put a whole page in it.
pub(crate) const MAX_MESSAGE_CHARS: usize = 300;

/// Describes an unreadable body by its parse error and a short excerpt.
pub(crate) fn unreadable(body: &[u8], err: &serde_json::Error) -> CallError {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]);
    let excerpt: String = head
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    CallError::Unreadable(
        t!(
            "backend.body_starts",
            error = parse_error(err),
            excerpt = excerpt.trim()
        )
        .into_owned(),
    )
}

/// The parser's error: its own English words, or ours in another language.
fn parse_error(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    if &*rust_i18n::locale() == "en" {
        return err.to_string();
    }
    let (line, column) = (err.line(), err.column());
    match err.classify() {
        Category::Eof => t!("backend.json_eof", line = line, column = column),
        Category::Data => t!("backend.json_shape", detail = err),
        Category::Syntax | Category::Io => t!("backend.json_syntax", line = line, column = column),
    }
    .into_owned()
}

/// `Retry-After` in seconds; the HTTP-date form is not used by DNSPod and is ignored.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let secs: u64 = value.trim().parse().ok()?;
    Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests;
mod worker;
