//! The history at scale: large before-states kept in files of their own beside it (and
//! refused when planted or garbled), and `jobs --prune`.

use crate::support::{Api, Env};
use std::path::PathBuf;

/// `a.cn` with 70 A records `h0`..`h69`, modified in one job: more than a line keeps.
fn modified_many(env: &Env) {
    let domain = env.server.add_domain("a.cn");
    let hosts: Vec<String> = (0..70).map(|i| format!("h{i}")).collect();
    for host in &hosts {
        env.server
            .add_record(domain, host, "A", "默认", "192.0.2.1");
    }
    env.record_modify()
        .domains("a.cn")
        .select(&hosts.join(","), "A")
        .change("value", "198.51.100.7")
        .wait()
        .fast()
        .run()
        .code(0);
}

/// The before-state file the history's last line names.
fn before_file(env: &Env) -> PathBuf {
    let lines = env.history_lines();
    let last = lines.last().expect("a line");
    assert!(last.get("before").is_none(), "kept apart: {last}");
    let name = last["before_file"].as_str().expect("a before_file");
    env.history_path().with_file_name("before").join(name)
}

#[test]
fn a_large_before_state_is_kept_apart_and_undo_reads_it() {
    for api in Api::BOTH {
        let env = Env::on(api);
        modified_many(&env);
        let file = before_file(&env);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{api:?}");
        }
        let plan = env.dpbatch(["undo", "--last", "--dry-run"]).run();
        plan.code(0).stdout_has("198.51.100.7  192.0.2.1");
        assert_eq!(plan.stdout.lines().count(), 71, "{api:?}: {plan:?}");
        let json = env.dpbatch(["jobs", "--json"]).run().json();
        assert_eq!(
            json[0]["before"].as_array().map(Vec::len),
            Some(70),
            "{api:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_planted_or_garbled_before_state_is_refused_by_name() {
    let env = Env::new();
    modified_many(&env);
    let file = before_file(&env);
    let kept = std::fs::read(&file).unwrap();
    // A link to a file that reads as a before-state is not followed.
    let elsewhere = env.home().join("elsewhere.json");
    std::fs::write(&elsewhere, &kept).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    env.dpbatch(["undo", "--last", "--dry-run"])
        .run()
        .code(1)
        .stderr_has(&format!("{} is a symbolic link", file.display()));
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, b"[{\"domain\":").unwrap();
    env.dpbatch(["undo", "--last", "--dry-run"])
        .run()
        .code(1)
        .stderr_has(&format!(
            "could not read the before-state {}",
            file.display()
        ));
    env.rewrite_history(|lines| {
        lines.last_mut().unwrap()["before_file"] = "../jobs.jsonl".into();
    });
    env.dpbatch(["undo", "--last", "--dry-run"])
        .run()
        .code(1)
        .stderr_has("before-state file `../jobs.jsonl`, a name dpbatch never gives one");
    assert_eq!(env.calls("Batch.Record.Modify").len(), 1, "only the modify");
}

/// A line of an operation stopped after its first part: resume would send the second.
fn stopped(env: &Env, submitted_at: u64) -> serde_json::Value {
    serde_json::from_str(&format!(
        r#"{{"job_id":5,"action":"domain-create","spec":{{"kind":"domain-create","domains":["x.cn"]}},"api":"legacy","endpoint":"{}","credential":"520001","profile":null,"submitted_at":{submitted_at},"operation":{{"id":"1a-2","part":0,"plan":{{"job_size":1,"parts":[{{"spec":{{"kind":"domain-create","domains":["x.cn"]}}}},{{"spec":{{"kind":"domain-create","domains":["y.cn"]}}}}]}}}}}}"#,
        env.server.url()
    ))
    .unwrap()
}

#[test]
fn prune_removes_old_operations_but_keeps_and_names_one_resume_needs() {
    let env = Env::new();
    let old = env.submit_domains("old.cn");
    let new = env.submit_domains("new.cn");
    env.rewrite_history(|lines| {
        lines[0]["submitted_at"] = 1_000.into();
        lines.insert(0, stopped(&env, 1_000));
    });
    // A line that does not read is kept, byte for byte.
    let mut text = std::fs::read(env.history_path()).unwrap();
    text.extend_from_slice(b"{garbled\n");
    std::fs::write(env.history_path(), &text).unwrap();
    let before = std::fs::read(env.history_path()).unwrap();
    let dry = env.dpbatch(["jobs", "--prune", "30d", "--dry-run"]).run();
    dry.code(0)
        .stdout_has(&old.to_string())
        .stderr_has("kept the operation of job 5 (domain-create")
        .stderr_has("would remove 1 operation older than 30days");
    assert!(!dry.stdout.contains(&new.to_string()), "{dry:?}");
    assert_eq!(
        std::fs::read(env.history_path()).unwrap(),
        before,
        "a dry run"
    );
    env.dpbatch(["jobs", "--prune", "30d"])
        .run()
        .code(0)
        .stderr_has("removed 1 operation");
    let ids = |env: &Env| -> Vec<u64> {
        let text = std::fs::read_to_string(env.history_path()).unwrap();
        assert!(text.ends_with("{garbled\n"), "{text}");
        let lines = text.lines().filter_map(|l| serde_json::from_str(l).ok());
        lines
            .filter_map(|l: serde_json::Value| l["job_id"].as_u64())
            .collect()
    };
    assert_eq!(ids(&env), [5, new]);
    env.dpbatch(["jobs", "--prune", "30d", "--force"])
        .run()
        .code(0)
        .stdout_has("5")
        .stderr_has("removed 1 operation");
    assert_eq!(ids(&env), [new]);
    env.dpbatch(["jobs", "--prune", "nope"])
        .run()
        .code(2)
        .stderr_has("`nope` is not an age");
}

#[cfg(unix)]
#[test]
fn prune_never_removes_a_file_through_a_linked_before_directory() {
    let env = Env::new();
    env.submit_domains("old.cn");
    env.rewrite_history(|lines| {
        lines[0]["submitted_at"] = 1_000.into();
        lines[0]["before_file"] = "2024-01-01.json".into();
    });
    let elsewhere = env.home().join("x");
    std::fs::create_dir(&elsewhere).unwrap();
    let planted = elsewhere.join("2024-01-01.json");
    std::fs::write(&planted, b"[]").unwrap();
    let before = env.history_path().with_file_name("before");
    std::os::unix::fs::symlink(&elsewhere, &before).unwrap();
    env.dpbatch(["jobs", "--prune", "1d"])
        .run()
        .code(1)
        .stderr_has(&format!("{} is a symbolic link", before.display()));
    // The same refusal in Chinese.
    env.dpbatch(["jobs", "--prune", "1d"])
        .env("LANG", "zh_CN.UTF-8")
        .run()
        .code(1)
        .stderr_has(&format!(
            "{} 是符号链接；dpbatch 只把修改前状态",
            before.display()
        ));
    assert!(planted.exists(), "the file the link leads to stays");
    assert_eq!(env.history_lines().len(), 1, "nothing pruned");
}
