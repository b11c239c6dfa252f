//! `plan` of a record the account and the files spell two ways: each spelling is the
//! same record to the vendor, so the plan shows no change, on both APIs.

use crate::support::{Api, Env};
use std::path::Path;

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// The steps of `plan --json` of `desired`, which exits 0 (no drift) or 6.
fn steps(env: &Env, desired: &Path) -> Vec<serde_json::Value> {
    let run = env.run(&["plan", path(desired), "--json"]);
    run.code(0);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_weight_of_0_and_no_weight_are_one_weight() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let a = env.server.add_domain("a.cn");
        // What a modify leaves that drops a weight: the executor sends 0, the fake keeps 0.
        let zero = env.server.add_record(a, "www", "A", "默认", "192.0.2.1");
        env.server.change_record(zero, |r| r.weight = Some(0));
        env.server.add_record(a, "api", "A", "默认", "192.0.2.2");
        let desired = env.file(
            "a.jsonl",
            concat!(
                r#"{"domain":"a.cn","sub_domain":"www","record_type":"A","value":"192.0.2.1","weight":null}"#,
                "\n",
                r#"{"domain":"a.cn","sub_domain":"api","record_type":"A","value":"192.0.2.2","weight":0}"#,
                "\n",
            ),
        );
        assert_eq!(
            steps(&env, &desired),
            Vec::<serde_json::Value>::new(),
            "{api:?}"
        );
        env.run(&["plan", path(&desired), "--exit-code"])
            .code(0)
            .stderr_has("no changes");
    }
}

/// Every record of a domain exported as a zone file, then planned against.
fn zone_plan(env: &Env) -> Vec<serde_json::Value> {
    let dir = env.home().join("zones");
    env.export_zones(&dir).code(0);
    steps(env, &dir)
}

#[test]
fn a_zone_file_of_an_idn_host_plans_no_change_against_itself() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let idn = env.server.add_domain("例子.cn");
        env.server.add_record(idn, "中文", "A", "默认", "192.0.2.1");
        env.server
            .add_record(idn, "*.中文", "A", "默认", "192.0.2.2");
        env.server
            .add_record(idn, "api", "CNAME", "默认", "中文.例子.cn.");
        assert_eq!(zone_plan(&env), Vec::<serde_json::Value>::new(), "{api:?}");
    }
}

#[test]
fn forwarding_and_values_zone_syntax_breaks_read_back_from_a_zone_file() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let a = env.server.add_domain("a.cn");
        env.server.add_record(a, "www", "A", "默认", "192.0.2.1");
        env.server
            .add_record(a, "go", "URL", "默认", "https://example.com/a;b");
        let frame = env
            .server
            .add_record(a, "in", "FRAMEURL", "默认", "https://example.com/");
        env.server
            .change_record(frame, |r| r.remark = "框架 \"old\"".into());
        env.server
            .add_record(a, "go", "URL", "电信", "https://example.cn/");
        env.server
            .add_record(a, "@", "CAA", "默认", "0 issue ca.example;x");
        env.server
            .add_record(a, "txt", "CNAME", "默认", "odd(name).a.cn.");
        let steps = zone_plan(&env);
        assert_eq!(steps, Vec::<serde_json::Value>::new(), "{api:?}");
        let zone = std::fs::read_to_string(env.home().join("zones/a.cn.zone")).unwrap();
        assert!(
            zone.contains(";dpbatch value=\"https://example.com/a;b\" go IN URL\n"),
            "{zone}"
        );
        // A type no reader of dpbatch knows is refused by name, so never deleted.
        let b = env.server.add_domain("b.cn");
        env.server
            .add_record(b, "go", "显性URL", "默认", "https://example.com/");
        let dir = env.home().join("zones");
        env.export_zones(&dir).code(0);
        env.run(&["plan", path(&dir)]).code(2).stderr_has("显性URL");
    }
}
