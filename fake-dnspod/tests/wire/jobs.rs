//! The four actions end to end: submit echoes, progress across polls, outcomes and their effects.

use std::time::Duration;

use fake_dnspod::{Config, FakeDnspod, Progress};
use serde_json::{Value, json};

use crate::{call, call_in, code, send, statuses};

/// What an item whose name starts with `fail` fails with: a failure on request, not a
/// vendor refusal it could be mistaken for.
const ON_REQUEST: &str = "Failed on request: the fake fails every name starting with `fail`";
const ON_REQUEST_CN: &str = "按要求失败：假服务器让以 fail 开头的名字失败";

/// The vendor's Batch.Domain.Create example answer, from its `detail` on.
const VENDOR_DOMAIN_ECHO: &str = r#"[ { "id": 0, "domain": "dnsapi1.cn", "domain_grade": "DP_Free", "err_msg": null, "status": "waiting", "operation": "plus", "records": [ { "id": 0, "sub_domain": "www", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "waiting", "operation": "plus" }, { "id": 1, "sub_domain": "@", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "waiting", "operation": "plus" } ] }, { "id": 1, "domain": "dnsapi2.cn", "domain_grade": "DP_Free", "err_msg": null, "status": "waiting", "operation": "plus", "records": [ { "id": 0, "sub_domain": "www", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "waiting", "operation": "plus" }, { "id": 1, "sub_domain": "@", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "waiting", "operation": "plus" } ] } ] }"#;

/// The vendor's Batch.Detail example, `detail` only, record ids as the fake numbers them:
/// each domain's two NS records come first.
const VENDOR_DOMAIN_DETAIL: &str = r#"[ { "id": 0, "domain": "dnsapi1.cn", "domain_grade": "DP_Free", "err_msg": null, "status": "ok", "operation": "plus", "records": [ { "id": 0, "sub_domain": "www", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "ok", "operation": "plus", "record_id": 118332373, "mx": null }, { "id": 1, "sub_domain": "@", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "ok", "operation": "plus", "record_id": 118332374, "mx": null } ], "domain_id": "25562928" }, { "id": 1, "domain": "dnsapi2.cn", "domain_grade": "DP_Free", "err_msg": null, "status": "ok", "operation": "plus", "records": [ { "id": 0, "sub_domain": "www", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "ok", "operation": "plus", "record_id": 118332377, "mx": null }, { "id": 1, "sub_domain": "@", "record_type": "A", "area": "默认", "value": "11.22.33.45", "ttl": 600, "err_msg": null, "status": "ok", "operation": "plus", "record_id": 118332378, "mx": null } ], "domain_id": "25562929" } ]"#;

/// The vendor's pages space their JSON out; none of these values holds a space.
fn compact(vendor: &str) -> String {
    vendor.replace(' ', "")
}

/// The raw text of `detail` in a body, up to the next top-level key or the end.
fn raw_detail(body: &str) -> &str {
    let rest = body.split_once(r#""detail":"#).unwrap().1;
    rest.split_once(r#","total":"#)
        .map_or(rest, |(detail, _)| detail)
}

fn poll(server: &FakeDnspod, job_id: &str) -> Value {
    let answer = call(server, "Batch.Detail", &[("job_id", job_id)]);
    assert_eq!(code(&answer), "1", "{answer}");
    answer
}

fn job_id(answer: &Value) -> String {
    assert_eq!(code(answer), "1", "{answer}");
    answer["job_id"]
        .as_str()
        .expect("job_id is a string")
        .to_string()
}

#[test]
fn domain_create_echoes_the_vendor_shape_with_a_string_job_id() {
    let server = FakeDnspod::start();
    let reply = send(
        &server,
        "en",
        "Batch.Domain.Create",
        &[
            ("domains", "dnsapi1.cn,dnsapi2.cn"),
            ("record_value", "11.22.33.45"),
        ],
    );
    assert_eq!(job_id(&reply.json()), "39581");
    assert_eq!(raw_detail(&reply.body), compact(VENDOR_DOMAIN_ECHO));
    assert!(reply.body.starts_with(
        r#"{"status":{"code":"1","message":"Action completed successful","created_at":""#
    ));
    let next = call(&server, "Batch.Domain.Create", &[("domains", "x.cn")]);
    assert_eq!(job_id(&next), "39582");
    assert_eq!(next["detail"][0]["records"], json!([]));
}

#[test]
fn domain_job_goes_waiting_then_running_then_ok_and_creates_the_domains() {
    let server = FakeDnspod::start();
    let submit = call(
        &server,
        "Batch.Domain.Create",
        &[
            ("domains", "dnsapi1.cn,dnsapi2.cn"),
            ("record_value", "11.22.33.45"),
        ],
    );
    let id = job_id(&submit);

    let first = poll(&server, &id);
    assert_eq!(statuses(&first), ["waiting"; 6]);
    assert_eq!(
        (&first["total"], &first["success"], &first["fail"]),
        (&json!(6), &json!(0), &json!(0))
    );
    assert_eq!(first["type"], "domain");
    assert!(first["detail"][0].get("domain_id").is_none());
    assert!(first["detail"][0]["records"][0].get("record_id").is_none());
    assert_eq!(first["detail"][0]["records"][0]["mx"], Value::Null);

    let second = poll(&server, &id);
    assert_eq!(
        statuses(&second),
        ["ok", "ok", "ok", "running", "waiting", "waiting"]
    );
    assert_eq!(second["success"], 3);
    assert_eq!(second["detail"][0]["domain_id"], "25562928");
    assert!(second["detail"][1].get("domain_id").is_none());

    let reply = send(&server, "en", "Batch.Detail", &[("job_id", &id)]);
    assert_eq!(raw_detail(&reply.body), compact(VENDOR_DOMAIN_DETAIL));
    let third = reply.json();
    assert_eq!(
        (&third["total"], &third["success"], &third["fail"]),
        (&json!(6), &json!(6), &json!(0))
    );
    assert_eq!(third["created_at"], submit["status"]["created_at"]);

    let names: Vec<String> = server.domains().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["dnsapi1.cn", "dnsapi2.cn"]);
    assert_eq!(server.user_records().len(), 4);
}

#[test]
fn existing_and_fail_domains_error_with_their_records_in_the_asked_language() {
    let server = FakeDnspod::start();
    server.add_domain("taken.cn");
    let submit = call(
        &server,
        "Batch.Domain.Create",
        &[
            ("domains", "TAKEN.cn,fail-me.cn,fresh.cn"),
            ("record_value", "192.0.2.1"),
        ],
    );
    server.finish_all();
    let answer = call_in(
        &server,
        "cn",
        "Batch.Detail",
        &[("job_id", &job_id(&submit))],
    );
    assert_eq!(
        statuses(&answer),
        [
            "error", "error", "error", "error", "error", "error", "ok", "ok", "ok"
        ]
    );
    // TAKEN.cn exists; fail-me.cn fails because its name asks to, and says so.
    let messages = ["域名已存在", ON_REQUEST_CN];
    for (domain, message) in answer["detail"].as_array().unwrap()[..2]
        .iter()
        .zip(messages)
    {
        assert_eq!(domain["err_msg"], message);
        assert_eq!(domain["records"][1]["err_msg"], message);
        assert!(domain.get("domain_id").is_none());
    }
    assert_eq!(answer["detail"][2]["err_msg"], Value::Null);
    assert_eq!(
        (&answer["success"], &answer["fail"]),
        (&json!(3), &json!(6))
    );

    // Created by the finished job, so it exists now.
    let again = call(&server, "Batch.Domain.Create", &[("domains", "fresh.cn")]);
    server.finish_all();
    let answer = call(&server, "Batch.Detail", &[("job_id", &job_id(&again))]);
    assert_eq!(answer["detail"][0]["err_msg"], "Domain already exists");
}

#[test]
fn record_create_echo_and_detail_mix_strings_and_numbers_like_the_vendor() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("wuhongsheng.com");
    let records = r#"[{"sub_domain":"www,wap,bbs","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},{"sub_domain":"","record_type":"MX","record_line":"默认","value":"mx.qq.com","ttl":600,"MX":10}]"#;
    let ids = format!("{domain},999");
    let reply = send(
        &server,
        "en",
        "Batch.Record.Create",
        &[("records", records), ("domain_id", &ids)],
    );
    let submit = reply.json();
    let echo = &submit["detail"][0];
    assert_eq!(echo["domain_id"], domain.to_string());
    assert_eq!(echo["domain"], "wuhongsheng.com");
    assert_eq!(echo["operation"], Value::Null);
    let hosts: Vec<&str> = echo["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["sub_domain"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, ["www", "wap", "bbs", ""]);
    assert_eq!(
        (&echo["records"][0]["mx"], &echo["records"][3]["mx"]),
        (&json!("5"), &json!("10"))
    );
    assert!(reply.body.contains(r#"{"id":0,"sub_domain":"www","record_type":"A","area":"默认","value":"11.22.33.44","mx":"5","ttl":"600","err_msg":null,"status":"waiting","operation":"plus"}"#));
    assert_eq!(
        (
            &submit["detail"][1]["domain_id"],
            &submit["detail"][1]["domain"]
        ),
        (&json!("999"), &json!(""))
    );

    server.finish_all();
    let answer = call(&server, "Batch.Detail", &[("job_id", &job_id(&submit))]);
    assert_eq!(answer["type"], "record_add");
    assert_eq!(
        (&answer["total"], &answer["success"], &answer["fail"]),
        (&json!(10), &json!(5), &json!(5))
    );
    let ok = &answer["detail"][0];
    assert_eq!(ok["domain_id"], domain);
    let www = &ok["records"][0];
    assert!(www["record_id"].is_string() && www.get("mx").is_none() && www["ttl"] == "600");
    assert_eq!(ok["records"][3]["mx"], "10");
    let missing = &answer["detail"][1];
    assert_eq!(
        (&missing["status"], &missing["err_msg"]),
        (&json!("error"), &json!("Domain does not exist"))
    );
    assert_eq!(missing["records"][0]["err_msg"], "Domain does not exist");
    assert!(missing["records"][0].get("record_id").is_none());

    let created: Vec<(String, Option<u16>)> = server
        .user_records()
        .into_iter()
        .map(|r| (r.sub_domain, r.mx))
        .collect();
    assert_eq!(created[3], ("@".to_string(), Some(10)));
    assert_eq!(created.len(), 4);
}

#[test]
fn record_create_refuses_twins_and_fail_hosts_but_the_domain_stays_ok() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("example.cn");
    server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let records =
        r#"[{"sub_domain":"www,failover,new","record_type":"a","value":"192.0.2.1","ttl":"300"}]"#;
    let submit = call(
        &server,
        "Batch.Record.Create",
        &[("domain_id", &domain.to_string()), ("records", records)],
    );
    server.finish_all();
    let answer = call(&server, "Batch.Detail", &[("job_id", &job_id(&submit))]);
    assert_eq!(statuses(&answer), ["ok", "error", "error", "ok"]);
    assert_eq!(
        answer["detail"][0]["records"][0]["err_msg"],
        "Record already exists"
    );
    assert_eq!(answer["detail"][0]["records"][1]["err_msg"], ON_REQUEST);
    let last = server.user_records().pop().unwrap();
    assert_eq!(
        (
            last.sub_domain.as_str(),
            last.record_type.as_str(),
            last.ttl
        ),
        ("new", "A", 300)
    );
}

#[test]
fn record_modify_groups_by_domain_applies_on_ok_and_sends_counts_as_strings() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("dnsapi1.cn");
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let mx = server.add_record(domain, "@", "MX", "默认", "mx.dnsapi1.cn.");
    let ids = format!("{www},{mx},424242");
    let reply = send(
        &server,
        "en",
        "Batch.Record.Modify",
        &[
            ("record_id", &ids),
            ("change", "status"),
            ("change_to", "disable"),
        ],
    );
    let submit = reply.json();
    let echo = &submit["detail"];
    assert_eq!(
        (&echo[0]["domain_id"], &echo[0]["operation"]),
        (&json!(domain), &Value::Null)
    );
    assert_eq!(echo[0]["records"][0]["record_id"], www.to_string());
    // The echo shows the records as they are before the change.
    assert_eq!(echo[0]["records"][0]["enabled"], "1");
    assert!(echo[0]["records"][0].get("mx").is_none());
    assert_eq!(echo[0]["records"][1]["mx"], "5");
    assert_eq!(
        (&echo[1]["domain_id"], &echo[1]["domain"]),
        (&Value::Null, &json!(""))
    );
    let expected = format!(
        r#"{{"record_id":"{www}","sub_domain":"www","area":"默认","record_type":"A","ttl":"600","value":"192.0.2.1","enabled":"1","status":"waiting","err_msg":null,"id":0,"operation":"edit"}}"#
    );
    assert!(reply.body.contains(&expected), "{}", reply.body);
    assert!(
        server.user_records().iter().all(|r| r.enabled),
        "nothing applied before ok"
    );

    server.finish_all();
    let answer = call(&server, "Batch.Detail", &[("job_id", &job_id(&submit))]);
    assert_eq!(answer["type"], "record_modify");
    assert_eq!(
        (&answer["total"], &answer["success"], &answer["fail"]),
        (&json!("5"), &json!("3"), &json!("2"))
    );
    assert_eq!(statuses(&answer), ["ok", "ok", "ok", "error", "error"]);
    assert_eq!(
        answer["detail"][1]["records"][0]["err_msg"],
        "Record does not exist"
    );
    assert_eq!(answer["detail"][1]["records"][0]["record_id"], "424242");
    assert!(server.user_records().iter().all(|r| !r.enabled));
}

#[test]
fn record_modify_of_the_type_takes_the_value_along() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("dnsapi1.cn");
    let bbs = server.add_record(domain, "bbs", "A", "默认", "192.0.2.1");
    let submit = call(
        &server,
        "Batch.Record.Modify",
        &[
            ("record_id", &bbs.to_string()),
            ("change", "record_type"),
            ("change_to", "cname"),
            ("value", "bbs.dnsapi2.com."),
        ],
    );
    assert_eq!(
        submit["detail"][0]["records"][0]["record_type"], "A",
        "echoed as before the change"
    );
    server.finish_all();
    let record = server.user_records().pop().unwrap();
    assert_eq!(
        (record.record_type.as_str(), record.value.as_str()),
        ("CNAME", "bbs.dnsapi2.com.")
    );
}

#[test]
fn synthetic_jobs_make_large_details() {
    let server = FakeDnspod::start();
    let id = server.create_domain_job(500, 3).to_string();
    assert_eq!(statuses(&poll(&server, &id)).len(), 2000);
    server.finish_all();
    let answer = poll(&server, &id);
    assert_eq!(
        (&answer["total"], &answer["success"]),
        (&json!(2000), &json!(2000))
    );
    assert_eq!(answer["detail"][0]["domain"], "d00001.example");
    assert_eq!(answer["detail"][499]["records"][2]["sub_domain"], "r003");
}

#[test]
fn elapsed_progress_follows_the_clock_not_the_polls() {
    let slow = FakeDnspod::start_with(Config {
        progress: Progress::Elapsed(Duration::from_secs(3600)),
        ..Config::default()
    });
    let id = slow.create_domain_job(2, 0).to_string();
    for _ in 0..3 {
        assert_eq!(statuses(&poll(&slow, &id)), ["running", "waiting"]);
    }
    let instant = FakeDnspod::start_with(Config {
        progress: Progress::Elapsed(Duration::ZERO),
        ..Config::default()
    });
    let id = instant.create_domain_job(2, 0).to_string();
    assert_eq!(statuses(&poll(&instant, &id)), ["ok", "ok"]);
}

#[test]
fn seeded_state_has_example_domains_with_records() {
    let server = FakeDnspod::start_with(Config {
        seed: true,
        ..Config::default()
    });
    let domains = server.domains();
    let names: Vec<&str> = domains.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["example.cn", "example.com"]);
    let records = server.user_records();
    assert_eq!(records.len(), 6);
    // README's "Try it offline" uses these ids: a seed that moved them breaks its commands.
    assert_eq!(domains[0].id, 25_562_928);
    let www = &records[0];
    assert_eq!((www.id, www.domain_id), (118_332_373, 25_562_928));
    assert_eq!(
        (www.sub_domain.as_str(), www.record_type.as_str()),
        ("www", "A")
    );
    assert!(
        records
            .iter()
            .any(|r| r.record_type == "MX" && r.mx == Some(5))
    );
}

#[test]
fn jobs_count_up_from_the_configured_first_id() {
    let server = FakeDnspod::start_with(Config {
        first_job: 1_700_000_000_000,
        ..Config::default()
    });
    let first = call(&server, "Batch.Domain.Create", &[("domains", "x.cn")]);
    assert_eq!(job_id(&first), "1700000000000");
    let next = call(&server, "Batch.Domain.Create", &[("domains", "y.cn")]);
    assert_eq!(job_id(&next), "1700000000001");
}
