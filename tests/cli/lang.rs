//! One language for dpbatch and the API (issue 23): `--lang`, then `DPBATCH_LANG`, then the
//! config file's `lang`, then the system locale; `zh`, `zh-CN`, `zh_CN` mean `cn`. The
//! Chinese transcript is pinned in golden/zh-CN.txt.

use crate::golden::{Transcript, env_on};
use crate::support::{Api, Cmd, Env};
use fake_dnspod::Fault;

/// The API's language a dry run would ask for, and the stderr it printed in.
fn asked(cmd: Cmd<'_>) -> (String, String) {
    let run = cmd.json().dry_run().run();
    run.code(0);
    let lang = run.dry_result()["form"]["lang"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (lang, run.stderr.clone())
}

#[test]
fn the_system_locale_speaks_chinese_and_lang_en_gives_todays_english() {
    let env = Env::new();
    let chinese = env
        .dpbatch(["retry", "--help"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    chinese.code(0);
    assert!(chinese.stdout.contains("用法:"), "{}", chinese.stdout);
    assert!(chinese.stdout.contains("只重新提交已结束任务中失败的项"));
    assert!(!chinese.stdout.contains("Re-submit only"));
    assert!(chinese.stdout.contains("[默认：2s]") && chinese.stdout.contains("[可选值：en, cn]"));
    assert!(!chinese.stdout.contains("[default:") && !chinese.stdout.contains("possible values"));
    let english = env
        .dpbatch(["--lang", "en", "retry", "--help"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    english.code(0);
    assert!(
        english
            .stdout
            .starts_with("Re-submit only the failed items")
    );
    assert!(english.stdout.contains("\nUsage: dpbatch retry"));
    assert!(!english.stdout.contains("用法"));
    let default = env.run(&["retry", "--help"]);
    assert_eq!(default.stdout, english.stdout, "no locale: English");
}

#[test]
fn one_choice_sets_the_apis_language_by_flag_env_config_then_locale() {
    let env = Env::new();
    env.write_config("default", "lang = \"zh_CN\"\n");
    let base = || env.domain_create("a.cn");
    assert_eq!(asked(base()).0, "cn", "config");
    let locale = base().env("LANG", "en_US.UTF-8");
    assert_eq!(asked(locale).0, "cn", "config beats the locale");
    let variable = base().env("DPBATCH_LANG", "en").env("LANG", "zh_CN.UTF-8");
    assert_eq!(
        asked(variable).0,
        "en",
        "DPBATCH_LANG beats config and locale"
    );
    let flag = base().env("DPBATCH_LANG", "en").args(["--lang", "zh-CN"]);
    assert_eq!(asked(flag).0, "cn", "the flag beats DPBATCH_LANG");

    let bare = Env::new();
    let order = bare
        .domain_create("a.cn")
        .env("LC_ALL", "C")
        .env("LANG", "zh_CN");
    assert_eq!(asked(order).0, "en", "LC_ALL before LANG");
    let messages = bare.domain_create("a.cn").env("LC_MESSAGES", "zh_TW.UTF-8");
    assert_eq!(asked(messages).0, "cn");
    assert_eq!(asked(bare.domain_create("a.cn")).0, "en", "no locale: en");
}

#[test]
fn a_bad_language_is_named_wherever_it_is_given() {
    let env = Env::new();
    let variable = env
        .domain_create("a.cn")
        .env("DPBATCH_LANG", "klingon")
        .run();
    variable
        .code(2)
        .stderr_has("DPBATCH_LANG: `klingon` is not a language");
    let flag = env.dpbatch(["--lang", "fr", "jobs"]).run();
    flag.code(2).stderr_has("'fr'");
    env.write_config("default", "lang = \"de\"\n");
    let config = env.domain_create("a.cn").run();
    config.code(2).stderr_has("lang `de` is not a language");
    let chinese = env
        .domain_create("a.cn")
        .env("DPBATCH_LANG", "x\u{1b}y")
        .env("LANG", "zh_CN.UTF-8")
        .run();
    chinese
        .code(2)
        .stderr_has("dpbatch: 错误：DPBATCH_LANG：`x\\u{1b}y` 不是可用的语言");
    assert!(env.requests("Batch.Domain.Create").is_empty());
}

/// `--help` and the failures of error.rs in Chinese, on both APIs.
#[test]
fn chinese_help_and_errors_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        let mut transcript = Transcript::new(&env);
        transcript
            .run(env.dpbatch(["--lang", "cn", "detail", "--help"]))
            .code(0);
        env.server.inject(submit_action(api), Fault::Drop);
        transcript
            .run(env.domain_create("a.cn").args(["--lang", "cn"]))
            .code(1)
            .stderr_has("结果未知");
        transcript.run(env.detail(1).args(["--lang", "zh"])).code(3);
        transcript.check(match api {
            Api::Legacy => "zh-CN.txt",
            Api::V3 => "zh-CN-v3.txt",
        });
    }
}

fn submit_action(api: Api) -> &'static str {
    match api {
        Api::Legacy => "Batch.Domain.Create",
        Api::V3 => "CreateDomainBatch",
    }
}
