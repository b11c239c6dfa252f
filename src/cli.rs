//! The command-line surface: clap types only. Values that can be checked alone are parsed
//! here (a bad one is a usage error, exit 2); `input` checks the rest. This file holds the
//! top-level parser; each command group's arguments are in a file of their own.

use crate::i18n::{self, Lang};
use crate::input::values::parse_duration;
use crate::secret::SecretString;
use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Exit codes: 0 done, 1 runtime failure, 2 usage/config/input error (nothing sent),
3 refused by the API, 4 job finished with failed items, 5 --timeout passed,
6 `plan --exit-code` found changes, 130 interrupted.

Environment (an empty variable counts as unset; see `dpbatch man` for the rest):
  DNSPOD_TOKEN                 legacy API token, ID,TOKEN
  TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY
                               API 3.0 keys (else the config file, else tccli's profile)
  TENCENTCLOUD_TOKEN           API 3.0 session token of temporary keys
                               (or TENCENTCLOUD_SECURITY_TOKEN)
  TCCLI_PROFILE                the tccli profile keys are read from [default: default]
  DPBATCH_EMAIL                contact address for the User-Agent, which DNSPod asks for
  DPBATCH_LANG                 as --lang
  DPBATCH_CONFIG, DPBATCH_PROFILE, DPBATCH_API, DPBATCH_ENDPOINT, DPBATCH_REQUEST_TIMEOUT
                               as --config, --profile, --api, --endpoint, --request-timeout
  NO_COLOR                     no colour even on a terminal

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
/// named here are read by `config`, where an empty one counts as unset. Their own heading
/// keeps them apart from each command's options in its help.
#[derive(Args, Debug)]
#[command(next_help_heading = "Global options")]
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

    /// Language of dpbatch's messages and the API's [env: DPBATCH_LANG] [default: the system locale's, else en]
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_arg(), ignore_case = true)]
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

/// `--lang en|cn`, with the values clap lists in help and completions; `cn`'s other
/// spellings are accepted but not listed.
fn lang_arg() -> impl TypedValueParser<Value = Lang> {
    let cn = PossibleValue::new("cn").aliases(["zh", "zh-CN", "zh_CN"]);
    clap::builder::PossibleValuesParser::new([PossibleValue::new("en"), cn])
        .map(|raw| Lang::parse(&raw).unwrap_or(Lang::En))
}

/// The command line as the current language shows it: the one definition every parse,
/// help, completion script and man page comes from.
pub(crate) fn command() -> clap::Command {
    help::localized(Cli::command(), i18n::current())
}

/// Parses `args`, or exits with clap's message (help, version, a usage error). The texts
/// are the parse's least concern: the untranslated tree parses, and only a run that shows
/// them (help, an error) builds the tree in the current language, which in Chinese costs
/// every run a few milliseconds otherwise.
pub(crate) fn parse(args: Vec<OsString>) -> Cli {
    if let Ok(cli) = parse_by(&mut Cli::command(), args.clone()) {
        return cli;
    }
    let mut cmd = command();
    parse_by(&mut cmd, args).unwrap_or_else(|err| err.format(&mut cmd).exit())
}

fn parse_by(cmd: &mut clap::Command, args: Vec<OsString>) -> Result<Cli, clap::Error> {
    cmd.try_get_matches_from_mut(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Add domains (Batch.Domain.Create), optionally with @ and www A records
    DomainCreate(DomainCreateArgs),
    /// Add records to domains given by name or ID, or from a records file (Batch.Record.Create)
    RecordCreate(RecordCreateArgs),
    /// Change one field of records selected by name or given by ID (Batch.Record.Modify)
    RecordModify(RecordModifyArgs),
    /// Delete records selected by name or ID, listed first, only with --yes
    RecordDelete(RecordDeleteArgs),
    /// Show jobs' items and their status once (Batch.Detail)
    Detail(DetailArgs),
    /// Poll jobs until no item is waiting or running, then show them
    Wait(WaitArgs),
    /// Re-submit only the failed items of a finished job
    Retry(RetryArgs),
    /// Send the parts of a split operation that were not sent when it stopped
    Resume(ResumeArgs),
    /// Put back what a record-modify job changed, delete what a record-create job added, create what a record-delete deleted, or put back what an apply did
    Undo(UndoArgs),
    /// Write the records of domains as JSON Lines, CSV or BIND zone files (Record.List)
    Export(ExportArgs),
    /// Show the changes that would make the account's records match files of desired records
    Plan(PlanArgs),
    /// Make the account's records match files of desired records (or a saved plan), as one operation
    Apply(ApplyArgs),
    /// List recently submitted jobs from the local job history
    Jobs(JobsArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print a man page (roff): dpbatch's, or a command's (`dpbatch man retry` = dpbatch-retry(1))
    Man(ManArgs),
}

mod desired;
mod export;
mod generated;
mod help;
mod history;
mod show;
mod submit;
#[cfg(test)]
mod tests;

pub(crate) use desired::{ApplyArgs, DesiredArgs, PlanArgs};
pub(crate) use export::ExportArgs;
pub(crate) use generated::{CompletionsArgs, ManArgs};
pub(crate) use history::{JobsArgs, ResumeArgs, RetryArgs, UndoArgs};
pub(crate) use show::{DetailArgs, WaitArgs, WaitTiming};
pub(crate) use submit::{
    DomainCreateArgs, RecordCreateArgs, RecordDeleteArgs, RecordModifyArgs, SelectArgs, SubmitArgs,
};
/// Named by the flow tests, which build `SubmitArgs` and `RetryArgs` by hand.
#[cfg(test)]
pub(crate) use {history::JobRef, submit::JobLimits};
