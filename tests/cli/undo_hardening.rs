//! `undo` against a server and a history that say more than is true: a detail that lists
//! records a job never made or one record twice, a history line relabelled, and a part
//! whose submit's outcome is unknown. Undo acts only where the job, its detail and its
//! history line agree.

use crate::support::{Api, Env};
use fake_dnspod::{Config, Falsehood, Fault, Record, Totals};
use serde_json::{Value, json};
use std::time::Duration;

fn record(env: &Env, id: u64) -> Option<Record> {
    env.server.records().into_iter().find(|r| r.id == id)
}

fn id_of(env: &Env, domain: u64, host: &str) -> u64 {
    env.server
        .records()
        .into_iter()
        .find(|r| r.domain_id == domain && r.sub_domain == host)
        .unwrap_or_else(|| panic!("no {host} record"))
        .id
}

/// The record ids a modify or delete request sent, on either API.
fn sent_ids(api: Api, request: &fake_dnspod::Request) -> Vec<u64> {
    match api {
        Api::Legacy => request
            .param("record_id")
            .unwrap_or_default()
            .split(',')
            .map(|id| id.parse().unwrap())
            .collect(),
        Api::V3 => request.json().unwrap()["RecordIdList"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| id.as_u64().unwrap())
            .collect(),
    }
}

/// Rewrites the history's only line.
fn tamper(env: &Env, edit: impl FnOnce(&mut Value)) {
    env.rewrite_history(|lines| {
        assert_eq!(lines.len(), 1, "{lines:?}");
        edit(&mut lines[0]);
    });
}

/// `b.cn` with an apex MX the account had before, and `www` A 10.0.0.1 added by a
/// record-create job, waited for: (domain, MX, www, job).
fn created_www(env: &Env) -> (u64, u64, u64, u64) {
    let domain = env.server.add_domain("b.cn");
    let mx = env.server.add_record(domain, "@", "MX", "默认", "mx.b.cn.");
    let job = env
        .record_create()
        .domains("b.cn")
        .sub("www")
        .record("A", "10.0.0.1")
        .wait()
        .fast()
        .run()
        .code(0)
        .summary_job_id();
    (domain, mx, id_of(env, domain, "www"), job)
}

#[test]
fn undo_of_a_record_create_deletes_only_records_its_spec_asked_for() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let (_, mx, www, job) = created_www(&env);
        env.server.falsify(job, Falsehood::Lists(mx));
        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has(&format!(
                "record {mx} of b.cn (@ MX mx.b.cn.): not one the job asked for"
            ));
        assert!(record(&env, mx).is_some(), "the apex MX is kept: {api:?}");
        assert!(record(&env, www).is_none(), "{api:?}");
    }
}

#[test]
fn a_domain_create_relabelled_as_a_record_create_deletes_nothing() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.domain_create("new.cn")
            .value("192.0.2.9")
            .wait()
            .fast()
            .run()
            .code(0);
        let domain = env.server.domains()[0].id;
        tamper(&env, |line| {
            line["action"] = json!("record-create");
            line["spec"] = json!({
                "kind": "record-create",
                "domain_ids": [domain],
                "records": [{"sub_domain": "@,www", "record_type": "A", "value": "192.0.2.9"}],
            });
        });
        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .code(2)
            .stderr_has("DNSPod's detail says it is a `domain` job, but its history line says record-create");
        assert_eq!(env.server.user_records().len(), 2, "{api:?}");
        assert!(env.calls("Record.Remove").is_empty(), "{api:?}");
    }
}

#[test]
fn a_ttl_job_relabelled_as_a_value_change_sets_no_value_the_record_never_had() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        let www = env
            .server
            .add_record(domain, "www", "A", "默认", "192.0.2.1");
        env.record_modify()
            .record_ids(www)
            .change("ttl", 60)
            .wait()
            .fast()
            .run()
            .code(0);
        tamper(&env, |line| {
            line["spec"]["change"] = json!({"field": "value", "to": "192.0.2.1"});
            line["before"][0]["value"] = json!("203.0.113.66");
        });
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has(&format!(
                "record {www} of a.cn: the job's detail shows its ttl as 60, but its history line has 600 from before a job that changed only its value"
            ))
            .stderr_has("nothing to put back");
        let now = record(&env, www).unwrap();
        assert_eq!((now.value.as_str(), now.ttl), ("192.0.2.1", 60), "{api:?}");
        assert_eq!(env.calls("Batch.Record.Modify").len(), 1, "{api:?}");
    }
}

#[test]
fn a_part_of_unknown_outcome_is_named_and_put_back_from_its_before_state() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        let ids = ["www", "mail"].map(|host| {
            env.server
                .add_record(domain, host, "A", "默认", "192.0.2.1")
        });
        let submit = api.action("Batch.Record.Modify");
        // The first part is answered; the second is read and never answered.
        env.server.inject(submit, Fault::Slow(Duration::ZERO));
        env.server.inject(submit, Fault::Drop);
        env.record_modify()
            .domains("a.cn")
            .select("www,mail", "A")
            .change("value", "198.51.100.7")
            .args(["--job-size", "1"])
            .run()
            .code(1)
            .stderr_has("part 2 (1 record): the outcome of its submit is unknown");
        // The fake dropped it unmade; a real server may have made it, as here.
        env.server.finish_all();
        for id in ids {
            env.server
                .change_record(id, |r| r.value = "198.51.100.7".into());
        }
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has(
                "part 2 (value to 198.51.100.7 on 1 record): the outcome of its submit is unknown",
            );
        for id in ids {
            assert_eq!(record(&env, id).unwrap().value, "192.0.2.1", "{api:?}");
        }
    }
}

#[test]
fn a_part_of_unknown_outcome_rewritten_to_name_another_record_puts_nothing_back() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        for host in ["www", "mail"] {
            env.server
                .add_record(domain, host, "A", "默认", "192.0.2.1");
        }
        let other = env
            .server
            .add_record(domain, "ftp", "A", "默认", "198.51.100.7");
        let submit = api.action("Batch.Record.Modify");
        env.server.inject(submit, Fault::Slow(Duration::ZERO));
        env.server.inject(submit, Fault::Drop);
        env.record_modify()
            .domains("a.cn")
            .select("www,mail", "A")
            .change("value", "198.51.100.7")
            .args(["--job-size", "1"])
            .run()
            .code(1);
        env.server.finish_all();
        // The unknown part's line now names `ftp`, which no job changed, with an old
        // value it never had; nothing but the operation's plan can tell.
        env.rewrite_history(|lines| {
            let unknown = lines.iter_mut().find(|l| l["job_id"].is_null()).unwrap();
            unknown["spec"]["record_ids"] = json!([other]);
            unknown["before"][0]["record_id"] = json!(other);
            unknown["before"][0]["sub_domain"] = json!("ftp");
            unknown["before"][0]["value"] = json!("203.0.113.66");
        });
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has("its line is not a part the operation's plan holds");
        assert_eq!(
            record(&env, other).unwrap().value,
            "198.51.100.7",
            "{api:?}"
        );
    }
}

#[test]
fn a_detail_that_gives_another_domains_record_its_own_domain_id_deletes_nothing_there() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let victim = env.server.add_domain("victim.cn");
        let theirs = env
            .server
            .add_record(victim, "www", "A", "默认", "10.0.0.1");
        let (domain, _, www, job) = created_www(&env);
        // victim.cn's www, as the job's spec would have made it, listed under b.cn's ID.
        env.server.falsify(
            job,
            Falsehood::ListsUnder {
                record: theirs,
                domain_id: domain,
            },
        );
        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has(&format!(
                "its detail gives victim.cn the domain ID {domain}, the account {victim}"
            ));
        assert!(record(&env, theirs).is_some(), "never deleted: {api:?}");
        assert!(record(&env, www).is_none(), "the job's own is: {api:?}");
    }
}

#[test]
fn a_record_listed_twice_in_a_detail_is_sent_once() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        let www = env
            .server
            .add_record(domain, "www", "A", "默认", "192.0.2.1");
        let job = env
            .record_modify()
            .record_ids(www)
            .change("ttl", 60)
            .wait()
            .fast()
            .run()
            .code(0)
            .summary_job_id();
        env.server.falsify(job, Falsehood::ListsTwice(www));
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0)
            .stderr_has("putting back 1 of the 1 records the job changed");
        let sent = env.calls("Batch.Record.Modify");
        assert_eq!(sent_ids(api, &sent[1]), [www], "{api:?}");
        assert_eq!(record(&env, www).unwrap().ttl, 600, "{api:?}");

        let (_, _, created, job) = created_www(&env);
        env.server.falsify(job, Falsehood::ListsTwice(created));
        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .code(0);
        let deletes: Vec<Vec<u64>> = env
            .calls("Record.Remove")
            .iter()
            .map(|r| sent_ids(api, r))
            .collect();
        assert_eq!(deletes, [vec![created]], "{api:?}");
    }
}

/// A listing short of the total the server claims is said by the selection that acts on
/// it and by the undo that reads the records again, never acted on without a word.
#[test]
fn a_listing_short_of_the_servers_total_is_said_by_modify_and_undo() {
    for api in Api::BOTH {
        let env = Env::with_on(
            Config {
                totals: Totals::Overstated(2),
                ..Config::default()
            },
            api,
        );
        let domain = env.server.add_domain("a.cn");
        env.server
            .add_record(domain, "www", "A", "默认", "192.0.2.1");
        let short = "a.cn: the server listed 1 record of the 3 it claims";
        env.record_modify()
            .domains("a.cn")
            .select("www", "A")
            .change("value", "198.51.100.7")
            .wait()
            .fast()
            .run()
            .code(0)
            .stderr_has(short)
            .stderr_has("a record it did not list cannot be selected");
        env.dpbatch(["undo", "--last", "--dry-run"])
            .run()
            .code(0)
            .stderr_has("a.cn: the server listed")
            .stderr_has("a record it did not list is skipped as deleted");
    }
}

#[test]
fn undo_of_a_record_create_never_deletes_dnspods_own_ns_records() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("b.cn");
        let ns = env.server.records()[0].clone();
        assert!(ns.system && ns.domain_id == domain);
        // A job that asked for DNSPod's own record (refused as there already), and a
        // detail that says it made it.
        let job = env
            .record_create()
            .domains("b.cn")
            .sub("@")
            .record("NS", &ns.value)
            .wait()
            .fast()
            .run()
            .summary_job_id();
        env.server.falsify(job, Falsehood::Lists(ns.id));
        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .stderr_has(&format!(
                "record {} of b.cn: one of DNSPod's own NS records, which DNSPod manages, so it is not deleted",
                ns.id
            ));
        assert!(env.calls("Record.Remove").is_empty(), "{api:?}");
        assert_eq!(record(&env, ns.id), Some(ns), "{api:?}");
    }
}
