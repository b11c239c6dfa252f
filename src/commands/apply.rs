//! `apply`: plans as `plan` does (or reads a plan `plan --out` saved, and its domains
//! again), refuses a domain over a threshold unless `--force`, shows on stderr what it
//! is about to do, and carries the steps out as one operation of the executor
//! (`submit_steps`): stdout carries only the result, as the submit commands'.

mod held;

pub(super) use held::changes_hold;

use super::plan::{plans, read_again};
use super::submit::submit_steps;
use crate::cli::ApplyArgs;
use crate::converge::{DomainPlan, SavedPlan, Thresholds, refusals};
use crate::error::{Outcome, usage};
use crate::i18n::counted::counted;
use crate::input::{describe, list_errors, read_text};
use crate::job::{Action, Step};
use crate::session::Session;
use rust_i18n::t;
use std::path::Path;

pub(super) fn run(session: &Session, args: &ApplyArgs) -> anyhow::Result<Outcome> {
    let plans = match &args.plan {
        Some(file) => saved(session, file)?,
        None => plans(session, &args.desired)?.0,
    };
    if !args.force {
        check_thresholds(session, &plans, args)?;
    }
    let (plans, left) = without_deletes(plans, args.delete);
    let steps: Vec<Step> = plans.iter().flat_map(|p| p.steps.iter().cloned()).collect();
    if steps.is_empty() {
        nothing_to_do(session, &plans, &left);
        return Ok(Outcome::Success);
    }
    session.output.applying(&plans)?;
    note_left(session, &left);
    submit_steps(session, "apply", &steps, &args.submit)
}

/// The plan `plan --out` saved in `file`, checked (exit 2, every bad entry named), held
/// against its domains read again: refused (exit 2, naming them) when any changed since.
fn saved(session: &Session, file: &Path) -> anyhow::Result<Vec<DomainPlan>> {
    let name = describe(file);
    let text = read_text(file)?;
    let bad = |errors: Vec<String>| usage(format!("{name}: {}", list_errors(&errors)));
    let (plan, ignore) = SavedPlan::read(text.as_bytes()).map_err(bad)?;
    let names: Vec<String> = plan.domains.iter().map(|d| d.domain.to_string()).collect();
    let current = read_again(session, &names)?;
    let plans = plan.against(&current, &ignore).map_err(bad)?;
    Ok(plans)
}

/// Exit 2, nothing sent, when a domain's plan modifies or deletes (with `--delete`)
/// more of it than the thresholds allow: config `max_modify`/`max_delete`, overridden
/// by the flags.
fn check_thresholds(
    session: &Session,
    plans: &[DomainPlan],
    args: &ApplyArgs,
) -> anyhow::Result<()> {
    let configured = session.settings.desired.thresholds;
    let limits = Thresholds {
        max_modify: args.max_modify.unwrap_or(configured.max_modify),
        max_delete: args.max_delete.unwrap_or(configured.max_delete),
    };
    let refused: Vec<String> = refusals(plans, limits, args.delete)
        .iter()
        .map(ToString::to_string)
        .collect();
    match refused.is_empty() {
        true => Ok(()),
        false => Err(usage(t!("apply.refused", refusals = list_errors(&refused)))),
    }
}

/// The plans without their deletes unless `deleting`, and how many each domain left.
fn without_deletes(
    mut plans: Vec<DomainPlan>,
    deleting: bool,
) -> (Vec<DomainPlan>, Vec<(String, usize)>) {
    let mut left = Vec::new();
    for plan in plans.iter_mut().filter(|_| !deleting) {
        let before = plan.steps.len();
        plan.steps.retain(|s| s.action != Action::Delete);
        if plan.steps.len() < before {
            left.push((plan.domain.to_string(), before - plan.steps.len()));
        }
    }
    (plans, left)
}

/// The note of the deletes left out: how many, in which domains.
fn note_left(session: &Session, left: &[(String, usize)]) {
    if left.is_empty() {
        return;
    }
    let total: usize = left.iter().map(|(_, n)| n).sum();
    let domains: Vec<String> = left.iter().map(|(d, n)| format!("{d} ({n})")).collect();
    session.output.note(&crate::escape::visible(&t!(
        "apply.left",
        records = counted(total, "record"),
        domains = domains.join(", ")
    )));
}

/// An empty plan: said so, nothing sent, no history entry.
fn nothing_to_do(session: &Session, plans: &[DomainPlan], left: &[(String, usize)]) {
    note_left(session, left);
    session.output.note(&match left.is_empty() {
        true => t!("apply.no_changes", domains = counted(plans.len(), "domain")),
        false => t!("apply.nothing_else"),
    });
}
