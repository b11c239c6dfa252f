//! Everything the fake remembers: the account and its jobs, built from parsed requests.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use crate::Progress;
use crate::clock;
use crate::job::{DomainItem, Job, Kind, Modification, RecordItem};
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
    /// The most entries a look-up lists on one page, whatever it asks for.
    pub(crate) page_limit: usize,
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
            page_limit: crate::PAGE_LIMIT,
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

    fn submit(&mut self, kind: Kind, domains: Vec<DomainItem>) -> &Job {
        self.settle();
        let id = self.next_job;
        self.next_job += 1;
        let mut job = Job::new(id, kind, domains);
        if let Some(secs) = self.job_created_at {
            job.created_at = clock::format_unix(secs);
        }
        self.jobs.entry(id).or_insert(job)
    }

    /// Batch.Domain.Create: with a value, each domain gets `www` and `@` A records.
    pub(crate) fn create_domains(&mut self, names: &[String], value: Option<Ipv4Addr>) -> &Job {
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
        self.submit(Kind::Domain, domains)
    }

    /// A domain job of generated names (`d00001.example`, ...), each with
    /// `records_per_domain` A records; names never repeat across calls.
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
        self.submit(Kind::Domain, items).id
    }

    /// Batch.Record.Create: every domain gets one record per (spec, host).
    pub(crate) fn create_records(&mut self, domain_ids: &[u64], specs: &[RecordSpec]) -> &Job {
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
        self.submit(Kind::RecordAdd, domains)
    }

    /// Batch.Record.Modify: records grouped by domain in order of first mention,
    /// unknown ids under one domain-less group.
    pub(crate) fn modify_records(
        &mut self,
        record_ids: &[u64],
        modification: Modification,
    ) -> &Job {
        let mut domains: Vec<DomainItem> = Vec::new();
        for &id in record_ids {
            let (domain_id, mut record) = match self.zone.record(id) {
                Some(live) => (Some(live.domain_id), live.clone()),
                None => (None, Record::new("", "", DEFAULT_LINE, "")),
            };
            record.id = id;
            // Shown as it will be once changed, as the vendor's echo does.
            modification.apply(&mut record);
            let item = RecordItem::waiting(record);
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
        self.submit(Kind::RecordModify(modification), domains)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::Status;
    use std::time::Duration;

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
        let job = state.modify_records(&[a1, 7, b1, a2], modification);
        let groups: Vec<(Option<u64>, usize)> = job
            .domains
            .iter()
            .map(|d| (d.domain_id, d.records.len()))
            .collect();
        assert_eq!(groups, [(Some(a), 2), (None, 1), (Some(b), 1)]);
        assert!(job.domains[0].records.iter().all(|r| r.record.ttl == 60));
    }
}
