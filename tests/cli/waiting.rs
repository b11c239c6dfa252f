//! `detail`, `wait` and `--wait`: the table, the JSON shape, and the exit codes 0, 3, 4, 5
//! and 130.

use crate::support::{Env, exits_within, interrupt};
use fake_dnspod::{Config, Progress};
use serde_json::Value;
use std::time::Duration;

/// Every number field README.md lists is a JSON number or null in every domain and record.
fn assert_normalised(job: &Value) {
    for key in ["job_id", "total", "success", "fail"] {
        assert!(job[key].is_u64(), "{key} is not a number: {job}");
    }
    assert!(job["finished"].is_boolean());
    let domains = job["domains"].as_array().expect("domains array");
    assert!(!domains.is_empty());
    for domain in domains {
        assert!(
            domain["domain_id"].is_u64() || domain["domain_id"].is_null(),
            "{domain}"
        );
        for record in domain["records"].as_array().expect("records array") {
            for key in ["record_id", "ttl", "mx", "id"] {
                let v = &record[key];
                assert!(v.is_u64() || v.is_null(), "record {key} is {v}: {record}");
            }
        }
    }
}

#[test]
fn wait_polls_until_every_item_is_final() {
    let env = Env::new();
    let job = env.submit_domains("a.cn,b.cn");
    let run = env.wait(job).run();
    run.code(0)
        .stdout_has(&format!("job {job} (domain): 2 items, 2 ok, 0 failed"));
    // waiting, then running, then done: three polls, no more.
    assert_eq!(env.requests("Batch.Detail").len(), 3);
    assert_eq!(
        run.stdout.lines().count(),
        1 + 2 + 1,
        "header, two domain rows, summary: {run:#?}"
    );
}

#[test]
fn submit_with_wait_shows_the_domain_records() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn")
        .value("1.2.3.4")
        .wait()
        .fast()
        .run();
    run.code(0)
        .stdout_has("3 items, 3 ok")
        .stderr_has("submitted job");
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "DOMAIN",
            "SUB-DOMAIN",
            "TYPE",
            "LINE",
            "VALUE",
            "TTL",
            "MX",
            "STATUS",
            "ERROR"
        ]
    );
    assert!(
        rows.contains(&vec![
            "a.cn", "www", "A", "默认", "1.2.3.4", "600", "-", "ok", "-"
        ]),
        "{rows:?}"
    );
    assert_eq!(env.requests("Batch.Domain.Create").len(), 1);
}

#[test]
fn json_of_each_job_type_has_normalised_numbers() {
    let env = Env::new();
    let domain_id = env.server.add_domain("seeded.cn");
    let record_id = env
        .server
        .add_record(domain_id, "www", "A", "默认", "1.1.1.1");
    let jobs = [
        env.submit_domains("x.cn,fail-y.cn"),
        env.record_create()
            .domain_ids(domain_id)
            .sub("mail")
            .record("MX", "mx.a.cn.")
            .args(["--mx", "5"])
            .submit(),
        env.record_modify()
            .record_ids(record_id)
            .change("ttl", 60)
            .submit(),
    ];
    for (job, job_type) in jobs.iter().zip(["domain", "record_add", "record_modify"]) {
        // Mid-way (waiting, record ids still absent) and at the end.
        let first = env.detail(job).json().run().code(0).json();
        assert_normalised(&first);
        assert_eq!(first["finished"], false);
        let last = env.wait(job).json().run().json();
        assert_normalised(&last);
        assert_eq!(last["type"], job_type);
        assert_eq!(last["job_id"].as_u64(), Some(*job));
        assert_eq!(last["finished"], true);
    }
}

#[test]
fn a_finished_job_with_failures_exits_4() {
    let env = Env::new();
    let run = env.domain_create("ok.cn,fail-me.cn").wait().fast().run();
    run.code(4)
        .stdout_has("1 ok, 1 failed")
        .stderr_has("1 of 2 items failed");
    let job = run.summary_job_id();
    // `detail` of the finished job says the same with the same code.
    env.detail(job)
        .run()
        .code(4)
        .stdout_has("Failed on request: the fake fails every name starting with `fail`");
    let json = env.detail(job).json().run().code(4).json();
    assert_eq!(json["fail"], 1);
}

#[test]
fn an_unfinished_job_is_not_a_failure_for_detail() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    env.detail(job).run().code(0).stdout_has("1 waiting");
}

#[test]
fn timeout_exits_5_with_the_last_state_and_how_to_keep_waiting() {
    let env = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 1000,
            running: 0,
        },
        ..Config::default()
    });
    let job = env.submit_domains("a.cn");
    // Long enough for a first answer on a busy machine, far short of 1000 polls.
    let run = env.wait(job).args(["--timeout", "1s"]).run();
    run.code(5)
        .stdout_has("1 waiting")
        .stderr_has("timed out after 1s")
        .stderr_has(&format!("keep waiting with `dpbatch wait {job}`"));
    // Not `resume`, which is another command (it sends an operation's unsent parts).
    assert!(!run.stderr.contains("resume"), "{run:#?}");
    // At most one poll per 10 ms before the timeout (the count itself is unit-tested on
    // virtual time; a busy machine may well manage fewer).
    let polls = env.requests("Batch.Detail").len();
    assert!(polls <= 1000 / 10 + 1, "{polls} polls in 1s at 10ms");
}

#[test]
fn timeout_zero_waits_as_long_as_it_takes() {
    let env = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 5,
            running: 5,
        },
        ..Config::default()
    });
    let job = env.submit_domains("a.cn").to_string();
    env.run(&["wait", &job, "--interval", "10ms", "--timeout", "0"])
        .code(0)
        .stdout_has("1 ok");
    assert_eq!(env.requests("Batch.Detail").len(), 11);
}

#[test]
fn unknown_job_is_a_refusal_exit_3() {
    let env = Env::new();
    env.detail(999_999).run().code(3).stderr_has("code 8");
    env.wait(999_999).run().code(3).stderr_has("code 8");
    assert_eq!(
        env.requests("Batch.Detail").len(),
        2,
        "refusals are not retried"
    );
}

#[test]
fn interrupt_exits_130_and_says_how_to_resume() {
    let env = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 100_000,
            running: 0,
        },
        ..Config::default()
    });
    let job = env.submit_domains("a.cn").to_string();
    let child = env
        .process()
        .args(["wait", &job, "--interval", "50ms"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Let it poll a few times, then press Ctrl-C.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while env.requests("Batch.Detail").len() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    interrupt(child.id());
    // Unanswered, it would wait for 100,000 polls.
    let output = exits_within(child, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("dpbatch wait {job}")), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_second_ctrl_c_exits_at_once_even_inside_a_slow_request() {
    let env = Env::new();
    let job = env.submit_domains("a.cn").to_string();
    // The first poll hangs for two minutes, within the request timeout: neither press
    // may wait for it.
    env.server.inject(
        "Batch.Detail",
        fake_dnspod::Fault::Slow(Duration::from_secs(120)),
    );
    let child = env
        .process()
        .args([
            "wait",
            &job,
            "--interval",
            "50ms",
            "--request-timeout",
            "5m",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while env.requests("Batch.Detail").is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    interrupt(child.id());
    std::thread::sleep(Duration::from_millis(200));
    interrupt(child.id());
    let output = exits_within(child, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(130));
}
