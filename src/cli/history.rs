//! The arguments of the history commands, which act on jobs submitted before: `jobs`,
//! `retry`, `resume` and `undo`.

use super::SubmitArgs;
use crate::input::values::{parse_age, parse_id};
use clap::Args;
use std::time::Duration;

#[derive(Args, Debug)]
#[command(after_help = "\
Failed domains are created again; failed records are added again, domains with the same
failures sharing one job (so a retry may print several job ids, one per line). Items that
succeeded, or that an earlier retry of the job sent, are never sent again; items are checked
like flag input, and a bad one stops the retry. A record-modify job's change is taken from
the job history.

Examples:
  dpbatch retry 39581 --wait
  dpbatch retry --last --dry-run")]
pub(crate) struct RetryArgs {
    #[command(flatten)]
    pub job: JobRef,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

#[derive(Args, Debug)]
#[command(after_help = "\
An operation stopped early (Ctrl-C, --timeout, a refusal, or a submit whose outcome is
unknown) left parts unsent; resume sends exactly those, cut as the operation was, and
records them in the same history entry. A part whose outcome is unknown is never sent
again: check it in the DNSPod console first.

Examples:
  dpbatch resume --last --wait
  dpbatch resume 39581 --dry-run")]
pub(crate) struct ResumeArgs {
    /// Any job of the operation, or --last
    #[command(flatten)]
    pub job: JobRef,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

#[derive(Args, Debug)]
#[command(after_help = "\
A record-modify job (every job of a split operation) is undone record by record: each record
whose item ended ok gets back the field as it was before the job (a type with its value),
from the before-state dpbatch kept in the job history when it submitted. The records are
read again first: one changed since (no longer at the job's target) or deleted since is
skipped and reported, never overwritten. Records going back to the same value share a job.
A record-create job is undone by deleting exactly the records it created, only with --yes.
A record-delete is undone by creating its records again (new IDs) from the copies the job
history kept. An apply is undone record by record: modified records go back whole, deleted
ones are created again (new IDs), and the records it created are deleted, only with --yes.
A domain-create job is not undone: deleting domains is not an undo.

Examples:
  dpbatch undo --last --dry-run     # the plan: domain, record, host, type, now, back to
  dpbatch undo 39581 --wait
  dpbatch undo 39590 --yes --wait   # a record-create job: delete what it created")]
pub(crate) struct UndoArgs {
    #[command(flatten)]
    pub job: JobRef,

    /// Needed by an undo that deletes records: those a record-create job or an apply created
    /// (without it, undo lists them and stops)
    #[arg(long)]
    pub yes: bool,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

/// Which job: its id, or the last one submitted from this machine.
#[derive(Args, Debug, Clone, Copy)]
// Required as a group, so a missing job names both ways to give it.
#[group(required = true, multiple = false)]
pub(crate) struct JobRef {
    /// The job ID a submit printed
    #[arg(value_name = "JOB_ID", value_parser = parse_id)]
    pub job_id: Option<u64>,

    /// The job submitted last with this endpoint and profile (see `dpbatch jobs`)
    #[arg(long, conflicts_with = "job_id")]
    pub last: bool,
}

#[derive(Args, Debug)]
pub(crate) struct JobsArgs {
    /// How many of the most recent jobs to list
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// List the jobs of every API, endpoint, profile and credential, not only those of
    /// this one (which --last picks from)
    #[arg(long)]
    pub all_accounts: bool,

    /// Remove the operations (of every account) whose newest job is older than this
    /// (30d, 12h) from the history, and list them; one resume may still need is kept and
    /// named
    #[arg(long, value_name = "OLDER_THAN", value_parser = parse_age)]
    pub prune: Option<Duration>,

    /// With --prune: remove the operations resume may still need too
    #[arg(long, requires = "prune")]
    pub force: bool,

    /// With --prune: list what would be removed, remove nothing
    #[arg(long, requires = "prune")]
    pub dry_run: bool,
}
