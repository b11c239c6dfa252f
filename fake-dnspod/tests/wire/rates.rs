//! Round trips and rate limits the fake imposes when asked: a latency on every answer, and
//! the vendor's rate-limit refusal past N calls of one action a second, on both APIs.

use crate::v3::{error_code, v3};
use crate::{call, code};
use fake_dnspod::{Config, FakeDnspod};
use serde_json::json;
use std::time::{Duration, Instant};

fn limited(per_second: u32) -> FakeDnspod {
    FakeDnspod::start_with(Config {
        calls_per_second: Some(per_second),
        ..Config::default()
    })
}

#[test]
fn calls_past_the_rate_get_the_legacy_rate_limit_refusal() {
    let server = limited(3);
    let codes: Vec<String> = (0..5)
        .map(|_| code(&call(&server, "Domain.List", &[])).to_owned())
        .collect();
    // Five calls well within a second: three answered, then -2.
    assert_eq!(&codes[3..], ["-2", "-2"], "{codes:?}");
    assert!(codes[..3].iter().all(|c| c != "-2"), "{codes:?}");
    // Another action has its own count.
    assert_ne!(
        code(&call(&server, "Batch.Detail", &[("job_id", "1")])),
        "-2"
    );
}

#[test]
fn calls_past_the_rate_get_request_limit_exceeded_on_api_3() {
    let server = limited(2);
    let answers: Vec<String> = (0..3)
        .map(|_| {
            let answer = v3(&server, "DescribeDomainList", json!({}));
            answer["Error"]["Code"].as_str().unwrap_or("ok").to_owned()
        })
        .collect();
    assert_eq!(answers, ["ok", "ok", "RequestLimitExceeded"]);
    assert_eq!(
        error_code(&v3(&server, "DescribeDomainList", json!({}))),
        "RequestLimitExceeded"
    );
}

/// The codes of `calls` ModifyRecordStatus calls in a row ("ok" for any other answer).
fn status_calls(server: &FakeDnspod, calls: usize) -> Vec<String> {
    let body = json!({"Domain": "a.cn", "RecordId": 1, "Status": "ENABLE"});
    (0..calls)
        .map(|_| {
            let answer = v3(server, "ModifyRecordStatus", body.clone());
            let code = answer["Error"]["Code"].as_str();
            code.filter(|c| c.starts_with("RequestLimitExceeded"))
                .unwrap_or("ok")
                .to_owned()
        })
        .collect()
}

#[test]
fn api_3_actions_meet_their_documented_rates_unless_lifted() {
    let server = FakeDnspod::start();
    // 20 a second documented: the 21st call within the second is refused.
    let codes = status_calls(&server, 21);
    assert_eq!(codes[20], "RequestLimitExceeded", "{codes:?}");
    assert!(codes[..20].iter().all(|c| c == "ok"), "{codes:?}");
    // A lower cap wins over the documented rate.
    assert_eq!(status_calls(&limited(2), 3)[2], "RequestLimitExceeded");
    let lifted = FakeDnspod::start_with(Config {
        vendor_rates: false,
        ..Config::default()
    });
    assert!(status_calls(&lifted, 25).iter().all(|c| c == "ok"));
}

#[test]
fn a_latency_is_waited_before_each_answer() {
    let server = FakeDnspod::start_with(Config {
        latency: Duration::from_millis(150),
        ..Config::default()
    });
    let started = Instant::now();
    call(&server, "Domain.List", &[]);
    call(&server, "Domain.List", &[]);
    assert!(started.elapsed() >= Duration::from_millis(300));
}
