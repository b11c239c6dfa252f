//! A server that echoes a credential JSON-escaped (`\u0066ake-...`): no spelling of it
//! reaches stderr, stdout (tables and `--json`) or an exported file, on either API. The
//! harness checks every run's output decoded; files are checked here.

use crate::support::{Api, Env, TEMPORARY_TOKEN, assert_no_secret};
use fake_dnspod::Fault;

/// A marker the fake replaces with the escaped secrets.
const MARKER: &str = "echo-marker";

fn echo(marker: &str) -> Fault {
    Fault::EscapedEcho {
        marker: marker.into(),
    }
}

/// The message the fake refuses an unknown job with.
fn no_such_job(api: Api) -> &'static str {
    match api {
        Api::Legacy => "No such job",
        Api::V3 => "The batch job does not exist.",
    }
}

#[test]
fn a_refusal_echoing_the_secret_escaped_is_shown_redacted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server
            .inject(api.action("Batch.Detail"), echo(no_such_job(api)));
        env.run(&["detail", "39581", "--lang", "en"])
            .code(3)
            .stderr_has("<redacted>");
    }
}

#[test]
fn a_session_token_and_temporary_key_echoed_escaped_are_redacted() {
    let (env, key) = Env::with_temporary_key();
    env.server
        .inject("DescribeBatchTask", echo(no_such_job(Api::V3)));
    let run = env
        .detail(39581)
        .env("TENCENTCLOUD_SECRET_ID", &key.secret_id)
        .env("TENCENTCLOUD_SECRET_KEY", &key.secret_key)
        .env("TENCENTCLOUD_TOKEN", TEMPORARY_TOKEN)
        .run();
    run.code(3).stderr_has("<redacted> <redacted>");
    assert_no_secret(&run.stderr, "the temporary key");
    assert!(!run.stderr.contains(&key.secret_key[1..]), "{run:?}");
}

#[test]
fn an_item_error_echoing_the_secret_escaped_is_redacted_in_the_table_and_json() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server.add_domain("a.cn");
        let job = env.submit_domains("a.cn");
        env.server.finish_all();
        for json in [false, true] {
            env.server
                .inject(api.action("Batch.Detail"), echo("Domain already exists"));
            let job = job.to_string();
            let mut args = vec!["detail", &job, "--lang", "en"];
            if json {
                args.push("--json");
            }
            env.dpbatch(args).run().code(4).stdout_has("<redacted>");
        }
    }
}

#[test]
fn record_values_and_remarks_echoing_the_secret_escaped_are_exported_redacted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("a.cn");
        let txt = env.server.add_record(id, "@", "TXT", "默认", MARKER);
        env.server.change_record(txt, |r| r.remark = MARKER.into());
        let records = api.action("Record.List");
        env.server.inject(records, echo(MARKER));
        let run = env.run(&["export", "--domain", "a.cn"]);
        run.code(0);
        // DNSPod's own NS records come first; the TXT record is the one echoing.
        let row: serde_json::Value = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|row| row["record_type"] == "TXT")
            .unwrap();
        assert_eq!(
            (&row["value"], &row["remark"]),
            (&"<redacted>".into(), &"<redacted>".into())
        );
        for format in ["csv", "zone"] {
            env.server.inject(records, echo(MARKER));
            let out = env.home().join(format);
            if format == "zone" {
                std::fs::create_dir(&out).unwrap();
            }
            let out_arg = out.to_str().unwrap();
            env.run(&[
                "export", "--domain", "a.cn", "--format", format, "--out", out_arg,
            ])
            .code(0);
            let file = if format == "zone" {
                out.join("a.cn.zone")
            } else {
                out
            };
            let text = std::fs::read_to_string(&file).unwrap();
            assert_no_secret(&text, &format!("{api:?} {format}"));
            assert!(text.contains("<redacted>"), "{api:?} {format}: {text}");
        }
        env.server.inject(records, echo(MARKER));
        env.record_modify()
            .domains("a.cn")
            .select("@", "TXT")
            .change("ttl", 900)
            .dry_run()
            .json()
            .run()
            .code(0)
            .stdout_has("<redacted>");
    }
}
