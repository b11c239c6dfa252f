use super::*;
use crate::job::ChangeField;

#[test]
fn specs_say_what_they_ask_and_round_trip_through_json() {
    let specs = [
        JobSpec::DomainCreate {
            domains: vec!["a.cn".into(), "b.cn".into()],
            value: Some("1.2.3.4".into()),
        },
        JobSpec::RecordCreate {
            domain_ids: vec![1, 2, 3],
            records: vec![RecordSpec {
                host: "www".into(),
                record_type: "A".into(),
                line: "默认".into(),
                value: "1.1.1.1".into(),
                ttl: 600,
                mx: None,
            }],
        },
        JobSpec::RecordModify {
            record_ids: vec![7],
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        },
        JobSpec::RecordDelete {
            record_ids: vec![7, 8],
            domain_ids: Vec::new(),
        },
    ];
    let summaries: Vec<String> = specs.iter().map(JobSpec::summary).collect();
    assert_eq!(
        summaries,
        [
            "2 domains, @ and www A 1.2.3.4",
            "1 record spec on 3 domains",
            "ttl to 60 on 1 record",
            "delete 2 records"
        ]
    );
    let kinds: Vec<String> = specs.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "domain-create",
            "record-create",
            "record-modify",
            "record-delete"
        ]
    );
    for spec in specs {
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(serde_json::from_str::<JobSpec>(&json).unwrap(), spec);
    }
}

/// The serde tag a spec is kept under in the history.
fn kind(spec: &JobSpec) -> String {
    serde_json::to_value(spec).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn deletions_are_record_delete_s_and_several_jobs_of_them_add_up() {
    let delete = |ids: &[u64]| JobSpec::RecordDelete {
        record_ids: ids.to_vec(),
        domain_ids: Vec::new(),
    };
    assert_eq!(delete(&[1]).command(), "record-delete");
    assert_eq!(delete(&[1]).summary(), "delete 1 record");
    assert_eq!(
        JobSpec::summary_of(&[delete(&[1, 2]), delete(&[3])]),
        "delete 3 records"
    );
    assert_eq!(JobKind::RecordDelete.as_str(), "record_delete");
}

#[test]
fn the_tally_counts_domains_and_records() {
    let record = |status| RecordItem {
        id: None,
        record_id: None,
        host: None,
        record_type: None,
        line: None,
        value: None,
        ttl: None,
        mx: None,
        operation: None,
        status,
        err_msg: None,
    };
    let job = Job {
        domains: vec![DomainItem {
            id: None,
            domain: Some("a.cn".into()),
            domain_id: None,
            domain_grade: None,
            operation: None,
            status: ItemStatus::Ok,
            err_msg: None,
            records: vec![record(ItemStatus::Error), record(ItemStatus::Running)],
        }],
        ..Job::default()
    };
    let tally = job.tally();
    assert_eq!(
        (tally.total, tally.ok, tally.failed, tally.running),
        (3, 1, 1, 1)
    );
    assert!(!tally.finished());
}

#[test]
fn the_host_and_the_line_keep_their_stored_names() {
    let spec = r#"{"kind":"record-create","domain_ids":[1],"records":[{"sub_domain":"www","record_type":"A","record_line":"电信","value":"1.1.1.1","ttl":600}]}"#;
    let read: JobSpec = serde_json::from_str(spec).unwrap();
    let JobSpec::RecordCreate { records, .. } = &read else {
        panic!("{read:?}");
    };
    assert_eq!(
        (records[0].host.as_str(), records[0].line.as_str()),
        ("www", "电信")
    );
    assert_eq!(serde_json::to_string(&read).unwrap(), spec);
    for (stored, field) in [
        ("sub_domain", ChangeField::Host),
        ("area", ChangeField::Line),
    ] {
        let change = format!(r#"{{"field":"{stored}","to":"x"}}"#);
        let read: Change = serde_json::from_str(&change).unwrap();
        assert_eq!(read.field, field);
        assert_eq!(serde_json::to_string(&read).unwrap(), change);
        assert_eq!(field.name(), stored);
    }
    let before = r#"{"domain":"a.cn","record_id":7,"sub_domain":"www","record_type":"A","line":"默认","value":"1.1.1.1","ttl":600}"#;
    let read: Before = serde_json::from_str(before).unwrap();
    assert_eq!(read.host.as_deref(), Some("www"));
    assert_eq!(serde_json::to_string(&read).unwrap(), before);
}

#[test]
fn record_create_jobs_keep_the_order_the_records_were_given_in() {
    let spec = |host: &str| RecordSpec {
        host: host.into(),
        record_type: "A".into(),
        line: "默认".into(),
        value: "192.0.2.1".into(),
        ttl: 600,
        mx: None,
    };
    let (zeta, alpha) = (spec("zeta"), spec("alpha"));
    // Domain 9 comes first in the file with `zeta`; domain 3 and 5 share `alpha`.
    let given = vec![(9, vec![&zeta]), (3, vec![&alpha]), (5, vec![&alpha])];
    let jobs = record_create_jobs(given);
    let order: Vec<(Vec<u64>, String)> = jobs
        .into_iter()
        .map(|job| match job {
            JobSpec::RecordCreate {
                domain_ids,
                records,
            } => (domain_ids, records[0].host.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        order,
        [(vec![9], "zeta".into()), (vec![3, 5], "alpha".into())]
    );
}

#[test]
fn an_applys_steps_say_each_action_they_take_and_no_other() {
    let step = |action, n: u64| Step {
        action,
        domain: "a.cn".into(),
        domain_id: 1,
        record_id: (action != Action::Create).then_some(n),
        before: (action != Action::Create).then(|| Record::new("www", "A", "192.0.2.1")),
        after: (action != Action::Delete).then(|| Record::new("www", "A", "192.0.2.2")),
    };
    let steps = |actions: &[Action]| JobSpec::RecordSteps {
        steps: (1..).zip(actions).map(|(n, &a)| step(a, n)).collect(),
    };
    let (create, modify, delete) = (Action::Create, Action::Modify, Action::Delete);
    assert_eq!(steps(&[delete]).summary(), "delete 1 record");
    assert_eq!(
        steps(&[create, delete, modify, create, delete, delete]).summary(),
        "create 2 records, modify 1 record, delete 3 records"
    );
    assert_eq!(steps(&[modify, modify]).summary(), "modify 2 records");
}
