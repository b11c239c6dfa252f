//! Everything the fake remembers: the account and its jobs, built from parsed requests.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

use crate::Progress;
use crate::clock;
use crate::falsehood::Falsehood;
use crate::job::{self, DomainItem, Job, Kind, Modification, RecordItem};
use crate::limits::{JOBS_PER_HOUR, JobLimits, Refused};
use crate::zone::{DEFAULT_LINE, Domain, Record, Zone};

/// The vendor's example job id; later jobs count up from it.
const FIRST_JOB: u64 = 39_581;

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
    /// The code Record.List refuses a domain name the account does not hold with.
    pub(crate) record_list_unknown_domain: &'static str,
    /// Unix seconds every job is stamped as created at, instead of now.
    pub(crate) job_created_at: Option<u64>,
    /// What every submit of either API is admitted by.
    pub(crate) job_limits: JobLimits,
    /// The most entries a look-up lists on one page, whatever it asks for.
    pub(crate) page_limit: usize,
    /// The totals the look-ups claim.
    pub(crate) totals: crate::Totals,
    zone: Zone,
    jobs: BTreeMap<u64, Job>,
    next_job: u64,
    /// Names handed out by synthetic jobs so far, so each call gets fresh ones.
    synthetic_domains: usize,
}

impl State {
    pub(crate) fn new(progress: Progress) -> State {
        State {
            progress,
            record_list_unknown_domain: crate::text::UNKNOWN_DOMAIN,
            job_created_at: None,
            job_limits: JobLimits::new(true, Some(JOBS_PER_HOUR)),
            page_limit: crate::PAGE_LIMIT,
            totals: crate::Totals::True,
            zone: Zone::new(),
            jobs: BTreeMap::new(),
            next_job: FIRST_JOB,
            synthetic_domains: 0,
        }
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
        modification: Modification,
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = self.by_domain(record_ids, Some(&modification));
        self.submit(Kind::RecordModify(modification), domains, client)
    }

    /// DeleteRecordBatch: grouped as Batch.Record.Modify groups.
    pub(crate) fn delete_records(
        &mut self,
        record_ids: &[u64],
        client: IpAddr,
    ) -> Result<&Job, Refused> {
        let domains = self.by_domain(record_ids, None);
        self.submit(Kind::RecordDelete, domains, client)
    }

    /// Record items of these ids grouped by domain in order of first mention, unknown
    /// ids under one domain-less group; each shown as `modification` will leave it.
    fn by_domain(
        &mut self,
        record_ids: &[u64],
        modification: Option<&Modification>,
    ) -> Vec<DomainItem> {
        self.settle();
        let mut domains: Vec<DomainItem> = Vec::new();
        for &id in record_ids {
            let (domain_id, mut record) = match self.zone.record(id) {
                Some(live) => (Some(live.domain_id), live.clone()),
                None => (None, Record::new("", "", DEFAULT_LINE, "")),
            };
            record.id = id;
            // The item shows the record as it will be once changed; the submit's echo as
            // it is now, as the vendor's example shows (a change to CNAME echoes records
            // that are still A and MX).
            let before = modification.map(|_| record.clone());
            if let Some(modification) = modification {
                modification.apply(&mut record);
            }
            let item = RecordItem {
                before,
                ..RecordItem::waiting(record)
            };
            match domains.iter_mut().find(|d| d.domain_id == domain_id) {
                Some(group) => group.records.push(item),
                None => {
                    let name = domain_id
                        .and_then(|id| self.zone.domain(id))
                        .map_or("", |d| d.name.as_str());
                    domains.push(DomainItem::waiting(name, domain_id, vec![item]));
                }
            }
        }
        domains
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

    /// Record.Remove: deletes a record of this domain now; `false` when the domain has
    /// no such record, or it is one of DNSPod's own.
    pub(crate) fn remove_record(&mut self, domain_id: u64, record_id: u64) -> bool {
        self.settle();
        let ours = self
            .zone
            .record(record_id)
            .is_some_and(|record| record.domain_id == domain_id && !record.system);
        ours && self.zone.remove_record(record_id).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::Status;
    use std::time::Duration;

    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    #[test]
    fn clock_driven_effects_land_without_a_poll() {
        let mut state = State::new(Progress::Elapsed(Duration::ZERO));
        let id = state.synthetic_job(1, 1);
        assert_eq!(state.domains().len(), 1);
        let job = state.poll(id).unwrap();
        assert!(job.statuses().all(|status| status == Status::Ok));
    }

    #[test]
    fn a_fixed_creation_time_stamps_every_job() {
        let mut state = State::new(Progress::Elapsed(Duration::ZERO));
        state.job_created_at = Some(1_441_708_621);
        let id = state.synthetic_job(1, 0);
        assert_eq!(state.poll(id).unwrap().created_at, "2015-09-08 18:37:01");
    }

    #[test]
    fn synthetic_names_never_repeat() {
        let mut state = State::new(Progress::PerPoll {
            waiting: 0,
            running: 0,
        });
        state.synthetic_job(2, 0);
        state.synthetic_job(1, 0);
        state.finish_all();
        let names: Vec<String> = state.domains().into_iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            ["d00001.example", "d00002.example", "d00003.example"]
        );
    }

    #[test]
    fn modify_groups_known_records_by_domain_and_unknown_ones_apart() {
        let mut state = State::new(Progress::PerPoll {
            waiting: 1,
            running: 1,
        });
        let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
        let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
        let b1 = state.add_record(b, "www", "A", DEFAULT_LINE, "192.0.2.1");
        let a2 = state.add_record(a, "@", "A", DEFAULT_LINE, "192.0.2.1");
        let modification = Modification {
            change: crate::job::Change::Ttl(60),
            value: None,
            mx: None,
        };
        let job = state
            .modify_records(&[a1, 7, b1, a2], modification, LOOPBACK)
            .unwrap();
        let groups: Vec<(Option<u64>, usize)> = job
            .domains
            .iter()
            .map(|d| (d.domain_id, d.records.len()))
            .collect();
        assert_eq!(groups, [(Some(a), 2), (None, 1), (Some(b), 1)]);
        assert!(job.domains[0].records.iter().all(|r| r.record.ttl == 60));
    }

    fn per_poll() -> State {
        State::new(Progress::PerPoll {
            waiting: 1,
            running: 1,
        })
    }

    #[test]
    fn a_domain_with_a_value_counts_as_the_three_items_it_adds() {
        let mut state = per_poll();
        let names = |n: usize, tag: &str| -> Vec<String> {
            (0..n).map(|i| format!("{tag}{i}.cn")).collect()
        };
        let ip = Some(Ipv4Addr::new(192, 0, 2, 1));
        // 1667 x 3 = 5001: one over.
        let refused = state.create_domains(&names(1667, "a"), ip, LOOPBACK);
        assert_eq!(refused.err(), Some(Refused::TooLarge));
        assert!(
            state
                .create_domains(&names(1666, "b"), ip, LOOPBACK)
                .is_ok()
        );
        // Without a value a domain is one item: 5000 of them fit.
        assert!(
            state
                .create_domains(&names(5000, "c"), None, LOOPBACK)
                .is_ok()
        );
        // What is counted is what the job adds: the domain, `www` and `@`.
        state.finish_all();
        let (domains, records) = (state.domains(), user_records(&mut state));
        assert_eq!((domains.len(), records.len()), (6666, 1666 * 2));
        let first = &domains[0];
        let mut hosts: Vec<&str> = records
            .iter()
            .filter(|r| r.domain_id == first.id)
            .map(|r| r.sub_domain.as_str())
            .collect();
        hosts.sort_unstable();
        assert_eq!(hosts, ["@", "www"]);
    }

    #[test]
    fn record_jobs_count_their_records() {
        let mut state = per_poll();
        let ids: Vec<u64> = (0..2)
            .map(|n| state.add_domain(&format!("d{n}.cn")))
            .collect();
        let spec = |hosts: usize| RecordSpec {
            hosts: (0..hosts).map(|h| format!("h{h}")).collect(),
            record_type: "A".into(),
            line: DEFAULT_LINE.into(),
            value: "192.0.2.1".into(),
            ttl: 600,
            mx: None,
        };
        // 2 domains x (2000 + 501) hosts = 5002; 2 x 2500 = 5000.
        let over = state.create_records(&ids, &[spec(2000), spec(501)], LOOPBACK);
        assert_eq!(over.err(), Some(Refused::TooLarge));
        assert!(state.create_records(&ids, &[spec(2500)], LOOPBACK).is_ok());
        let record_ids: Vec<u64> = (1..=5001).collect();
        let over = state.delete_records(&record_ids, LOOPBACK);
        assert_eq!(over.err(), Some(Refused::TooLarge));
        assert!(state.delete_records(&record_ids[1..], LOOPBACK).is_ok());
    }

    #[test]
    fn a_delete_job_removes_its_records_and_fails_unknown_ones() {
        let mut state = per_poll();
        let a = state.add_domain("a.cn");
        let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
        let a2 = state.add_record(a, "@", "A", DEFAULT_LINE, "192.0.2.1");
        let job = state.delete_records(&[a1, 9, a2], LOOPBACK).unwrap().id;
        assert_eq!(
            user_records(&mut state).len(),
            2,
            "nothing is gone before it runs"
        );
        for _ in 0..3 {
            state.poll(job);
        }
        let job = state.poll(job).unwrap();
        use crate::text::Failure::NoSuchRecord;
        let statuses: Vec<Status> = job.statuses().collect();
        assert_eq!(
            statuses,
            [
                Status::Ok,
                Status::Ok,
                Status::Ok,
                Status::Error(NoSuchRecord),
                Status::Error(NoSuchRecord)
            ]
        );
        assert!(user_records(&mut state).is_empty());
    }

    #[test]
    fn a_falsified_detail_lists_a_record_never_made_and_one_twice() {
        let mut state = per_poll();
        let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
        let mx = state.add_record(b, "@", "MX", DEFAULT_LINE, "mx.b.cn.");
        let spec = RecordSpec {
            hosts: vec!["www".into()],
            record_type: "A".into(),
            line: DEFAULT_LINE.into(),
            value: "192.0.2.1".into(),
            ttl: 600,
            mx: None,
        };
        let job = state.create_records(&[a], &[spec], LOOPBACK).unwrap().id;
        state.finish_all();
        let www = user_records(&mut state)
            .iter()
            .find(|r| r.domain_id == a)
            .unwrap()
            .id;
        state.falsify(job, &Falsehood::ListsTwice(www));
        state.falsify(job, &Falsehood::Lists(mx));
        let job = state.poll(job).unwrap();
        let listed: Vec<(Option<u64>, u64)> = job
            .domains
            .iter()
            .flat_map(|d| d.records.iter().map(|r| (d.domain_id, r.record.id)))
            .collect();
        assert_eq!(listed, [(Some(a), www), (Some(a), www), (Some(b), mx)]);
        assert!(job.is_finished());
        assert_eq!(
            job.counts(),
            (5, 5, 0),
            "two domains and three records, all ok"
        );
        assert_eq!(
            user_records(&mut state).len(),
            2,
            "a lie changes nothing in the account"
        );
    }

    #[test]
    fn remove_record_takes_only_a_record_of_that_domain() {
        let mut state = per_poll();
        let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
        let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
        assert!(!state.remove_record(b, a1));
        assert!(state.remove_record(a, a1));
        assert!(!state.remove_record(a, a1));
        assert!(user_records(&mut state).is_empty());
    }

    /// The records but DNSPod's own NS records.
    fn user_records(state: &mut State) -> Vec<Record> {
        let mut records = state.records();
        records.retain(|r| !r.system);
        records
    }

    #[test]
    fn every_domain_has_dnspods_two_ns_records_which_no_job_changes() {
        let mut state = per_poll();
        let a = state.add_domain("a.cn");
        let system: Vec<Record> = state.records();
        let listed: Vec<(&str, &str, u32, bool)> = system
            .iter()
            .map(|r| (r.sub_domain.as_str(), r.value.as_str(), r.ttl, r.system))
            .collect();
        assert_eq!(
            listed,
            [
                ("@", "f1g1ns1.dnspod.net.", 86_400, true),
                ("@", "f1g1ns2.dnspod.net.", 86_400, true)
            ]
        );
        let ids: Vec<u64> = system.iter().map(|r| r.id).collect();
        assert!(!state.remove_record(a, ids[0]));
        let change = Modification {
            change: crate::job::Change::Ttl(60),
            value: None,
            mx: None,
        };
        let modify = state.modify_records(&ids, change, LOOPBACK).unwrap().id;
        let delete = state.delete_records(&ids, LOOPBACK).unwrap().id;
        state.finish_all();
        for job in [modify, delete] {
            let statuses: Vec<Status> = state.poll(job).unwrap().statuses().collect();
            let failed = Status::Error(crate::text::Failure::SystemRecord);
            assert_eq!(statuses, [Status::Ok, failed, failed]);
        }
        assert_eq!(state.records(), system, "untouched");
    }

    #[test]
    fn a_job_over_the_limits_is_not_queued() {
        let mut state = per_poll();
        state.job_limits = JobLimits::new(true, Some(1));
        let names = ["a.cn".to_string()];
        let first = state.create_domains(&names, None, LOOPBACK).unwrap().id;
        let refused = state.create_domains(&names, None, LOOPBACK);
        assert_eq!(refused.err(), Some(Refused::HourlyCap(1)));
        // The next job takes the next id: the refused one used none.
        state.job_limits = JobLimits::new(true, None);
        let next = state.create_domains(&names, None, LOOPBACK).unwrap().id;
        assert_eq!(next, first + 1);
        assert!(state.poll(first + 2).is_none());
    }
}
