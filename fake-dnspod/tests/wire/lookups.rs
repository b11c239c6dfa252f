//! The three look-ups: shapes and mixed types, finding a domain by either name, forced
//! paging past 3000 entries, filters, their error codes, and what finished jobs changed.

use fake_dnspod::{Config, DEFAULT_TOKEN, FakeDnspod};
use serde_json::{Value, json};

use crate::{call, call_in, code, post, send};

fn ok(server: &FakeDnspod, action: &str, params: &[(&str, &str)]) -> Value {
    let answer = call(server, action, params);
    assert_eq!(code(&answer), "1", "{answer}");
    answer
}

/// The `name` of every listed domain, or the `name` (host) of every listed record.
fn names<'a>(answer: &'a Value, list: &str) -> Vec<&'a str> {
    answer[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect()
}

#[test]
fn domain_info_finds_a_domain_by_id_or_either_form_of_its_name() {
    let server = FakeDnspod::start();
    server.add_domain("example.com");
    let id = server.add_domain("我们.cn");
    server.add_record(id, "www", "A", "默认", "192.0.2.1");
    server.add_record(id, "@", "MX", "默认", "mx.example.com.");
    // Counted with DNSPod's two NS records, as the vendor counts a new domain's "2".
    let by_id = send(
        &server,
        "en",
        "Domain.Info",
        &[("domain_id", &id.to_string())],
    );
    let expected = format!(
        r#","domain":{{"id":"{id}","name":"我们.cn","punycode":"xn--vnqp08b.cn","grade":"DP_Free","status":"enable","ext_status":"","records":"4","group_id":"1","remark":false,"ttl":"600","owner":""#
    );
    assert!(by_id.body.contains(&expected), "{}", by_id.body);
    for name in ["我们.cn", "xn--vnqp08b.cn", "XN--VNQP08B.CN"] {
        let answer = ok(&server, "Domain.Info", &[("domain", name)]);
        assert_eq!(answer["domain"], by_id.json()["domain"], "{name}");
    }
}

#[test]
fn domain_info_refuses_unknown_ids_with_6_and_unknown_names_with_13() {
    let server = FakeDnspod::start();
    server.add_domain("example.com");
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("domain_id", "1")], "6"),
        (&[("domain_id", "x")], "6"),
        (&[], "6"),
        (&[("domain", "example.cn")], "13"),
        (&[("domain", "例子.com")], "13"),
    ];
    for (params, expected) in cases {
        assert_eq!(
            code(&call(&server, "Domain.Info", params)),
            expected,
            "{params:?}"
        );
    }
    let answer = call_in(&server, "cn", "Domain.Info", &[("domain", "a.cn")]);
    assert_eq!(
        answer["status"]["message"],
        "当前域名未添加解析，请返回域名列表"
    );
}

#[test]
fn domain_list_pages_by_force_at_3000_with_numeric_ids() {
    let server = FakeDnspod::start();
    let ids = server.add_domains("p", 3500);
    let first = ok(
        &server,
        "Domain.List",
        &[("type", "all"), ("length", "5000")],
    );
    assert_eq!(
        (&first["info"]["domain_total"], &first["info"]["all_total"]),
        (&json!(3500), &json!(3500))
    );
    let listed = first["domains"].as_array().unwrap();
    assert_eq!(listed.len(), 3000);
    assert_eq!(listed[0]["id"], json!(ids[0]));
    assert_eq!(
        (
            &listed[0]["name"],
            &listed[0]["punycode"],
            &listed[0]["records"]
        ),
        (
            &json!("p00001.example"),
            &json!("p00001.example"),
            &json!("2")
        )
    );
    assert_eq!(listed[0]["ttl"], "600");
    let unasked = ok(&server, "Domain.List", &[]);
    assert_eq!(unasked["domains"].as_array().unwrap().len(), 3000);
    let rest = ok(
        &server,
        "Domain.List",
        &[("offset", "3000"), ("length", "3000")],
    );
    let rest = names(&rest, "domains");
    assert_eq!((rest.len(), rest[499]), (500, "p03500.example"));
    let middle = ok(&server, "Domain.List", &[("offset", "10"), ("length", "2")]);
    assert_eq!(
        names(&middle, "domains"),
        ["p00011.example", "p00012.example"]
    );
}

#[test]
fn domain_list_filters_by_keyword_in_either_form() {
    let server = FakeDnspod::start();
    assert_eq!(
        code(&call(&server, "Domain.List", &[])),
        "9",
        "no domains yet"
    );
    for name in ["shop.example", "我们.cn", "Shopping.cn"] {
        server.add_domain(name);
    }
    let shops = ok(
        &server,
        "Domain.List",
        &[("keyword", "SHOP"), ("type", "mine")],
    );
    assert_eq!(names(&shops, "domains"), ["shop.example", "shopping.cn"]);
    assert_eq!(
        (&shops["info"]["domain_total"], &shops["info"]["all_total"]),
        (&json!(2), &json!(3))
    );
    for keyword in ["我们", "vnqp08b"] {
        let answer = ok(&server, "Domain.List", &[("keyword", keyword)]);
        assert_eq!(names(&answer, "domains"), ["我们.cn"], "{keyword}");
        assert_eq!(answer["domains"][0]["punycode"], "xn--vnqp08b.cn");
    }
    assert_eq!(
        code(&call(&server, "Domain.List", &[("keyword", "nope")])),
        "9"
    );
    for (params, expected) in [
        (("offset", "-1"), "6"),
        (("offset", "x"), "6"),
        (("length", "-5"), "7"),
        (("length", "ten"), "7"),
    ] {
        assert_eq!(
            code(&call(&server, "Domain.List", &[params])),
            expected,
            "{params:?}"
        );
    }
}

#[test]
fn record_list_shows_the_vendor_types_and_filters_by_host_and_keyword() {
    let server = FakeDnspod::start();
    let id = server.add_domain("yizerowu.com");
    let www = server.add_record(id, "www", "A", "联通", "12.3.3.3");
    server.add_record(id, "www", "A", "默认", "192.0.2.1");
    server.add_record(id, "@", "MX", "默认", "mx.yizerowu.com.");
    server.add_record(id, "", "A", "默认", "192.0.2.2");
    let reply = send(
        &server,
        "en",
        "Record.List",
        &[("domain", "YIZEROWU.com"), ("sub_domain", "www")],
    );
    assert!(
        reply.body.contains(&format!(r#","domain":{{"id":"{id}","name":"yizerowu.com","punycode":"yizerowu.com","grade":"DP_Free","ttl":600}},"info":{{"sub_domains":"6","record_total":"2","records_num":"2"}},"records":[{{"id":"{www}","name":"www","line":"联通","line_id":"10=1","type":"A","ttl":"600","value":"12.3.3.3","weight":null,"mx":"0","enabled":"1","status":"enabled","remark":"","updated_on":""#)),
        "{}",
        reply.body
    );
    let second = &reply.json()["records"][1];
    assert_eq!(
        (second.get("line_id"), &second["weight"]),
        (None, &Value::Null),
        "in 2016's shape"
    );

    let domain_id = id.to_string();
    let apex = ok(
        &server,
        "Record.List",
        &[("domain_id", &domain_id), ("sub_domain", "@")],
    );
    // DNSPod's two NS records, then the MX and the A record.
    assert_eq!(names(&apex, "records"), ["@"; 4]);
    assert_eq!(apex["records"][2]["mx"], "5");
    let mx = ok(
        &server,
        "Record.List",
        &[("domain_id", &domain_id), ("keyword", "MX.")],
    );
    assert_eq!(mx["records"][0]["type"], "MX");
    let second = ok(
        &server,
        "Record.List",
        &[
            ("domain_id", &domain_id),
            ("sub_domain", "WWW"),
            ("offset", "1"),
            ("length", "1"),
        ],
    );
    assert_eq!(second["records"][0]["value"], "192.0.2.1");
    assert_eq!(
        second["info"]["record_total"],
        json!(2),
        "counts the filter, not the page (a number past the first page)"
    );
}

#[test]
fn record_list_refuses_with_its_own_codes() {
    let server = FakeDnspod::start();
    let id = server.add_domain("example.cn").to_string();
    let empty = server.add_domain("empty.cn").to_string();
    server.add_record(id.parse().unwrap(), "www", "A", "默认", "192.0.2.1");
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("domain_id", "1")], "6"),
        (&[], "6"),
        (&[("domain", "example.com")], "13"),
        (&[("domain_id", &id), ("offset", "-1")], "7"),
        (&[("domain_id", &id), ("length", "x")], "8"),
    ];
    for (params, expected) in cases {
        assert_eq!(
            code(&call(&server, "Record.List", params)),
            expected,
            "{params:?}"
        );
    }
    // Nothing to list: code 10, unless the client sent error_on_empty=no.
    let nothing: [&[(&str, &str)]; 3] = [
        &[("domain_id", &id), ("sub_domain", "mail")],
        &[("domain_id", &id), ("keyword", "203.0.113")],
        &[("domain_id", &empty), ("sub_domain", "www")],
    ];
    for params in nothing {
        let answer = call(&server, "Record.List", params);
        assert_eq!(code(&answer), "1", "{params:?}");
        assert_eq!(answer["records"], json!([]), "{params:?}");
        for asked in [&[("error_on_empty", "yes")][..], &[]] {
            let reply = post(
                &server,
                "Record.List",
                &[
                    [("login_token", DEFAULT_TOKEN), ("format", "json")].as_slice(),
                    asked,
                    params,
                ]
                .concat(),
            );
            let answer = reply.json();
            assert_eq!(
                (code(&answer), answer["status"]["message"].as_str()),
                ("10", Some("No records")),
                "{asked:?} {params:?}"
            );
        }
    }
}

#[test]
fn record_list_can_refuse_an_unknown_name_with_the_vendors_9() {
    let server = FakeDnspod::start_with(Config {
        record_list_unknown_domain: "9",
        ..Config::default()
    });
    let unknown = [("domain", "example.com")];
    assert_eq!(code(&call(&server, "Record.List", &unknown)), "9");
    assert_eq!(code(&call(&server, "Domain.Info", &unknown)), "13");
}

#[test]
fn record_list_pages_by_force_at_3000() {
    let server = FakeDnspod::start();
    let id = server.add_domain("big.cn");
    for n in 0..3100 {
        server.add_record(id, &format!("h{n:04}"), "A", "默认", "192.0.2.1");
    }
    let domain_id = id.to_string();
    let first = ok(
        &server,
        "Record.List",
        &[("domain_id", &domain_id), ("length", "5000")],
    );
    assert_eq!(first["records"].as_array().unwrap().len(), 3000);
    assert_eq!(
        first["info"]["record_total"], "3102",
        "with DNSPod's two NS records"
    );
    let rest = ok(
        &server,
        "Record.List",
        &[("domain_id", &domain_id), ("offset", "3000")],
    );
    let rest = names(&rest, "records");
    assert_eq!((rest.len(), rest[101]), (102, "h3099"));
}

#[test]
fn look_ups_see_what_finished_jobs_did() {
    let server = FakeDnspod::start();
    let submit = call(
        &server,
        "Batch.Domain.Create",
        &[("domains", "新站.cn"), ("record_value", "192.0.2.1")],
    );
    assert_eq!(
        code(&call(&server, "Domain.Info", &[("domain", "新站.cn")])),
        "13"
    );
    server.finish_all();
    let info = ok(&server, "Domain.Info", &[("domain", "新站.cn")]);
    assert_eq!(
        info["domain"]["records"], "4",
        "with DNSPod's two NS records"
    );
    let detail = ok(
        &server,
        "Batch.Detail",
        &[("job_id", submit["job_id"].as_str().unwrap())],
    );
    assert_eq!(info["domain"]["id"], detail["detail"][0]["domain_id"]);
    let id = info["domain"]["id"].as_str().unwrap().to_string();
    let punycode = info["domain"]["punycode"].as_str().unwrap().to_string();
    assert!(punycode.starts_with("xn--") && punycode.ends_with(".cn"));
    let listed = ok(&server, "Domain.List", &[]);
    assert_eq!(listed["domains"][0]["id"].to_string(), id);

    let records = r#"[{"sub_domain":"mail","record_type":"A","value":"192.0.2.9","ttl":"300"}]"#;
    let create = call(
        &server,
        "Batch.Record.Create",
        &[("domain_id", &id), ("records", records)],
    );
    server.finish_all();
    let detail = ok(
        &server,
        "Batch.Detail",
        &[("job_id", create["job_id"].as_str().unwrap())],
    );
    let mail = ok(
        &server,
        "Record.List",
        &[("domain_id", &id), ("sub_domain", "mail")],
    );
    let record = &mail["records"][0];
    assert_eq!(record["id"], detail["detail"][0]["records"][0]["record_id"]);
    assert_eq!(
        (&record["ttl"], &record["enabled"]),
        (&json!("300"), &json!("1"))
    );

    let record_id = record["id"].as_str().unwrap();
    call(
        &server,
        "Batch.Record.Modify",
        &[
            ("record_id", record_id),
            ("change", "status"),
            ("change_to", "disable"),
        ],
    );
    server.finish_all();
    let mail = ok(
        &server,
        "Record.List",
        &[("domain", &punycode), ("sub_domain", "mail")],
    );
    assert_eq!(
        (
            &mail["records"][0]["enabled"],
            &mail["records"][0]["status"]
        ),
        (&json!("0"), &json!("disabled"))
    );
}

#[test]
fn totals_can_be_left_out_or_overstated_while_the_pages_stay_true() {
    let totals = |totals| {
        let server = FakeDnspod::start_with(Config {
            totals,
            ..Config::default()
        });
        let id = server.add_domain("a.cn");
        server.add_record(id, "www", "A", "默认", "192.0.2.1");
        let domains = ok(&server, "Domain.List", &[]);
        let records = ok(&server, "Record.List", &[("domain", "a.cn")]);
        let later = ok(
            &server,
            "Record.List",
            &[("domain", "a.cn"), ("offset", "1")],
        );
        assert_eq!(names(&domains, "domains"), ["a.cn"]);
        assert_eq!(names(&records, "records"), ["@", "@", "www"], "NS, NS, A");
        let info = |answer: &Value, key: &str| answer["info"][key].clone();
        [
            info(&domains, "domain_total"),
            info(&domains, "all_total"),
            info(&records, "record_total"),
            info(&records, "records_num"),
            info(&later, "record_total"),
        ]
    };
    assert_eq!(
        totals(fake_dnspod::Totals::Missing),
        [
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null
        ]
    );
    assert_eq!(
        totals(fake_dnspod::Totals::Overstated(4)),
        [json!(5), json!(5), json!("7"), json!("7"), json!(7)]
    );
}
