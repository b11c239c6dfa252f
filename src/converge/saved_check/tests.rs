//! A saved plan read back: good ones as saved, bad entries each named, and held against
//! the domain read again.

use super::*;
use crate::converge::{Desired, plan_domain};
use crate::job::AccountRecord;
use std::collections::BTreeSet;

/// a.cn: www A 1.1.1.1 (to 2.2.2.2), old A (to delete), a record of 电信 a zone file
/// leaves alone; the wanted api A is a create.
fn current() -> Vec<AccountRecord> {
    vec![
        Record::new("www", "A", "192.0.2.1").listed(1),
        Record::new("old", "A", "192.0.2.2").listed(2),
        (Record {
            line: "电信".into(),
            ..Record::new("www", "A", "192.0.2.3")
        })
        .listed(3),
    ]
}

fn saved() -> Vec<u8> {
    let desired = [
        Record::new("www", "A", "192.0.2.9"),
        Record::new("api", "A", "192.0.2.4"),
    ];
    let named = BTreeSet::new();
    let wanted = Desired {
        records: &desired,
        lines: Some(&named),
    };
    let plan = plan_domain(("a.cn", 9), wanted, &current(), &[]);
    serde_json::to_vec(&SavedPlan::new(&[plan], &[])).unwrap()
}

#[test]
fn a_saved_plan_reads_back_and_applies_while_its_records_are_as_they_were() {
    let (plan, ignore) = SavedPlan::read(&saved()).unwrap();
    let plans = plan.against(&[(9, current())], &ignore).unwrap();
    let actions: Vec<Action> = plans[0].steps.iter().map(|s| s.action).collect();
    assert_eq!(actions, [Action::Create, Action::Modify, Action::Delete]);
    assert_eq!(plans[0].managed, 2);
    // A record of a line the plan left alone may change: it was not weighed.
    let mut other_line = current();
    other_line[2].ttl = Some(60);
    assert!(plan.against(&[(9, other_line)], &ignore).is_ok());
}

#[test]
fn a_domain_changed_since_or_of_another_id_is_refused_by_name() {
    let (plan, ignore) = SavedPlan::read(&saved()).unwrap();
    let mut changed = current();
    changed[1].remark = Some("new".into());
    let refused = plan.against(&[(9, changed)], &ignore).unwrap_err();
    assert_eq!(
        refused,
        ["the records of a.cn changed since the plan was made: make the plan again"]
    );
    assert!(plan.against(&[(10, current())], &ignore).is_err());
}

fn edited(
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<(SavedPlan, Vec<Ignore>), Vec<String>> {
    let mut value: serde_json::Value = serde_json::from_slice(&saved()).unwrap();
    edit(&mut value);
    SavedPlan::read(&serde_json::to_vec(&value).unwrap())
}

#[test]
fn every_bad_entry_of_a_saved_plan_is_named() {
    let errors = edited(|v| {
        v["ignore"] = serde_json::json!(["a b"]);
        v["domains"][0]["digest"] = "xyz".into();
        v["steps"][0]["after"]["ttl"] = 0.into();
        v["steps"][1]["after"]["record_type"] = "MX".into();
        v["steps"][2]["domain"] = "b.cn".into();
    })
    .unwrap_err();
    assert_eq!(errors.len(), 5, "{errors:?}");
    assert!(errors[0].starts_with("ignore: "), "{errors:?}");
    assert_eq!(
        errors[1],
        "domain 1: the digest of a.cn is not a SHA-256 in hex"
    );
    assert!(errors[2].starts_with("step 1: a.cn: "), "{errors:?}");
    assert!(
        errors[3].starts_with("step 2: a modify that is not as"),
        "{errors:?}"
    );
    assert_eq!(
        errors[4],
        "step 3: its domain b.cn (ID 9) is none of the plan's domains"
    );
    let version = edited(|v| v["version"] = 2.into()).unwrap_err();
    assert!(version[0].contains("version 2"), "{version:?}");
    let unknown = edited(|v| v["extra"] = 1.into()).unwrap_err();
    assert!(unknown[0].contains("unknown field `extra`"), "{unknown:?}");
}

#[test]
fn a_step_whose_record_is_not_as_it_says_is_refused() {
    // A delete pointed at the record of the other line, which the digest does not cover.
    let (plan, ignore) = edited(|v| v["steps"][2]["record_id"] = 3.into()).unwrap();
    let errors = plan.against(&[(9, current())], &ignore).unwrap_err();
    assert_eq!(
        errors,
        ["step 3: record 3 of a.cn is not as the step says it was"]
    );
}
