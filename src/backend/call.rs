//! Why a call failed, in the terms that decide whether it may be repeated, and the one
//! place a read-only call is repeated.

use crate::error::{ApiRefused, Interrupted, OutcomeUnknown};
use crate::signal::{self, Waited};
use anyhow::anyhow;
use rust_i18n::t;
use std::fmt;
use std::time::{Duration, Instant};

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
    /// A body that is not the answer we expect (an HTML page, a truncated answer).
    Unreadable(String),
    /// The API's own refusal.
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

    /// A change that could not start (no client: no credentials) was not sent.
    pub(crate) fn not_sent(self) -> ChangeError {
        ChangeError::NotSent(self.into_error())
    }

    /// Worth another Batch.Detail after a pause: the failure may pass on its own.
    pub(crate) fn is_transient(&self) -> bool {
        match self {
            CallError::NotSent(_) | CallError::Transport(_) | CallError::Unreadable(_) => true,
            CallError::Http { status, .. } => *status >= 500 || *status == 429,
            CallError::Refused(refused) => refused.is_transient(),
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
            CallError::NotSent(why) => t!("backend.call_not_sent", why = why),
            CallError::Transport(why) => t!("backend.call_transport", why = why),
            CallError::Http { status, .. } => t!("backend.call_http", status = status),
            CallError::Unreadable(why) => t!("backend.call_unreadable", why = why),
            CallError::Refused(refused) => t!(
                "backend.call_refused",
                code = refused.code,
                message = refused.message
            ),
            CallError::Interrupted { .. } => t!("backend.call_interrupted"),
        }
        .fmt(f)
    }
}

impl std::error::Error for CallError {}

/// Tries of a read-only look-up that fails in passing (a rate limit, a 5xx, a lost
/// connection) before the failure is the answer.
const LOOKUP_TRIES: u32 = 5;
/// The longest pause between two tries of a look-up, whatever `Retry-After` says.
const MAX_LOOKUP_PAUSE: Duration = Duration::from_secs(60);

/// `call` again after a pause (doubling from a second, or the server's `Retry-After`) while
/// it fails in passing: for look-ups only, which change nothing. Submits are never
/// repeated.
pub(crate) fn retrying<T>(mut call: impl FnMut() -> Result<T, CallError>) -> Result<T, CallError> {
    let mut tries = 1;
    loop {
        match call() {
            Err(err) if err.is_transient() && tries < LOOKUP_TRIES => {
                // A server asking for longer than a minute is not waited for that long: a
                // look-up's pauses stay within a few minutes in all.
                let pause = Duration::from_secs(1 << (tries - 1))
                    .max(err.retry_after().unwrap_or_default())
                    .min(MAX_LOOKUP_PAUSE);
                let until = Instant::now() + pause;
                if signal::wait(until, || false) == Waited::Interrupted {
                    return Err(CallError::Interrupted { sent: false });
                }
                tries += 1;
            }
            result => return result,
        }
    }
}

/// How a change sent once (a submit, a record removed) failed, in the terms that decide
/// what the commands do next. Whichever it is, the change is never sent again by itself.
#[derive(Debug)]
pub(crate) enum ChangeError {
    /// Not made: the API refused it, definitely (exit 3).
    Refused(ApiRefused),
    /// Not made: it never left this machine (no connection or credentials, Ctrl-C
    /// before it left, a change this API does not send this way).
    NotSent(anyhow::Error),
    /// It may have been made: the answer was lost, unreadable, not waited for, or a
    /// refusal that does not say. The cause carries an [`OutcomeUnknown`] as context.
    Unknown(anyhow::Error),
}

/// How a create failed, and the new record's ID when the record itself was made and only
/// a call after it failed (the legacy API's Record.Remark after Record.Create): that
/// record is there, so undo must know it and nothing may create it again.
#[derive(Debug)]
pub(crate) struct CreateError {
    pub made: Option<u64>,
    pub error: ChangeError,
}

impl From<ChangeError> for CreateError {
    fn from(error: ChangeError) -> CreateError {
        CreateError { made: None, error }
    }
}

/// For the exit-code table and the message: the refusal or the cause itself, so that
/// `error.rs` finds the same types in it as in any other failure.
impl From<ChangeError> for anyhow::Error {
    fn from(err: ChangeError) -> anyhow::Error {
        match err {
            ChangeError::Refused(refused) => refused.into(),
            ChangeError::NotSent(cause) | ChangeError::Unknown(cause) => cause,
        }
    }
}

/// What a submit's single call came to: its job id (with the rest of the answer), or
/// how it failed (see [`change_outcome`]); a job id of 0 is an unknown outcome.
pub(crate) fn submit_outcome<T>(
    action: &'static str,
    endpoint: &impl fmt::Display,
    answer: Result<(u64, T), CallError>,
    unknown_refusal: impl Fn(&ApiRefused) -> bool,
) -> Result<(u64, T), ChangeError> {
    match change_outcome(action, endpoint, answer, unknown_refusal)? {
        // A job id of 0 names no job: whatever was created cannot be followed.
        (0, _) => Err(ChangeError::Unknown(
            anyhow!(t!("backend.job_id_zero")).context(OutcomeUnknown {
                action,
                interrupted: false,
            }),
        )),
        answer => Ok(answer),
    }
}

/// What the single call of any change came to (a submit, a record removed): the answer;
/// the API's definite refusal; "not sent" when the request never left; otherwise an
/// unknown outcome, never re-sent: a change asked twice may be made twice.
/// `unknown_refusal` names the refusals that do not say whether the change was made (an
/// API's own server failures).
pub(crate) fn change_outcome<T>(
    action: &'static str,
    endpoint: &impl fmt::Display,
    answer: Result<T, CallError>,
    unknown_refusal: impl Fn(&ApiRefused) -> bool,
) -> Result<T, ChangeError> {
    let unknown = |cause: anyhow::Error, interrupted| {
        ChangeError::Unknown(cause.context(OutcomeUnknown {
            action,
            interrupted,
        }))
    };
    let not_sent =
        |cause: anyhow::Error| {
            ChangeError::NotSent(cause.context(
                t!("backend.not_sent_to", action = action, endpoint = endpoint).into_owned(),
            ))
        };
    match answer {
        Ok(answer) => Ok(answer),
        // Not kept as an ApiRefused: that would make it a definite refusal (exit 3).
        Err(CallError::Refused(refused)) if unknown_refusal(&refused) => Err(unknown(
            anyhow!("{}: {}", refused.code, refused.message),
            false,
        )),
        Err(CallError::Refused(refused)) => Err(ChangeError::Refused(refused)),
        Err(CallError::Interrupted { sent: false }) => Err(not_sent(Interrupted.into())),
        Err(CallError::Interrupted { sent: true }) => Err(unknown(Interrupted.into(), true)),
        Err(err @ CallError::NotSent(_)) => Err(not_sent(err.into())),
        Err(err) => Err(unknown(err.into(), false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{RefusalKind, exit_code};

    fn outcome(answer: Result<(u64, ()), CallError>) -> Result<(u64, ()), ChangeError> {
        submit_outcome("Batch.Domain.Create", &"http://127.0.0.1:9", answer, |r| {
            r.code == "InternalError"
        })
    }

    fn refusal(code: &str) -> CallError {
        CallError::Refused(ApiRefused {
            action: "Batch.Domain.Create",
            code: code.into(),
            message: "no".into(),
            kind: RefusalKind::Other,
            hint: None,
        })
    }

    /// Each way a change's single call ends, as the commands see it, and its exit code.
    #[test]
    fn a_change_is_refused_not_sent_or_of_unknown_outcome() {
        let cases = [
            (refusal("InvalidParameter"), "refused", 3),
            (refusal("InternalError"), "unknown", 1),
            (CallError::NotSent("refused".into()), "not sent", 1),
            (CallError::Interrupted { sent: false }, "not sent", 130),
            (CallError::Interrupted { sent: true }, "unknown", 130),
            (CallError::Transport("reset".into()), "unknown", 1),
            (CallError::Unreadable("<html>".into()), "unknown", 1),
        ];
        for (answer, want, code) in cases {
            let shown = format!("{answer:?}");
            let err = outcome(Err(answer)).unwrap_err();
            let kind = match err {
                ChangeError::Refused(_) => "refused",
                ChangeError::NotSent(_) => "not sent",
                ChangeError::Unknown(_) => "unknown",
            };
            assert_eq!(kind, want, "{shown}");
            assert_eq!(exit_code(&err.into()), code, "{shown}");
        }
        let zero = outcome(Ok((0, ()))).unwrap_err();
        assert!(matches!(zero, ChangeError::Unknown(_)), "{zero:?}");
        assert_eq!(outcome(Ok((7, ()))).unwrap().0, 7);
    }
}
