//! API 3.0's single-record actions (CreateRecord, ModifyRecord, DeleteRecord,
//! ModifyRecordStatus, ModifyRecordRemark), done at once, with the vendor's codes.

use fake_dnspod::{FakeDnspod, Record};
use serde_json::{Value, json};

use super::{error_code, ok, v3};

/// A fake with a.cn holding one A record at `www`; the domain's and the record's ids.
fn account() -> (FakeDnspod, u64, u64) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    (server, domain, www)
}

fn record(server: &FakeDnspod, id: u64) -> Option<Record> {
    server.records().into_iter().find(|r| r.id == id)
}

#[test]
fn create_record_sets_weight_status_and_remark_in_one_call() {
    let (server, _, _) = account();
    let answer = ok(
        &server,
        "CreateRecord",
        json!({"Domain": "a.cn", "SubDomain": "api", "RecordType": "A", "RecordLine": "默认",
               "Value": "192.0.2.7", "TTL": 120, "Weight": 40, "Status": "DISABLE", "Remark": "备用"}),
    );
    let id = answer["RecordId"].as_u64().unwrap();
    let made = record(&server, id).unwrap();
    assert_eq!(
        (
            made.sub_domain.as_str(),
            made.ttl,
            made.weight,
            made.enabled,
            made.remark.as_str()
        ),
        ("api", 120, Some(40), false, "备用")
    );
    // Every default: `@`, ENABLE, TTL 600, no weight, no remark; the line by id.
    let answer = ok(
        &server,
        "CreateRecord",
        json!({"Domain": "a.cn", "RecordType": "TXT", "RecordLine": "x", "RecordLineId": "0", "Value": "v"}),
    );
    let made = record(&server, answer["RecordId"].as_u64().unwrap()).unwrap();
    let shown = (
        made.sub_domain.as_str(),
        made.line.as_str(),
        made.ttl,
        made.enabled,
    );
    assert_eq!(
        (shown, made.weight, made.remark.as_str()),
        (("@", "默认", 600, true), None, "")
    );
}

#[test]
fn modify_record_replaces_the_record_whole() {
    let (server, domain, www) = account();
    server.change_record(www, |r| {
        (r.enabled, r.weight, r.ttl) = (false, Some(30), 120);
        r.remark = "old".into();
    });
    // Only the required fields: what is left out takes its default, not the old value.
    let answer = ok(
        &server,
        "ModifyRecord",
        json!({"Domain": "a.cn", "DomainId": domain, "RecordId": www, "RecordType": "A",
               "RecordLine": "默认", "Value": "192.0.2.9"}),
    );
    assert_eq!(answer["RecordId"], json!(www));
    let now = record(&server, www).unwrap();
    assert_eq!(
        (
            now.sub_domain.as_str(),
            now.value.as_str(),
            now.ttl,
            now.enabled,
            now.weight,
            now.remark.as_str()
        ),
        ("@", "192.0.2.9", 600, true, None, "")
    );
}

#[test]
fn status_remark_and_delete_act_on_one_record() {
    let (server, _, www) = account();
    let answer = ok(
        &server,
        "ModifyRecordStatus",
        json!({"Domain": "a.cn", "RecordId": www, "Status": "DISABLE"}),
    );
    assert_eq!(answer["RecordId"], json!(www));
    assert!(!record(&server, www).unwrap().enabled);
    let answer = ok(
        &server,
        "ModifyRecordRemark",
        json!({"Domain": "a.cn", "RecordId": www, "Remark": "n"}),
    );
    assert_eq!(
        answer.as_object().unwrap().len(),
        1,
        "RequestId only: {answer}"
    );
    assert_eq!(record(&server, www).unwrap().remark, "n");
    ok(
        &server,
        "ModifyRecordRemark",
        json!({"Domain": "a.cn", "RecordId": www}),
    );
    assert_eq!(record(&server, www).unwrap().remark, "", "omitted clears");
    ok(
        &server,
        "DeleteRecord",
        json!({"Domain": "a.cn", "RecordId": www}),
    );
    assert!(record(&server, www).is_none());
}

#[test]
fn single_record_actions_refuse_under_the_vendors_codes() {
    let (server, _, www) = account();
    let other = server.add_domain("b.cn");
    let elsewhere = server.add_record(other, "x", "A", "默认", "192.0.2.2");
    let system = server.records()[0].id;
    let modify = |id: u64, extra: Value| {
        let mut body = json!({"Domain": "a.cn", "RecordId": id, "RecordType": "A",
                              "RecordLine": "默认", "Value": "192.0.2.3"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    let cases = [
        (
            "ModifyRecord",
            modify(999, json!({})),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "ModifyRecord",
            modify(elsewhere, json!({})),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "ModifyRecord",
            modify(system, json!({})),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "DeleteRecord",
            json!({"Domain": "a.cn", "RecordId": system}),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "ModifyRecordStatus",
            json!({"Domain": "a.cn", "RecordId": 999, "Status": "ENABLE"}),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "ModifyRecordRemark",
            json!({"Domain": "b.cn", "RecordId": www}),
            "InvalidParameter.RecordIdInvalid",
        ),
        (
            "ModifyRecord",
            modify(www, json!({"RecordType": "MX"})),
            "InvalidParameter.MxInvalid",
        ),
        (
            "ModifyRecord",
            modify(www, json!({"RecordType": "MX", "MX": 70000})),
            "InvalidParameter.MxInvalid",
        ),
        (
            "ModifyRecord",
            modify(www, json!({"Weight": 101})),
            "InvalidParameter.InvalidWeight",
        ),
        (
            "ModifyRecord",
            modify(www, json!({"RecordLineId": "99=9"})),
            "InvalidParameter.RecordLineInvalid",
        ),
        (
            "ModifyRecord",
            modify(www, json!({"Weight": "10"})),
            "InvalidParameter",
        ),
        (
            "CreateRecord",
            json!({"Domain": "c.cn", "RecordType": "A", "RecordLine": "默认", "Value": "192.0.2.4"}),
            "InvalidParameterValue.DomainNotExists",
        ),
        (
            "CreateRecord",
            json!({"Domain": "a.cn", "RecordType": "A", "Value": "192.0.2.4"}),
            "MissingParameter",
        ),
    ];
    for (action, body, expected) in cases {
        assert_eq!(
            error_code(&v3(&server, action, body.clone())),
            expected,
            "{action} {body}"
        );
    }
    assert!(
        server.user_records().iter().all(|r| r.value != "192.0.2.3"),
        "nothing changed"
    );
    assert_eq!(server.user_records().len(), 2);
}

#[test]
fn a_modify_record_that_changes_nothing_is_counted_and_too_many_lock_it() {
    let (server, _, www) = account();
    let body = json!({"Domain": "a.cn", "RecordId": www, "SubDomain": "www", "RecordType": "A",
                      "RecordLine": "默认", "Value": "192.0.2.1"});
    for _ in 0..5 {
        ok(&server, "ModifyRecord", body.clone());
    }
    assert_eq!(server.no_op_modifies(), 5);
    assert_eq!(
        error_code(&v3(&server, "ModifyRecord", body)),
        "FailedOperation.FrequencyLimit"
    );
}
