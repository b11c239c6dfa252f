//! The command flows on a mock backend: what is submitted, recorded, followed and retried,
//! with no server and no real time beyond a few milliseconds of polling.

use super::{
    resume, retry,
    submit::{submit, submit_parts},
    undo,
};
use crate::backend::mock::{Fails, MockBackend};
use crate::cli::{JobLimits, JobRef, ResumeArgs, RetryArgs, SubmitArgs, UndoArgs, WaitTiming};
use crate::config::{self, Given, LoadedFile, Overrides};
use crate::error::Outcome;
use crate::history::History;
use crate::input::values::Timeout;
use crate::job::{
    AccountRecord, DomainItem, ItemStatus, Job, JobKind, JobSpec, Part, RecordItem, RecordSpec,
};
use crate::output::Output;
use crate::secret::SecretString;
use crate::session::Session;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

pub(super) struct Fixture {
    pub session: Session,
    pub backend: Arc<MockBackend>,
    pub stdout: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
    _dir: tempfile::TempDir,
}

pub(super) fn fixture(backend: MockBackend) -> Fixture {
    let overrides = Overrides {
        endpoint: Some("http://127.0.0.1:9".into()),
        token: Some(Given {
            value: SecretString::new("520001,s3cr3t".into()),
            from: "--token",
        }),
        ..Overrides::default()
    };
    let settings = config::resolve(&overrides, &LoadedFile::default()).unwrap();
    let (output, stdout) = Output::captured(true);
    let dir = tempfile::tempdir().unwrap();
    let history = History::at(&dir.path().join("jobs.jsonl"));
    let backend = Arc::new(backend);
    let session = Session::with_backend(
        settings,
        output,
        Box::new(Arc::clone(&backend)),
        Some(history),
    );
    Fixture {
        session,
        backend,
        stdout,
        _dir: dir,
    }
}

pub(super) fn args(wait: bool) -> SubmitArgs {
    SubmitArgs {
        wait,
        dry_run: false,
        timing: WaitTiming {
            interval: Duration::from_millis(1),
            timeout: Timeout(Some(Duration::from_secs(10))),
        },
        limits: JobLimits {
            job_size: None,
            max_jobs: 4,
        },
    }
}

/// The history's lines for the fixture's account, oldest first.
pub(super) fn entries(f: &Fixture) -> Vec<crate::history::Entry> {
    let operations = f.session.ledger().operations().unwrap();
    operations.into_iter().flat_map(|op| op.jobs).collect()
}

fn domains(names: &[&str]) -> JobSpec {
    JobSpec::DomainCreate {
        domains: names.iter().map(|n| (*n).to_owned()).collect(),
        value: None,
    }
}

fn domain(name: &str, status: ItemStatus, records: Vec<RecordItem>) -> DomainItem {
    DomainItem {
        id: None,
        domain: Some(name.into()),
        domain_id: Some(25),
        domain_grade: None,
        operation: None,
        status,
        err_msg: None,
        records,
    }
}

fn job(domains: Vec<DomainItem>) -> Job {
    Job {
        kind: Some(JobKind::DomainCreate),
        domains,
        ..Job::default()
    }
}

#[test]
fn each_job_is_submitted_once_recorded_and_printed() {
    let f = fixture(MockBackend::default());
    let jobs = [domains(&["a.cn"]), domains(&["b.cn"])];
    let parts = jobs.clone().map(|spec| Part::job(spec, Some(7)));
    let outcome = submit_parts(&f.session, "domain-create", &parts, &args(false), &[]).unwrap();
    assert_eq!(outcome, Outcome::Success);
    assert_eq!(*f.backend.submitted.lock().unwrap(), jobs);
    let stdout = String::from_utf8(f.stdout.borrow().clone()).unwrap();
    assert_eq!(
        stdout,
        "{\"job_id\":1001,\"action\":\"domain-create\"}\n{\"job_id\":1002,\"action\":\"domain-create\"}\n"
    );
    let entries = entries(&f);
    let ids: Vec<_> = entries.iter().map(|e| (e.job_id, e.retry_of)).collect();
    assert_eq!(ids, [(Some(1001), Some(7)), (Some(1002), Some(7))]);
    assert_eq!(entries[0].spec, jobs[0]);
}

#[test]
fn waiting_follows_a_job_to_its_end_and_exits_4_on_failures() {
    let backend = MockBackend::default();
    backend.details.lock().unwrap().extend([
        Ok(job(vec![domain("a.cn", ItemStatus::Waiting, vec![])])),
        Ok(job(vec![domain("a.cn", ItemStatus::Running, vec![])])),
        Ok(job(vec![domain("a.cn", ItemStatus::Error, vec![])])),
    ]);
    let f = fixture(backend);
    let outcome = submit(
        &f.session,
        "domain-create",
        &[domains(&["a.cn"])],
        &args(true),
    )
    .unwrap();
    assert_eq!(outcome, Outcome::ItemsFailed);
    let stdout = String::from_utf8(f.stdout.borrow().clone()).unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["job_id"], 1001);
    assert_eq!(report["finished"], true);
    assert_eq!(report["domains"][0]["status"], "error");
    assert!(
        f.backend.details.lock().unwrap().len() == 1,
        "polled until the last answer"
    );
}

#[test]
fn a_retry_sends_only_the_failed_items_and_names_the_job_it_retries() {
    let backend = MockBackend::default();
    backend.details.lock().unwrap().push_back(Ok(job(vec![
        domain("ok.cn", ItemStatus::Ok, vec![]),
        domain("bad.cn", ItemStatus::Error, vec![]),
    ])));
    let f = fixture(backend);
    let args = RetryArgs {
        job: JobRef {
            job_id: Some(41),
            last: false,
        },
        submit: args(false),
    };
    assert_eq!(retry::run(&f.session, &args).unwrap(), Outcome::Success);
    assert_eq!(*f.backend.submitted.lock().unwrap(), [domains(&["bad.cn"])]);
    let entries = entries(&f);
    assert_eq!(entries[0].retry_of, Some(41));
    // Everything failed is now covered by that retry: a second one sends nothing.
    assert!(retry::run(&f.session, &args).is_err());
    assert_eq!(f.backend.submitted.lock().unwrap().len(), 1);
}

#[test]
fn the_items_of_a_retry_of_unknown_outcome_are_not_sent_again() {
    let backend = MockBackend::default();
    backend.details.lock().unwrap().push_back(Ok(job(vec![
        domain("bad.cn", ItemStatus::Error, vec![]),
        domain("worse.cn", ItemStatus::Error, vec![]),
    ])));
    let f = fixture(backend);
    let unknown = crate::history::Entry {
        retry_of: Some(41),
        ..crate::history::Entry::new(None, &domains(&["bad.cn"]), &f.session.account())
    };
    f.session
        .history
        .as_ref()
        .unwrap()
        .append(&unknown)
        .unwrap();
    let args = RetryArgs {
        job: JobRef {
            job_id: Some(41),
            last: false,
        },
        submit: args(false),
    };
    retry::run(&f.session, &args).unwrap();
    assert_eq!(
        *f.backend.submitted.lock().unwrap(),
        [domains(&["worse.cn"])]
    );
    let err = retry::run(&f.session, &args).unwrap_err().to_string();
    assert!(err.contains("already retried as job 1001"), "{err}");
}

/// `--last`, the job submitted last.
pub(super) const LAST: JobRef = JobRef {
    job_id: None,
    last: true,
};

/// What the fixture printed on stdout, as JSON.
pub(super) fn printed(f: &Fixture) -> serde_json::Value {
    serde_json::from_slice(&f.stdout.borrow()).unwrap()
}

/// The hosts of the record-create job the undo tests made, whose records got IDs 7 up.
const HOSTS: [&str; 3] = ["www", "api", "mail"];

/// A record-create of [`HOSTS`] on `a.cn` (ID 25) as a spec, as the job's detail lists
/// it once made, and as the account lists the records now: all as created.
fn created_three() -> (JobSpec, Job, Vec<AccountRecord>) {
    let value = "192.0.2.1";
    let spec = |host: &str| RecordSpec {
        host: host.into(),
        record_type: "A".into(),
        line: "默认".into(),
        value: value.into(),
        ttl: 600,
        mx: None,
    };
    let item = |(id, host): (u64, &str)| RecordItem {
        id: None,
        record_id: Some(id),
        host: Some(host.into()),
        record_type: Some("A".into()),
        line: Some("默认".into()),
        value: Some(value.into()),
        ttl: Some(600),
        mx: None,
        operation: None,
        status: ItemStatus::Ok,
        err_msg: None,
    };
    let now = |(id, host): (u64, &str)| AccountRecord {
        id,
        host: Some(host.into()),
        line: Some("默认".into()),
        record_type: Some("A".into()),
        ttl: Some(600),
        value: Some(value.into()),
        mx: None,
        weight: None,
        enabled: true,
        remark: None,
        system: false,
    };
    let ids = (7..).zip(HOSTS);
    let job = Job {
        kind: Some(JobKind::RecordCreate),
        domains: vec![domain(
            "a.cn",
            ItemStatus::Ok,
            ids.clone().map(item).collect(),
        )],
        ..Job::default()
    };
    let spec = JobSpec::RecordCreate {
        domain_ids: vec![25],
        records: HOSTS.map(spec).to_vec(),
    };
    (spec, job, ids.map(now).collect())
}

/// A mock holding the job [`created_three`] made, failing the removals named; the job is
/// submitted, so it is the history's last.
fn after_create(delete_jobs: bool, failed_removals: &[(u64, Fails)]) -> Fixture {
    let (spec, job, now) = created_three();
    let backend = MockBackend {
        domains: BTreeMap::from([("a.cn".to_owned(), 25)]),
        records: BTreeMap::from([("a.cn".to_owned(), now)]),
        delete_jobs,
        failed_removals: failed_removals.iter().copied().collect(),
        ..MockBackend::default()
    };
    backend.details.lock().unwrap().push_back(Ok(job));
    let f = fixture(backend);
    submit(&f.session, "record-create", &[spec], &args(false)).unwrap();
    f.stdout.borrow_mut().clear();
    f
}

fn undo_yes() -> UndoArgs {
    UndoArgs {
        job: LAST,
        yes: true,
        submit: args(false),
    }
}

#[test]
fn a_legacy_undo_of_a_record_create_removes_each_record_once_in_order() {
    let f = after_create(false, &[(8, Fails::Gone), (9, Fails::Refused)]);
    let outcome = undo::run(&f.session, &undo_yes()).unwrap();
    assert_eq!(
        outcome,
        Outcome::ItemsFailed,
        "a refused removal fails its item"
    );
    assert_eq!(
        *f.backend.removed.lock().unwrap(),
        [(25, 7), (25, 8), (25, 9)]
    );
    assert_eq!(
        f.backend.submitted.lock().unwrap().len(),
        1,
        "no delete job"
    );
    let status: Vec<_> = (0..3).map(|i| printed(&f)[i]["status"].clone()).collect();
    assert_eq!(status, ["deleted", "gone", "error"]);
}

#[test]
fn a_lost_answer_mid_way_stops_the_removals_and_sends_none_after_it() {
    let f = after_create(false, &[(8, Fails::Lost)]);
    let err = undo::run(&f.session, &undo_yes()).unwrap_err();
    assert_eq!(err.root_cause().to_string(), "connection reset", "{err:?}");
    assert_eq!(
        *f.backend.removed.lock().unwrap(),
        [(25, 7), (25, 8)],
        "mail (9) is never asked"
    );
    let printed = printed(&f);
    assert_eq!(printed.as_array().unwrap().len(), 1, "{printed}");
    assert_eq!(printed[0]["status"], "deleted");
}

#[test]
fn without_yes_an_undo_of_a_record_create_removes_nothing() {
    let f = after_create(false, &[]);
    let args = UndoArgs {
        yes: false,
        ..undo_yes()
    };
    let err = undo::run(&f.session, &args).unwrap_err().to_string();
    assert!(err.contains("pass --yes to delete them"), "{err}");
    assert!(f.backend.removed.lock().unwrap().is_empty());
    assert!(f.stdout.borrow().is_empty(), "the list goes to stderr");
}

#[test]
fn where_deletions_are_jobs_an_undo_of_a_record_create_is_one_delete_job() {
    let f = after_create(true, &[]);
    assert_eq!(
        undo::run(&f.session, &undo_yes()).unwrap(),
        Outcome::Success
    );
    assert!(f.backend.removed.lock().unwrap().is_empty());
    let submitted = f.backend.submitted.lock().unwrap();
    assert_eq!(
        submitted[1..],
        [JobSpec::RecordDelete {
            domain_ids: vec![25, 25, 25],
            record_ids: vec![7, 8, 9]
        }]
    );
}

fn split(n: u16) -> SubmitArgs {
    let mut args = args(false);
    args.limits.job_size = Some(n);
    args
}

pub(super) fn resume_last() -> ResumeArgs {
    ResumeArgs {
        job: LAST,
        submit: args(false),
    }
}

#[test]
fn resume_sends_each_unsent_part_once_in_order_but_never_one_of_unknown_outcome() {
    let backend = MockBackend {
        failed_submits: BTreeMap::from([(2, Fails::Lost)]),
        ..MockBackend::default()
    };
    let f = fixture(backend);
    let all = domains(&["a.cn", "b.cn", "c.cn", "d.cn"]);
    assert!(submit(&f.session, "domain-create", &[all], &split(1)).is_err());
    assert_eq!(
        f.backend.submitted.lock().unwrap().len(),
        2,
        "stopped at the lost one"
    );
    assert_eq!(
        resume::run(&f.session, &resume_last()).unwrap(),
        Outcome::Success
    );
    assert_eq!(
        *f.backend.submitted.lock().unwrap(),
        ["a.cn", "b.cn", "c.cn", "d.cn"].map(|d| domains(&[d]))
    );
    assert_eq!(
        resume::run(&f.session, &resume_last()).unwrap(),
        Outcome::Success
    );
    assert_eq!(f.backend.submitted.lock().unwrap().len(), 4, "nothing left");
    let jobs: Vec<_> = entries(&f).iter().map(|e| e.job_id).collect();
    assert_eq!(
        jobs,
        [Some(1001), None, Some(1003), Some(1004)],
        "one operation"
    );
}

#[test]
fn resume_sends_again_a_part_that_was_refused() {
    let backend = MockBackend {
        failed_submits: BTreeMap::from([(2, Fails::Refused)]),
        ..MockBackend::default()
    };
    let f = fixture(backend);
    let all = domains(&["a.cn", "b.cn", "c.cn"]);
    assert!(submit(&f.session, "domain-create", &[all], &split(1)).is_err());
    assert_eq!(
        resume::run(&f.session, &resume_last()).unwrap(),
        Outcome::Success
    );
    assert_eq!(
        *f.backend.submitted.lock().unwrap(),
        ["a.cn", "b.cn", "b.cn", "c.cn"].map(|d| domains(&[d]))
    );
}
