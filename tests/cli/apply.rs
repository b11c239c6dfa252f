//! `apply`: an account made to match files of desired records, on both APIs, as one
//! operation: a round trip loses nothing, changes keep record IDs, deletes only with
//! `--delete`, a CNAME's deletes first, thresholds, saved plans, dry runs, a stop and
//! `resume`, one `jobs` row.

use crate::support::{Api, Env, FAST};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// `a.cn` holding a paused TXT, a weighted A, a remark, a record on 电信, an MX and a
/// plain TXT; returns their IDs in that order.
fn rich(env: &Env) -> Vec<u64> {
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
fn export(env: &Env, format: &str, name: &str) -> PathBuf {
    let out = env.home().join(name);
    env.run(&["export", "--all", "--format", format, "--out", path(&out)])
        .code(0);
    out
}

/// The account's records as export's JSON Lines rows, record IDs aside, sorted.
fn rows(env: &Env) -> BTreeSet<String> {
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

fn apply(env: &Env, args: &[&str]) -> crate::support::Run {
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
