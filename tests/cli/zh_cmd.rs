//! The commands' own messages in Chinese (issue 23): the stop report of an operation and
//! its resume hint, what resume and undo say, the plan's threshold warning and the errors
//! of those commands. Pinned in golden/zh-CN-cmd.txt (and -v3 where API 3.0 differs).

use crate::golden::{Transcript, env_on, two_domains};
use crate::support::{Api, Env};
use fake_dnspod::Fault;

/// A refusal of a submit in `api`'s own shape, with a code neither API documents.
fn refusal(api: Api) -> Fault {
    let message = "Something went wrong".to_owned();
    match api {
        Api::Legacy => Fault::ApiCode {
            code: "9999".into(),
            message,
        },
        Api::V3 => Fault::V3Error {
            code: "FailedOperation".into(),
            message,
        },
    }
}

/// A four-part domain-create whose third part is refused: two parts sent, two not.
fn stopped_operation(env: &Env, api: Api, t: &mut Transcript<'_>) {
    let submit = api.action("Batch.Domain.Create");
    for _ in 0..2 {
        env.server
            .inject(submit, Fault::Slow(std::time::Duration::ZERO));
    }
    env.server.inject(submit, refusal(api));
    t.run(
        env.domain_create("d1.cn,d2.cn,d3.cn,d4.cn")
            .args(["--job-size", "1", "--lang", "cn"]),
    )
    .code(3);
}

#[test]
fn a_stopped_operation_resume_and_undo_speak_chinese_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        let mut t = Transcript::new(&env);
        stopped_operation(&env, api, &mut t);
        t.run(
            env.dpbatch(["--lang", "cn", "resume", "--last", "--wait"])
                .fast(),
        )
        .code(0);
        t.run(env.dpbatch(["--lang", "cn", "resume", "--last"]))
            .code(0);
        t.run(env.dpbatch(["--lang", "cn", "resume", "4242"]))
            .code(2);
        let (_, [_, a_apex, _]) = two_domains(&env);
        t.run(
            env.record_modify()
                .domains("a.cn,b.cn")
                .select("www,@", "A")
                .change("value", "198.51.100.7")
                .args(["--lang", "cn"])
                .wait()
                .fast(),
        )
        .code(0);
        env.server
            .change_record(a_apex, |r| r.value = "203.0.113.9".into());
        t.run(env.dpbatch(["--lang", "cn", "undo", "--last", "--dry-run"]))
            .code(0);
        t.run(env.dpbatch(["--lang", "cn", "undo", "4242"])).code(2);
        t.check(match api {
            Api::Legacy => "zh-CN-cmd.txt",
            Api::V3 => "zh-CN-cmd-v3.txt",
        });
    }
}

#[test]
fn the_system_locale_gives_the_stop_report_and_resume_hint_in_chinese() {
    for api in Api::BOTH {
        let env = env_on(api);
        let submit = api.action("Batch.Domain.Create");
        env.server
            .inject(submit, Fault::Slow(std::time::Duration::ZERO));
        env.server.inject(submit, refusal(api));
        let run = env
            .domain_create("d1.cn,d2.cn,d3.cn")
            .args(["--job-size", "1"])
            .env("LANG", "zh_CN.UTF-8")
            .run();
        run.code(3)
            .stderr_has("dpbatch: 已停止：已提交 1 个任务：")
            .stderr_has("2 个部分未发送（第 2,3 部分：")
            .stderr_has("用 `dpbatch resume ");
        assert!(!run.stderr.contains("stopped:"), "{}", run.stderr);
        let resumed = env
            .dpbatch(["resume", "--last"])
            .env("LANG", "zh_CN.UTF-8")
            .run();
        resumed
            .code(0)
            .stderr_has("正在发送该操作 3 个部分中未发送的 2 个");
        let english = env.dpbatch(["--lang", "en", "resume", "--last"]).run();
        english.code(0).stderr_has("nothing to resume");
    }
}

#[test]
fn the_plans_threshold_warning_and_applys_refusal_are_in_chinese_golden() {
    for api in Api::BOTH {
        let env = env_on(api);
        let desired = crate::apply::big(&env);
        let desired = desired.to_str().unwrap();
        let mut t = Transcript::new(&env);
        let plan = t.run(env.dpbatch(["--lang", "cn", "plan", desired]));
        plan.code(0).stderr_has(
            "big.cn：计划将修改其 10 条记录中的 4 条（40%），超过 --max-modify 30%；不加 --force 时 `apply` 会拒绝执行",
        );
        t.run(env.dpbatch(["--lang", "cn", "apply", desired]))
            .code(2)
            .stderr_has("未发送任何内容：请检查文件，或加 --force 执行 apply");
        let english = env.dpbatch(["apply", desired]).run();
        english
            .code(2)
            .stderr_has("nothing was sent: check the files, or apply with --force");
        t.check("zh-CN-cmd-plan.txt");
    }
}

#[test]
fn undo_and_record_delete_refuse_in_chinese() {
    for api in Api::BOTH {
        let env = env_on(api);
        let created = env.domain_create("a.cn").wait().fast().run();
        created.code(0);
        let undo = env
            .dpbatch(["undo", "--last"])
            .env("LANG", "zh_CN.UTF-8")
            .run();
        undo.code(2)
            .stderr_has("错误：拒绝撤销 domain-create 任务（")
            .stderr_has("）：删除域名不算撤销；如确有需要，请在 DNSPod 控制台删除");
        two_domains(&env);
        let delete = env
            .dpbatch([
                "record-delete",
                "--domain",
                "b.cn",
                "--sub",
                "www",
                "--type",
                "A",
            ])
            .env("LANG", "zh_CN.UTF-8")
            .run();
        delete
            .code(2)
            .stderr_has("record-delete 将删除上面列出的 1 条记录；加 --yes 才会删除");
        assert!(env.calls("Record.Remove").is_empty(), "{api:?}");
    }
}

/// A step of an apply refused by its call: the warning is Chinese, the API's refusal in
/// it too (the English form is kept for `--json` only).
#[test]
fn a_refused_step_of_an_apply_is_named_in_chinese() {
    use crate::apply::{edited, path, row};
    let env = Env::on(Api::Legacy);
    let id = env.server.add_domain("c.cn");
    env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    let desired = edited(&env, |rows| row(rows, "www", "A")["ttl"] = 60.into());
    env.server.inject(
        "Record.Modify",
        Fault::ApiCode {
            code: "7".into(),
            message: "No permission".into(),
        },
    );
    let mut argv = vec!["apply", path(&desired), "--wait"];
    argv.extend(crate::support::FAST);
    env.dpbatch(argv)
        .env("LANG", "zh_CN.UTF-8")
        .run()
        .code(4)
        .stderr_has("被拒绝：API 拒绝了 Record.Modify：代码 7：No permission");
}
