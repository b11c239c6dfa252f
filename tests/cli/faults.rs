//! Faults of the network and of the vendor: submits are never re-sent; Batch.Detail is
//! retried with back-off while waiting; refusals stop at once.

use crate::support::Env;
use fake_dnspod::Fault;
use std::time::Duration;

fn faults() -> Vec<(&'static str, Fault)> {
    vec![
        ("HTTP 502", Fault::HttpStatus(502)),
        ("HTML body", Fault::Html),
        ("broken JSON", Fault::BrokenJson),
        ("dropped connection", Fault::Drop),
        ("slow answer", Fault::Slow(Duration::from_secs(3))),
    ]
}

#[test]
fn a_submit_whose_outcome_is_unknown_is_not_resent_and_exits_1() {
    for (name, fault) in faults() {
        let env = Env::new();
        env.server.inject("Batch.Domain.Create", fault);
        let run = env
            .domain_create("a.cn")
            .wait()
            .fast()
            .args(["--request-timeout", "500ms"])
            .run();
        run.code(1)
            .stderr_has("outcome of Batch.Domain.Create is unknown");
        assert!(run.stdout.is_empty(), "{name}: {run:#?}");
        assert_eq!(
            env.requests("Batch.Domain.Create").len(),
            1,
            "{name}: sent once"
        );
        assert!(
            env.requests("Batch.Detail").is_empty(),
            "{name}: no job to wait for"
        );
    }
}

#[test]
fn an_unreachable_endpoint_says_nothing_was_sent() {
    let env = Env::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let endpoint = format!("http://{closed}");
    let run = env
        .domain_create("a.cn")
        .args(["--endpoint", &endpoint])
        .run();
    run.code(1).stderr_has("was not sent");
}

#[test]
fn a_rate_limited_submit_is_refused_with_exit_3_and_not_retried() {
    let env = Env::new();
    env.server.inject(
        "Batch.Record.Modify",
        Fault::ApiCode {
            code: "-2".into(),
            message: "API usage over the limit".into(),
        },
    );
    env.record_modify()
        .record_ids(1)
        .change("ttl", 60)
        .run()
        .code(3)
        .stderr_has("code -2")
        .stderr_has("hint:");
    assert_eq!(env.requests("Batch.Record.Modify").len(), 1);
}

#[test]
fn login_failure_stops_at_once() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn")
        .env("DNSPOD_TOKEN", "520001,wrong")
        .run();
    run.code(3)
        .stderr_has("code 10002")
        .stderr_has("never retries");
    let job = env.submit_domains("a.cn");
    env.server.inject(
        "Batch.Detail",
        Fault::ApiCode {
            code: "-1".into(),
            message: "Login failed".into(),
        },
    );
    env.wait(job).run().code(3).stderr_has("code -1");
    assert_eq!(env.requests("Batch.Detail").len(), 1, "no retry after -1");
}

#[test]
fn waiting_rides_out_passing_faults_with_back_off() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    // A generous request timeout, so that only the slow answer (3 s) exceeds it.
    let wait = || env.wait(job).args(["--request-timeout", "1s"]).run();
    let mut injected = faults();
    injected.push((
        "rate limit",
        Fault::ApiCode {
            code: "-2".into(),
            message: "over the limit".into(),
        },
    ));
    // Four in a row are tolerated; then the job is followed to its end.
    for (_, fault) in injected.drain(..4) {
        env.server.inject("Batch.Detail", fault);
    }
    let run = wait();
    run.code(0).stdout_has("1 ok").stderr_has("retrying in");
    assert_eq!(env.requests("Batch.Detail").len(), 4 + 3);
    // The other two, on the finished job: each is retried and the job shown once more.
    for (_, fault) in injected {
        env.server.inject("Batch.Detail", fault);
    }
    let run = wait();
    run.code(0).stdout_has("1 ok").stderr_has("retrying in");
    assert_eq!(env.requests("Batch.Detail").len(), 7 + 2 + 1);
}

#[test]
fn too_many_failures_in_a_row_exit_1_with_the_resume_command() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    for _ in 0..5 {
        env.server.inject("Batch.Detail", Fault::HttpStatus(503));
    }
    let run = env.wait(job).run();
    run.code(1)
        .stderr_has("failed 5 times in a row")
        .stderr_has(&format!("dpbatch wait {job}"));
    assert_eq!(env.requests("Batch.Detail").len(), 5);
}

#[test]
fn a_page_echoing_the_request_is_shown_without_the_secret() {
    let env = Env::new();
    env.server.inject("Batch.Detail", Fault::Echo);
    // The harness fails the run if the secret appears anywhere in its output.
    env.detail(1)
        .run()
        .code(1)
        .stderr_has("unreadable answer")
        .stderr_has("<redacted>");
}

#[test]
fn a_single_detail_is_not_retried() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    env.server.inject("Batch.Detail", Fault::Html);
    env.detail(job)
        .run()
        .code(1)
        .stderr_has("unreadable answer")
        .stderr_has("<html");
    assert_eq!(env.requests("Batch.Detail").len(), 1);
}
