//! `undo` of an operation whose history lines were edited to hold parts of several kinds:
//! dpbatch never plans one, so it is refused as tampered, naming the parts of each kind,
//! whichever kind its first line says; nothing is sent.

use crate::support::{Api, Env};
use serde_json::json;

/// A record-modify of `www` and `mail` cut into two jobs, waited for; their job IDs.
fn two_parts(env: &Env) -> Vec<u64> {
    let domain = env.server.add_domain("a.cn");
    for host in ["www", "mail"] {
        env.server
            .add_record(domain, host, "A", "默认", "192.0.2.1");
    }
    env.record_modify()
        .domains("a.cn")
        .select("www,mail", "A")
        .change("ttl", 60)
        .args(["--job-size", "1"])
        .wait()
        .fast()
        .run()
        .code(0);
    env.history_lines()
        .iter()
        .map(|line| line["job_id"].as_u64().unwrap())
        .collect()
}

/// Rewrites the `at`th line's spec as a record-create's on `domain`.
fn relabel(env: &Env, at: usize, domain: u64) {
    env.rewrite_history(|lines| {
        lines[at]["action"] = json!("record-create");
        lines[at]["spec"] = json!({
            "kind": "record-create",
            "domain_ids": [domain],
            "records": [{"sub_domain": "www", "record_type": "A", "value": "192.0.2.1"}],
        });
    });
}

#[test]
fn an_operation_of_two_kinds_is_refused_naming_each_part_whichever_comes_first() {
    for api in Api::BOTH {
        for relabelled in [0, 1] {
            let env = Env::on(api);
            let jobs = two_parts(&env);
            relabel(&env, relabelled, env.server.domains()[0].id);
            let (created, modified) = (jobs[relabelled], jobs[1 - relabelled]);
            let sent = env.server.requests().len();
            env.dpbatch(["undo", "--last", "--yes", "--wait"])
                .fast()
                .run()
                .code(2)
                .stderr_has("mixes parts of kinds dpbatch never plans in one operation")
                .stderr_has(&format!(
                    "record-modify: job {modified} (ttl to 60 on 1 record)"
                ))
                .stderr_has(&format!(
                    "record-create: job {created} (1 record spec on 1 domain)"
                ));
            assert_eq!(
                env.server.requests().len(),
                sent,
                "{api:?}: not even a detail is asked"
            );
        }
    }
}
