use super::*;
use crate::backend::DNSPOD as LEGACY;
use crate::job::{Change, ChangeField, Record};

const V3: Capabilities = Capabilities {
    delete_job_records: Some(2000),
    modify_whole_jobs: true,
    calls_per_second: 500,
    ..LEGACY
};

fn step(
    action: Action,
    domain_id: u64,
    id: Option<u64>,
    before: Option<Record>,
    after: Option<Record>,
) -> Step {
    Step {
        action,
        domain: format!("d{domain_id}.cn").into(),
        domain_id,
        record_id: id,
        before,
        after,
    }
}

fn create(domain_id: u64, record: Record) -> Step {
    step(Action::Create, domain_id, None, None, Some(record))
}

fn modify(id: u64, before: Record, after: Record) -> Step {
    step(Action::Modify, 1, Some(id), Some(before), Some(after))
}

fn delete(id: u64, record: Record) -> Step {
    step(Action::Delete, 1, Some(id), Some(record), None)
}

fn a(host: &str, value: &str) -> Record {
    Record::new(host, "A", value)
}

/// Each part as `phase by kind size`, e.g. `1 job create 5000`.
fn shape(parts: &[Part]) -> Vec<String> {
    let kind = |spec: &JobSpec| match spec {
        JobSpec::RecordCreate { .. } => "create",
        JobSpec::RecordModify { .. } => "modify",
        JobSpec::RecordDelete { .. } => "delete",
        JobSpec::RecordSteps { .. } => "steps",
        JobSpec::DomainCreate { .. } => "domain",
    };
    let by = |by| if by == By::Job { "job" } else { "calls" };
    parts
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p.phase,
                by(p.by),
                kind(&p.spec),
                size(&p.spec)
            )
        })
        .collect()
}

#[test]
fn three_records_on_two_thousand_domains_are_two_jobs_on_either_api() {
    let steps: Vec<Step> = (1..=2000)
        .flat_map(|d| ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(|v| create(d, a("www", v))))
        .collect();
    for api in [LEGACY, V3] {
        let parts = schedule(&steps, &api, 5000);
        // 5000 records a job: 1666 domains of 3, then the other 334.
        assert_eq!(shape(&parts), ["1 job create 4998", "1 job create 1002"]);
    }
}

#[test]
fn few_creates_and_creates_a_job_cannot_say_go_by_calls() {
    let paused = Record {
        enabled: false,
        ..a("www", "1.1.1.1")
    };
    let steps = vec![create(1, a("@", "1.1.1.1")), create(2, paused)];
    let parts = schedule(&steps, &LEGACY, 5000);
    assert_eq!(shape(&parts), ["1 calls steps 2"]);
    let JobSpec::RecordSteps { steps: sent } = &parts[0].spec else {
        panic!()
    };
    // In plan order: the plain one too, a job being slower for one record.
    assert_eq!(sent, &steps);
}

#[test]
fn legacy_modifies_go_by_field_and_value_weights_whole_and_remarks_alone() {
    let old = a("www", "1.1.1.1");
    let mut steps: Vec<Step> = (1..=100)
        .map(|id| {
            let ttl = Record {
                ttl: 60,
                ..old.clone()
            };
            let to = if id <= 50 {
                Record {
                    value: "9.9.9.9".into(),
                    ..ttl
                }
            } else {
                ttl
            };
            modify(id, old.clone(), to)
        })
        .collect();
    steps.push(modify(
        101,
        old.clone(),
        Record {
            weight: Some(5),
            ..old.clone()
        },
    ));
    steps.push(modify(
        102,
        old.clone(),
        Record {
            remark: "主站".into(),
            ..old.clone()
        },
    ));
    let parts = schedule(&steps, &LEGACY, 5000);
    assert_eq!(
        shape(&parts),
        [
            "1 job modify 100",
            "1 job modify 50",
            "1 calls steps 1",
            "1 calls steps 1"
        ]
    );
    let JobSpec::RecordModify { change, record_ids } = &parts[0].spec else {
        panic!()
    };
    let ttl = Change {
        field: ChangeField::Ttl,
        to: "60".into(),
        value: None,
        mx: None,
    };
    assert_eq!((change, record_ids.len()), (&ttl, 100));
    let JobSpec::RecordSteps { steps: whole } = &parts[2].spec else {
        panic!()
    };
    assert_eq!(whole[0].record_id, Some(101));
    let JobSpec::RecordSteps { steps: remark } = &parts[3].spec else {
        panic!()
    };
    assert_eq!(remark[0].after.as_ref().unwrap().remark, "主站");
}

#[test]
fn many_changes_on_few_records_go_whole_by_calls() {
    // Three records, each a new value and TTL: two jobs of three, or three calls.
    let old = a("www", "1.1.1.1");
    let new = Record {
        ttl: 60,
        value: "2.2.2.2".into(),
        ..old.clone()
    };
    let steps: Vec<Step> = (1..=3)
        .map(|id| modify(id, old.clone(), new.clone()))
        .collect();
    assert_eq!(shape(&schedule(&steps, &LEGACY, 5000)), ["1 calls steps 3"]);
}

#[test]
fn api_3_modifies_whole_in_jobs_and_deletes_in_jobs_of_2000() {
    let old = a("www", "1.1.1.1");
    let mut steps: Vec<Step> = (1..=600)
        .map(|id| {
            modify(
                id,
                old.clone(),
                Record {
                    ttl: 60,
                    ..old.clone()
                },
            )
        })
        .collect();
    steps.extend((1000..5500).map(|id| delete(id, a("old", "1.1.1.1"))));
    assert_eq!(
        shape(&schedule(&steps, &V3, 5000)),
        [
            "1 job steps 600",
            "3 job delete 2000",
            "3 job delete 2000",
            "3 job delete 500"
        ]
    );
    // Legacy: deletions one Record.Remove a record, parts of at most --job-size.
    let parts = schedule(&steps[600..], &LEGACY, 4000);
    assert_eq!(shape(&parts), ["3 calls delete 4000", "3 calls delete 500"]);
}

#[test]
fn a_cname_waits_for_the_deletes_at_its_host_and_lines_go_in_order() {
    let telecom = |r: Record| Record {
        line: "电信".into(),
        ..r
    };
    let steps = vec![
        create(1, Record::new("www", "CNAME", "cdn.example.net.")),
        delete(7, a("www", "1.1.1.1")),
        create(1, telecom(a("api", "2.2.2.2"))),
        create(1, a("api", "3.3.3.3")),
        delete(8, a("old", "4.4.4.4")),
        delete(9, telecom(a("old", "5.5.5.5"))),
    ];
    let parts = schedule(&steps, &LEGACY, 5000);
    assert_eq!(
        shape(&parts),
        [
            "0 calls delete 1",
            "1 calls steps 2",
            "2 calls steps 1",
            "3 calls delete 1",
            "4 calls delete 1"
        ]
    );
    let ids = |p: &Part| match &p.spec {
        JobSpec::RecordDelete { record_ids, .. } => record_ids.clone(),
        _ => Vec::new(),
    };
    assert_eq!(
        (ids(&parts[0]), ids(&parts[3]), ids(&parts[4])),
        (vec![7], vec![9], vec![8])
    );
}

#[test]
fn past_eighty_jobs_an_hour_the_smallest_go_by_calls() {
    // 81 domains, each its own list of 30 records: 81 jobs, one too many.
    let steps: Vec<Step> = (1..=81)
        .flat_map(|d| (0..30).map(move |n| create(d, a(&format!("h{n}"), &format!("10.0.{d}.1")))))
        .collect();
    let parts = schedule(&steps, &LEGACY, 5000);
    let jobs = parts.iter().filter(|p| p.by == By::Job).count();
    assert_eq!(jobs, 80);
    assert_eq!(shape(&parts).last().unwrap(), "1 calls steps 30");
}

#[test]
fn few_deletes_on_api_3_are_calls_to_delete_record() {
    let steps: Vec<Step> = (1..=3).map(|id| delete(id, a("old", "1.1.1.1"))).collect();
    let parts = schedule(&steps, &V3, 5000);
    assert_eq!(shape(&parts), ["3 calls steps 3"]);
}

#[test]
fn a_cname_giving_way_to_other_records_is_deleted_before_they_are_created() {
    let telecom = |r: Record| Record {
        line: "电信".into(),
        ..r
    };
    let steps = vec![
        create(1, a("www", "1.2.3.4")),
        delete(7, Record::new("WWW", "CNAME", "cdn.x.cn.")),
        // Another line's CNAME, and one at another host, wait as any delete does.
        delete(8, telecom(Record::new("www", "CNAME", "cdn.y.cn."))),
        delete(9, Record::new("api", "CNAME", "cdn.z.cn.")),
    ];
    assert_eq!(phase::of(&steps), [1, 0, 3, 3]);
    let parts = schedule(&steps, &LEGACY, 5000);
    assert_eq!(
        shape(&parts),
        ["0 calls delete 1", "1 calls steps 1", "3 calls delete 2"]
    );
}
