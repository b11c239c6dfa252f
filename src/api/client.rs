//! The only code that speaks HTTP: form POSTs with the common parameters, the User-Agent the
//! vendor demands, timeouts, and a classification of failures that keeps submits safe.

use super::types::{Action, Answer, Envelope, JobDetail, Request, Status, SubmitAnswer};
use crate::error::{ApiRefused, Interrupted, OutcomeUnknown};
use crate::input::values::display_duration;
use crate::output::visible;
use crate::secret::Token;
use crate::signal::{self, Waited};
use anyhow::{Context, anyhow};
use reqwest::blocking::Client as HttpClient;
use std::fmt;
use std::io::Read;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::time::{Duration, Instant};
use url::Url;

/// Language of the API's `status.message`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Lang {
    En,
    Cn,
}

impl Lang {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cn => "cn",
        }
    }

    pub(crate) fn parse(raw: &str) -> Option<Lang> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "cn" => Some(Lang::Cn),
            _ => None,
        }
    }
}

/// The API base URL: `https://`, or `http://` on a loopback host only (for the fake server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Endpoint {
    base: String,
    loopback: bool,
    https: bool,
}

impl Endpoint {
    pub(crate) fn parse(raw: &str) -> Result<Endpoint, String> {
        let url =
            Url::parse(raw.trim()).map_err(|e| format!("endpoint `{raw}` is not a URL: {e}"))?;
        if !url.username().is_empty() || url.password().is_some() {
            // The URL is not repeated: it holds a password.
            return Err(
                "the endpoint must not hold a user name or password (DNSPod takes the token in the request body)"
                    .to_owned(),
            );
        }
        let loopback = match url.host() {
            Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
            Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
            None => return Err(format!("endpoint `{raw}` has no host")),
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(format!(
                    "endpoint `{raw}` must use https:// (http:// is allowed only for loopback hosts such as 127.0.0.1)"
                ));
            }
            other => {
                return Err(format!(
                    "endpoint `{raw}` has scheme `{other}`; use https://"
                ));
            }
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "endpoint `{raw}` must not have a query or fragment"
            ));
        }
        Ok(Endpoint {
            base: url.as_str().trim_end_matches('/').to_owned(),
            loopback,
            https: url.scheme() == "https",
        })
    }

    pub(crate) fn url_for(&self, action: Action) -> String {
        format!("{}/{}", self.base, action.wire_name())
    }

    pub(crate) fn is_loopback(&self) -> bool {
        self.loopback
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

/// What a client needs to know, resolved from flags, environment and config.
pub(crate) struct ClientOptions {
    pub endpoint: Endpoint,
    pub token: Token,
    pub lang: Lang,
    pub user_agent: String,
    pub request_timeout: Duration,
    pub verbose: bool,
}

/// Why a call failed, in the terms that decide whether it may be repeated.
#[derive(Debug)]
pub(crate) enum CallError {
    /// No connection was made: the request never left this machine.
    NotSent(String),
    /// The connection failed or timed out after the request may have been sent.
    Transport(String),
    /// An HTTP status other than 2xx, and how long the server asked us to wait, if it did.
    Http {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// A body that is not the JSON we expect (an HTML page, a truncated answer).
    Unreadable(String),
    /// The API's own refusal (`status.code` not `"1"`).
    Refused(ApiRefused),
    /// Ctrl-C or SIGTERM; `sent` when the request may already have left.
    Interrupted { sent: bool },
}

impl CallError {
    /// As an error for the exit-code table: a refusal stays an [`ApiRefused`] (exit 3), an
    /// interrupt an [`Interrupted`] (exit 130).
    pub(crate) fn into_error(self) -> anyhow::Error {
        match self {
            CallError::Refused(refused) => refused.into(),
            CallError::Interrupted { .. } => Interrupted.into(),
            other => other.into(),
        }
    }

    /// Worth another Batch.Detail after a pause: the failure may pass on its own.
    pub(crate) fn is_transient(&self) -> bool {
        match self {
            CallError::NotSent(_) | CallError::Transport(_) | CallError::Unreadable(_) => true,
            CallError::Http { status, .. } => *status >= 500 || *status == 429,
            CallError::Refused(refused) => refused.code == "-2",
            CallError::Interrupted { .. } => false,
        }
    }

    /// How long the server asked us to wait before the next request.
    pub(crate) fn retry_after(&self) -> Option<Duration> {
        match self {
            CallError::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::NotSent(why) => write!(f, "could not connect: {why}"),
            CallError::Transport(why) => write!(f, "connection failed: {why}"),
            CallError::Http { status, .. } => write!(f, "HTTP status {status}"),
            CallError::Unreadable(why) => write!(f, "unreadable answer: {why}"),
            CallError::Refused(refused) => write!(f, "code {}: {}", refused.code, refused.message),
            CallError::Interrupted { .. } => f.write_str("interrupted"),
        }
    }
}

impl std::error::Error for CallError {}

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

/// What came back over HTTP, before it is read as an answer.
struct Exchange {
    status: u16,
    retry_after: Option<Duration>,
    body: Vec<u8>,
}

pub(crate) struct Client {
    http: HttpClient,
    options: ClientOptions,
}

impl Client {
    pub(crate) fn new(options: ClientOptions) -> anyhow::Result<Client> {
        let mut builder = HttpClient::builder()
            .user_agent(options.user_agent.clone())
            .connect_timeout(options.request_timeout.min(Duration::from_secs(10)))
            // A bound on each read; the whole request's deadline is kept by `exchange`.
            .timeout(options.request_timeout)
            // A redirect would turn the POST into a GET, which the API refuses anyway.
            .redirect(reqwest::redirect::Policy::none())
            // What may be sent again is our decision alone: submits never, Detail by wait.rs.
            .retry(reqwest::retry::never());
        if options.endpoint.is_loopback() {
            builder = builder.no_proxy();
        }
        if !options.endpoint.https {
            // Plain http (loopback only): no TLS can happen, so skip loading the system's
            // certificate store, a few milliseconds of file reads on every run.
            builder = builder.tls_certs_only(std::iter::empty());
        }
        let http = builder
            .build()
            .context("could not set up the HTTP client")?;
        Ok(Client { http, options })
    }

    /// The full form a request is sent with: the common parameters, then its own.
    pub(crate) fn form(
        request: &Request,
        login_token: String,
        lang: Lang,
    ) -> Vec<(&'static str, String)> {
        let mut form = vec![
            ("login_token", login_token),
            ("format", "json".to_owned()),
            ("lang", lang.as_str().to_owned()),
            ("error_on_empty", "no".to_owned()),
        ];
        form.extend(request.params.iter().cloned());
        form
    }

    /// Sends a submit once and returns its job id. Any failure after the request may have
    /// left becomes [`OutcomeUnknown`]: it is never re-sent.
    pub(crate) fn submit(&self, request: &Request) -> anyhow::Result<u64> {
        let action = request.action.wire_name();
        let unknown = |interrupted| OutcomeUnknown {
            action,
            interrupted,
        };
        match self.call::<SubmitAnswer>(request) {
            // A job id of 0 names no job: whatever was created cannot be followed.
            Ok(answer) if answer.job_id == 0 => {
                Err(anyhow!("the answer says job id 0")).context(unknown(false))
            }
            Ok(answer) => Ok(answer.job_id),
            Err(CallError::Refused(refused)) => Err(refused.into()),
            Err(CallError::Interrupted { sent: false }) => Err(Interrupted)
                .with_context(|| format!("{action} was not sent to {}", self.options.endpoint)),
            Err(CallError::Interrupted { sent: true }) => {
                Err(anyhow!(Interrupted).context(unknown(true)))
            }
            Err(err @ CallError::NotSent(_)) => Err(anyhow!(err))
                .with_context(|| format!("{action} was not sent to {}", self.options.endpoint)),
            Err(err) => Err(anyhow!(err)).context(unknown(false)),
        }
    }

    /// One Batch.Detail call, cut short at `deadline`; the caller decides whether a failure
    /// is worth repeating. A job without items is no answer: every job has at least one.
    pub(crate) fn detail(
        &self,
        job_id: u64,
        deadline: Option<Instant>,
    ) -> Result<JobDetail, CallError> {
        let request = Request {
            action: Action::Detail,
            params: vec![("job_id", job_id.to_string())],
        };
        let detail: JobDetail = self.call_until(&request, deadline)?;
        if detail.domains.is_empty() {
            return Err(CallError::Unreadable(format!(
                "Batch.Detail lists no items for job {job_id}"
            )));
        }
        Ok(detail)
    }

    /// One call of a read-only action (the look-ups), given up at the request timeout.
    /// Submits go through [`Client::submit`], which alone knows they must never be repeated.
    pub(crate) fn call<T: Answer>(&self, request: &Request) -> Result<T, CallError> {
        self.call_until(request, None)
    }

    /// One call, given up at the request timeout or at `deadline`, whichever is first.
    fn call_until<T: Answer>(
        &self,
        request: &Request,
        deadline: Option<Instant>,
    ) -> Result<T, CallError> {
        let action = request.action;
        let url = self.options.endpoint.url_for(action);
        let form = Client::form(request, self.options.token.login_token(), self.options.lang);
        if self.options.verbose {
            crate::output::log(&format!("POST {url} {}", self.describe_form(&form)));
        }
        let started = Instant::now();
        let limit = started
            .checked_add(self.options.request_timeout)
            .unwrap_or(started);
        let exchange = self.exchange(url, form, deadline.map_or(limit, |d| d.min(limit)))?;
        if self.options.verbose {
            crate::output::log(&format!(
                "{} answered HTTP {} with {} bytes in {} ms",
                action.wire_name(),
                exchange.status,
                exchange.body.len(),
                started.elapsed().as_millis()
            ));
        }
        // The one place server text enters: whatever it echoes of the token goes here.
        let body = self.options.token.redact_bytes(exchange.body);
        if (200..300).contains(&exchange.status) {
            return parse_answer(action, &body);
        }
        // A refusal may come with an error status (a failed login with a 5xx): the code
        // decides, so that a login failure is never repeated.
        match parse_answer::<Envelope>(action, &body) {
            Err(refused @ CallError::Refused(_)) => Err(refused),
            _ => Err(CallError::Http {
                status: exchange.status,
                retry_after: exchange.retry_after,
            }),
        }
    }

    /// Runs one HTTP exchange on a worker thread and waits for it until `deadline` or a
    /// signal, so that neither a trickling answer nor Ctrl-C can hold the run past them.
    fn exchange(
        &self,
        url: String,
        form: Vec<(&'static str, String)>,
        deadline: Instant,
    ) -> Result<Exchange, CallError> {
        if signal::interrupted() {
            return Err(CallError::Interrupted { sent: false });
        }
        let http = self.http.clone();
        let cancelled = Arc::new(AtomicBool::new(false));
        let (sender, answers) = mpsc::channel();
        let worker_cancelled = Arc::clone(&cancelled);
        std::thread::Builder::new()
            .name("dpbatch-request".into())
            .spawn(move || {
                let _ = sender.send(send_and_read(&http, &url, &form, &worker_cancelled));
                signal::ring();
            })
            .map_err(|e| CallError::NotSent(format!("could not start the request: {e}")))?;
        let mut answer = None;
        let waited = signal::wait(deadline, || {
            answer = match answers.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Err(CallError::Transport(
                    "the request thread ended without an answer".into(),
                ))),
            };
            answer.is_some()
        });
        cancelled.store(true, Ordering::SeqCst);
        match (waited, answer) {
            (Waited::Ready, Some(result)) => result,
            (Waited::Interrupted, _) => Err(CallError::Interrupted { sent: true }),
            _ => Err(CallError::Transport(format!(
                "no complete answer within {}",
                display_duration(self.options.request_timeout)
            ))),
        }
    }

    /// The form as a log line, with the token redacted and long values cut short.
    fn describe_form(&self, form: &[(&'static str, String)]) -> String {
        form.iter()
            .map(|(name, value)| match *name {
                "login_token" => format!("{name}={}", self.options.token),
                _ if value.chars().count() > 120 => {
                    let head: String = value.chars().take(120).collect();
                    format!("{name}={head}...({} bytes)", value.len())
                }
                _ => format!("{name}={value}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The worker's half of [`Client::exchange`]: the POST, then the body, read up to
/// [`MAX_ANSWER_BYTES`] and given up as soon as the caller stopped waiting.
fn send_and_read(
    http: &HttpClient,
    url: &str,
    form: &[(&'static str, String)],
    cancelled: &AtomicBool,
) -> Result<Exchange, CallError> {
    let mut response = http.post(url).form(form).send().map_err(|e| {
        let why = error_chain(&e);
        if e.is_connect() {
            CallError::NotSent(why)
        } else if e.is_timeout() {
            CallError::Transport(format!("no answer in time: {why}"))
        } else {
            CallError::Transport(why)
        }
    })?;
    let too_large = || {
        CallError::Unreadable(format!(
            "the answer is larger than {} MiB, the most dpbatch reads",
            MAX_ANSWER_BYTES >> 20
        ))
    };
    let length = response.content_length();
    if length.is_some_and(|length| length > MAX_ANSWER_BYTES) {
        return Err(too_large());
    }
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(parse_retry_after);
    // One exact allocation when the length is known: a large Batch.Detail answer is
    // several MB, and a growing buffer would hold up to twice that.
    let mut body = Vec::with_capacity(usize::try_from(length.unwrap_or(0)).unwrap_or(0));
    let mut chunk = vec![0; 64 << 10];
    loop {
        let read = response.read(&mut chunk).map_err(|e| {
            CallError::Transport(format!("reading the answer: {}", error_chain(&e)))
        })?;
        if read == 0 || cancelled.load(Ordering::SeqCst) {
            break;
        }
        if body.len() + read > MAX_ANSWER_BYTES as usize {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk[..read]);
    }
    Ok(Exchange {
        status: response.status().as_u16(),
        retry_after,
        body,
    })
}

/// `Retry-After` in seconds; the HTTP-date form is not used by DNSPod and is ignored.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let secs: u64 = value.trim().parse().ok()?;
    Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER))
}

/// The longest refusal message shown: a gateway may put a whole page in it.
const MAX_MESSAGE_CHARS: usize = 300;

/// Reads an answer body (already redacted) in one pass. A refusal need not carry the
/// payload's fields (no `job_id`, say), so when the payload does not read, the envelope
/// alone is tried.
pub(crate) fn parse_answer<T: Answer>(action: Action, body: &[u8]) -> Result<T, CallError> {
    let refused = |status: &Status| {
        CallError::Refused(ApiRefused {
            action: action.wire_name(),
            // Escaped whole, line breaks too: a message cannot forge a line of stderr.
            code: visible(&shorten(&status.code, 40)).into_owned(),
            message: visible(&shorten(
                status.message.as_deref().unwrap_or_default(),
                MAX_MESSAGE_CHARS,
            ))
            .into_owned(),
        })
    };
    match serde_json::from_slice::<T>(body) {
        Ok(answer) if answer.status().code == "1" => Ok(answer),
        Ok(answer) => Err(refused(answer.status())),
        Err(err) => match serde_json::from_slice::<Envelope>(body) {
            Ok(envelope) if envelope.status.code != "1" => Err(refused(&envelope.status)),
            _ => Err(unreadable(body, &err)),
        },
    }
}

/// `text` cut to `max` characters, saying how long it was.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}... ({} bytes in all)", &text[..end], text.len()),
    }
}

/// Describes an unreadable body by its parse error and a short excerpt.
fn unreadable(body: &[u8], err: &serde_json::Error) -> CallError {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]);
    let excerpt: String = head
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    CallError::Unreadable(format!("{err} (the body starts with `{}`)", excerpt.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VENDOR_BODIES: [&str; 4] = [
        include_str!("../../tests/cli/vendor/batch-domain-create.json"),
        include_str!("../../tests/cli/vendor/batch-record-create.json"),
        include_str!("../../tests/cli/vendor/batch-record-modify.json"),
        include_str!("../../tests/cli/vendor/batch-detail.json"),
    ];

    /// Both parsers the client uses, on one body: they may fail, never panic.
    fn parse_both(body: &[u8]) {
        let _ = parse_answer::<JobDetail>(Action::Detail, body);
        let _ = parse_answer::<SubmitAnswer>(Action::DomainCreate, body);
    }

    /// A vendor body with one edit: cut short, a byte replaced, or a value swapped for
    /// another JSON value the vendor might send.
    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        let replacement = prop_oneof![
            Just("null".to_owned()),
            Just("\"\"".to_owned()),
            Just("\"abc\"".to_owned()),
            Just("-1".to_owned()),
            Just("1.5".to_owned()),
            Just("[]".to_owned()),
            Just("{}".to_owned()),
            Just("true".to_owned()),
            Just("18446744073709551616".to_owned()),
            "\\PC{0,8}",
        ];
        (
            0..VENDOR_BODIES.len(),
            any::<prop::sample::Index>(),
            0usize..3,
            any::<u8>(),
            replacement,
        )
            .prop_map(|(which, at, how, byte, replacement)| {
                let body = VENDOR_BODIES[which].as_bytes();
                let at = at.index(body.len());
                match how {
                    0 => body[..at].to_vec(),
                    1 => {
                        let mut body = body.to_vec();
                        body[at] = byte;
                        body
                    }
                    _ => {
                        // Replace the value after the `at`-th colon, up to the next , or }.
                        let text = VENDOR_BODIES[which];
                        let colon = text
                            .match_indices(':')
                            .map(|(i, _)| i)
                            .nth(at % text.matches(':').count())
                            .unwrap();
                        let end = text[colon..]
                            .find([',', '}'])
                            .map_or(text.len(), |e| colon + e);
                        format!("{}{}{}", &text[..=colon], replacement, &text[end..]).into_bytes()
                    }
                }
            })
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic_the_parser(body in proptest::collection::vec(any::<u8>(), 0..512)) {
            parse_both(&body);
        }

        #[test]
        fn mutated_vendor_bodies_never_panic_the_parser(body in mutated()) {
            parse_both(&body);
        }
    }

    #[test]
    fn vendor_bodies_parse_and_refusals_keep_code_and_message() {
        for body in VENDOR_BODIES {
            assert!(parse_answer::<JobDetail>(Action::Detail, body.as_bytes()).is_ok());
        }
        let refused = br#"{"status": {"code": "-1", "message": "Login failed"}}"#;
        match parse_answer::<JobDetail>(Action::Detail, refused) {
            Err(CallError::Refused(r)) => assert_eq!(
                (r.code.as_str(), r.message.as_str()),
                ("-1", "Login failed")
            ),
            other => panic!("{other:?}"),
        }
        match parse_answer::<JobDetail>(Action::Detail, b"<html><body>502</body></html>") {
            Err(CallError::Unreadable(why)) => assert!(why.contains("<html>"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn long_refusal_messages_are_cut_short() {
        let body = format!(
            r#"{{"status": {{"code": "-15", "message": "{}"}}}}"#,
            "x".repeat(1_000_000)
        );
        match parse_answer::<JobDetail>(Action::Detail, body.as_bytes()) {
            Err(CallError::Refused(r)) => {
                assert!(r.message.len() < 400, "{} bytes", r.message.len());
                assert!(
                    r.message.ends_with("(1000000 bytes in all)"),
                    "{}",
                    r.message
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_bounded() {
        assert_eq!(parse_retry_after(" 60 "), Some(Duration::from_secs(60)));
        assert_eq!(parse_retry_after("99999999"), Some(MAX_RETRY_AFTER));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn https_endpoints_are_accepted_anywhere() {
        let endpoint = Endpoint::parse("https://dnsapi.cn/").unwrap();
        assert_eq!(
            endpoint.url_for(Action::Detail),
            "https://dnsapi.cn/Batch.Detail"
        );
        assert!(!endpoint.is_loopback());
    }

    #[test]
    fn plain_http_is_allowed_on_loopback_only() {
        for ok in [
            "http://127.0.0.1:8053",
            "http://127.1.2.3",
            "http://localhost:1",
            "http://[::1]:80",
        ] {
            assert!(Endpoint::parse(ok).unwrap().is_loopback(), "{ok}");
        }
        for bad in [
            "http://dnsapi.cn",
            "http://10.0.0.1",
            "http://[::2]",
            "ftp://127.0.0.1",
            "dnsapi.cn",
        ] {
            let err = Endpoint::parse(bad).unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn the_form_starts_with_the_common_parameters() {
        let request = Request {
            action: Action::Detail,
            params: vec![("job_id", "7".into())],
        };
        let form = Client::form(&request, "1,s".into(), Lang::Cn);
        let names: Vec<_> = form.iter().map(|(n, v)| format!("{n}={v}")).collect();
        assert_eq!(
            names,
            [
                "login_token=1,s",
                "format=json",
                "lang=cn",
                "error_on_empty=no",
                "job_id=7"
            ]
        );
    }

    #[test]
    fn only_passing_failures_are_transient() {
        let refused = |code: &str| {
            CallError::Refused(ApiRefused {
                action: "Batch.Detail",
                code: code.into(),
                message: String::new(),
            })
        };
        assert!(refused("-2").is_transient());
        assert!(!refused("-1").is_transient());
        assert!(!refused("8").is_transient());
        let http = |status| CallError::Http {
            status,
            retry_after: None,
        };
        assert!(http(502).is_transient());
        assert!(http(429).is_transient());
        assert!(!http(404).is_transient());
        assert!(!CallError::Interrupted { sent: true }.is_transient());
        assert!(CallError::Unreadable("x".into()).is_transient());
    }
}
