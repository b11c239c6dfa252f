//! Look-ups run side by side (`--lookup-jobs`), keep the order the user gave, and ride out
//! rate limits: they are read-only, so asking again changes nothing.

use crate::support::Env;
use fake_dnspod::Fault;
use std::time::Duration;

/// `record-modify` of the TTL of the `www` A records of `names`.
fn ttl_change(names: &str) -> Vec<&str> {
    vec![
        "record-modify",
        "--domain",
        names,
        "--sub",
        "www",
        "--type",
        "A",
        "--change",
        "ttl",
        "--to",
        "60",
    ]
}

/// The same, as a dry run.
fn ttl_dry_run(names: &str) -> Vec<&str> {
    let mut args = ttl_change(names);
    args.push("--dry-run");
    args
}

/// Three domains with a `www` A record each; returns their names in order.
fn three_domains(env: &Env) -> Vec<String> {
    ["one.example", "two.example", "three.example"]
        .iter()
        .map(|name| {
            let id = env.server.add_domain(name);
            env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
            (*name).to_owned()
        })
        .collect()
}

#[test]
fn domains_are_looked_up_side_by_side() {
    let env = Env::new();
    let names = three_domains(&env).join(",");
    // The first listing hangs for a while: the others go out meanwhile.
    env.server
        .inject("Record.List", Fault::Slow(Duration::from_secs(4)));
    let child = env.spawn_and_await(
        &ttl_dry_run(&names),
        "Record.List",
        3,
        Duration::from_secs(3),
    );
    assert_eq!(
        env.requests("Record.List").len(),
        3,
        "one listing held the others back"
    );
    let output = child.wait_with_output().expect("output");
    assert_eq!(output.status.code(), Some(0));
    // The selection keeps the order the domains were given in.
    let stdout = String::from_utf8(output.stdout).unwrap();
    let order: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|first| first.ends_with(".example"))
        .collect();
    assert_eq!(
        order,
        ["one.example", "two.example", "three.example"],
        "{stdout}"
    );
}

#[test]
fn one_look_up_at_a_time_when_asked() {
    let env = Env::new();
    let names = three_domains(&env).join(",");
    env.server
        .inject("Record.List", Fault::Slow(Duration::from_millis(600)));
    let run = env.run(&[["--lookup-jobs", "1"].as_slice(), &ttl_dry_run(&names)].concat());
    run.code(0).stdout_has("3 records selected");
    assert_eq!(env.requests("Record.List").len(), 3);
    env.run(&["--lookup-jobs", "0", "jobs"])
        .code(2)
        .stderr_has("--lookup-jobs");
}

#[test]
fn rate_limited_look_ups_are_asked_again() {
    let env = Env::new();
    let names = three_domains(&env).join(",");
    env.server.inject(
        "Record.List",
        Fault::ApiCode {
            code: "-2".into(),
            message: "over the limit".into(),
        },
    );
    env.server.inject(
        "Domain.List",
        Fault::StatusJson {
            status: 503,
            body: "{}".into(),
            retry_after: Some(1),
        },
    );
    let run = env.run(&ttl_change(&names));
    run.code(0);
    assert_eq!(env.requests("Record.List").len(), 4, "one asked twice");
    assert_eq!(env.requests("Batch.Record.Modify").len(), 1);
    let create = env.run(&[
        "record-create",
        "--domain",
        &names,
        "--sub",
        "api",
        "--type",
        "A",
        "--value",
        "192.0.2.2",
    ]);
    create.code(0);
    assert_eq!(
        env.requests("Domain.List").len(),
        2,
        "the 503 was asked again"
    );
}

#[test]
fn look_ups_keep_under_a_server_that_enforces_the_rate() {
    // The fake refuses past 20 calls of an action a second, as DNSPod does; dpbatch
    // spaces its look-ups under that, and asks again if jitter bunches a few together.
    let env = Env::with(fake_dnspod::Config {
        calls_per_second: Some(20),
        ..fake_dnspod::Config::default()
    });
    env.server.add_domains("rate", 30);
    let names: Vec<String> = (1..=30).map(|i| format!("rate{i:05}.example")).collect();
    let run = env.run(&ttl_dry_run(&names.join(",")));
    run.code(2).stderr_has("no A record named www");
    assert!(env.requests("Record.List").len() >= 30);
}
