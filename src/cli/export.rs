//! `export`'s arguments, beside the others' in `cli.rs`.

use crate::export::Format;
use clap::{ArgGroup, Args};
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(after_help = "\
Each record is one JSON object a line (or CSV row) with domain, record_id, sub_domain,
record_type, line, value, ttl, mx, enabled and remark; `record-create --records-file`
reads these files, and zone files, back.

Examples:
  dpbatch export --domain a.cn,b.cn > records.jsonl
  dpbatch export --all --format csv --out records.csv
  dpbatch export --domain-file domains.txt --format zone --out zones/")]
// One required group, so a missing input names every way to give it.
#[command(group = ArgGroup::new("domains").required(true).multiple(true)
    .args(["domain", "domain_file", "all"]))]
pub(crate) struct ExportArgs {
    /// Domains to export, comma-separated (Unicode or punycode; may be repeated)
    #[arg(long, value_name = "NAMES")]
    pub domain: Vec<String>,

    /// Domains to export from a file, one per line (`-` = stdin; `#` comments ignored)
    #[arg(long, value_name = "PATH")]
    pub domain_file: Option<PathBuf>,

    /// Export every domain of the account (Domain.List, paged)
    #[arg(long, conflicts_with_all = ["domain", "domain_file"])]
    pub all: bool,

    /// jsonl (one JSON object a record), csv (a header row, RFC 4180) or zone (BIND zone files, needs --out DIR)
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "jsonl")]
    pub format: Format,

    /// Write to this file instead of stdout; with --format zone, the directory for one `<domain>.zone` each (created if missing)
    #[arg(long, value_name = "PATH", required_if_eq("format", "zone"))]
    pub out: Option<PathBuf>,
}
