//! The job history and `resume` against a careless user, a crash and a local attacker: one
//! operation sent by one run at a time, a cut-short line that loses nothing after it, a
//! tampered plan refused, 0.1 lines that belong to no account, and a private history that
//! is never read or written through a symbolic link.

use crate::support::{Api, Env, exits_within, interrupt, names, sent_domains};
use fake_dnspod::{Config, Progress};
use std::time::{Duration, Instant};

/// A fake whose jobs stay unfinished until the test finishes them.
fn stuck_jobs(api: Api) -> Env {
    Env::with_on(
        Config {
            progress: Progress::PerPoll {
                waiting: 100_000,
                running: 0,
            },
            ..Config::default()
        },
        api,
    )
}

/// Every domain every domain-create submit sent, in order.
fn submitted(env: &Env) -> Vec<String> {
    env.calls("Batch.Domain.Create")
        .iter()
        .flat_map(|r| sent_domains(env.api, r))
        .collect()
}

/// Stops a 3-part domain-create after `sent` parts (its jobs stay unfinished: `--timeout`).
fn stopped_operation(env: &Env, sent: usize) {
    env.domain_create(&names(3))
        .args(["--job-size", "1", "--max-jobs", &sent.to_string()])
        .args(["--interval", "20ms", "--timeout", "300ms"])
        .run()
        .code(5)
        .stderr_has("not sent (part");
}

#[test]
fn two_resumes_at_once_send_each_part_once() {
    for api in Api::BOTH {
        let env = stuck_jobs(api);
        stopped_operation(&env, 1);
        // The first resume holds the operation: its one slot is taken, so it polls.
        let detail = api.action("Batch.Detail");
        let polls = env.requests(detail).len();
        let args = ["resume", "--last", "--max-jobs", "1", "--interval", "20ms"];
        let first = env.spawn_and_await(&args, detail, polls + 2, Duration::from_secs(10));
        let second = env.dpbatch(["resume", "--last"]).run();
        // Let the first go on: each job it waits for finishes.
        let mut first = first;
        let deadline = Instant::now() + Duration::from_secs(30);
        while first.try_wait().unwrap().is_none() && Instant::now() < deadline {
            env.server.finish_all();
            std::thread::sleep(Duration::from_millis(20));
        }
        let first = exits_within(first, Duration::from_secs(10));
        assert_eq!(first.status.code(), Some(0), "{api:?}: {first:?}");
        second
            .code(2)
            .stderr_has("is being sent by another dpbatch process right now");
        let expected: Vec<String> = names(3).split(',').map(str::to_owned).collect();
        assert_eq!(submitted(&env), expected, "{api:?}: every part once");
    }
}

#[test]
fn resume_refuses_beside_the_run_that_started_the_operation_whatever_its_name() {
    let env = stuck_jobs(Api::Legacy);
    // A copy of dpbatch under another name still holds its operation.
    let renamed = env.home().join("dns-batch");
    std::fs::copy(assert_cmd::cargo::cargo_bin!("dpbatch"), &renamed).unwrap();
    let mut original = std::process::Command::new(&renamed);
    env.hermetic(&mut original)
        .args([
            "domain-create",
            &names(3),
            "--job-size",
            "1",
            "--max-jobs",
            "1",
        ])
        .args(["--interval", "20ms"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = original.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while env.requests("Batch.Detail").is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let refused = env.dpbatch(["resume", "--last"]).run();
    interrupt(child.id());
    exits_within(child, Duration::from_secs(10));
    refused
        .code(2)
        .stderr_has("is being sent by another dpbatch process right now");
    assert_eq!(submitted(&env), ["d01.cn"], "nothing sent twice");
    // Once it has stopped, the operation is free to resume.
    env.server.finish_all();
    env.dpbatch(["resume", "--last"]).run().code(0);
    assert_eq!(submitted(&env), ["d01.cn", "d02.cn", "d03.cn"]);
}

#[test]
fn a_line_cut_short_by_a_crash_does_not_swallow_the_next_entry() {
    let env = Env::new();
    let first = env.submit_domains("a.cn");
    // A crash or a full disk mid-write leaves half a line and no line break.
    let path = env.history_path();
    let mut text = std::fs::read(&path).unwrap();
    text.extend_from_slice(br#"{"job_id":99,"action":"domain-cr"#);
    std::fs::write(&path, text).unwrap();
    let next = env.submit_domains("b.cn");
    assert_ne!(first, next);
    let run = env.detail("--last").json().run();
    run.code(0);
    assert_eq!(
        run.json()["job_id"],
        next,
        "the entry after the cut line reads"
    );
    // `--last` reads only the newest lines; a read that reaches the cut one says so.
    env.dpbatch(["jobs"])
        .run()
        .code(0)
        .stderr_has("skipped 1 unreadable line");
}

#[test]
fn an_operation_whose_plan_was_lost_is_named_not_called_finished() {
    for api in Api::BOTH {
        let env = stuck_jobs(api);
        stopped_operation(&env, 2);
        // The first line, with the plan, was cut short; the second was written after it.
        let path = env.history_path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (first, rest) = text.split_once('\n').unwrap();
        std::fs::write(&path, format!("{}\n{rest}", &first[..first.len() / 2])).unwrap();
        env.dpbatch(["resume", "--last"])
            .run()
            .code(1)
            .stderr_has("the plan of the operation of job ")
            .stderr_has("is not in the job history");
        assert_eq!(submitted(&env).len(), 2, "{api:?}: nothing sent");
    }
}

#[test]
fn a_tampered_part_in_the_history_is_refused_before_anything_is_sent() {
    for api in Api::BOTH {
        let env = stuck_jobs(api);
        let ids: Vec<String> = ["a.cn", "b.cn", "c.cn"]
            .iter()
            .map(|d| env.server.add_domain(d).to_string())
            .collect();
        env.record_create()
            .domain_ids(ids.join(","))
            .sub("www")
            .record("A", "192.0.2.1")
            .args(["--job-size", "1", "--max-jobs", "1"])
            .args(["--interval", "20ms", "--timeout", "300ms"])
            .run()
            .code(5);
        env.rewrite_history(|lines| {
            let [line] = lines.as_mut_slice() else {
                panic!("one history line: {lines:?}")
            };
            for part in line["operation"]["plan"]["parts"].as_array_mut().unwrap() {
                part["spec"]["records"][0]["value"] = "not-an-ip".into();
                part["spec"]["records"][0]["ttl"] = 0.into();
            }
        });
        env.server.finish_all();
        env.dpbatch(["resume", "--last"])
            .run()
            .code(2)
            .stderr_has("fail the input checks, so nothing was sent")
            .stderr_has("part 2: A record value `not-an-ip` is not an IPv4 address");
        assert_eq!(env.calls("Batch.Record.Create").len(), 1, "{api:?}");
    }
}

#[test]
fn unsent_parts_rewritten_as_another_kind_of_job_are_refused() {
    for api in Api::BOTH {
        let env = stuck_jobs(api);
        let ids: Vec<String> = ["a.cn", "b.cn", "c.cn"]
            .iter()
            .map(|d| env.server.add_domain(d).to_string())
            .collect();
        let victim =
            env.server
                .add_record(ids[0].parse().unwrap(), "mail", "A", "默认", "192.0.2.9");
        env.record_create()
            .domain_ids(ids.join(","))
            .sub("www")
            .record("A", "192.0.2.1")
            .args(["--job-size", "1", "--max-jobs", "1"])
            .args(["--interval", "20ms", "--timeout", "300ms"])
            .run()
            .code(5);
        // The unsent parts become deletions of a record the operation never made: each
        // passes the input checks on its own.
        env.rewrite_history(|lines| {
            let [line] = lines.as_mut_slice() else {
                panic!("one history line: {lines:?}")
            };
            let parts = line["operation"]["plan"]["parts"].as_array_mut().unwrap();
            for part in &mut parts[1..] {
                part["spec"] = serde_json::json!({"kind": "record-delete", "record_ids": [victim]});
            }
        });
        env.server.finish_all();
        env.dpbatch(["resume", "--last"])
            .run()
            .code(2)
            .stderr_has("were changed or damaged, so nothing was sent")
            .stderr_has("mixes parts of kinds dpbatch never plans in one operation")
            .stderr_has("record-create: job ")
            .stderr_has("record-delete: part 2 of its plan");
        assert!(
            env.server.records().iter().any(|r| r.id == victim),
            "never deleted: {api:?}"
        );
        assert_eq!(env.calls("Batch.Record.Create").len(), 1, "{api:?}");
    }
}

#[test]
fn a_line_of_version_0_1_belongs_to_no_account() {
    let env = Env::new();
    // 0.1 recorded no credential: the job may be any token's.
    let line = format!(
        r#"{{"job_id":5,"action":"domain-create","params":{{"domains":"a.cn"}},"endpoint":"{}","profile":null,"submitted_at":1795512005}}"#,
        env.server.url()
    );
    let path = env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, line + "\n").unwrap();
    env.detail("--last")
        .run()
        .code(2)
        .stderr_has("--last: no job was submitted");
    env.dpbatch(["resume", "5"])
        .run()
        .code(2)
        .stderr_has("job 5 is not in this account's job history");
    env.dpbatch(["jobs"])
        .run()
        .code(0)
        .stderr_has("1 operation of other accounts or of dpbatch 0.1 not listed");
    env.dpbatch(["jobs", "--all-accounts"])
        .run()
        .code(0)
        .stdout_has("1 domain");
    assert!(env.requests("Batch.Detail").is_empty());
}

#[cfg(unix)]
#[test]
fn the_history_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.submit_domains("a.cn");
    let path = env.history_path();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600, "it lists the account's work");
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    // One an older dpbatch made readable to all is made private at its next line.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.submit_domains("b.cn");
    assert_eq!(mode(&path), 0o600, "made private again");
}

#[cfg(unix)]
#[test]
fn the_history_is_never_read_or_written_through_a_link() {
    let env = Env::new();
    // Someone who can write the directory points the history at another file.
    let target = env.home().join("precious");
    std::fs::write(&target, "kept\n").unwrap();
    let path = env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let run = env.domain_create("b.cn").run();
    run.code(0)
        .stderr_has("warning: could not write the job history")
        .stderr_has("is a symbolic link");
    assert!(run.job_id() > 0, "the job was made all the same");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept\n");
    env.dpbatch(["jobs"])
        .run()
        .code(1)
        .stderr_has("jobs.jsonl is a symbolic link");
}
