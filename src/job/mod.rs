//! dpbatch's own job model, whichever API runs the job: what a submit asks for
//! ([`JobSpec`]), where a job stands ([`Job`], its domains and records as items), and the
//! count of its items by status ([`Tally`]). Tables, `--json`, the history and retries
//! read these; each backend turns its wire format into them.

use compact_str::CompactString;
use rust_i18n::t;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod compare;
mod plan;
mod record;
mod records;
mod spec;
mod step;

pub(crate) use compare::{
    RecordFields, host_key, same_host, same_line, same_type, same_value, same_weight, value_key,
};
pub(crate) use plan::{By, Part, Plan};
pub(crate) use record::Record;
pub(crate) use records::{AccountRecord, Before, Submitted};
pub(crate) use spec::{Change, ChangeField, DEFAULT_LINE, DEFAULT_TTL, RECORD_TYPES, RecordSpec};
pub(crate) use step::{Action, Step};

/// What one submit asks DNSPod to do.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum JobSpec {
    /// Add these domains; with `value`, also `@` and `www` A records pointing at it.
    DomainCreate {
        domains: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
    },
    /// Add every record spec to every domain.
    RecordCreate {
        domain_ids: Vec<u64>,
        records: Vec<RecordSpec>,
    },
    /// Change one field of these records.
    RecordModify {
        record_ids: Vec<u64>,
        change: Change,
    },
    /// Delete these records (what `record-delete` asks, and `undo` of a record-create):
    /// one batch job on API 3.0; the legacy API has no batch deletion (see
    /// `Backend::capabilities`) and deletes one record a call, in the domain `domain_ids`
    /// names at the same place.
    RecordDelete {
        record_ids: Vec<u64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        domain_ids: Vec<u64>,
    },
    /// Records created or modified whole, each with every field its step gives it (what
    /// `apply` sends where a batch action cannot say it all): one call a step, or, of
    /// modifies alone on API 3.0, one ModifyRecordBatchV3 job.
    RecordSteps { steps: Vec<Step> },
}

impl JobSpec {
    /// The subcommand that plans this kind of job from what the user asks, to name the
    /// kind in words the user typed. Not the command that made a given job: `undo` and
    /// `resume` submit every kind, so an operation's history lines record that apart.
    pub(crate) fn command(&self) -> &'static str {
        match self {
            JobSpec::DomainCreate { .. } => "domain-create",
            JobSpec::RecordCreate { .. } => "record-create",
            JobSpec::RecordModify { .. } => "record-modify",
            JobSpec::RecordDelete { .. } => "record-delete",
            JobSpec::RecordSteps { .. } => "apply",
        }
    }

    /// The kind of job this makes, as its detail should name it.
    pub(crate) fn kind(&self) -> JobKind {
        match self {
            JobSpec::DomainCreate { .. } => JobKind::DomainCreate,
            JobSpec::RecordCreate { .. } => JobKind::RecordCreate,
            JobSpec::RecordModify { .. } => JobKind::RecordModify,
            JobSpec::RecordDelete { .. } => JobKind::RecordDelete,
            // The only job it makes is a modify (ModifyRecordBatchV3).
            JobSpec::RecordSteps { .. } => JobKind::RecordModify,
        }
    }

    /// A few words on what is asked, for the `jobs` table.
    pub(crate) fn summary(&self) -> String {
        match self {
            JobSpec::DomainCreate { domains, value } => {
                let domains = counted(domains.len(), Noun::Domain);
                match value {
                    Some(ip) => t!("job.summary_domains_value", domains = domains, ip = ip),
                    None => domains,
                }
                .into_owned()
            }
            JobSpec::RecordCreate {
                domain_ids,
                records,
            } => t!(
                "job.summary_create",
                records = counted(records.len(), Noun::Spec),
                domains = counted(domain_ids.len(), Noun::Domain)
            )
            .into_owned(),
            JobSpec::RecordModify { record_ids, change } => t!(
                "job.summary_modify",
                field = change.field.name(),
                to = change.to,
                records = counted(record_ids.len(), Noun::Record)
            )
            .into_owned(),
            JobSpec::RecordDelete { record_ids, .. } => t!(
                "job.summary_delete",
                records = counted(record_ids.len(), Noun::Record)
            )
            .into_owned(),
            JobSpec::RecordSteps { steps } => steps_summary(steps),
        }
    }
}

impl JobSpec {
    /// A few words on what several jobs ask together: jobs of one kind merged (their
    /// domains or records added up), kinds apart joined by `; `.
    pub(crate) fn summary_of(specs: &[JobSpec]) -> String {
        let mut merged: Vec<JobSpec> = Vec::new();
        for spec in specs {
            match (merged.last_mut(), spec) {
                (
                    Some(JobSpec::DomainCreate { domains, value }),
                    JobSpec::DomainCreate {
                        domains: more,
                        value: same,
                    },
                ) if value == same => domains.extend_from_slice(more),
                (
                    Some(JobSpec::RecordModify { record_ids, change }),
                    JobSpec::RecordModify {
                        record_ids: more,
                        change: same,
                    },
                ) if change == same => record_ids.extend_from_slice(more),
                // Counted only: their domains need not follow.
                (
                    Some(JobSpec::RecordDelete { record_ids, .. }),
                    JobSpec::RecordDelete {
                        record_ids: more, ..
                    },
                ) => record_ids.extend_from_slice(more),
                (
                    Some(JobSpec::RecordCreate {
                        domain_ids,
                        records,
                    }),
                    JobSpec::RecordCreate {
                        domain_ids: more_ids,
                        records: more,
                    },
                ) => {
                    domain_ids.extend(
                        more_ids
                            .iter()
                            .filter(|id| !domain_ids.contains(id))
                            .collect::<Vec<_>>(),
                    );
                    records.extend(
                        more.iter()
                            .filter(|r| !records.contains(r))
                            .cloned()
                            .collect::<Vec<_>>(),
                    );
                }
                _ => merged.push(spec.clone()),
            }
        }
        merged
            .iter()
            .map(JobSpec::summary)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// `create 2 records, modify 1 record, delete 3 records`: each action the steps take,
/// counted; an action they do not take is left out.
fn steps_summary(steps: &[Step]) -> String {
    let actions = [Action::Create, Action::Modify, Action::Delete];
    let counted = actions.into_iter().filter_map(|action| {
        let n = steps.iter().filter(|s| s.action == action).count();
        (n > 0).then(|| {
            let records = counted(n, Noun::Record);
            t!("job.steps_part", action = action.word(), records = records).into_owned()
        })
    });
    counted.collect::<Vec<_>>().join(&t!("job.steps_separator"))
}

/// What a summary counts.
#[derive(Clone, Copy)]
enum Noun {
    Domain,
    Record,
    Spec,
}

/// `1 domain`, `3 records` in the user's language (`count` is the English of output/).
fn counted(n: usize, noun: Noun) -> std::borrow::Cow<'static, str> {
    match (noun, n == 1) {
        (Noun::Domain, true) => t!("job.count_domain", n = n),
        (Noun::Domain, false) => t!("job.count_domains", n = n),
        (Noun::Record, true) => t!("job.count_record", n = n),
        (Noun::Record, false) => t!("job.count_records", n = n),
        (Noun::Spec, true) => t!("job.count_spec", n = n),
        (Noun::Spec, false) => t!("job.count_specs", n = n),
    }
}

/// One record-create job per distinct set of specs, with every domain that has it (the
/// batch action applies every spec to every domain), so each job creates exactly the
/// records asked for.
/// Jobs come in the order their sets are first given (a records file's order), not sorted.
pub(crate) fn record_create_jobs<'s>(
    specs: impl IntoIterator<Item = (u64, Vec<&'s RecordSpec>)>,
) -> Vec<JobSpec> {
    let mut groups: Vec<(Vec<&RecordSpec>, Vec<u64>)> = Vec::new();
    let mut index: BTreeMap<Vec<&RecordSpec>, usize> = BTreeMap::new();
    for (domain_id, specs) in specs {
        let at = *index.entry(specs.clone()).or_insert_with(|| {
            groups.push((specs, Vec::new()));
            groups.len() - 1
        });
        groups[at].1.push(domain_id);
    }
    groups
        .into_iter()
        .map(|(records, domain_ids)| JobSpec::RecordCreate {
            domain_ids,
            records: records.into_iter().cloned().collect(),
        })
        .collect()
}

/// The kind of a job as its detail names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobKind {
    DomainCreate,
    RecordCreate,
    RecordModify,
    /// API 3.0's DeleteRecordBatch.
    RecordDelete,
}

impl JobKind {
    /// The word `--json` and the table show: the words DNSPod's job details use.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            JobKind::DomainCreate => "domain",
            JobKind::RecordCreate => "record_add",
            JobKind::RecordModify => "record_modify",
            JobKind::RecordDelete => "record_delete",
        }
    }
}

/// Where an item stands.
#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ItemStatus {
    Waiting,
    Running,
    Ok,
    Error,
}

/// A job as its detail shows it. The counters are the API's own, where it sent them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Job {
    pub kind: Option<JobKind>,
    pub created_at: Option<CompactString>,
    pub total: Option<u64>,
    pub success: Option<u64>,
    pub fail: Option<u64>,
    pub domains: Vec<DomainItem>,
}

/// A domain of a job; it is an item itself and holds the job's records for it. Its
/// fields serialise under the names `--json` documents.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct DomainItem {
    pub id: Option<u64>,
    pub domain: Option<CompactString>,
    pub domain_id: Option<u64>,
    pub domain_grade: Option<CompactString>,
    pub operation: Option<CompactString>,
    pub status: ItemStatus,
    pub err_msg: Option<CompactString>,
    pub records: Vec<RecordItem>,
}

/// A record of a job.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub(crate) struct RecordItem {
    pub id: Option<u64>,
    pub record_id: Option<u64>,
    #[serde(rename = "sub_domain")]
    pub host: Option<CompactString>,
    pub record_type: Option<CompactString>,
    /// The resolution line.
    #[serde(rename = "area")]
    pub line: Option<CompactString>,
    pub value: Option<CompactString>,
    pub ttl: Option<u64>,
    pub mx: Option<u64>,
    pub operation: Option<CompactString>,
    pub status: ItemStatus,
    pub err_msg: Option<CompactString>,
}

/// Counts of a job's items by status; every domain and every record is one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub total: u64,
    pub ok: u64,
    pub failed: u64,
    pub waiting: u64,
    pub running: u64,
}

impl Tally {
    pub(crate) fn finished(&self) -> bool {
        self.waiting == 0 && self.running == 0
    }

    pub(crate) fn done(&self) -> u64 {
        self.ok + self.failed
    }

    /// The items of two jobs counted together.
    pub(crate) fn plus(self, other: Tally) -> Tally {
        Tally {
            total: self.total + other.total,
            ok: self.ok + other.ok,
            failed: self.failed + other.failed,
            waiting: self.waiting + other.waiting,
            running: self.running + other.running,
        }
    }

    fn add(&mut self, status: ItemStatus) {
        self.total += 1;
        match status {
            ItemStatus::Waiting => self.waiting += 1,
            ItemStatus::Running => self.running += 1,
            ItemStatus::Ok => self.ok += 1,
            ItemStatus::Error => self.failed += 1,
        }
    }
}

impl Job {
    pub(crate) fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for domain in &self.domains {
            tally.add(domain.status);
            for record in &domain.records {
                tally.add(record.status);
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests;
