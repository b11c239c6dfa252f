//! `apply`: an account made to match files of desired records, on both APIs, as one
//! operation: a round trip loses nothing, changes keep record IDs, deletes only with
//! `--delete`, a CNAME's deletes first, thresholds, saved plans, dry runs, a stop and
//! `resume`, one `jobs` row.

use crate::support::{Api, Env, FAST};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub(crate) fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// `a.cn` holding a paused TXT, a weighted A, a remark, a record on 电信, an MX and a
/// plain TXT; returns their IDs in that order.
pub(crate) fn rich(env: &Env) -> Vec<u64> {
    let a = env.server.add_domain("a.cn");
    let txt = env.server.add_record(a, "old", "TXT", "默认", "paused");
    env.server.change_record(txt, |r| r.enabled = false);
    let www = env.server.add_record(a, "www", "A", "默认", "192.0.2.1");
    env.server.change_record(www, |r| r.weight = Some(40));
    let api = env.server.add_record(a, "api", "A", "默认", "192.0.2.2");
    env.server
        .change_record(api, |r| r.remark = "主站 api".into());
    let telecom = env.server.add_record(a, "www", "A", "电信", "192.0.2.3");
    let mx = env.server.add_record(a, "@", "MX", "默认", "mx.a.cn.");
    let spf = env.server.add_record(a, "@", "TXT", "默认", "v=spf1 -all");
    vec![txt, www, api, telecom, mx, spf]
}

/// `export` of the whole account in `format` (a directory for zone files).
pub(crate) fn export(env: &Env, format: &str, name: &str) -> PathBuf {
    let out = env.home().join(name);
    env.run(&["export", "--all", "--format", format, "--out", path(&out)])
        .code(0);
    out
}

/// The account's records as export's JSON Lines rows, record IDs aside, sorted.
pub(crate) fn rows(env: &Env) -> BTreeSet<String> {
    let out = export(env, "jsonl", "rows.jsonl");
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    text.lines()
        .map(|line| {
            let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
            row.as_object_mut().unwrap().remove("record_id");
            row.to_string()
        })
        .collect()
}

pub(crate) fn apply(env: &Env, args: &[&str]) -> crate::support::Run {
    let mut argv = vec!["apply"];
    argv.extend(args);
    argv.extend(["--wait"]);
    argv.extend(FAST);
    env.run(&argv)
}

#[test]
fn apply_onto_an_empty_domain_gives_back_every_field_in_every_format() {
    for api in Api::BOTH {
        for format in ["jsonl", "csv", "zone"] {
            let source = Env::on(api);
            rich(&source);
            let desired = export(&source, format, &format!("desired.{format}"));
            let target = Env::on(api);
            target.server.add_domain("a.cn");
            apply(&target, &[path(&desired)]).code(0);
            target
                .run(&["plan", path(&desired), "--exit-code"])
                .code(0)
                .stderr_has("no changes");
            assert_eq!(rows(&target), rows(&source), "{api:?} {format}");
        }
    }
}

/// The exported JSON Lines of the account with `edit` applied to its rows.
pub(crate) fn edited(env: &Env, edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> PathBuf {
    let desired = export(env, "jsonl", "desired.jsonl");
    let mut rows: Vec<serde_json::Value> = std::fs::read_to_string(&desired)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    edit(&mut rows);
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    env.file("edited.jsonl", &text)
}

pub(crate) fn row<'a>(
    rows: &'a mut [serde_json::Value],
    host: &str,
    kind: &str,
) -> &'a mut serde_json::Value {
    rows.iter_mut()
        .find(|r| r["sub_domain"] == host && r["record_type"] == kind && r["line"] == "默认")
        .unwrap()
}

/// The fake's record of this ID.
pub(crate) fn record(env: &Env, id: u64) -> fake_dnspod::Record {
    env.server
        .records()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("record {id} is gone"))
}

/// Nothing but look-ups: no submit, create, modify or delete of either API.
fn only_lookups(env: &Env) {
    for request in env.server.requests() {
        let changing = ["Batch", "Create", "Modify", "Remove", "Delete"];
        let action = request.action;
        assert!(!changing.iter().any(|c| action.contains(c)), "{action}");
    }
}

#[test]
fn modifies_set_every_field_and_a_new_value_keeps_the_records_id() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let [txt, www, api_id, _, _, spf] = rich(&env)[..] else {
            unreachable!()
        };
        let desired = edited(&env, |rows| {
            row(rows, "www", "A")["ttl"] = 60.into();
            row(rows, "www", "A")["weight"] = 70.into();
            row(rows, "api", "A")["remark"] = "".into();
            row(rows, "old", "TXT")["enabled"] = true.into();
            row(rows, "@", "TXT")["value"] = "v=spf1 ~all".into();
        });
        apply(&env, &[path(&desired)])
            .code(0)
            .stderr_has("a.cn: 0 to create, 4 to modify, 0 to delete");
        assert_eq!(
            (record(&env, www).ttl, record(&env, www).weight),
            (60, Some(70)),
            "{api:?}"
        );
        assert_eq!(record(&env, api_id).remark, "", "{api:?}");
        assert!(record(&env, txt).enabled, "{api:?}");
        assert_eq!(record(&env, spf).value, "v=spf1 ~all", "{api:?}");
        env.run(&["plan", path(&desired), "--exit-code"]).code(0);
    }
}

#[test]
fn deletes_are_carried_out_only_with_delete_and_counted_in_a_note_without() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let mx = rich(&env)[4];
        let desired = edited(&env, |rows| rows.retain(|r| r["record_type"] != "MX"));
        let run = apply(&env, &[path(&desired)]);
        run.code(0)
            .stderr_has("left 1 record the files do not hold, in a.cn (1): apply with --delete deletes them")
            .stderr_has("nothing else to change; nothing was sent");
        assert_eq!(run.stdout, "");
        only_lookups(&env);
        record(&env, mx);
        apply(&env, &[path(&desired), "--delete"])
            .code(0)
            .stderr_has("a.cn: 0 to create, 0 to modify, 1 to delete");
        assert!(env.server.records().iter().all(|r| r.id != mx), "{api:?}");
    }
}

#[test]
fn a_cname_taking_the_place_of_an_a_record_is_created_after_its_delete() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let b = env.server.add_domain("b.cn");
        let a = env.server.add_record(b, "cdn", "A", "默认", "192.0.2.5");
        let desired = edited(&env, |rows| {
            let cdn = row(rows, "cdn", "A");
            cdn["record_type"] = "CNAME".into();
            cdn["value"] = "cdn.example.com.".into();
        });
        apply(&env, &[path(&desired), "--delete"])
            .code(0)
            .stderr_has("b.cn: 1 to create, 0 to modify, 1 to delete");
        let cnames: Vec<_> = env
            .server
            .user_records()
            .into_iter()
            .filter(|r| r.sub_domain == "cdn")
            .collect();
        assert_eq!(cnames.len(), 1, "{api:?} {cnames:?}");
        assert_eq!(cnames[0].record_type, "CNAME");
        assert_ne!(cnames[0].id, a);
        env.run(&["plan", path(&desired), "--exit-code"]).code(0);
    }
}

/// `big.cn` of 10 A records; a desired file changing the TTL of 4 of them: over the
/// default 30% `--max-modify`.
pub(crate) fn big(env: &Env) -> PathBuf {
    let id = env.server.add_domain("big.cn");
    for n in 1..=10 {
        env.server
            .add_record(id, &format!("h{n}"), "A", "默认", "192.0.2.1");
    }
    edited(env, |rows| {
        for host in ["h1", "h2", "h3", "h4"] {
            row(rows, host, "A")["ttl"] = 60.into();
        }
    })
}

#[test]
fn a_domain_over_a_threshold_is_refused_by_name_unless_forced_or_allowed() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let desired = big(&env);
        let run = apply(&env, &[path(&desired)]);
        run.code(2)
            .stderr_has(
                "big.cn: the plan would modify 4 of its 10 records (40%), over --max-modify 30%",
            )
            .stderr_has("--force");
        assert_eq!(run.stdout, "");
        only_lookups(&env);
        let config = env.write_config("config.toml", "max_modify = 20\n");
        apply(
            &env,
            &[
                path(&desired),
                "--max-modify",
                "40",
                "--config",
                path(&config),
                "--dry-run",
            ],
        )
        .code(0);
        apply(
            &env,
            &[path(&desired), "--config", path(&config), "--dry-run"],
        )
        .code(2);
        only_lookups(&env);
        apply(&env, &[path(&desired), "--force"]).code(0);
        env.run(&["plan", path(&desired), "--exit-code"]).code(0);
    }
}

#[test]
fn dry_run_shows_the_plan_and_the_requests_and_sends_only_look_ups() {
    for api in Api::BOTH {
        let env = Env::on(api);
        rich(&env);
        let desired = edited(&env, |rows| {
            row(rows, "www", "A")["ttl"] = 60.into();
            let mut new = row(rows, "api", "A").clone();
            new["sub_domain"] = "new".into();
            rows.push(new);
        });
        let run = apply(&env, &[path(&desired), "--dry-run"]);
        run.code(0)
            .stderr_has("a.cn: 1 to create, 1 to modify, 0 to delete")
            .stdout_has("192.0.2.2");
        only_lookups(&env);
        assert!(!env.history_path().exists(), "{api:?}");
    }
}

#[test]
fn a_saved_plan_is_applied_exactly_and_refused_once_its_domain_changed() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let ids = rich(&env);
        let desired = edited(&env, |rows| row(rows, "www", "A")["ttl"] = 60.into());
        let saved = env.home().join("plan.json");
        env.run(&["plan", path(&desired), "--out", path(&saved)])
            .code(0);
        // Edits of the files after the review do not count: the saved plan does.
        let desired = edited(&env, |rows| row(rows, "www", "A")["ttl"] = 120.into());
        let saved_again = env.home().join("again.json");
        env.run(&["plan", path(&desired), "--out", path(&saved_again)])
            .code(0);
        env.run(&["apply", "--plan", path(&saved), path(&desired)])
            .code(2);
        apply(&env, &["--plan", path(&saved)]).code(0);
        assert_eq!(record(&env, ids[1]).ttl, 60, "{api:?}");
        let sent = env.server.requests().len();
        let run = apply(&env, &["--plan", path(&saved_again)]);
        run.code(2)
            .stderr_has("the records of a.cn changed since the plan was made");
        assert_eq!(run.stdout, "");
        let after: Vec<_> = env.server.requests()[sent..].to_vec();
        assert!(
            after.iter().all(|r| !r.action.contains("Modify")),
            "{api:?}"
        );
        let bad = env.file("bad.json", "{\"version\":1}");
        apply(&env, &["--plan", path(&bad)])
            .code(2)
            .stderr_has("bad.json");
    }
}

#[test]
fn an_apply_is_one_row_of_jobs_with_command_apply() {
    for api in Api::BOTH {
        let env = Env::on(api);
        rich(&env);
        let desired = edited(&env, |rows| {
            // A change a job makes and creates calls make.
            row(rows, "www", "A")["ttl"] = 60.into();
            row(rows, "api", "A")["ttl"] = 60.into();
            let mut new = row(rows, "api", "A").clone();
            new["sub_domain"] = "new".into();
            rows.push(new);
        });
        apply(&env, &[path(&desired)]).code(0);
        let jobs = env.run(&["jobs"]);
        jobs.code(0);
        let rows: Vec<&str> = jobs.stdout.lines().skip(1).collect();
        assert_eq!(rows.len(), 1, "{api:?}: {}", jobs.stdout);
        assert!(rows[0].contains("apply"), "{api:?}: {}", jobs.stdout);
    }
}

/// How many create calls the fake received for each host.
fn creates(env: &Env, api: Api) -> std::collections::BTreeMap<String, usize> {
    let mut asked = std::collections::BTreeMap::new();
    let action = match api {
        Api::Legacy => "Record.Create",
        Api::V3 => "CreateRecord",
    };
    for request in env.requests(action) {
        let host = match api {
            Api::Legacy => request.param("sub_domain").map(str::to_owned),
            Api::V3 => request
                .json()
                .map(|b| b["SubDomain"].as_str().unwrap().to_owned()),
        };
        *asked.entry(host.expect("a host")).or_insert(0) += 1;
    }
    asked
}

#[test]
fn an_apply_killed_mid_way_is_finished_by_resume_nothing_sent_twice() {
    for api in Api::BOTH {
        let latency = match api {
            Api::V3 => std::time::Duration::from_millis(300),
            Api::Legacy => std::time::Duration::ZERO,
        };
        let config = fake_dnspod::Config {
            latency,
            ..fake_dnspod::Config::default()
        };
        let env = Env::with_on(config, api);
        let id = env.server.add_domain("c.cn");
        env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
        let desired = edited(&env, |rows| {
            let www = row(rows, "www", "A").clone();
            // More than API 3.0's 32 calls in flight at once: some are left to resume.
            for n in 1..=40 {
                let mut new = www.clone();
                new["sub_domain"] = format!("h{n}").into();
                new["remark"] = format!("host {n}").into();
                rows.push(new);
            }
        });
        let action = match api {
            Api::Legacy => "Record.Create",
            Api::V3 => "CreateRecord",
        };
        // Every call in flight at the kill is slow (one at a time on the legacy API; on
        // API 3.0, as many as arrive, so every answer is).
        let slow = if api == Api::V3 { 0 } else { 10 };
        for _ in 0..slow {
            env.server.inject(
                action,
                fake_dnspod::Fault::Slow(std::time::Duration::from_millis(300)),
            );
        }
        let args = ["apply", path(&desired)];
        let mut run = env.spawn_and_await(&args, action, 4, std::time::Duration::from_secs(20));
        run.kill().expect("SIGKILL");
        run.wait().expect("reaped");
        let before = creates(&env, api);
        assert!(before.len() >= 4 && before.len() < 40, "{api:?} {before:?}");
        let resumed = env.run(&["resume", "--last"]);
        let asked = creates(&env, api);
        assert!(asked.values().all(|n| *n == 1), "{api:?} {asked:?}");
        // Every record asked for but those in flight at the kill (several at once on API
        // 3.0) that never arrived: of unknown outcome, named, and never sent.
        for n in 1..=40 {
            let host = format!("h{n}");
            let named = resumed.stderr.contains(&format!("the create of {host} A"));
            assert!(
                asked.contains_key(&host) || named,
                "{api:?} {host}: {resumed:?}"
            );
        }
        env.run(&["resume", "--last"])
            .stderr_has("nothing to resume");
        assert_eq!(creates(&env, api), asked);
    }
}

#[test]
fn golden_apply_output_on_each_api() {
    for (api, file) in [(Api::Legacy, "apply.txt"), (Api::V3, "apply-v3.txt")] {
        let env = crate::golden::env_on(api);
        rich(&env);
        let desired = edited(&env, |rows| {
            row(rows, "www", "A")["ttl"] = 60.into();
            row(rows, "api", "A")["remark"] = "".into();
            rows.retain(|r| r["record_type"] != "MX");
            let mut new = row(rows, "api", "A").clone();
            new["sub_domain"] = "new".into();
            new["enabled"] = false.into();
            rows.push(new);
        });
        let mut t = crate::golden::Transcript::new(&env);
        t.run(env.dpbatch(["apply", path(&desired)]).fast().wait())
            .code(0);
        t.run(env.dpbatch(["apply", path(&desired), "--delete"]))
            .code(0);
        t.run(env.dpbatch(["apply", path(&desired), "--delete"]))
            .code(0);
        t.check(file);
    }
}

#[test]
fn record_create_of_the_same_rows_leaves_out_what_readme_says_and_apply_keeps() {
    for api in Api::BOTH {
        let source = Env::on(api);
        rich(&source);
        let desired = export(&source, "jsonl", "desired.jsonl");
        let target = Env::on(api);
        target.server.add_domain("a.cn");
        let file = path(&desired);
        let run = target.run(&[
            "record-create",
            "--records-file",
            file,
            "--wait",
            FAST[0],
            FAST[1],
        ]);
        run.code(0)
            .stderr_has("skipped paused records")
            .stderr_has("without their remarks")
            .stderr_has("without their weights");
        let got = target.server.user_records();
        assert_eq!(got.len(), 5, "{api:?}: the paused TXT is left out");
        assert!(
            got.iter()
                .all(|r| r.weight.is_none() && r.remark.is_empty())
        );
        // `apply` of the same file puts back exactly what was left out.
        apply(&target, &[file]).code(0);
        assert_eq!(rows(&target), rows(&source), "{api:?}");
    }
}
