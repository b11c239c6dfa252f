use super::*;
use crate::job::JobKind;

const DETAIL: &str = include_str!("../../../../tests/cli/vendor/batch-detail.json");
const DOMAIN_CREATE: &str = include_str!("../../../../tests/cli/vendor/batch-domain-create.json");
const RECORD_CREATE: &str = include_str!("../../../../tests/cli/vendor/batch-record-create.json");
const RECORD_MODIFY: &str = include_str!("../../../../tests/cli/vendor/batch-record-modify.json");

#[test]
fn vendor_detail_example_reads_with_normalised_types() {
    let detail: JobDetail = serde_json::from_str(DETAIL).unwrap();
    assert_eq!(detail.job_type.as_deref(), Some("domain"));
    assert_eq!(
        (detail.total, detail.success, detail.fail),
        (Some(6), Some(6), Some(0))
    );
    assert_eq!(detail.domains.len(), 2);
    let first = &detail.domains[0];
    assert_eq!(
        first.domain_id,
        Some(25562928),
        "domain_id arrives as a string"
    );
    assert_eq!(first.records[0].record_id, Some(118332371));
    assert_eq!(first.records[0].mx, None);
    assert_eq!(first.records[0].ttl, Some(600));
    let job = detail.into_job();
    assert_eq!(job.kind, Some(JobKind::DomainCreate));
    let tally = job.tally();
    assert_eq!((tally.total, tally.ok, tally.failed), (6, 6, 0));
    assert!(tally.finished());
}

#[test]
fn vendor_submit_examples_give_their_job_ids() {
    for (body, job_id) in [
        (DOMAIN_CREATE, 39581),
        (RECORD_CREATE, 49590),
        (RECORD_MODIFY, 409952),
    ] {
        let envelope: Envelope = serde_json::from_str(body).unwrap();
        assert_eq!(envelope.status.code, "1");
        let answer: SubmitAnswer = serde_json::from_str(body).unwrap();
        assert_eq!(answer.job_id, job_id);
    }
}

#[test]
fn submit_echoes_read_as_details_despite_their_quirks() {
    // The echoes carry the same item shapes as Batch.Detail: strings for numbers,
    // `operation: null`, `enabled`, and `mx` only on some records.
    let modify: JobDetail = serde_json::from_str(RECORD_MODIFY).unwrap();
    assert_eq!(modify.domains[0].domain_id, Some(92));
    assert_eq!(modify.domains[0].operation, None);
    let mx = &modify.domains[1].records[1];
    assert_eq!(
        (mx.record_id, mx.ttl, mx.mx),
        (Some(91), Some(3600), Some(5))
    );
    let create: JobDetail = serde_json::from_str(RECORD_CREATE).unwrap();
    assert_eq!(create.domains[1].domain_id, Some(20));
    assert_eq!(create.into_job().tally().waiting, 10);
}

#[test]
fn a_removal_names_the_domain_and_the_record_by_id() {
    let request = removal_request(62, 9001);
    assert_eq!(request.action.wire_name(), "Record.Remove");
    assert_eq!(
        request.params,
        [
            ("domain_id", "62".to_owned()),
            ("record_id", "9001".to_owned())
        ]
    );
    // The real answer to a removal (2016): the bare envelope.
    let body = r#"{"status":{"code":"1","message":"Action completed successful","created_at":"2016-05-11 03:28:14"}}"#;
    assert_eq!(
        serde_json::from_str::<Envelope>(body).unwrap().status.code,
        "1"
    );
}

#[test]
fn status_codes_may_be_numbers() {
    let envelope: Envelope = serde_json::from_str(r#"{"status": {"code": -1}}"#).unwrap();
    assert_eq!(envelope.status.code, "-1");
    assert_eq!(envelope.status.message, None);
}

#[test]
fn unknown_item_status_is_an_error() {
    let body = r#"{"status": {"code": "1"}, "detail": [{"status": "paused", "records": null}]}"#;
    assert!(serde_json::from_str::<JobDetail>(body).is_err());
}

#[test]
fn json_output_numbers_are_numbers() {
    let detail: JobDetail = serde_json::from_str(RECORD_MODIFY).unwrap();
    let job = detail.into_job();
    let value = serde_json::to_value(&job.domains[1].records[1]).unwrap();
    assert_eq!(value["record_id"], serde_json::json!(91));
    assert_eq!(value["ttl"], serde_json::json!(3600));
    assert_eq!(value["mx"], serde_json::json!(5));
}
