//! `undo`: a record-modify job's changes put back from the before-state kept at submit
//! time, records changed since left alone and reported; refusals where there is no way
//! back.

use crate::support::{Api, Env};
use fake_dnspod::{Config, Progress};

/// `a.cn` with `www` and `mail` A 192.0.2.1 and `@` A 192.0.2.2; their IDs in that order.
fn account(env: &Env) -> [u64; 3] {
    let domain = env.server.add_domain("a.cn");
    [
        env.server
            .add_record(domain, "www", "A", "默认", "192.0.2.1"),
        env.server
            .add_record(domain, "mail", "A", "默认", "192.0.2.1"),
        env.server.add_record(domain, "@", "A", "默认", "192.0.2.2"),
    ]
}

fn value_of(env: &Env, id: u64) -> String {
    env.server
        .records()
        .into_iter()
        .find(|r| r.id == id)
        .expect("the record")
        .value
}

#[test]
fn a_find_and_replace_is_put_back_but_a_record_changed_since_is_not() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let [www, mail, apex] = account(&env);
        env.record_modify()
            .domains("a.cn")
            .select("www,mail,@", "A")
            .change("value", "198.51.100.7")
            .wait()
            .fast()
            .run()
            .code(0);
        // Someone changes one of them in the console meanwhile.
        env.server
            .change_record(mail, |r| r.value = "203.0.113.9".into());

        let plan = env.dpbatch(["undo", "--last", "--dry-run"]).run();
        plan.code(0)
            .stdout_has("198.51.100.7  192.0.2.1")
            .stderr_has(&format!(
                "record {mail} of a.cn: its value is now 203.0.113.9"
            ));
        assert_eq!(
            plan.stdout.lines().count(),
            3,
            "a header and two records: {plan:?}"
        );
        let json = env
            .dpbatch(["undo", "--last", "--dry-run", "--json"])
            .run()
            .json();
        assert_eq!(json.as_array().unwrap().len(), 2, "{json}");
        assert_eq!(json[0]["back_to"], "192.0.2.1");
        assert_eq!(
            value_of(&env, www),
            "198.51.100.7",
            "a dry run changes nothing"
        );

        let undone = env.dpbatch(["undo", "--last", "--wait"]).fast().run();
        undone.code(0).stdout_has("total: 2 jobs");
        assert_eq!(value_of(&env, www), "192.0.2.1", "{api:?}");
        assert_eq!(value_of(&env, apex), "192.0.2.2", "{api:?}");
        assert_eq!(
            value_of(&env, mail),
            "203.0.113.9",
            "never overwritten: {api:?}"
        );
        // One modify job per old value, and the undo is itself undoable.
        assert_eq!(env.calls("Batch.Record.Modify").len(), 3, "{api:?}");
        env.dpbatch(["undo", "--last", "--wait"])
            .fast()
            .run()
            .code(0);
        assert_eq!(value_of(&env, www), "198.51.100.7", "{api:?}");
    }
}

#[test]
fn a_change_by_record_id_is_put_back_from_what_the_submit_echoed() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let [www, mail, _] = account(&env);
        let job = env
            .record_modify()
            .record_ids(format!("{www},{mail}"))
            .change("ttl", 60)
            .submit();
        env.server.finish_all();
        env.server.change_record(mail, |r| r.ttl = 120);
        let undone = env
            .dpbatch(["undo", &job.to_string(), "--wait"])
            .fast()
            .run();
        undone.code(0).stderr_has(&format!(
            "record {mail} of a.cn: its ttl is now 120, not the job's 60"
        ));
        let ttl = |id| {
            env.server
                .records()
                .into_iter()
                .find(|r| r.id == id)
                .unwrap()
                .ttl
        };
        assert_eq!((ttl(www), ttl(mail)), (600, 120), "{api:?}");
    }
}

#[test]
fn undo_refuses_what_it_cannot_put_back() {
    let env = Env::new();
    let job = env.submit_domains("new.cn");
    env.dpbatch(["undo", &job.to_string()])
        .run()
        .code(2)
        .stderr_has("deleting domains is not an undo");
    env.dpbatch(["undo", "424242"])
        .run()
        .code(2)
        .stderr_has("not in this account's job history");

    let slow = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 100,
            running: 0,
        },
        ..Config::default()
    });
    let [www, _, _] = account(&slow);
    slow.record_modify()
        .record_ids(www)
        .change("ttl", 60)
        .submit();
    slow.dpbatch(["undo", "--last"])
        .run()
        .code(2)
        .stderr_has("still has 2 items waiting or running");
}

#[test]
fn a_job_recorded_without_before_state_says_why_it_cannot_be_undone() {
    let env = Env::new();
    // A history line as dpbatch wrote it before undo existed.
    let line = format!(
        r#"{{"job_id":5,"action":"record-modify","spec":{{"kind":"record-modify","record_ids":[7],"change":{{"field":"ttl","to":"60"}}}},"api":"legacy","endpoint":"{}","credential":"520001","profile":null,"submitted_at":1795512005}}"#,
        env.server.url()
    );
    let path = env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, line + "\n").unwrap();
    env.dpbatch(["undo", "--last"])
        .run()
        .code(2)
        .stderr_has("no recorded before-state");
    env.assert_nothing_sent();
}

/// Adds `www` and `api` A 10.0.0.1 to a new `b.cn` with record-create, waited for; the
/// domain's ID.
pub(crate) fn created_pair(env: &Env) -> u64 {
    let domain = env.server.add_domain("b.cn");
    env.record_create()
        .domains("b.cn")
        .sub("www,api")
        .record("A", "10.0.0.1")
        .wait()
        .fast()
        .run()
        .code(0);
    domain
}

/// The hosts of the records the test made (not DNSPod's own NS records).
fn hosts_of(env: &Env, domain: u64) -> Vec<String> {
    env.server
        .user_records()
        .into_iter()
        .filter(|r| r.domain_id == domain)
        .map(|r| r.sub_domain)
        .collect()
}

#[test]
fn a_record_create_is_undone_by_deleting_what_it_created_and_only_with_yes() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = created_pair(&env);
        let api_record = env
            .server
            .records()
            .into_iter()
            .find(|r| r.domain_id == domain && r.sub_domain == "api")
            .unwrap()
            .id;
        env.server
            .change_record(api_record, |r| r.value = "10.0.0.2".into());

        let asked = env.dpbatch(["undo", "--last"]).run();
        asked
            .code(2)
            .stderr_has("pass --yes")
            .stderr_has("www")
            .stderr_has("changed since it was created");
        let plan = env.dpbatch(["undo", "--last", "--dry-run", "--json"]).run();
        let plan = plan.json();
        assert_eq!(plan.as_array().unwrap().len(), 1, "{plan}");
        assert_eq!(plan[0]["sub_domain"], "www");
        assert_eq!(
            hosts_of(&env, domain).len(),
            2,
            "nothing deleted yet: {api:?}"
        );

        env.dpbatch(["undo", "--last", "--yes", "--wait"])
            .fast()
            .run()
            .code(0);
        assert_eq!(hosts_of(&env, domain), ["api"], "{api:?}");
        assert_eq!(env.calls("Record.Remove").len(), 1, "{api:?}");
    }
}

#[test]
fn a_failed_legacy_removal_exits_4_and_the_rest_are_still_deleted() {
    let env = Env::new();
    let domain = created_pair(&env);
    env.server.inject(
        "Record.Remove",
        fake_dnspod::Fault::ApiCode {
            code: "7".into(),
            message: "No permission".into(),
        },
    );
    let jobs = env.dpbatch(["jobs", "--json"]).run().json();
    let create = jobs[0]["job_id"].as_u64().unwrap();
    let undone = env.dpbatch(["undo", "--last", "--yes"]).run();
    undone.code(4).stdout_has("error").stdout_has("deleted");
    assert_eq!(hosts_of(&env, domain).len(), 1);
    // Undoing the create again finishes it: the deleted one is skipped. (`--last` now
    // names the undo, an operation of the history like any other.)
    env.dpbatch(["undo", &create.to_string(), "--yes"])
        .run()
        .code(0)
        .stderr_has("deleted already");
    assert!(hosts_of(&env, domain).is_empty());
}

#[test]
fn a_refused_removal_is_named_in_english_in_json_whatever_the_language() {
    let env = Env::new();
    created_pair(&env);
    env.server.inject(
        "Record.Remove",
        fake_dnspod::Fault::ApiCode {
            code: "7".into(),
            message: "No permission".into(),
        },
    );
    let undone = env
        .dpbatch(["undo", "--last", "--yes", "--json"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    undone.code(4);
    let json = undone.json().to_string();
    let refused = json.matches("was refused by the API: code 7: No permission");
    assert_eq!(refused.count(), 1, "{json}");
    assert!(!json.contains("API 拒绝了"), "{json}");
}

#[test]
fn a_legacy_deletion_stopped_mid_way_is_finished_by_resume() {
    let env = Env::new();
    let domain = env.server.add_domain("b.cn");
    env.record_create()
        .domains("b.cn")
        .sub("www,api,m")
        .record("A", "10.0.0.1")
        .wait()
        .fast()
        .run()
        .code(0);
    // The first removal's answer is lost: it may have been done.
    env.server.inject("Record.Remove", fake_dnspod::Fault::Drop);
    let stopped = env.dpbatch(["undo", "--last", "--yes"]).run();
    stopped
        .stderr_has("1 part not sent (the rest of part 1: delete 2 records)")
        .stderr_has("error: removing record ")
        .stderr_has("whether that record is still there; `resume` never sends its removal again")
        .stderr_has("dpbatch resume --last");
    assert_ne!(stopped.code, 0, "{stopped:?}");
    assert_eq!(env.requests("Record.Remove").len(), 1);
    let history = std::fs::read_to_string(env.history_path()).unwrap();
    assert!(
        history
            .lines()
            .last()
            .unwrap()
            .contains("\"action\":\"undo\""),
        "the deletion is recorded as the undo that made it: {history}"
    );

    env.dpbatch(["jobs"]).run().stdout_has(
        "delete 3 records, one call a record, 1 removal of unknown outcome, 1 not sent",
    );
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stdout_has("deleted")
        .stderr_has("has an unknown outcome and is not sent again");
    assert_eq!(
        env.requests("Record.Remove").len(),
        3,
        "the rest sent once each, the one of unknown outcome never again"
    );
    assert_eq!(hosts_of(&env, domain).len(), 1, "the unknown one is left");
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stderr_has("nothing to resume");
    assert_eq!(env.requests("Record.Remove").len(), 3);
    // Nothing to wait for or show: said, not a silent success.
    for command in ["wait", "detail", "retry"] {
        env.dpbatch([command, "--last"])
            .run()
            .code(2)
            .stderr_has("the last operation (undo, ")
            .stderr_has("made no job");
    }
}
