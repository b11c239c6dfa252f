use super::*;
use crate::job::{Change, ChangeField};

const MAX_JOB_SIZE: usize = 5000;
/// API 3.0's: deletion jobs of at most 2000.
const API: Capabilities = Capabilities {
    job_records: MAX_JOB_SIZE,
    delete_job_records: Some(2000),
    jobs_per_hour: 80,
    modify_whole_jobs: true,
    calls_per_second: 500,
};

fn record(hosts: &str) -> RecordSpec {
    RecordSpec {
        host: hosts.into(),
        record_type: "A".into(),
        line: "默认".into(),
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
    Ok(super::split(specs, job_size, &API)?
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
                    records
                        .iter()
                        .flat_map(move |r| r.host.split(',').map(move |h| (*id, h.to_owned())))
                })
                .collect::<Vec<_>>(),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn record_create_work_is_counted_before_its_jobs_are_built() {
    // A million domains of one record, and 3 domains of 2 records each.
    let groups = [(1_000_000, 1), (3, 2)];
    let err = check_record_create(&groups, MAX_JOB_SIZE, &API)
        .unwrap_err()
        .to_string();
    assert!(err.contains("needs 201 jobs of at most 5000"), "{err}");
    assert!(
        err.contains("even jobs of 5000 records would be more"),
        "{err}"
    );
    assert!(check_record_create(&[(80, 1)], 1, &API).is_ok());
    // 200 jobs of 1, 100 of 2, 67 of 3.
    let err = check_record_create(&[(200, 1)], 1, &API)
        .unwrap_err()
        .to_string();
    assert!(err.contains("needs 200 jobs of at most 1"), "{err}");
    assert!(err.contains("use --job-size 3 or more"), "{err}");
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
    let parts = super::split(&[modify(0..3), modify(3..10)], 5, &API).unwrap();
    let from: Vec<usize> = parts.iter().map(|(from, _)| *from).collect();
    assert_eq!(from, [0, 1, 1]);
    let create = JobSpec::RecordCreate {
        domain_ids: (1..=7).collect(),
        records: vec![record("www,@,m"), record("mail")],
    };
    for size in 1..=30 {
        let cut = split(std::slice::from_ref(&create), size).unwrap().len();
        assert_eq!(
            jobs_needed(&create, size, &API),
            Some(cut),
            "job size {size}"
        );
    }
}

#[test]
fn deletions_go_in_jobs_of_at_most_2000_whatever_the_job_size() {
    let delete = |ids: std::ops::Range<u64>| JobSpec::RecordDelete {
        record_ids: ids.collect(),
        domain_ids: Vec::new(),
    };
    let whole = delete(0..4500);
    assert_eq!(size(&whole), 4500);
    let parts = split(std::slice::from_ref(&whole), MAX_JOB_SIZE).unwrap();
    assert_eq!(
        parts,
        [delete(0..2000), delete(2000..4000), delete(4000..4500)]
    );
    assert_eq!(jobs_needed(&whole, MAX_JOB_SIZE, &API), Some(3));
    // A smaller --job-size still cuts smaller.
    let parts = split(std::slice::from_ref(&whole), 1000).unwrap();
    assert_eq!(
        parts.iter().map(size).collect::<Vec<_>>(),
        [1000, 1000, 1000, 1000, 500]
    );
    assert_eq!(jobs_needed(&whole, 1000, &API), Some(5));
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

#[test]
fn the_cut_follows_the_apis_capabilities() {
    let delete = JobSpec::RecordDelete {
        record_ids: (0..4500).collect(),
        domain_ids: Vec::new(),
    };
    let no_delete_jobs = Capabilities {
        delete_job_records: None,
        ..API
    };
    let cut = super::split(std::slice::from_ref(&delete), MAX_JOB_SIZE, &no_delete_jobs);
    assert_eq!(
        cut.unwrap().len(),
        1,
        "no deletion job: no 2000 limit of one"
    );
    let few_an_hour = Capabilities {
        jobs_per_hour: 2,
        ..API
    };
    let err = super::split(&[modify(0..30)], 10, &few_an_hour)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("at most 2 batch jobs an hour") && err.contains("--job-size 15"),
        "{err}"
    );
}
