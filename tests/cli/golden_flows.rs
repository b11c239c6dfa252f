//! Golden transcripts of the flows that follow a submit: `undo --dry-run`, `retry`,
//! `resume` and `export` in each format, and `record-delete`, made and blessed as in `golden.rs`. A scenario
//! runs on both APIs; where API 3.0 prints the same, it is checked against the same file.

use crate::golden::{Transcript, env_on, two_domains};
use crate::support::Api;
use fake_dnspod::Fault;

/// The file a scenario's transcript on `api` is pinned in: `NAME.txt` on the legacy API
/// and wherever API 3.0 prints the same, `NAME-v3.txt` where it does not.
fn golden(name: &str, api: Api, v3_differs: bool) -> String {
    match api {
        Api::V3 if v3_differs => format!("{name}-v3.txt"),
        _ => format!("{name}.txt"),
    }
}

#[test]
fn undo_dry_run_of_a_record_modify_lists_what_it_puts_back() {
    for api in Api::BOTH {
        let env = env_on(api);
        let (_, [_, a_apex, _]) = two_domains(&env);
        let mut t = Transcript::new(&env);
        let job = t
            .run(
                env.record_modify()
                    .domains("a.cn,b.cn")
                    .select("www,@", "A")
                    .change("value", "198.51.100.7")
                    .wait()
                    .fast(),
            )
            .code(0)
            .summary_job_id();
        // Changed in the console since: left alone, and said so.
        env.server
            .change_record(a_apex, |r| r.value = "203.0.113.9".into());
        t.run(env.dpbatch(["undo", "--last", "--dry-run"])).code(0);
        t.run(
            env.dpbatch(["undo".to_owned(), job.to_string(), "--dry-run".into()])
                .json(),
        )
        .code(0);
        assert_eq!(env.calls("Batch.Record.Modify").len(), 1, "{api:?}");
        t.check(&golden("undo-dry-run", api, false));
    }
}

#[test]
fn retry_sends_only_the_failed_items_once() {
    for api in Api::BOTH {
        let env = env_on(api);
        let mut t = Transcript::new(&env);
        let job = t
            .run(env.domain_create("a.cn,fail-b.cn").wait().fast())
            .code(4)
            .summary_job_id();
        // API 3.0's request preview carries the time and its signature: legacy only.
        if api == Api::Legacy {
            t.run(env.dpbatch(["retry", "--last", "--dry-run"])).code(0);
        }
        t.run(env.dpbatch(["retry", "--last", "--wait", "--json"]).fast())
            .code(4);
        t.run(env.dpbatch(["retry".to_owned(), job.to_string()]))
            .code(2);
        t.check(&golden("retry", api, true));
    }
}

#[test]
fn resume_sends_the_parts_a_stopped_operation_did_not() {
    for api in Api::BOTH {
        let env = env_on(api);
        let mut t = Transcript::new(&env);
        t.submit_times = true;
        let submit = api.action("Batch.Domain.Create");
        // The third part is refused with a code neither API documents: the run stops.
        for _ in 0..2 {
            env.server
                .inject(submit, Fault::Slow(std::time::Duration::ZERO));
        }
        env.server.inject(submit, refusal(api));
        t.run(
            env.domain_create("d1.cn,d2.cn,d3.cn,d4.cn")
                .args(["--job-size", "1"]),
        )
        .code(3);
        t.run(env.dpbatch(["jobs"])).code(0);
        t.run(env.dpbatch(["resume", "--last", "--wait"]).fast())
            .code(0);
        t.run(env.dpbatch(["resume", "--last"])).code(0);
        t.run(env.dpbatch(["jobs"])).code(0);
        assert_eq!(env.calls("Batch.Domain.Create").len(), 5, "{api:?}");
        t.check(&golden("resume", api, true));
    }
}

/// A refusal of a submit that stops an operation, in `api`'s own shape.
fn refusal(api: Api) -> Fault {
    let (code, message) = ("9999".to_owned(), "Something went wrong".to_owned());
    match api {
        Api::Legacy => Fault::ApiCode { code, message },
        Api::V3 => Fault::V3Error {
            code: "FailedOperation".into(),
            message,
        },
    }
}

#[test]
fn export_writes_each_format() {
    for api in Api::BOTH {
        let env = env_on(api);
        let (_, [a_www, ..]) = two_domains(&env);
        let id = env.server.add_domain("c.cn");
        env.server.add_record(id, "@", "MX", "默认", "mx.c.cn.");
        let txt = env
            .server
            .add_record(id, "@", "TXT", "默认", "v=spf1 a, \"quoted\"");
        env.server.change_record(txt, |r| r.enabled = false);
        env.server.add_record(id, "www", "A", "电信", "192.0.2.8");
        env.server
            .change_record(a_www, |r| r.remark = "web 1".into());
        let mut t = Transcript::new(&env);
        t.run(env.dpbatch(["export", "--domain", "a.cn,c.cn"]))
            .code(0);
        t.run(env.dpbatch(["export", "--all", "--format", "csv"]))
            .code(0);
        let dir = env.home().join("zones");
        let out = dir.to_str().expect("a UTF-8 temporary path");
        t.run(env.dpbatch(["export", "--all", "--format", "zone", "--out", out]))
            .code(0);
        for domain in ["a.cn", "b.cn", "c.cn"] {
            t.file(&dir.join(format!("{domain}.zone")));
        }
        t.check(&golden("export", api, false));
    }
}

#[test]
fn record_delete_lists_its_selection_then_deletes_only_with_yes() {
    for api in Api::BOTH {
        let env = env_on(api);
        let ([a, b], _) = two_domains(&env);
        for (domain, token) in [(a, "token-a"), (b, "token-b")] {
            env.server
                .add_record(domain, "_acme-challenge", "TXT", "默认", token);
        }
        let mut t = Transcript::new(&env);
        t.submit_times = true;
        let acme = || {
            env.dpbatch(["record-delete", "--domain", "a.cn,b.cn"])
                .args(["--sub", "_acme-challenge", "--type", "TXT"])
        };
        t.run(acme().dry_run()).code(0);
        t.run(acme().dry_run().json()).code(0);
        t.run(acme()).code(2);
        // The legacy API prints a row per Record.Remove; API 3.0 the job, followed.
        t.run(acme().args(["--yes", "--wait"]).fast()).code(0);
        t.run(env.dpbatch(["jobs"])).code(0);
        assert_eq!(env.server.user_records().len(), 3, "{api:?}");
        // What the transcript cannot show: one deletion a record, or one job for both.
        let deletions = if api == Api::Legacy { 2 } else { 1 };
        assert_eq!(env.calls("Record.Remove").len(), deletions, "{api:?}");
        t.check(&golden("record-delete", api, true));
    }
}
