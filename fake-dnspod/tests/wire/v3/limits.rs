//! The vendor's limits (5000 records a job, 4 unfinished jobs an account) and scripted
//! faults on API 3.0 requests, keyed by their X-TC-Action.

use std::time::Duration;

use fake_dnspod::{FakeDnspod, Fault};
use serde_json::json;

use super::{Call, error_code, ok, v3};

#[test]
fn a_job_of_more_than_5000_records_is_refused() {
    let server = FakeDnspod::start();
    let ids: Vec<u64> = (1..=5001).collect();
    let body = json!({"RecordIdList": ids, "Change": "ttl", "ChangeTo": "60"});
    let response = v3(&server, "ModifyRecordBatch", body);
    assert_eq!(
        error_code(&response),
        "InvalidParameter.JobGreaterThanLimit"
    );
    // A domain with a value counts 3, itself and its @ and www: 1666 fit (4998).
    let names: Vec<String> = (0..1666).map(|n| format!("d{n}.cn")).collect();
    let body = json!({"DomainList": names, "RecordValue": "192.0.2.1"});
    ok(&server, "CreateDomainBatch", body);
    let names: Vec<String> = (0..1667).map(|n| format!("e{n}.cn")).collect();
    let body = json!({"DomainList": names, "RecordValue": "192.0.2.1"});
    let response = v3(&server, "CreateDomainBatch", body);
    assert_eq!(
        error_code(&response),
        "InvalidParameter.JobGreaterThanLimit"
    );
    // Without a value, one each: 5000 fit.
    let names: Vec<String> = (0..5000).map(|n| format!("f{n}.cn")).collect();
    ok(&server, "CreateDomainBatch", json!({ "DomainList": names }));
}

#[test]
fn a_fifth_unfinished_job_is_refused_until_one_finishes() {
    let server = FakeDnspod::start();
    let submit = |name: &str| v3(&server, "CreateDomainBatch", json!({"DomainList": [name]}));
    let first = submit("a1.cn")["JobId"].as_u64().unwrap();
    // Legacy jobs are the same account's.
    crate::call(&server, "Batch.Domain.Create", &[("domains", "a2.cn")]);
    for name in ["a3.cn", "a4.cn"] {
        assert!(submit(name).get("Error").is_none());
    }
    assert_eq!(
        error_code(&submit("a5.cn")),
        "InvalidParameter.BatchTaskCountLimit"
    );
    // Polled to the end, the first job frees its place.
    for _ in 0..3 {
        ok(&server, "DescribeBatchTask", json!({"JobId": first}));
    }
    assert!(submit("a5.cn").get("Error").is_none());
    assert_eq!(
        error_code(&submit("a6.cn")),
        "InvalidParameter.BatchTaskCountLimit"
    );
}

#[test]
fn v3_error_faults_answer_in_the_v3_envelope() {
    let server = FakeDnspod::start();
    for code in [
        "RequestLimitExceeded",
        "InternalError",
        "FailedOperation.UnknowError",
    ] {
        let fault = Fault::V3Error {
            code: code.into(),
            message: format!("injected {code}"),
        };
        server.inject("CreateDomainBatch", fault);
        let response = v3(
            &server,
            "CreateDomainBatch",
            json!({"DomainList": ["a.cn"]}),
        );
        assert_eq!(error_code(&response), code);
        assert_eq!(response["Error"]["Message"], format!("injected {code}"));
    }
    // None of them made a job: the next submit gets the first id.
    let submit = ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["a.cn"]}),
    );
    assert_eq!(submit["JobId"], 39581);
}

#[test]
fn transport_faults_apply_to_v3_actions_by_name() {
    let server = FakeDnspod::start();
    server.inject("DescribeBatchTask", Fault::HttpStatus(502));
    server.inject("DescribeBatchTask", Fault::BrokenJson);
    server.inject("DescribeBatchTask", Fault::Drop);
    let call = Call::new(&server, "DescribeBatchTask", json!({"JobId": 1}));
    assert_eq!(call.send(&server).status, 502);
    let broken = call.send(&server);
    assert_eq!(
        (broken.status, broken.header("content-type")),
        (200, Some("application/json"))
    );
    assert!(broken.body.starts_with(r#"{"Response":"#));
    assert!(serde_json::from_str::<serde_json::Value>(&broken.body).is_err());
    assert!(crate::exchange(&server, &call.raw()).is_empty());
    assert_eq!(
        error_code(&call.response(&server)),
        "InvalidParameter.BatchTaskNotExist"
    );
    assert_eq!(server.count("DescribeBatchTask"), 4);
}

#[test]
fn delaying_faults_still_give_the_v3_answer() {
    let server = FakeDnspod::start();
    server.inject("DescribeDomainList", Fault::Slow(Duration::from_millis(20)));
    server.inject("*", Fault::Trickle(Duration::from_micros(50)));
    for _ in 0..2 {
        let response = ok(&server, "DescribeDomainList", json!({}));
        assert_eq!(response["DomainCountInfo"]["DomainTotal"], 0);
    }
    server.inject("DescribeDomainList", Fault::Html);
    let page = Call::new(&server, "DescribeDomainList", json!({})).send(&server);
    assert!(page.body.contains("<html>"));
}
