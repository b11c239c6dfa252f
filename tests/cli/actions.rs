//! The `action` a submit without `--wait` prints with `--json` is the command whose
//! operation the job is a part of, as its history line and `jobs` name it: a deletion is
//! `record-delete`'s or `undo`'s, and every job of an undo is the undo's.

use crate::support::{Api, Env};
use serde_json::Value;

fn actions(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["action"].to_string())
        .collect()
}

#[test]
fn each_job_printed_is_named_by_the_command_that_made_it() {
    let env = Env::on(Api::V3);
    let domain = env.server.add_domain("a.cn");
    let www = env
        .server
        .add_record(domain, "www", "A", "默认", "192.0.2.1");
    env.server
        .add_record(domain, "_acme-challenge", "TXT", "默认", "token-1");
    let deleted = env
        .dpbatch([
            "record-delete",
            "--domain",
            "a.cn",
            "--sub",
            "_acme-challenge",
        ])
        .args(["--type", "TXT"])
        .args(["--yes", "--json"])
        .run();
    deleted.code(0);
    assert_eq!(actions(&deleted.stdout), ["\"record-delete\""]);
    env.server.finish_all();
    env.record_modify()
        .record_ids(www)
        .change("ttl", 60)
        .wait()
        .fast()
        .run()
        .code(0);
    let undone = env.dpbatch(["undo", "--last", "--json"]).fast().run();
    undone.code(0);
    assert_eq!(actions(&undone.stdout), ["\"undo\""]);
}
