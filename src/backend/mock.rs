//! A backend in memory for unit tests of the flows: it answers from what a test put in
//! it and records every call, so a test can say what was asked and how often.

use super::{Backend, CallError, ChangeError, CreateError, DryRun, Paged};
use crate::error::{ApiRefused, RefusalKind};
use crate::job::{AccountRecord, Job, JobSpec, Step, Submitted};
use crate::split::Capabilities;
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

#[derive(Default)]
pub(crate) struct MockBackend {
    /// Domain names and their IDs.
    pub domains: BTreeMap<String, u64>,
    /// Each domain's records.
    pub records: BTreeMap<String, Vec<AccountRecord>>,
    /// What Batch.Detail answers, in turn; the last answer repeats.
    pub details: Mutex<VecDeque<Result<Job, CallError>>>,
    /// Every spec submitted, in order.
    pub submitted: Mutex<Vec<JobSpec>>,
    /// Every look-up, as `find NAMES`, `all domains` or `records DOMAIN`.
    pub lookups: Mutex<Vec<String>>,
    /// The submits that fail, by their number (the first is 1), and how.
    pub failed_submits: BTreeMap<usize, Fails>,
    /// Whether the mock has API 3.0's jobs (deletions, records modified whole) and rates,
    /// or the legacy API's (the default).
    pub delete_jobs: bool,
    /// The ID a create call gives a record of this host, so that a test of calls sent
    /// several at once knows it whichever call comes first; else 5000 and the call's number.
    pub new_ids: BTreeMap<String, u64>,
    /// Every removal asked, as `(domain_id, record_id)`, in order, failed ones included.
    pub removed: Mutex<Vec<(u64, u64)>>,
    /// The record IDs whose removal fails, and how.
    pub failed_removals: BTreeMap<u64, Fails>,
    /// Every create or modify call asked, in order, failed ones included.
    pub stepped: Mutex<Vec<Step>>,
    /// The create or modify calls that fail, by their number (the first is 1), and how.
    pub failed_steps: BTreeMap<usize, Fails>,
    /// The create calls, by the same numbers, whose record is made but whose second call
    /// (the legacy API's Record.Remark) fails, and how.
    pub failed_remarks: BTreeMap<usize, Fails>,
    /// Create and modify calls wait until this many are in flight at once (or a while,
    /// should they never be), so that a test sees whether calls overlap.
    pub gate: usize,
    /// Create and modify calls in flight now, and the most at once.
    pub in_flight: AtomicUsize,
    pub most_in_flight: AtomicUsize,
    /// Told of each create or modify call before it is answered.
    pub on_call: OnceLock<Told>,
}

/// What a test is told of each call.
pub(crate) type Told = Box<dyn Fn(&Step) + Send + Sync>;

/// How a change the mock is asked for fails, as the legacy API fails it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Fails {
    /// Refused as a record that is not there (code 8, `NotFound`): gone meanwhile.
    Gone,
    /// Refused with a code the API does not document: nothing was done.
    Refused,
    /// Sent, and its answer lost: it may have been done.
    Lost,
    /// Refused as a whole, the token not taken (code -1, `Auth`): nothing was done.
    Login,
    /// Refused for the rate (code -2) the first time, done when asked again.
    OverRate,
}

impl Fails {
    fn error(self, action: &'static str) -> ChangeError {
        let refused = |code: &str, message: &str, kind| {
            ChangeError::Refused(ApiRefused {
                action,
                code: code.into(),
                message: message.into(),
                kind,
                hint: None,
            })
        };
        match self {
            Fails::Gone => refused("8", "Record id invalid", RefusalKind::NotFound),
            Fails::Refused => refused("9999", "Something went wrong", RefusalKind::Other),
            Fails::Lost => ChangeError::Unknown(anyhow::anyhow!("connection reset")),
            Fails::Login => refused("-1", "Login failed", RefusalKind::Auth),
            Fails::OverRate => refused("-2", "API usage is limited", RefusalKind::RateLimited),
        }
    }
}

impl Backend for MockBackend {
    fn submit(&self, spec: &JobSpec) -> Result<Submitted, ChangeError> {
        let mut submitted = self.submitted.lock().unwrap();
        submitted.push(spec.clone());
        if let Some(fails) = self.failed_submits.get(&submitted.len()) {
            return Err(fails.error(spec.command()));
        }
        Ok(Submitted {
            job_id: 1000 + submitted.len() as u64,
            before: Vec::new(),
        })
    }

    fn detail(&self, _job_id: u64, _deadline: Option<Instant>) -> Result<Job, CallError> {
        let mut details = self.details.lock().unwrap();
        match details.len() {
            0 => Err(CallError::Unreadable("no detail scripted".into())),
            1 => match &details[0] {
                Ok(job) => Ok(job.clone()),
                Err(_) => details.pop_front().expect("one left"),
            },
            _ => details.pop_front().expect("several left"),
        }
    }

    fn find_domains(&self, names: &[String]) -> anyhow::Result<Vec<Option<u64>>> {
        self.lookups
            .lock()
            .unwrap()
            .push(format!("find {}", names.join(",")));
        Ok(names.iter().map(|n| self.domains.get(n).copied()).collect())
    }

    fn all_domains(&self) -> anyhow::Result<Paged<String>> {
        self.lookups.lock().unwrap().push("all domains".into());
        Ok(Paged {
            entries: self.domains.keys().cloned().collect(),
            short: None,
        })
    }

    fn domain_records(
        &self,
        domain: &str,
        _hosts: &[String],
    ) -> anyhow::Result<Option<Paged<AccountRecord>>> {
        self.lookups
            .lock()
            .unwrap()
            .push(format!("records {domain}"));
        Ok(self.records.get(domain).map(|records| Paged {
            entries: records.clone(),
            short: None,
        }))
    }

    fn preview(&self, spec: &JobSpec) -> DryRun {
        DryRun {
            method: "POST",
            url: format!("mock://{}", spec.command()),
            user_agent: "test".into(),
            content_type: "text/plain",
            form: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            delete_job_records: self.delete_jobs.then_some(2000),
            modify_whole_jobs: self.delete_jobs,
            calls_per_second: if self.delete_jobs { 500 } else { 20 },
            ..super::DNSPOD
        }
    }

    fn remove_record(&self, domain_id: u64, record_id: u64) -> Result<(), ChangeError> {
        let mut removed = self.removed.lock().unwrap();
        removed.push((domain_id, record_id));
        let asked = removed.iter().filter(|(_, id)| *id == record_id).count();
        match self.failed_removals.get(&record_id) {
            Some(Fails::OverRate) if asked > 1 => Ok(()),
            Some(fails) => Err(fails.error("Record.Remove")),
            None => Ok(()),
        }
    }

    fn create_record(&self, step: &Step) -> Result<u64, CreateError> {
        let id = self.step(step, "CreateRecord")?;
        let asked = self.stepped.lock().unwrap().len();
        match self.failed_remarks.get(&asked) {
            Some(fails) => Err(CreateError {
                made: Some(id),
                error: fails.error("Record.Remark"),
            }),
            None => Ok(id),
        }
    }

    fn modify_record(&self, step: &Step) -> Result<(), ChangeError> {
        self.step(step, "ModifyRecord").map(drop)
    }

    fn delete_record(&self, step: &Step) -> Result<(), ChangeError> {
        self.remove_record(step.domain_id, step.record_id.unwrap_or_default())
    }

    fn preview_step(&self, step: &Step) -> DryRun {
        DryRun {
            url: format!("mock://{}", step.action.name()),
            ..self.preview(&JobSpec::RecordSteps { steps: Vec::new() })
        }
    }
}

impl MockBackend {
    /// A create or modify call: recorded, failed as told, else done (a create's new ID as
    /// `new_ids` says, else 5000 and its number).
    fn step(&self, step: &Step, action: &'static str) -> Result<u64, ChangeError> {
        if let Some(told) = self.on_call.get() {
            told(step);
        }
        self.overlap();
        let mut stepped = self.stepped.lock().unwrap();
        stepped.push(step.clone());
        match self.failed_steps.get(&stepped.len()) {
            Some(fails) => Err(fails.error(action)),
            None => Ok(step
                .after
                .as_ref()
                .and_then(|record| self.new_ids.get(record.host.as_str()).copied())
                .unwrap_or(5000 + stepped.len() as u64)),
        }
    }
}

impl MockBackend {
    /// Counts a call in flight, held at the gate until enough are (5 s at most).
    fn overlap(&self) {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_in_flight.fetch_max(now, Ordering::SeqCst);
        let bound = Instant::now() + Duration::from_secs(5);
        while self.most_in_flight.load(Ordering::SeqCst) < self.gate && Instant::now() < bound {
            std::thread::sleep(Duration::from_millis(1));
        }
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A test keeps one handle to see what the session's handle was asked.
impl Backend for std::sync::Arc<MockBackend> {
    fn submit(&self, spec: &JobSpec) -> Result<Submitted, ChangeError> {
        self.as_ref().submit(spec)
    }

    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError> {
        self.as_ref().detail(job_id, deadline)
    }

    fn find_domains(&self, names: &[String]) -> anyhow::Result<Vec<Option<u64>>> {
        self.as_ref().find_domains(names)
    }

    fn all_domains(&self) -> anyhow::Result<Paged<String>> {
        self.as_ref().all_domains()
    }

    fn domain_records(
        &self,
        domain: &str,
        hosts: &[String],
    ) -> anyhow::Result<Option<Paged<AccountRecord>>> {
        self.as_ref().domain_records(domain, hosts)
    }

    fn preview(&self, spec: &JobSpec) -> DryRun {
        self.as_ref().preview(spec)
    }

    fn capabilities(&self) -> Capabilities {
        self.as_ref().capabilities()
    }

    fn remove_record(&self, domain_id: u64, record_id: u64) -> Result<(), ChangeError> {
        self.as_ref().remove_record(domain_id, record_id)
    }

    fn create_record(&self, step: &Step) -> Result<u64, CreateError> {
        self.as_ref().create_record(step)
    }

    fn modify_record(&self, step: &Step) -> Result<(), ChangeError> {
        self.as_ref().modify_record(step)
    }

    fn delete_record(&self, step: &Step) -> Result<(), ChangeError> {
        self.as_ref().delete_record(step)
    }

    fn preview_step(&self, step: &Step) -> DryRun {
        self.as_ref().preview_step(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn removals_and_submits_are_recorded_and_fail_as_told() {
        let mock = Arc::new(MockBackend {
            failed_removals: BTreeMap::from([(8, Fails::Gone), (9, Fails::Lost)]),
            failed_submits: BTreeMap::from([(1, Fails::Refused)]),
            ..MockBackend::default()
        });
        let backend: &dyn Backend = &mock;
        assert_eq!(backend.capabilities().delete_job_records, None);
        backend.remove_record(1, 7).unwrap();
        let gone = backend.remove_record(1, 8).unwrap_err();
        assert!(
            matches!(
                gone,
                ChangeError::Refused(ApiRefused {
                    kind: RefusalKind::NotFound,
                    ..
                })
            ),
            "{gone:?}"
        );
        let lost = backend.remove_record(1, 9).unwrap_err();
        assert!(matches!(lost, ChangeError::Unknown(_)), "{lost:?}");
        assert_eq!(*mock.removed.lock().unwrap(), [(1, 7), (1, 8), (1, 9)]);
        let spec = JobSpec::RecordDelete {
            domain_ids: vec![1],
            record_ids: vec![7],
        };
        let refused = backend.submit(&spec).unwrap_err();
        assert!(
            matches!(
                refused,
                ChangeError::Refused(ApiRefused {
                    kind: RefusalKind::Other,
                    ..
                })
            ),
            "{refused:?}"
        );
        assert_eq!(backend.submit(&spec).unwrap().job_id, 1002);
        let jobs = MockBackend {
            delete_jobs: true,
            ..MockBackend::default()
        };
        assert_eq!(jobs.capabilities().delete_job_records, Some(2000));
    }
}
