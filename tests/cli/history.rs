//! The job history: each submit is remembered without its token, `jobs` lists them, and
//! `--last` finds the newest for this endpoint and profile.

use crate::support::{Env, secret};
use fake_dnspod::DEFAULT_TOKEN;

#[test]
fn each_submit_is_remembered_without_the_token() {
    let env = Env::new();
    let first = env.submit_domains("a.cn,b.cn");
    let second = env
        .record_modify()
        .record_ids("7,8")
        .change("ttl", 60)
        .submit();
    env.domain_create("c.cn").dry_run().run().code(0);
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
    env.domain_create("a.cn").run().code(3);
    assert!(!env.history_path().exists());
}

#[test]
fn jobs_lists_the_newest_first_as_a_table_or_json() {
    let env = Env::new();
    let first = env.submit_domains("a.cn");
    let second = env.submit_domains("b.cn,c.cn");
    let table = env.dpbatch(["jobs"]).run();
    let lines: Vec<&str> = table.code(0).stdout.lines().collect();
    assert!(lines[0].split_whitespace().eq([
        "JOB",
        "API",
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
    let json = env.dpbatch(["--json", "jobs", "--limit", "1"]).run();
    let json = json.code(0).json();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["job_id"], second);
    let all = env.dpbatch(["jobs"]).json().run().code(0).json();
    let ids: Vec<_> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["job_id"])
        .collect();
    assert_eq!(
        ids,
        [second, first],
        "without --limit: every job, newest first"
    );
}

#[test]
fn an_empty_history_lists_nothing() {
    let env = Env::new();
    let run = env.dpbatch(["jobs"]).json().run();
    assert_eq!(run.code(0).json(), serde_json::json!([]));
    let table = env.dpbatch(["jobs"]).run();
    assert_eq!(
        table.code(0).stdout.lines().count(),
        1,
        "the header only: {table:#?}"
    );
}

#[test]
fn last_names_the_newest_job_of_this_endpoint_and_profile() {
    let env = Env::new();
    env.write_config("default", "[profiles.other]\n");
    env.submit_domains("a.cn"); // older: --last must not pick it
    let newer = env.submit_domains("b.cn");
    let other = env
        .domain_create("c.cn")
        .args(["--profile", "other"])
        .submit();
    let detail = env.detail("--last").json().run().code(0).json();
    assert_eq!(detail["job_id"], newer);
    assert_eq!(detail["domains"][0]["domain"], "b.cn");
    let waited = env.wait("--last").json().run().code(0).json();
    assert_eq!(waited["job_id"], newer);
    // The newest job of all is the other profile's: its own --last, not this one's.
    let theirs = env.detail("--last").args(["--profile", "other"]).json();
    assert_eq!(theirs.run().code(0).json()["job_id"], other);
}

#[test]
fn last_without_a_job_for_this_profile_is_a_usage_error() {
    let env = Env::new();
    env.submit_domains("a.cn");
    env.write_config("default", "[profiles.other]\n");
    env.detail("--last")
        .args(["--profile", "other"])
        .run()
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
    let run = env.detail("--last").json().run();
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
    let run = env.domain_create("a.cn").run();
    run.code(0).stderr_has("warning: could not create");
    assert!(
        run.job_id() > 0,
        "the job was submitted and its id printed all the same"
    );
}
