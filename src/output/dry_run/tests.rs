use super::*;
use crate::job::{Change, ChangeField, Record};

fn create(domain_ids: Vec<u64>, hosts: &[&str]) -> Part {
    let records = hosts
        .iter()
        .map(|h| Record::new(h, "A", "192.0.2.1").spec())
        .collect();
    Part::job(
        JobSpec::RecordCreate {
            domain_ids,
            records,
        },
        None,
    )
}

#[test]
fn a_summary_counts_records_domains_jobs_and_the_hours_of_the_hourly_limit() {
    let parts: Vec<Part> = (0..81)
        .map(|n| create(vec![1, 2 + n % 2], &["a", "b,c"]))
        .collect();
    let parts: Vec<&Part> = parts.iter().collect();
    let summary = DrySummary::of(&parts, &[], 80);
    let expected = DrySummary {
        records: 81 * 2 * 3,
        domains: Some(3),
        jobs: 81,
        calls: 0,
        hours: 2,
        jobs_per_hour: 80,
    };
    assert_eq!(summary, expected);
}

#[test]
fn calls_are_counted_apart_from_jobs_and_a_modify_names_its_domains_by_the_records_read() {
    let delete = Part {
        by: By::Calls,
        ..Part::job(
            JobSpec::RecordDelete {
                record_ids: vec![7, 8],
                domain_ids: vec![1, 1],
            },
            None,
        )
    };
    let summary = DrySummary::of(&[&delete], &[], 80);
    assert_eq!(
        (summary.jobs, summary.calls, summary.hours, summary.domains),
        (0, 2, 0, Some(1))
    );
    let modify = Part::job(
        JobSpec::RecordModify {
            record_ids: vec![7],
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        },
        None,
    );
    assert_eq!(DrySummary::of(&[&modify], &[], 80).domains, None);
    let read = Before {
        domain: "a.cn".into(),
        record_id: 7,
        ..Before::default()
    };
    assert_eq!(DrySummary::of(&[&modify], &[read], 80).domains, Some(1));
}

#[test]
fn a_part_line_shows_its_first_names_and_how_many_more() {
    let part = create(vec![1], &["a", "b", "c", "d\u{1b}", "e"]);
    let mut out = Vec::new();
    write_part(&mut out, &part, 2, 21).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "job 2 of 21: record-create 5 record specs on 1 domain: a A 192.0.2.1, b A 192.0.2.1, c A 192.0.2.1, …and 2 more\n"
    );
}

#[test]
fn a_line_escapes_what_a_records_file_put_in_a_name() {
    let part = create(vec![1], &["x\u{1b}[2J"]);
    let mut out = Vec::new();
    write_part(&mut out, &part, 1, 1).unwrap();
    assert!(!String::from_utf8(out).unwrap().contains('\u{1b}'));
}

#[test]
fn the_json_summary_is_one_line_that_says_it_is_a_dry_run() {
    let summary = DrySummary {
        records: 3,
        domains: None,
        jobs: 1,
        calls: 0,
        hours: 1,
        jobs_per_hour: 80,
    };
    let mut out = Vec::new();
    write_summary(&mut out, &summary, true).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"dry_run\":true,\"summary\":{\"records\":3,\"domains\":null,\"jobs\":1,\"calls\":0,\"hours\":1,\"jobs_per_hour\":80}}\n"
    );
}
