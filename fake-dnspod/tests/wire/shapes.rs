//! The look-ups in the shapes the real server sent over the years: totals that flip between
//! numbers and strings from one page to the next, `remark: false`, domain ids that are
//! strings or numbers as the domain was named, records with and without `line_id`,
//! `weight` null or a number as the record has one, and `hold` on the system NS records.

use fake_dnspod::FakeDnspod;
use serde_json::{Value, json};

use crate::{call, code};

fn ok(server: &FakeDnspod, action: &str, params: &[(&str, &str)]) -> Value {
    let answer = call(server, action, params);
    assert_eq!(code(&answer), "1", "{answer}");
    answer
}

#[test]
fn domain_list_totals_are_numbers_on_the_first_page_and_strings_after() {
    let server = FakeDnspod::start();
    server.add_domains("p", 3001);
    let first = ok(&server, "Domain.List", &[]);
    let info = &first["info"];
    assert_eq!(
        (
            &info["domain_total"],
            &info["mine_total"],
            &info["share_total"]
        ),
        (&json!(3001), &json!(3001), &json!("0")),
        "as in 2017"
    );
    let second = ok(&server, "Domain.List", &[("offset", "3000")]);
    let info = &second["info"];
    assert_eq!(
        (
            &info["domain_total"],
            &info["mine_total"],
            &info["share_total"]
        ),
        (&json!("3001"), &json!("3001"), &json!(0)),
        "as since 2019"
    );
    assert_eq!(second["domains"][0]["remark"], json!(false));
    let info = ok(&server, "Domain.Info", &[("domain", "p00001.example")]);
    assert_eq!(info["domain"]["remark"], json!(false));
}

#[test]
fn record_list_domain_ids_are_strings_by_name_and_numbers_by_id() {
    let server = FakeDnspod::start();
    let id = server.add_domain("shop.example");
    server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let by_name = ok(&server, "Record.List", &[("domain", "shop.example")]);
    assert_eq!(by_name["domain"]["id"], json!(id.to_string()));
    let by_id = ok(&server, "Record.List", &[("domain_id", &id.to_string())]);
    assert_eq!(by_id["domain"]["id"], json!(id));
}

#[test]
fn records_come_in_the_2016_and_2017_shapes_and_dnspods_ns_records_are_held() {
    let server = FakeDnspod::start();
    let id = server.add_domain("shop.example");
    let system: Vec<u64> = server.records().iter().map(|r| r.id).collect();
    let ids = [
        system[0],
        system[1],
        // An NS record of the user's at the apex is not the system's.
        server.add_record(id, "@", "NS", "默认", "ns1.example.net."),
        server.add_record(id, "www", "A", "电信", "192.0.2.1"),
    ];
    let domain_id = id.to_string();
    let answer = ok(&server, "Record.List", &[("domain_id", &domain_id)]);
    let listed = answer["records"].as_array().unwrap();
    for (record, id) in listed.iter().zip(&ids) {
        assert_eq!(record["id"], json!(id.to_string()));
        if id % 2 == 1 {
            assert!(record["line_id"].is_string(), "{record}");
        } else {
            assert_eq!(record.get("line_id"), None, "{record}");
        }
        // No record here has a weight, whatever the shape.
        assert!(record["weight"].is_null(), "{record}");
    }
    let held: Vec<&Value> = listed.iter().map(|r| &r["hold"]).collect();
    assert_eq!(
        held,
        [&json!("hold"), &json!("hold"), &Value::Null, &Value::Null]
    );
    let ns: Vec<(&Value, &Value, &Value)> = listed[..2]
        .iter()
        .map(|r| (&r["name"], &r["ttl"], &r["value"]))
        .collect();
    assert_eq!(
        ns,
        [
            (&json!("@"), &json!("86400"), &json!("f1g1ns1.dnspod.net.")),
            (&json!("@"), &json!("86400"), &json!("f1g1ns2.dnspod.net."))
        ]
    );
    assert_eq!(
        (
            &answer["info"]["record_total"],
            &answer["info"]["records_num"]
        ),
        (&json!("4"), &json!("4"))
    );
    let later = ok(
        &server,
        "Record.List",
        &[("domain_id", &domain_id), ("offset", "2")],
    );
    assert_eq!(
        (
            &later["info"]["record_total"],
            later["info"].get("records_num")
        ),
        (&json!(4), None),
        "as in 2014"
    );
}

#[test]
fn record_list_shows_each_records_own_weight_remark_and_pause() {
    let server = FakeDnspod::start();
    let id = server.add_domain("shop.example");
    let plain = server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let kept = server.add_record(id, "www", "A", "默认", "192.0.2.2");
    server.change_record(kept, |r| {
        (r.weight, r.enabled) = (Some(30), false);
        r.remark = "备用".into();
    });
    let zero = server.add_record(id, "api", "A", "默认", "192.0.2.3");
    server.change_record(zero, |r| r.weight = Some(0));
    let answer = ok(
        &server,
        "Record.List",
        &[("sub_domain", "www"), ("domain", "shop.example")],
    );
    let shown = |n: usize| {
        let r = &answer["records"][n];
        (
            r["id"].clone(),
            r["weight"].clone(),
            r["enabled"].clone(),
            r["status"].clone(),
            r["remark"].clone(),
        )
    };
    assert_eq!(
        shown(0),
        (
            json!(plain.to_string()),
            Value::Null,
            json!("1"),
            json!("enabled"),
            json!("")
        )
    );
    assert_eq!(
        shown(1),
        (
            json!(kept.to_string()),
            json!(30),
            json!("0"),
            json!("disabled"),
            json!("备用")
        )
    );
    let api = ok(
        &server,
        "Record.List",
        &[("sub_domain", "api"), ("domain", "shop.example")],
    );
    assert_eq!(
        api["records"][0]["weight"],
        json!(0),
        "0 is a weight, not none"
    );
}
