//! The legacy API over the shared transport: form POSTs with the common parameters, and
//! answers read in one pass into their wire types, refusals classified by their code.

use super::codes;
use super::wire::{Action, Answer, Envelope, ModifyAnswer, Request, Status, SubmitAnswer};
use crate::backend::call::{change_outcome, submit_outcome};
use crate::backend::http::{Body, MAX_MESSAGE_CHARS, Transport, TransportOptions, unreadable};
use crate::backend::items::Domain;
use crate::backend::{CallError, ChangeError, Endpoint, Lang};
use crate::error::ApiRefused;
use crate::escape::{shorten, visible};
use crate::secret::Token;
use std::time::Instant;

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

/// The form as a `-v` line: the token shown by its ID only, long values cut short.
fn describe(form: &[(&'static str, String)], token: &Token) -> String {
    form.iter()
        .map(|(name, value)| match *name {
            "login_token" => format!("{name}={token}"),
            _ if value.chars().count() > 120 => {
                let head: String = value.chars().take(120).collect();
                format!("{name}={head}...({} bytes)", value.len())
            }
            _ => format!("{name}={value}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A client of the legacy API for one token.
pub(crate) struct Client {
    transport: Transport,
    endpoint: Endpoint,
    token: Token,
    lang: Lang,
}

impl Client {
    pub(crate) fn new(
        endpoint: Endpoint,
        token: Token,
        lang: Lang,
        transport: TransportOptions,
    ) -> anyhow::Result<Client> {
        Ok(Client {
            transport: Transport::new(transport)?,
            endpoint,
            token,
            lang,
        })
    }

    /// Sends a submit once: its job id and the items its answer echoes. Any failure after
    /// the request may have left is an unknown outcome: it is never re-sent.
    pub(crate) fn submit(&self, request: &Request) -> Result<(u64, Vec<Domain>), ChangeError> {
        // Only a modify's echo is read: the others' can be megabytes that say nothing new.
        let answer = match request.action {
            Action::RecordModify => self
                .call::<ModifyAnswer>(request, None)
                .map(|a| (a.job_id, a.echo)),
            _ => self
                .call::<SubmitAnswer>(request, None)
                .map(|a| (a.job_id, Vec::new())),
        };
        // Every legacy refusal is definite: the API has no code for "maybe queued".
        submit_outcome(request.action.wire_name(), &self.endpoint, answer, |_| {
            false
        })
    }

    /// Sends a change that is not a job (Record.Remove, Record.Create, …) once, as a submit is sent: a
    /// refusal is definite, a lost answer an unknown outcome, never re-sent.
    pub(crate) fn change<T: Answer>(&self, request: &Request) -> Result<T, ChangeError> {
        let answer = self.call::<T>(request, None);
        change_outcome(request.action.wire_name(), &self.endpoint, answer, |_| {
            false
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
        let url = self.endpoint.join(action.wire_name());
        let form = form(request, self.token.login_token(), self.lang);
        self.transport
            .trace(|| format!("POST {url} {}", describe(&form, &self.token)));
        let exchange = self
            .transport
            .post(action.wire_name(), url, Body::Form(form), deadline)?;
        if exchange.is_success() {
            return parse_answer(action, &exchange.body);
        }
        // A refusal may come with an error status (a failed login with a 5xx): the code
        // decides, so that a login failure is never repeated.
        match parse_answer::<Envelope>(action, &exchange.body) {
            Err(refused @ CallError::Refused(_)) => Err(refused),
            _ => Err(exchange.http_error()),
        }
    }
}

/// Reads an answer body (already redacted) in one pass. A refusal need not carry the
/// payload's fields (no `job_id`, say), so when the payload does not read, the envelope
/// alone is tried.
pub(crate) fn parse_answer<T: Answer>(action: Action, body: &[u8]) -> Result<T, CallError> {
    match serde_json::from_slice::<T>(body) {
        Ok(answer) if answer.status().code == "1" => Ok(answer),
        Ok(answer) => Err(refused(action, answer.status())),
        Err(err) => match serde_json::from_slice::<Envelope>(body) {
            Ok(envelope) if envelope.status.code != "1" => Err(refused(action, &envelope.status)),
            _ => Err(unreadable(body, &err)),
        },
    }
}

fn refused(action: Action, status: &Status) -> CallError {
    let (kind, hint) = codes::classify(action, &status.code);
    CallError::Refused(ApiRefused {
        action: action.wire_name(),
        // Escaped whole, line breaks too: a message cannot forge a line of stderr.
        code: visible(&shorten(&status.code, 40)).into_owned(),
        message: visible(&shorten(
            status.message.as_deref().unwrap_or_default(),
            MAX_MESSAGE_CHARS,
        ))
        .into_owned(),
        kind,
        hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::legacy::wire::JobDetail;
    use proptest::prelude::*;

    const VENDOR_BODIES: [&str; 4] = [
        include_str!("../../../tests/cli/vendor/batch-domain-create.json"),
        include_str!("../../../tests/cli/vendor/batch-record-create.json"),
        include_str!("../../../tests/cli/vendor/batch-record-modify.json"),
        include_str!("../../../tests/cli/vendor/batch-detail.json"),
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
    fn the_form_starts_with_the_common_parameters() {
        let request = Request {
            action: Action::Detail,
            params: vec![("job_id", "7".into())],
        };
        let form = form(&request, "1,s".into(), Lang::Cn);
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
}
