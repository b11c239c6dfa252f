//! Everything the fake remembers: the account and its jobs, built from parsed requests.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

use super::admission::{JobLimits, Refused, Release};
use super::change::{Edit, Modification};
use super::falsehood::Falsehood;
use super::item::{DomainItem, RecordItem};
use super::job::{self, Job, Kind, Progress};
use super::rules::NoOps;
use super::zone::{DEFAULT_LINE, Domain, Record, Zone};
use crate::clock;

/// The vendor's example job id, where a fake's jobs count up from unless configured
/// otherwise.
pub const FIRST_JOB: u64 = 39_581;

/// The record specs of a Batch.Record.Create, one record per host.
pub(crate) struct RecordSpec {
    pub(crate) hosts: Vec<String>,
    pub(crate) record_type: String,
    pub(crate) line: String,
    pub(crate) value: String,
    pub(crate) ttl: u32,
    pub(crate) mx: Option<u16>,
}

pub(crate) struct State {
    progress: Progress,
    /// Unix seconds every job is stamped as created at, instead of now.
    job_created_at: Option<u64>,
    /// What every submit of either API is admitted by.
    job_limits: JobLimits,
    zone: Zone,
    jobs: BTreeMap<u64, Job>,
    next_job: u64,
    /// Names handed out by synthetic jobs so far, so each call gets fresh ones.
    synthetic_domains: usize,
    /// Single-record modifies that changed nothing, and the records they locked.
    no_ops: NoOps,
}

impl State {
    /// An empty account whose jobs move as `progress` says, admitted by `job_limits`,
    /// stamped as created at `job_created_at` (Unix seconds) if given, else now.
    pub(crate) fn new(
        progress: Progress,
        job_limits: JobLimits,
        job_created_at: Option<u64>,
    ) -> State {
        State {
            progress,
            job_created_at,
            job_limits,
            zone: Zone::new(),
            jobs: BTreeMap::new(),
            next_job: FIRST_JOB,
            synthetic_domains: 0,
            no_ops: NoOps::default(),
        }
    }

    /// Numbers the jobs from `first` on.
    pub(crate) fn number_jobs_from(&mut self, first: u64) {
        self.next_job = first;
    }

    /// example.cn and example.com, each with `www` and `@` A records and an MX.
    pub(crate) fn seed(&mut self) {
        for (name, ip) in [("example.cn", "192.0.2.10"), ("example.com", "192.0.2.20")] {
            let id = self.add_domain(name);
            self.add_record(id, "www", "A", DEFAULT_LINE, ip);
            self.add_record(id, "@", "A", DEFAULT_LINE, ip);
            self.add_record(id, "@", "MX", DEFAULT_LINE, &format!("mx.{name}."));
        }
    }

    pub(crate) fn add_domain(&mut self, name: &str) -> u64 {
        self.zone.add_domain(name)
    }

    /// `{prefix}00001.example` and on, for look-ups past the vendor's page size.
    pub(crate) fn add_domains(&mut self, prefix: &str, count: usize) -> Vec<u64> {
        (1..=count)
            .map(|n| self.add_domain(&format!("{prefix}{n:05}.example")))
            .collect()
    }

    /// Panics on an unknown domain: a mistake in the calling test, not input.
    pub(crate) fn add_record(
        &mut self,
        domain_id: u64,
        sub_domain: &str,
        record_type: &str,
        line: &str,
        value: &str,
    ) -> u64 {
        assert!(
            self.zone.domain(domain_id).is_some(),
            "add_record: no domain {domain_id}"
        );
        let mut record = Record::new(sub_domain, record_type, line, value);
        record.domain_id = domain_id;
        self.zone.add_record(record)
    }

    /// Changes a record as the console would (a remark, a pause); panics on an unknown id.
    pub(crate) fn change_record(&mut self, id: u64, change: impl FnOnce(&mut Record)) {
        change(
            self.zone
                .record_mut(id)
                .unwrap_or_else(|| panic!("change_record: no record {id}")),
        );
    }

    pub(crate) fn domains(&mut self) -> Vec<Domain> {
        self.settle();
        self.zone.domains().cloned().collect()
    }

    pub(crate) fn records(&mut self) -> Vec<Record> {
        self.settle();
        self.zone.records().cloned().collect()
    }

    /// The records but DNSPod's own NS records, which every domain has.
    pub(crate) fn user_records(&mut self) -> Vec<Record> {
        self.settle();
        self.zone.user_records().cloned().collect()
    }

    /// The account as the look-ups read it, job effects due by now included.
    pub(crate) fn zone(&mut self) -> &Zone {
        self.settle();
        &self.zone
    }

    /// Brings every job to where its progress says, so the effects of clock-driven
    /// jobs are visible to whatever comes next.
    fn settle(&mut self) {
        for job in self.jobs.values_mut() {
            job.settle(self.progress, &mut self.zone);
        }
    }

    /// Counts one Batch.Detail poll of the job and returns it, progressed.
    pub(crate) fn poll(&mut self, job_id: u64) -> Option<&Job> {
        self.jobs.get_mut(&job_id)?.count_poll();
        self.settle();
        self.jobs.get(&job_id)
    }

    /// How many jobs of the account have items not final yet.
    pub(crate) fn unfinished_jobs(&mut self) -> usize {
        self.settle();
        self.jobs.values().filter(|job| !job.is_finished()).count()
    }

    pub(crate) fn finish_all(&mut self) {
        for job in self.jobs.values_mut() {
            job.finish(&mut self.zone);
        }
    }

    /// Queues a job of `client`'s if the vendor's job limits admit it.
    fn submit(
        &mut self,
        kind: Kind,
        domains: Vec<DomainItem>,
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let unfinished = self.unfinished_jobs();
        let records = job::weight(&kind, &domains);
        self.job_limits
            .admit(Instant::now(), client, records, unfinished)?;
        Ok(self.queue(kind, domains))
    }

    /// Queues a job past every limit.
    fn queue(&mut self, kind: Kind, domains: Vec<DomainItem>) -> &Job {
        self.settle();
        let id = self.next_job;
        self.next_job += 1;
        let mut job = Job::new(id, kind, domains);
        if let Some(secs) = self.job_created_at {
            job.created_at = clock::format_unix(secs);
        }
        self.jobs.entry(id).or_insert(job)
    }

    /// Batch.Domain.Create: with a value, each domain gets `www` and `@` A records, so it
    /// counts 3 against the records-a-job limit (1 without).
    pub(crate) fn create_domains(
        &mut self,
        names: &[String],
        value: Option<Ipv4Addr>,
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = names
            .iter()
            .map(|name| {
                let records = value.map_or_else(Vec::new, |ip| {
                    let a = |sub| Record::new(sub, "A", DEFAULT_LINE, &ip.to_string());
                    ["www", "@"].map(|sub| RecordItem::waiting(a(sub))).into()
                });
                DomainItem::waiting(name, None, records)
            })
            .collect();
        self.submit(Kind::Domain, domains, client)
    }

    /// A domain job of generated names (`d00001.example`, ...), each with
    /// `records_per_domain` A records; names never repeat across calls. Past the job
    /// limits: it is the test's, not a client's.
    pub(crate) fn synthetic_job(&mut self, domains: usize, records_per_domain: usize) -> u64 {
        let first = self.synthetic_domains + 1;
        self.synthetic_domains += domains;
        let items = (first..first + domains)
            .map(|n| {
                let records = (1..=records_per_domain)
                    .map(|r| {
                        let value = format!("192.0.2.{}", (r - 1) % 254 + 1);
                        let sub = format!("r{r:03}");
                        RecordItem::waiting(Record::new(&sub, "A", DEFAULT_LINE, &value))
                    })
                    .collect();
                DomainItem::waiting(&format!("d{n:05}.example"), None, records)
            })
            .collect();
        self.queue(Kind::Domain, items).id
    }

    /// Batch.Record.Create: every domain gets one record per (spec, host).
    pub(crate) fn create_records(
        &mut self,
        domain_ids: &[u64],
        specs: &[RecordSpec],
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = domain_ids
            .iter()
            .map(|&id| {
                let name = self.zone.domain(id).map_or("", |d| d.name.as_str());
                let records = specs
                    .iter()
                    .flat_map(|spec| {
                        spec.hosts.iter().map(move |sub| {
                            let mut record =
                                Record::new(sub, &spec.record_type, &spec.line, &spec.value);
                            record.ttl = spec.ttl;
                            record.mx = spec.mx.or(record.mx);
                            RecordItem::waiting(record)
                        })
                    })
                    .collect();
                DomainItem::waiting(name, Some(id), records)
            })
            .collect();
        self.submit(Kind::RecordAdd, domains, client)
    }

    /// Batch.Record.Modify: records grouped by domain in order of first mention,
    /// unknown ids under one domain-less group.
    pub(crate) fn modify_records(
        &mut self,
        record_ids: &[u64],
        modification: &Modification,
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let edit = modification.edit();
        let targets = record_ids.iter().map(|&id| (id, Some(edit.clone())));
        let domains = self.by_domain(targets);
        self.submit(Kind::RecordModify, domains, client)
    }

    /// ModifyRecordBatchV3: each record its own edit, grouped as Batch.Record.Modify groups.
    pub(crate) fn edit_records(
        &mut self,
        edits: Vec<(u64, Edit)>,
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = self.by_domain(edits.into_iter().map(|(id, edit)| (id, Some(edit))));
        self.submit(Kind::RecordEdit, domains, client)
    }

    /// DeleteRecordBatch: grouped as Batch.Record.Modify groups.
    pub(crate) fn delete_records(
        &mut self,
        record_ids: &[u64],
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = self.by_domain(record_ids.iter().map(|&id| (id, None)));
        self.submit(Kind::RecordDelete, domains, client)
    }

    /// Record items of these ids grouped by domain in order of first mention, unknown
    /// ids under one domain-less group; each shown as its edit, if any, will leave it.
    fn by_domain(&mut self, targets: impl Iterator<Item = (u64, Option<Edit>)>) -> Vec<DomainItem> {
        self.settle();
        let mut domains: Vec<DomainItem> = Vec::new();
        // Where each domain's group is, so a job of 5000 records finds it without a scan.
        let mut groups: HashMap<Option<u64>, usize> = HashMap::new();
        for (id, edit) in targets {
            let (domain_id, mut record) = match self.zone.record(id) {
                Some(live) => (Some(live.domain_id), live.clone()),
                None => (None, Record::new("", "", DEFAULT_LINE, "")),
            };
            record.id = id;
            // The item shows the record as it will be once changed; the submit's echo as
            // it is now, as the vendor's example shows (a change to CNAME echoes records
            // that are still A and MX).
            let before = edit.as_ref().map(|_| record.clone());
            if let Some(edit) = &edit {
                edit.apply(&mut record);
            }
            let item = RecordItem {
                before,
                edit,
                ..RecordItem::waiting(record)
            };
            match groups.get(&domain_id) {
                Some(&at) => domains[at].records.push(item),
                None => {
                    let name = domain_id
                        .and_then(|id| self.zone.domain(id))
                        .map_or("", |d| d.name.as_str());
                    groups.insert(domain_id, domains.len());
                    domains.push(DomainItem::waiting(name, domain_id, vec![item]));
                }
            }
        }
        domains
    }

    /// Makes `slots` phantom unfinished jobs of other clients, given back on `release`.
    pub(crate) fn hold_slots(&mut self, slots: usize, release: Release) {
        self.job_limits.hold(slots, release);
    }

    /// The slots other clients hold now.
    pub(crate) fn held_slots(&mut self) -> usize {
        self.job_limits.held(Instant::now())
    }

    /// Makes a finished job's detail tell `falsehood` from now on.
    pub(crate) fn falsify(&mut self, job_id: u64, falsehood: &Falsehood) {
        self.settle();
        let job = self
            .jobs
            .get_mut(&job_id)
            .unwrap_or_else(|| panic!("falsify: no job {job_id}"));
        falsehood.tell(job, &self.zone);
    }
}

mod single;
#[cfg(test)]
mod tests;
