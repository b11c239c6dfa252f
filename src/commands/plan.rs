//! `plan`: the changes that would make the account's records match files of desired
//! records. Everything is read and checked first (the files, `--domain`, `--ignore`),
//! then the files' domains are looked up, diffed (`converge`) and shown; only look-ups
//! are sent. `apply` plans through the same [`plans`].

use crate::cli::{DesiredArgs, PlanArgs};
use crate::converge::{self, DomainPlan, SavedPlan, Thresholds, refusals};
use crate::error::{Outcome, usage};
use crate::escape::visible;
use crate::export::files;
use crate::import::{DesiredDomain, Lines, desired_notes, read_desired};
use crate::input::domains::{ascii_key, check_domain};
use crate::input::ignore::{Ignore, check_ignores};
use crate::input::list_errors;
use crate::job::AccountRecord;
use crate::resolve::{self, Lookups, NotDone};
use crate::session::Session;
use rust_i18n::t;

pub(super) fn run(session: &Session, args: PlanArgs) -> anyhow::Result<Outcome> {
    let (plans, ignore) = plans(session, &args.desired)?;
    session.output.plan(&plans)?;
    warn_of_thresholds(session, &plans, session.settings.desired.thresholds);
    if let Some(path) = &args.out {
        let saved = serde_json::to_vec_pretty(&SavedPlan::new(&plans, &ignore))?;
        files::write_file(path, &saved)?;
        session.output.note(&t!(
            "plan.saved",
            path = visible(&path.display().to_string())
        ));
    }
    let changes = plans.iter().any(|p| !p.steps.is_empty());
    Ok(match args.exit_code && changes {
        true => Outcome::Drift,
        false => Outcome::Success,
    })
}

/// Each domain's plan, in the files' order, and the ignore patterns it was made with.
pub(super) fn plans(
    session: &Session,
    args: &DesiredArgs,
) -> anyhow::Result<(Vec<DomainPlan>, Vec<Ignore>)> {
    let mut ignore = session.settings.desired.ignore.clone();
    ignore.extend(check_ignores(&args.ignore).map_err(usage)?);
    let desired = narrowed(read_desired(&args.paths)?, &args.domain)?;
    for note in desired_notes(&desired) {
        session.output.note(&note);
    }
    let plans = plan_each(session, &desired, &ignore)?;
    Ok((plans, ignore))
}

/// Each domain's plan, its records diffed as they come and then let go (100,000 current
/// records need not be held beside the desired ones): the IDs first, in one round of
/// look-ups, then the records. A domain the account lacks is an error (every one
/// named), and so is a listing short of the server's total: a record it did not list
/// would be planned as a create of what is there, or left out of the deletes.
fn plan_each(
    session: &Session,
    desired: &[DesiredDomain],
    ignore: &[Ignore],
) -> anyhow::Result<Vec<DomainPlan>> {
    let backend = session.backend()?;
    let names: Vec<String> = desired.iter().map(|d| d.domain.to_string()).collect();
    let ids = resolve::ids_for(backend, &names, NotDone::Planned)?;
    let progress = session.output.lookup_progress(names.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: NotDone::Planned,
    };
    let planned = lookups.each(backend, &names, &[], |at, paged| match paged.short {
        Some(gap) => Err(format!(
            "{}: {}",
            names[at],
            t!("plan.short", gap = gap.describe("record"))
        )),
        None => Ok(plan_one(&desired[at], ids[at], &paged.entries, ignore)),
    })?;
    drop(progress);
    let short: Vec<String> = planned
        .iter()
        .filter_map(|p| p.as_ref().err().cloned())
        .collect();
    if !short.is_empty() {
        anyhow::bail!("{}", list_errors(&short));
    }
    Ok(planned.into_iter().flatten().collect())
}

fn plan_one(
    wanted: &DesiredDomain,
    id: u64,
    current: &[AccountRecord],
    ignore: &[Ignore],
) -> DomainPlan {
    let lines = match &wanted.lines {
        Lines::All => None,
        Lines::Named(lines) => Some(lines),
    };
    let records = &wanted.records;
    let wanted_state = converge::Desired { records, lines };
    converge::plan_domain((&wanted.domain, id), wanted_state, current, ignore)
}

/// The files' domains `--domain` names (all of them without it); a name in no file is
/// an error, every one named.
fn narrowed(desired: Vec<DesiredDomain>, named: &[String]) -> anyhow::Result<Vec<DesiredDomain>> {
    if named.is_empty() {
        return Ok(desired);
    }
    let key = |d: &DesiredDomain| ascii_key(&d.domain).to_lowercase();
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for name in named.iter().flat_map(|list| list.split(',')).map(str::trim) {
        let checked = check_domain(name).map(|n| ascii_key(&n).to_lowercase());
        match checked {
            Ok(wanted) if desired.iter().any(|d| key(d) == wanted) => keys.push(wanted),
            Ok(_) => errors.push(t!("plan.domain_not_in_files", name = name).into_owned()),
            Err(why) => errors.push(format!("--domain: {why}")),
        }
    }
    if !errors.is_empty() {
        return Err(usage(list_errors(&errors)));
    }
    Ok(desired
        .into_iter()
        .filter(|d| keys.contains(&key(d)))
        .collect())
}

/// Each domain's ID and current records, as [`look_up`] reads them.
pub(super) fn read_again(
    session: &Session,
    names: &[String],
) -> anyhow::Result<Vec<(u64, Vec<AccountRecord>)>> {
    let current = look_up(session, names)?;
    let ids = resolve::ids_of(session.backend()?, names)?;
    Ok(ids.into_iter().zip(current).collect())
}

/// Each domain's current records; a domain the account lacks is an error (every one
/// named), and so is a listing short of the server's total: a record it did not list
/// would be planned as a create of what is there, or left out of the deletes.
fn look_up(session: &Session, names: &[String]) -> anyhow::Result<Vec<Vec<AccountRecord>>> {
    let progress = session.output.lookup_progress(names.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: NotDone::Planned,
    };
    let (listed, short) = lookups.records(session.backend()?, names, &[])?;
    drop(progress);
    if !short.is_empty() {
        let short: Vec<String> = short
            .iter()
            .map(|s| t!("plan.short", gap = s).into_owned())
            .collect();
        anyhow::bail!("{}", list_errors(&short));
    }
    Ok(listed)
}

/// A note for each domain `apply` would refuse over a threshold (deletes counted, as
/// `apply --delete` counts them), before it is run.
fn warn_of_thresholds(session: &Session, plans: &[DomainPlan], limits: Thresholds) {
    for refusal in refusals(plans, limits, true) {
        session.output.warn(&t!(
            "plan.over_threshold",
            refusal = visible(&refusal.to_string())
        ));
    }
}
