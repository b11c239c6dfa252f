//! The submit commands' arguments: `domain-create`, `record-create`, `record-modify`,
//! `record-delete`, and what they share (sending, cutting into jobs, selecting records by
//! name).

use super::WaitTiming;
use crate::input::records::parse_record_type;
use crate::input::values::{IdList, parse_id_list, parse_mx, parse_ttl};
use crate::job::{ChangeField, DEFAULT_LINE, DEFAULT_TTL};
use clap::{ArgGroup, Args};
use std::net::Ipv4Addr;
use std::path::PathBuf;

/// Options shared by the submit commands.
#[derive(Args, Debug)]
pub(crate) struct SubmitArgs {
    /// After submitting, wait for the jobs like `dpbatch wait`
    #[arg(long)]
    pub wait: bool,

    /// Check the input, print a summary and a line a job (-v or --json: each request whole, token redacted); send nothing
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub timing: WaitTiming,

    #[command(flatten)]
    pub limits: JobLimits,
}

/// How an operation is cut into jobs and how many of them run at once.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct JobLimits {
    /// Records per job at most, counted as DNSPod counts them (at most and default 5000)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=5000))]
    pub job_size: Option<u16>,

    /// Jobs of this operation unfinished at once at most (DNSPod allows 4 per account)
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub max_jobs: u8,
}

#[derive(Args, Debug)]
#[command(after_help = "Example: dpbatch domain-create a.cn,b.cn --value 1.2.3.4 --wait")]
#[command(group = ArgGroup::new("input").required(true).multiple(true).args(["domains", "file"]))]
pub(crate) struct DomainCreateArgs {
    /// Domains to add, comma-separated (may be repeated, and combined with --file)
    #[arg(value_name = "DOMAINS")]
    pub domains: Vec<String>,

    /// Read domains from a file, one per line (`-` = stdin; `#` comments and blank lines ignored)
    #[arg(short, long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Also add `@` and `www` A records with this IPv4 address to each domain
    #[arg(long, value_name = "IPV4")]
    pub value: Option<Ipv4Addr>,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  dpbatch record-create --domain-id 101,102 --sub www,@ --type A --value 1.2.3.4
  dpbatch record-create --domain-id 101 --type MX --value mx.example.com. --mx 10
  dpbatch record-create --domain-id 101,102 --records-file records.json

records.json holds the API's own `records` format, for several specs in one job:
  [{\"sub_domain\": \"www,wap\", \"record_type\": \"A\", \"record_line\": \"默认\", \"value\": \"1.2.3.4\", \"ttl\": 600},
   {\"sub_domain\": \"@\", \"record_type\": \"MX\", \"value\": \"mx.example.com.\", \"MX\": 10}]")]
// One required group, so a missing input names every way to give it.
#[command(group = ArgGroup::new("domains").required(true).multiple(true)
    .args(["domain_id", "domain", "domain_file", "records_file"]))]
pub(crate) struct RecordCreateArgs {
    /// Domain IDs to add the records to, comma-separated
    #[arg(long, value_name = "IDS", value_parser = parse_id_list, conflicts_with_all = ["domain", "domain_file"])]
    pub domain_id: Option<IdList>,

    /// Domain names instead of IDs, comma-separated (Unicode or punycode); looked up first
    #[arg(long, value_name = "NAMES")]
    pub domain: Vec<String>,

    /// Domain names from a file, one per line (`-` = stdin; `#` comments ignored)
    #[arg(long, value_name = "PATH")]
    pub domain_file: Option<PathBuf>,

    /// Host names, comma-separated (`@` is the domain itself)
    #[arg(long, value_name = "SUBS", default_value = "@")]
    pub sub: String,

    /// Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, URL, FRAMEURL, SPF, HTTPS or SVCB
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_record_type, required_unless_present = "records_file")]
    pub record_type: Option<String>,

    /// Record value (IPv4 for A, IPv6 for AAAA)
    #[arg(long, value_name = "VALUE", required_unless_present = "records_file")]
    pub value: Option<String>,

    /// Resolution line
    #[arg(long, value_name = "LINE", default_value = DEFAULT_LINE)]
    pub line: String,

    /// TTL in seconds, 1..=604800
    #[arg(long, value_name = "SECS", default_value_t = DEFAULT_TTL, value_parser = parse_ttl)]
    pub ttl: u64,

    /// MX priority, 1..=20 (MX records only, and required for them)
    #[arg(long, value_name = "PRIO", value_parser = parse_mx)]
    pub mx: Option<u64>,

    /// Read the records from a file instead (`-` = stdin): a JSON array in the API's `records` format, an `export` file (.jsonl, .csv; each row to the domain it names unless --domain or --domain-id is given) or a BIND zone file (.zone; to --domain or its $ORIGIN)
    #[arg(long, value_name = "PATH", conflicts_with_all = ["sub", "record_type", "value", "line", "ttl", "mx"])]
    pub records_file: Option<PathBuf>,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  dpbatch record-modify --record-id 36,90,91 --change ttl --to 3600
  dpbatch record-modify --record-id 36 --change status --to disable
  dpbatch record-modify --record-id 36,90 --change record_type --to CNAME --value target.example.com.
  dpbatch record-modify --record-id 36 --change record_type --to MX --value mx.example.com. --mx 10

Selecting records by name instead (Record.List; the selection is shown on stderr first,
and records already at the target are skipped):
  dpbatch record-modify --domain a.cn,b.cn --sub www,@ --type A --change value --to 5.6.7.8
  dpbatch record-modify --domain-file domains.txt --sub @ --type A --value-is 1.2.3.4 \\
      --change value --to 5.6.7.8 --dry-run")]
#[command(group = ArgGroup::new("records").required(true).multiple(true)
    .args(["record_id", "domain", "domain_file", "all"]))]
pub(crate) struct RecordModifyArgs {
    /// Record IDs to change, comma-separated
    #[arg(long, value_name = "IDS", value_parser = parse_id_list, conflicts_with_all = ["domain", "domain_file", "all"])]
    pub record_id: Option<IdList>,

    #[command(flatten)]
    pub select: SelectArgs,

    /// The field to change
    #[arg(long, value_enum, value_name = "FIELD")]
    pub change: ChangeField,

    /// The new value of that field (status: enable or disable)
    #[arg(long, value_name = "VALUE")]
    pub to: String,

    /// The records' value under their new type (required with --change record_type)
    #[arg(long, value_name = "VALUE")]
    pub value: Option<String>,

    /// MX priority 1..=20 (required when --change record_type --to MX)
    #[arg(long, value_name = "PRIO", value_parser = parse_mx)]
    pub mx: Option<u64>,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

#[derive(Args, Debug)]
#[command(after_help = "\
The records are looked up and listed first; nothing is deleted without --yes.
DNSPod's own NS records are never deleted.

Examples:
  dpbatch record-delete --domain-file domains.txt --sub _acme-challenge --type TXT --yes
  dpbatch record-delete --domain a.cn,b.cn --sub @,www --type A --value-is 192.0.2.7 --dry-run
  dpbatch record-delete --record-id 36,90 --yes")]
#[command(group = ArgGroup::new("records").required(true).multiple(true)
    .args(["record_id", "domain", "domain_file", "all"]))]
pub(crate) struct RecordDeleteArgs {
    /// Record IDs to delete, comma-separated (found in the account's domains first)
    #[arg(long, value_name = "IDS", value_parser = parse_id_list, conflicts_with_all = ["domain", "domain_file", "all"])]
    pub record_id: Option<IdList>,

    #[command(flatten)]
    pub select: SelectArgs,

    /// Delete the records listed; without it they are listed on stderr and nothing is sent
    #[arg(long)]
    pub yes: bool,

    /// Refuse to delete more than this share (percent) of the records of a domain that has 10 or more
    #[arg(long, value_name = "PCT", default_value_t = 30, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub max_delete: u8,

    /// Delete past --max-delete
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub submit: SubmitArgs,
}

/// Records chosen by name instead of by ID, through Record.List.
#[derive(Args, Debug)]
pub(crate) struct SelectArgs {
    /// Select records of these domains, comma-separated (with --sub and --type)
    #[arg(long, value_name = "NAMES", requires_all = ["sub", "select_type"])]
    pub domain: Vec<String>,

    /// Select records of the domains in this file, one per line (`-` = stdin)
    #[arg(long, value_name = "PATH", requires_all = ["sub", "select_type"])]
    pub domain_file: Option<PathBuf>,

    /// Select records of every domain of the account (with --sub and --type)
    #[arg(long, requires_all = ["sub", "select_type"], conflicts_with_all = ["domain", "domain_file"])]
    pub all: bool,

    /// Select records with these host names, comma-separated (`@` is the apex)
    #[arg(long, value_name = "HOSTS", conflicts_with = "record_id")]
    pub sub: Option<String>,

    /// Select records of this type
    #[arg(long = "type", id = "select_type", value_name = "TYPE", value_parser = parse_record_type, conflicts_with = "record_id")]
    pub record_type: Option<String>,

    /// Select only records on this line
    #[arg(long, value_name = "LINE", conflicts_with = "record_id")]
    pub line: Option<String>,

    /// Select only records whose value is this, as DNS reads it (find-and-replace: --value-is OLD --change value --to NEW)
    #[arg(long, value_name = "VALUE", conflicts_with = "record_id")]
    pub value_is: Option<String>,
}
