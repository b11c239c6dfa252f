//! What an apply (or an undo of one) left unsent, held against the account before
//! `resume` sends it: time has passed, and the job history is untrusted. Each change's
//! domain must be the account's domain of that ID, and a record a change modifies or
//! deletes must be as the history kept it; else nothing is sent, every change named.

use crate::commands::plan::read_again;
use crate::error::usage;
use crate::history::Operation;
use crate::input::list_errors;
use crate::job::{AccountRecord, Action, Before, By, JobSpec, Part, Step};
use crate::session::Session;
use crate::undo::apply::same_record;
use rust_i18n::t;

/// Refuses (exit 2, every change named, nothing sent) when a change of `parts` of an
/// apply's `operation` does not hold against its domain read again.
pub(crate) fn changes_hold(
    session: &Session,
    operation: &Operation,
    parts: &[(usize, Part)],
) -> anyhow::Result<()> {
    if !operation.mixes_kinds() {
        return Ok(());
    }
    let deleted: Vec<&Before> = operation.plan.iter().flat_map(|p| &p.deleted).collect();
    let (steps, mut errors) = as_steps(parts, &deleted);
    let mut names: Vec<String> = steps.iter().map(|s| s.domain.to_string()).collect();
    names.sort();
    names.dedup();
    if !names.is_empty() {
        let current = read_again(session, &names)?;
        errors.extend(steps.iter().filter_map(|step| {
            let at = names.iter().position(|n| n == step.domain.as_str())?;
            let (id, records) = &current[at];
            why_not(step, *id, records)
                .map(|why| t!("apply.held_step", step = step.describe(), why = why).into_owned())
        }));
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(usage(t!(
            "apply.held_changed",
            errors = list_errors(&errors)
        ))),
    }
}

/// The parts' changes as steps: a removal as the delete of the record the operation's
/// plan kept (`deleted`: those sent as calls); a call's it kept nothing of is named in
/// the errors. A deletion job's records (API 3.0's) are kept by no plan: not held.
fn as_steps(parts: &[(usize, Part)], deleted: &[&Before]) -> (Vec<Step>, Vec<String>) {
    let (mut steps, mut errors) = (Vec::new(), Vec::new());
    for (_, part) in parts {
        match &part.spec {
            JobSpec::RecordSteps { steps: these } => steps.extend(these.iter().cloned()),
            JobSpec::RecordDelete {
                record_ids,
                domain_ids,
            } => {
                for (record_id, domain_id) in record_ids.iter().zip(domain_ids) {
                    let kept = deleted.iter().find(|b| b.record_id == *record_id);
                    match kept.and_then(|b| Some((b, b.record().whole()?))) {
                        Some((kept, before)) => steps.push(Step {
                            action: Action::Delete,
                            domain: kept.domain.as_str().into(),
                            domain_id: *domain_id,
                            record_id: Some(*record_id),
                            before: Some(before),
                            after: None,
                        }),
                        None if part.by == By::Calls => errors.push(
                            t!("apply.removal_unknown_record", record_id = record_id).into_owned(),
                        ),
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }
    (steps, errors)
}

/// Why `step` may not be sent to its domain (the account's ID `id`, its `records`).
fn why_not(step: &Step, id: u64, records: &[AccountRecord]) -> Option<String> {
    if step.domain_id != id {
        return Some(
            t!(
                "apply.other_domain_id",
                history_id = step.domain_id,
                account_id = id
            )
            .into_owned(),
        );
    }
    if step.action == Action::Create {
        return None;
    }
    let Some(before) = &step.before else {
        return Some(t!("apply.record_unknown").into_owned());
    };
    let listed = records.iter().find(|r| Some(r.id) == step.record_id);
    match listed.map(|r| (r.system, r.whole())) {
        // Gone since: its delete finds nothing, its modify is refused by the vendor.
        None => None,
        Some((false, Some(is))) if same_record(before, &is) => None,
        Some(_) => Some(t!("apply.changed_since_plan").into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::Record;

    fn delete(domain_id: u64, record_id: u64, before: Option<Record>) -> Step {
        Step {
            action: Action::Delete,
            domain: "a.cn".into(),
            domain_id,
            record_id: Some(record_id),
            before,
            after: None,
        }
    }

    #[test]
    fn a_removal_is_held_against_the_record_the_plan_kept_unless_a_job_sends_it() {
        let www = Record::new("www", "A", "192.0.2.1");
        let kept = www.before("a.cn", 7);
        let spec = JobSpec::RecordDelete {
            record_ids: vec![7, 8],
            domain_ids: vec![70, 70],
        };
        let calls = Part {
            by: By::Calls,
            ..Part::job(spec.clone(), None)
        };
        let (steps, errors) = as_steps(&[(0, calls)], &[&kept]);
        assert_eq!(steps, [delete(70, 7, Some(www))]);
        assert!(errors[0].contains("record 8"), "{errors:?}");
        let (steps, errors) = as_steps(&[(0, Part::job(spec, None))], &[&kept]);
        assert_eq!((steps.len(), errors.len()), (1, 0), "a job's 8 is not held");
    }

    #[test]
    fn a_change_goes_only_to_its_domains_id_and_a_record_as_it_was() {
        let www = Record::new("www", "A", "192.0.2.1");
        let listed = vec![www.before("a.cn", 7).record()];
        assert_eq!(
            why_not(&delete(70, 7, Some(www.clone())), 70, &listed),
            None
        );
        // Gone since: nothing to refuse, the call finds nothing.
        assert_eq!(
            why_not(&delete(70, 8, Some(www.clone())), 70, &listed),
            None
        );
        let forged = why_not(&delete(71, 7, Some(www.clone())), 70, &listed);
        assert!(forged.unwrap().contains("the ID 71, the account 70"));
        let changed = Record { ttl: 60, ..www };
        let since = why_not(&delete(70, 7, Some(changed)), 70, &listed);
        assert!(since.unwrap().contains("changed since"));
        let unknown = why_not(&delete(70, 7, None), 70, &listed);
        assert!(
            unknown
                .unwrap()
                .contains("does not say what the record was")
        );
    }
}
