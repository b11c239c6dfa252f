//! `jobs`: the job history as this account sees it (what `--last` picks from), or every
//! account's with `--all-accounts`.

use crate::cli::GlobalArgs;
use crate::cli::JobsArgs;
use crate::error::Outcome;
use crate::history::{self, History, operations};
use crate::output::Output;
use crate::session;

pub(super) fn run(
    global: &GlobalArgs,
    output: &Output,
    args: &JobsArgs,
) -> anyhow::Result<Outcome> {
    // Read even for --all-accounts, so a bad config is refused as every command refuses it.
    let account = session::account(&session::settings(global, output)?);
    let entries = history::read(History::open().as_ref(), &|warning| output.warn(warning))?;
    let mut operations = operations(entries);
    if !args.all_accounts {
        let all = operations.len();
        operations.retain(|operation| operation.is_for(&account));
        hidden(output, all - operations.len());
    }
    operations.reverse();
    operations.truncate(args.limit);
    output.jobs(&operations)?;
    Ok(Outcome::Success)
}

/// Says that other accounts' jobs (and dpbatch 0.1's, which belong to none) are left out.
fn hidden(output: &Output, count: usize) {
    if count > 0 {
        output.hint(&format!(
            "{} of other accounts or of dpbatch 0.1 not listed; `dpbatch jobs --all-accounts` lists every job",
            crate::job::count(count, "operation")
        ));
    }
}
