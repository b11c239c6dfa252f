//! The three submit commands put exactly the vendor's wire format on the wire, once.

use crate::support::{EMAIL, Env, form, secret};
use fake_dnspod::DEFAULT_TOKEN;
use serde_json::json;

fn common() -> Vec<String> {
    vec![
        format!("login_token={DEFAULT_TOKEN}"),
        "format=json".into(),
        "lang=en".into(),
        "error_on_empty=no".into(),
    ]
}

#[test]
fn domain_create_posts_the_form_with_common_parameters_and_user_agent() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn,B.cn,a.cn")
        .arg("c.cn")
        .value("1.2.3.4")
        .run();
    run.code(0);
    assert!(run.job_id() > 0);
    assert_eq!(run.stdout.lines().count(), 1, "stdout is the bare job id");
    let sent = env.requests("Batch.Domain.Create");
    assert_eq!(sent.len(), 1);
    let mut want = common();
    want.extend([
        "domains=a.cn,b.cn,c.cn".into(),
        "record_value=1.2.3.4".into(),
    ]);
    assert_eq!(form(&sent[0]), want);
    assert_eq!(sent[0].method, "POST");
    let user_agent = format!("dpbatch/{} ({EMAIL})", env!("CARGO_PKG_VERSION"));
    assert_eq!(sent[0].header("user-agent"), Some(user_agent.as_str()));
    assert_eq!(
        sent[0].header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
}

#[test]
fn domain_create_reads_a_file_from_stdin_with_comments() {
    let env = Env::new();
    env.domain_create("a.cn")
        .args(["--file", "-"])
        .stdin("# ours\nb.cn\n\nA.CN  # again\n例子.cn\n")
        .run()
        .code(0);
    let sent = env.requests("Batch.Domain.Create");
    assert_eq!(sent[0].param("domains"), Some("a.cn,b.cn,例子.cn"));
    assert_eq!(sent[0].param("record_value"), None);
}

#[test]
fn record_create_sends_the_records_json_in_the_api_format() {
    let env = Env::new();
    env.record_create()
        .domain_ids("7,8,7")
        .sub("www,@,www")
        .record("mx", "mx.example.com.")
        .args(["--mx", "10", "--ttl", "3600"])
        .run()
        .code(0);
    let sent = env.requests("Batch.Record.Create");
    assert_eq!(sent.len(), 1);
    assert_eq!(form(&sent[0])[..4], common()[..]);
    assert_eq!(sent[0].param("domain_id"), Some("7,8"));
    let records: serde_json::Value =
        serde_json::from_str(sent[0].param("records").unwrap()).unwrap();
    assert_eq!(
        records,
        json!([{"sub_domain": "www,@", "record_type": "MX", "record_line": "默认", "value": "mx.example.com.",
                "ttl": 3600, "MX": 10}])
    );
}

#[test]
fn record_create_defaults_to_the_apex_the_default_line_and_600s() {
    let env = Env::new();
    env.record_create()
        .domain_ids(9)
        .record("TXT", "hello")
        .run()
        .code(0);
    let records: serde_json::Value = serde_json::from_str(
        env.requests("Batch.Record.Create")[0]
            .param("records")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        records,
        json!([{"sub_domain": "@", "record_type": "TXT", "record_line": "默认", "value": "hello", "ttl": 600}])
    );
}

#[test]
fn record_create_takes_several_specs_from_a_records_file() {
    let env = Env::new();
    let file = env.file(
        "records.json",
        r#"[{"sub_domain":"www,wap","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},
            {"sub_domain":"","record_type":"MX","value":"mx.qq.com","ttl":"600","MX":10}]"#,
    );
    env.record_create()
        .domain_ids("25556994,25556952")
        .args(["--records-file", file.to_str().unwrap()])
        .run()
        .code(0);
    let sent = env.requests("Batch.Record.Create");
    let records: serde_json::Value =
        serde_json::from_str(sent[0].param("records").unwrap()).unwrap();
    assert_eq!(
        records,
        json!([{"sub_domain": "www,wap", "record_type": "A", "record_line": "默认", "value": "11.22.33.44", "ttl": 600},
               {"sub_domain": "", "record_type": "MX", "record_line": "默认", "value": "mx.qq.com", "ttl": 600, "MX": 10}])
    );
}

#[test]
fn record_modify_sends_change_and_change_to() {
    let env = Env::new();
    env.record_modify()
        .record_ids("36,90,91")
        .change("record_type", "cname")
        .value("dnsapi1.cn.")
        .run()
        .code(0);
    env.record_modify()
        .record_ids(36)
        .change("status", "disable")
        .run()
        .code(0);
    let sent = env.requests("Batch.Record.Modify");
    assert_eq!(
        form(&sent[0])[4..],
        [
            "record_id=36,90,91",
            "change=record_type",
            "change_to=CNAME",
            "value=dnsapi1.cn."
        ]
    );
    assert_eq!(
        form(&sent[1])[4..],
        ["record_id=36", "change=status", "change_to=disable"]
    );
}

#[test]
fn record_modify_to_mx_sends_the_priority() {
    let env = Env::new();
    env.record_modify()
        .record_ids(5)
        .change("record_type", "MX")
        .value("mx.a.cn.")
        .args(["--mx", "5"])
        .run()
        .code(0);
    let sent = env.requests("Batch.Record.Modify");
    assert_eq!(sent[0].param("mx"), Some("5"));
}

#[test]
fn submit_json_names_the_job_and_the_action() {
    let env = Env::new();
    // A global option before the subcommand, as scripts often write it.
    let run = env
        .dpbatch(["--json", "record-modify"])
        .record_ids(1)
        .change("ttl", 60)
        .run();
    let value = run.code(0).json();
    assert!(value["job_id"].is_u64(), "{value}");
    assert_eq!(value["action"], "record-modify");
}

#[test]
fn lang_cn_is_sent_when_asked() {
    let env = Env::new();
    env.domain_create("a.cn")
        .args(["--lang", "cn"])
        .run()
        .code(0);
    assert_eq!(
        env.requests("Batch.Domain.Create")[0].param("lang"),
        Some("cn")
    );
}

#[test]
fn dry_run_prints_the_redacted_request_and_sends_nothing() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn,b.cn")
        .value("1.2.3.4")
        .dry_run()
        .arg("-v")
        .run();
    run.code(0)
        .stdout_has(&format!("POST {}/Batch.Domain.Create", env.server.url()))
        .stdout_has("login_token=520001,<redacted>")
        .stdout_has("domains=a.cn,b.cn\nrecord_value=1.2.3.4");
    assert!(!run.stdout.contains(secret()));
    env.assert_nothing_sent();
}

#[test]
fn dry_run_json_shows_the_form() {
    let env = Env::new();
    let run = env
        .record_create()
        .domain_ids(1)
        .record("TXT", "v=spf1 -all")
        .dry_run()
        .json()
        .run();
    let value = run.code(0).dry_result();
    assert_eq!(value["dry_run"], true);
    assert_eq!(value["form"]["login_token"], "520001,<redacted>");
    assert_eq!(value["form"]["domain_id"], "1");
    env.assert_nothing_sent();
}

#[test]
fn dry_run_works_without_a_token() {
    let env = Env::new();
    let run = env
        .domain_create("a.cn")
        .dry_run()
        .arg("-v")
        .env_remove("DNSPOD_TOKEN")
        .run();
    run.code(0).stdout_has("login_token=<no token configured>");
    env.assert_nothing_sent();
}
