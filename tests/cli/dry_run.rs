//! A large `--dry-run` leads with a summary (records, domains, jobs, the hours of the
//! hourly job limit) and a line a job; `-v` and `--json` show each request whole; nothing
//! but look-ups is sent.

use crate::support::{Api, Env, Run};
use std::path::{Path, PathBuf};

const RECORDS: usize = 1200;

/// `RECORDS` A records for big.example as JSON Lines, each host its own.
fn records_file(env: &Env) -> PathBuf {
    env.server.add_domain("big.example");
    let rows: String = (0..RECORDS)
        .map(|n| {
            format!(
                "{{\"domain\":\"big.example\",\"sub_domain\":\"h{n}\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}}\n"
            )
        })
        .collect();
    env.file("big.jsonl", &rows)
}

/// A dry run of the file in jobs of 100 records: 12 jobs.
fn dry_run(env: &Env, file: &Path, more: &[&str]) -> Run {
    let mut args = vec!["record-create", "--records-file", file.to_str().unwrap()];
    args.extend(["--job-size", "100", "--dry-run"]);
    args.extend(more);
    let run = env.run(&args);
    run.code(0);
    let sent: Vec<String> = env
        .server
        .requests()
        .into_iter()
        .map(|r| r.action)
        .collect();
    let submits = ["Batch", "Create", "Modify", "Remove", "Delete"];
    let lookups = sent.iter().all(|a| !submits.iter().any(|s| a.contains(s)));
    assert!(
        lookups && !sent.is_empty(),
        "more than look-ups sent: {sent:?}"
    );
    run
}

#[test]
fn a_large_dry_run_leads_with_its_summary_then_a_line_a_job() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let file = records_file(&env);
        let run = dry_run(&env, &file, &[]);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(
            lines[0],
            "dry run, nothing sent: 1200 records on 1 domain in 12 batch jobs (1 hour: DNSPod takes 80 batch jobs an hour from one IP address)",
            "{api:?}"
        );
        assert_eq!(lines.len(), 13, "{run:#?}");
        assert_eq!(
            lines[12],
            "job 12 of 12: record-create 100 record specs on 1 domain: h1100 A 192.0.2.1, h1101 A 192.0.2.1, h1102 A 192.0.2.1, …and 97 more",
            "{api:?}"
        );
        assert!(!run.stdout.contains("<redacted>"), "{run:#?}");
    }
}

#[test]
fn with_v_a_large_dry_run_shows_every_request_whole_after_the_summary() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let file = records_file(&env);
        let run = dry_run(&env, &file, &["-v"]);
        assert!(
            run.stdout
                .starts_with("dry run, nothing sent: 1200 records on 1 domain in 12 batch jobs")
        );
        assert_eq!(run.stdout.matches("User-Agent: ").count(), 12, "{api:?}");
        assert!(
            run.stdout.contains("h0") && run.stdout.contains("h1199"),
            "{api:?}"
        );
        assert!(run.stdout.contains("<redacted>"), "{api:?}");
    }
}

#[test]
fn with_json_every_line_parses_the_summary_first_then_each_request() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let file = records_file(&env);
        let run = dry_run(&env, &file, &["--json"]);
        let (summary, requests) = run.dry_json();
        let expected = serde_json::json!({"dry_run": true, "summary": {"records": 1200,
            "domains": 1, "jobs": 12, "calls": 0, "hours": 1, "jobs_per_hour": 80}});
        assert_eq!(summary, expected, "{api:?}");
        assert_eq!(requests.len(), 12, "{api:?}");
        let whole = requests
            .iter()
            .all(|r| r["dry_run"] == true && r["url"].is_string());
        assert!(whole, "{api:?}");
        assert!(run.stdout.contains("h1199"), "{api:?}");
    }
}

#[test]
fn a_selection_dry_run_leads_with_the_summary_of_what_would_be_sent() {
    for api in Api::BOTH {
        let env = Env::on(api);
        for domain in ["a.cn", "b.cn"] {
            let id = env.server.add_domain(domain);
            for n in 0..30 {
                env.server
                    .add_record(id, &format!("h{n}"), "A", "默认", "192.0.2.1");
            }
        }
        let hosts: Vec<String> = (0..30).map(|n| format!("h{n}")).collect();
        let hosts = hosts.join(",");
        let select = [
            "--domain",
            "a.cn,b.cn",
            "--sub",
            &hosts,
            "--type",
            "A",
            "--dry-run",
        ];
        let modify = [
            "record-modify",
            "--change",
            "ttl",
            "--to",
            "60",
            "--job-size",
            "25",
        ];
        let run = env.run(&[&modify[..], &select[..]].concat());
        let first = run.code(0).stdout.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("dry run, nothing sent: 60 records on 2 domains in 3 batch jobs"),
            "{api:?}: {run:#?}"
        );
        let delete = env.run(&[&["record-delete", "--json"][..], &select[..]].concat());
        let (summary, _) = delete.code(0).dry_json();
        let (jobs, calls) = match api {
            Api::Legacy => (0, 60),
            Api::V3 => (1, 0),
        };
        assert_eq!(summary["summary"]["records"], 60, "{api:?}");
        assert_eq!(summary["summary"]["jobs"], jobs, "{api:?}");
        assert_eq!(summary["summary"]["calls"], calls, "{api:?}");
        let sent = env.server.requests().into_iter().map(|r| r.action);
        let sent: Vec<String> = sent
            .filter(|a| a.contains("Batch") || a.contains("Remove"))
            .collect();
        assert!(sent.is_empty(), "{api:?}: {sent:?}");
    }
}
