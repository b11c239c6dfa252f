//! Typed error roots and the one place that maps failures to the exit codes of SPEC.md.

use std::fmt;
use std::io;

/// Bad usage, configuration or input; nothing was sent (exit 2).
#[derive(Debug)]
pub(crate) struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Shorthand for returning a [`UsageError`] from any `anyhow` context.
pub(crate) fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// The API answered with a `status.code` other than `"1"` (exit 3).
#[derive(Debug)]
pub(crate) struct ApiRefused {
    pub action: &'static str,
    pub code: String,
    pub message: String,
}

impl fmt::Display for ApiRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was refused by the API: code {}: {}",
            self.action, self.code, self.message
        )
    }
}

impl std::error::Error for ApiRefused {}

/// A submit may have reached the server, but its answer was lost, unreadable or not
/// waited for because of Ctrl-C (exit 1, or 130 when interrupted). It is never re-sent:
/// a duplicate batch is worse than a failed one.
#[derive(Debug)]
pub(crate) struct OutcomeUnknown {
    pub action: &'static str,
    pub interrupted: bool,
}

impl fmt::Display for OutcomeUnknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.interrupted {
            f.write_str("interrupted while the request was in flight: ")?;
        }
        write!(
            f,
            "the outcome of {} is unknown: the request may have reached DNSPod and was not re-sent",
            self.action
        )
    }
}

impl std::error::Error for OutcomeUnknown {}

/// Ctrl-C or SIGTERM stopped the run before it could finish (exit 130).
#[derive(Debug)]
pub(crate) struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// How a command that ran to its end came out; `run()` returns it as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Submitted, or waited and every item is ok (exit 0).
    Success,
    /// The job finished and at least one item failed (exit 4).
    ItemsFailed,
    /// `--timeout` passed while items were still waiting or running (exit 5).
    TimedOut,
    /// Ctrl-C while waiting; the job goes on (exit 130).
    Interrupted,
}

impl Outcome {
    /// The more serious of two outcomes, for a command that follows several jobs.
    pub(crate) fn worst(self, other: Outcome) -> Outcome {
        let rank = |o: Outcome| match o {
            Outcome::Success => 0,
            Outcome::ItemsFailed => 1,
            Outcome::TimedOut => 2,
            Outcome::Interrupted => 3,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }

    pub(crate) fn exit_code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::ItemsFailed => 4,
            Outcome::TimedOut => 5,
            Outcome::Interrupted => 130,
        }
    }
}

/// The exit code for a failure: 2 for usage, 3 for an API refusal, 130 for an interrupt,
/// 1 for everything else. `downcast_ref` finds a type whether it is the error, a cause
/// or a `.context()` around it.
pub(crate) fn exit_code(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        2
    } else if err.downcast_ref::<ApiRefused>().is_some() {
        3
    } else if err.downcast_ref::<Interrupted>().is_some()
        || err
            .downcast_ref::<OutcomeUnknown>()
            .is_some_and(|unknown| unknown.interrupted)
    {
        130
    } else {
        1
    }
}

/// True when the failure is only a closed stdout (`dpbatch detail 1 --json | head -1`),
/// which, like ripgrep, we treat as success and do not report.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The next step to suggest under an error message, if there is a useful one.
pub(crate) fn hint(err: &anyhow::Error) -> Option<String> {
    if let Some(refused) = err.downcast_ref::<ApiRefused>() {
        return refusal_hint(&refused.code).map(str::to_owned);
    }
    err.downcast_ref::<OutcomeUnknown>().map(|_| {
        "check the DNSPod console (or `dpbatch detail <job id>` if you know it) before submitting again"
            .to_owned()
    })
}

/// Whether a refusal code means the login itself failed: `-1` as documented, `10002` as
/// the real API also answers a bad token. Such a call is never repeated, whatever HTTP
/// status carried it: repeated failed logins lock the account.
pub(crate) fn is_login_failure(code: &str) -> bool {
    matches!(code, "-1" | "10002")
}

fn refusal_hint(code: &str) -> Option<&'static str> {
    match code {
        code if is_login_failure(code) => Some(
            "check the token (ID,TOKEN); dpbatch never retries a failed login, as repeated failures lock the account",
        ),
        "-2" => Some(
            "the API rate limit was hit; wait before trying again, as hammering extends the ban",
        ),
        "-7" => Some("this token has no permission for the action"),
        "-8" => Some("too many failed logins: the account is temporarily banned; try again later"),
        "-99" => Some("DNSPod has paused this function; try again later"),
        "8" => Some("no such job: check the job id"),
        "83" => Some("the account is locked; see the DNSPod console"),
        "85" => Some("DNSPod refused a login from an unexpected region; see the DNSPod console"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn usage_errors_exit_2_even_under_context() {
        let err = Err::<(), _>(usage("bad"))
            .context("reading input")
            .unwrap_err();
        assert_eq!(exit_code(&err), 2);
    }

    #[test]
    fn refusals_exit_3_and_login_failure_hints_at_the_token() {
        let err = anyhow::Error::from(ApiRefused {
            action: "Batch.Detail",
            code: "-1".into(),
            message: "Login failed".into(),
        });
        assert_eq!(exit_code(&err), 3);
        assert!(hint(&err).unwrap().contains("token"));
    }

    #[test]
    fn unknown_outcome_and_other_failures_exit_1() {
        // Built as the client builds it: the unknown outcome is a context around the cause.
        let err = Err::<(), _>(anyhow::anyhow!("connection reset"))
            .context(OutcomeUnknown {
                action: "Batch.Domain.Create",
                interrupted: false,
            })
            .context("jobs 1 were submitted before this failure")
            .unwrap_err();
        assert_eq!(exit_code(&err), 1);
        assert!(hint(&err).unwrap().contains("console"), "{err:#}");
        assert_eq!(exit_code(&anyhow::anyhow!("network down")), 1);
    }

    #[test]
    fn interrupts_exit_130_even_with_an_unknown_outcome() {
        let err = anyhow::Error::from(Interrupted).context(OutcomeUnknown {
            action: "Batch.Domain.Create",
            interrupted: true,
        });
        assert_eq!(exit_code(&err), 130);
        assert!(hint(&err).is_some());
        assert_eq!(exit_code(&anyhow::Error::from(Interrupted)), 130);
    }

    #[test]
    fn outcomes_map_to_the_spec_table() {
        let codes: Vec<u8> = [
            Outcome::Success,
            Outcome::ItemsFailed,
            Outcome::TimedOut,
            Outcome::Interrupted,
        ]
        .iter()
        .map(|o| o.exit_code())
        .collect();
        assert_eq!(codes, [0, 4, 5, 130]);
    }

    #[test]
    fn the_worst_outcome_wins() {
        assert_eq!(
            Outcome::Success.worst(Outcome::ItemsFailed),
            Outcome::ItemsFailed
        );
        assert_eq!(
            Outcome::TimedOut.worst(Outcome::ItemsFailed),
            Outcome::TimedOut
        );
        assert_eq!(
            Outcome::Interrupted.worst(Outcome::Success),
            Outcome::Interrupted
        );
    }

    #[test]
    fn broken_pipe_is_recognised_through_context() {
        let err = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("writing the table")
            .unwrap_err();
        assert!(is_broken_pipe(&err));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
