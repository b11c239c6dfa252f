use super::*;
use crate::backend::legacy::client::parse_answer;
use crate::job::Action as StepAction;

fn lines(request: &Request) -> Vec<String> {
    let params = request.params.iter();
    params.map(|(k, v)| format!("{k}={v}")).collect()
}

fn weighted() -> Record {
    Record {
        line: "电信".into(),
        ttl: 60,
        weight: Some(30),
        enabled: false,
        remark: "主站".into(),
        ..Record::new("www", "A", "1.2.3.4")
    }
}

#[test]
fn a_create_sends_every_field_it_takes_and_the_remark_goes_apart() {
    let request = create_request(7, &weighted());
    assert_eq!(request.action.wire_name(), "Record.Create");
    assert_eq!(
        lines(&request),
        [
            "domain_id=7",
            "sub_domain=www",
            "record_type=A",
            "record_line=电信",
            "value=1.2.3.4",
            "ttl=60",
            "weight=30",
            "status=disable"
        ]
    );
    let mx = Record {
        mx: Some(10),
        ..Record::new("@", "MX", "mx.a.cn.")
    };
    assert_eq!(
        lines(&create_request(7, &mx))[5..],
        ["ttl=600", "mx=10", "status=enable"]
    );
    let remark = remark_request(7, 99, "主站");
    assert_eq!(remark.action.wire_name(), "Record.Remark");
    assert_eq!(
        lines(&remark),
        ["domain_id=7", "record_id=99", "remark=主站"]
    );
}

#[test]
fn a_modify_sends_every_field_and_switches_a_lost_weight_off() {
    let before = weighted();
    let after = Record {
        weight: None,
        enabled: true,
        ..weighted()
    };
    let request = modify_request(7, 99, &before, &after);
    assert_eq!(request.action.wire_name(), "Record.Modify");
    assert_eq!(
        lines(&request),
        [
            "domain_id=7",
            "record_id=99",
            "sub_domain=www",
            "record_type=A",
            "record_line=电信",
            "value=1.2.3.4",
            "ttl=60",
            "weight=0",
            "status=enable"
        ]
    );
    // Never a weight to a record that had none: weights are a paid feature.
    let plain = Record::new("www", "A", "1.2.3.4");
    let request = modify_request(7, 99, &plain, &plain);
    assert!(!lines(&request).iter().any(|l| l.starts_with("weight")));
}

#[test]
fn a_remark_alone_is_no_modify() {
    let before = weighted();
    let after = Record {
        remark: "".into(),
        ..weighted()
    };
    assert!(!needs_modify(&before, &after));
    assert!(needs_modify(&before, &Record { ttl: 600, ..after }));
    let step = Step {
        action: StepAction::Modify,
        domain: "a.cn".into(),
        domain_id: 7,
        record_id: Some(99),
        before: Some(before),
        after: Some(Record {
            remark: "".into(),
            ..weighted()
        }),
    };
    assert_eq!(first_request(&step), remark_request(7, 99, ""));
}

#[test]
fn a_creates_answer_gives_its_id_as_a_string_or_a_number() {
    // The documented answer (id a string, status `enable`) and an observed one (status
    // `enabled`, `weight: null`).
    for body in [
        r#"{"status":{"code":"1","message":"Action completed successful","created_at":"2015-01-18 13:57:52"},"record":{"id":"16894439","name":"@","status":"enable"}}"#,
        r#"{"status":{"code":"1"},"record":{"id":16894439,"name":"www","status":"enabled","weight":null}}"#,
    ] {
        let created: Created = parse_answer(Action::RecordCreateOne, body.as_bytes()).unwrap();
        assert_eq!(created.record.id, 16894439);
    }
    let refused = parse_answer::<Created>(
        Action::RecordCreateOne,
        br#"{"status":{"code":"31","message":"conflict"}}"#,
    );
    assert!(refused.is_err());
}

#[test]
fn a_deletes_request_is_its_record_remove() {
    let gone = Step {
        action: StepAction::Delete,
        domain: "a.cn".into(),
        domain_id: 7,
        record_id: Some(99),
        before: Some(weighted()),
        after: None,
    };
    let request = first_request(&gone);
    assert_eq!(request.action.wire_name(), "Record.Remove");
    assert_eq!(lines(&request), ["domain_id=7", "record_id=99"]);
}
