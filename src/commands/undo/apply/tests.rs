//! The undo of an apply on the mock backend: an apply made through the executor, then
//! undone: the exact jobs and calls that put it back, a record changed since left alone,
//! `--yes` asked only for deletes, a dry run that sends nothing.

use crate::backend::mock::{Fails, MockBackend};
use crate::cli::UndoArgs;
use crate::commands::submit::submit_steps;
use crate::commands::tests::resume_last;
use crate::commands::tests::{Fixture, LAST, args, entries, fixture};
use crate::commands::{resume, undo};
use crate::error::Outcome;
use crate::job::{
    AccountRecord, Action, Change, ChangeField, DomainItem, ItemStatus, Job, JobKind, JobSpec,
    Record, RecordItem, Step,
};
use std::collections::BTreeMap;

const DOMAIN_ID: u64 = 70;
/// The records whose TTL the apply changed: enough for a legacy job (20 a second).
const TTLS: std::ops::RangeInclusive<u64> = 1..=25;
/// The record changed by hand after the apply.
const BY_HAND: u64 = 3;

fn step(action: Action, id: Option<u64>, before: Option<Record>, after: Option<Record>) -> Step {
    Step {
        action,
        domain: "a.cn".into(),
        domain_id: DOMAIN_ID,
        record_id: id,
        before,
        after,
    }
}

fn weighted(n: u64) -> Record {
    Record {
        weight: Some(5),
        ..Record::new(&format!("h{n}"), "A", "2.2.2.2")
    }
}

fn paused() -> Record {
    Record {
        enabled: false,
        ..Record::new("bak", "A", "1.1.1.3")
    }
}

fn remarked() -> Record {
    Record {
        remark: "主站".into(),
        ..Record::new("@", "A", "3.3.3.3")
    }
}

/// Two creates (one paused), the TTL of [`TTLS`], a remark, a delete.
fn applied() -> Vec<Step> {
    let mut steps = vec![
        step(
            Action::Create,
            None,
            None,
            Some(Record::new("www", "A", "1.1.1.1")),
        ),
        step(Action::Create, None, None, Some(paused())),
    ];
    steps.extend(TTLS.map(|n| {
        let after = Record {
            ttl: 60,
            ..weighted(n)
        };
        step(Action::Modify, Some(n), Some(weighted(n)), Some(after))
    }));
    let plain = Record::new("@", "A", "3.3.3.3");
    steps.push(step(
        Action::Modify,
        Some(40),
        Some(plain),
        Some(remarked()),
    ));
    let gone = Record::new("old", "A", "4.4.4.4");
    steps.push(step(Action::Delete, Some(51), Some(gone), None));
    steps
}

/// The account after the apply: its calls' creates got IDs 5001 and 5002; one TTL was
/// changed again by hand.
fn after_apply() -> Vec<AccountRecord> {
    let mut now = vec![
        Record::new("www", "A", "1.1.1.1").listed(5001),
        paused().listed(5002),
        remarked().listed(40),
    ];
    now.extend(TTLS.map(|n| {
        let ttl = if n == BY_HAND { 300 } else { 60 };
        (Record { ttl, ..weighted(n) }).listed(n)
    }));
    now
}

/// The detail of the apply's TTL job (and of any job after it): each record done.
fn ttl_job() -> Job {
    let item = |id| RecordItem {
        id: None,
        record_id: Some(id),
        host: None,
        record_type: None,
        line: None,
        value: None,
        ttl: Some(60),
        mx: None,
        operation: None,
        status: ItemStatus::Ok,
        err_msg: None,
    };
    Job {
        kind: Some(JobKind::RecordModify),
        domains: vec![DomainItem {
            id: None,
            domain: Some("a.cn".into()),
            domain_id: Some(DOMAIN_ID),
            domain_grade: None,
            operation: None,
            status: ItemStatus::Ok,
            err_msg: None,
            records: TTLS.map(item).collect(),
        }],
        ..Job::default()
    }
}

/// A mock of the legacy API (or API 3.0's rates) after the apply of [`applied`] (without
/// its creates unless `creates`).
fn after(v3: bool, creates: bool) -> Fixture {
    after_failing(v3, creates, BTreeMap::new())
}

/// [`after`], the step calls numbered in `failed_steps` (the apply's 3 first) failing.
fn after_failing(v3: bool, creates: bool, failed_steps: BTreeMap<usize, Fails>) -> Fixture {
    let (mut steps, mut now) = (applied(), after_apply());
    if !creates {
        steps.retain(|s| s.action != Action::Create);
        now.retain(|r| r.id < 5000);
    }
    let backend = MockBackend {
        domains: BTreeMap::from([("a.cn".to_owned(), DOMAIN_ID)]),
        records: BTreeMap::from([("a.cn".to_owned(), now)]),
        delete_jobs: v3,
        // The IDs the listing above gives the apply's new records, whichever call of
        // several at once comes first.
        new_ids: BTreeMap::from([("www".to_owned(), 5001), ("bak".to_owned(), 5002)]),
        failed_steps,
        ..MockBackend::default()
    };
    backend.details.lock().unwrap().push_back(Ok(ttl_job()));
    let f = fixture(backend);
    let applied = submit_steps(&f.session, "apply", &steps, &args(false)).unwrap();
    assert_eq!(applied, Outcome::Success);
    f.stdout.borrow_mut().clear();
    f
}

fn undo_args(yes: bool, dry_run: bool) -> UndoArgs {
    let mut submit = args(false);
    submit.dry_run = dry_run;
    UndoArgs {
        job: LAST,
        yes,
        submit,
    }
}

/// What the mock was asked since: jobs, step calls (as `action id-or-host`), removals.
fn sent(f: &Fixture) -> (Vec<JobSpec>, Vec<String>, Vec<u64>) {
    let stepped = f.backend.stepped.lock().unwrap();
    let stepped = stepped.iter().map(|s| {
        let key = s.record_id.map_or_else(
            || s.after.as_ref().unwrap().host.to_string(),
            |id| id.to_string(),
        );
        format!("{} {key}", s.action.name())
    });
    let removed = f.backend.removed.lock().unwrap();
    (
        f.backend.submitted.lock().unwrap().clone(),
        stepped.collect(),
        removed.iter().map(|(_, id)| *id).collect(),
    )
}

#[test]
fn a_legacy_undo_puts_back_deletes_and_creates_again_but_leaves_a_record_changed_since() {
    let f = after(false, true);
    let (jobs, calls, removals) = sent(&f);
    assert_eq!(jobs.len(), 1, "the apply's TTL job");
    assert_eq!(calls, ["create www", "create bak", "modify 40"]);
    assert_eq!(removals, [51]);
    let outcome = undo::run(&f.session, &undo_args(true, false)).unwrap();
    assert_eq!(outcome, Outcome::Success);
    let (jobs, calls, removals) = sent(&f);
    // The TTLs back to 600 in one job, but the record changed by hand since.
    let back: Vec<u64> = TTLS.filter(|&n| n != BY_HAND).collect();
    assert_eq!(
        jobs[1..],
        [JobSpec::RecordModify {
            record_ids: back,
            change: Change {
                field: ChangeField::Ttl,
                to: "600".into(),
                value: None,
                mx: None,
            },
        }]
    );
    // The remark taken away by a call, the deleted record made again (a new ID), then
    // the records the apply created deleted.
    assert_eq!(calls[3..], ["create old", "modify 40"]);
    let remark = &f.backend.stepped.lock().unwrap()[4];
    assert_eq!(remark.after.as_ref().unwrap().remark, "");
    assert_eq!(removals[1..], [5001, 5002]);
    let lines = entries(&f);
    assert!(lines.iter().rev().take(3).all(|l| l.action == "undo"));
}

#[test]
fn on_api_3_the_undo_puts_back_every_field_by_calls() {
    let f = after(true, true);
    let (jobs, calls, removals) = sent(&f);
    assert!(jobs.is_empty(), "the apply was calls alone");
    assert_eq!((calls.len(), removals.len()), (28, 1));
    assert_eq!(
        undo::run(&f.session, &undo_args(true, false)).unwrap(),
        Outcome::Success
    );
    let stepped = f.backend.stepped.lock().unwrap();
    let undone = &stepped[28..];
    // 24 TTLs and a remark put back whole, the deleted record made again.
    assert_eq!(undone.len(), 26);
    let back = undone.iter().find(|s| s.record_id == Some(1)).unwrap();
    assert_eq!(back.after, Some(weighted(1)), "weight kept, TTL back");
    assert!(undone.iter().all(|s| s.record_id != Some(BY_HAND)));
    drop(stepped);
    // Removals go several at once: in any order.
    let mut removed = sent(&f).2[1..].to_vec();
    removed.sort_unstable();
    assert_eq!(removed, [5001, 5002]);
}

#[test]
fn without_yes_the_undo_refuses_only_when_it_would_delete_and_a_dry_run_sends_nothing() {
    let f = after(false, true);
    let before = sent(&f);
    let err = undo::run(&f.session, &undo_args(false, false)).unwrap_err();
    assert!(format!("{err:#}").contains("pass --yes"), "{err:#}");
    assert_eq!(sent(&f), before, "nothing sent");
    assert_eq!(
        undo::run(&f.session, &undo_args(false, true)).unwrap(),
        Outcome::Success
    );
    assert_eq!(sent(&f), before, "a dry run sends nothing");
    let shown = String::from_utf8(f.stdout.borrow().clone()).unwrap();
    let rows: Vec<serde_json::Value> = shown
        .lines()
        .filter(|l| !l.starts_with("stderr: "))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let actions: Vec<&str> = rows.iter().map(|r| r["action"].as_str().unwrap()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "modify").count(), 25);
    assert_eq!(actions.iter().filter(|a| **a == "delete").count(), 2);
    assert_eq!(actions.iter().filter(|a| **a == "create").count(), 1);
}

#[test]
fn an_apply_that_created_nothing_is_undone_without_yes() {
    let f = after(false, false);
    assert_eq!(
        undo::run(&f.session, &undo_args(false, false)).unwrap(),
        Outcome::Success
    );
    let (jobs, calls, removals) = sent(&f);
    assert_eq!(jobs.len(), 2, "the apply's TTL job and the undo's");
    assert_eq!(calls, ["modify 40", "create old", "modify 40"]);
    assert_eq!(
        removals,
        [51],
        "the apply's delete; the undo deletes nothing"
    );
}

#[test]
fn an_undo_stopped_mid_way_is_resumed_with_only_the_rest() {
    // The apply makes 3 calls; the undo's second (the remark) is refused for the login.
    let f = after_failing(false, true, BTreeMap::from([(5, Fails::Login)]));
    assert!(undo::run(&f.session, &undo_args(true, false)).is_err());
    let (jobs, calls, removals) = sent(&f);
    assert_eq!(
        (jobs.len(), &calls[3..], removals.len()),
        (2, &["create old".to_owned(), "modify 40".to_owned()][..], 1)
    );
    // The undo's parts mix kinds, as an apply's do: resume finishes it.
    assert_eq!(
        resume::run(&f.session, &resume_last()).unwrap(),
        Outcome::Success
    );
    let (jobs, calls, removals) = sent(&f);
    assert_eq!(jobs.len(), 2, "the undo's job never again");
    assert_eq!(calls[5..], ["modify 40"]);
    assert_eq!(removals[1..], [5001, 5002]);
}
