//! `record-delete` on both APIs: the selection listed before anything is sent, deleted
//! only with `--yes`, never DNSPod's own records; API 3.0 in jobs, the legacy API one
//! Record.Remove a record.

use crate::support::{Api, Env};

/// `a.cn` and `b.cn`, each with an `_acme-challenge` TXT and a `www` A record; their IDs.
fn two_domains(env: &Env) -> [u64; 2] {
    ["a.cn", "b.cn"].map(|name| {
        let domain = env.server.add_domain(name);
        env.server
            .add_record(domain, "_acme-challenge", "TXT", "默认", "token-1");
        env.server
            .add_record(domain, "www", "A", "默认", "192.0.2.7");
        domain
    })
}

/// The hosts of the records tests made (not DNSPod's own NS records), sorted.
fn hosts(env: &Env) -> Vec<String> {
    let mut hosts: Vec<String> = env
        .server
        .user_records()
        .into_iter()
        .map(|r| r.sub_domain)
        .collect();
    hosts.sort();
    hosts
}

fn acme(env: &Env) -> crate::support::Cmd<'_> {
    env.dpbatch(["record-delete", "--domain", "a.cn,b.cn"])
        .args(["--sub", "_acme-challenge", "--type", "TXT"])
}

#[test]
fn records_named_by_id_are_found_in_their_domains_and_deleted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        two_domains(&env);
        let www: Vec<String> = env
            .server
            .user_records()
            .into_iter()
            .filter(|r| r.sub_domain == "www")
            .map(|r| r.id.to_string())
            .collect();
        let ids = www.join(",");
        env.dpbatch(["record-delete", "--record-id", &ids, "--yes", "--wait"])
            .fast()
            .run()
            .code(0);
        assert_eq!(
            hosts(&env),
            ["_acme-challenge", "_acme-challenge"],
            "{api:?}"
        );
        env.dpbatch(["record-delete", "--record-id", "999999", "--yes"])
            .run()
            .code(2)
            .stderr_has("999999");
    }
}

#[test]
fn dnspods_own_ns_records_are_never_deleted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        let own = env.server.records().len();
        assert!(own > 0);
        env.server
            .add_record(domain, "@", "NS", "默认", "ns.other.example.");
        env.dpbatch([
            "record-delete",
            "--domain",
            "a.cn",
            "--sub",
            "@",
            "--type",
            "NS",
        ])
        .args(["--yes", "--wait"])
        .fast()
        .run()
        .code(0)
        .stderr_has("of DNSPod's own");
        assert!(env.server.user_records().is_empty(), "{api:?}");
        assert_eq!(env.server.records().len(), own, "{api:?}");
    }
}

/// `a.cn` with `records` A records `h1`, `h2`, ... and a TXT `_acme-challenge`.
fn domain_of(env: &Env, records: usize) {
    let domain = env.server.add_domain("a.cn");
    for n in 1..records {
        env.server
            .add_record(domain, &format!("h{n}"), "A", "默认", "192.0.2.7");
    }
    env.server
        .add_record(domain, "_acme-challenge", "TXT", "默认", "token-1");
}

fn retire(env: &Env) -> crate::support::Cmd<'_> {
    env.dpbatch(["record-delete", "--domain", "a.cn", "--sub", "h1,h2,h3,h4"])
        .args(["--type", "A", "--value-is", "192.0.2.7", "--yes", "--wait"])
        .fast()
}

#[test]
fn more_than_max_delete_of_a_domain_of_ten_is_refused_unless_forced() {
    for api in Api::BOTH {
        let env = Env::on(api);
        domain_of(&env, 10);
        retire(&env)
            .run()
            .code(2)
            .stderr_has("4 of the 10 records of a.cn (40%), more than --max-delete 30%")
            .stderr_has("--force");
        assert_eq!(env.calls("Record.Remove").len(), 0, "{api:?}");
        retire(&env).args(["--max-delete", "40"]).run().code(0);
        assert_eq!(hosts(&env).len(), 6, "{api:?}");
    }
    for api in Api::BOTH {
        let env = Env::on(api);
        domain_of(&env, 10);
        retire(&env).arg("--force").run().code(0);
        assert_eq!(hosts(&env).len(), 6, "{api:?}");
    }
}

#[test]
fn a_domain_of_fewer_than_ten_records_may_lose_any_share() {
    for api in Api::BOTH {
        let env = Env::on(api);
        domain_of(&env, 9);
        retire(&env).run().code(0);
        assert_eq!(
            hosts(&env),
            ["_acme-challenge", "h5", "h6", "h7", "h8"],
            "{api:?}"
        );
    }
}

#[test]
fn api_3_deletes_in_jobs_of_at_most_2000_records() {
    let env = Env::on(Api::V3);
    domain_of(&env, 2002);
    let subs: Vec<String> = (1..=2001).map(|n| format!("h{n}")).collect();
    env.dpbatch(["record-delete", "--domain", "a.cn", "--type", "A"])
        .args(["--sub", &subs.join(","), "--force", "--yes", "--wait"])
        .fast()
        .run()
        .code(0);
    assert_eq!(hosts(&env), ["_acme-challenge"]);
    assert_eq!(env.calls("Record.Remove").len(), 2);
}

#[test]
fn a_deletion_stopped_mid_way_says_what_was_not_sent_and_resume_finishes_it() {
    for api in Api::BOTH {
        let env = Env::on(api);
        domain_of(&env, 4);
        // The first deletion is answered; the second's answer is lost: it may have been
        // done. The third is not sent.
        let action = api.action("Record.Remove");
        env.server
            .inject(action, fake_dnspod::Fault::Slow(std::time::Duration::ZERO));
        env.server.inject(action, fake_dnspod::Fault::Drop);
        let stopped = env
            .dpbatch(["record-delete", "--domain", "a.cn", "--sub", "h1,h2,h3"])
            .args(["--type", "A", "--job-size", "1", "--max-jobs", "4", "--yes"])
            .run();
        assert_ne!(stopped.code, 0, "{stopped:?}");
        stopped
            .stderr_has("1 part not sent (part 3: delete 1 record)")
            .stderr_has("dpbatch resume ");
        assert_eq!(env.calls("Record.Remove").len(), 2, "{api:?}");
        let history = std::fs::read_to_string(env.history_path()).unwrap();
        assert!(
            history.contains("\"action\":\"record-delete\""),
            "{history}"
        );

        env.dpbatch(["resume", "--last", "--wait"])
            .fast()
            .run()
            .code(0);
        assert_eq!(
            env.calls("Record.Remove").len(),
            3,
            "{api:?}: the one of unknown outcome is never sent again"
        );
        assert_eq!(hosts(&env), ["_acme-challenge", "h2"], "{api:?}");
        env.dpbatch(["resume", "--last"])
            .run()
            .code(0)
            .stderr_has("nothing to resume");
        assert_eq!(env.calls("Record.Remove").len(), 3, "{api:?}");
    }
}

/// Each user record as (host, type, value, ttl), sorted: what undo must give back.
fn contents(env: &Env) -> Vec<(String, String, String, u32)> {
    let mut records: Vec<_> = env
        .server
        .user_records()
        .into_iter()
        .map(|r| (r.sub_domain, r.record_type, r.value, r.ttl))
        .collect();
    records.sort();
    records
}

#[test]
fn undo_of_a_record_delete_creates_the_records_again_with_new_ids() {
    for api in Api::BOTH {
        let env = Env::on(api);
        two_domains(&env);
        let txt = env.server.user_records()[0].id;
        env.server.change_record(txt, |r| r.ttl = 3600);
        let before = contents(&env);
        let old: Vec<u64> = env.server.user_records().iter().map(|r| r.id).collect();
        acme(&env).arg("--yes").wait().fast().run().code(0);
        assert_eq!(hosts(&env), ["www", "www"], "{api:?}");

        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0);
        assert_eq!(contents(&env), before, "{api:?}");
        let new = env.server.user_records();
        let kept = new.iter().filter(|r| old.contains(&r.id)).count();
        assert_eq!(
            kept, 2,
            "{api:?}: the two www records; the TXT ones have new IDs"
        );
    }
}

#[test]
fn undo_of_a_record_delete_leaves_a_record_the_account_has_again() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let [a, _] = two_domains(&env);
        acme(&env).arg("--yes").wait().fast().run().code(0);
        env.server
            .add_record(a, "_acme-challenge", "TXT", "默认", "token-1");
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has("TXT _acme-challenge of a.cn: it is there again");
        assert_eq!(hosts(&env).len(), 4, "{api:?}: b.cn's alone created again");
    }
}

#[test]
fn undo_of_a_deletion_that_kept_nothing_whole_is_refused() {
    let env = Env::on(Api::V3);
    two_domains(&env);
    acme(&env).arg("--yes").wait().fast().run().code(0);
    // An older dpbatch's line: the deleted records not kept.
    env.rewrite_history(|lines| {
        let [line] = lines.as_mut_slice() else {
            panic!("one history line: {lines:?}")
        };
        line.as_object_mut().unwrap().remove("before");
    });
    env.dpbatch(["undo", "--last"])
        .run()
        .code(2)
        .stderr_has("kept no record it deleted whole");
    assert!(env.requests("CreateRecordBatch").is_empty());
}

#[test]
fn all_selects_in_every_domain_of_the_account_and_skips_a_name_that_is_none() {
    for api in Api::BOTH {
        let env = Env::on(api);
        two_domains(&env);
        // A name the server lists that no typed name could be: never looked up.
        env.server.add_domain("bad name.cn");
        let all = || {
            env.dpbatch(["record-delete", "--all"]).args([
                "--sub",
                "_acme-challenge",
                "--type",
                "TXT",
            ])
        };
        let dry = all().dry_run().json().run();
        dry.code(0)
            .stderr_has("skipped a domain the server listed: invalid domain `bad name.cn`");
        let domains: Vec<String> = dry
            .dry_result()
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["domain"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(domains, ["a.cn", "b.cn"], "{api:?}");
        all().args(["--yes", "--wait"]).fast().run().code(0);
        assert_eq!(hosts(&env), ["www", "www"], "{api:?}");
        // record-modify takes the same selection.
        env.dpbatch(["record-modify", "--all", "--sub", "www", "--type", "A"])
            .args(["--change", "ttl", "--to", "60"])
            .dry_run()
            .run()
            .code(0)
            .stdout_has("2 records selected");
        env.dpbatch(["record-delete", "--all", "--domain", "a.cn"])
            .args(["--sub", "www", "--type", "A"])
            .run()
            .code(2);
    }
}
