use super::*;
use crate::history::Calls;
use crate::job::{Change, ChangeField, Job};

fn a(host: &str, value: &str) -> Record {
    Record::new(host, "A", value)
}

fn step(action: Action, id: Option<u64>, before: Option<Record>, after: Option<Record>) -> Step {
    Step {
        action,
        domain: "a.cn".into(),
        domain_id: 7,
        record_id: id,
        before,
        after,
    }
}

fn done(record_id: u64, did: Did) -> Done {
    Done {
        domain: "a.cn".into(),
        domain_id: Some(7),
        record_id,
        did,
    }
}

fn ids() -> DomainIds {
    DomainIds::from([("a.cn".to_owned(), Some(7))])
}

#[test]
fn each_kind_of_change_is_undone_only_while_the_record_is_as_the_apply_left_it() {
    let was = a("www", "192.0.2.1");
    let made = Record {
        ttl: 60,
        ..was.clone()
    };
    let cname = Record::new("cdn", "CNAME", "x.example.cn.");
    let done = [
        done(1, Did::Modified(was.clone(), made.clone())),
        done(2, Did::Modified(was.clone(), made.clone())),
        done(3, Did::Created(cname.clone())),
        done(4, Did::Deleted(a("old", "192.0.2.9"))),
        done(5, Did::Deleted(a("back", "192.0.2.8"))),
        done(6, Did::Modified(was.clone(), made.clone())),
    ];
    let account = [
        made.listed(1),
        (Record {
            ttl: 300,
            ..made.clone()
        })
        .listed(2),
        // Spelt as DNSPod may: the same record.
        (Record {
            value: "X.example.cn".into(),
            ..cname.clone()
        })
        .listed(3),
        a("back", "192.0.2.8").listed(9),
    ];
    let now: Now = account.iter().map(|r| (("a.cn", r.id), r)).collect();
    let (steps, skipped) = super::steps(&done, &now, &ids());
    let shown: Vec<(Action, Option<u64>)> = steps.iter().map(|s| (s.action, s.record_id)).collect();
    assert_eq!(
        shown,
        [
            (Action::Create, None),
            (Action::Modify, Some(1)),
            (Action::Delete, Some(3))
        ],
        "in a plan's order"
    );
    assert_eq!(steps[1].after, Some(was), "put back whole");
    assert_eq!(steps[0].after, Some(a("old", "192.0.2.9")));
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(
        skipped[0].starts_with("record 2 of a.cn (www A 192.0.2.1): changed since"),
        "{skipped:?}"
    );
    assert!(skipped[0].contains("ttl 300"), "{skipped:?}");
    assert!(skipped[1].contains("record 5") && skipped[1].contains("there again"));
    assert!(skipped[2].contains("record 6") && skipped[2].contains("deleted since"));
}

#[test]
fn a_forged_record_or_domain_is_never_sent() {
    let bad = Record {
        value: "not-an-address".into(),
        ..a("x", "1.2.3.4")
    };
    let done = [
        done(4, Did::Deleted(bad)),
        Done {
            domain_id: Some(8),
            ..done(5, Did::Deleted(a("y", "192.0.2.1")))
        },
        Done {
            domain: "b.cn".into(),
            domain_id: None,
            ..done(6, Did::Deleted(a("z", "192.0.2.1")))
        },
    ];
    let (steps, skipped) = super::steps(&done, &Now::new(), &ids());
    assert!(steps.is_empty());
    assert!(skipped[0].contains("`not-an-address`"), "{skipped:?}");
    assert!(
        skipped[1].contains("the ID 8, the account 7"),
        "{skipped:?}"
    );
    assert!(
        skipped[2].contains("the ID none, the account none"),
        "{skipped:?}"
    );
}

#[test]
fn only_calls_done_of_steps_the_plan_holds_count_and_a_create_by_its_new_id() {
    let create = step(Action::Create, None, None, Some(a("www", "192.0.2.1")));
    let modify = step(
        Action::Modify,
        Some(2),
        Some(a("m", "192.0.2.2")),
        Some(a("m", "192.0.2.3")),
    );
    let lost = step(
        Action::Modify,
        Some(3),
        Some(a("l", "192.0.2.2")),
        Some(a("l", "192.0.2.3")),
    );
    let forged = step(Action::Delete, Some(4), Some(a("f", "192.0.2.4")), None);
    let failed = step(Action::Delete, Some(5), Some(a("g", "192.0.2.5")), None);
    let calls = Calls {
        done: vec![create.call_key(), 2, 4],
        unknown: vec![3],
        failed: vec![5],
        created: vec![[create.call_key(), 900]],
        ..Calls::default()
    };
    let line = [
        create.clone(),
        modify.clone(),
        lost.clone(),
        forged,
        failed.clone(),
    ];
    let planned = [&create, &modify, &lost, &failed];
    let mut skipped = Vec::new();
    let done = from_calls(&line, &calls, &planned, &mut skipped);
    let ids: Vec<u64> = done.iter().map(|d| d.record_id).collect();
    assert_eq!(ids, [900, 2]);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].contains("record 4") && skipped[0].contains("plan does not"));
    assert!(skipped[1].contains("record 3") && skipped[1].contains("unknown"));
}

#[test]
fn a_records_legacy_jobs_and_remark_call_are_one_change_and_torn_lines_are_left() {
    let was = a("www", "192.0.2.1");
    let ttl = Change {
        field: ChangeField::Ttl,
        to: "60".into(),
        value: None,
        mx: None,
    };
    let value = Change {
        to: "192.0.2.2".into(),
        field: ChangeField::Value,
        ..ttl.clone()
    };
    let kept = [was.before("a.cn", 1)];
    let detail = Job {
        domains: vec![crate::job::DomainItem {
            id: None,
            domain: None,
            domain_id: None,
            domain_grade: None,
            operation: None,
            status: crate::job::ItemStatus::Ok,
            err_msg: None,
            records: vec![crate::job::RecordItem {
                id: None,
                record_id: Some(1),
                host: None,
                record_type: None,
                line: None,
                value: None,
                ttl: None,
                mx: None,
                operation: None,
                status: crate::job::ItemStatus::Ok,
                err_msg: None,
            }],
        }],
        ..Job::default()
    };
    let mut skipped = Vec::new();
    let mut did = from_modify_job(&[1], &ttl, &kept, &detail, &mut skipped);
    did.extend(from_modify_job(&[1], &value, &kept, &detail, &mut skipped));
    let remarked = Record {
        remark: "主站".into(),
        ..was.clone()
    };
    did.push(Done {
        domain_id: Some(7),
        ..self::done(1, Did::Modified(was.clone(), remarked))
    });
    // A line that says record 2 was something else before than another line says.
    did.push(self::done(
        2,
        Did::Modified(was.clone(), a("www", "192.0.2.5")),
    ));
    did.push(self::done(2, Did::Deleted(was.clone())));
    let merged = merged(did, &mut skipped);
    let after = Record {
        ttl: 60,
        value: "192.0.2.2".into(),
        remark: "主站".into(),
        ..was.clone()
    };
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].did, Did::Modified(was, after));
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].contains("record 2") && skipped[0].contains("different stories"));
}

#[test]
fn a_create_whose_history_names_the_id_of_a_record_the_plan_found_is_not_undone() {
    let create = step(Action::Create, None, None, Some(a("m", "192.0.2.3")));
    let modify = step(
        Action::Modify,
        Some(2),
        Some(a("m", "192.0.2.2")),
        Some(a("m", "192.0.2.3")),
    );
    // A hand-edited line: the create "made" record 2, which the apply modified.
    let calls = Calls {
        done: vec![create.call_key(), 2],
        created: vec![[create.call_key(), 2]],
        ..Calls::default()
    };
    let line = [create.clone(), modify.clone()];
    let mut skipped = Vec::new();
    let done = from_calls(&line, &calls, &[&create, &modify], &mut skipped);
    assert_eq!(done.len(), 1, "the modify alone: {done:?}");
    assert!(matches!(done[0].did, Did::Modified(..)));
    assert!(
        skipped[0].contains("ID 2 of a record the apply found"),
        "{skipped:?}"
    );
}
