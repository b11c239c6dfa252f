//! Cutting an operation into jobs the vendor accepts: at most `job_size` records each, in
//! input order, never changing what is created or changed.

use crate::error::usage;
use crate::input::records::RecordSpec;
use crate::job::JobSpec;

/// The most records DNSPod takes in one job (`InvalidParameter.JobGreaterThanLimit`).
pub(crate) const MAX_JOB_SIZE: usize = 5000;
/// The most records one DeleteRecordBatch job takes, whatever `--job-size` says: the
/// vendor recommends at most 2000 a deletion job "because of storage limits", below the
/// 5000 of every other job.
pub(crate) const MAX_DELETE_JOB_SIZE: usize = 2000;
/// The most batch jobs one source IP may submit in an hour.
pub(crate) const MAX_JOBS_PER_HOUR: usize = 80;

/// Records a domain of `domain-create` counts for: itself, and its `@` and `www` A
/// records when it gets a value.
fn domain_weight(value: Option<&String>) -> usize {
    if value.is_some() { 3 } else { 1 }
}

/// Records one record spec adds to each domain: one per host of its comma-separated list.
fn hosts(spec: &RecordSpec) -> usize {
    spec.sub_domain.split(',').count()
}

/// How many records a job counts for, the way the vendor's job limit counts them.
pub(crate) fn size(spec: &JobSpec) -> usize {
    match spec {
        JobSpec::DomainCreate { domains, value } => domains.len() * domain_weight(value.as_ref()),
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => domain_ids.len() * records.iter().map(hosts).sum::<usize>(),
        JobSpec::RecordModify { record_ids, .. } | JobSpec::RecordDelete { record_ids } => {
            record_ids.len()
        }
    }
}

/// Every spec cut into jobs of at most `job_size` records, in order, each with the index
/// of the spec it came from; refused (exit 2) when no job could be that small, or when
/// the jobs would pass the hourly limit.
pub(crate) fn split(specs: &[JobSpec], job_size: usize) -> anyhow::Result<Vec<(usize, JobSpec)>> {
    let mut parts = Vec::new();
    for (from, spec) in specs.iter().enumerate() {
        parts.extend(
            split_one(spec, job_size)?
                .into_iter()
                .map(|part| (from, part)),
        );
        if parts.len() > MAX_JOBS_PER_HOUR {
            let needed = specs.iter().filter_map(|s| jobs_needed(s, job_size)).sum();
            return Err(too_many_jobs(specs, needed, job_size));
        }
    }
    Ok(parts)
}

fn split_one(spec: &JobSpec, job_size: usize) -> anyhow::Result<Vec<JobSpec>> {
    Ok(match spec {
        JobSpec::DomainCreate { domains, value } => {
            let weight = domain_weight(value.as_ref());
            if weight > job_size {
                return Err(usage(format!(
                    "--job-size {job_size}: a domain created with --value counts {weight} records (itself, @ and www); use --job-size {weight} or more"
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
        JobSpec::RecordDelete { record_ids } => record_ids
            .chunks(job_size.min(MAX_DELETE_JOB_SIZE))
            .map(|chunk| JobSpec::RecordDelete {
                record_ids: chunk.to_vec(),
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
    let single_host: Vec<RecordSpec> = records
        .iter()
        .flat_map(|spec| {
            spec.sub_domain.split(',').map(|host| RecordSpec {
                sub_domain: host.to_owned(),
                ..spec.clone()
            })
        })
        .collect();
    domain_ids
        .iter()
        .flat_map(|id| {
            single_host
                .chunks(job_size)
                .map(|chunk| JobSpec::RecordCreate {
                    domain_ids: vec![*id],
                    records: chunk.to_vec(),
                })
        })
        .collect()
}

/// How many jobs `split_one` makes of `spec` at `job_size`, without making them; `None`
/// when it cannot.
fn jobs_needed(spec: &JobSpec, job_size: usize) -> Option<usize> {
    match spec {
        JobSpec::DomainCreate { domains, value } => {
            let per_job = job_size / domain_weight(value.as_ref());
            (per_job > 0).then(|| domains.len().div_ceil(per_job))
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => {
            let per_domain: usize = records.iter().map(hosts).sum();
            Some(if per_domain <= job_size {
                domain_ids.len().div_ceil(job_size / per_domain.max(1))
            } else {
                domain_ids.len() * per_domain.div_ceil(job_size)
            })
        }
        JobSpec::RecordModify { record_ids, .. } => Some(record_ids.len().div_ceil(job_size)),
        JobSpec::RecordDelete { record_ids } => {
            Some(record_ids.len().div_ceil(job_size.min(MAX_DELETE_JOB_SIZE)))
        }
    }
}

/// The refusal of an operation that needs more jobs than an hour allows, with a job size
/// that fits if there is one.
fn too_many_jobs(specs: &[JobSpec], jobs: usize, job_size: usize) -> anyhow::Error {
    let fits = (job_size + 1..=MAX_JOB_SIZE).find(|size| {
        specs
            .iter()
            .map(|spec| jobs_needed(spec, *size).unwrap_or(usize::MAX))
            .try_fold(0usize, usize::checked_add)
            .is_some_and(|total| total <= MAX_JOBS_PER_HOUR)
    });
    let advice = match fits {
        Some(size) => format!("use --job-size {size} or more"),
        None => format!(
            "even jobs of {MAX_JOB_SIZE} records would be more; split the input into runs an hour apart"
        ),
    };
    usage(format!(
        "this operation needs {jobs} jobs of at most {job_size} records, and DNSPod takes at most {MAX_JOBS_PER_HOUR} batch jobs an hour from one IP address: {advice}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::records::{Change, ChangeField};

    fn record(hosts: &str) -> RecordSpec {
        RecordSpec {
            sub_domain: hosts.into(),
            record_type: "A".into(),
            record_line: "默认".into(),
            value: "1.2.3.4".into(),
            ttl: 600,
            mx: None,
        }
    }

    fn modify(ids: std::ops::Range<u64>) -> JobSpec {
        JobSpec::RecordModify {
            record_ids: ids.collect(),
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        }
    }

    fn split(specs: &[JobSpec], job_size: usize) -> anyhow::Result<Vec<JobSpec>> {
        Ok(super::split(specs, job_size)?
            .into_iter()
            .map(|(_, spec)| spec)
            .collect())
    }

    /// What a list of record-create jobs creates, as (domain, host) pairs in order.
    fn created(parts: &[JobSpec]) -> Vec<(u64, String)> {
        parts
            .iter()
            .flat_map(|part| match part {
                JobSpec::RecordCreate {
                    domain_ids,
                    records,
                } => domain_ids
                    .iter()
                    .flat_map(|id| {
                        records.iter().flat_map(move |r| {
                            r.sub_domain.split(',').map(move |h| (*id, h.to_owned()))
                        })
                    })
                    .collect::<Vec<_>>(),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn sizes_count_as_the_vendor_counts() {
        let domains = |value: Option<&str>| JobSpec::DomainCreate {
            domains: vec!["a.cn".into(), "b.cn".into()],
            value: value.map(str::to_owned),
        };
        assert_eq!(size(&domains(None)), 2);
        assert_eq!(size(&domains(Some("1.2.3.4"))), 6);
        let create = JobSpec::RecordCreate {
            domain_ids: vec![1, 2, 3],
            records: vec![record("www,@"), record("mail")],
        };
        assert_eq!(size(&create), 9);
        assert_eq!(size(&modify(0..7)), 7);
    }

    #[test]
    fn every_part_fits_and_keeps_the_input_order() {
        let parts = split(&[modify(0..12_001)], MAX_JOB_SIZE).unwrap();
        assert_eq!(
            parts.iter().map(size).collect::<Vec<_>>(),
            [5000, 5000, 2001]
        );
        let ids: Vec<u64> = parts
            .iter()
            .flat_map(|p| match p {
                JobSpec::RecordModify { record_ids, .. } => record_ids.clone(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(ids, (0..12_001).collect::<Vec<_>>());
        let one = split(&[modify(0..10)], MAX_JOB_SIZE).unwrap();
        assert_eq!(one, [modify(0..10)], "what fits stays one job, as it was");
    }

    #[test]
    fn domains_with_a_value_count_three_each() {
        let spec = JobSpec::DomainCreate {
            domains: (0..10).map(|i| format!("d{i}.cn")).collect(),
            value: Some("1.2.3.4".into()),
        };
        let parts = split(std::slice::from_ref(&spec), 7).unwrap();
        assert_eq!(parts.iter().map(size).collect::<Vec<_>>(), [6, 6, 6, 6, 6]);
        let err = split(&[spec], 2).unwrap_err().to_string();
        assert!(err.contains("--job-size 3"), "{err}");
    }

    #[test]
    fn record_create_splits_never_change_what_is_created() {
        let records = vec![record("www,@"), record("mail")];
        let whole = JobSpec::RecordCreate {
            domain_ids: (1..=5).collect(),
            records: records.clone(),
        };
        let expected = created(std::slice::from_ref(&whole));
        for job_size in [1, 2, 3, 4, 7, 100] {
            let parts = split(std::slice::from_ref(&whole), job_size).unwrap();
            assert!(parts.iter().all(|p| size(p) <= job_size), "{job_size}");
            assert_eq!(created(&parts), expected, "job size {job_size}");
        }
        let parts = split(&[whole], 6).unwrap();
        assert_eq!(parts.len(), 3, "two domains of three records a job");
    }

    #[test]
    fn parts_know_the_spec_they_came_from_and_counts_match_the_cut() {
        let parts = super::split(&[modify(0..3), modify(3..10)], 5).unwrap();
        let from: Vec<usize> = parts.iter().map(|(from, _)| *from).collect();
        assert_eq!(from, [0, 1, 1]);
        let create = JobSpec::RecordCreate {
            domain_ids: (1..=7).collect(),
            records: vec![record("www,@,m"), record("mail")],
        };
        for size in 1..=30 {
            let cut = split(std::slice::from_ref(&create), size).unwrap().len();
            assert_eq!(jobs_needed(&create, size), Some(cut), "job size {size}");
        }
    }

    #[test]
    fn deletions_go_in_jobs_of_at_most_2000_whatever_the_job_size() {
        let delete = |ids: std::ops::Range<u64>| JobSpec::RecordDelete {
            record_ids: ids.collect(),
        };
        let whole = delete(0..4500);
        assert_eq!(size(&whole), 4500);
        let parts = split(std::slice::from_ref(&whole), MAX_JOB_SIZE).unwrap();
        assert_eq!(
            parts,
            [delete(0..2000), delete(2000..4000), delete(4000..4500)]
        );
        assert_eq!(jobs_needed(&whole, MAX_JOB_SIZE), Some(3));
        // A smaller --job-size still cuts smaller.
        let parts = split(std::slice::from_ref(&whole), 1000).unwrap();
        assert_eq!(
            parts.iter().map(size).collect::<Vec<_>>(),
            [1000, 1000, 1000, 1000, 500]
        );
        assert_eq!(jobs_needed(&whole, 1000), Some(5));
        let one = split(&[delete(0..10)], MAX_JOB_SIZE).unwrap();
        assert_eq!(one, [delete(0..10)]);
    }

    #[test]
    fn more_jobs_than_an_hour_allows_are_refused_with_a_size_that_fits() {
        let err = split(&[modify(0..30_000)], 300).unwrap_err().to_string();
        assert!(
            err.contains("100 jobs") && err.contains("--job-size 375"),
            "{err}"
        );
        let err = split(&[modify(0..500_000)], MAX_JOB_SIZE)
            .unwrap_err()
            .to_string();
        assert!(err.contains("runs an hour apart"), "{err}");
        assert_eq!(split(&[modify(0..30_000)], 375).unwrap().len(), 80);
    }
}
