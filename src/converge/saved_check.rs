//! A saved plan read back for `apply --plan FILE`: untrusted input (anyone who could
//! write the file could change it), checked as a records file is, every bad entry
//! named; then held against its domains read again, so that it changes only the records
//! it was made from, and only while they are as they were.

use super::saved::{SAVED_PLAN_VERSION, SavedDomain, SavedPlan};
use super::{DomainPlan, digest, managed};
use crate::input::domains::check_domain;
use crate::input::ignore::{Ignore, check_ignores};
use crate::input::records::checked_whole;
use crate::job::{AccountRecord, Action, Record, Step, same_host, same_line, same_type};
use rust_i18n::t;

impl SavedPlan {
    /// The plan in `text` and its ignore patterns, checked: its version, its patterns,
    /// its domains and every step; or every reason it is not, each naming its entry.
    pub(crate) fn read(text: &[u8]) -> Result<(SavedPlan, Vec<Ignore>), Vec<String>> {
        let plan: SavedPlan = serde_json::from_slice(text)
            .map_err(|e| vec![t!("saved.not_a_plan", why = e).into_owned()])?;
        if plan.version != SAVED_PLAN_VERSION {
            return Err(vec![
                t!(
                    "saved.version",
                    version = plan.version,
                    reads = SAVED_PLAN_VERSION
                )
                .into_owned(),
            ]);
        }
        let mut errors = Vec::new();
        let ignore = check_ignores(&plan.ignore).unwrap_or_else(|why| {
            errors.push(format!("ignore: {why}"));
            Vec::new()
        });
        for (at, domain) in plan.domains.iter().enumerate() {
            if let Err(why) = checked_domain(domain, &plan.domains[..at]) {
                errors.push(t!("saved.domain_error", at = at + 1, why = why).into_owned());
            }
        }
        let mut steps = Vec::new();
        for (at, step) in plan.steps.iter().enumerate() {
            match checked_step(step.clone(), &plan.domains) {
                Ok(step) => steps.push(step),
                Err(why) => {
                    errors.push(t!("saved.step_error", at = at + 1, why = why).into_owned())
                }
            }
        }
        match errors.is_empty() {
            true => Ok((SavedPlan { steps, ..plan }, ignore)),
            false => Err(errors),
        }
    }

    /// Each domain's plan, held against the domain read again (`current`: its ID and
    /// records, in the order of the plan's domains): every domain whose records or ID
    /// changed since the plan was made is named, and so is a step whose record is not
    /// as the step says it was (a file changed by hand).
    pub(crate) fn against(
        &self,
        current: &[(u64, Vec<AccountRecord>)],
        ignore: &[Ignore],
    ) -> Result<Vec<DomainPlan>, Vec<String>> {
        let mut plans = Vec::new();
        let mut changed = Vec::new();
        for (saved, (id, records)) in self.domains.iter().zip(current) {
            let managed = managed(records, saved.lines.as_ref(), ignore);
            let digest = digest(&managed);
            if digest != saved.digest || *id != saved.domain_id {
                changed.push(saved.domain.to_string());
            }
            plans.push((saved, managed, digest));
        }
        if !changed.is_empty() {
            return Err(vec![
                t!("saved.changed", domains = changed.join(", ")).into_owned(),
            ]);
        }
        let mut errors = Vec::new();
        for (at, step) in self.steps.iter().enumerate() {
            let Some((_, managed, _)) = plans.iter().find(|(d, ..)| d.domain == step.domain) else {
                continue;
            };
            if !as_it_was(step, managed) {
                errors.push(
                    t!(
                        "saved.step_stale",
                        step = at + 1,
                        record_id = step.record_id.unwrap_or_default(),
                        domain = step.domain
                    )
                    .into_owned(),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(plans
            .into_iter()
            .map(|(saved, managed, digest)| self.domain_plan(saved, managed.len(), digest))
            .collect())
    }

    fn domain_plan(&self, saved: &SavedDomain, managed: usize, digest: String) -> DomainPlan {
        DomainPlan {
            domain: saved.domain.clone(),
            domain_id: saved.domain_id,
            steps: self
                .steps
                .iter()
                .filter(|s| s.domain == saved.domain)
                .cloned()
                .collect(),
            managed,
            digest,
            lines: saved.lines.clone(),
        }
    }
}

/// A modify's or delete's record is one the plan weighed, as the step has it before.
fn as_it_was(step: &Step, managed: &[(u64, Record)]) -> bool {
    match (step.record_id, &step.before) {
        (Some(id), Some(before)) => managed.iter().any(|(m, r)| *m == id && r == before),
        _ => true,
    }
}

/// A domain's name as a domain is named, its digest as `digest` writes one, named once.
fn checked_domain(domain: &SavedDomain, earlier: &[SavedDomain]) -> Result<(), String> {
    let name = check_domain(&domain.domain)?;
    if name != domain.domain {
        return Err(t!("saved.not_canonical", domain = domain.domain, name = name).into_owned());
    }
    if earlier.iter().any(|d| d.domain == domain.domain) {
        return Err(t!("saved.twice", name = name).into_owned());
    }
    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    match domain.digest.len() == 64 && domain.digest.chars().all(hex) {
        true => Ok(()),
        false => Err(t!("saved.digest", name = name).into_owned()),
    }
}

/// A step of one of the plan's domains, of the shape its action has, the record it
/// sends checked as a records file's row is.
fn checked_step(mut step: Step, domains: &[SavedDomain]) -> Result<Step, String> {
    let ours = |d: &SavedDomain| d.domain == step.domain && d.domain_id == step.domain_id;
    if !domains.iter().any(ours) {
        return Err(t!(
            "saved.foreign_domain",
            domain = step.domain,
            id = step.domain_id
        )
        .into_owned());
    }
    let shape = (step.record_id, &step.before, &step.after);
    let well_formed = match (step.action, shape) {
        (Action::Create, (None, None, Some(_))) | (Action::Delete, (Some(_), Some(_), None)) => {
            true
        }
        // A modify changes what plan changes, never which host, type or line it is.
        (Action::Modify, (Some(_), Some(old), Some(new))) => {
            same_host(&old.host, &new.host)
                && same_type(&old.record_type, &new.record_type)
                && same_line(&old.line, &new.line)
        }
        _ => false,
    };
    if !well_formed {
        return Err(t!("saved.bad_shape", action = step.action.name()).into_owned());
    }
    if let Some(after) = step.after.take() {
        step.after = Some(checked_whole(after).map_err(|why| format!("{}: {why}", step.domain))?);
    }
    Ok(step)
}

#[cfg(test)]
mod tests;
