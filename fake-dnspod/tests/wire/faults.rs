//! Scripted faults: each kind served as described, once, in order, without touching state.

use std::io::{Read, Write};
use std::thread;
use std::time::{Duration, Instant};

use fake_dnspod::{FakeDnspod, Fault};

use crate::{call, code, connect, exchange, post, request};

fn create_domain(server: &FakeDnspod) -> String {
    let answer = call(server, "Batch.Domain.Create", &[("domains", "a.cn")]);
    assert_eq!(code(&answer), "1", "{answer}");
    answer["job_id"].as_str().unwrap().to_string()
}

#[test]
fn http_status_is_served_as_plain_text_and_changes_nothing() {
    let server = FakeDnspod::start();
    server.inject("Batch.Domain.Create", Fault::HttpStatus(502));
    let reply = post(&server, "Batch.Domain.Create", &[("domains", "a.cn")]);
    assert_eq!(reply.status, 502);
    assert_eq!(
        reply.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert!(reply.body.starts_with("502 Bad Gateway"));
    // The faulted submit made no job: the next one gets the first id.
    assert_eq!(create_domain(&server), "39581");
}

#[test]
fn html_is_a_200_page() {
    let server = FakeDnspod::start();
    server.inject("Batch.Detail", Fault::Html);
    let reply = post(&server, "Batch.Detail", &[]);
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(reply.body.contains("<html>"));
}

#[test]
fn broken_json_is_a_200_that_does_not_parse() {
    let server = FakeDnspod::start();
    server.inject("Batch.Detail", Fault::BrokenJson);
    let reply = post(&server, "Batch.Detail", &[]);
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/html;charset=UTF-8")
    );
    assert!(reply.body.starts_with(r#"{"status":"#));
    assert!(serde_json::from_str::<serde_json::Value>(&reply.body).is_err());
}

#[test]
fn api_code_is_a_valid_envelope() {
    let server = FakeDnspod::start();
    let fault = Fault::ApiCode {
        code: "-2".into(),
        message: "API usage is limited".into(),
    };
    server.inject("Batch.Detail", fault);
    let answer = call(&server, "Batch.Detail", &[("job_id", "1")]);
    assert_eq!(code(&answer), "-2");
    assert_eq!(answer["status"]["message"], "API usage is limited");
    assert!(answer["status"]["created_at"].is_string());
}

#[test]
fn drop_reads_the_request_and_closes_without_a_byte() {
    let server = FakeDnspod::start();
    server.inject("Batch.Domain.Create", Fault::Drop);
    let raw = request("POST", "Batch.Domain.Create", &[("domains", "a.cn")]);
    assert!(exchange(&server, &raw).is_empty());
    assert_eq!(server.requests()[0].param("domains"), Some("a.cn"));
    assert_eq!(create_domain(&server), "39581");
}

#[test]
fn slow_answers_normally_after_the_delay() {
    let server = FakeDnspod::start();
    server.inject(
        "Batch.Domain.Create",
        Fault::Slow(Duration::from_millis(50)),
    );
    let started = Instant::now();
    assert_eq!(create_domain(&server), "39581");
    assert!(started.elapsed() >= Duration::from_millis(50));
}

#[test]
fn a_slow_answer_does_not_hold_up_other_connections() {
    let server = FakeDnspod::start();
    // Far longer than the test runs: the slow answer is never awaited.
    server.inject("Batch.Detail", Fault::Slow(Duration::from_secs(30)));
    let mut slow = connect(&server);
    slow.write_all(&request("POST", "Batch.Detail", &[]))
        .unwrap();
    while server.count("Batch.Detail") == 0 {
        thread::sleep(Duration::from_millis(1));
    }
    let started = Instant::now();
    assert_eq!(create_domain(&server), "39581");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "held up by the slow answer"
    );
    slow.set_read_timeout(Some(Duration::from_millis(10)))
        .unwrap();
    assert!(
        slow.read(&mut [0; 1]).is_err(),
        "the slow answer is still pending"
    );
}

#[test]
fn faults_queue_in_order_per_action_and_star_matches_any() {
    let server = FakeDnspod::start();
    server.inject("Batch.Detail", Fault::HttpStatus(503));
    server.inject("*", Fault::HttpStatus(500));
    server.inject("Batch.Detail", Fault::HttpStatus(504));
    let status = |action: &str| post(&server, action, &[]).status;
    assert_eq!(status("Batch.Record.Create"), 500);
    assert_eq!(status("Batch.Detail"), 503);
    assert_eq!(status("Batch.Detail"), 504);
    assert_eq!(
        code(&call(&server, "Batch.Detail", &[("job_id", "1")])),
        "8"
    );
    assert_eq!(
        server.count("Batch.Detail"),
        3,
        "faulted requests are logged too"
    );
}

#[test]
fn an_escaped_echo_spells_the_secret_where_the_marker_was() {
    let server = FakeDnspod::start();
    server.inject(
        "Batch.Detail",
        Fault::EscapedEcho {
            marker: "No such job".into(),
        },
    );
    let reply = crate::send(&server, "en", "Batch.Detail", &[("job_id", "1")]);
    let secret = fake_dnspod::DEFAULT_TOKEN.split_once(',').unwrap().1;
    assert!(!reply.body.contains(secret), "{}", reply.body);
    let answer: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(answer["status"]["message"], secret);
}
