//! What undo of an apply puts back (pure): what the apply did to each record, as its
//! history lines and its jobs' details tell it (`apply/lines.rs`), turned into the steps
//! of an inverse plan against the account as it is now: a record it modified put back
//! whole if it is still as the apply left it, a record it created deleted if still as
//! created, a record it deleted created again unless the account has it again. A record
//! changed since is left and named, never overwritten. The history is untrusted: every
//! record to send is checked as a records file's row is, and a record is touched only on
//! the domain the account gives the ID the history names.

mod lines;

pub(crate) use lines::{
    from_calls, from_create_job, from_deletions, from_modify_job, from_steps_job,
};

use super::Now;
use crate::escape::visible;
use crate::job::{Action, Record, Step, same_host, same_line, same_type, same_value};
use rust_i18n::t;
use std::collections::HashMap;

/// What an apply did to one record.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Done {
    pub domain: String,
    /// The domain's ID as the history or a detail gives it; `None` where a line names the
    /// domain only (a record-modify job's before-state).
    pub domain_id: Option<u64>,
    pub record_id: u64,
    pub did: Did,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Did {
    /// Changed from the first record to the second.
    Modified(Record, Record),
    /// Created as this record.
    Created(Record),
    /// Created as this record, but the remark's own call (the legacy API's) failed: it
    /// stands without the remark, or with it where only that call's answer was lost.
    CreatedMaybeBare(Record),
    /// Deleted; it was this record.
    Deleted(Record),
}

impl Done {
    /// `record 7 of a.cn (www A 1.2.3.4)`, escaped.
    fn named(&self) -> String {
        let record = match &self.did {
            Did::Modified(record, _)
            | Did::Created(record)
            | Did::CreatedMaybeBare(record)
            | Did::Deleted(record) => record,
        };
        visible(&t!(
            "undo.record_named",
            id = self.record_id,
            domain = self.domain,
            host = record.host,
            record_type = record.record_type,
            value = record.value
        ))
        .into_owned()
    }
}

/// Whether two records are the same to DNS and DNSPod: host, type, line and value as DNS
/// spells them alike, and the same TTL, MX (of an MX record), weight, state and remark.
pub(crate) fn same_record(a: &Record, b: &Record) -> bool {
    let mx = |r: &Record| r.mx.filter(|_| same_type(&r.record_type, "MX"));
    same_host(&a.host, &b.host)
        && same_type(&a.record_type, &b.record_type)
        && same_line(&a.line, &b.line)
        && same_value(Some(&a.record_type), &a.value, &b.value)
        && (a.ttl, mx(a), a.weight, a.enabled) == (b.ttl, mx(b), b.weight, b.enabled)
        && a.remark == b.remark
}

/// The same record by what tells records apart (host, type, line, value): the vendor
/// refuses a second one.
fn same_identity(a: &Record, b: &Record) -> bool {
    same_record(
        a,
        &Record {
            ttl: a.ttl,
            mx: a.mx,
            weight: a.weight,
            enabled: a.enabled,
            remark: a.remark.clone(),
            ..b.clone()
        },
    )
}

/// Several lines' account of one record as one: a record several jobs and calls changed
/// (the legacy API's one field a job, a remark by a call) is one change from the first
/// before-state to every change made; lines that disagree on what it was are left, named.
pub(crate) fn merged(done: Vec<Done>, skipped: &mut Vec<String>) -> Vec<Done> {
    let mut merged: Vec<Done> = Vec::new();
    let mut torn: Vec<(String, u64)> = Vec::new();
    for next in done {
        let same = |d: &&mut Done| d.record_id == next.record_id && d.domain == next.domain;
        let Some(first) = merged.iter_mut().find(same) else {
            merged.push(next);
            continue;
        };
        match (&mut first.did, &next.did) {
            (Did::Modified(was, now), Did::Modified(from, to)) if same_record(was, from) => {
                *now = with_diff(now, from, to);
            }
            (a, b) if a == b => {}
            _ => {
                skipped.push(t!("undo.lines_disagree", record = next.named()).into_owned());
                torn.push((next.domain.clone(), next.record_id));
            }
        }
    }
    merged.retain(|d| !torn.contains(&(d.domain.clone(), d.record_id)));
    merged
}

/// `record` with each field `to` changes of `from` as `to` has it.
fn with_diff(record: &Record, from: &Record, to: &Record) -> Record {
    fn pick<T: PartialEq + Clone>(now: &T, from: &T, to: &T) -> T {
        if from == to { now } else { to }.clone()
    }
    Record {
        host: pick(&record.host, &from.host, &to.host),
        record_type: pick(&record.record_type, &from.record_type, &to.record_type),
        line: pick(&record.line, &from.line, &to.line),
        value: pick(&record.value, &from.value, &to.value),
        ttl: pick(&record.ttl, &from.ttl, &to.ttl),
        mx: pick(&record.mx, &from.mx, &to.mx),
        weight: pick(&record.weight, &from.weight, &to.weight),
        enabled: pick(&record.enabled, &from.enabled, &to.enabled),
        remark: pick(&record.remark, &from.remark, &to.remark),
    }
}

/// The account's ID of each domain name, `None` where it has no such domain.
pub(crate) type DomainIds = HashMap<String, Option<u64>>;

/// The steps that undo `done` against the account as it is (`now`: each domain's records
/// by ID; `ids`), and why each other record is left.
pub(crate) fn steps(done: &[Done], now: &Now, ids: &DomainIds) -> (Vec<Step>, Vec<String>) {
    let (mut steps, mut skipped) = (Vec::new(), Vec::new());
    for done in done {
        match step(done, now, ids) {
            Ok(Some(step)) => steps.push(step),
            Ok(None) => {}
            Err(why) => skipped.push(format!("{}: {why}", done.named())),
        }
    }
    // As a plan shows its steps: by domain, creates, modifies, then deletes.
    steps.sort_by(|a, b| (&a.domain, a.action).cmp(&(&b.domain, b.action)));
    (steps, skipped)
}

/// The step that undoes one record's change; `None` when nothing is left to undo.
fn step(done: &Done, now: &Now, ids: &DomainIds) -> Result<Option<Step>, String> {
    let domain_id = domain_id(done, ids)?;
    let listed = now.get(&(done.domain.as_str(), done.record_id));
    let is = listed.map(|r| (r.system, r.whole()));
    let step = |action, record_id, before, after| Step {
        action,
        domain: done.domain.as_str().into(),
        domain_id,
        record_id,
        before,
        after,
    };
    let id = Some(done.record_id);
    Ok(match (&done.did, is) {
        (Did::Modified(was, _), _) if same_record(was, &done_after(done)) => None,
        (Did::Modified(..) | Did::Created(_) | Did::CreatedMaybeBare(_), None) => {
            return Err(t!("undo.apply_deleted_since").into_owned());
        }
        (_, Some((true, _))) => return Err(t!("undo.apply_system_ns").into_owned()),
        // As it was (a call refused, or put back by hand): nothing to put back.
        (Did::Modified(was, _), Some((_, Some(is)))) if same_record(was, &is) => None,
        (Did::Modified(was, after), Some((_, Some(is)))) if same_record(after, &is) => {
            Some(step(Action::Modify, id, Some(is), Some(sendable(was)?)))
        }
        (Did::Created(made), Some((_, Some(is)))) if same_record(made, &is) => {
            Some(step(Action::Delete, id, Some(is), None))
        }
        (Did::CreatedMaybeBare(made), Some((_, Some(is)))) if as_made(made, &is) => {
            Some(step(Action::Delete, id, Some(is), None))
        }
        (Did::Modified(..) | Did::Created(_) | Did::CreatedMaybeBare(_), Some((_, is))) => {
            return Err(changed_since(is));
        }
        (Did::Deleted(_), Some(_)) => {
            return Err(t!("undo.still_listed").into_owned());
        }
        (Did::Deleted(was), None) => {
            let again = now
                .iter()
                .filter(|((domain, _), _)| *domain == done.domain)
                .filter_map(|(_, r)| r.whole())
                .any(|r| same_identity(was, &r));
            if again {
                return Err(t!("undo.apply_there_again").into_owned());
            }
            Some(step(Action::Create, None, None, Some(sendable(was)?)))
        }
    })
}

/// The account's ID of the domain `done` names, if the history gives it none or that.
fn domain_id(done: &Done, ids: &DomainIds) -> Result<u64, String> {
    let account = ids.get(&done.domain).copied().flatten();
    match (account, done.domain_id) {
        (Some(id), None) => Ok(id),
        (Some(id), Some(named)) if id == named => Ok(id),
        (id, named) => {
            let shown = |id: Option<u64>| {
                id.map_or_else(|| t!("undo.no_id").into_owned(), |id| id.to_string())
            };
            Err(t!(
                "undo.apply_other_domain_id",
                history_id = shown(named),
                account_id = shown(id)
            )
            .into_owned())
        }
    }
}

fn done_after(done: &Done) -> Record {
    match &done.did {
        Did::Modified(_, after) => after.clone(),
        Did::Created(r) | Did::CreatedMaybeBare(r) | Did::Deleted(r) => r.clone(),
    }
}

/// Whether `is` is `made` as created, with or without its remark.
fn as_made(made: &Record, is: &Record) -> bool {
    let bare = Record {
        remark: Default::default(),
        ..made.clone()
    };
    same_record(made, is) || same_record(&bare, is)
}

/// Why a record is left: it is not as the apply left it.
fn changed_since(is: Option<Record>) -> String {
    let shown = is.map_or_else(
        || t!("undo.unreadable_record").into_owned(),
        |r| {
            let text = format!("{} {} {} ttl {}", r.host, r.record_type, r.value, r.ttl);
            visible(&text).into_owned()
        },
    );
    t!("undo.changed_since_apply", now = shown).into_owned()
}

/// A record the history kept, checked as a records file's row before it is sent.
fn sendable(record: &Record) -> Result<Record, String> {
    let spec = record
        .spec()
        .checked()
        .map_err(|err| t!("undo.copy_of_it_not_a_record", why = visible(&err)).into_owned())?;
    if record.weight.is_some_and(|w| w > 100) {
        return Err(t!("undo.copy_weight").into_owned());
    }
    Ok(Record {
        record_type: spec.record_type.into(),
        ..record.clone()
    })
}

#[cfg(test)]
mod tests;
