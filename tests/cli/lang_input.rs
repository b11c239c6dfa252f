//! dpbatch's checks of flags and files, its config errors, import notes and job history
//! warnings in Chinese (issue 23), with `LANG=zh_CN.UTF-8`; pinned in
//! golden/zh-CN-input.txt.

use crate::golden::{Transcript, env_on};
use crate::support::{Api, Env};

const ZH: (&str, &str) = ("LANG", "zh_CN.UTF-8");

/// A CSV records file of four rows, three of them bad in a different way each.
const BAD_ROWS: &str = "domain,sub_domain,record_type,line,value,ttl\n\
    a.cn,www,A,默认,192.0.2.1,600\n\
    a.cn,www,A,默认,not-an-ip,600\n\
    a.cn,@,MX,默认,mx.a.cn.,600\n\
    a.cn,bad host!,A,默认,192.0.2.2,600\n";

/// A JSON Lines records file whose records a batch job takes only in part.
const PARTLY: &str = "{\"domain\":\"a.cn\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"line\":\"默认\",\"value\":\"192.0.2.1\",\"enabled\":false}\n\
    {\"domain\":\"a.cn\",\"sub_domain\":\"api\",\"record_type\":\"A\",\"line\":\"默认\",\"value\":\"192.0.2.2\",\"remark\":\"web\"}\n";

#[test]
fn a_records_file_names_each_bad_row_in_chinese() {
    let env = Env::new();
    let file = env.file("bad.csv", BAD_ROWS);
    let run = env
        .dpbatch(["record-create", "--records-file", file.to_str().unwrap()])
        .env(ZH.0, ZH.1)
        .run();
    run.code(2)
        .stderr_has("3 个值无效：")
        .stderr_has("第 3 行：A 记录的记录值 `not-an-ip` 不是 IPv4 地址")
        .stderr_has("第 4 行：MX 记录需要 MX优先级（--mx 1..=20）")
        .stderr_has("第 5 行：主机记录 `bad host!` 不是有效的子域名");
    assert!(!run.stderr.contains("invalid values"), "{}", run.stderr);
}

#[test]
fn flag_input_and_config_errors_speak_chinese() {
    let env = Env::new();
    env.domain_create("bad domain.cn")
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("域名 `bad domain.cn` 无效：含有空白字符");
    env.write_config("default", "[profiles.work]\n");
    env.domain_create("a.cn")
        .args(["--profile", "home"])
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("中没有配置 `home`（其中的配置：work）");
    env.write_config("default", "api = \"v4\"\n");
    env.domain_create("a.cn")
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("api `v4` 不是 `legacy`、`v3` 或 `auto`（配置文件 ");
}

#[test]
fn import_notes_and_history_warnings_speak_chinese() {
    let env = Env::new();
    env.server.add_domain("a.cn");
    let file = env.file("partly.jsonl", PARTLY);
    env.dpbatch(["record-create", "--records-file", file.to_str().unwrap()])
        .env(ZH.0, ZH.1)
        .dry_run()
        .run()
        .code(0)
        .stderr_has("第 1 行：跳过了已暂停的记录")
        .stderr_has("第 2 行：记录创建时不带备注");
    env.submit_domains("b.cn");
    let mut text = std::fs::read(env.history_path()).unwrap();
    text.extend_from_slice(b"{garbled\n");
    std::fs::write(env.history_path(), &text).unwrap();
    let run = env.dpbatch(["jobs"]).env(ZH.0, ZH.1).run();
    run.code(0).stderr_has("跳过了历史记录 ");
    assert!(
        run.stderr.contains("中 1 行无法读取的内容"),
        "{}",
        run.stderr
    );
}

/// The transcript: bad rows, a config error, an import's notes, an export, a garbled
/// history line and `jobs --prune --dry-run`, all in Chinese.
#[test]
fn chinese_input_golden() {
    let env = env_on(Api::Legacy);
    let id = env.server.add_domain("a.cn");
    env.server.add_record(id, "www", "A", "默认", "192.0.2.9");
    let mut t = Transcript::new(&env);
    let bad = env.file("bad.csv", BAD_ROWS);
    let bad = bad.to_str().unwrap();
    t.run(env.dpbatch(["--lang", "cn", "record-create", "--records-file", bad]))
        .code(2);
    env.write_config("default", "[profiles.work]\n");
    t.run(env.dpbatch(["--lang", "cn", "--profile", "home", "jobs"]))
        .code(2);
    let partly = env.file("partly.jsonl", PARTLY);
    let partly = partly.to_str().unwrap();
    t.run(env.dpbatch([
        "--lang",
        "cn",
        "record-create",
        "--dry-run",
        "--records-file",
        partly,
    ]))
    .code(0);
    t.run(env.dpbatch(["--lang", "cn", "export", "--domain", "a.cn"]))
        .code(0);
    env.submit_domains("b.cn");
    // An old submit, so the prune's choice does not hang on the clock.
    env.rewrite_history(|lines| lines[0]["submitted_at"] = 1_000.into());
    let mut text = std::fs::read(env.history_path()).unwrap();
    text.extend_from_slice(b"{garbled\n");
    std::fs::write(env.history_path(), &text).unwrap();
    t.run(env.dpbatch(["--lang", "cn", "jobs"])).code(0);
    t.run(env.dpbatch(["--lang", "cn", "jobs", "--prune", "30d", "--dry-run"]))
        .code(0);
    t.check("zh-CN-input.txt");
}

#[test]
fn look_ups_tokens_and_last_speak_chinese() {
    let env = Env::new();
    env.record_create()
        .domains("nosuch.cn")
        .record("A", "192.0.2.1")
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("该域名不在此账号中，因此未提交任何内容：nosuch.cn");
    env.dpbatch(["--token", "no-comma", "jobs"])
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("Token 中没有逗号：格式须为 ID,TOKEN");
    env.dpbatch(["detail", "--last"])
        .env(ZH.0, ZH.1)
        .run()
        .code(2)
        .stderr_has("--last：本机没有向 ");
}
