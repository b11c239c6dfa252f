//! Deleting records: the legacy Record.Remove, at once, and API 3.0's DeleteRecordBatch,
//! a batch job that DescribeBatchTask reports like the others.

use fake_dnspod::{Config, FakeDnspod};
use serde_json::{Value, json};

use crate::v3::{error_code, ok, statuses, v3};
use crate::{call, code};

/// A fake with one domain of two records; their ids.
fn account() -> (FakeDnspod, u64, u64, u64) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let apex = server.add_record(domain, "@", "MX", "默认", "mx.a.cn.");
    (server, domain, www, apex)
}

fn record_ids(server: &FakeDnspod) -> Vec<u64> {
    server.user_records().iter().map(|r| r.id).collect()
}

fn remove(server: &FakeDnspod, params: &[(&str, &str)]) -> Value {
    call(server, "Record.Remove", params)
}

#[test]
fn record_remove_deletes_the_record_at_once_and_answers_the_bare_envelope() {
    let (server, domain, www, apex) = account();
    let (domain, www) = (domain.to_string(), www.to_string());
    let answer = remove(&server, &[("domain_id", &domain), ("record_id", &www)]);
    assert_eq!(code(&answer), "1");
    assert_eq!(answer["status"]["message"], "Action completed successful");
    assert_eq!(answer.as_object().unwrap().len(), 1, "{answer}");
    assert_eq!(record_ids(&server), [apex]);
    // By name, as the look-ups take it.
    let apex = apex.to_string();
    let answer = remove(&server, &[("domain", "a.cn"), ("record_id", &apex)]);
    assert_eq!(code(&answer), "1");
    assert!(server.user_records().is_empty());
}

#[test]
fn record_remove_refuses_what_it_cannot_delete_under_the_vendors_codes() {
    let (server, domain, www, _) = account();
    let other = server.add_domain("b.cn").to_string();
    let (domain, www) = (domain.to_string(), www.to_string());
    let cases: [(&[(&str, &str)], &str); 6] = [
        // 8: the record id is not one of the domain's.
        (&[("domain_id", &domain), ("record_id", "999")], "8"),
        (&[("domain_id", &other), ("record_id", &www)], "8"),
        (&[("domain_id", &domain), ("record_id", "x")], "8"),
        (&[("domain_id", &domain)], "8"),
        // 6: no such domain id; 13: no such domain name, as Domain.Info answers.
        (&[("domain_id", "77"), ("record_id", &www)], "6"),
        (&[("domain", "c.cn"), ("record_id", &www)], "13"),
    ];
    for (params, expected) in cases {
        assert_eq!(code(&remove(&server, params)), expected, "{params:?}");
    }
    assert_eq!(server.user_records().len(), 2);
    let again = [("domain_id", domain.as_str()), ("record_id", www.as_str())];
    assert_eq!(code(&remove(&server, &again)), "1");
    let answer = remove(&server, &again);
    assert_eq!(
        (code(&answer), &answer["status"]["message"]),
        ("8", &json!("Invalid record id"))
    );
}

#[test]
fn record_remove_is_rate_limited_like_every_action() {
    let server = FakeDnspod::start_with(Config {
        calls_per_second: Some(1),
        ..Config::default()
    });
    let params = [("domain_id", "1"), ("record_id", "1")];
    assert_ne!(code(&remove(&server, &params)), "-2");
    assert_eq!(code(&remove(&server, &params)), "-2");
}

#[test]
fn delete_record_batch_answers_the_vendors_shape_then_deletes_as_it_runs() {
    let (server, domain, www, apex) = account();
    let answer = ok(
        &server,
        "DeleteRecordBatch",
        json!({"RecordIdList": [www, 424242, apex]}),
    );
    let job = answer["JobId"].as_u64().unwrap();
    let detail = &answer["DetailList"];
    assert_eq!(detail.as_array().unwrap().len(), 2, "{answer}");
    let known = &detail[0];
    assert_eq!(
        (
            &known["DomainId"],
            &known["Domain"],
            &known["Error"],
            &known["Status"],
            &known["Operation"]
        ),
        (
            &json!(domain),
            &json!("a.cn"),
            &Value::Null,
            &json!("waiting"),
            &json!("remove")
        )
    );
    // RecordList is a string holding JSON, as the vendor documents.
    let records: Value = serde_json::from_str(known["RecordList"].as_str().unwrap()).unwrap();
    assert_eq!(records[0]["RecordId"], www);
    assert_eq!(records[1]["RecordType"], "MX");
    assert_eq!(detail[1]["DomainId"], Value::Null);
    assert_eq!(
        server.user_records().len(),
        2,
        "nothing deleted before it runs"
    );

    let describe = |server: &FakeDnspod| ok(server, "DescribeBatchTask", json!({"JobId": job}));
    let first = describe(&server);
    assert_eq!(first["JobType"], "record_delete");
    assert!(statuses(&first).iter().all(|s| s == "waiting"));
    assert!(statuses(&describe(&server)).contains(&"running".to_string()));
    let last = describe(&server);
    assert_eq!(statuses(&last), ["ok", "ok", "ok", "error", "error"]);
    assert_eq!(
        (
            &last["TotalCount"],
            &last["SuccessCount"],
            &last["FailCount"]
        ),
        (&json!(5), &json!(3), &json!(2))
    );
    let unknown = &last["DetailList"][1]["RecordList"][0];
    assert_eq!(unknown["RecordId"], 424242);
    assert_eq!(unknown["ErrMsg"], "记录不存在");
    assert_eq!(
        last["DetailList"][0]["RecordList"][0]["Operation"],
        "remove"
    );
    assert!(server.user_records().is_empty());
    // The same job through the legacy Batch.Detail.
    let legacy = call(&server, "Batch.Detail", &[("job_id", &job.to_string())]);
    assert_eq!(
        (code(&legacy), &legacy["type"]),
        ("1", &json!("record_delete"))
    );
}

#[test]
fn delete_record_batch_checks_its_parameters_and_the_job_limits() {
    let server = FakeDnspod::start();
    let refused = |body: Value| error_code(&v3(&server, "DeleteRecordBatch", body)).to_string();
    assert_eq!(
        refused(json!({"RecordIdList": []})),
        "InvalidParameter.RecordsEmpty"
    );
    assert_eq!(refused(json!({})), "MissingParameter");
    assert_eq!(refused(json!({"RecordIdList": ["1"]})), "InvalidParameter");
    assert_eq!(
        refused(json!({"RecordIdList": [1], "Domain": "a.cn"})),
        "UnknownParameter"
    );
    let ids: Vec<u64> = (1..=5001).collect();
    assert_eq!(
        refused(json!({ "RecordIdList": ids })),
        "InvalidParameter.JobGreaterThanLimit"
    );
    // A delete job takes one of the account's 4 slots like any other.
    for _ in 0..4 {
        ok(&server, "DeleteRecordBatch", json!({"RecordIdList": [1]}));
    }
    assert_eq!(
        refused(json!({"RecordIdList": [1]})),
        "InvalidParameter.BatchTaskCountLimit"
    );
}

#[test]
fn dnspods_own_ns_records_are_neither_removed_nor_deleted_nor_changed() {
    let (server, domain, _, _) = account();
    let system: Vec<u64> = server
        .records()
        .iter()
        .filter(|r| r.system)
        .map(|r| r.id)
        .collect();
    assert_eq!(system.len(), 2);
    let (domain, ns) = (domain.to_string(), system[0].to_string());
    let answer = remove(&server, &[("domain_id", &domain), ("record_id", &ns)]);
    assert_eq!(code(&answer), "8");
    let delete = ok(
        &server,
        "DeleteRecordBatch",
        json!({"RecordIdList": system}),
    );
    let modify = json!({"RecordIdList": system, "Change": "ttl", "ChangeTo": "600"});
    let modify = ok(&server, "ModifyRecordBatch", modify);
    server.finish_all();
    for submit in [delete, modify] {
        let job = json!({"JobId": submit["JobId"]});
        let last = ok(&server, "DescribeBatchTask", job);
        assert_eq!(statuses(&last), ["ok", "error", "error"]);
        let refused = &last["DetailList"][0]["RecordList"][0]["ErrMsg"];
        assert_eq!(refused, "系统 NS 记录不可修改");
    }
    let ns: Vec<(u64, u32)> = server.records()[..2]
        .iter()
        .map(|r| (r.id, r.ttl))
        .collect();
    assert_eq!(ns, [(system[0], 86_400), (system[1], 86_400)], "untouched");
}
