//! The legacy single-record actions (Record.Create, Record.Modify, Record.Status,
//! Record.Remark, Record.Info), done at once, with the answers RECORDS.md records.

use fake_dnspod::{FakeDnspod, Record};
use serde_json::{Value, json};

use crate::{call, code};

/// A fake with a.cn holding one A record at `www`; the domain's and the record's ids.
fn account() -> (FakeDnspod, String, u64) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    (server, domain.to_string(), www)
}

fn ok(server: &FakeDnspod, action: &str, params: &[(&str, &str)]) -> Value {
    let answer = call(server, action, params);
    assert_eq!(code(&answer), "1", "{answer}");
    answer
}

fn record(server: &FakeDnspod, id: u64) -> Record {
    server.records().into_iter().find(|r| r.id == id).unwrap()
}

#[test]
fn record_create_writes_the_record_at_once_and_answers_its_id_as_a_string() {
    let (server, domain, _) = account();
    let answer = ok(
        &server,
        "Record.Create",
        &[
            ("domain_id", &domain),
            ("sub_domain", "api"),
            ("record_type", "a"),
            ("record_line", "默认"),
            ("value", "192.0.2.7"),
            ("ttl", "120"),
            ("status", "disable"),
            ("weight", "40"),
        ],
    );
    let id: u64 = answer["record"]["id"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        answer["record"],
        json!({"id": id.to_string(), "name": "api", "status": "disabled", "weight": 40})
    );
    let made = record(&server, id);
    assert_eq!(
        (
            made.record_type.as_str(),
            made.ttl,
            made.enabled,
            made.weight
        ),
        ("A", 120, false, Some(40))
    );
    // By name, with the line by id, and every default: `@`, enabled, TTL 600, no weight.
    let answer = ok(
        &server,
        "Record.Create",
        &[
            ("domain", "a.cn"),
            ("record_type", "TXT"),
            ("record_line_id", "0"),
            ("value", "hello"),
        ],
    );
    assert_eq!(answer["record"]["status"], "enabled");
    assert_eq!(answer["record"]["weight"], Value::Null);
    let id = answer["record"]["id"].as_str().unwrap().parse().unwrap();
    let made = record(&server, id);
    let shown = (made.sub_domain.as_str(), made.line.as_str(), made.ttl);
    assert_eq!(
        (shown, made.enabled, made.weight),
        (("@", "默认", 600), true, None)
    );
}

#[test]
fn record_modify_replaces_the_record_whole_and_answers_its_id_as_a_number() {
    let (server, domain, www) = account();
    server.change_record(www, |r| {
        (r.enabled, r.weight, r.ttl) = (false, Some(30), 120);
        r.remark = "keep".into();
    });
    let www_id = www.to_string();
    // Only the required fields: what is left out takes its default, not the old value.
    let answer = ok(
        &server,
        "Record.Modify",
        &[
            ("domain_id", &domain),
            ("record_id", &www_id),
            ("record_type", "A"),
            ("record_line", "默认"),
            ("value", "192.0.2.9"),
        ],
    );
    assert_eq!(
        answer["record"],
        json!({"id": www, "name": "@", "value": "192.0.2.9", "status": "enable", "weight": null})
    );
    let now = record(&server, www);
    let fields = (now.sub_domain.as_str(), now.ttl, now.enabled, now.weight);
    // The remark stays: no legacy Modify takes one.
    assert_eq!(
        (fields, now.remark.as_str()),
        (("@", 600, true, None), "keep")
    );
}

#[test]
fn record_status_pauses_and_record_remark_sets_and_clears() {
    let (server, domain, www) = account();
    let www_id = www.to_string();
    let target = [
        ("domain_id", domain.as_str()),
        ("record_id", www_id.as_str()),
    ];
    let answer = ok(
        &server,
        "Record.Status",
        &[&target[..], &[("status", "disable")]].concat(),
    );
    assert_eq!(
        answer["record"],
        json!({"id": www, "name": "www", "status": "disable"})
    );
    assert!(!record(&server, www).enabled);
    let answer = ok(
        &server,
        "Record.Remark",
        &[&target[..], &[("remark", "备用")]].concat(),
    );
    assert_eq!(
        answer.as_object().unwrap().len(),
        1,
        "the bare envelope: {answer}"
    );
    assert_eq!(record(&server, www).remark, "备用");
    ok(
        &server,
        "Record.Remark",
        &[&target[..], &[("remark", "")]].concat(),
    );
    assert_eq!(record(&server, www).remark, "");
}

#[test]
fn record_info_shows_the_record_in_the_documented_shape() {
    let (server, domain, www) = account();
    server.change_record(www, |r| (r.weight, r.remark) = (Some(5), "note".into()));
    let www_id = www.to_string();
    let answer = ok(
        &server,
        "Record.Info",
        &[("domain_id", &domain), ("record_id", &www_id)],
    );
    assert_eq!(
        answer["domain"]["id"],
        json!(domain.parse::<u64>().unwrap())
    );
    let shown = &answer["record"];
    assert_eq!(
        (
            &shown["id"],
            &shown["sub_domain"],
            &shown["record_line_id"],
            &shown["weight"]
        ),
        (&json!(www_id), &json!("www"), &json!("0"), &json!(5))
    );
    assert_eq!(
        (
            &shown["mx"],
            &shown["enabled"],
            &shown["remark"],
            &shown["domain_id"]
        ),
        (&json!("0"), &json!("1"), &json!("note"), &json!(domain))
    );
}

#[test]
fn single_record_actions_refuse_under_the_vendors_codes() {
    let (server, domain, www) = account();
    let other = server.add_domain("b.cn");
    let elsewhere = server
        .add_record(other, "x", "A", "默认", "192.0.2.2")
        .to_string();
    let system = server.records()[0].id.to_string();
    let target = |id: &str| vec![("domain_id", domain.clone()), ("record_id", id.to_string())];
    let modify = |id: &str| {
        let mut params = target(id);
        params.extend(
            [
                ("record_type", "A"),
                ("record_line", "默认"),
                ("value", "192.0.2.3"),
            ]
            .map(|(k, v)| (k, v.to_string())),
        );
        params
    };
    let www = www.to_string();
    let mx = |priority: &str| {
        let mut params = modify(&www);
        params[2].1 = "MX".into();
        params.push(("mx", priority.into()));
        params
    };
    type Params = Vec<(&'static str, String)>;
    let cases: Vec<(&str, Params, &str)> = vec![
        // 8: a record id that is not the domain's, or is DNSPod's own.
        ("Record.Modify", modify("999"), "8"),
        ("Record.Modify", modify(&elsewhere), "8"),
        ("Record.Modify", modify(&system), "8"),
        (
            "Record.Status",
            [target(&system), vec![("status", "disable".into())]].concat(),
            "8",
        ),
        (
            "Record.Remark",
            [target("x"), vec![("remark", "".into())]].concat(),
            "8",
        ),
        ("Record.Info", target("999"), "8"),
        // 30: an MX priority outside 1-20, or none on an MX record.
        ("Record.Modify", mx("0"), "30"),
        ("Record.Modify", mx("21"), "30"),
        ("Record.Modify", mx(""), "30"),
        // 26: a line id the server does not know.
        (
            "Record.Create",
            [
                target(&www),
                vec![
                    ("record_type", "A".into()),
                    ("record_line_id", "99=9".into()),
                    ("value", "192.0.2.4".into()),
                ],
            ]
            .concat(),
            "26",
        ),
    ];
    for (action, params, expected) in cases {
        let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            code(&call(&server, action, &params)),
            expected,
            "{action} {params:?}"
        );
    }
    assert_eq!(server.user_records().len(), 2, "nothing changed");
    assert!(server.user_records().iter().all(|r| r.value != "192.0.2.3"));
}

#[test]
fn a_modify_that_changes_nothing_is_counted_and_the_sixth_in_an_hour_locks_the_record() {
    let (server, domain, www) = account();
    let www = www.to_string();
    let modify = |value: &str| {
        let params = [
            ("domain_id", domain.as_str()),
            ("record_id", www.as_str()),
            ("sub_domain", "www"),
            ("record_type", "A"),
            ("record_line", "默认"),
            ("value", value),
        ];
        code(&call(&server, "Record.Modify", &params)).to_string()
    };
    assert_eq!(modify("192.0.2.5"), "1");
    assert_eq!(server.no_op_modifies(), 0);
    for n in 1..=5 {
        assert_eq!(modify("192.0.2.5"), "1", "no-op {n}");
    }
    assert_eq!(server.no_op_modifies(), 5);
    assert_eq!(modify("192.0.2.5"), "704", "the sixth locks the record");
    assert_eq!(
        modify("192.0.2.6"),
        "704",
        "locked for an hour, real changes too"
    );
    assert_eq!(server.no_op_modifies(), 6);
}
