//! The command flows on a mock backend: what is submitted, recorded, followed and retried,
//! with no server and no real time beyond a few milliseconds of polling.

use super::{
    retry,
    submit::{submit, submit_parts},
};
use crate::backend::mock::MockBackend;
use crate::cli::{JobLimits, JobRef, RetryArgs, SubmitArgs, WaitTiming};
use crate::config::{self, Given, LoadedFile, Overrides};
use crate::error::Outcome;
use crate::history::History;
use crate::input::values::Timeout;
use crate::job::{DomainItem, ItemStatus, Job, JobKind, JobSpec, Part, RecordItem};
use crate::output::Output;
use crate::secret::SecretString;
use crate::session::Session;
use std::sync::Arc;
use std::time::Duration;

struct Fixture {
    session: Session,
    backend: Arc<MockBackend>,
    stdout: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
    _dir: tempfile::TempDir,
}

fn fixture(backend: MockBackend) -> Fixture {
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

fn args(wait: bool) -> SubmitArgs {
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
fn entries(f: &Fixture) -> Vec<crate::history::Entry> {
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
