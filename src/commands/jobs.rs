//! `jobs`: the job history as this account sees it (what `--last` picks from), or every
//! account's with `--all-accounts`; only its newest lines are read.

use crate::cli::GlobalArgs;
use crate::cli::JobsArgs;
use crate::error::Outcome;
use crate::history::{self, History, Operation, format_utc, operations};
use crate::i18n::counted::counted;
use crate::output::Output;
use crate::session;
use rust_i18n::t;
use std::time::Duration;

pub(super) fn run(
    global: &GlobalArgs,
    output: &Output,
    args: &JobsArgs,
) -> anyhow::Result<Outcome> {
    // Read even for --all-accounts, so a bad config is refused as every command refuses it.
    let account = session::account(&session::settings(global, output)?);
    if let Some(age) = args.prune {
        return prune(output, args, age);
    }
    let history = History::open();
    let listed = |first: &history::Entry, _: &[u64]| args.all_accounts || first.is_for(&account);
    let warn = |warning: &str| output.warn(warning);
    let entries = history::newest(history.as_ref(), &warn, args.limit, listed)?;
    let mut operations = operations(entries);
    if !args.all_accounts {
        let all = operations.len();
        operations.retain(|operation| operation.is_for(&account));
        hidden(output, all - operations.len());
    }
    operations.reverse();
    operations.truncate(args.limit);
    if let (Some(history), true) = (&history, output.is_json()) {
        // `--json` shows each job's before-state, wherever it is kept.
        for operation in &mut operations {
            history.load_before(&mut operation.jobs)?;
        }
    }
    output.jobs(&operations)?;
    Ok(Outcome::Success)
}

/// `--prune`: takes out the operations older than `age` and lists them, newest first; an
/// operation resume may still need is kept, named, unless forced.
fn prune(output: &Output, args: &JobsArgs, age: Duration) -> anyhow::Result<Outcome> {
    let Some(history) = History::open() else {
        output.hint(&t!("jobs.no_history"));
        return Ok(Outcome::Success);
    };
    let before = session::unix_now().saturating_sub(age.as_secs());
    let mut pruned = history.prune(before, args.force, args.dry_run)?;
    for operation in &pruned.kept {
        let first = operation.first();
        output.warn(&t!(
            "jobs.kept",
            jobs = jobs_of(operation),
            action = first.action,
            at = format_utc(first.submitted_at)
        ));
    }
    pruned.removed.reverse();
    output.jobs(&pruned.removed)?;
    let key = match args.dry_run {
        true => "jobs.would_remove",
        false => "jobs.removed",
    };
    output.hint(&t!(
        key,
        operations = counted(pruned.removed.len(), "operation"),
        age = humantime::format_duration(age),
        path = history.path().display()
    ));
    Ok(Outcome::Success)
}

/// `job 5`, `jobs 5, 6`, or without a job `no job`, for messages.
fn jobs_of(operation: &Operation) -> String {
    let ids: Vec<String> = operation.job_ids().iter().map(u64::to_string).collect();
    match ids.len() {
        0 => t!("jobs.no_job").into_owned(),
        1 => t!("jobs.job", ids = ids[0]).into_owned(),
        _ => t!("jobs.jobs", ids = ids.join(", ")).into_owned(),
    }
}

/// Says that other accounts' jobs (and dpbatch 0.1's, which belong to none) newer than
/// the last listed are left out.
fn hidden(output: &Output, hidden: usize) {
    if hidden > 0 {
        output.hint(&t!(
            "jobs.hidden",
            operations = counted(hidden, "operation")
        ));
    }
}
