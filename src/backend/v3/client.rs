//! API 3.0 over the shared transport: each request signed with the time of sending, and
//! answers read in one pass, refusals classified by their code and told with the
//! `RequestId` the vendor's support asks for.

use super::sign::{Call, SignedHeaders};
use super::wire::{
    Action, Answer, ApiError, Envelope, ModifyAnswer, Request, SubmitAnswer, Wrapped,
};
use super::{Credentials, codes};
use crate::backend::call::{change_outcome, submit_outcome};
use crate::backend::http::{Body, MAX_MESSAGE_CHARS, Transport, TransportOptions, unreadable};
use crate::backend::items::Domain;
use crate::backend::{CallError, ChangeError, Endpoint, Lang};
use crate::error::ApiRefused;
use crate::escape::{shorten, visible};
use std::time::Instant;

/// The signed headers dpbatch sends: the action is covered too.
pub(crate) const VARIANT: SignedHeaders = SignedHeaders::WithAction;

/// `X-TC-Language` for `--lang`.
pub(crate) fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-US",
        Lang::Cn => "zh-CN",
    }
}

/// A client of API 3.0 for one key pair.
pub(crate) struct Client {
    transport: Transport,
    endpoint: Endpoint,
    credentials: Credentials,
    lang: Lang,
    clock: fn() -> u64,
}

impl Client {
    pub(crate) fn new(
        endpoint: Endpoint,
        credentials: Credentials,
        lang: Lang,
        clock: fn() -> u64,
        transport: TransportOptions,
    ) -> anyhow::Result<Client> {
        Ok(Client {
            transport: Transport::new(transport)?,
            endpoint,
            credentials,
            lang,
            clock,
        })
    }

    /// The headers of `request`, signed now.
    fn headers(&self, request: &Request) -> Vec<(&'static str, String)> {
        let call = Call {
            host: self.endpoint.host(),
            action: request.action.name(),
            body: &request.body,
            timestamp: (self.clock)(),
            variant: VARIANT,
        };
        let signature = call.signature(self.credentials.secret_key.expose());
        let authorization = call.authorization(&self.credentials.secret_id, &signature);
        let token = self.credentials.session_token.as_ref().map(|t| t.expose());
        call.headers(authorization, token, Some(language(self.lang)))
    }

    /// Sends a submit once: its job id and the items its answer echoes. Any failure after
    /// the request may have left, or a refusal that does not say whether a job was queued,
    /// is an unknown outcome: it is never re-sent.
    pub(crate) fn submit(&self, request: &Request) -> Result<(u64, Vec<Domain>), ChangeError> {
        // Only a modify's echo is read: the others' can be megabytes that say nothing new.
        let answer = match request.action {
            Action::ModifyRecordBatch => self
                .call::<ModifyAnswer>(request, None)
                .map(|a| (a.job_id, a.echo)),
            _ => self
                .call::<SubmitAnswer>(request, None)
                .map(|a| (a.job_id, Vec::new())),
        };
        submit_outcome(request.action.name(), &self.endpoint, answer, |refused| {
            codes::outcome_unknown(&refused.code)
        })
    }

    /// Sends a change that is not a job (CreateRecord, ModifyRecord) once, as a submit is
    /// sent: a definite refusal, or an unknown outcome never re-sent.
    pub(crate) fn change<T: Answer>(&self, request: &Request) -> Result<T, ChangeError> {
        let answer = self.call::<T>(request, None);
        change_outcome(request.action.name(), &self.endpoint, answer, |refused| {
            codes::outcome_unknown(&refused.code)
        })
    }

    /// One call, given up at the request timeout or at `deadline`, whichever is first.
    /// Read-only actions may be repeated by the caller; submits go through [`Client::submit`].
    pub(crate) fn call<T: Answer>(
        &self,
        request: &Request,
        deadline: Option<Instant>,
    ) -> Result<T, CallError> {
        let action = request.action;
        let url = self.endpoint.join("");
        self.transport
            .trace(|| format!("POST {url} {} {}", action.name(), describe(&request.body)));
        let body = Body::Json {
            headers: self.headers(request),
            bytes: request.body.clone(),
        };
        let exchange = self.transport.post(action.name(), url, body, deadline)?;
        let (request_id, result) = if exchange.is_success() {
            parse_answer::<T>(action, &exchange.body)
        } else {
            // A refusal may come with an error status: its code decides, so that an auth
            // failure is never repeated; anything else from a gateway is the status.
            match parse_answer::<Envelope>(action, &exchange.body) {
                (id, Err(refused @ CallError::Refused(_))) => (id, Err(refused)),
                (id, _) => (id, Err(exchange.http_error())),
            }
        };
        self.transport.trace(|| {
            let id = request_id.as_deref().unwrap_or("(none)");
            match &result {
                Err(CallError::Refused(r)) => {
                    format!("{} RequestId {id}: {}", action.name(), r.code)
                }
                _ => format!("{} RequestId {id}", action.name()),
            }
        });
        result
    }
}

/// A body as a `-v` line: long ones cut short (no secret is ever in a body).
fn describe(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    visible(&shorten(&text, 120)).into_owned()
}

/// Reads an answer body (already redacted) in one pass, with the `RequestId` it carries.
/// A refusal need not carry the payload's fields (no `JobId`, say), so when the payload
/// does not read, the envelope alone is tried.
pub(crate) fn parse_answer<T: Answer>(
    action: Action,
    body: &[u8],
) -> (Option<String>, Result<T, CallError>) {
    match serde_json::from_slice::<Wrapped<T>>(body) {
        Ok(Wrapped { response }) => {
            let id = response.request_id().map(str::to_owned);
            match response.error() {
                None => (id, Ok(response)),
                Some(error) => {
                    let refused = refused(action, error, id.as_deref());
                    (id, Err(refused))
                }
            }
        }
        Err(err) => match serde_json::from_slice::<Wrapped<Envelope>>(body) {
            Ok(Wrapped { response }) if response.error.is_some() => {
                let id = response.request_id().map(str::to_owned);
                let error = response.error.unwrap_or_default();
                (id.clone(), Err(refused(action, &error, id.as_deref())))
            }
            Ok(Wrapped { response }) => (
                response.request_id().map(str::to_owned),
                Err(unreadable(body, &err)),
            ),
            Err(_) => (None, Err(unreadable(body, &err))),
        },
    }
}

/// A refusal as the user sees it: `Code: Message (RequestId ...)`, escaped whole so that a
/// message cannot forge a line of stderr.
fn refused(action: Action, error: &ApiError, request_id: Option<&str>) -> CallError {
    let code = error.code.as_deref().unwrap_or_default();
    let (kind, hint) = codes::classify(action, code);
    let mut message = shorten(
        error.message.as_deref().unwrap_or_default(),
        MAX_MESSAGE_CHARS,
    );
    if let Some(id) = request_id {
        message.push_str(&format!(" (RequestId {})", shorten(id, 80)));
    }
    CallError::Refused(ApiRefused {
        action: action.name(),
        code: visible(&shorten(code, 80)).into_owned(),
        message: visible(&message).into_owned(),
        kind,
        hint,
    })
}

#[cfg(test)]
mod tests;
