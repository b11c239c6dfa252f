//! Batch jobs: their items, how far they have got, and what each item does to the account
//! when it turns final.

use std::time::Instant;

use crate::Progress;
use crate::clock;
use crate::text::Failure;
use crate::zone::{Record, Zone, doomed, host};

/// An item's state; items only move forward, and `Ok`/`Error` are final.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Waiting,
    Running,
    Ok,
    Error(Failure),
}

impl Status {
    fn is_final(self) -> bool {
        matches!(self, Status::Ok | Status::Error(_))
    }
}

/// One record line of a job: what it will write, and how far it got.
#[derive(Clone)]
pub(crate) struct RecordItem {
    /// `id` is the record's once it exists (0 before); `domain_id` is set on creation.
    pub(crate) record: Record,
    pub(crate) status: Status,
    /// Of a record-modify job, the record as it was when the job was submitted: what the
    /// submit's answer echoes.
    pub(crate) before: Option<Record>,
}

impl RecordItem {
    pub(crate) fn waiting(record: Record) -> RecordItem {
        RecordItem {
            record,
            status: Status::Waiting,
            before: None,
        }
    }

    /// The record as a submit's echo shows it: as it was before a change.
    pub(crate) fn echoed(&self) -> &Record {
        self.before.as_ref().unwrap_or(&self.record)
    }

    /// The record's id, once it names one.
    pub(crate) fn record_id(&self) -> Option<u64> {
        (self.record.id != 0).then_some(self.record.id)
    }
}

/// One domain line of a job, with its records.
pub(crate) struct DomainItem {
    /// Empty when the job names no known domain.
    pub(crate) name: String,
    /// Known from the start for record jobs, set on creation for domain jobs.
    pub(crate) domain_id: Option<u64>,
    pub(crate) status: Status,
    pub(crate) records: Vec<RecordItem>,
}

impl DomainItem {
    pub(crate) fn waiting(name: &str, domain_id: Option<u64>, records: Vec<RecordItem>) -> Self {
        DomainItem {
            name: name.to_string(),
            domain_id,
            status: Status::Waiting,
            records,
        }
    }
}

/// What a Batch.Record.Modify job changes on each of its records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    SubDomain(String),
    RecordType(String),
    Area(String),
    Value(String),
    Mx(u16),
    Ttl(u32),
    Status(bool),
}

/// Why a change could not be read: its name, or its new value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BadChange {
    Name,
    Value,
}

impl Change {
    /// The change named `name` (`sub_domain`, `ttl`, ...) to the value `to`.
    pub(crate) fn parse(name: &str, to: &str) -> Result<Change, BadChange> {
        fn number<T: std::str::FromStr>(to: &str) -> Result<T, BadChange> {
            to.trim().parse().map_err(|_| BadChange::Value)
        }
        Ok(match name.trim() {
            "sub_domain" => Change::SubDomain(to.to_string()),
            "record_type" => Change::RecordType(to.to_ascii_uppercase()),
            "area" => Change::Area(to.to_string()),
            "value" => Change::Value(to.to_string()),
            "mx" => Change::Mx(number(to)?),
            "ttl" => Change::Ttl(number(to)?),
            // The vendor's two copies of its page disagree on the pause value; take both.
            "status" => Change::Status(match to {
                "enable" | "enabled" => true,
                "disable" | "disabled" => false,
                _ => return Err(BadChange::Value),
            }),
            _ => return Err(BadChange::Name),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Modification {
    pub(crate) change: Change,
    /// The new value sent along with a type change.
    pub(crate) value: Option<String>,
    /// The priority sent along when the change makes MX records.
    pub(crate) mx: Option<u16>,
}

impl Modification {
    pub(crate) fn apply(&self, record: &mut Record) {
        if let Some(value) = &self.value {
            record.value.clone_from(value);
        }
        if self.mx.is_some() {
            record.mx = self.mx;
        }
        match &self.change {
            Change::SubDomain(sub) => record.sub_domain.clone_from(sub),
            Change::RecordType(record_type) => record.record_type.clone_from(record_type),
            Change::Area(line) => record.line.clone_from(line),
            Change::Value(value) => record.value.clone_from(value),
            Change::Mx(mx) => record.mx = Some(*mx),
            Change::Ttl(ttl) => record.ttl = *ttl,
            Change::Status(enabled) => record.enabled = *enabled,
        }
    }
}

pub(crate) enum Kind {
    Domain,
    RecordAdd,
    RecordModify(Modification),
    /// API 3.0's DeleteRecordBatch; the legacy API has no twin, but Batch.Detail shows it.
    RecordDelete,
}

/// What a job counts against the vendor's records-a-job limit, as the SPEC counts it: a
/// domain of a domain job is 1 plus the records it adds; a record job counts its records
/// (domains x records to create, record ids to change or delete).
pub(crate) fn weight(kind: &Kind, domains: &[DomainItem]) -> usize {
    let records: usize = domains.iter().map(|domain| domain.records.len()).sum();
    match kind {
        Kind::Domain => domains.len() + records,
        Kind::RecordAdd | Kind::RecordModify(_) | Kind::RecordDelete => records,
    }
}

pub(crate) struct Job {
    pub(crate) id: u64,
    pub(crate) kind: Kind,
    pub(crate) created_at: String,
    pub(crate) domains: Vec<DomainItem>,
    submitted: Instant,
    polls: u32,
    /// Items final so far; they form a prefix, each domain before its records.
    done: usize,
    total: usize,
}

impl Job {
    pub(crate) fn new(id: u64, kind: Kind, domains: Vec<DomainItem>) -> Job {
        let total = domains.iter().map(|domain| 1 + domain.records.len()).sum();
        Job {
            id,
            kind,
            created_at: clock::now(),
            domains,
            submitted: Instant::now(),
            polls: 0,
            done: 0,
            total,
        }
    }

    /// Every item's status, each domain followed by its records.
    pub(crate) fn statuses(&self) -> impl Iterator<Item = Status> {
        self.domains.iter().flat_map(|domain| {
            std::iter::once(domain.status).chain(domain.records.iter().map(|r| r.status))
        })
    }

    /// (total, success, fail), every domain and every record counting as one item.
    pub(crate) fn counts(&self) -> (usize, usize, usize) {
        let (mut ok, mut failed) = (0, 0);
        for status in self.statuses() {
            match status {
                Status::Ok => ok += 1,
                Status::Error(_) => failed += 1,
                Status::Waiting | Status::Running => {}
            }
        }
        (self.total, ok, failed)
    }

    pub(crate) fn is_finished(&self) -> bool {
        self.done == self.total
    }

    /// Adds a final record item under the domain `domain_id` (a new `ok` domain item if
    /// the job has none), counted as the job's own: what a falsified detail lists. Only
    /// for a finished job, so that no later progress acts on it.
    pub(crate) fn list_also(&mut self, domain: &str, domain_id: u64, item: RecordItem) {
        match self
            .domains
            .iter_mut()
            .find(|d| d.domain_id == Some(domain_id) && d.name == domain)
        {
            Some(group) => group.records.push(item),
            None => {
                let mut group = DomainItem::waiting(domain, Some(domain_id), vec![item]);
                group.status = Status::Ok;
                self.domains.push(group);
                self.total += 1;
            }
        }
        self.total += 1;
        self.done = self.total;
    }

    pub(crate) fn count_poll(&mut self) {
        self.polls = self.polls.saturating_add(1);
    }

    /// Brings the job to where its progress says.
    pub(crate) fn settle(&mut self, progress: Progress, zone: &mut Zone) {
        if self.done < self.total {
            let (done, running) = self.target(progress);
            self.advance(done, running, zone);
        }
    }

    pub(crate) fn finish(&mut self, zone: &mut Zone) {
        self.advance(self.total, false, zone);
    }

    /// How many items should be final now, and whether the next one shows as running.
    fn target(&self, progress: Progress) -> (usize, bool) {
        let total = self.total;
        match progress {
            Progress::PerPoll { waiting, running } => {
                if self.polls <= waiting {
                    (0, false)
                } else if self.polls <= waiting.saturating_add(running) {
                    // A growing share of the items, never all of them.
                    let step = (self.polls - waiting) as usize;
                    (total * step / (running as usize + 1), true)
                } else {
                    (total, false)
                }
            }
            Progress::Elapsed(duration) => {
                let elapsed = self.submitted.elapsed();
                if elapsed >= duration {
                    (total, false)
                } else {
                    let share = total as u128 * elapsed.as_nanos() / duration.as_nanos();
                    (share as usize, true)
                }
            }
        }
    }

    /// Makes the first `done` items final, in order and with their effects, and marks
    /// the next one running if asked. Never moves an item back.
    fn advance(&mut self, done: usize, running: bool, zone: &mut Zone) {
        let done = done.clamp(self.done, self.total);
        self.done = done;
        let mut index = 0;
        for domain in &mut self.domains {
            if index > done {
                break;
            }
            if index < done && !domain.status.is_final() {
                domain.status = finish_domain(&self.kind, domain, zone);
            } else if index == done && running {
                domain.status = Status::Running;
            }
            index += 1;
            for item in &mut domain.records {
                if index < done && !item.status.is_final() {
                    item.status =
                        finish_record(&self.kind, domain.status, domain.domain_id, item, zone);
                } else if index == done && running {
                    item.status = Status::Running;
                }
                index += 1;
            }
        }
    }
}

fn finish_domain(kind: &Kind, domain: &mut DomainItem, zone: &mut Zone) -> Status {
    match kind {
        Kind::Domain => {
            let first_label = domain.name.split('.').next().unwrap_or_default();
            if zone.has_domain_named(&domain.name) || doomed(first_label) {
                Status::Error(Failure::DomainExists)
            } else {
                domain.domain_id = Some(zone.add_domain(&domain.name));
                Status::Ok
            }
        }
        Kind::RecordAdd => match domain.domain_id.and_then(|id| zone.domain(id)) {
            Some(_) => Status::Ok,
            None => Status::Error(Failure::NoSuchDomain),
        },
        // The group of unknown record ids has no domain.
        Kind::RecordModify(_) | Kind::RecordDelete => match domain.domain_id {
            Some(_) => Status::Ok,
            None => Status::Error(Failure::NoSuchRecord),
        },
    }
}

fn finish_record(
    kind: &Kind,
    parent: Status,
    domain_id: Option<u64>,
    item: &mut RecordItem,
    zone: &mut Zone,
) -> Status {
    // A failed domain takes its records down with the same message.
    if let Status::Error(failure) = parent {
        return Status::Error(failure);
    }
    let system = zone.record(item.record.id).is_some_and(|r| r.system);
    if system && matches!(kind, Kind::RecordModify(_) | Kind::RecordDelete) {
        return Status::Error(Failure::SystemRecord);
    }
    if let Kind::RecordModify(modification) = kind {
        return match zone.record_mut(item.record.id) {
            Some(live) => {
                modification.apply(live);
                item.record = live.clone();
                Status::Ok
            }
            None => Status::Error(Failure::NoSuchRecord),
        };
    }
    if let Kind::RecordDelete = kind {
        // Removed already (by an earlier job or Record.Remove) is no such record.
        return match zone.remove_record(item.record.id) {
            Some(_) => Status::Ok,
            None => Status::Error(Failure::NoSuchRecord),
        };
    }
    let Some(domain_id) = domain_id else {
        return Status::Error(Failure::NoSuchDomain);
    };
    item.record.domain_id = domain_id;
    let refused = matches!(kind, Kind::RecordAdd)
        && (doomed(&item.record.sub_domain) || zone.has_twin(&item.record));
    if refused {
        return Status::Error(Failure::RecordExists);
    }
    let mut record = item.record.clone();
    record.sub_domain = host(&record.sub_domain).to_string();
    item.record.id = zone.add_record(record);
    Status::Ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::DEFAULT_LINE;
    use std::time::Duration;

    /// Two domains of two records each: six items.
    fn job() -> Job {
        let domain = |name: &str| {
            let records = ["www", "@"]
                .map(|sub| RecordItem::waiting(Record::new(sub, "A", DEFAULT_LINE, "192.0.2.1")));
            DomainItem::waiting(name, None, records.into())
        };
        Job::new(1, Kind::Domain, vec![domain("a.cn"), domain("b.cn")])
    }

    fn polled(job: &mut Job, progress: Progress, zone: &mut Zone) -> Vec<Status> {
        job.count_poll();
        job.settle(progress, zone);
        job.statuses().collect()
    }

    #[test]
    fn per_poll_progress_waits_then_runs_then_finishes() {
        use Status::{Ok, Running, Waiting};
        let (mut job, mut zone) = (job(), Zone::new());
        let progress = Progress::PerPoll {
            waiting: 1,
            running: 2,
        };
        assert_eq!(polled(&mut job, progress, &mut zone), [Waiting; 6]);
        assert_eq!(
            polled(&mut job, progress, &mut zone),
            [Ok, Ok, Running, Waiting, Waiting, Waiting]
        );
        assert_eq!(
            polled(&mut job, progress, &mut zone),
            [Ok, Ok, Ok, Ok, Running, Waiting]
        );
        assert_eq!(polled(&mut job, progress, &mut zone), [Ok; 6]);
        let made = zone.records().filter(|r| !r.system).count();
        // Each domain also has DNSPod's two NS records.
        assert_eq!(
            (zone.domains().count(), made, zone.records().count()),
            (2, 4, 8)
        );
    }

    #[test]
    fn elapsed_progress_follows_the_clock() {
        let (mut job, mut zone) = (job(), Zone::new());
        let hour = Progress::Elapsed(Duration::from_secs(3600));
        let seen = polled(&mut job, hour, &mut zone);
        assert_eq!(seen[..2], [Status::Running, Status::Waiting]);
        let now = Progress::Elapsed(Duration::ZERO);
        assert_eq!(polled(&mut job, now, &mut zone), [Status::Ok; 6]);
    }

    #[test]
    fn finished_items_stay_finished() {
        let (mut job, mut zone) = (job(), Zone::new());
        job.finish(&mut zone);
        job.settle(
            Progress::PerPoll {
                waiting: 9,
                running: 9,
            },
            &mut zone,
        );
        assert_eq!(job.counts(), (6, 6, 0));
    }
}
