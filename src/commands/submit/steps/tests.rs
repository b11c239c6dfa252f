//! An apply's steps carried out on the mock backend: the exact jobs and calls of a mixed
//! plan, a stop mid-way and a `resume` that sends only the rest, a lost answer never sent
//! again.

use super::submit_steps;
use crate::backend::mock::{Fails, MockBackend};
use crate::commands::resume;
use crate::commands::tests::{Fixture, args, entries, fixture, resume_last};
use crate::error::Outcome;
use crate::job::{Action, Change, ChangeField, DomainItem, ItemStatus, Job, JobSpec, Record, Step};
use std::collections::{BTreeMap, VecDeque};

fn step(action: Action, id: Option<u64>, before: Option<Record>, after: Option<Record>) -> Step {
    Step {
        action,
        domain: "a.cn".into(),
        domain_id: 70,
        record_id: id,
        before,
        after,
    }
}

fn a(host: &str, value: &str) -> Record {
    Record::new(host, "A", value)
}

/// Three creates (one paused), 30 TTL changes, a remark alone, two deletes.
fn mixed() -> Vec<Step> {
    let mut steps = vec![
        step(Action::Create, None, None, Some(a("www", "1.1.1.1"))),
        step(Action::Create, None, None, Some(a("api", "1.1.1.2"))),
        step(
            Action::Create,
            None,
            None,
            Some(Record {
                enabled: false,
                ..a("bak", "1.1.1.3")
            }),
        ),
    ];
    let old = |n: u64| Record {
        weight: Some(5),
        ..a(&format!("h{n}"), "2.2.2.2")
    };
    steps.extend((1..=30).map(|n| {
        step(
            Action::Modify,
            Some(n),
            Some(old(n)),
            Some(Record { ttl: 60, ..old(n) }),
        )
    }));
    let remarked = Record {
        remark: "主站".into(),
        ..a("@", "3.3.3.3")
    };
    steps.push(step(
        Action::Modify,
        Some(40),
        Some(a("@", "3.3.3.3")),
        Some(remarked),
    ));
    steps.push(step(
        Action::Delete,
        Some(51),
        Some(a("old", "4.4.4.4")),
        None,
    ));
    steps.push(step(
        Action::Delete,
        Some(52),
        Some(a("old", "4.4.4.5")),
        None,
    ));
    steps
}

/// A legacy mock whose jobs are finished when polled, failing the step calls as told.
fn legacy(failed_steps: &[(usize, Fails)]) -> Fixture {
    fixture(legacy_mock(failed_steps))
}

fn legacy_mock(failed_steps: &[(usize, Fails)]) -> MockBackend {
    let done = Job {
        domains: vec![DomainItem {
            id: None,
            domain: Some("a.cn".into()),
            domain_id: Some(70),
            domain_grade: None,
            operation: None,
            status: ItemStatus::Ok,
            err_msg: None,
            records: Vec::new(),
        }],
        ..Job::default()
    };
    // `resume` reads the domain again: its records are not listed, as if gone since.
    MockBackend {
        domains: BTreeMap::from([("a.cn".to_owned(), 70)]),
        records: BTreeMap::from([("a.cn".to_owned(), Vec::new())]),
        details: VecDeque::from([Ok(done)]).into(),
        failed_steps: failed_steps.iter().copied().collect::<BTreeMap<_, _>>(),
        ..MockBackend::default()
    }
}

/// The keys of the step calls asked, in order: a create's host, a modify's record ID.
fn stepped(f: &Fixture) -> Vec<String> {
    let asked = f.backend.stepped.lock().unwrap();
    asked
        .iter()
        .map(|s| match s.record_id {
            Some(id) => id.to_string(),
            None => s.after.as_ref().unwrap().host.to_string(),
        })
        .collect()
}

fn removed(f: &Fixture) -> Vec<u64> {
    f.backend
        .removed
        .lock()
        .unwrap()
        .iter()
        .map(|(_, id)| *id)
        .collect()
}

fn submitted(f: &Fixture) -> Vec<JobSpec> {
    f.backend.submitted.lock().unwrap().clone()
}

fn resumed(f: &Fixture) -> anyhow::Result<Outcome> {
    resume::run(&f.session, &resume_last())
}

#[test]
fn a_mixed_plan_is_one_job_and_the_fewest_calls_in_order() {
    let f = legacy(&[]);
    assert_eq!(
        submit_steps(&f.session, "apply", &mixed(), &args(false)).unwrap(),
        Outcome::Success
    );
    // The 30 TTL changes are one Batch.Record.Modify job; each create one Record.Create
    // call (a job is slower for three, and cannot pause one); the remark one call; the
    // deletes, after the job has finished, one Record.Remove each.
    let ttl = Change {
        field: ChangeField::Ttl,
        to: "60".into(),
        value: None,
        mx: None,
    };
    assert_eq!(
        submitted(&f),
        [JobSpec::RecordModify {
            record_ids: (1..=30).collect(),
            change: ttl
        }]
    );
    assert_eq!(stepped(&f), ["www", "api", "bak", "40"]);
    assert_eq!(removed(&f), [51, 52]);
    let lines = entries(&f);
    assert!(
        lines.iter().all(|line| line.action == "apply"),
        "one operation of apply"
    );
    // The job's line keeps its records whole, weight and remark too, for undo.
    let kept = lines
        .iter()
        .find(|l| l.job_id == Some(1001))
        .unwrap()
        .before
        .clone()
        .unwrap();
    assert_eq!(
        (kept.len(), kept[0].weight, kept[0].remark.as_deref()),
        (30, Some(5), Some(""))
    );
    // The records the calls created, by each call's key, for undo to delete.
    let created: Vec<[u64; 2]> = (lines.iter().filter_map(|l| l.calls.as_ref()))
        .flat_map(|calls| calls.created.clone())
        .collect();
    let keys: Vec<u64> = mixed()[..3].iter().map(Step::call_key).collect();
    assert_eq!(created, [[keys[0], 5001], [keys[1], 5002], [keys[2], 5003]]);
    assert_eq!(resumed(&f).unwrap(), Outcome::Success);
    assert_eq!(
        (submitted(&f).len(), stepped(&f).len(), removed(&f).len()),
        (1, 4, 2),
        "nothing left"
    );
}

#[test]
fn a_stop_mid_way_is_resumed_with_only_the_rest() {
    // The second create is refused for the login: nothing was done, the run stops.
    let f = legacy(&[(2, Fails::Login)]);
    assert!(submit_steps(&f.session, "apply", &mixed(), &args(false)).is_err());
    assert_eq!(submitted(&f).len(), 1, "the job went first");
    assert_eq!(stepped(&f), ["www", "api"]);
    assert!(removed(&f).is_empty(), "the deletes wait for the rest");
    assert_eq!(resumed(&f).unwrap(), Outcome::Success);
    assert_eq!(submitted(&f).len(), 1, "the job never again");
    assert_eq!(stepped(&f), ["www", "api", "api", "bak", "40"]);
    assert_eq!(removed(&f), [51, 52]);
}

#[test]
fn a_lost_answer_is_never_sent_again() {
    let f = legacy(&[(2, Fails::Lost)]);
    let err = submit_steps(&f.session, "apply", &mixed(), &args(false)).unwrap_err();
    assert_eq!(err.root_cause().to_string(), "connection reset");
    assert!(
        format!("{err:#}").contains("sending the create of api A 1.1.1.2 in a.cn"),
        "{err:#}"
    );
    f.stdout.borrow_mut().clear();
    assert_eq!(resumed(&f).unwrap(), Outcome::Success);
    assert_eq!(stepped(&f), ["www", "api", "bak", "40"], "api once");
    assert_eq!(removed(&f), [51, 52]);
    let printed = String::from_utf8(f.stdout.borrow().clone()).unwrap();
    assert!(
        printed.contains("the create of api A 1.1.1.2 in a.cn has an unknown outcome"),
        "{printed}"
    );
}

#[test]
fn on_api_3_a_plan_this_small_is_calls_alone() {
    let f = fixture(MockBackend {
        delete_jobs: true,
        ..MockBackend::default()
    });
    let outcome = submit_steps(&f.session, "apply", &mixed(), &args(false)).unwrap();
    assert_eq!(outcome, Outcome::Success);
    // 500 calls a second: CreateRecord and ModifyRecord (every field at once) for 34
    // records, DeleteRecord for 2, each quicker than a job.
    assert_eq!(stepped(&f).len(), 34);
    // Several calls are in flight at once on API 3.0: they end in any order.
    let mut gone = removed(&f);
    gone.sort_unstable();
    assert_eq!(gone, [51, 52]);
    assert!(submitted(&f).is_empty(), "no job");
}

#[test]
fn the_deletes_wait_for_the_job_before_them_to_finish() {
    let f = legacy(&[]);
    let mut running = f.backend.details.lock().unwrap()[0]
        .as_ref()
        .unwrap()
        .clone();
    running.domains[0].status = ItemStatus::Running;
    f.backend.details.lock().unwrap().push_front(Ok(running));
    submit_steps(&f.session, "apply", &mixed(), &args(false)).unwrap();
    // Without --wait nothing else polls: the job was followed until done, then the
    // deletes went.
    assert_eq!(
        f.backend.details.lock().unwrap().len(),
        1,
        "polled past running"
    );
    assert_eq!(removed(&f), [51, 52]);
}

#[test]
fn a_create_made_whose_remark_failed_keeps_its_id_and_is_that_records_failure() {
    for fails in [Fails::Refused, Fails::Lost] {
        let f = fixture(MockBackend {
            failed_remarks: BTreeMap::from([(2, fails)]),
            ..legacy_mock(&[])
        });
        let mut steps = mixed();
        steps[1].after.as_mut().unwrap().remark = "备用".into();
        let outcome = submit_steps(&f.session, "apply", &steps, &args(false)).unwrap();
        assert_eq!(
            outcome,
            Outcome::ItemsFailed,
            "{fails:?}: exit 4, the rest went"
        );
        assert_eq!(stepped(&f), ["www", "api", "bak", "40"]);
        assert_eq!(removed(&f), [51, 52]);
        // Undo finds the record the create made, remark or not.
        let created: Vec<[u64; 2]> = (entries(&f).iter().filter_map(|l| l.calls.clone()))
            .flat_map(|calls| calls.created)
            .collect();
        assert!(
            created.contains(&[steps[1].call_key(), 5002]),
            "{created:?}"
        );
        let errors = String::from_utf8(f.stdout.borrow().clone()).unwrap();
        assert!(
            errors.contains("the create of api A 1.1.1.2 in a.cn was refused: the record was made (ID 5002), but not its remark"),
            "{errors}"
        );
        assert_eq!(resumed(&f).unwrap(), Outcome::Success);
        assert_eq!(stepped(&f).len(), 4, "{fails:?}: nothing sent again");
    }
}

#[test]
fn jobs_names_an_applys_calls_of_unknown_outcome_for_what_they_were() {
    let f = legacy(&[(2, Fails::Lost)]);
    submit_steps(&f.session, "apply", &mixed(), &args(false)).unwrap_err();
    let (table, shown) = crate::output::Output::captured(false);
    table
        .jobs(&f.session.ledger().operations().unwrap())
        .unwrap();
    let table = String::from_utf8(shown.borrow().clone()).unwrap();
    assert!(table.contains(", 1 create of unknown outcome"), "{table}");
    assert!(!table.contains("removal"), "{table}");
}
