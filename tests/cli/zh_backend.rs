//! dpbatch's own words about faults of the network and the vendor, in Chinese (issue 23),
//! on both APIs; pinned in golden/zh-CN-faults.txt. The API's own messages stay its own.

use crate::golden::{Transcript, env_on};
use crate::support::{Api, Env};
use fake_dnspod::Fault;
use std::time::Duration;

fn submit(api: Api) -> &'static str {
    match api {
        Api::Legacy => "Batch.Domain.Create",
        Api::V3 => "CreateDomainBatch",
    }
}

fn rate_limit(api: Api) -> Fault {
    match api {
        Api::Legacy => Fault::ApiCode {
            code: "-2".into(),
            message: "API usage over the limit".into(),
        },
        Api::V3 => Fault::V3Error {
            code: "RequestLimitExceeded".into(),
            message: "Your current request times equals to `20` in a second".into(),
        },
    }
}

/// Runs `domain-create` in Chinese under `fault` and records it.
fn faulted(transcript: &mut Transcript<'_>, env: &Env, api: Api, fault: Fault) -> String {
    env.server.inject(submit(api), fault);
    let run = transcript.run(
        env.domain_create("a.cn")
            .env("LANG", "zh_CN.UTF-8")
            .args(["--request-timeout", "500ms"]),
    );
    run.stderr.clone()
}

#[test]
fn chinese_faults_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        let mut transcript = Transcript::new(&env);
        let http = faulted(&mut transcript, &env, api, Fault::HttpStatus(502));
        assert!(http.contains("HTTP 状态码 502"), "{http}");
        let html = faulted(&mut transcript, &env, api, Fault::Html);
        assert!(html.contains("无法读取的响应："), "{html}");
        assert!(
            html.contains("第 1 行第 1 列不是有效的 JSON（响应体开头为 `<"),
            "{html}"
        );
        let broken = faulted(&mut transcript, &env, api, Fault::BrokenJson);
        assert!(
            broken.contains("无法读取的响应：JSON 在第 1 行第"),
            "{broken}"
        );
        let slow = Fault::Slow(Duration::from_secs(3));
        let timeout = faulted(&mut transcript, &env, api, slow);
        assert!(
            timeout.contains("连接失败：500ms 内未收到完整响应"),
            "{timeout}"
        );
        let limited = faulted(&mut transcript, &env, api, rate_limit(api));
        assert!(
            limited.contains("提示：已达到 API 频率限制；请稍后再试"),
            "{limited}"
        );
        let login = transcript.run(bad_credentials(&env, api));
        login.code(3).stderr_has("请检查");
        assert!(!login.stderr.contains("check the"), "{}", login.stderr);
        let gone = transcript.run(env.detail(1).env("LANG", "zh_CN.UTF-8"));
        gone.code(3).stderr_has("任务 ID");
        transcript.check(match api {
            Api::Legacy => "zh-CN-faults.txt",
            Api::V3 => "zh-CN-faults-v3.txt",
        });
    }
}

fn bad_credentials(env: &Env, api: Api) -> crate::support::Cmd<'_> {
    let cmd = env.domain_create("a.cn").env("LANG", "zh_CN.UTF-8");
    match api {
        Api::Legacy => cmd.env("DNSPOD_TOKEN", "1,wrong"),
        Api::V3 => cmd.env("TENCENTCLOUD_SECRET_ID", "AKIDwrong"),
    }
}

/// The v3 fake answers its refusals in Chinese when dpbatch asks for zh-CN, as the real
/// API does, and in English otherwise.
#[test]
fn the_v3_fake_speaks_chinese_when_asked() {
    let env = env_on(Api::V3);
    let chinese = env.detail(1).env("LANG", "zh_CN.UTF-8").run();
    chinese.code(3).stderr_has("批量任务不存在。");
    let english = env.detail(1).args(["--lang", "en"]).run();
    english
        .code(3)
        .stderr_has("The batch job does not exist.")
        .stderr_has("hint: no such job for these credentials");
}

/// What a job asks, as the dry run and the stop report show it, counts in Chinese.
#[test]
fn job_summaries_count_in_chinese() {
    let env = Env::new();
    let domains = env
        .dpbatch(["domain-create", "a.cn", "b.cn"])
        .env("LANG", "zh_CN.UTF-8")
        .dry_run()
        .run();
    domains.code(0);
    let shown = format!("{}{}", domains.stdout, domains.stderr);
    assert!(shown.contains("2 个域名"), "{shown}");
    let modify = env
        .record_modify()
        .record_ids("1,2")
        .change("ttl", 60)
        .env("LANG", "zh_CN.UTF-8")
        .dry_run()
        .run();
    modify.code(0);
    let shown = format!("{}{}", modify.stdout, modify.stderr);
    assert!(shown.contains("2 条记录的 ttl 改为 60"), "{shown}");
}

/// An endpoint dpbatch refuses is named, escaped as before, in Chinese.
#[test]
fn a_refused_endpoint_is_explained_in_chinese() {
    let env = Env::new();
    let plain = env
        .domain_create("a.cn")
        .args(["--endpoint", "http://dnsapi.example"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    plain.code(2).stderr_has(
        "endpoint `http://dnsapi.example` 必须使用 https://（http:// 仅限 127.0.0.1 等回环地址）",
    );
    let english = env
        .domain_create("a.cn")
        .args(["--endpoint", "ftp://dnsapi.example", "--lang", "en"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    english
        .code(2)
        .stderr_has("endpoint `ftp://dnsapi.example` has scheme `ftp`; use https://");
    assert!(env.requests("Batch.Domain.Create").is_empty());
}
