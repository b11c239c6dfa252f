//! One path per subcommand: checked input first, then the session (`session.rs`) that
//! looks up, submits, waits and shows. Returns how the run came out; `main` turns that
//! into the exit code.

use crate::api::{Action, CallError, Request};
use crate::cli::{Cli, Command, SelectArgs};
use crate::error::{Outcome, usage};
use crate::generate;
use crate::input::domains;
use crate::input::records::{self, RecordSpec};
use crate::output::Output;
use crate::resolve::{self, Selector};
use crate::session::{Session, join_ids, read_history};
use anyhow::Context;

pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let Cli { global, command } = cli;
    let output = Output::new(global.json, global.quiet);
    match command {
        Command::Completions(args) => {
            output.raw(&generate::completion_script(args.shell))?;
            Ok(Outcome::Success)
        }
        Command::DomainCreate(args) => {
            let domains = domains::collect(
                &args.domains,
                args.file.as_deref(),
                "pass DOMAINS (comma-separated) or --file PATH",
            )?;
            let mut params = vec![("domains", domains.join(","))];
            if let Some(ip) = args.value {
                params.push(("record_value", ip.to_string()));
            }
            let request = Request {
                action: Action::DomainCreate,
                params,
            };
            Session::open(&global, output)?.submit(
                &[("domain-create", request)],
                &args.submit,
                None,
            )
        }
        Command::RecordCreate(args) => {
            let specs = match args.records_file {
                Some(path) => records::specs_from_file(&path)?,
                None => {
                    let spec = RecordSpec {
                        sub_domain: args.sub,
                        // clap requires both without --records-file.
                        record_type: args.record_type.expect("--type is required"),
                        record_line: args.line,
                        value: args.value.expect("--value is required"),
                        ttl: args.ttl,
                        mx: args.mx,
                    };
                    vec![spec.checked().map_err(usage)?]
                }
            };
            let target = match args.domain_id {
                Some(ids) => Domains::Ids(ids.0),
                None => Domains::Names(domains::collect(
                    &args.domain,
                    args.domain_file.as_deref(),
                    NAMES_HINT,
                )?),
            };
            let session = Session::open(&global, output)?;
            let ids = match target {
                Domains::Ids(ids) => ids,
                Domains::Names(names) => resolve::domain_ids(session.client()?, &names)?,
            };
            let request = Request {
                action: Action::RecordCreate,
                params: vec![
                    ("domain_id", join_ids(&ids)),
                    (
                        "records",
                        serde_json::to_string(&specs).context("could not encode the records")?,
                    ),
                ],
            };
            session.submit(&[("record-create", request)], &args.submit, None)
        }
        Command::RecordModify(args) => {
            let change =
                records::check_change(args.change, &args.to, args.value.as_deref(), args.mx)
                    .map_err(usage)?;
            let target = match args.record_id {
                Some(ids) => Records::Ids(ids.0),
                None => Records::Select(selector(args.select)?),
            };
            let session = Session::open(&global, output)?;
            let ids = match target {
                Records::Ids(ids) => ids,
                Records::Select(selector) => {
                    match session.select(&selector, &change, args.submit.dry_run)? {
                        Some(ids) => ids,
                        None => return Ok(Outcome::Success),
                    }
                }
            };
            let mut params = vec![("record_id", join_ids(&ids))];
            params.extend(change.params());
            let request = Request {
                action: Action::RecordModify,
                params,
            };
            session.submit(&[("record-modify", request)], &args.submit, None)
        }
        Command::Detail(args) => {
            let session = Session::open(&global, output)?;
            let job_id = session.job_id(&args.job)?;
            let detail = session
                .client()?
                .detail(job_id, None)
                .map_err(CallError::into_error)
                .with_context(|| format!("could not get job {job_id}"))?;
            session.output.job(job_id, &detail)?;
            Ok(session.finished_outcome(job_id, &detail))
        }
        Command::Wait(args) => {
            let session = Session::open(&global, output)?;
            let job_id = session.job_id(&args.job)?;
            session.check_interval(&args.timing)?;
            session.follow(session.client()?, job_id, &args.timing)
        }
        Command::Retry(args) => Session::open(&global, output)?.retry(&args.job, &args.submit),
        Command::Jobs(args) => {
            let (mut entries, _) = read_history()?;
            entries.reverse();
            entries.truncate(args.limit);
            output.jobs(&entries)?;
            Ok(Outcome::Success)
        }
        Command::Man(args) => {
            output.raw(&generate::man_page(args.command.as_deref())?)?;
            Ok(Outcome::Success)
        }
    }
}

const NAMES_HINT: &str = "pass --domain NAMES (comma-separated) or --domain-file PATH";

/// The domains of `record-create`: by ID, or by name to look up.
enum Domains {
    Ids(Vec<u64>),
    Names(Vec<String>),
}

/// The records of `record-modify`: by ID, or a selection to look up.
enum Records {
    Ids(Vec<u64>),
    Select(Selector),
}

/// A checked selector from `--domain/--domain-file --sub --type [--line] [--value-is]`.
fn selector(args: SelectArgs) -> anyhow::Result<Selector> {
    let hosts = records::check_hosts(args.sub.as_deref().unwrap_or_default()).map_err(usage)?;
    Ok(Selector {
        domains: domains::collect(&args.domain, args.domain_file.as_deref(), NAMES_HINT)?,
        hosts: hosts.split(',').map(str::to_owned).collect(),
        // clap requires --sub and --type with --domain or --domain-file.
        record_type: args.record_type.expect("--type is required"),
        line: args.line,
        value_is: args.value_is,
    })
}
