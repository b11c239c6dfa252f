//! The arguments of the commands that show jobs: `detail` and `wait`.

use crate::input::values::{Timeout, parse_duration, parse_id, parse_timeout};
use clap::Args;
use std::time::Duration;

/// How `wait` and `--wait` poll.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct WaitTiming {
    /// Time between polls (plain seconds or 500ms, 2s, 1m); at least 500ms against a real endpoint
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = parse_duration)]
    pub interval: Duration,

    /// Give up waiting after this long (0 = never); the job goes on and exit code is 5
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_timeout)]
    pub timeout: Timeout,
}

/// Which jobs: their ids, or all jobs of the last operation submitted from this machine.
#[derive(Args, Debug, Clone)]
// Required as a group, so a missing job names both ways to give it.
#[group(required = true, multiple = false)]
pub(crate) struct JobsRef {
    /// The job IDs a submit printed (several: followed together)
    #[arg(value_name = "JOB_ID", value_parser = parse_id)]
    pub job_ids: Vec<u64>,

    /// Every job of the operation submitted last with this endpoint and profile (see `dpbatch jobs`)
    #[arg(long, conflicts_with = "job_ids")]
    pub last: bool,
}

#[derive(Args, Debug)]
pub(crate) struct DetailArgs {
    #[command(flatten)]
    pub jobs: JobsRef,
}

#[derive(Args, Debug)]
#[command(after_help = "\
Several jobs are polled in one loop, each once per --interval, and shown in one table with
a summary line per job and a total; --json prints one job object per line.

Examples:
  dpbatch wait 39581
  dpbatch wait --last --json | jq -c '.domains[] | select(.status == \"error\")'")]
pub(crate) struct WaitArgs {
    #[command(flatten)]
    pub jobs: JobsRef,

    #[command(flatten)]
    pub timing: WaitTiming,
}
