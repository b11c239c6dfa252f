//! Configuration and credentials: file location, precedence, profiles, unknown keys, token
//! checks that never echo the secret, the permission warning and the User-Agent email.

use crate::support::{Cmd, Env, secret};
use fake_dnspod::DEFAULT_TOKEN;

/// The settings a dry run resolved: the redacted token ID, the URL and the form.
fn dry_run(cmd: Cmd<'_>) -> serde_json::Value {
    cmd.json().dry_run().run().code(0).dry_result()
}

#[test]
fn flag_beats_env_beats_profile_beats_top_level() {
    let env = Env::new();
    env.write_config(
        "default",
        "token = \"1,top-secret\"\nendpoint = \"https://top.example\"\n\n[profiles.work]\ntoken = \"2,work-secret\"\nlang = \"cn\"\n",
    );
    let base = || {
        env.domain_create("a.cn")
            .env_remove("DNSPOD_TOKEN")
            .env_remove("DPBATCH_ENDPOINT")
    };
    let top = dry_run(base());
    assert_eq!(top["form"]["login_token"], "1,<redacted>");
    assert_eq!(top["url"], "https://top.example/Batch.Domain.Create");
    assert_eq!(top["form"]["lang"], "en");

    let profile = dry_run(base().env("DPBATCH_PROFILE", "work"));
    assert_eq!(profile["form"]["login_token"], "2,<redacted>");
    assert_eq!(profile["form"]["lang"], "cn");
    assert_eq!(
        profile["url"], "https://top.example/Batch.Domain.Create",
        "unset in the profile: top level"
    );

    let environment = dry_run(
        base()
            .env("DPBATCH_PROFILE", "work")
            .env("DNSPOD_TOKEN", "3,env-secret"),
    );
    assert_eq!(environment["form"]["login_token"], "3,<redacted>");

    let flag = dry_run(base().env("DNSPOD_TOKEN", "3,env-secret").args([
        "--profile",
        "work",
        "--token",
        "4,flag-secret",
        "--lang",
        "en",
    ]));
    assert_eq!(flag["form"]["login_token"], "4,<redacted>");
    assert_eq!(flag["form"]["lang"], "en");
}

#[test]
fn empty_environment_variables_count_as_unset() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn")
        .env("DNSPOD_TOKEN", "")
        .env("DPBATCH_PROFILE", "")
        .env("DPBATCH_CONFIG", "")
        .env("DPBATCH_REQUEST_TIMEOUT", "")
        .run();
    run.code(2)
        .stderr_has("no credentials: set a DNSPod token")
        .stderr_has("DNSPOD_TOKEN");
    env.assert_nothing_sent();
}

#[test]
fn request_timeouts_are_checked_from_flag_and_environment() {
    let env = Env::new();
    let run = env.detail(1).env("DPBATCH_REQUEST_TIMEOUT", "soon").run();
    run.code(2)
        .stderr_has("DPBATCH_REQUEST_TIMEOUT")
        .stderr_has("`soon`");
    env.run(&[
        "--endpoint",
        "https://dnsapi.example",
        "--request-timeout",
        "200ms",
        "detail",
        "1",
    ])
    .code(2)
    .stderr_has("--request-timeout 200ms is too short");
    env.assert_nothing_sent();
}

#[test]
fn a_malformed_email_is_a_usage_error() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn")
        .env("DPBATCH_EMAIL", "ops at example")
        .run();
    run.code(2).stderr_has("`ops at example`");
    env.assert_nothing_sent();
}

#[test]
fn a_control_character_in_the_email_is_refused_in_dry_runs_too() {
    let env = Env::new();
    let run = env.run_command(
        env.command()
            .env("DPBATCH_EMAIL", "ops\u{7}@example.com")
            .args(["domain-create", "a.cn", "--dry-run"]),
    );
    run.code(2)
        .stderr_has("email `ops\\u{7}@example.com` from DPBATCH_EMAIL");
    let path = env.write_config("default", "email = \"ops\\u001b[2J@example.com\"\n");
    let run = env.run_command(env.command().env_remove("DPBATCH_EMAIL").args([
        "domain-create",
        "a.cn",
        "--dry-run",
    ]));
    run.code(2)
        .stderr_has(&format!("from config file {}", path.display()));
    env.assert_nothing_sent();
}

#[test]
fn explicit_config_paths_must_exist_but_the_default_may_be_missing() {
    let env = Env::new();
    env.domain_create("a.cn").run().code(0);
    let missing = env.home().join("nope.toml");
    env.run(&[
        "--config",
        missing.to_str().unwrap(),
        "domain-create",
        "a.cn",
    ])
    .code(2)
    .stderr_has("nope.toml");
    let run = env.detail(1).env("DPBATCH_CONFIG", &missing).run();
    run.code(2).stderr_has("nope.toml");
    assert_eq!(env.requests("Batch.Domain.Create").len(), 1);
}

#[test]
fn unknown_keys_name_the_key_and_the_file() {
    let env = Env::new();
    let path = env.write_config("custom.toml", "[profiles.a]\ntokne = \"1,x\"\n");
    let run = env.run(&["--config", path.to_str().unwrap(), "domain-create", "a.cn"]);
    run.code(2).stderr_has("tokne").stderr_has("custom.toml");
    env.assert_nothing_sent();
}

#[test]
fn an_unknown_profile_is_a_usage_error() {
    let env = Env::new();
    env.write_config("default", "[profiles.work]\n");
    env.run(&["--profile", "play", "domain-create", "a.cn"])
        .code(2)
        .stderr_has("`play`")
        .stderr_has("work");
    env.assert_nothing_sent();
}

#[test]
fn no_token_names_the_variable_and_the_config_path() {
    let env = Env::new();
    let run = env.domain_create("a.cn").env_remove("DNSPOD_TOKEN").run();
    run.code(2)
        .stderr_has("DNSPOD_TOKEN")
        .stderr_has(env.default_config_path().to_str().unwrap());
    env.assert_nothing_sent();
}

#[test]
fn malformed_tokens_never_echo_the_secret() {
    let env = Env::new();
    for bad in ["only-a-secret-value", "abc,secret-value", "520001,"] {
        let run = env.domain_create("a.cn").env("DNSPOD_TOKEN", bad).run();
        run.code(2).stderr_has("ID,TOKEN");
        assert!(!run.stderr.contains("secret-value"), "{run:#?}");
    }
    let path = env.write_config("bad.toml", "token = 520001,secret-value\n");
    let run = env.run(&["--config", path.to_str().unwrap(), "domain-create", "a.cn"]);
    run.code(2).stderr_has("bad.toml");
    assert!(!run.stderr.contains("secret-value"), "{run:#?}");
    env.assert_nothing_sent();
}

#[cfg(unix)]
#[test]
fn a_readable_token_file_gets_a_one_line_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let path = env.write_config("default", &format!("token = \"{DEFAULT_TOKEN}\"\n"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.domain_create("a.cn").env_remove("DNSPOD_TOKEN").run();
    run.code(0)
        .stderr_has("readable by group or others")
        .stderr_has("chmod 600");
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("readable"))
            .count(),
        1
    );
    assert!(!run.stderr.contains(secret()));
}

#[test]
fn without_an_email_the_placeholder_is_sent_with_a_hint() {
    let env = Env::new();
    let run = env.domain_create("a.cn").env_remove("DPBATCH_EMAIL").run();
    run.code(0).stderr_has("hint:").stderr_has("DPBATCH_EMAIL");
    let sent = env.requests("Batch.Domain.Create");
    let want = format!(
        "dpbatch/{} (unset@dpbatch.invalid)",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(sent[0].header("user-agent"), Some(want.as_str()));
    let quiet = env.domain_create("b.cn").arg("-q");
    let quiet = quiet.env_remove("DPBATCH_EMAIL").run();
    assert!(quiet.code(0).stderr.is_empty(), "{quiet:#?}");
}

#[test]
fn the_config_email_is_used_when_the_environment_has_none() {
    let env = Env::new();
    env.write_config("default", "email = \"noc@example.net\"\n");
    env.domain_create("a.cn")
        .env_remove("DPBATCH_EMAIL")
        .run()
        .code(0);
    let ua = env.requests("Batch.Domain.Create")[0]
        .header("user-agent")
        .map(str::to_owned);
    assert!(ua.unwrap().ends_with("(noc@example.net)"));
}

#[test]
fn plain_http_is_refused_off_loopback() {
    let env = Env::new();
    env.run(&["--endpoint", "http://dnsapi.cn", "domain-create", "a.cn"])
        .code(2)
        .stderr_has("https://");
    env.run(&["--endpoint", "http://192.0.2.1:80", "detail", "1"])
        .code(2)
        .stderr_has("loopback");
    env.assert_nothing_sent();
}

#[test]
fn short_intervals_are_for_loopback_only() {
    let env = Env::new();
    env.run(&[
        "--endpoint",
        "https://dnsapi.example",
        "wait",
        "1",
        "--interval",
        "100ms",
    ])
    .code(2)
    .stderr_has("--interval 100ms");
}

/// `domain-create a.cn` on API 3.0 with no keys but tccli's profile `profile`.
fn with_tccli(env: &Env, profile: &str) -> crate::support::Run {
    env.domain_create("a.cn")
        .env_remove("DNSPOD_TOKEN")
        .env("DPBATCH_API", "v3")
        .env("TCCLI_PROFILE", profile)
        .run()
}

#[test]
fn a_tccli_profile_name_that_is_a_path_is_refused_and_nothing_read() {
    let env = Env::new();
    std::fs::create_dir_all(env.home().join(".tccli")).unwrap();
    env.tccli_profile("../outside/x", "");
    with_tccli(&env, "../outside/x")
        .code(2)
        .stderr_has("tccli profile `../outside/x` is not a profile name");
    env.assert_nothing_sent();
}

#[test]
fn a_tccli_expiry_given_as_a_float_or_a_date_is_read() {
    let env = Env::new();
    for expired in [
        "1.7e9",
        "\"2021-01-06T10:00:00Z\"",
        "\"2020-12-06T10:00:00+08:00\"",
    ] {
        env.tccli_profile("sso", &format!(r#", "token": "t", "expiresAt": {expired}"#));
        with_tccli(&env, "sso")
            .code(2)
            .stderr_has("expired at Unix time")
            .stderr_has("tccli auth login");
    }
    env.tccli_profile("sso", r#", "expiresAt": "soon""#);
    with_tccli(&env, "sso")
        .code(2)
        .stderr_has("sso.credential")
        .stderr_has("expiresAt \"soon\" is not a Unix time or a date");
    env.assert_nothing_sent();
    env.tccli_profile("sso", r#", "expiresAt": "2099-12-06T10:00:00-05:00""#);
    with_tccli(&env, "sso").code(0);
}

#[cfg(unix)]
#[test]
fn a_tccli_file_others_can_read_gets_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let path = env.tccli_profile("default", "");
    let quiet = with_tccli(&env, "default");
    assert!(!quiet.code(0).stderr.contains("chmod"), "{quiet:?}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    with_tccli(&env, "default")
        .code(0)
        .stderr_has(&format!(
            "warning: tccli credential file {} holds a secret and is readable by group or others (mode 644)",
            path.display()
        ))
        .stderr_has("chmod 600");
}

#[test]
fn config_and_credential_files_past_1_mib_are_refused_named() {
    let env = Env::new();
    let padding = " ".repeat(2 << 20);
    let config = env.write_config("big.toml", &format!("{padding}\n"));
    env.domain_create("a.cn")
        .arg("--config")
        .arg(config.display())
        .run()
        .code(2)
        .stderr_has("big.toml")
        .stderr_has("larger than 1 MiB");
    env.tccli_profile("big", &padding);
    with_tccli(&env, "big")
        .code(2)
        .stderr_has("big.credential")
        .stderr_has("larger than 1 MiB");
    #[cfg(unix)]
    env.domain_create("a.cn")
        .args(["--config", "/dev/zero"])
        .run()
        .code(2)
        .stderr_has("/dev/zero")
        .stderr_has("larger than 1 MiB");
    env.assert_nothing_sent();
}
