//! The command-line surface: clap types only. Values that can be checked alone are parsed
//! here (a bad one is a usage error, exit 2); `input` checks the rest.

use crate::backend::Lang;
use crate::input::records::parse_record_type;
use crate::input::values::{
    IdList, Timeout, parse_duration, parse_id, parse_id_list, parse_mx, parse_timeout, parse_ttl,
};
use crate::job::{ChangeField, DEFAULT_LINE, DEFAULT_TTL};
use crate::secret::SecretString;
use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Exit codes: 0 done, 1 runtime failure, 2 usage/config/input error (nothing sent),
3 refused by the API, 4 job finished with failed items, 5 --timeout passed, 130 interrupted.

Examples:
  dpbatch domain-create a.cn,b.cn --value 1.2.3.4 --wait
  dpbatch record-create --domain-id 101,102 --sub www,@ --type A --value 1.2.3.4
  dpbatch record-modify --record-id 36,90 --change ttl --to 3600
  JOB=$(dpbatch domain-create --file domains.txt) && dpbatch wait \"$JOB\" --json";

/// Submit DNSPod batch jobs (bulk-add domains, bulk-add or modify records) and follow them to the end.
#[derive(Parser, Debug)]
#[command(name = "dpbatch", version, about, after_help = AFTER_HELP)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand accepts, before or after its name. The environment variables
/// named here are read by `config`, where an empty one counts as unset.
#[derive(Args, Debug)]
pub(crate) struct GlobalArgs {
    /// Config file [env: DPBATCH_CONFIG] [default: ~/.config/dpbatch/config.toml]; a file named here must exist
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Use the [profiles.NAME] table of the config file over its top level [env: DPBATCH_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Which API: legacy (DNSPod token), v3 (Tencent Cloud keys) or auto [env: DPBATCH_API] [default: auto]
    #[arg(long, global = true, value_name = "API", value_parser = ["legacy", "v3", "auto"])]
    pub api: Option<String>,

    /// Legacy API token as ID,TOKEN [env: DNSPOD_TOKEN]; prefer the environment or the config file, as flags show in `ps`
    #[arg(long, global = true, value_name = "ID,TOKEN", value_parser = secret_arg)]
    pub token: Option<SecretString>,

    /// API base URL [env: DPBATCH_ENDPOINT] [default: https://dnsapi.cn, or https://dnspod.tencentcloudapi.com for v3]; http:// only for loopback hosts
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Language of the API's messages [default: en]
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_arg())]
    pub lang: Option<Lang>,

    /// Print results as JSON on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Print no hints and no progress bar (errors and warnings still go to stderr)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Log each request and response status to stderr (token redacted)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Give up on one HTTP request after this long [env: DPBATCH_REQUEST_TIMEOUT] [default: 30s]
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Option<Duration>,

    /// Look up this many domains at once (names, selections), 1 to 32 [default: 8]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=32))]
    pub lookup_jobs: Option<u16>,
}

/// `--token`, read straight into a type whose `Debug` hides it.
fn secret_arg(raw: &str) -> Result<SecretString, String> {
    Ok(SecretString::new(raw.to_owned()))
}

/// `--lang en|cn`, with the values clap lists in help and completions.
fn lang_arg() -> impl TypedValueParser<Value = Lang> {
    clap::builder::PossibleValuesParser::new(["en", "cn"])
        .map(|raw| Lang::parse(&raw).unwrap_or(Lang::En))
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Add domains (Batch.Domain.Create), optionally with @ and www A records
    DomainCreate(DomainCreateArgs),
    /// Add records to domains by ID (Batch.Record.Create)
    RecordCreate(RecordCreateArgs),
    /// Change one field of records by ID (Batch.Record.Modify)
    RecordModify(RecordModifyArgs),
    /// Show jobs' items and their status once (Batch.Detail)
    Detail(DetailArgs),
    /// Poll jobs until no item is waiting or running, then show them
    Wait(WaitArgs),
    /// Re-submit only the failed items of a finished job
    Retry(RetryArgs),
    /// Send the parts of a split operation that were not sent when it stopped
    Resume(ResumeArgs),
    /// Put back what a record-modify job changed, or delete what a record-create job added
    Undo(UndoArgs),
    /// Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)
    Export(ExportArgs),
    /// List recently submitted jobs from the local job history
    Jobs(JobsArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print a man page (roff): dpbatch's, or a command's (`dpbatch man retry` = dpbatch-retry(1))
    Man(ManArgs),
}

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

/// Options shared by the three submit commands.
#[derive(Args, Debug)]
pub(crate) struct SubmitArgs {
    /// After submitting, wait for the jobs like `dpbatch wait`
    #[arg(long)]
    pub wait: bool,

    /// Check the input and print the request that would be sent (token redacted); send nothing
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
pub(crate) struct DomainCreateArgs {
    /// Domains to add, comma-separated (may be repeated, and combined with --file)
    #[arg(value_name = "DOMAINS", required_unless_present = "file")]
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
pub(crate) struct RecordCreateArgs {
    /// Domain IDs to add the records to, comma-separated
    #[arg(long, value_name = "IDS", value_parser = parse_id_list, required_unless_present_any = ["domain", "domain_file", "records_file"], conflicts_with_all = ["domain", "domain_file"])]
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
pub(crate) struct RecordModifyArgs {
    /// Record IDs to change, comma-separated
    #[arg(long, value_name = "IDS", value_parser = parse_id_list, required_unless_present_any = ["domain", "domain_file"], conflicts_with_all = ["domain", "domain_file"])]
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

/// Which job: its id, or the last one submitted from this machine.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct JobRef {
    /// The job ID a submit printed
    #[arg(value_name = "JOB_ID", value_parser = parse_id, required_unless_present = "last")]
    pub job_id: Option<u64>,

    /// The job submitted last with this endpoint and profile (see `dpbatch jobs`)
    #[arg(long, conflicts_with = "job_id")]
    pub last: bool,
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

    /// Select records with these host names, comma-separated (`@` is the apex)
    #[arg(long, value_name = "HOSTS", conflicts_with = "record_id")]
    pub sub: Option<String>,

    /// Select records of this type
    #[arg(long = "type", id = "select_type", value_name = "TYPE", value_parser = parse_record_type, conflicts_with = "record_id")]
    pub record_type: Option<String>,

    /// Select only records on this line
    #[arg(long, value_name = "LINE", conflicts_with = "record_id")]
    pub line: Option<String>,

    /// Select only records whose value is exactly this (find-and-replace: --value-is OLD --change value --to NEW)
    #[arg(long, value_name = "VALUE", conflicts_with = "record_id")]
    pub value_is: Option<String>,
}

/// Which jobs: their ids, or all jobs of the last operation submitted from this machine.
#[derive(Args, Debug, Clone)]
pub(crate) struct JobsRef {
    /// The job IDs a submit printed (several: followed together)
    #[arg(value_name = "JOB_ID", value_parser = parse_id, required_unless_present = "last")]
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

#[derive(Args, Debug)]
#[command(after_help = "Example: dpbatch man > ~/.local/share/man/man1/dpbatch.1")]
pub(crate) struct ManArgs {
    /// The command whose page to print (default: dpbatch's own)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Args, Debug)]
pub(crate) struct JobsArgs {
    /// How many of the most recent jobs to list
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Example: dpbatch completions bash > ~/.local/share/bash-completion/completions/dpbatch"
)]
pub(crate) struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

mod export;
mod later;
#[cfg(test)]
mod tests;

pub(crate) use export::ExportArgs;
pub(crate) use later::{ResumeArgs, RetryArgs, UndoArgs};
