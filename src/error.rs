//! Typed error roots and the one place that maps failures to the documented exit codes.

use rust_i18n::t;
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

/// What a refusal means, whichever API sent it; each backend maps its codes to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefusalKind {
    /// The credentials were refused: never repeated, as failed logins lock accounts.
    Auth,
    /// Over a rate limit: worth asking again later.
    RateLimited,
    /// The service failed or is down for now: a read is worth asking again later.
    Unavailable,
    /// What was named does not exist (a job, or a domain in this account).
    NotFound,
    /// The account or the function is locked or banned for now.
    Locked,
    /// Every batch job slot of the account is held by unfinished jobs: definite (no job
    /// was made), and a submit worth sending again once one finishes.
    SlotsTaken,
    Other,
}

/// A next step to suggest, from a catalog in the user's language.
pub(crate) type Hint = std::borrow::Cow<'static, str>;

/// The API refused a call (exit 3): its code and message as sent, what they mean, and the
/// next step to suggest.
#[derive(Debug)]
pub(crate) struct ApiRefused {
    pub action: &'static str,
    pub code: String,
    pub message: String,
    pub kind: RefusalKind,
    pub hint: Option<Hint>,
}

impl ApiRefused {
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            RefusalKind::RateLimited | RefusalKind::Unavailable
        )
    }
}

impl ApiRefused {
    /// The refusal in English whatever the language: for `--json`, never translated.
    pub(crate) fn in_english(&self) -> String {
        self.text("en")
    }

    fn text(&self, locale: &str) -> String {
        t!(
            "error.api_refused",
            locale = locale,
            action = self.action,
            code = self.code,
            message = self.message
        )
        .into_owned()
    }
}

impl fmt::Display for ApiRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&rust_i18n::locale()))
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
        let key = match self.interrupted {
            true => "error.outcome_unknown_interrupted",
            false => "error.outcome_unknown",
        };
        f.write_str(&t!(key, action = self.action))
    }
}

impl std::error::Error for OutcomeUnknown {}

/// Ctrl-C or SIGTERM stopped the run before it could finish (exit 130).
#[derive(Debug)]
pub(crate) struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("error.interrupted"))
    }
}

impl std::error::Error for Interrupted {}

/// How a command that ran to its end came out; `run()` returns it as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Submitted, or waited and every item is ok (exit 0).
    Success,
    /// Written, but short of what the server holds: an export that skipped a domain or
    /// read fewer entries than the server claims (exit 1, like a failure: a backup
    /// silently incomplete is the worst kind).
    Incomplete,
    /// The job finished and at least one item failed (exit 4).
    ItemsFailed,
    /// `--timeout` passed while items were still waiting or running (exit 5).
    TimedOut,
    /// Ctrl-C while waiting; the job goes on (exit 130).
    Interrupted,
    /// `plan --exit-code` found changes to make: the account has drifted from the files
    /// (exit 6), for CI to tell from a failure.
    Drift,
}

impl Outcome {
    /// The more serious of two outcomes, for a command that follows several jobs.
    pub(crate) fn worst(self, other: Outcome) -> Outcome {
        let rank = |o: Outcome| match o {
            Outcome::Success => 0,
            Outcome::Drift => 1,
            Outcome::Incomplete => 2,
            Outcome::ItemsFailed => 3,
            Outcome::TimedOut => 4,
            Outcome::Interrupted => 5,
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
            Outcome::Incomplete => 1,
            Outcome::ItemsFailed => 4,
            Outcome::TimedOut => 5,
            Outcome::Drift => 6,
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
        return refused.hint.as_deref().map(str::to_owned);
    }
    err.downcast_ref::<OutcomeUnknown>().map(|unknown| {
        match unknown.action {
            // A removal has no job to look up, and `resume` never sends it again.
            "Record.Remove" => t!("hint.removal_unknown"),
            _ => t!("hint.submit_unknown"),
        }
        .into_owned()
    })
}

/// The lines `main` prints for a failure: the error, then its hint if it has one.
pub(crate) fn report(err: &anyhow::Error) -> Vec<String> {
    let message = crate::i18n::os_error::chain(err);
    let mut lines = vec![t!("error.line", message = message).into_owned()];
    lines.extend(hint(err).map(|hint| t!("error.hint_line", hint = hint).into_owned()));
    lines
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
    fn refusals_exit_3_with_their_hint() {
        let err = anyhow::Error::from(ApiRefused {
            action: "Batch.Detail",
            code: "-1".into(),
            message: "Login failed".into(),
            kind: RefusalKind::Auth,
            hint: Some("check the token".into()),
        });
        assert_eq!(exit_code(&err), 3);
        assert_eq!(hint(&err).as_deref(), Some("check the token"));
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
            Outcome::Incomplete,
            Outcome::ItemsFailed,
            Outcome::TimedOut,
            Outcome::Interrupted,
            Outcome::Drift,
        ]
        .iter()
        .map(|o| o.exit_code())
        .collect();
        assert_eq!(codes, [0, 1, 4, 5, 130, 6]);
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
