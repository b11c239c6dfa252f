//! Cutting an operation into jobs the vendor accepts: at most `job_size` records each, in
//! input order, never changing what is created or changed. What a job may hold is the
//! API's to say ([`Capabilities`], from `Backend::capabilities`).

use crate::error::usage;
use crate::job::{Action, By, JobSpec, RecordSpec};
use rust_i18n::t;
use std::borrow::Borrow;

/// What an API does as batch jobs: the cut follows it, and `resume` checks a stored plan
/// against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Capabilities {
    /// The most records one job takes (`InvalidParameter.JobGreaterThanLimit`).
    pub job_records: usize,
    /// The most records one deletion job takes; `None` where the API has no deletion job
    /// and deletes one record a call.
    pub delete_job_records: Option<usize>,
    /// The most batch jobs one source IP may submit in an hour.
    pub jobs_per_hour: usize,
    /// Whether records are modified whole, each its own fields, in jobs (API 3.0's
    /// ModifyRecordBatchV3); else one call a record.
    pub modify_whole_jobs: bool,
    /// The single-record calls (a record created, modified or removed) paced a second.
    pub calls_per_second: usize,
}

impl Capabilities {
    /// How a part of `spec`'s kind is sent: a job, or one call a record where the API has
    /// no job for it.
    pub(crate) fn by(&self, spec: &JobSpec) -> By {
        match (spec, self.delete_job_records) {
            (JobSpec::RecordDelete { .. }, None) => By::Calls,
            // Only modifies go in a job (ModifyRecordBatchV3), where the API has one.
            (JobSpec::RecordSteps { steps }, _)
                if !self.modify_whole_jobs || steps.iter().any(|s| s.action != Action::Modify) =>
            {
                By::Calls
            }
            _ => By::Job,
        }
    }

    /// The most records a job of `spec`'s kind takes, whatever `--job-size` says.
    pub(crate) fn job_limit(&self, spec: &JobSpec) -> usize {
        match spec {
            JobSpec::RecordDelete { .. } => self.delete_job_records.unwrap_or(self.job_records),
            _ => self.job_records,
        }
    }
}

/// Records a domain of `domain-create` counts for: itself, and its `@` and `www` A
/// records when it gets a value.
fn domain_weight(value: Option<&String>) -> usize {
    if value.is_some() { 3 } else { 1 }
}

/// Records one record spec adds to each domain: one per host of its comma-separated list.
fn hosts(spec: &RecordSpec) -> usize {
    spec.host.split(',').count()
}

/// Records these specs add to each domain.
pub(crate) fn records_per_domain<'a>(specs: impl IntoIterator<Item = &'a RecordSpec>) -> usize {
    specs.into_iter().map(hosts).sum()
}

/// How many records a job counts for, the way the vendor's job limit counts them.
pub(crate) fn size(spec: &JobSpec) -> usize {
    match spec {
        JobSpec::DomainCreate { domains, value } => domains.len() * domain_weight(value.as_ref()),
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => domain_ids.len() * records.iter().map(hosts).sum::<usize>(),
        JobSpec::RecordModify { record_ids, .. } | JobSpec::RecordDelete { record_ids, .. } => {
            record_ids.len()
        }
        JobSpec::RecordSteps { steps } => steps.len(),
    }
}

/// Every spec cut into jobs of at most `job_size` records, in order, each with the index
/// of the spec it came from; refused (exit 2) when no job could be that small, or when
/// the jobs would pass the hourly limit.
pub(crate) fn split<S: Borrow<JobSpec>>(
    specs: &[S],
    job_size: usize,
    api: &Capabilities,
) -> anyhow::Result<Vec<(usize, JobSpec)>> {
    let specs: Vec<&JobSpec> = specs.iter().map(Borrow::borrow).collect();
    // Counted before any job is built: a million records past the limit are refused
    // without being copied into 200 jobs first.
    let counted = specs.iter().filter(|&&spec| api.by(spec) == By::Job);
    let jobs = counted.map(|spec| jobs_needed(spec, job_size, api));
    if total(jobs).is_some_and(|jobs| jobs > api.jobs_per_hour) {
        return Err(past_the_hour(&specs, job_size, api));
    }
    let mut parts = Vec::new();
    for (from, spec) in specs.iter().enumerate() {
        parts.extend(
            split_one(spec, job_size, api)?
                .into_iter()
                .map(|part| (from, part)),
        );
        // A part's kind may differ from its spec's (a chunk of steps all modifies).
        let jobs = parts.iter().filter(|(_, part)| api.by(part) == By::Job);
        if jobs.count() > api.jobs_per_hour {
            return Err(past_the_hour(&specs, job_size, api));
        }
    }
    Ok(parts)
}

/// The refusal of `specs`, whose jobs pass the hourly limit at `job_size`.
fn past_the_hour(specs: &[&JobSpec], job_size: usize, api: &Capabilities) -> anyhow::Error {
    let needed = specs
        .iter()
        .filter_map(|s| jobs_needed(s, job_size, api))
        .sum();
    let at = |size| total(specs.iter().map(|spec| jobs_needed(spec, size, api)));
    too_many_jobs(needed, job_size, api, at)
}

/// Refuses record-create work past the hourly limit before its jobs are built: `groups`
/// holds, for each distinct set of records, the domains that get it and the records it
/// adds to each.
pub(crate) fn check_record_create(
    groups: &[(usize, usize)],
    job_size: usize,
    api: &Capabilities,
) -> anyhow::Result<()> {
    let at = |size| {
        let jobs = groups.iter();
        total(
            jobs.map(|&(domains, per_domain)| Some(record_create_jobs(domains, per_domain, size))),
        )
    };
    match at(job_size) {
        Some(needed) if needed > api.jobs_per_hour => Err(too_many_jobs(needed, job_size, api, at)),
        _ => Ok(()),
    }
}

/// The sum of the jobs, `None` when one cannot be made or the sum overflows.
fn total(mut jobs: impl Iterator<Item = Option<usize>>) -> Option<usize> {
    jobs.try_fold(0usize, |sum, jobs| sum.checked_add(jobs?))
}

/// One spec cut into jobs of at most `job_size` records.
pub(crate) fn split_one(
    spec: &JobSpec,
    job_size: usize,
    api: &Capabilities,
) -> anyhow::Result<Vec<JobSpec>> {
    Ok(match spec {
        JobSpec::DomainCreate { domains, value } => {
            let weight = domain_weight(value.as_ref());
            if weight > job_size {
                return Err(usage(t!(
                    "split.domain_weight",
                    job_size = job_size,
                    weight = weight
                )));
            }
            domains
                .chunks(job_size / weight)
                .map(|chunk| JobSpec::DomainCreate {
                    domains: chunk.to_vec(),
                    value: value.clone(),
                })
                .collect()
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => split_record_create(domain_ids, records, job_size),
        JobSpec::RecordModify { record_ids, change } => record_ids
            .chunks(job_size)
            .map(|chunk| JobSpec::RecordModify {
                record_ids: chunk.to_vec(),
                change: change.clone(),
            })
            .collect(),
        JobSpec::RecordDelete {
            record_ids,
            domain_ids,
        } => {
            let per_job = job_size.min(api.job_limit(spec)).max(1);
            (0..record_ids.len())
                .step_by(per_job)
                .map(|at| {
                    let end = (at + per_job).min(record_ids.len());
                    JobSpec::RecordDelete {
                        record_ids: record_ids[at..end].to_vec(),
                        domain_ids: domain_ids.get(at..end).unwrap_or_default().to_vec(),
                    }
                })
                .collect()
        }
        JobSpec::RecordSteps { steps } => steps
            .chunks(job_size)
            .map(|chunk| JobSpec::RecordSteps {
                steps: chunk.to_vec(),
            })
            .collect(),
    })
}

/// Domains share a job while all their records fit; a domain with more records than fit
/// in one job gets its records over several, one host per spec. Every domain still gets
/// every record, once.
fn split_record_create(
    domain_ids: &[u64],
    records: &[RecordSpec],
    job_size: usize,
) -> Vec<JobSpec> {
    let per_domain: usize = records.iter().map(hosts).sum();
    if per_domain <= job_size {
        return domain_ids
            .chunks(job_size / per_domain.max(1))
            .map(|chunk| JobSpec::RecordCreate {
                domain_ids: chunk.to_vec(),
                records: records.to_vec(),
            })
            .collect();
    }
    domain_ids
        .iter()
        .flat_map(|&id| {
            // Each record copied once, straight into its job.
            let mut single_host = records.iter().flat_map(|spec| {
                spec.host.split(',').map(|host| RecordSpec {
                    host: host.to_owned(),
                    ..spec.clone()
                })
            });
            std::iter::from_fn(move || {
                let chunk: Vec<RecordSpec> = single_host.by_ref().take(job_size).collect();
                (!chunk.is_empty()).then(|| JobSpec::RecordCreate {
                    domain_ids: vec![id],
                    records: chunk,
                })
            })
        })
        .collect()
}

/// How many jobs `split_one` makes of `spec` at `job_size`, without making them; `None`
/// when it cannot.
fn jobs_needed(spec: &JobSpec, job_size: usize, api: &Capabilities) -> Option<usize> {
    match spec {
        JobSpec::DomainCreate { domains, value } => {
            let per_job = job_size / domain_weight(value.as_ref());
            (per_job > 0).then(|| domains.len().div_ceil(per_job))
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => Some(record_create_jobs(
            domain_ids.len(),
            records_per_domain(records),
            job_size,
        )),
        JobSpec::RecordModify { record_ids, .. } => Some(record_ids.len().div_ceil(job_size)),
        JobSpec::RecordSteps { steps } => Some(steps.len().div_ceil(job_size)),
        JobSpec::RecordDelete { record_ids, .. } => {
            Some(record_ids.len().div_ceil(job_size.min(api.job_limit(spec))))
        }
    }
}

/// How many jobs `split_record_create` makes for `domains` domains that each get
/// `per_domain` records.
fn record_create_jobs(domains: usize, per_domain: usize, job_size: usize) -> usize {
    if per_domain <= job_size {
        domains.div_ceil(job_size / per_domain.max(1))
    } else {
        domains.saturating_mul(per_domain.div_ceil(job_size))
    }
}

/// The refusal of an operation that needs `jobs` jobs at `job_size`, more than an hour
/// allows, with the smallest job size that fits if there is one. `at` counts the jobs at
/// a size; fewer never come of a smaller size, so the search halves.
fn too_many_jobs(
    jobs: usize,
    job_size: usize,
    api: &Capabilities,
    at: impl Fn(usize) -> Option<usize>,
) -> anyhow::Error {
    let (most, per_hour) = (api.job_records, api.jobs_per_hour);
    let fits = |size: usize| at(size).is_some_and(|total| total <= per_hour);
    let larger: Vec<usize> = (job_size + 1..=most).collect();
    let first = larger.partition_point(|&size| !fits(size));
    let fits = larger.get(first);
    let advice = match fits {
        Some(size) => t!("split.use_larger", size = size),
        None => t!("split.split_input", most = most),
    };
    usage(t!(
        "split.over_hourly_limit",
        jobs = jobs,
        job_size = job_size,
        per_hour = per_hour,
        advice = advice
    ))
}

#[cfg(test)]
mod tests;
