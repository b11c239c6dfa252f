//! The arguments of the desired-state commands: what `plan` and `apply` share (the files,
//! `--domain`, `--ignore`), and `plan`'s own.

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
