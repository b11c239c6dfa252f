//! Scripted faults: a FIFO queue of misbehaviours, each served once in place of a normal answer.

use std::collections::VecDeque;
use std::time::Duration;

use crate::http::{self, Api, Request, Response};
use crate::{legacy, v3};

/// A misbehaviour the next matching request gets instead of its normal answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// That HTTP status with a short text/plain body, like a proxy's 502.
    HttpStatus(u16),
    /// HTTP 200 with an HTML page, like a WAF or a captive portal.
    Html,
    /// HTTP 200 with an HTML page quoting the request body, token and all, as some
    /// gateways' block pages do: a client must not show it unredacted.
    Echo,
    /// The normal answer, with every `marker` in it replaced by the account's secrets as a
    /// JSON string may spell them: every other character a `\u` escape (`\u0066a\u006be`,
    /// `\/` for a `/`), so that no run of raw bytes holds one. Put the marker where the
    /// echo should be: a refusal's message, an item's err_msg, a record's value or remark.
    EscapedEcho { marker: String },
    /// HTTP 200 with JSON cut off midway (an API 3.0 one for an API 3.0 request).
    BrokenJson,
    /// A well-formed legacy envelope carrying this status, e.g. `-2` (over the rate limit);
    /// the legacy shape even on API 3.0, where [`Fault::V3Error`] is the refusal.
    ApiCode { code: String, message: String },
    /// An API 3.0 refusal, `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`,
    /// e.g. `RequestLimitExceeded`, `InternalError` or `FailedOperation.UnknowError`.
    V3Error { code: String, message: String },
    /// HTTP 200 with exactly this JSON body: an answer the fake would not give on its own,
    /// such as a page that contradicts its own total.
    Json(String),
    /// Read the request, then close without a byte of answer.
    Drop,
    /// Wait this long, then answer normally.
    Slow(Duration),
    /// Answer normally, but send the body one byte at a time, this long apart.
    Trickle(Duration),
    /// HTTP 200 with a body that never ends (sent as fast as it is read, for at most 1 GiB).
    Endless,
    /// HTTP 200 declaring a 2 GiB body, then sending it as fast as it is read.
    Huge,
    /// This HTTP status with exactly this JSON body, and `Retry-After: N` when given: a
    /// gateway's 503, or a refusal the server sends with an error status.
    StatusJson {
        status: u16,
        body: String,
        retry_after: Option<u64>,
    },
}

/// What serving a fault means for the connection.
pub(crate) enum Effect {
    Answer(Response),
    Close,
    ProcessAfter(Duration),
    /// The normal answer, with each of these in its body replaced by the secrets escaped.
    Echo(String),
    /// The normal answer, its body a byte at a time.
    Trickle(Duration),
    /// A head, then `length` bytes of JSON white space, or endless ones when `None`.
    Stream {
        head: String,
        length: Option<u64>,
    },
}

impl Fault {
    /// What this fault does to this request.
    pub(crate) fn effect(self, request: &Request) -> Effect {
        let body = &request.body;
        // API 3.0 answers are labelled as such; legacy ones as the legacy server does.
        let json = match request.api {
            Api::Legacy => http::JSON,
            Api::V3 => v3::CONTENT_TYPE,
        };
        match self {
            Fault::HttpStatus(status) => Effect::Answer(Response::plain(status, "injected fault")),
            Fault::Html => Effect::Answer(Response::new(200, http::HTML, BLOCK_PAGE)),
            Fault::Echo => Effect::Answer(Response::new(
                200,
                http::HTML,
                // The body first, so that even a short excerpt of this page holds the token.
                format!("<pre>{body}</pre><p>Blocked by the gateway.</p>\n"),
            )),
            Fault::BrokenJson => Effect::Answer(match request.api {
                Api::Legacy => Response::new(200, json, TRUNCATED_JSON),
                Api::V3 => Response::new(200, json, v3::truncated_body()),
            }),
            Fault::ApiCode { code, message } => Effect::Answer(Response::new(
                200,
                json,
                legacy::envelope(&code, &message, Vec::new()),
            )),
            Fault::V3Error { code, message } => {
                Effect::Answer(Response::new(200, json, v3::error_body(&code, &message)))
            }
            Fault::EscapedEcho { marker } => Effect::Echo(marker),
            Fault::Json(body) => Effect::Answer(Response::new(200, json, body)),
            Fault::Drop => Effect::Close,
            Fault::Slow(delay) => Effect::ProcessAfter(delay),
            Fault::Trickle(every) => Effect::Trickle(every),
            Fault::Endless => Effect::Stream {
                head: format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\nConnection: close\r\n\r\n"
                ),
                length: None,
            },
            Fault::Huge => Effect::Stream {
                head: format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\nContent-Length: {HUGE}\r\nConnection: close\r\n\r\n"
                ),
                length: Some(HUGE),
            },
            Fault::StatusJson {
                status,
                body,
                retry_after,
            } => {
                let mut response = Response::new(status, json, body);
                if let Some(secs) = retry_after {
                    response.headers.push(("Retry-After", secs.to_string()));
                }
                Effect::Answer(response)
            }
        }
    }
}

/// The vendor's refusal of a call over the rate (`throttle.rs`), on `api`.
pub(crate) fn over_rate(api: Api) -> Fault {
    let message = "API usage is limited: too many calls a second".to_string();
    match api {
        Api::Legacy => Fault::ApiCode {
            code: "-2".into(),
            message,
        },
        Api::V3 => Fault::V3Error {
            code: "RequestLimitExceeded".into(),
            message,
        },
    }
}

/// `secrets` as [`Fault::EscapedEcho`] spells them, one after another.
pub(crate) fn json_escaped(secrets: &[&str]) -> String {
    let spell = |secret: &str| -> String {
        let mut spelled = String::new();
        for (i, c) in secret.chars().enumerate() {
            match c {
                '/' => spelled.push_str("\\/"),
                c if i % 2 == 0 => {
                    let mut units = [0; 2];
                    for unit in c.encode_utf16(&mut units) {
                        spelled.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => spelled.push(c),
            }
        }
        spelled
    };
    secrets
        .iter()
        .map(|s| spell(s))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The declared length of [`Fault::Huge`]: 2 GiB.
const HUGE: u64 = 2 << 30;

const BLOCK_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Access denied</title></head>\n\
<body><h1>Access denied</h1><p>Your request was blocked by the security gateway.</p></body></html>\n";

const TRUNCATED_JSON: &str =
    r#"{"status":{"code":"1","message":"Action completed successful","created_at":"2015-09-08 1"#;

/// Faults in the order they were scripted, each tagged with the action it waits for.
#[derive(Default)]
pub(crate) struct FaultQueue(VecDeque<(String, Fault)>);

impl FaultQueue {
    /// The scripted faults no request has taken yet.
    pub(crate) fn pending(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|(action, fault)| format!("{action}: {fault:?}"))
            .collect()
    }

    pub(crate) fn push(&mut self, action: &str, fault: Fault) {
        self.0.push_back((action.to_string(), fault));
    }

    /// Removes and returns the oldest fault scripted for this action or for any (`*`).
    pub(crate) fn take(&mut self, action: &str) -> Option<Fault> {
        let index = self
            .0
            .iter()
            .position(|(wanted, _)| wanted == "*" || wanted == action)?;
        self.0.remove(index).map(|(_, fault)| fault)
    }
}

#[cfg(test)]
mod tests;
