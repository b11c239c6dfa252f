//! The same tool on both APIs: each scenario runs once on the legacy API and once on API
//! 3.0 against the one fake, with the same commands, output, exit codes and safety rules.

use crate::support::{Api, Env, FAST, TEMPORARY_TOKEN, sent_domains};
use fake_dnspod::{Config, DEFAULT_SECRET_ID, Fault};

fn fast(args: &[&str]) -> Vec<String> {
    args.iter()
        .chain(FAST.iter())
        .map(|a| (*a).to_owned())
        .collect()
}

fn run(env: &Env, args: &[String]) -> crate::support::Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.run(&args)
}

#[test]
fn domains_are_created_and_followed_with_the_same_table() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let done = run(
            &env,
            &fast(&["domain-create", "a.cn,b.cn", "--value", "1.2.3.4", "--wait"]),
        );
        done.code(0)
            .stdout_has("a.cn    www         A     默认  1.2.3.4  600  -   ok")
            .stdout_has("(domain): 6 items, 6 ok, 0 failed");
        assert_eq!(env.calls("Batch.Domain.Create").len(), 1, "{api:?}");
        let job = done.summary_job_id().to_string();
        let json = env.run(&["detail", &job, "--json"]);
        json.code(0);
        assert_eq!(
            json.json()["domains"][0]["records"][0]["ttl"],
            600,
            "{api:?}"
        );
        let history = std::fs::read_to_string(env.history_path()).unwrap();
        let api_name = if api == Api::V3 {
            "\"api\":\"v3\""
        } else {
            "\"api\":\"legacy\""
        };
        assert!(history.contains(api_name), "{history}");
        assert!(
            !history.contains(fake_dnspod::DEFAULT_SECRET_KEY),
            "{history}"
        );
        // The SecretKey only signs: no request carried it, in a header or the body.
        for request in env.server.requests() {
            let sent = format!("{:?} {}", request.headers, request.body);
            assert!(!sent.contains(fake_dnspod::DEFAULT_SECRET_KEY), "{sent}");
        }
    }
}

#[test]
fn a_failed_item_exits_4_and_retry_sends_only_it() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let failed = run(
            &env,
            &fast(&["domain-create", "good.cn,fail-one.cn", "--wait"]),
        );
        let job = failed.code(4).summary_job_id().to_string();
        env.run(&["retry", "--last", "--dry-run"]).code(0);
        env.run(&["retry", &job]).code(0);
        let submits = env.calls("Batch.Domain.Create");
        assert_eq!(submits.len(), 2, "{api:?}");
        assert_eq!(sent_domains(api, &submits[1]), ["fail-one.cn"], "{api:?}");
        env.run(&["retry", &job])
            .code(2)
            .stderr_has("was already retried as job");
    }
}

#[test]
fn names_and_selections_are_looked_up_on_either_api() {
    for api in Api::BOTH {
        let env = Env::on(api);
        for (name, ip) in [("example.cn", "192.0.2.10"), ("example.com", "192.0.2.20")] {
            let id = env.server.add_domain(name);
            env.server.add_record(id, "www", "A", "默认", ip);
            env.server.add_record(id, "@", "A", "默认", "192.0.2.10");
        }
        let create = run(
            &env,
            &fast(&[
                "record-create",
                "--domain",
                "example.cn,example.com",
                "--sub",
                "api",
                "--type",
                "A",
                "--value",
                "10.0.0.1",
                "--wait",
            ]),
        );
        create.code(0).stdout_has("example.com  api");
        let modify = run(
            &env,
            &fast(&[
                "record-modify",
                "--domain",
                "example.cn,example.com",
                "--sub",
                "www,@",
                "--type",
                "A",
                "--value-is",
                "192.0.2.10",
                "--change",
                "value",
                "--to",
                "198.51.100.7",
                "--wait",
            ]),
        );
        modify
            .code(0)
            .stderr_has("3 records selected: 3 to change, 0 already there")
            .stdout_has("198.51.100.7");
        let unknown = env.run(&[
            "record-create",
            "--domain",
            "nope.cn,example.cn,gone.cn",
            "--type",
            "A",
            "--value",
            "1.1.1.1",
            "--dry-run",
        ]);
        unknown.code(2).stderr_has(
            "these domains are not in this account, so nothing was submitted: nope.cn, gone.cn",
        );
        assert_eq!(env.calls("Batch.Record.Create").len(), 1, "{api:?}");
    }
}

#[test]
fn a_submit_without_a_clear_answer_is_not_sent_again() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let action = api.action("Batch.Domain.Create");
        match api {
            Api::Legacy => env.server.inject(action, Fault::Drop),
            Api::V3 => env.server.inject(
                action,
                Fault::V3Error {
                    code: "FailedOperation.UnknowError".into(),
                    message: "operation did not respond".into(),
                },
            ),
        }
        env.run(&["domain-create", "a.cn", "--wait"])
            .code(1)
            .stderr_has("is unknown")
            .stderr_has("hint: check the DNSPod console");
        assert_eq!(env.calls("Batch.Domain.Create").len(), 1, "{api:?}");
        assert!(env.calls("Batch.Detail").is_empty());
        let history = std::fs::read_to_string(env.history_path()).unwrap();
        assert!(history.contains("\"job_id\":null"), "{history}");
    }
}

#[test]
fn waiting_rides_out_rate_limits_and_stops_on_a_refused_login() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let job = env.submit_domains("a.cn").to_string();
        let detail = api.action("Batch.Detail");
        let (busy, login) = match api {
            Api::Legacy => (
                Fault::ApiCode {
                    code: "-2".into(),
                    message: "slow down".into(),
                },
                Fault::ApiCode {
                    code: "10002".into(),
                    message: "bad token".into(),
                },
            ),
            Api::V3 => (
                Fault::V3Error {
                    code: "RequestLimitExceeded".into(),
                    message: "slow down".into(),
                },
                Fault::V3Error {
                    code: "AuthFailure.SecretIdNotFound".into(),
                    message: "no such key".into(),
                },
            ),
        };
        env.server.inject(detail, busy);
        env.run(&["wait", &job, "--interval", "10ms"]).code(0);
        env.server.inject(detail, login);
        let polls = env.calls("Batch.Detail").len();
        env.run(&["wait", &job, "--interval", "10ms"])
            .code(3)
            .stderr_has("hint:");
        assert_eq!(
            env.calls("Batch.Detail").len(),
            polls + 1,
            "{api:?}: not retried"
        );
    }
}

#[test]
fn last_never_picks_a_job_of_the_other_api() {
    // One home, one history, one fake account, two APIs.
    let mut env = Env::on(Api::Legacy);
    env.submit_domains("a.cn");
    env.api = Api::V3;
    env.run(&["wait", "--last"])
        .code(2)
        .stderr_has("--last: no job was submitted");
    let v3_job = env.submit_domains("b.cn");
    env.api = Api::Legacy;
    env.run(&["detail", "--last", "--json"]).code(0);
    env.api = Api::V3;
    let last = env.run(&["detail", "--last", "--json"]);
    assert_eq!(last.json()["job_id"], v3_job);
}

#[test]
fn v3_dry_runs_show_the_signed_request_with_its_secrets_hidden() {
    let env = Env::on(Api::V3);
    let run = env.run(&[
        "domain-create",
        "a.cn",
        "--value",
        "1.2.3.4",
        "--dry-run",
        "-v",
    ]);
    run.code(0)
        .stdout_has("X-TC-Action: CreateDomainBatch")
        .stdout_has("Signature=<redacted>")
        .stdout_has(r#"{"DomainList":["a.cn"],"RecordValue":"1.2.3.4"}"#);
    assert!(!run.stdout.contains(DEFAULT_SECRET_ID), "{run:#?}");
    env.assert_nothing_sent();
    let jobs = {
        env.submit_domains("b.cn");
        env.run(&["jobs", "--json"])
    };
    assert_eq!(jobs.json()[0]["credential"], "AKID****0000");
}

#[test]
fn a_clock_off_by_more_than_five_minutes_says_so() {
    let env = Env::with_on(
        Config {
            clock_offset: 600,
            ..Config::default()
        },
        Api::V3,
    );
    env.run(&["domain-create", "a.cn"])
        .code(3)
        .stderr_has("AuthFailure.SignatureExpire")
        .stderr_has("clock");
}

#[test]
fn temporary_keys_need_their_session_token() {
    let (env, key) = Env::with_temporary_key();
    let with_keys = |token: Option<&str>| {
        let mut cmd = env.command();
        cmd.args(["domain-create", "a.cn"])
            .env("TENCENTCLOUD_SECRET_ID", &key.secret_id)
            .env("TENCENTCLOUD_SECRET_KEY", &key.secret_key);
        if let Some(token) = token {
            cmd.env("TENCENTCLOUD_TOKEN", token);
        }
        env.run_command(&mut cmd)
    };
    with_keys(None)
        .code(3)
        .stderr_has("AuthFailure.TokenFailure");
    with_keys(Some(TEMPORARY_TOKEN)).code(0);
}

#[test]
fn a_tccli_profile_is_enough_and_an_expired_one_says_to_refresh_it() {
    let env = Env::on(Api::V3);
    env.tccli_profile("default", r#", "expiresAt": 4102444800"#);
    env.tccli_profile("old", r#", "expiresAt": 1600000000"#);
    let mut cmd = env.command();
    cmd.args(["domain-create", "a.cn"])
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .env_remove("DPBATCH_API");
    env.run_command(&mut cmd).code(0);
    let mut cmd = env.command();
    cmd.args(["domain-create", "a.cn"])
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .env("TCCLI_PROFILE", "old");
    env.run_command(&mut cmd)
        .code(2)
        .stderr_has("expired")
        .stderr_has("tccli");
    let mut cmd = env.command();
    cmd.args(["jobs"])
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .env("TCCLI_PROFILE", "nobody");
    env.run_command(&mut cmd).code(0);
    let mut cmd = env.command();
    cmd.args(["detail", "1"])
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .env("TCCLI_PROFILE", "nobody");
    env.run_command(&mut cmd)
        .code(2)
        .stderr_has("TENCENTCLOUD_SECRET_ID");
}

#[test]
fn a_v3_internal_error_while_waiting_is_polled_again() {
    let env = Env::on(Api::V3);
    let job = env.submit_domains("a.cn").to_string();
    env.server.inject(
        "DescribeBatchTask",
        Fault::V3Error {
            code: "InternalError".into(),
            message: "try later".into(),
        },
    );
    env.run(&["wait", &job, "--interval", "10ms"])
        .code(0)
        .stderr_has("InternalError");
}
