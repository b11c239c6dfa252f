//! What `undo` sends. Of a record-modify job: each record the job changed put back as it
//! was before, unless it changed or went since, in as few jobs as one value per job
//! allows. Of a record-create job: the records it created, unless they changed since.
//! Pure: the commands read the job, the history and the records, and send.

use crate::input::records::{Change, ChangeField, check_change};
use crate::job::{AccountRecord, Before, ItemStatus, Job, JobSpec};
use crate::resolve::already_at_target;
use std::collections::HashMap;

/// One record to put back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Restore {
    pub domain: String,
    pub record_id: u64,
    /// The record as it is now.
    pub now: AccountRecord,
    /// The changed field now, and what it goes back to, as shown.
    pub now_text: String,
    pub back_to: String,
    /// The change that puts it back.
    pub change: Change,
}

/// What undo sends, and the records it leaves alone, each with why.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Plan {
    pub restores: Vec<Restore>,
    pub skipped: Vec<String>,
}

/// The plan for the records a job changed (`changed`: each record ID that ended ok, with
/// the job's change), from what they were (`before`) and what they are (`now`, by ID;
/// missing: deleted since).
pub(crate) fn plan(
    changed: &[(u64, &Change)],
    before: &HashMap<u64, &Before>,
    now: &HashMap<u64, &AccountRecord>,
) -> Plan {
    let mut plan = Plan::default();
    for (record_id, change) in changed {
        let Some(before) = before.get(record_id) else {
            plan.skipped.push(format!(
                "record {record_id}: no before-state was recorded for it, so it is left as it is"
            ));
            continue;
        };
        let Some(now) = now.get(record_id) else {
            plan.skipped.push(format!(
                "record {record_id} of {}: deleted since the job; nothing to put back",
                before.domain
            ));
            continue;
        };
        if !already_at_target(change, now) {
            plan.skipped.push(format!(
                "record {record_id} of {}: its {} is now {}, not the job's {}: changed since, so it is not overwritten",
                before.domain,
                change.field.name(),
                shown(change.field, now),
                change.to
            ));
            continue;
        }
        match restoring(change.field, before) {
            Ok(back) => plan.restores.push(Restore {
                domain: before.domain.clone(),
                record_id: *record_id,
                now: (*now).clone(),
                now_text: shown(change.field, now),
                back_to: shown(change.field, &before.record()),
                change: back,
            }),
            Err(why) => plan.skipped.push(format!(
                "record {record_id} of {}: cannot be put back ({why})",
                before.domain
            )),
        }
    }
    plan
}

/// The change that gives `field` of the record its value from `before`, checked as flag
/// input is: a type goes back with its value (and priority, for MX).
fn restoring(field: ChangeField, before: &Before) -> Result<Change, String> {
    let missing = || format!("its {} before the job was not recorded", field.name());
    let to = match field {
        ChangeField::SubDomain => before.sub_domain.clone(),
        ChangeField::RecordType => before.record_type.clone(),
        ChangeField::Area => before.line.clone(),
        ChangeField::Value => before.value.clone(),
        ChangeField::Mx => before.mx.map(|mx| mx.to_string()),
        ChangeField::Ttl => before.ttl.map(|ttl| ttl.to_string()),
        ChangeField::Status => before
            .enabled
            .map(|on| if on { "enable" } else { "disable" }.to_owned()),
    }
    .ok_or_else(missing)?;
    let (value, mx) = match field {
        ChangeField::RecordType => {
            let value = before.value.as_deref().ok_or_else(missing)?;
            let mx = before.mx.filter(|_| to.eq_ignore_ascii_case("MX"));
            (Some(value), mx)
        }
        _ => (None, None),
    };
    check_change(field, &to, value, mx)
}

/// A field of a record as the plan shows it; a type with its value.
fn shown(field: ChangeField, record: &AccountRecord) -> String {
    let text = |t: &Option<compact_str::CompactString>| t.as_deref().unwrap_or("-").to_owned();
    match field {
        ChangeField::SubDomain => text(&record.name),
        ChangeField::RecordType => format!("{} {}", text(&record.record_type), text(&record.value)),
        ChangeField::Area => text(&record.line),
        ChangeField::Value => text(&record.value),
        ChangeField::Mx => record
            .mx
            .map_or_else(|| "-".to_owned(), |mx| mx.to_string()),
        ChangeField::Ttl => record.ttl.map_or_else(|| "-".to_owned(), |t| t.to_string()),
        ChangeField::Status => if record.enabled { "enable" } else { "disable" }.to_owned(),
    }
}

/// The restores as record-modify jobs: one per value to put back (a job sets one value),
/// in the order the values first appear.
pub(crate) fn jobs(restores: &[Restore]) -> Vec<JobSpec> {
    let mut jobs: Vec<JobSpec> = Vec::new();
    for restore in restores {
        let same = jobs.iter_mut().find_map(|job| match job {
            JobSpec::RecordModify { record_ids, change } if *change == restore.change => {
                Some(record_ids)
            }
            _ => None,
        });
        match same {
            Some(record_ids) => record_ids.push(restore.record_id),
            None => jobs.push(JobSpec::RecordModify {
                record_ids: vec![restore.record_id],
                change: restore.change.clone(),
            }),
        }
    }
    jobs
}

/// A record a record-create job created, as its detail shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Created {
    pub domain: String,
    pub domain_id: u64,
    pub record_id: u64,
    pub sub_domain: Option<String>,
    pub record_type: Option<String>,
    pub line: Option<String>,
    pub value: Option<String>,
}

/// How one removal of the legacy API came out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Removed {
    Deleted,
    /// Not there any more: deleted meanwhile.
    Gone,
    Failed(String),
}

impl Removed {
    pub(crate) fn status(&self) -> &'static str {
        match self {
            Removed::Deleted => "deleted",
            Removed::Gone => "gone",
            Removed::Failed(_) => "error",
        }
    }
}

/// The records whose items ended ok, with the domain each was created on.
pub(crate) fn created(job: &Job) -> Vec<Created> {
    let text = |t: &Option<compact_str::CompactString>| t.as_deref().map(str::to_owned);
    job.domains
        .iter()
        .flat_map(|domain| {
            domain.records.iter().filter_map(move |r| {
                (r.status == ItemStatus::Ok).then_some(())?;
                Some(Created {
                    domain: domain.domain.as_deref()?.to_owned(),
                    domain_id: domain.domain_id?,
                    record_id: r.record_id?,
                    sub_domain: text(&r.sub_domain),
                    record_type: text(&r.record_type),
                    line: text(&r.area),
                    value: text(&r.value),
                })
            })
        })
        .collect()
}

/// The created records still as created, to delete, and why each other one is left.
pub(crate) fn deletions(
    created: Vec<Created>,
    now: &HashMap<u64, &AccountRecord>,
) -> (Vec<Created>, Vec<String>) {
    let mut delete = Vec::new();
    let mut skipped = Vec::new();
    for record in created {
        match now.get(&record.record_id) {
            None => skipped.push(format!(
                "record {} of {}: deleted already",
                record.record_id, record.domain
            )),
            Some(now) if !as_created(&record, now) => skipped.push(format!(
                "record {} of {}: changed since it was created (now {} {} {}), so it is not deleted",
                record.record_id,
                record.domain,
                now.name.as_deref().unwrap_or("-"),
                now.record_type.as_deref().unwrap_or("-"),
                now.value.as_deref().unwrap_or("-")
            )),
            Some(_) => delete.push(record),
        }
    }
    (delete, skipped)
}

/// Whether a record still has the host, type, line and value it was created with (each
/// where the job's detail said it).
fn as_created(created: &Created, now: &AccountRecord) -> bool {
    let same = |was: &Option<String>,
                is: &Option<compact_str::CompactString>,
                ignore_case: bool| {
        match (was, is.as_deref()) {
            (None, _) => true,
            (Some(was), Some(is)) if ignore_case => was.eq_ignore_ascii_case(is),
            (Some(was), Some(is)) => was == is,
            (Some(_), None) => false,
        }
    };
    same(&created.sub_domain, &now.name, true)
        && same(&created.record_type, &now.record_type, true)
        && same(&created.line, &now.line, false)
        && same(&created.value, &now.value, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: u64, value: &str, ttl: u64) -> AccountRecord {
        AccountRecord {
            id,
            name: Some("www".into()),
            line: Some("默认".into()),
            record_type: Some("A".into()),
            ttl: Some(ttl),
            value: Some(value.into()),
            mx: None,
            enabled: true,
            remark: None,
        }
    }

    fn change(field: ChangeField, to: &str) -> Change {
        Change {
            field,
            to: to.into(),
            value: None,
            mx: None,
        }
    }

    #[test]
    fn records_go_back_grouped_by_old_value_and_changed_or_deleted_ones_are_left() {
        let to_new = change(ChangeField::Value, "198.51.100.7");
        let befores: Vec<Before> = [
            (1, "192.0.2.1"),
            (2, "192.0.2.2"),
            (3, "192.0.2.1"),
            (4, "192.0.2.1"),
            (5, "192.0.2.1"),
        ]
        .iter()
        .map(|(id, value)| record(*id, value, 600).before("a.cn"))
        .collect();
        let before: HashMap<u64, &Before> = befores.iter().map(|b| (b.record_id, b)).collect();
        let now_records = [
            record(1, "198.51.100.7", 600),
            record(2, "198.51.100.7", 600),
            record(3, "198.51.100.7", 600),
            // Changed by someone else since.
            record(4, "203.0.113.9", 600),
        ];
        let now: HashMap<u64, &AccountRecord> = now_records.iter().map(|r| (r.id, r)).collect();
        let changed: Vec<(u64, &Change)> = (1..=6).map(|id| (id, &to_new)).collect();
        let plan = plan(&changed, &before, &now);
        let restored: Vec<(u64, &str)> = plan
            .restores
            .iter()
            .map(|r| (r.record_id, r.back_to.as_str()))
            .collect();
        assert_eq!(
            restored,
            [(1, "192.0.2.1"), (2, "192.0.2.2"), (3, "192.0.2.1")]
        );
        assert_eq!(plan.skipped.len(), 3, "{:?}", plan.skipped);
        assert!(plan.skipped[0].contains("record 4") && plan.skipped[0].contains("changed since"));
        assert!(plan.skipped[1].contains("record 5") && plan.skipped[1].contains("deleted since"));
        assert!(
            plan.skipped[2].contains("record 6") && plan.skipped[2].contains("no before-state")
        );
        let jobs = jobs(&plan.restores);
        let ids: Vec<Vec<u64>> = jobs
            .iter()
            .map(|j| match j {
                JobSpec::RecordModify { record_ids, change } => {
                    assert_eq!(change.field, ChangeField::Value);
                    record_ids.clone()
                }
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(ids, [vec![1, 3], vec![2]], "one job per old value");
    }

    #[test]
    fn created_records_are_deleted_unless_changed_or_gone_since() {
        let made = |id, value: &str| Created {
            domain: "a.cn".into(),
            domain_id: 9,
            record_id: id,
            sub_domain: Some("www".into()),
            record_type: Some("A".into()),
            line: Some("默认".into()),
            value: Some(value.into()),
        };
        let now_records = [record(1, "192.0.2.1", 600), record(2, "203.0.113.9", 600)];
        let now: HashMap<u64, &AccountRecord> = now_records.iter().map(|r| (r.id, r)).collect();
        let created = vec![
            made(1, "192.0.2.1"),
            made(2, "192.0.2.1"),
            made(3, "192.0.2.1"),
        ];
        let (delete, skipped) = deletions(created, &now);
        assert_eq!(delete, [made(1, "192.0.2.1")]);
        assert!(skipped[0].contains("record 2") && skipped[0].contains("changed since"));
        assert!(skipped[1].contains("record 3") && skipped[1].contains("deleted already"));
    }

    #[test]
    fn a_type_goes_back_with_its_value_and_each_field_from_its_own_state() {
        let mut mx = record(1, "mx.a.cn.", 600);
        mx.record_type = Some("MX".into());
        mx.mx = Some(10);
        let before = mx.before("a.cn");
        let back = restoring(ChangeField::RecordType, &before).unwrap();
        assert_eq!(
            (back.to.as_str(), back.value.as_deref(), back.mx),
            ("MX", Some("mx.a.cn."), Some(10))
        );
        assert_eq!(restoring(ChangeField::Ttl, &before).unwrap().to, "600");
        assert_eq!(
            restoring(ChangeField::Status, &before).unwrap().to,
            "enable"
        );
        let unknown = Before {
            enabled: None,
            ..before
        };
        assert!(restoring(ChangeField::Status, &unknown).is_err());
    }
}
