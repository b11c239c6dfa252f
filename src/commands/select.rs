//! Records chosen by name, as `record-modify` and `record-delete` select them: the
//! checked selector, and the look-ups with what they could not list said on stderr.

use super::create::names_hint;
use crate::cli::SelectArgs;
use crate::error::usage;
use crate::i18n::counted::counted;
use crate::input::{domains, records};
use crate::resolve::{self, Selection, Selector};
use crate::session::Session;
use rust_i18n::t;

/// A checked selector from `--domain/--domain-file/--all --sub --type [--line]
/// [--value-is]`; `--all` lists the account's domains, saying what it skips.
pub(super) fn selector(session: &Session, args: SelectArgs) -> anyhow::Result<Selector> {
    let hosts = records::check_hosts(args.sub.as_deref().unwrap_or_default()).map_err(usage)?;
    let domains = match args.all {
        true => {
            let listed = session.backend()?.all_domains()?;
            resolve::account_domains(listed, |gap| {
                session.output.warn(&t!("select.domain_skipped", gap = gap))
            })
        }
        false => domains::collect(&args.domain, args.domain_file.as_deref(), &names_hint())?,
    };
    Ok(Selector {
        domains,
        hosts: hosts.split(',').map(str::to_owned).collect(),
        // clap requires --sub and --type with --domain, --domain-file or --all.
        record_type: args.record_type.expect("--type is required"),
        line: args.line,
        value_is: args.value_is,
    })
}

/// The selection `look_up` makes of `domains` domains, with a warning for each listing
/// short of the server's total and a note of DNSPod's own records left out.
pub(super) fn selected(
    session: &Session,
    domains: usize,
    look_up: impl FnOnce(&(dyn Fn() + Sync)) -> anyhow::Result<Selection>,
) -> anyhow::Result<Selection> {
    let progress = session.output.lookup_progress(domains);
    let selection = look_up(&|| progress.tick())?;
    drop(progress);
    for short in &selection.short {
        session.output.warn(&t!("select.short", short = short));
    }
    if selection.system > 0 {
        session.output.note(&t!(
            "select.system_left_out",
            records = counted(selection.system, "ns_record")
        ));
    }
    Ok(selection)
}

/// The refusal (exit 2) of a selection that found nothing.
pub(super) fn nothing_matches(selector: &Selector) -> anyhow::Error {
    // `--all` of a large account would name thousands.
    let domains = match selector.domains.len() {
        1..=5 => selector.domains.join(","),
        n => counted(n, "domain"),
    };
    usage(t!(
        "select.nothing_matches",
        record_type = selector.record_type,
        hosts = selector.hosts.join(","),
        domains = domains
    ))
}
