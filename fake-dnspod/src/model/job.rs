//! Batch jobs: how far they have got ([`Progress`]), what they count against the job
//! limits, and what each item (`item.rs`) does to the account when it turns final.

use std::time::{Duration, Instant};

use super::change::Edit;
use super::item::{DomainItem, RecordItem, Status};
use super::rules;
use super::zone::{Failure, Record, Zone, doomed, host};
use crate::clock;

/// How a job moves from `waiting` to final.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Counted in Batch.Detail polls of the job: the first `waiting` show every item
    /// waiting, the next `running` show a growing prefix final and the next item running,
    /// every later poll shows all items final.
    PerPoll { waiting: u32, running: u32 },
    /// Items turn final gradually, all of them this long after submission.
    Elapsed(Duration),
}

pub(crate) enum Kind {
    Domain,
    RecordAdd,
    /// Batch.Record.Modify, ModifyRecordBatch: one field of every record.
    RecordModify,
    /// API 3.0's ModifyRecordBatchV3: each record its own fields.
    RecordEdit,
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
        Kind::RecordAdd | Kind::RecordModify | Kind::RecordEdit | Kind::RecordDelete => records,
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
            if doomed(first_label) {
                Status::Error(Failure::OnRequest)
            } else if zone.has_domain_named(&domain.name) {
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
        Kind::RecordModify | Kind::RecordEdit | Kind::RecordDelete => match domain.domain_id {
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
    if let Some(edit) = &item.edit {
        return match modified(zone, item.record.id, edit) {
            Ok(record) => {
                item.record = record;
                Status::Ok
            }
            Err(failure) => Status::Error(failure),
        };
    }
    if let Kind::RecordDelete = kind {
        // Removed already (by an earlier job or Record.Remove) is no such record.
        return match zone.remove_user_record(item.record.id) {
            Ok(_) => Status::Ok,
            Err(failure) => Status::Error(failure),
        };
    }
    let Some(domain_id) = domain_id else {
        return Status::Error(Failure::NoSuchDomain);
    };
    item.record.domain_id = domain_id;
    if matches!(kind, Kind::RecordAdd) {
        if doomed(&item.record.sub_domain) {
            return Status::Error(Failure::OnRequest);
        }
        if let Err(failure) = rules::check(zone, &item.record, None) {
            return Status::Error(failure);
        }
    }
    let mut record = item.record.clone();
    record.sub_domain = host(&record.sub_domain).to_string();
    item.record.id = zone.add_record(record);
    Status::Ok
}

/// The record `id` changed as `edit` says, if the rules allow it: stored and returned.
fn modified(zone: &mut Zone, id: u64, edit: &Edit) -> Result<Record, Failure> {
    let mut record = zone.user_record(id)?.clone();
    edit.apply(&mut record);
    rules::check(zone, &record, Some(id))?;
    let live = zone.user_record_mut(id)?;
    *live = record;
    Ok(live.clone())
}

#[cfg(test)]
mod tests;
