//! A hostile or broken server, and signals at the worst moment: the token never shows,
//! no answer holds a run past its deadlines or fills its memory, a job never looks done
//! when its answer is broken, and a submit whose answer was not seen is never lost.

use crate::support::{Env, FAST, interrupt, secret};
use fake_dnspod::{DEFAULT_TOKEN, Fault};
use std::process::Child;
use std::time::{Duration, Instant};

/// The secret as a gateway would quote it back: raw and form-encoded.
fn echoes() -> String {
    let encoded = DEFAULT_TOKEN.replace(',', "%2C");
    format!("login_token={encoded} token {}", secret())
}

fn detail_body(items: &str) -> String {
    format!(r#"{{"status": {{"code": "1"}}, "type": "domain", "detail": [{items}]}}"#)
}

fn domain(name: &str, status: &str, err_msg: &str) -> String {
    format!(
        r#"{{"domain": "{name}", "status": "{status}", "err_msg": "{err_msg}", "records": []}}"#
    )
}

#[test]
fn a_refusal_quoting_the_token_is_shown_without_it() {
    // The harness fails any run whose output holds the secret.
    let env = Env::new();
    env.server.inject(
        "Batch.Domain.Create",
        Fault::ApiCode {
            code: "-15".into(),
            message: format!("blocked request: {}", echoes()),
        },
    );
    env.run(&["domain-create", "a.cn"])
        .code(3)
        .stderr_has("<redacted>");
    env.server.inject(
        "Domain.Info",
        Fault::ApiCode {
            code: "-15".into(),
            message: echoes(),
        },
    );
    env.run(&[
        "record-create",
        "--domain",
        "a.cn",
        "--type",
        "A",
        "--value",
        "1.2.3.4",
    ])
    .code(3)
    .stderr_has("<redacted>");
}

#[test]
fn items_quoting_the_token_are_shown_without_it_in_the_table_and_json() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    let body = detail_body(&domain("a.cn", "error", &echoes()));
    env.server.inject("Batch.Detail", Fault::Json(body.clone()));
    env.run(&["detail", &job]).code(4).stdout_has("<redacted>");
    env.server.inject("Batch.Detail", Fault::Json(body));
    env.run(&["detail", &job, "--json"])
        .code(4)
        .stdout_has("<redacted>");
}

#[test]
fn a_trickling_answer_is_given_up_at_the_request_timeout() {
    let env = Env::new();
    // About 150 bytes a byte per 100 ms: 15 s for the whole answer.
    env.server.inject(
        "Batch.Domain.Create",
        Fault::Trickle(Duration::from_millis(100)),
    );
    let started = Instant::now();
    env.run(&["domain-create", "a.cn", "--request-timeout", "1s"])
        .code(1)
        .stderr_has("no complete answer within 1s")
        .stderr_has("outcome of Batch.Domain.Create is unknown");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn the_wait_timeout_cuts_a_request_in_flight() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    env.server
        .inject("Batch.Detail", Fault::Slow(Duration::from_secs(20)));
    let started = Instant::now();
    env.run(&["wait", &job, "--timeout", "1s", "--interval", "10ms"])
        .code(5)
        .stderr_has("timed out after 1s");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn an_endless_or_huge_answer_is_refused_past_the_cap() {
    for fault in [Fault::Endless, Fault::Huge] {
        let env = Env::new();
        let job = env.submit_domains("a.cn").to_string();
        env.server.inject("Batch.Detail", fault.clone());
        env.run(&["detail", &job])
            .code(1)
            .stderr_has("larger than 64 MiB");
    }
}

#[test]
fn items_that_vanish_or_a_job_without_items_never_pass_as_done() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    let three = [
        domain("a.cn", "waiting", ""),
        domain("b.cn", "waiting", ""),
        domain("c.cn", "waiting", ""),
    ]
    .join(",");
    env.server
        .inject("Batch.Detail", Fault::Json(detail_body(&three)));
    for _ in 0..5 {
        env.server.inject(
            "Batch.Detail",
            Fault::Json(detail_body(&domain("a.cn", "ok", ""))),
        );
    }
    let mut args = vec!["wait", job.as_str()];
    args.extend(FAST);
    env.run(&args)
        .code(1)
        .stderr_has("the job lists 1 items where it listed 3 before");
    for body in [
        detail_body(""),
        r#"{"status": {"code": "1"}, "type": "domain"}"#.to_owned(),
    ] {
        env.server.inject("Batch.Detail", Fault::Json(body));
        env.run(&["detail", &job])
            .code(1)
            .stderr_has("lists no items");
    }
}

#[test]
fn a_job_id_of_zero_is_an_unknown_outcome_with_the_hint() {
    let env = Env::new();
    env.server.inject(
        "Batch.Domain.Create",
        Fault::Json(r#"{"status": {"code": "1"}, "job_id": "0"}"#.into()),
    );
    let run = env.run(&["domain-create", "a.cn"]);
    run.code(1)
        .stderr_has("job id 0")
        .stderr_has("hint: check the DNSPod console");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(!run.stderr.contains("error: : "), "{run:#?}");
}

#[test]
fn a_dropped_submit_gives_the_console_hint_and_no_empty_context() {
    let env = Env::new();
    env.server.inject("Batch.Domain.Create", Fault::Drop);
    let run = env.run(&["domain-create", "a.cn"]);
    run.code(1)
        .stderr_has("error: the outcome of Batch.Domain.Create is unknown")
        .stderr_has("hint: check the DNSPod console");
}

#[test]
fn a_failed_login_with_an_error_status_is_not_retried() {
    for code in ["-1", "10002"] {
        let env = Env::new();
        let job = env.submit_domains("a.cn").to_string();
        env.server.inject(
            "Batch.Detail",
            Fault::StatusJson {
                status: 503,
                body: format!(r#"{{"status": {{"code": "{code}", "message": "Login failed"}}}}"#),
                retry_after: None,
            },
        );
        let mut args = vec!["wait", job.as_str()];
        args.extend(FAST);
        env.run(&args).code(3).stderr_has("hint: check the token");
        assert_eq!(env.requests("Batch.Detail").len(), 1, "code {code}");
    }
}

#[test]
fn retry_after_is_honoured_while_waiting() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    env.server.inject(
        "Batch.Detail",
        Fault::StatusJson {
            status: 429,
            body: "{}".into(),
            retry_after: Some(2),
        },
    );
    let started = Instant::now();
    let mut args = vec!["wait", job.as_str()];
    args.extend(FAST);
    env.run(&args).code(0).stderr_has("retrying in 2.0s");
    assert!(started.elapsed() >= Duration::from_secs(2));
}

#[test]
fn a_huge_refusal_message_is_cut_short() {
    let env = Env::new();
    env.server.inject(
        "Batch.Domain.Create",
        Fault::ApiCode {
            code: "-15".into(),
            message: "x".repeat(5_000_000),
        },
    );
    let run = env.run(&["domain-create", "a.cn"]);
    run.code(3).stderr_has("(5000000 bytes in all)");
    assert!(run.stderr.len() < 2_000, "{} bytes", run.stderr.len());
}

#[test]
fn a_job_id_that_cannot_be_written_is_named_on_stderr() {
    let env = Env::new();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = env
        .process()
        .args(["domain-create", "a.cn"])
        .stdout(full)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("was submitted, but its id could not be written to stdout"),
        "{stderr}"
    );
}

#[test]
fn timeouts_too_long_for_the_clock_are_usage_errors() {
    let env = Env::new();
    env.run(&["wait", "1", "--timeout", "9999999999999999999"])
        .code(2)
        .stderr_has("9999999999999999999");
    env.assert_nothing_sent();
}

#[test]
fn credentials_in_the_endpoint_are_refused_without_echoing_them() {
    let env = Env::new();
    let endpoint = env.server.url().replace("http://", "http://user:hunter2@");
    let run = env.run(&["--endpoint", &endpoint, "domain-create", "a.cn"]);
    run.code(2).stderr_has("user name or password");
    assert!(!run.stderr.contains("hunter2"), "{run:#?}");
    env.assert_nothing_sent();
}

/// Starts `dpbatch ARGS` and returns once the fake has received `count` `action` requests.
fn start_and_await(env: &Env, args: &[&str], action: &str, count: usize) -> Child {
    env.spawn_and_await(args, action, count, Duration::from_secs(10))
}

fn terminate(pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
fn a_signal_during_a_submit_says_the_outcome_is_unknown_and_records_it() {
    for signal in [interrupt as fn(u32), terminate] {
        let env = Env::new();
        env.server
            .inject("Batch.Domain.Create", Fault::Slow(Duration::from_secs(20)));
        let child = start_and_await(&env, &["domain-create", "a.cn"], "Batch.Domain.Create", 1);
        let started = Instant::now();
        signal(child.id());
        let output = child.wait_with_output().expect("output");
        assert!(started.elapsed() < Duration::from_secs(5));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(130), "{stderr}");
        assert!(
            stderr.contains("outcome of Batch.Domain.Create is unknown"),
            "{stderr}"
        );
        assert!(
            stderr.contains("hint: check the DNSPod console"),
            "{stderr}"
        );
        let history = std::fs::read_to_string(env.history_path()).expect("history");
        assert!(history.contains(r#""job_id":null"#), "{history}");
        env.run(&["wait", "--last"])
            .code(2)
            .stderr_has("outcome of the last submit");
        env.run(&["jobs"]).code(0).stdout_has("unknown");
        assert_eq!(env.requests("Batch.Domain.Create").len(), 1);
    }
}

#[test]
fn sigterm_while_waiting_says_how_to_resume() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    env.server
        .inject("Batch.Detail", Fault::Slow(Duration::from_secs(20)));
    let child = start_and_await(
        &env,
        &["wait", &job, "--interval", "50ms"],
        "Batch.Detail",
        1,
    );
    terminate(child.id());
    let output = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains(&format!("dpbatch wait {job}")), "{stderr}");
}

#[test]
fn control_characters_from_the_server_are_shown_as_escapes() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    // A terminal title, a screen clear and a forged row (the harness fails on a raw ESC).
    let hostile = r"\u001b]0;owned\u0007\u001b[2J\r\nb.cn  ok  forged\u009b";
    let body = detail_body(&domain("a.cn", "error", hostile));
    env.server.inject("Batch.Detail", Fault::Json(body.clone()));
    let table = env.run(&["detail", &job]);
    table
        .code(4)
        .stdout_has(r"\u{1b}]0;owned\u{7}\u{1b}[2J\r\nb.cn  ok  forged\u{9b}");
    assert_eq!(
        table.stdout.lines().count(),
        3,
        "header, one row, summary: {table:#?}"
    );
    env.server.inject("Batch.Detail", Fault::Json(body));
    let json = env.run(&["detail", &job, "--json"]);
    assert!(
        !json.stdout.contains('\u{9b}') && !json.stdout.contains('\r'),
        "{json:#?}"
    );
    assert_eq!(
        json.json()["domains"][0]["err_msg"],
        "\u{1b}]0;owned\u{7}\u{1b}[2J\r\nb.cn  ok  forged\u{9b}"
    );
    env.server.inject(
        "Batch.Domain.Create",
        Fault::ApiCode {
            code: "-15".into(),
            message: "refused\nerror: forged line\u{1b}[31m".into(),
        },
    );
    let refused = env.run(&["domain-create", "a.cn"]);
    refused.code(3);
    assert!(!refused.stderr.contains("\nerror: forged"), "{refused:#?}");
}

#[test]
fn a_dry_run_shows_line_breaks_in_values_as_escapes() {
    let env = Env::new();
    let run = env.run(&[
        "record-modify",
        "--record-id",
        "7",
        "--change",
        "value",
        "--to",
        "1.1.1.1\r\nlogin_token=forged",
        "--dry-run",
        "-v",
    ]);
    run.code(0)
        .stdout_has(r"change_to=1.1.1.1\r\nlogin_token=forged");
    assert!(!run.stdout.contains("\nlogin_token=forged"), "{run:#?}");
    env.assert_nothing_sent();
}
