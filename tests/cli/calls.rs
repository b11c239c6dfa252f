//! Deletions on the legacy API, one Record.Remove a record: paced under the vendor's rate,
//! and each call on record before it goes, so that a run killed mid-way is finished by
//! `resume` without a record asked twice.

use crate::support::{Api, Env};
use fake_dnspod::{Config, Fault};
use std::collections::BTreeMap;
use std::time::Duration;

/// `n` A records made on `c.cn` by a record-create job, the history's last.
fn created(env: &Env, n: usize) {
    env.server.add_domain("c.cn");
    let hosts: Vec<String> = (1..=n).map(|i| format!("h{i}")).collect();
    env.record_create()
        .domains("c.cn")
        .sub(&hosts.join(","))
        .record("A", "10.0.0.1")
        .wait()
        .fast()
        .run()
        .code(0);
}

/// How many Record.Remove calls the fake received for each record ID.
fn removals(env: &Env) -> BTreeMap<String, usize> {
    let mut asked = BTreeMap::new();
    for request in env.requests("Record.Remove") {
        let id = request.param("record_id").expect("a record ID").to_owned();
        *asked.entry(id).or_insert(0) += 1;
    }
    asked
}

/// The IDs of 10 records made, then a deletion of them (an undo of the create) killed
/// while its fourth call is in flight (or later): no chance to write anything.
fn killed_mid_deletion(env: &Env) -> Vec<String> {
    created(env, 10);
    let made: Vec<String> = env
        .server
        .user_records()
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(made.len(), 10);
    for _ in 0..10 {
        env.server
            .inject("Record.Remove", Fault::Slow(Duration::from_millis(300)));
    }
    let args = ["undo", "--last", "--yes"];
    let mut run = env.spawn_and_await(&args, "Record.Remove", 4, Duration::from_secs(20));
    run.kill().expect("SIGKILL");
    run.wait().expect("reaped");
    made
}

#[test]
fn a_deletion_killed_mid_way_is_finished_by_resume_each_record_asked_once() {
    let env = Env::new();
    let made = killed_mid_deletion(&env);
    let before = removals(&env);
    assert!(before.len() >= 4 && before.len() < 10, "{before:?}");

    env.dpbatch(["resume", "--last"]).run().code(0);
    let asked = removals(&env);
    assert_eq!(
        asked.keys().cloned().collect::<Vec<_>>(),
        {
            let mut made = made;
            made.sort();
            made
        },
        "every record asked for"
    );
    assert!(
        asked.values().all(|n| *n == 1),
        "none twice, the one in flight at the kill not again: {asked:?}"
    );
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stderr_has("nothing to resume");
    assert_eq!(removals(&env), asked);
}

#[test]
fn the_removal_in_flight_at_a_kill_is_counted_by_jobs_and_named_by_resume() {
    let env = Env::new();
    let made = killed_mid_deletion(&env);
    let shown = env.dpbatch(["jobs", "--json"]).run().code(0).json();
    let unknown: Vec<u64> = shown[0]["jobs"]
        .as_array()
        .expect("the deletion is an operation")
        .iter()
        .flat_map(|job| {
            job["calls"]["unknown"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|id| id.as_u64().expect("a record ID"))
        .collect();
    assert_eq!(unknown.len(), 1, "the call in flight: {shown:#}");
    let record = unknown[0].to_string();
    assert!(made.contains(&record), "{record} is not one of {made:?}");
    env.dpbatch(["jobs"])
        .run()
        .code(0)
        .stdout_has("1 removal of unknown outcome");
    let warning = format!("the removal of record {record} ");
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stderr_has(&warning)
        .stderr_has(" A 10.0.0.1 on c.cn) has an unknown outcome and is not sent again");
    // Still unknown after the rest was sent: a later resume names it again.
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stderr_has(&warning);
    env.dpbatch(["jobs"])
        .run()
        .code(0)
        .stdout_has("1 removal of unknown outcome");
}

#[test]
fn removals_keep_under_a_server_that_enforces_the_rate() {
    // The fake refuses past 20 calls of an action a second, as DNSPod does.
    let env = Env::with(Config {
        calls_per_second: Some(20),
        ..Config::default()
    });
    created(&env, 45);
    // Paced under it: a call jitter bunches into a full second is refused and sent
    // again; unpaced, the calls past the 20th would be refused again and again.
    env.dpbatch(["undo", "--last", "--yes"])
        .fast()
        .run()
        .code(0)
        .stdout_has("deleted");
    assert_eq!(removals(&env).len(), 45);
    assert!(env.server.user_records().is_empty());
}

/// A desired file of `n` A records at hosts h1..hn on each of `domains`, values of each
/// domain's own (one list many domains share is one job).
fn desired(env: &Env, domains: &[&str], n: usize) -> std::path::PathBuf {
    let mut text = String::new();
    for (d, domain) in domains.iter().enumerate() {
        for i in 1..=n {
            text += &format!(
                "{{\"domain\":\"{domain}\",\"sub_domain\":\"h{i}\",\"record_type\":\"A\",\"value\":\"10.{d}.{}.{}\"}}\n",
                i / 250,
                i % 250
            );
        }
    }
    let path = env.home().join("desired.jsonl");
    std::fs::write(&path, text).expect("desired file");
    path
}

#[test]
fn on_api_3_an_applys_calls_go_several_at_once_under_each_actions_rate() {
    // 800 CreateRecord calls (each domain's 400 distinct records are calls, not a job),
    // more than the 500 a second the fake holds API 3.0 to.
    let config = Config {
        latency: Duration::from_millis(20),
        ..Config::default()
    };
    let env = Env::with_on(config, Api::V3);
    let domains = ["c.cn", "d.cn"];
    for domain in domains {
        env.server.add_domain(domain);
    }
    let file = desired(&env, &domains, 400);
    env.dpbatch(["apply", file.to_str().expect("UTF-8")])
        .run()
        .code(0);
    let creates = env.requests("CreateRecord");
    assert_eq!(
        creates.len(),
        800,
        "each once, none refused for the rate and sent again"
    );
    assert_eq!(env.server.user_records().len(), 800);
    assert!(
        env.server.most_at_once("CreateRecord") > 1,
        "calls in flight together"
    );
}
