//! The output layer in Chinese (issue 23): tables and their headers, summary lines, a dry
//! run's lines and a plan's summaries with `LANG=zh_CN.UTF-8`, CJK columns aligned as the
//! English; `--json` gives the same bytes whatever the language. Pinned in
//! golden/zh-CN-output*.txt and golden/zh-CN-plan.txt.

use crate::golden::{Transcript, env_on, two_domains};
use crate::plan::{account, edited, path, row};
use crate::support::{Api, Cmd, Env};
use fake_dnspod::{Config, Progress};

fn zh(cmd: Cmd<'_>) -> Cmd<'_> {
    cmd.env("LANG", "zh_CN.UTF-8")
}

/// An MX on both domains and a TXT whose second host the fake refuses (`fail*`).
const SPECS: &str = r#"[{"sub_domain": "@", "record_type": "MX", "value": "mx.a.cn.", "MX": 10},
    {"sub_domain": "@,fail-txt", "record_type": "TXT", "value": "v=spf1 -all"}]"#;

fn record_create(env: &Env) -> Cmd<'_> {
    zh(env
        .record_create()
        .domains("a.cn,b.cn")
        .args(["--records-file", "-"])
        .stdin(SPECS))
}

/// Display columns as a terminal counts them: the CJK of these tables is two wide.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if c >= '\u{2e80}' { 2 } else { 1 })
        .sum()
}

#[test]
fn a_job_in_chinese_has_chinese_headers_statuses_and_summaries_aligned() {
    let env = Env::new();
    two_domains(&env);
    let dry = record_create(&env).dry_run().run();
    dry.code(0)
        .stdout_has("试运行，未发送任何请求：2 个域名上的 6 条记录，分 1 个批量任务（需 1 小时：");
    let job = record_create(&env).submit();
    let detail = zh(env.wait(job)).run();
    detail
        .code(4)
        .stderr_has(&format!("dpbatch: 任务 {job} 已结束，8 项中有 2 项失败"));
    let lines: Vec<&str> = detail.stdout.lines().collect();
    assert!(
        lines[0].starts_with("域名  主机记录  记录类型  线路  记录值"),
        "{}",
        detail.stdout
    );
    assert!(detail.stdout.contains("成功") && detail.stdout.contains("失败"));
    assert_eq!(
        *lines.last().unwrap(),
        format!("任务 {job}（record_add）：8 项，6 项成功，2 项失败")
    );
    // 状态 starts at the same column on the header and on every row, as STATUS does.
    let starts: Vec<usize> = lines[..lines.len() - 1]
        .iter()
        .map(|line| {
            let at = ["状态", "成功", "失败"]
                .iter()
                .filter_map(|w| line.find(w))
                .min()
                .unwrap_or_else(|| panic!("no status on {line:?}"));
            width(&line[..at])
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] == w[1]),
        "{starts:?}\n{}",
        detail.stdout
    );
    let jobs = zh(env.dpbatch(["jobs"])).run();
    jobs.code(0)
        .stdout_has("任务   API     操作")
        .stdout_has("提交时间");
}

/// `--json` keeps its keys and the API's statuses in Chinese; the history's JSON is the same
/// bytes in either language (a job's `err_msg` is the API's own, in the language asked).
#[test]
fn json_is_not_translated() {
    let env = Env::new();
    two_domains(&env);
    let job = record_create(&env).submit();
    env.wait(job).run().code(4);
    let detail = zh(env.detail(job).json()).run();
    detail
        .code(4)
        .stdout_has(r#""status":"error""#)
        .stdout_has(r#""status":"ok""#);
    assert!(!detail.stdout.contains("成功") && detail.stderr.contains("已结束"));
    let chinese = zh(env.dpbatch(["jobs"]).json()).run();
    let english = env.dpbatch(["jobs", "--lang", "en"]).json().run();
    assert_eq!(chinese.code(0).stdout, english.code(0).stdout);
    assert!(chinese.stdout.contains(r#""action":"record-create""#));
}

/// A wait that times out says so in Chinese, with what is still pending.
#[test]
fn a_timeout_in_chinese_names_the_job_and_what_is_pending() {
    let env = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 1000,
            running: 0,
        },
        ..Config::default()
    });
    let job = env.submit_domains("a.cn");
    let run = zh(env.wait(job).args(["--timeout", "1s"])).run();
    run.code(5)
        .stdout_has("1 项等待中，0 项执行中")
        .stderr_has(&format!("dpbatch: 等待任务 {job} 1s 后超时（"))
        .stderr_has("项等待中或执行中）；任务仍在继续：");
}

/// record-modify's selection: Chinese headers, statuses, actions and its count.
#[test]
fn a_selection_in_chinese_marks_what_it_skips() {
    let env = Env::new();
    two_domains(&env);
    let run = zh(env
        .record_modify()
        .domains("a.cn,b.cn")
        .select("www", "A")
        .change("value", "192.0.2.2"))
    .dry_run()
    .run();
    run.code(0)
        .stdout_has("记录 ID")
        .stdout_has("启用")
        .stdout_has("跳过：已是目标值")
        .stdout_has("选中 2 条记录：1 条待修改，1 条已是目标值");
}

/// record-delete's table in Chinese: the selection to delete, then (legacy, one call a
/// record) how each removal came out.
#[test]
fn a_deletion_in_chinese_says_what_it_deletes_and_deleted() {
    let env = Env::new();
    two_domains(&env);
    let delete = || {
        zh(env.dpbatch([
            "record-delete",
            "--domain",
            "a.cn",
            "--sub",
            "www",
            "--type",
            "A",
        ]))
    };
    delete()
        .dry_run()
        .run()
        .code(0)
        .stdout_has("记录 ID")
        .stdout_has("待删除");
    delete()
        .args(["--yes", "--wait"])
        .fast()
        .run()
        .code(0)
        .stdout_has("已删除");
}

/// A warning's prefix in Chinese (the history cannot be written: its directory is a file).
#[test]
fn a_warning_in_chinese_starts_with_its_chinese_prefix() {
    let env = Env::new();
    let blocker = env.history_path().parent().unwrap().to_path_buf();
    std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
    std::fs::write(&blocker, "not a directory").unwrap();
    let run = zh(env.domain_create("a.cn")).run();
    run.code(0).stderr_has("dpbatch: 警告：");
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
}

/// A record-create's dry run, the job followed to its failures, its detail and the job
/// history, in Chinese, on both APIs.
#[test]
fn chinese_output_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        two_domains(&env);
        let mut t = Transcript::new(&env);
        t.submit_times = true;
        t.run(record_create(&env).dry_run()).code(0);
        let job = t.run(record_create(&env)).code(0).job_id();
        t.run(zh(env.wait(job))).code(4);
        t.run(zh(env.detail(job))).code(4);
        t.run(zh(env.dpbatch(["jobs"]))).code(0);
        t.check(match api {
            Api::Legacy => "zh-CN-output.txt",
            Api::V3 => "zh-CN-output-v3.txt",
        });
    }
}

/// A plan's table and summaries in Chinese; API 3.0 plans the same.
#[test]
fn chinese_plan_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        account(&env);
        let desired = edited(&env, |rows| {
            row(rows, "www", "A")["ttl"] = 60.into();
            row(rows, "@", "A")["value"] = "192.0.2.9".into();
            rows.retain(|r| r["record_type"] != "MX");
        });
        let mut t = Transcript::new(&env);
        t.run(zh(env.dpbatch(["plan", path(&desired)]))).code(0);
        t.check("zh-CN-plan.txt");
    }
}
