//! `retry`: only the failed items of a finished job go out again, in as few jobs as the
//! batch actions allow, and never while the job still runs.

use crate::support::{Env, FAST};
use serde_json::json;

/// Submits and waits for a job that ends with failures; returns its id.
fn failed_job(env: &Env, args: &[&str]) -> String {
    let run = env.run(&[args, &["--wait"], &FAST[..]].concat());
    run.code(4);
    run.stdout
        .lines()
        .last()
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_owned()
}

#[test]
fn failed_domains_are_created_again_and_nothing_else() {
    let env = Env::new();
    let job = failed_job(
        &env,
        &[
            "domain-create",
            "ok.cn,fail-a.cn,fail-b.cn",
            "--value",
            "1.2.3.4",
        ],
    );
    let run = env.run(&["retry", &job]);
    run.code(0).stderr_has("retrying 6 failed items");
    assert_eq!(run.stdout.lines().count(), 1, "one job: {run:#?}");
    let sent = env.requests("Batch.Domain.Create");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].param("domains"), Some("fail-a.cn,fail-b.cn"));
    assert_eq!(sent[1].param("record_value"), Some("1.2.3.4"));
    assert!(
        env.requests("Batch.Record.Create").is_empty(),
        "ok.cn and its records are not sent again"
    );
}

#[test]
fn a_job_is_retried_once_then_its_retry_is() {
    let env = Env::new();
    let job = failed_job(&env, &["domain-create", "fail-a.cn"]);
    let retry = env.run(&["retry", &job]).code(0).job_id().to_string();
    env.run(&["retry", &job])
        .code(2)
        .stderr_has(&format!("already retried as job {retry}"))
        .stderr_has(&format!("dpbatch retry {retry}"));
    assert_eq!(env.requests("Batch.Domain.Create").len(), 2);
    let history = std::fs::read_to_string(env.history_path()).unwrap();
    assert!(
        history.contains(&format!("\"retry_of\":{job}")),
        "{history}"
    );
}

#[test]
fn failed_records_are_grouped_by_spec_into_as_few_jobs_as_possible() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    let c = env.server.add_domain("c.cn");
    // b.cn already has the @ record, so only its www fails... and fail-* hosts always fail.
    env.server.add_record(b, "@", "A", "默认", "1.1.1.1");
    let ids = format!("{a},{b},{c}");
    let job = failed_job(
        &env,
        &[
            "record-create",
            "--domain-id",
            &ids,
            "--sub",
            "@,fail-x",
            "--type",
            "A",
            "--value",
            "1.1.1.1",
        ],
    );
    let run = env.run(&["--json", "retry", &job]);
    run.code(0);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "two failure sets, two jobs: {run:#?}");
    assert!(
        lines
            .iter()
            .all(|l| l["action"] == "record-create" && l["job_id"].is_u64())
    );
    let sent = env.requests("Batch.Record.Create");
    let retried: Vec<(String, serde_json::Value)> = sent[1..]
        .iter()
        .map(|r| {
            (
                r.param("domain_id").unwrap().to_owned(),
                serde_json::from_str(r.param("records").unwrap()).unwrap(),
            )
        })
        .collect();
    let spec = |sub: &str| json!({"sub_domain": sub, "record_type": "A", "record_line": "默认", "value": "1.1.1.1", "ttl": 600});
    assert!(
        retried.contains(&(format!("{a},{c}"), json!([spec("fail-x")]))),
        "{retried:?}"
    );
    assert!(
        retried.contains(&(b.to_string(), json!([spec("@"), spec("fail-x")]))),
        "{retried:?}"
    );
}

#[test]
fn a_modify_job_is_retried_with_its_change_from_the_history() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let known = env.server.add_record(a, "www", "A", "默认", "1.1.1.1");
    let job = failed_job(
        &env,
        &[
            "record-modify",
            "--record-id",
            &format!("{known},999999"),
            "--change",
            "ttl",
            "--to",
            "60",
        ],
    );
    env.run(&["retry", &job, "--dry-run"])
        .code(0)
        .stdout_has("record_id=999999\nchange=ttl\nchange_to=60");
    assert_eq!(
        env.requests("Batch.Record.Modify").len(),
        1,
        "a dry run sends nothing"
    );
    env.run(&["retry", "--last"]).code(0);
    let sent = env.requests("Batch.Record.Modify");
    assert_eq!(sent[1].param("record_id"), Some("999999"));
    // Without the history the change is unknown: say which records to redo by hand.
    std::fs::remove_file(env.history_path()).unwrap();
    env.run(&["retry", &job])
        .code(2)
        .stderr_has("--record-id 999999");
}

#[test]
fn nothing_failed_means_nothing_sent() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    env.run(&[&["wait", &job.to_string()][..], &FAST].concat())
        .code(0);
    env.run(&["retry", &job.to_string()])
        .code(0)
        .stderr_has("no failed items");
    assert_eq!(env.requests("Batch.Domain.Create").len(), 1);
}

#[test]
fn an_unfinished_job_is_not_retried() {
    let env = Env::new();
    let job = env.submit_domains("fail-a.cn").to_string();
    env.run(&["retry", &job])
        .code(2)
        .stderr_has("still has 1 items waiting or running")
        .stderr_has(&format!("dpbatch wait {job}"));
    assert_eq!(env.requests("Batch.Domain.Create").len(), 1);
}

#[test]
fn retry_with_wait_follows_the_new_job() {
    let env = Env::new();
    let job = failed_job(&env, &["domain-create", "fail-a.cn"]);
    // The fake fails fail-* names every time, so the retry fails as well: exit 4.
    let run = env.run(&[&["retry", &job, "--wait"][..], &FAST].concat());
    run.code(4).stdout_has("1 failed");
    assert_eq!(env.requests("Batch.Domain.Create").len(), 2);
}
