//! The vendor's rules a record written must meet, on both APIs, on single calls and as a
//! job's item errors alike: no identical record, no CNAME beside another type at the
//! same host and line (either way round), a default-line record at a host before any
//! other line, a weight of 0-100.

use fake_dnspod::FakeDnspod;
use serde_json::{Value, json};

use crate::v3::{error_code, ok, v3};
use crate::{call, code};

/// a.cn with an A record at `www` and a CNAME at `cdn`, both on the default line.
fn account() -> (FakeDnspod, String) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    server.add_record(domain, "cdn", "CNAME", "默认", "cdn.example.net.");
    (server, domain.to_string())
}

/// (host, type, line, value) and the legacy code and API 3.0 code each is refused with;
/// `None`: accepted.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);
const CASES: [Case; 7] = [
    (
        "www",
        "A",
        "默认",
        "192.0.2.1",
        Some(("104", "InvalidParameter.DomainRecordExist")),
    ),
    (
        "www",
        "CNAME",
        "默认",
        "x.example.net.",
        Some(("31", "InvalidParameter.ConflictRecord")),
    ),
    (
        "cdn",
        "TXT",
        "默认",
        "hello",
        Some(("31", "InvalidParameter.ConflictRecord")),
    ),
    (
        "api",
        "A",
        "电信",
        "192.0.2.2",
        Some(("705", "FailedOperation.MustAddDefaultLineFirst")),
    ),
    // Another line at a host that has a default-line record, a CNAME beside an A on
    // another line, and a second CNAME beside a CNAME: all allowed.
    ("www", "A", "电信", "192.0.2.3", None),
    ("cdn", "CNAME", "联通", "other.example.net.", None),
    ("cdn", "CNAME", "默认", "second.example.net.", None),
];

#[test]
fn record_create_refuses_a_twin_a_cname_conflict_and_a_line_before_the_default() {
    let (server, domain) = account();
    for (host, kind, line, value, refused) in CASES {
        let params = [
            ("domain_id", domain.as_str()),
            ("sub_domain", host),
            ("record_type", kind),
            ("record_line", line),
            ("value", value),
        ];
        let expected = refused.map_or("1", |(legacy, _)| legacy);
        assert_eq!(
            code(&call(&server, "Record.Create", &params)),
            expected,
            "{params:?}"
        );
    }
    assert_eq!(server.user_records().len(), 5);
}

#[test]
fn create_record_refuses_the_same_under_api_3s_codes() {
    let (server, _) = account();
    for (host, kind, line, value, refused) in CASES {
        let body = json!({"Domain": "a.cn", "SubDomain": host, "RecordType": kind,
                          "RecordLine": line, "Value": value});
        let answer = v3(&server, "CreateRecord", body.clone());
        match refused {
            Some((_, expected)) => assert_eq!(error_code(&answer), expected, "{body}"),
            None => assert!(answer["RecordId"].is_u64(), "{answer}"),
        }
    }
    assert_eq!(server.user_records().len(), 5);
}

#[test]
fn a_modify_that_would_break_a_rule_is_refused_on_both_apis() {
    let (server, domain) = account();
    let www = server.user_records()[0].id;
    let (www_id, kind) = (www.to_string(), "CNAME");
    let legacy = [
        ("domain_id", domain.as_str()),
        ("record_id", www_id.as_str()),
        ("sub_domain", "cdn"),
        ("record_type", "A"),
        ("record_line", "默认"),
        ("value", "192.0.2.1"),
    ];
    assert_eq!(code(&call(&server, "Record.Modify", &legacy)), "31");
    let body = json!({"Domain": "a.cn", "RecordId": www, "SubDomain": "www",
                      "RecordType": kind, "RecordLine": "默认", "Value": "cdn.example.net."});
    // The record's own A is replaced, not beside it: a lone CNAME is fine.
    ok(&server, "ModifyRecord", body);
    let body = json!({"Domain": "a.cn", "RecordId": www, "SubDomain": "cdn",
                      "RecordType": "CNAME", "RecordLine": "默认", "Value": "cdn.example.net."});
    assert_eq!(
        error_code(&v3(&server, "ModifyRecord", body)),
        "InvalidParameter.DomainRecordExist"
    );
    let body = json!({"Domain": "a.cn", "RecordId": www, "RecordType": "A",
                      "RecordLine": "默认", "Value": "192.0.2.1", "Weight": 101});
    assert_eq!(
        error_code(&v3(&server, "ModifyRecord", body)),
        "InvalidParameter.InvalidWeight"
    );
    let mut weighted = legacy.to_vec();
    weighted[2].1 = "www";
    weighted.push(("weight", "101"));
    assert_eq!(code(&call(&server, "Record.Modify", &weighted)), "6");
}

/// The record items' (status, err_msg) of a finished job's detail.
fn items(detail: &Value, list: &str, status: &str, err: &str) -> Vec<(String, Value)> {
    detail[list][0][if list == "detail" {
        "records"
    } else {
        "RecordList"
    }]
    .as_array()
    .unwrap()
    .iter()
    .map(|r| (r[status].as_str().unwrap().to_string(), r[err].clone()))
    .collect()
}

/// Each case as a record of one batch create: the twin, the conflicts and the line
/// before the default fail as items, with their reason; the others are made.
fn expected_items() -> Vec<(String, Value)> {
    let reasons = [
        json!("Record already exists"),
        json!("A CNAME record cannot share its host and line with records of other types"),
        json!("A CNAME record cannot share its host and line with records of other types"),
        json!("Add a record on the default line first"),
    ];
    let mut all: Vec<(String, Value)> = reasons.map(|r| ("error".to_string(), r)).into();
    all.extend((0..3).map(|_| ("ok".to_string(), Value::Null)));
    all
}

#[test]
fn batch_record_create_fails_the_same_records_as_items() {
    let (server, domain) = account();
    let records: Vec<Value> = CASES
        .iter()
        .map(|(host, kind, line, value, _)| {
            json!({"sub_domain": host, "record_type": kind, "record_line": line, "value": value})
        })
        .collect();
    let records = Value::Array(records).to_string();
    let submit = call(
        &server,
        "Batch.Record.Create",
        &[("domain_id", &domain), ("records", &records)],
    );
    let job = submit["job_id"].as_str().unwrap().to_string();
    server.finish_all();
    let detail = call(&server, "Batch.Detail", &[("job_id", &job)]);
    assert_eq!(
        items(&detail, "detail", "status", "err_msg"),
        expected_items()
    );
}

#[test]
fn create_record_batch_fails_the_same_records_as_items() {
    let (server, domain) = account();
    let records: Vec<Value> = CASES
        .iter()
        .map(|(host, kind, line, value, _)| {
            json!({"SubDomain": host, "RecordType": kind, "RecordLine": line, "Value": value})
        })
        .collect();
    let body = json!({"DomainIdList": [domain], "RecordList": records});
    let job = ok(&server, "CreateRecordBatch", body)["JobId"].clone();
    server.finish_all();
    let detail = ok(&server, "DescribeBatchTask", json!({"JobId": job}));
    let shown: Vec<(String, Value)> = items(&detail, "DetailList", "Status", "ErrMsg");
    // API 3.0 answers in Chinese unless asked otherwise: compare the statuses, and that
    // each failure says why.
    let statuses: Vec<&str> = shown.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        statuses,
        ["error", "error", "error", "error", "ok", "ok", "ok"]
    );
    assert!(
        shown[..4].iter().all(|(_, why)| why.is_string()),
        "{shown:?}"
    );
}

#[test]
fn a_batch_modify_into_a_conflict_fails_that_item() {
    let (server, _) = account();
    let www = server.user_records()[0].id;
    let body = json!({"RecordIdList": [www], "Change": "sub_domain", "ChangeTo": "cdn"});
    let job = ok(&server, "ModifyRecordBatch", body)["JobId"].clone();
    server.finish_all();
    let detail = ok(&server, "DescribeBatchTask", json!({"JobId": job}));
    let shown = items(&detail, "DetailList", "Status", "ErrMsg");
    assert_eq!(shown[0].0, "error", "{shown:?}");
    assert_eq!(server.user_records()[0].sub_domain, "www", "unchanged");
}
