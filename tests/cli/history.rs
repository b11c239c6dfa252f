//! The job history: each submit is remembered without its token, `jobs` lists them, and
//! `--last` finds the newest for this endpoint and profile.

use crate::support::{Env, FAST, secret};
use fake_dnspod::DEFAULT_TOKEN;

#[test]
fn each_submit_is_remembered_without_the_token() {
    let env = Env::new();
    let first = env.submit_domains("a.cn,b.cn");
    let second = env
        .run(&[
            "record-modify",
            "--record-id",
            "7,8",
            "--change",
            "ttl",
            "--to",
            "60",
        ])
        .code(0)
        .job_id();
    env.run(&["domain-create", "c.cn", "--dry-run"]).code(0);
    let text = std::fs::read_to_string(env.history_path()).unwrap();
    assert!(
        !text.contains(secret()) && !text.contains("login_token"),
        "{text}"
    );
    let entries: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(entries.len(), 2, "dry runs are not jobs: {text}");
    assert_eq!(entries[0]["job_id"], first);
    assert_eq!(entries[0]["action"], "domain-create");
    assert_eq!(
        entries[0]["spec"],
        serde_json::json!({"kind": "domain-create", "domains": ["a.cn", "b.cn"]})
    );
    assert_eq!(entries[0]["api"], "legacy");
    assert_eq!(entries[0]["endpoint"], env.server.url());
    assert_eq!(
        entries[0]["credential"],
        DEFAULT_TOKEN.split(',').next().unwrap()
    );
    assert_eq!(entries[1]["job_id"], second);
    assert_eq!(entries[1]["spec"]["change"]["to"], "60");
    assert!(entries[1]["submitted_at"].as_u64().unwrap() > 1_700_000_000);
}

#[test]
fn refused_submits_are_not_remembered() {
    let env = Env::new();
    env.server.inject(
        "Batch.Domain.Create",
        fake_dnspod::Fault::ApiCode {
            code: "-2".into(),
            message: "limit".into(),
        },
    );
    env.run(&["domain-create", "a.cn"]).code(3);
    assert!(!env.history_path().exists());
}

#[test]
fn jobs_lists_the_newest_first_as_a_table_or_json() {
    let env = Env::new();
    let first = env.submit_domains("a.cn");
    let second = env.submit_domains("b.cn,c.cn");
    let table = env.run(&["jobs"]);
    let lines: Vec<&str> = table.code(0).stdout.lines().collect();
    assert!(lines[0].split_whitespace().eq([
        "JOB",
        "ACTION",
        "SUBMITTED",
        "PROFILE",
        "ENDPOINT",
        "WHAT"
    ]));
    assert!(
        lines[1].starts_with(&second.to_string()) && lines[1].contains("2 domains"),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with(&first.to_string()) && lines[2].ends_with("1 domain"),
        "{lines:?}"
    );
    let json = env.run(&["--json", "jobs", "--limit", "1"]).code(0).json();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["job_id"], second);
    env.run(&["--json", "jobs"]).code(0);
}

#[test]
fn an_empty_history_lists_nothing() {
    let env = Env::new();
    let run = env.run(&["--json", "jobs"]);
    assert_eq!(run.code(0).json(), serde_json::json!([]));
}

#[test]
fn last_names_the_newest_job_of_this_endpoint_and_profile() {
    let env = Env::new();
    env.write_config("default", "[profiles.other]\n");
    let older = env.submit_domains("a.cn");
    let newer = env.submit_domains("b.cn");
    env.run(&["--profile", "other", "domain-create", "c.cn"])
        .code(0);
    let detail = env.run(&["--json", "detail", "--last"]).code(0).json();
    assert_eq!(detail["job_id"], newer);
    let waited = env
        .run(&[&["--json", "wait", "--last"][..], &FAST].concat())
        .code(0)
        .json();
    assert_eq!(waited["job_id"], newer);
    assert_ne!(older, newer);
}

#[test]
fn last_without_a_job_for_this_profile_is_a_usage_error() {
    let env = Env::new();
    env.submit_domains("a.cn");
    env.write_config("default", "[profiles.other]\n");
    env.run(&["--profile", "other", "detail", "--last"])
        .code(2)
        .stderr_has("--last")
        .stderr_has("`other`");
    assert_eq!(env.requests("Batch.Detail").len(), 0);
}

#[test]
fn unreadable_history_lines_are_skipped_with_a_warning() {
    let env = Env::new();
    let job = env.submit_domains("a.cn");
    let mut text = std::fs::read_to_string(env.history_path()).unwrap();
    text.push_str("{\"job_id\": 1, \"act\n");
    std::fs::write(env.history_path(), text).unwrap();
    let run = env.run(&["--json", "detail", "--last"]);
    run.code(0).stderr_has("skipped 1 unreadable line");
    assert_eq!(run.json()["job_id"], job);
}

#[test]
fn a_history_that_cannot_be_written_only_warns() {
    let env = Env::new();
    // A file where the history's directory should be: it cannot be created.
    let blocker = env.history_path().parent().unwrap().to_path_buf();
    std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
    std::fs::write(&blocker, "not a directory").unwrap();
    let run = env.run(&["domain-create", "a.cn"]);
    run.code(0).stderr_has("warning: could not create");
    assert!(
        run.job_id() > 0,
        "the job was submitted and its id printed all the same"
    );
}
