//! `apply` and its `resume` against a careless user and a hand-edited job history, on
//! both APIs: what an apply left unsent is sent only while its records are as planned.

use crate::apply::{apply, edited, path, row};
use crate::support::{Api, Env};
use std::time::Duration;

/// The delete call of each API.
fn delete_action(api: Api) -> &'static str {
    match api {
        Api::Legacy => "Record.Remove",
        Api::V3 => "DeleteRecord",
    }
}

/// `c.cn` with `www` and `h1`..`h10`, an apply deleting the ten killed after four delete
/// calls; returns the IDs of the ten.
fn killed_mid_delete(api: Api) -> (Env, Vec<u64>) {
    // API 3.0 sends up to 32 calls at once: slow answers and more records than that, so
    // some are in flight at the kill and the rest never sent.
    let latency = match api {
        Api::V3 => Duration::from_millis(300),
        Api::Legacy => Duration::ZERO,
    };
    let config = fake_dnspod::Config {
        latency,
        ..fake_dnspod::Config::default()
    };
    let env = Env::with_on(config, api);
    let id = env.server.add_domain("c.cn");
    env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let hosts: Vec<u64> = (1..=HOSTS)
        .map(|n| {
            let value = format!("192.0.2.{}", 10 + n);
            env.server
                .add_record(id, &format!("h{n}"), "A", "默认", &value)
        })
        .collect();
    let desired = edited(&env, |rows| rows.retain(|r| r["sub_domain"] == "www"));
    // Four slow calls on the legacy API: the fourth is in flight at the kill.
    if api == Api::Legacy {
        for _ in 0..4 {
            let slow = fake_dnspod::Fault::Slow(Duration::from_millis(300));
            env.server.inject(delete_action(api), slow);
        }
    }
    let args = ["apply", path(&desired), "--delete", "--force"];
    let action = delete_action(api);
    let mut run = env.spawn_and_await(&args, action, 4, Duration::from_secs(20));
    run.kill().expect("SIGKILL");
    run.wait().expect("reaped");
    // The requests in flight at the kill reach the fake all the same: let them land
    // before the test reads what is left (the fake's answers take 300 ms at most).
    std::thread::sleep(Duration::from_secs(1));
    (env, hosts)
}

/// Records the killed apply deletes: more than API 3.0 sends at once.
const HOSTS: usize = 40;

/// The calls in flight at once, of unknown outcome at a kill: 32 on API 3.0, 1 on legacy.
fn in_flight(api: Api) -> usize {
    match api {
        Api::V3 => 32,
        Api::Legacy => 1,
    }
}

fn left(env: &Env, ids: &[u64]) -> Vec<u64> {
    let records = env.server.records();
    let ids = ids.iter().filter(|id| records.iter().any(|r| r.id == **id));
    ids.copied().collect()
}

#[test]
fn resume_of_an_apply_deletes_no_record_changed_since_the_plan() {
    for api in Api::BOTH {
        let (env, hosts) = killed_mid_delete(api);
        let standing = left(&env, &hosts);
        assert!(!standing.is_empty(), "{api:?}: the kill came too late");
        for id in &standing {
            env.server
                .change_record(*id, |r| r.value = "198.51.100.7".into());
        }
        let sent = env.requests(delete_action(api)).len();
        env.run(&["resume", "--last"])
            .code(2)
            .stderr_has("changed since")
            .stderr_has("nothing was sent");
        assert_eq!(env.requests(delete_action(api)).len(), sent, "{api:?}");
        assert_eq!(left(&env, &hosts), standing, "{api:?}");
    }
}

/// Only the legacy API sets a remark by a call of its own (Record.Remark), after the
/// create: refused, the record stands without it, and the apply's undo must delete it.
#[test]
fn undo_deletes_a_record_the_apply_made_whose_remark_was_refused() {
    let env = Env::on(Api::Legacy);
    let id = env.server.add_domain("c.cn");
    env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let desired = edited(&env, |rows| {
        let mut new = row(rows, "www", "A").clone();
        new["sub_domain"] = "new".into();
        new["remark"] = "新".into();
        rows.push(new);
    });
    let refused = fake_dnspod::Fault::ApiCode {
        code: "8".into(),
        message: "remark refused".into(),
    };
    env.server.inject("Record.Remark", refused);
    apply(&env, &[path(&desired)])
        .code(4)
        .stderr_has("but not its remark");
    let made = |env: &Env| env.server.records().iter().any(|r| r.sub_domain == "new");
    assert!(made(&env), "the create went, its remark did not");
    env.run(&["undo", "--last", "--yes", "--wait"])
        .code(0)
        .stderr_has("putting back 1 record");
    assert!(!made(&env), "undo deletes the record the apply made");
}

/// The legacy API's modify of a record's fields and remark is two calls: Record.Modify
/// done, Record.Remark refused, the record stands changed, and the apply's undo must
/// put it back.
#[test]
fn undo_puts_back_a_record_whose_modify_went_but_not_its_remark() {
    let env = Env::on(Api::Legacy);
    let id = env.server.add_domain("c.cn");
    let www = env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let desired = edited(&env, |rows| {
        row(rows, "www", "A")["ttl"] = 60.into();
        row(rows, "www", "A")["remark"] = "新".into();
    });
    let refused = fake_dnspod::Fault::ApiCode {
        code: "500".into(),
        message: "remark refused".into(),
    };
    env.server.inject("Record.Remark", refused);
    apply(&env, &[path(&desired)]).code(4);
    assert_eq!(
        crate::apply::record(&env, www).ttl,
        60,
        "Record.Modify went"
    );
    env.run(&["undo", "--last", "--wait"])
        .code(0)
        .stderr_has("putting back 1 record");
    assert_eq!(crate::apply::record(&env, www).ttl, 600, "put back");
}

/// An undo of an apply is itself undone by the next `undo --last`: the apply's changes
/// made again, each record checked as any undo checks it.
#[test]
fn undo_twice_makes_the_apply_again() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("c.cn");
        env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
        env.server.add_record(id, "old", "A", "默认", "192.0.2.2");
        let desired = edited(&env, |rows| {
            row(rows, "www", "A")["ttl"] = 60.into();
            rows.retain(|r| r["sub_domain"] != "old");
            let mut new = row(rows, "www", "A").clone();
            new["sub_domain"] = "new".into();
            rows.push(new);
        });
        let before = crate::apply::rows(&env);
        apply(&env, &[path(&desired), "--delete"]).code(0);
        let applied = crate::apply::rows(&env);
        let undo = ["undo", "--last", "--yes", "--wait"];
        env.run(&undo).code(0);
        assert_eq!(crate::apply::rows(&env), before, "{api:?}");
        env.run(&undo).code(0);
        assert_eq!(crate::apply::rows(&env), applied, "{api:?}");
        env.run(&["plan", path(&desired), "--exit-code"]).code(0);
    }
}

/// A domain of the files the account lacks, and a listing short of the server's total:
/// `apply` (from files or from a saved plan) sends no change, as `plan` makes none.
#[test]
fn apply_sends_nothing_for_a_missing_domain_or_a_short_listing() {
    use fake_dnspod::{Config, Totals};
    for api in Api::BOTH {
        let env = Env::on(api);
        let desired = env.file(
            "d.jsonl",
            "{\"domain\":\"gone.cn\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n{\"domain\":\"lost.cn\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n",
        );
        apply(&env, &[path(&desired)])
            .code(2)
            .stderr_has("gone.cn, lost.cn");
        let short = Env::with_on(
            Config {
                totals: Totals::Overstated(2),
                ..Config::default()
            },
            api,
        );
        let id = short.server.add_domain("c.cn");
        short.server.add_record(id, "www", "A", "默认", "192.0.2.1");
        let desired = short.file("c.jsonl", "{\"domain\":\"c.cn\",\"sub_domain\":\"new\",\"record_type\":\"A\",\"value\":\"192.0.2.9\"}\n");
        let run = apply(&short, &[path(&desired), "--delete", "--force"]);
        run.code(1)
            .stderr_has("no plan is made from part of a domain");
        let sent: Vec<String> = short
            .server
            .requests()
            .iter()
            .map(|r| r.action.clone())
            .collect();
        let changing = ["Create", "Modify", "Remove", "Delete"];
        assert!(
            !sent.iter().any(|a| changing.iter().any(|c| a.contains(c))),
            "{api:?}: {sent:?}"
        );
    }
}

/// Deletes left out (no `--delete`) count towards no threshold, also with `--plan`.
#[test]
fn deletes_not_carried_out_count_towards_no_threshold() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("big.cn");
        for n in 1..=10 {
            env.server
                .add_record(id, &format!("h{n}"), "A", "默认", "192.0.2.1");
        }
        let desired = edited(&env, |rows| {
            rows.retain(|r| !["h1", "h2", "h3", "h4"].contains(&r["sub_domain"].as_str().unwrap()));
        });
        let out = env.home().join("plan.json");
        env.run(&["plan", path(&desired), "--out", path(&out)])
            .code(0);
        apply(&env, &["--plan", path(&out)])
            .code(0)
            .stderr_has("left 4 records");
        apply(&env, &[path(&desired), "--delete"])
            .code(2)
            .stderr_has("40%");
    }
}

/// Undo of an apply killed mid-way creates again what its done calls deleted, names the
/// call in flight at the kill, and touches no record the apply never reached.
#[test]
fn undo_of_an_apply_killed_mid_way_puts_back_only_what_was_done() {
    for api in Api::BOTH {
        let (env, hosts) = killed_mid_delete(api);
        let standing = left(&env, &hosts);
        let run = env.run(&["undo", "--last", "--wait"]);
        run.code(0)
            .stderr_has("the outcome of its call is unknown")
            .stderr_has("check the DNSPod console");
        assert_eq!(left(&env, &hosts), standing, "{api:?}: the rest untouched");
        // Every host is back but those whose removal was in flight at the kill, each named.
        let records = env.server.user_records();
        let missing: Vec<String> = (1..=HOSTS)
            .map(|n| format!("h{n}"))
            .filter(|h| !records.iter().any(|r| r.sub_domain == *h))
            .collect();
        assert!(missing.len() <= in_flight(api), "{api:?}: {missing:?}");
        for host in missing {
            run.stderr_has(&format!("({host} A "));
        }
    }
}
