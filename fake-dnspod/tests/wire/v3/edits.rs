//! ModifyRecordBatchV3: a job giving each record its own fields, what an item leaves out
//! kept, under the job limits of every submit, reported by DescribeBatchTask.

use fake_dnspod::{FakeDnspod, Record};
use serde_json::{Value, json};

use super::{error_code, ok, statuses, v3};

/// a.cn with a paused, weighted A record at `www` with a remark, an A record at `api`
/// and a CNAME at `cdn`; their ids.
fn account() -> (FakeDnspod, u64, u64, u64) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    server.change_record(www, |r| {
        (r.enabled, r.weight) = (false, Some(30));
        r.remark = "old".into();
    });
    let api = server.add_record(domain, "api", "A", "默认", "192.0.2.2");
    let cdn = server.add_record(domain, "cdn", "CNAME", "默认", "cdn.example.net.");
    (server, www, api, cdn)
}

fn record(server: &FakeDnspod, id: u64) -> Record {
    server.records().into_iter().find(|r| r.id == id).unwrap()
}

fn submit(server: &FakeDnspod, list: Value) -> Value {
    v3(
        server,
        "ModifyRecordBatchV3",
        json!({"ModifyRecordList": list}),
    )
}

#[test]
fn each_record_gets_its_own_fields_and_keeps_those_left_out() {
    let (server, www, api, _) = account();
    let answer = submit(
        &server,
        json!([
            {"RecordId": www, "Value": "192.0.2.9", "TTL": 120, "Weight": 0, "Enabled": "1", "Remark": ""},
            // The vendor's own example: the id and a line, nothing else.
            {"RecordId": api, "RecordLine": "默认"},
        ]),
    );
    let job = answer["JobId"].as_u64().unwrap();
    let keys: Vec<&String> = answer.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["JobId", "RequestId"], "the job id only");
    let before = record(&server, api);
    server.finish_all();
    let detail = ok(&server, "DescribeBatchTask", json!({"JobId": job}));
    assert_eq!(statuses(&detail), ["ok", "ok", "ok"]);
    assert_eq!(detail["JobType"], "record_modify_v3");
    let item = &detail["DetailList"][0]["RecordList"][0];
    assert_eq!(
        (
            &item["RecordId"],
            &item["Value"],
            &item["TTL"],
            &item["Operation"]
        ),
        (
            &json!(www),
            &json!("192.0.2.9"),
            &json!("120"),
            &json!("edit")
        )
    );
    assert_eq!(
        (&item["Enabled"], &item["Weight"], &item["Remark"]),
        (&json!(1), &json!("0"), &json!(""))
    );
    let now = record(&server, www);
    assert_eq!(
        (
            now.value.as_str(),
            now.ttl,
            now.weight,
            now.enabled,
            now.remark.as_str()
        ),
        ("192.0.2.9", 120, Some(0), true, "")
    );
    assert_eq!(
        record(&server, api),
        before,
        "nothing but the line, which it had"
    );
}

#[test]
fn a_record_the_rules_refuse_fails_as_an_item_and_the_others_are_made() {
    let (server, www, api, cdn) = account();
    let system = server.records()[0].id;
    let answer = submit(
        &server,
        json!([
            {"RecordId": www, "Weight": 150},
            {"RecordId": api, "SubDomain": "cdn"},
            {"RecordId": 999},
            {"RecordId": system, "TTL": 60},
            {"RecordId": cdn, "Value": "other.example.net.", "Enabled": "0"},
        ]),
    );
    let job = answer["JobId"].clone();
    server.finish_all();
    let detail = ok(&server, "DescribeBatchTask", json!({"JobId": job}));
    // a.cn and its four, then the unknown id's domain-less group.
    assert_eq!(
        statuses(&detail),
        ["ok", "error", "error", "error", "ok", "error", "error"]
    );
    assert_eq!(record(&server, www).weight, Some(30), "unchanged");
    assert_eq!(record(&server, api).sub_domain, "api", "unchanged");
    let cdn = record(&server, cdn);
    assert_eq!(
        (cdn.value.as_str(), cdn.enabled),
        ("other.example.net.", false)
    );
}

#[test]
fn modify_record_batch_v3_meets_the_job_limits_and_refuses_a_malformed_item() {
    let (server, www, _, _) = account();
    let many: Vec<Value> = (0..5001)
        .map(|_| json!({"RecordId": www, "TTL": 60}))
        .collect();
    assert_eq!(
        error_code(&submit(&server, Value::Array(many))),
        "InvalidParameter.JobGreaterThanLimit"
    );
    let cases = [
        (json!([]), "InvalidParameter.ParamsIllegal"),
        (
            json!([{"RecordId": www, "Enabled": "yes"}]),
            "InvalidParameter.ParamsIllegal",
        ),
        (
            json!([{"RecordId": www, "TTL": 5_000_000_000u64}]),
            "InvalidParameter.ParamsIllegal",
        ),
        (
            json!([{"RecordId": www, "RecordLineId": "0"}]),
            "UnknownParameter",
        ),
        (json!([{"Value": "192.0.2.1"}]), "MissingParameter"),
        (json!([{"RecordId": "1"}]), "InvalidParameter"),
    ];
    for (list, expected) in cases {
        assert_eq!(
            error_code(&submit(&server, list.clone())),
            expected,
            "{list}"
        );
    }
    server.hold_slots(4);
    assert_eq!(
        error_code(&submit(&server, json!([{"RecordId": www}]))),
        "InvalidParameter.BatchTaskCountLimit"
    );
    server.release_slots();
    assert!(submit(&server, json!([{"RecordId": www}]))["JobId"].is_u64());
}
