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
    env.run(&["retry", &job, "--dry-run", "-v"])
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

/// A finished job's Batch.Detail answer with these domains, for details the fake would
/// not give on its own (items that flag input refuses).
fn detail_answer(job_type: &str, domains: serde_json::Value) -> fake_dnspod::Fault {
    let body = json!({"status": {"code": "1", "message": "Action completed successful",
                      "created_at": "2026-12-01 10:00:00"},
                      "type": job_type, "detail": domains});
    fake_dnspod::Fault::Json(body.to_string())
}

fn record(sub: &str, ttl: u64) -> serde_json::Value {
    json!({"sub_domain": sub, "record_type": "A", "area": "默认", "value": "1.1.1.1",
           "ttl": ttl, "status": "error", "err_msg": "refused"})
}

#[test]
fn failed_items_are_checked_like_flag_input_and_nothing_bad_is_sent() {
    let env = Env::new();
    let domain = |name: &str| json!({"domain": name, "status": "error", "records": []});
    env.server.inject(
        "Batch.Detail",
        detail_answer("domain", json!([domain("x.cn,y.cn"), domain("a.cn")])),
    );
    env.run(&["retry", "77"])
        .code(2)
        .stderr_has("`x.cn,y.cn`")
        .stderr_has("nothing was retried");
    env.server.inject(
        "Batch.Detail",
        detail_answer(
            "record_add",
            json!([{"domain": "a.cn", "domain_id": 5, "status": "ok", "records":
                    [record("www", 0), record("www,api", 600), record("a b", 600)]}]),
        ),
    );
    env.run(&["retry", "78"])
        .code(2)
        .stderr_has("3 invalid values")
        .stderr_has("TTL `0`")
        .stderr_has("`www,api`")
        .stderr_has("`a b`");
    assert_eq!(
        env.server.requests().len(),
        2,
        "only the two Batch.Detail calls"
    );
}

#[test]
fn failed_items_are_deduplicated_like_flag_input() {
    let env = Env::new();
    let domain = |name: &str| json!({"domain": name, "status": "error", "records": []});
    env.server.inject(
        "Batch.Detail",
        detail_answer(
            "domain",
            json!([
                domain("a.cn"),
                domain("A.CN"),
                domain("a.cn."),
                domain("ｂ．cn")
            ]),
        ),
    );
    env.run(&["retry", "77"])
        .code(0)
        .stderr_has("retrying 2 failed items");
    let sent = env.requests("Batch.Domain.Create");
    assert_eq!(sent[0].param("domains"), Some("a.cn,b.cn"));
    env.server.inject(
        "Batch.Detail",
        detail_answer(
            "record_add",
            json!([{"domain": "a.cn", "domain_id": 5, "status": "ok", "records":
                    [record("www", 600), record("WWW", 600), record("@", 600)]}]),
        ),
    );
    env.run(&["retry", "78", "--dry-run", "-v"])
        .code(0)
        .stdout_has(r#"records=[{"sub_domain":"www","#)
        .stdout_has(r#""ttl":600},{"sub_domain":"@","#);
}

#[test]
fn a_retry_that_failed_halfway_is_finished_by_the_next_one() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    let c = env.server.add_domain("c.cn");
    env.server.add_record(b, "@", "A", "默认", "1.1.1.1");
    let ids = format!("{a},{c},{b}");
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
    // The retry is two jobs, in the order of their domains (the one a.cn and c.cn share,
    // then b.cn's two failed specs):
    // the first submit goes through (a zero delay), the second is refused.
    env.server.inject(
        "Batch.Record.Create",
        fake_dnspod::Fault::Slow(std::time::Duration::ZERO),
    );
    env.server.inject(
        "Batch.Record.Create",
        fake_dnspod::Fault::ApiCode {
            code: "-2".into(),
            message: "limit".into(),
        },
    );
    let first = env.run(&["retry", &job]);
    first.code(3);
    let first = first.job_id();
    let sent = env.requests("Batch.Record.Create");
    assert_eq!(
        sent[1].param("domain_id"),
        Some(format!("{a},{c}").as_str())
    );
    // The next retry of the same job sends exactly what the first did not.
    let run = env.run(&["retry", &job]);
    run.code(0).stderr_has(&format!(
        "retrying 2 failed items of job {job} in 1 job; 2 more were sent by its earlier retry job {first}"
    ));
    let second = run.job_id();
    let sent = env.requests("Batch.Record.Create");
    assert_eq!(sent.len(), 4, "one more submit");
    assert_eq!(sent[3].param("domain_id"), Some(b.to_string().as_str()));
    let records: serde_json::Value =
        serde_json::from_str(sent[3].param("records").unwrap()).unwrap();
    let hosts: Vec<&str> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["sub_domain"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, ["@", "fail-x"]);
    // Now every failed item was sent once: a third retry is refused.
    env.run(&["retry", &job])
        .code(2)
        .stderr_has(&format!("already retried as job {first},{second}"))
        .stderr_has(&format!("dpbatch retry {second}"));
    assert_eq!(env.requests("Batch.Record.Create").len(), 4);
    // Nor does resuming the first retry send its unsent part: the second sent it.
    env.run(&["resume", &first.to_string()])
        .code(0)
        .stderr_has("retried again since");
    assert_eq!(env.requests("Batch.Record.Create").len(), 4);
}
