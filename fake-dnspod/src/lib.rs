//! A stateful, loopback-only fake of DNSPod's legacy batch API (Batch.Domain.Create,
//! Batch.Record.Create, Batch.Record.Modify, Batch.Detail), its read-only look-ups
//! (Domain.Info, Domain.List, Record.List, paged by force at 3000 entries) and
//! Record.Remove, with scripted faults, for dpbatch's end-to-end tests and for trying
//! dpbatch offline. The look-ups read the same account the finished jobs change.
//!
//! On the same port it speaks API 3.0 too: `POST /` with an `X-TC-Action` header, signed
//! with TC3-HMAC-SHA256 under [`DEFAULT_SECRET_ID`] and [`DEFAULT_SECRET_KEY`]
//! (CreateDomainBatch, CreateRecordBatch, ModifyRecordBatch, ModifyRecordBatchV3,
//! DeleteRecordBatch, DescribeBatchTask, DescribeDomain, DescribeDomainList,
//! DescribeRecordList), over the same account and jobs.
//!
//! # Single records
//!
//! Records keep a weight (`null` or 0-100), a pause and a remark, listed as the real
//! look-ups list them. The single-record actions act at once: legacy Record.Create (`id` a
//! string), Record.Modify (`id` a number), Record.Status, Record.Remark, Record.Info;
//! API 3.0 CreateRecord, ModifyRecord, DeleteRecord, ModifyRecordStatus,
//! ModifyRecordRemark. A Modify is a full replace: a field left out takes its default
//! (`@`, enabled, TTL 600, no weight; on API 3.0 no remark), the reading that punishes a
//! client sending only some fields, since the vendor's is unknown. A Modify that changes
//! nothing is counted ([`FakeDnspod::no_op_modifies`]); the sixth within an hour locks
//! the record for an hour (legacy `704`, the fake's guess; `FailedOperation.FrequencyLimit`).
//! ModifyRecordBatchV3 is a job under the job limits that gives each record its own
//! fields, keeping those left out; DescribeBatchTask shows it as `record_modify_v3` (the
//! vendor's value is unknown). Every record written, by a call or a job's item, meets the
//! vendor's rules: an identical record (legacy `104`, a guess;
//! `InvalidParameter.DomainRecordExist`), a CNAME beside another type at the same host
//! and line (`31`; `InvalidParameter.ConflictRecord`), a line before the default one at
//! its host (legacy `705`, the fake's own; `FailedOperation.MustAddDefaultLineFirst`), a
//! weight past 100 (`6`; `InvalidParameter.InvalidWeight`); a job's item fails with the
//! reason instead. API 3.0's documented rates per action apply ([`Config::vendor_rates`]).
//!
//! # Job limits
//!
//! Every submit, on either API, meets the vendor's job limits, in this order:
//!
//! | limit | API 3.0 | legacy (the fake's own code) |
//! |---|---|---|
//! | 5000 records a job | `InvalidParameter.JobGreaterThanLimit` | `701` "A batch job may hold at most 5000 records" |
//! | [`Config::jobs_per_hour`] (80) jobs a sliding hour per source IP | `RequestLimitExceeded.BatchTaskLimit` | `703` "At most 80 batch jobs an hour from one IP" |
//! | 4 unfinished jobs an account, both APIs' together | `InvalidParameter.BatchTaskCountLimit` | `702` "The account has 4 unfinished batch jobs; wait for one to finish" |
//!
//! The legacy API documents no code for these limits (the vendor says its back end is
//! the same); 701 to 703 are the fake's choice, outside every code the vendor documents.
//! Records are counted as dpbatch's SPEC counts them: a domain of a domain job is 1 plus
//! the records it adds (`@` and `www` with a value, so 3; 1 without), a record-create job
//! domains x records, a record-modify or delete job its record ids. A refused submit
//! makes no job and counts against nothing. Slots of other clients can be simulated with
//! [`FakeDnspod::hold_slots`] and its timed variants; [`Config::job_limits`] `false`
//! lifts all three limits.
//!
//! # Deleting records
//!
//! Record.Remove (`domain_id` or `domain`, `record_id`) deletes at once and answers the
//! bare envelope; a record id the domain does not have is the vendor's code `8` "Invalid
//! record id", a domain id the account lacks `6`, a domain name it lacks `13` (as
//! Domain.Info). DeleteRecordBatch (`RecordIdList`, integers) queues a job: its answer
//! is `JobId` and a `DeleteRecordBatchDetail` per domain (`DomainId`, `Domain`, `Error`,
//! `Status`, `Operation` `remove`, and `RecordList`, a string holding the records as a
//! JSON array of `{RecordId, SubDomain, RecordType, RecordLine, Value, TTL}`: the vendor
//! documents only "JSON-serialised"). DescribeBatchTask shows it with `JobType`
//! `record_delete` (the vendor's value is undocumented) and record `Operation` `remove`;
//! each record is deleted when its item turns `ok`, and an unknown id ends `error`
//! ("记录不存在"). Batch.Detail shows the same job in Batch.Record.Modify's shapes.
//!
//! # DNSPod's own NS records
//!
//! Every domain, added by a test or made by a job, has the two NS records the real
//! look-ups list at `@` (`f1g1ns1.dnspod.net.`, `f1g1ns2.dnspod.net.`, TTL 86400), marked
//! as the vendor marks them: `"hold":"hold"` in Record.List, `DefaultNS: true` in
//! DescribeRecordList; they count in Domain.Info's `records`, as the vendor counts a new
//! domain's two. No action changes them. How the vendor refuses is not recorded; the
//! fake's guess: Record.Remove answers code `8` as for a record the domain lacks, and a
//! job's item ends `error` ("System NS records cannot be changed", "系统 NS 记录不可修改").
//! [`FakeDnspod::user_records`] lists the account without them.
//!
//! ```no_run
//! use fake_dnspod::{Fault, FakeDnspod};
//!
//! let server = FakeDnspod::start();
//! server.inject("Batch.Detail", Fault::HttpStatus(502));
//! server.inject("DescribeBatchTask", Fault::HttpStatus(502));
//! // point dpbatch at server.url() with fake_dnspod::DEFAULT_TOKEN, or with
//! // DEFAULT_SECRET_ID and DEFAULT_SECRET_KEY for API 3.0
//! ```

mod clock;
mod config;
mod fault;
mod http;
mod json;
mod legacy;
mod listing;
mod lock;
mod model;
mod server;
mod text;
mod throttle;
mod v3;

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

pub use config::{Config, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, DEFAULT_TOKEN, FIRST_JOB};
pub use fault::Fault;
pub use http::{Api, Request};
pub use listing::{PAGE_LIMIT, Totals};
pub use model::falsehood::Falsehood;
pub use model::job::Progress;
pub use model::zone::{Domain, Record};
pub use v3::TemporaryKey;

use listing::Listing;
use lock::lock;
use model::admission::{JobLimits, Release};
use model::state::State;
use server::Shared;
use throttle::Throttle;

/// A running fake; dropping it stops the server.
pub struct FakeDnspod {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl FakeDnspod {
    /// A fake with the default configuration on a free loopback port.
    pub fn start() -> FakeDnspod {
        FakeDnspod::start_with(Config::default())
    }

    /// A fake with this configuration on a free loopback port.
    pub fn start_with(config: Config) -> FakeDnspod {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        FakeDnspod::bind(addr, config).expect("fake-dnspod: cannot listen on 127.0.0.1")
    }

    /// A fake on this address, which must be a loopback one.
    pub fn bind(addr: SocketAddr, config: Config) -> io::Result<FakeDnspod> {
        if !addr.ip().is_loopback() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} is not a loopback address; the fake serves 127.0.0.0/8 and ::1 only",
                    addr.ip()
                ),
            ));
        }
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(shared(config));
        let accept = thread::Builder::new()
            .name("fake-dnspod-accept".into())
            .spawn({
                let shared = Arc::clone(&shared);
                move || server::accept_loop(listener, shared)
            })?;
        Ok(FakeDnspod {
            addr,
            shared,
            accept: Some(accept),
        })
    }

    /// `http://127.0.0.1:PORT`, the endpoint to give dpbatch.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in order, faulted ones included.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.shared.requests).clone()
    }

    /// The most requests of `action` answered at once, counted while they wait out
    /// [`Config::latency`] (none without one): how many such calls a client had in flight.
    pub fn most_at_once(&self, action: &str) -> usize {
        self.shared.throttle.most_at_once(action)
    }

    /// How many requests were received for this action, e.g. `Batch.Detail` or
    /// `DescribeBatchTask`.
    pub fn count(&self, action: &str) -> usize {
        lock(&self.shared.requests)
            .iter()
            .filter(|request| request.action == action)
            .count()
    }

    /// Queues a fault for the next request of this action (`*`: of any action); an API 3.0
    /// action is named as in `X-TC-Action`.
    pub fn inject(&self, action: &str, fault: Fault) {
        lock(&self.shared.faults).push(action, fault);
    }

    /// Adds a domain the account already has; returns its id.
    pub fn add_domain(&self, name: &str) -> u64 {
        lock(&self.shared.state).add_domain(name)
    }

    /// Adds `count` domains named `{prefix}00001.example` and on, at once (thousands in
    /// milliseconds), for paging tests; returns their ids in order.
    pub fn add_domains(&self, prefix: &str, count: usize) -> Vec<u64> {
        lock(&self.shared.state).add_domains(prefix, count)
    }

    /// Adds a record (TTL 600, MX priority 5 on MX records) to a domain added before;
    /// returns its id. Panics if there is no such domain.
    pub fn add_record(
        &self,
        domain_id: u64,
        sub: &str,
        record_type: &str,
        line: &str,
        value: &str,
    ) -> u64 {
        lock(&self.shared.state).add_record(domain_id, sub, record_type, line, value)
    }

    /// Changes a record added before as the console would, say its weight, its remark or
    /// whether it is paused: how a test seeds them. Panics if there is no such record.
    pub fn change_record(&self, record_id: u64, change: impl FnOnce(&mut Record)) {
        lock(&self.shared.state).change_record(record_id, change);
    }

    /// How many single-record modifies (Record.Modify, ModifyRecord) changed nothing: the
    /// vendor counts them and locks a record after 5 in an hour, so a client should send
    /// none, and a test can check that it did not.
    pub fn no_op_modifies(&self) -> usize {
        lock(&self.shared.state).no_op_modifies()
    }

    /// Submits a domain job of generated names (`d00001.example`, ...) with A records,
    /// for large-detail tests and benchmarks; returns its job id.
    pub fn create_domain_job(&self, domains: usize, records_per_domain: usize) -> u64 {
        lock(&self.shared.state).synthetic_job(domains, records_per_domain)
    }

    /// Makes `slots` phantom unfinished jobs of other clients, which count against the
    /// account's 4 until [`FakeDnspod::release_slots`]: a submit that finds no free slot
    /// is refused (`InvalidParameter.BatchTaskCountLimit`, legacy `702`). Replaces any
    /// slots held before.
    pub fn hold_slots(&self, slots: usize) {
        lock(&self.shared.state).hold_slots(slots, Release::Manually);
    }

    /// As [`FakeDnspod::hold_slots`], given back by themselves `duration` from now: a
    /// client sees its refusal, then success, with no test thread stepping in.
    pub fn hold_slots_for(&self, slots: usize, duration: Duration) {
        let at = Instant::now() + duration;
        lock(&self.shared.state).hold_slots(slots, Release::At(at));
    }

    /// As [`FakeDnspod::hold_slots`], given back after `refusals` submits were refused
    /// for want of a slot (the last refusal still is one; the next submit may pass).
    pub fn hold_slots_for_refusals(&self, slots: usize, refusals: usize) {
        lock(&self.shared.state).hold_slots(slots, Release::AfterRefusals(refusals));
    }

    /// Gives back every slot held for other clients.
    pub fn release_slots(&self) {
        lock(&self.shared.state).hold_slots(0, Release::Manually);
    }

    /// The slots other clients hold now.
    pub fn held_slots(&self) -> usize {
        lock(&self.shared.state).held_slots()
    }

    /// Makes a finished job's detail, on both APIs, tell `falsehood` from now on: list a
    /// record the job never made or changed, or one of its records twice. Panics if the
    /// job is not finished or the record is not there.
    pub fn falsify(&self, job_id: u64, falsehood: Falsehood) {
        lock(&self.shared.state).falsify(job_id, &falsehood);
    }

    /// Makes every job final now, with its effects.
    pub fn finish_all(&self) {
        lock(&self.shared.state).finish_all();
    }

    /// The account's domains now, by id.
    pub fn domains(&self) -> Vec<Domain> {
        lock(&self.shared.state).domains()
    }

    /// The account's records now, by id.
    pub fn records(&self) -> Vec<Record> {
        lock(&self.shared.state).records()
    }

    /// The records but DNSPod's own NS records, which every domain has: those made by
    /// jobs and tests.
    pub fn user_records(&self) -> Vec<Record> {
        lock(&self.shared.state).user_records()
    }
}

/// What the server's threads share, made from the configuration.
fn shared(config: Config) -> Shared {
    let job_limits = JobLimits::new(config.job_limits, config.jobs_per_hour);
    let mut state = State::new(config.progress, job_limits, config.job_created_at);
    state.number_jobs_from(config.first_job);
    if config.seed {
        state.seed();
    }
    Shared {
        legacy: legacy::Settings {
            token: config.token,
            record_list_unknown_domain: config.record_list_unknown_domain,
        },
        keys: v3::Keys {
            secret_id: config.secret_id,
            secret_key: config.secret_key,
            temporary: config.temporary,
            clock_offset: config.clock_offset,
        },
        listing: Listing {
            page_limit: config.page_limit,
            totals: config.totals,
        },
        state: Mutex::new(state),
        requests: Mutex::default(),
        faults: Mutex::default(),
        throttle: Throttle::new(config.latency, config.calls_per_second, config.vendor_rates),
        stop: AtomicBool::new(false),
    }
}

/// Stops the server. A test that scripted a fault no request took did not test what it
/// meant to, so that fails it (unless it is failing already).
impl Drop for FakeDnspod {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // accept() blocks until a connection arrives: make one so the thread sees the flag.
        // Should even that fail, leave the thread rather than hang the caller on join.
        if TcpStream::connect_timeout(&self.addr, Duration::from_secs(1)).is_ok()
            && let Some(accept) = self.accept.take()
        {
            let _ = accept.join();
        }
        let pending = lock(&self.shared.faults).pending();
        if !pending.is_empty() && !std::thread::panicking() {
            panic!("scripted faults were never served: {pending:?}");
        }
    }
}
