//! The vendor's job limits on both APIs: 5000 records a job, 4 unfinished jobs an
//! account (with slots other clients hold), jobs an hour per source IP. The legacy API
//! documents no code for them: the fake answers 701, 702 and 703.

use std::thread;
use std::time::Duration;

use crate::v3::{error_code, ok, v3};
use crate::{call, code};
use fake_dnspod::{Config, FakeDnspod};
use serde_json::json;

fn domains(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| format!("{tag}{i}.cn"))
        .collect::<Vec<_>>()
        .join(",")
}

fn legacy_create(server: &FakeDnspod, names: &str) -> serde_json::Value {
    call(server, "Batch.Domain.Create", &[("domains", names)])
}

fn v3_create(server: &FakeDnspod, name: &str) -> serde_json::Value {
    v3(server, "CreateDomainBatch", json!({ "DomainList": [name] }))
}

#[test]
fn a_legacy_job_of_more_than_5000_records_is_refused_with_701() {
    let server = FakeDnspod::start();
    let ids: Vec<String> = (1..=5001).map(|id| id.to_string()).collect();
    let ids = ids.join(",");
    let answer = call(
        &server,
        "Batch.Record.Modify",
        &[("record_id", &ids), ("change", "ttl"), ("change_to", "60")],
    );
    assert_eq!(code(&answer), "701");
    assert_eq!(
        answer["status"]["message"],
        "A batch job may hold at most 5000 records"
    );
    assert!(answer.get("job_id").is_none());
    // A domain with a value counts 3 (itself, @ and www): 1666 fit, 1667 do not.
    let with_value = |names: &str| {
        let params = [("domains", names), ("record_value", "192.0.2.1")];
        call(&server, "Batch.Domain.Create", &params)
    };
    assert_eq!(code(&with_value(&domains(1667, "a"))), "701");
    assert_eq!(code(&with_value(&domains(1666, "b"))), "1");
    // Record-create: domains x records.
    let domain_ids: Vec<String> = (0..2)
        .map(|n| server.add_domain(&format!("r{n}.cn")).to_string())
        .collect();
    let hosts: Vec<String> = (0..2501).map(|h| format!("h{h}")).collect();
    let records =
        json!([{"sub_domain": hosts.join(","), "record_type": "A", "value": "192.0.2.1"}]);
    let answer = call(
        &server,
        "Batch.Record.Create",
        &[
            ("domain_id", &domain_ids.join(",")),
            ("records", &records.to_string()),
        ],
    );
    assert_eq!(code(&answer), "701");
}

#[test]
fn a_fifth_unfinished_legacy_job_is_refused_with_702_in_either_language() {
    let server = FakeDnspod::start();
    let first = legacy_create(&server, "a1.cn")["job_id"]
        .as_str()
        .unwrap()
        .to_string();
    // API 3.0 jobs are the same account's.
    ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["a2.cn"]}),
    );
    for name in ["a3.cn", "a4.cn"] {
        assert_eq!(code(&legacy_create(&server, name)), "1");
    }
    let refused = legacy_create(&server, "a5.cn");
    assert_eq!(code(&refused), "702");
    assert_eq!(
        refused["status"]["message"],
        "The account has 4 unfinished batch jobs; wait for one to finish"
    );
    let cn = crate::call_in(
        &server,
        "cn",
        "Batch.Domain.Create",
        &[("domains", "a5.cn")],
    );
    assert_eq!(code(&cn), "702");
    assert!(cn["status"]["message"].as_str().unwrap().contains("未完成"));
    for _ in 0..3 {
        call(&server, "Batch.Detail", &[("job_id", &first)]);
    }
    assert_eq!(code(&legacy_create(&server, "a5.cn")), "1");
}

#[test]
fn jobs_past_the_hourly_cap_are_refused_on_both_apis() {
    let server = FakeDnspod::start_with(Config {
        jobs_per_hour: Some(3),
        ..Config::default()
    });
    assert_eq!(code(&legacy_create(&server, "a.cn")), "1");
    // A refused job does not count against the hour.
    assert_eq!(code(&legacy_create(&server, &domains(5001, "x"))), "701");
    ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["b.cn"]}),
    );
    assert_eq!(code(&legacy_create(&server, "c.cn")), "1");
    let refused = legacy_create(&server, "d.cn");
    assert_eq!(code(&refused), "703");
    assert_eq!(
        refused["status"]["message"],
        "At most 3 batch jobs an hour from one IP"
    );
    assert_eq!(
        error_code(&v3_create(&server, "d.cn")),
        "RequestLimitExceeded.BatchTaskLimit"
    );
    // Finished jobs still count: it is an hour's jobs, not unfinished ones.
    server.finish_all();
    assert_eq!(code(&legacy_create(&server, "d.cn")), "703");
}

#[test]
fn the_default_cap_is_the_vendors_80_an_hour() {
    let server = FakeDnspod::start();
    for n in 0..80 {
        assert_eq!(code(&legacy_create(&server, &format!("d{n}.cn"))), "1");
        server.finish_all();
    }
    assert_eq!(code(&legacy_create(&server, "late.cn")), "703");
}

#[test]
fn lifted_job_limits_admit_what_the_vendor_would_not() {
    let server = FakeDnspod::start_with(Config {
        job_limits: false,
        ..Config::default()
    });
    server.hold_slots(4);
    assert_eq!(code(&legacy_create(&server, &domains(6000, "a"))), "1");
    for n in 0..5 {
        assert!(
            v3_create(&server, &format!("b{n}.cn"))
                .get("Error")
                .is_none()
        );
    }
}

#[test]
fn slots_held_by_others_refuse_submits_until_released() {
    let server = FakeDnspod::start();
    ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["a.cn"]}),
    );
    server.hold_slots(3);
    assert_eq!(server.held_slots(), 3);
    assert_eq!(
        error_code(&v3_create(&server, "b.cn")),
        "InvalidParameter.BatchTaskCountLimit"
    );
    assert_eq!(code(&legacy_create(&server, "b.cn")), "702");
    server.release_slots();
    assert_eq!(server.held_slots(), 0);
    assert!(v3_create(&server, "b.cn").get("Error").is_none());
}

#[test]
fn slots_held_for_a_while_are_given_back_by_themselves() {
    let server = FakeDnspod::start();
    server.hold_slots_for(4, Duration::from_millis(300));
    assert_eq!(
        error_code(&v3_create(&server, "a.cn")),
        "InvalidParameter.BatchTaskCountLimit"
    );
    thread::sleep(Duration::from_millis(400));
    assert_eq!(server.held_slots(), 0);
    assert!(v3_create(&server, "a.cn").get("Error").is_none());
}

#[test]
fn slots_held_for_so_many_refusals_are_given_back_after_them() {
    let server = FakeDnspod::start();
    server.hold_slots_for_refusals(4, 2);
    assert_eq!(code(&legacy_create(&server, "a.cn")), "702");
    assert_eq!(
        error_code(&v3_create(&server, "a.cn")),
        "InvalidParameter.BatchTaskCountLimit"
    );
    assert!(v3_create(&server, "a.cn").get("Error").is_none());
}
