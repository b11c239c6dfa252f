//! Transport and envelope rules: refusals with their codes, headers, the request log, garbage.

use std::io::Write;
use std::net::{SocketAddr, TcpStream};

use fake_dnspod::{Config, DEFAULT_TOKEN, FakeDnspod};

use crate::{call, call_in, code, connect, exchange, parse_reply, post, request};

#[test]
fn a_wrong_or_missing_token_gets_10002_in_either_language() {
    let server = FakeDnspod::start_with(Config {
        token: "1,right".into(),
        ..Config::default()
    });
    let answer = call(&server, "Batch.Detail", &[("job_id", "1")]);
    assert_eq!(
        (code(&answer), answer["status"]["message"].as_str()),
        ("10002", Some("The login token ID is invalid"))
    );
    let answer = call_in(&server, "cn", "Batch.Detail", &[("job_id", "1")]);
    assert_eq!(answer["status"]["message"], "登录令牌无效");
    let reply = post(
        &server,
        "Batch.Detail",
        &[("format", "json"), ("job_id", "1")],
    );
    assert_eq!(code(&reply.json()), "10002");
}

#[test]
fn an_unknown_job_gets_8() {
    let server = FakeDnspod::start();
    let answer = call(&server, "Batch.Detail", &[("job_id", "39581")]);
    assert_eq!(
        (code(&answer), answer["status"]["message"].as_str()),
        ("8", Some("No such job"))
    );
    let answer = call_in(&server, "cn", "Batch.Detail", &[("job_id", "7")]);
    assert_eq!(answer["status"]["message"], "数据为空，没有查到该任务");
}

#[test]
fn get_gets_code_2() {
    let server = FakeDnspod::start();
    let reply = parse_reply(&exchange(
        &server,
        b"GET /Batch.Detail HTTP/1.1\r\nHost: x\r\n\r\n",
    ));
    assert_eq!(reply.status, 200);
    let answer = reply.json();
    assert_eq!(
        (code(&answer), answer["status"]["message"].as_str()),
        ("2", Some("Only POST is allowed"))
    );
}

#[test]
fn a_missing_format_gets_the_vendor_default_xml() {
    let server = FakeDnspod::start();
    let reply = post(
        &server,
        "Batch.Detail",
        &[("login_token", DEFAULT_TOKEN), ("job_id", "1")],
    );
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/xml; charset=utf-8")
    );
    assert!(reply.body.starts_with("<?xml"));
    assert!(serde_json::from_str::<serde_json::Value>(&reply.body).is_err());
}

#[test]
fn an_unknown_action_gets_3() {
    let server = FakeDnspod::start();
    assert_eq!(code(&call(&server, "Domain.Nope", &[])), "3");
    assert_eq!(code(&call(&server, "", &[])), "3");
}

/// Form fields of one call.
type Params<'a> = &'a [(&'a str, &'a str)];

#[test]
fn missing_or_bad_parameters_get_6_naming_the_parameter() {
    let server = FakeDnspod::start();
    let cases: [(&str, Params, &str); 9] = [
        ("Batch.Domain.Create", &[], "domains"),
        ("Batch.Domain.Create", &[("domains", " , ")], "domains"),
        (
            "Batch.Domain.Create",
            &[("domains", "a.cn"), ("record_value", "::1")],
            "record_value",
        ),
        (
            "Batch.Record.Create",
            &[("domain_id", "1,x"), ("records", "[]")],
            "domain_id",
        ),
        (
            "Batch.Record.Create",
            &[("domain_id", "1"), ("records", "{")],
            "records",
        ),
        (
            "Batch.Record.Modify",
            &[
                ("record_id", "1"),
                ("change", "color"),
                ("change_to", "red"),
            ],
            "change",
        ),
        (
            "Batch.Record.Modify",
            &[
                ("record_id", "1"),
                ("change", "status"),
                ("change_to", "off"),
            ],
            "change_to",
        ),
        (
            "Batch.Record.Modify",
            &[("record_id", "0"), ("change", "ttl"), ("change_to", "60")],
            "record_id",
        ),
        ("Batch.Detail", &[("job_id", "abc")], "job_id"),
    ];
    for (action, params, name) in cases {
        let answer = call(&server, action, params);
        assert_eq!(code(&answer), "6", "{action} {params:?}");
        let message = answer["status"]["message"].as_str().unwrap();
        assert!(message.ends_with(name), "{message}");
    }
    assert_eq!(server.count("Batch.Detail"), 1);
    assert_eq!(
        code(&call(&server, "Batch.Detail", &[("job_id", "39581")])),
        "8",
        "no job was made"
    );
}

#[test]
fn answers_carry_length_and_close_the_connection() {
    let server = FakeDnspod::start();
    let reply = parse_reply(&exchange(
        &server,
        &request("POST", "Batch.Detail", &[("format", "json")]),
    ));
    assert_eq!(reply.header("connection"), Some("close"));
    assert_eq!(
        reply.header("content-length"),
        Some(reply.body.len().to_string().as_str())
    );
}

#[test]
fn every_request_is_logged_in_order_with_its_form_and_headers() {
    let server = FakeDnspod::start();
    call(&server, "Batch.Domain.Create", &[("domains", "例子.cn")]);
    call(&server, "Batch.Detail", &[("job_id", "39581")]);
    call(&server, "Batch.Detail", &[("job_id", "39581")]);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(
        (requests[0].method.as_str(), requests[0].action.as_str()),
        ("POST", "Batch.Domain.Create")
    );
    assert_eq!(requests[0].param("domains"), Some("例子.cn"));
    assert_eq!(requests[0].param("login_token"), Some(DEFAULT_TOKEN));
    assert_eq!(
        requests[0].header("Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    assert!(requests[0].body.contains("format=json"));
    assert_eq!(
        (
            server.count("Batch.Detail"),
            server.count("Batch.Record.Create")
        ),
        (2, 0)
    );
}

#[test]
fn garbage_gets_a_4xx_or_a_close_and_the_server_keeps_serving() {
    let server = FakeDnspod::start();
    let garbage: [&[u8]; 7] = [
        b"\x00\x01\x02 not http\r\n\r\n",
        b"POST /Batch.Detail HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"POST /Batch.Detail HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        b"POST /Batch.Detail HTTP/1.1\r\nContent-Length: 4\r\n\r\n\xff\xfe\xfd\xfc",
        b"POST /Batch.Detail HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n",
        b"\xff\xff\xff\r\n\r\n",
        b"POST /Batch.Detail HTTP/1.1\r\nno-colon-here\r\n\r\n",
    ];
    for raw in garbage {
        let reply = parse_reply(&exchange(&server, raw));
        assert!((400..500).contains(&reply.status), "{}", reply.status);
    }
    // A peer that says nothing, or sends a short body, and leaves.
    drop(connect(&server));
    let mut short = connect(&server);
    short
        .write_all(b"POST /Batch.Detail HTTP/1.1\r\nContent-Length: 50\r\n\r\njob")
        .unwrap();
    drop(short);
    assert_eq!(
        code(&call(&server, "Batch.Detail", &[("job_id", "1")])),
        "8"
    );
}

#[test]
fn only_loopback_addresses_are_served() {
    let refused = FakeDnspod::bind("0.0.0.0:0".parse().unwrap(), Config::default())
        .err()
        .unwrap();
    assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);
    assert!(FakeDnspod::bind("192.0.2.1:0".parse().unwrap(), Config::default()).is_err());
    let server = FakeDnspod::start();
    assert!(server.url().starts_with("http://127.0.0.1:"));
}

#[test]
fn dropping_the_server_stops_it() {
    let server = FakeDnspod::start();
    let addr: SocketAddr = server.url().trim_start_matches("http://").parse().unwrap();
    drop(server);
    assert!(TcpStream::connect(addr).is_err());
}
