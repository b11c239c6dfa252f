//! The arguments of the desired-state commands: what `plan` and `apply` share (the files,
//! `--domain`, `--ignore`), `plan`'s own and `apply`'s own.

use super::SubmitArgs;
use clap::Args;
use std::path::PathBuf;

/// Where the desired records are, and which of them count.
#[derive(Args, Debug)]
pub(crate) struct DesiredArgs {
    /// Files or directories (their *.jsonl, *.csv and *.zone files, not recursive) in the formats `export` writes
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only these of the files' domains, comma-separated (may be repeated); a name in no file is an error
    #[arg(long, value_name = "NAMES")]
    pub domain: Vec<String>,

    /// Leave records of HOST or HOST:TYPE alone on both sides, `*` a wildcard (`_acme-challenge*:TXT`; may be repeated; adds to config key `ignore`)
    #[arg(long, value_name = "PATTERN")]
    pub ignore: Vec<String>,
}

#[derive(Args, Debug)]
#[command(after_help = "\
Sends only look-ups. stdout: one row a change (or with --json one JSON object a change:
action, domain, record_id, before, after); stderr: a summary per domain and a total.
Deletes are planned; `apply` carries them out only with --delete.

Examples:
  dpbatch export --domain a.cn --format zone --out zones/ && $EDITOR zones/a.cn.zone
  dpbatch plan zones/
  dpbatch plan records.jsonl --domain a.cn --ignore '_acme-challenge*:TXT' --exit-code
  dpbatch plan zones/ --out plan.json")]
pub(crate) struct PlanArgs {
    #[command(flatten)]
    pub desired: DesiredArgs,

    /// Exit 6 when the plan has changes (0 when none), for drift checks in CI
    #[arg(long)]
    pub exit_code: bool,

    /// Also save the plan to this file (JSON, mode 0600) for `apply --plan FILE`
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(
    mut_arg("paths", |a| a.required(false).required_unless_present("plan")),
    after_help = "\
Plans as `plan` does (only look-ups), refuses a domain over a threshold unless --force,
shows the plan on stderr, then carries it out as one operation: stdout carries only
the result (the job ids, one a line, as the submit commands print them), stderr the plan,
notes and progress. Deletes are carried out only with --delete. `resume --last` finishes
an apply that stopped; `undo --last` puts it back.

Examples:
  dpbatch apply zones/ --dry-run
  dpbatch apply zones/ --delete --wait
  dpbatch plan records.jsonl --out plan.json && dpbatch apply --plan plan.json --wait"
)]
pub(crate) struct ApplyArgs {
    #[command(flatten)]
    pub desired: DesiredArgs,

    /// Also delete the records the files do not hold (without it they are left, and counted in a note)
    #[arg(long)]
    pub delete: bool,

    /// Apply a plan even where it modifies or deletes more of a domain than --max-modify or --max-delete allow
    #[arg(long)]
    pub force: bool,

    /// Refuse a domain of 10 or more records whose plan modifies more than PCT% of them [config: max_modify] [default: 30]
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u64).range(0..=100))]
    pub max_modify: Option<u64>,

    /// Refuse a domain of 10 or more records whose plan deletes more than PCT% of them (with --delete) [config: max_delete] [default: 30]
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u64).range(0..=100))]
    pub max_delete: Option<u64>,

    /// Apply exactly this plan (`plan --out FILE`), refused when its domains changed since; no PATH, --domain or --ignore with it
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "domain", "ignore"])]
    pub plan: Option<PathBuf>,

    #[command(flatten)]
    pub submit: SubmitArgs,
}
