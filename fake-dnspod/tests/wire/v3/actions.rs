//! The batch actions: submit echoes, jobs moving across DescribeBatchTask polls, and one
//! job seen through both APIs.

use fake_dnspod::FakeDnspod;
use serde_json::{Value, json};

use super::{error_code, ok, statuses};
use crate::{call, code};

fn describe(server: &FakeDnspod, job_id: u64) -> Value {
    ok(server, "DescribeBatchTask", json!({"JobId": job_id}))
}

#[test]
fn create_domain_batch_echoes_and_its_job_moves_to_ok() {
    let server = FakeDnspod::start();
    let body = json!({"DomainList": ["a.cn", "例子.cn"], "RecordValue": "192.0.2.1"});
    let submit = ok(&server, "CreateDomainBatch", body);
    assert_eq!(submit["JobId"], 39581);
    let echo = &submit["DetailList"][1];
    assert_eq!(
        (&echo["Domain"], &echo["Status"], &echo["ErrMsg"]),
        (&json!("例子.cn"), &json!("waiting"), &Value::Null)
    );
    assert!(
        echo.get("DomainId").is_none(),
        "no id before creation: {echo}"
    );
    let record = &echo["RecordList"][0];
    assert_eq!(
        (&record["SubDomain"], &record["TTL"]),
        (&json!("www"), &json!(600))
    );

    assert_eq!(statuses(&describe(&server, 39581)), ["waiting"; 6]);
    let second = statuses(&describe(&server, 39581));
    assert!(second.contains(&"running".to_string()), "{second:?}");
    let last = describe(&server, 39581);
    assert_eq!(statuses(&last), ["ok"; 6]);
    assert_eq!(
        (
            &last["TotalCount"],
            &last["SuccessCount"],
            &last["FailCount"],
            &last["JobType"]
        ),
        (&json!(6), &json!(6), &json!(0), &json!("domain"))
    );
    assert!(last["CreatedAt"].is_string());
    let record = &last["DetailList"][0]["RecordList"][0];
    // The vendor's loose types: TTL a string, Weight a string or null (none here).
    assert_eq!(record["TTL"], "600");
    assert!(record["RecordId"].is_u64() && record["MX"].is_null());
    assert!(record["Weight"].is_null(), "{record}");
    assert!(last["DetailList"][0]["DomainId"].is_u64());
}

#[test]
fn a_job_made_on_one_api_is_read_on_the_other() {
    let server = FakeDnspod::start();
    let legacy = call(&server, "Batch.Domain.Create", &[("domains", "a.cn")]);
    let job_id: u64 = legacy["job_id"].as_str().unwrap().parse().unwrap();
    // One poll each way counts twice: the job is past waiting.
    call(&server, "Batch.Detail", &[("job_id", &job_id.to_string())]);
    assert_eq!(statuses(&describe(&server, job_id)), ["running"]);
    let submit = ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["b.cn"]}),
    );
    let id = submit["JobId"].to_string();
    let detail = call(&server, "Batch.Detail", &[("job_id", &id)]);
    assert_eq!(code(&detail), "1");
    assert_eq!(detail["detail"][0]["domain"], "b.cn");
}

#[test]
fn create_record_batch_takes_string_ids_and_adds_the_records() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let body = json!({
        "DomainIdList": [domain.to_string()],
        "RecordList": [
            {"SubDomain": "www,wap", "RecordType": "A", "Value": "192.0.2.1"},
            {"RecordType": "MX", "RecordLine": "电信", "Value": "mx.a.cn.", "MX": 10, "TTL": 60},
        ],
    });
    let submit = ok(&server, "CreateRecordBatch", body);
    let echo = &submit["DetailList"][0];
    assert_eq!(echo["DomainId"], domain.to_string());
    let hosts: Vec<&Value> = echo["RecordList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["SubDomain"])
        .collect();
    assert_eq!(hosts, [&json!("www"), &json!("wap"), &json!("@")]);
    assert_eq!(echo["RecordList"][2]["MX"], 10);
    server.finish_all();
    let last = describe(&server, submit["JobId"].as_u64().unwrap());
    assert_eq!(last["JobType"], "record_add");
    assert_eq!(last["DetailList"][0]["DomainId"], domain);
    let records = server.user_records();
    assert_eq!(records.len(), 3);
    assert_eq!(
        (records[2].line.as_str(), records[2].ttl, records[2].mx),
        ("电信", 60, Some(10))
    );
}

#[test]
fn record_batch_refusals_have_their_codes() {
    let server = FakeDnspod::start();
    let a = |records: Value| json!({"DomainIdList": ["25562928"], "RecordList": records});
    let cases = [
        (
            json!({"DomainIdList": [], "RecordList": [{"RecordType": "A", "Value": "1.2.3.4"}]}),
            "InvalidParameter.DomainsEmpty",
        ),
        (
            json!({"DomainIdList": ["x"], "RecordList": []}),
            "InvalidParameter.DomainIdInvalid",
        ),
        (a(json!([])), "InvalidParameter.RecordsEmpty"),
        (
            a(json!([{"RecordType": "MX", "Value": "mx."}])),
            "InvalidParameter.MxInvalid",
        ),
        (
            a(json!([{"Value": "1.2.3.4"}])),
            "InvalidParameter.RecordTypeInvalid",
        ),
        (
            a(json!([{"RecordType": "A", "Value": ""}])),
            "InvalidParameter.RecordValueInvalid",
        ),
        (
            a(json!([{"RecordType": "A", "Value": "1.2.3.4", "Ttl": 1}])),
            "UnknownParameter",
        ),
        (
            a(json!([{"RecordType": "A", "Value": "1.2.3.4", "TTL": "600"}])),
            "InvalidParameter",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(
            error_code(&super::v3(&server, "CreateRecordBatch", body.clone())),
            expected,
            "{body}"
        );
    }
}

#[test]
fn modify_record_batch_changes_the_records_when_done() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let record = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let body = json!({"RecordIdList": [record], "Change": "ttl", "ChangeTo": "3600"});
    let submit = ok(&server, "ModifyRecordBatch", body);
    let echo = &submit["DetailList"][0]["RecordList"][0];
    assert_eq!(
        (&echo["RecordId"], &echo["TTL"]),
        (&json!(record), &json!(600)),
        "echoed as before the change"
    );
    server.finish_all();
    let last = describe(&server, submit["JobId"].as_u64().unwrap());
    assert_eq!(last["JobType"], "record_modify");
    assert_eq!(last["DetailList"][0]["RecordList"][0]["TTL"], "3600");
    assert_eq!(server.user_records()[0].ttl, 3600);
    let bad = json!({"RecordIdList": [record], "Change": "colour", "ChangeTo": "red"});
    assert_eq!(
        error_code(&super::v3(&server, "ModifyRecordBatch", bad)),
        "InvalidParameter.BatchRecordModifyActionInvalidValue"
    );
}

#[test]
fn an_unknown_job_does_not_exist() {
    let server = FakeDnspod::start();
    let response = super::v3(&server, "DescribeBatchTask", json!({"JobId": 1}));
    assert_eq!(error_code(&response), "InvalidParameter.BatchTaskNotExist");
}

#[test]
fn failed_items_carry_an_err_msg_in_the_asked_language() {
    let server = FakeDnspod::start();
    let submit = ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["fail.cn"]}),
    );
    server.finish_all();
    let id = submit["JobId"].as_u64().unwrap();
    let chinese = describe(&server, id);
    assert_eq!(chinese["DetailList"][0]["Status"], "error");
    assert_eq!(
        chinese["DetailList"][0]["ErrMsg"],
        "按要求失败：假服务器让以 fail 开头的名字失败"
    );
    let mut english = super::Call::new(&server, "DescribeBatchTask", json!({"JobId": id}));
    english.language = Some("en-US");
    let response = english.response(&server);
    assert_eq!(
        response["DetailList"][0]["ErrMsg"],
        "Failed on request: the fake fails every name starting with `fail`"
    );
    assert_eq!(response["FailCount"], 1);
}

#[test]
fn an_escaped_echo_spells_the_secret_key_where_the_marker_was() {
    let server = FakeDnspod::start();
    server.inject(
        "DescribeBatchTask",
        fake_dnspod::Fault::EscapedEcho {
            marker: "The batch job does not exist.".into(),
        },
    );
    let response = super::v3(&server, "DescribeBatchTask", json!({"JobId": 1}));
    assert_eq!(
        response["Error"]["Message"],
        fake_dnspod::DEFAULT_SECRET_KEY
    );
}
