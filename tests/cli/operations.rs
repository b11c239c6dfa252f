//! Operations larger than one job: cut within the vendor's limits, followed as one, and
//! when stopped early, finished by `resume` with every part submitted exactly once.

use crate::support::{Api, Env, exits_within, interrupt, names, sent_domains};
use fake_dnspod::{Config, Fault, Progress};
use std::time::Duration;

/// Every domain the jobs made once finished, in the order made: each asked-for domain
/// exactly once means nothing was lost and nothing sent twice.
fn created(env: &Env) -> Vec<String> {
    env.server.finish_all();
    env.server
        .domains()
        .into_iter()
        .map(|d| d.name)
        .filter(|n| n.starts_with('d'))
        .collect()
}

fn expected(count: usize) -> Vec<String> {
    names(count).split(',').map(str::to_owned).collect()
}

#[test]
fn a_split_operation_sends_every_part_once_in_order_and_is_followed_as_one() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let ids = env
            .domain_create(&names(12))
            .args(["--job-size", "5"])
            .run();
        ids.code(0);
        let printed: Vec<&str> = ids.stdout.lines().collect();
        assert_eq!(printed.len(), 3, "one job id a line: {ids:?}");
        let sizes: Vec<usize> = env
            .calls("Batch.Domain.Create")
            .iter()
            .map(|r| sent_domains(api, r).len())
            .collect();
        assert_eq!(sizes, [5, 5, 2], "{api:?}");
        assert_eq!(created(&env), expected(12), "{api:?}");

        // One history entry, and --last means all of its jobs.
        let jobs = env.dpbatch(["jobs", "--json"]).run();
        let rows = jobs.json();
        assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
        assert_eq!(rows[0]["parts"], 3);
        assert_eq!(rows[0]["jobs"].as_array().unwrap().len(), 3);
        assert_eq!(rows[0]["unsent"], serde_json::json!([]));
        env.dpbatch(["jobs"])
            .run()
            .stdout_has(&format!("{} (+2)", printed[0]));
        let waited = env
            .dpbatch(["wait", "--last", "--interval", "10ms", "--json"])
            .run();
        waited.code(0);
        let lines: Vec<serde_json::Value> = waited
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let waited_ids: Vec<String> = lines.iter().map(|j| j["job_id"].to_string()).collect();
        assert_eq!(waited_ids, printed, "JSON Lines, one job each, in order");
        assert!(lines.iter().all(|j| j["finished"] == true));
        env.dpbatch(["detail", "--last"])
            .run()
            .code(0)
            .stdout_has("total: 3 jobs, 12 items, 12 ok, 0 failed");
    }
}

#[test]
fn waiting_on_a_split_operation_shows_one_table_a_line_per_job_and_a_total() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let done = env
            .domain_create(&names(5))
            .value("1.2.3.4")
            .args(["--job-size", "6"])
            .wait()
            .fast()
            .run();
        done.code(0)
            .stdout_has("total: 3 jobs, 15 items, 15 ok, 0 failed");
        let summaries = done
            .stdout
            .lines()
            .filter(|l| l.starts_with("job "))
            .count();
        assert_eq!(summaries, 3, "{done:?}");
        let headers = done
            .stdout
            .lines()
            .filter(|l| l.starts_with("DOMAIN"))
            .count();
        assert_eq!(headers, 1, "one table: {done:?}");
    }
}

#[test]
fn more_jobs_than_the_vendor_takes_in_an_hour_are_refused_before_anything_is_sent() {
    let env = Env::new();
    env.domain_create(&names(81))
        .args(["--job-size", "1"])
        .run()
        .code(2)
        .stderr_has("81 jobs")
        .stderr_has("--job-size 2");
    env.assert_nothing_sent();
}

#[test]
fn no_more_than_four_jobs_are_left_unfinished_and_slots_are_polled_free() {
    // Jobs finish only when polled: the fifth part is sent only after dpbatch saw one of
    // the first four finish, or the fake would refuse it.
    for api in Api::BOTH {
        let env = Env::on(api);
        env.domain_create(&names(6))
            .args(["--job-size", "1"])
            .fast()
            .run()
            .code(0);
        assert_eq!(created(&env), expected(6), "{api:?}");
        let order: Vec<String> = env
            .server
            .requests()
            .iter()
            .map(|r| r.action.clone())
            .collect();
        let submit = api.action("Batch.Domain.Create");
        let fifth = order
            .iter()
            .enumerate()
            .filter(|(_, a)| *a == submit)
            .nth(4)
            .unwrap()
            .0;
        assert!(
            order[..fifth]
                .iter()
                .any(|a| a == api.action("Batch.Detail")),
            "{order:?}"
        );
        let with_two = Env::on(api);
        with_two
            .domain_create(&names(4))
            .args(["--job-size", "1", "--max-jobs", "2"])
            .fast()
            .run()
            .code(0);
        assert_eq!(created(&with_two), expected(4), "{api:?}");
    }
}

#[test]
fn on_v3_a_full_account_is_ridden_out_and_the_part_sent_again() {
    let env = Env::on(Api::V3);
    // Other clients hold two slots: dpbatch's third job is refused until one of its own
    // two finishes.
    env.server.hold_slots(2);
    let done = env
        .domain_create(&names(4))
        .args(["--job-size", "1"])
        .fast()
        .run();
    done.code(0).stderr_has("slot");
    assert_eq!(created(&env), expected(4));
    assert!(
        env.calls("Batch.Domain.Create").len() > 4,
        "refused, then sent again"
    );
    assert_eq!(done.stdout.lines().count(), 4);
    // Holding none of its own, it backs off and asks again.
    let held = Env::on(Api::V3);
    held.server.hold_slots_for_refusals(4, 2);
    held.domain_create("a.cn").fast().run().code(0);
    assert_eq!(held.calls("Batch.Domain.Create").len(), 3);
}

#[test]
fn a_legacy_refusal_mid_operation_stops_it_and_resume_sends_the_rest() {
    let env = Env::new();
    // Two slots held elsewhere: the legacy API refuses dpbatch's third job with a code it
    // does not document, so dpbatch stops there.
    env.server.hold_slots(2);
    let stopped = env.domain_create(&names(5)).args(["--job-size", "1"]).run();
    stopped
        .code(3)
        .stderr_has("stopped: 2 jobs submitted")
        .stderr_has("3 parts not sent (parts 3,4,5")
        .stderr_has("dpbatch resume ");
    assert_eq!(created(&env), expected(2));
    env.server.release_slots();
    // Its two jobs may still run: with two slots, resume polls them before a third.
    env.dpbatch(["resume", "--last", "--max-jobs", "2"])
        .fast()
        .run()
        .code(0);
    let order: Vec<String> = env
        .server
        .requests()
        .iter()
        .map(|r| r.action.clone())
        .collect();
    let resumed_first = order
        .iter()
        .enumerate()
        .filter(|(_, a)| *a == "Batch.Domain.Create")
        .map(|(i, _)| i)
        // Two accepted, one refused, then the resume's first.
        .nth(3)
        .unwrap();
    assert!(
        order[3..resumed_first].iter().any(|a| a == "Batch.Detail"),
        "{order:?}"
    );
    assert_eq!(created(&env), expected(5), "every part exactly once");
    env.dpbatch(["resume", "--last"])
        .run()
        .code(0)
        .stderr_has("nothing to resume");
    let rows = env.dpbatch(["jobs", "--json"]).run().json();
    assert_eq!(
        rows.as_array().unwrap().len(),
        1,
        "resumed into the same entry: {rows}"
    );
    assert_eq!(rows[0]["jobs"].as_array().unwrap().len(), 5);
}

#[test]
fn an_unknown_outcome_mid_operation_is_never_resumed() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let submit = api.action("Batch.Domain.Create");
        // The first submit is answered; the second is read and never answered.
        env.server.inject(submit, Fault::Slow(Duration::ZERO));
        env.server.inject(submit, Fault::Drop);
        let stopped = env.domain_create(&names(4)).args(["--job-size", "1"]).run();
        stopped
            .code(1)
            .stderr_has("part 2 (1 record): the outcome of its submit is unknown")
            .stderr_has("2 parts not sent (parts 3,4");
        // The fake dropped it unmade; a real server may have made it: never sent again.
        assert_eq!(created(&env), ["d01.cn"], "{api:?}");
        env.dpbatch(["resume", "--last"])
            .fast()
            .run()
            .code(0)
            .stderr_has("unknown outcome and is not sent again");
        assert_eq!(created(&env), ["d01.cn", "d03.cn", "d04.cn"], "{api:?}");
        let sent: Vec<Vec<String>> = env
            .calls("Batch.Domain.Create")
            .iter()
            .map(|r| sent_domains(api, r))
            .collect();
        assert_eq!(
            sent,
            [["d01.cn"], ["d02.cn"], ["d03.cn"], ["d04.cn"]],
            "{api:?}"
        );
    }
}

#[test]
fn a_first_part_of_unknown_outcome_leaves_the_rest_to_resume_last() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server
            .inject(api.action("Batch.Domain.Create"), Fault::Drop);
        env.domain_create(&names(3))
            .args(["--job-size", "1"])
            .run()
            .code(1)
            .stderr_has("part 1 (1 record): the outcome of its submit is unknown")
            .stderr_has("send them with `dpbatch resume --last`");
        env.dpbatch(["resume", "--last"])
            .fast()
            .run()
            .code(0)
            .stderr_has("unknown outcome and is not sent again");
        let sent: Vec<Vec<String>> = env
            .calls("Batch.Domain.Create")
            .iter()
            .map(|r| sent_domains(api, r))
            .collect();
        assert_eq!(sent, [["d01.cn"], ["d02.cn"], ["d03.cn"]], "{api:?}");
    }
}

#[test]
fn ctrl_c_mid_operation_lists_what_was_sent_and_resume_sends_the_rest() {
    let env = Env::with(Config {
        // Jobs that stay unfinished: with one slot, the operation waits after its first.
        progress: Progress::PerPoll {
            waiting: 100_000,
            running: 0,
        },
        ..Config::default()
    });
    let args = [
        "domain-create",
        &names(3),
        "--job-size",
        "1",
        "--max-jobs",
        "1",
        "--interval",
        "20ms",
    ];
    let child = env.spawn_and_await(&args, "Batch.Detail", 2, Duration::from_secs(10));
    interrupt(child.id());
    let output = exits_within(child, Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("stopped: 1 job submitted"), "{stderr}");
    assert!(stderr.contains("2 parts not sent (parts 2,3"), "{stderr}");
    assert_eq!(created(&env), expected(1));
    env.dpbatch(["resume", "--last", "--max-jobs", "4"])
        .run()
        .code(0);
    assert_eq!(created(&env), expected(3));
}

#[test]
fn a_timeout_while_waiting_for_a_slot_stops_the_operation_with_exit_5() {
    let env = Env::with(Config {
        progress: Progress::PerPoll {
            waiting: 100_000,
            running: 0,
        },
        ..Config::default()
    });
    env.domain_create(&names(2))
        .args(["--job-size", "1", "--max-jobs", "1", "--timeout", "300ms"])
        .fast()
        .run()
        .code(5)
        .stderr_has("1 part not sent (part 2");
    assert_eq!(created(&env), expected(1));
    env.dpbatch(["resume", "--last", "--job-size", "3"])
        .run()
        .code(2)
        .stderr_has("as the operation cut them, at most 1 record each");
}

#[test]
fn an_operation_refused_at_its_first_part_says_to_run_the_command_again() {
    let env = Env::new();
    env.server.hold_slots(4);
    env.domain_create(&names(3))
        .args(["--job-size", "1"])
        .run()
        .code(3)
        .stderr_has("stopped: 0 jobs submitted")
        .stderr_has("nothing was submitted: run the command again");
    assert!(created(&env).is_empty());
    env.dpbatch(["resume", "--last"]).run().code(2);
}

#[test]
fn an_operation_that_would_pass_the_hourly_limit_with_this_machines_jobs_is_warned_of() {
    let env = Env::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let line = |job: u64| {
        format!(
            r#"{{"job_id":{job},"action":"domain-create","spec":{{"kind":"domain-create","domains":["x{job}.cn"]}},"api":"legacy","endpoint":"{}","profile":null,"submitted_at":{now}}}"#,
            env.server.url()
        )
    };
    let history: String = (1..=79).map(|job| line(job) + "\n").collect();
    let path = env.history_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, history).unwrap();
    env.domain_create(&names(2))
        .args(["--job-size", "1"])
        .run()
        .code(0)
        .stderr_has("submitted 79 batch jobs in the last hour");
    env.domain_create("single.cn").run().code(0);
}
