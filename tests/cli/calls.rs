//! Deletions on the legacy API, one Record.Remove a record: paced under the vendor's rate,
//! and each call on record before it goes, so that a run killed mid-way is finished by
//! `resume` without a record asked twice.

use crate::support::Env;
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
