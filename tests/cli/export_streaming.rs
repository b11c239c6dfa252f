//! `export` writes each domain as its listing comes (issue 21): records reach the
//! temporary file before the last page is in, in the domains' and pages' order, and a
//! failure on a later page leaves neither the file nor a temporary one behind.

use crate::support::{Api, Env, exits_within};
use fake_dnspod::{Config, Fault};
use std::path::Path;
use std::time::Duration;

/// `count` domains `s1.example` on, of three records each besides DNSPod's two NS
/// records, listed two a page: three pages a domain.
fn account(api: Api, count: usize) -> (Env, Vec<String>) {
    let env = Env::with_on(
        Config {
            page_limit: 2,
            ..Config::default()
        },
        api,
    );
    let names = (1..=count)
        .map(|n| {
            let name = format!("s{n}.example");
            let id = env.server.add_domain(&name);
            for host in ["www", "api", "cdn"] {
                env.server.add_record(id, host, "A", "默认", "192.0.2.1");
            }
            name
        })
        .collect();
    (env, names)
}

/// The file names in `dir`, sorted; none when it does not exist.
fn names_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Lets `pages` record pages through, then fails the next one for good (a 403 is not
/// asked again).
fn fail_after(env: &Env, pages: usize) {
    let action = env.api.action("Record.List");
    for _ in 0..pages {
        env.server.inject(action, Fault::Slow(Duration::ZERO));
    }
    env.server.inject(action, Fault::HttpStatus(403));
}

#[test]
fn a_failure_on_a_later_page_leaves_no_file_and_no_temporary_file_in_any_format() {
    for api in Api::BOTH {
        for format in ["jsonl", "csv", "zone"] {
            let (env, _) = account(api, 6);
            // One domain at a time: four domains are written before the fifth's second
            // page fails.
            fail_after(&env, 13);
            let dir = env.home().join("out");
            std::fs::create_dir(&dir).unwrap();
            let out = match format {
                "zone" => dir.join("zones"),
                _ => dir.join(format!("all.{format}")),
            };
            let run = env.run(&[
                "--lookup-jobs",
                "1",
                "export",
                "--all",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ]);
            run.code(1).stderr_has("HTTP status 403");
            assert!(run.stdout.is_empty(), "{api:?} {format}: {run:?}");
            assert_eq!(names_in(&dir), Vec::<String>::new(), "{api:?} {format}");
            assert_eq!(env.calls("Record.List").len(), 14, "{api:?} {format}");
        }
    }
}

#[test]
fn zone_files_are_written_before_the_last_page_is_in_and_renamed_only_at_the_end() {
    for api in Api::BOTH {
        let (env, names) = account(api, 6);
        let action = env.api.action("Record.List");
        // The fifth domain's second page is slow: by then the first four are written.
        for _ in 0..13 {
            env.server.inject(action, Fault::Slow(Duration::ZERO));
        }
        env.server
            .inject(action, Fault::Slow(Duration::from_secs(3)));
        let dir = env.home().join("zones");
        let args = [
            "--lookup-jobs",
            "1",
            "export",
            "--all",
            "--format",
            "zone",
            "--out",
        ];
        let mut args = args.to_vec();
        args.push(dir.to_str().unwrap());
        let child = env.spawn_and_await(&args, action, 14, Duration::from_secs(20));
        let midway = names_in(&dir);
        let output = exits_within(child, Duration::from_secs(60));
        assert!(output.status.success(), "{api:?}: {output:?}");
        assert_eq!(midway.len(), 4, "{api:?}: {midway:?}");
        assert!(
            midway.iter().all(|name| name.starts_with(".dpbatch-")),
            "{api:?}: staged, not yet in place: {midway:?}"
        );
        let zones: Vec<String> = names.iter().map(|n| format!("{n}.zone")).collect();
        assert_eq!(names_in(&dir), zones, "{api:?}: renamed, nothing else left");
    }
}

#[test]
fn rows_are_written_in_the_domains_order_and_each_domains_page_order() {
    for api in Api::BOTH {
        let (env, names) = account(api, 10);
        // The first domain's first page comes last, so later domains are in before it.
        env.server.inject(
            env.api.action("Record.List"),
            Fault::Slow(Duration::from_millis(700)),
        );
        let run = env.run(&["--lookup-jobs", "3", "export", "--all"]);
        run.code(0);
        let rows: Vec<(String, String)> = run
            .stdout
            .lines()
            .map(|line| {
                let row: serde_json::Value = serde_json::from_str(line).unwrap();
                let field = |key: &str| row[key].as_str().unwrap().to_owned();
                (field("domain"), field("sub_domain"))
            })
            .collect();
        let expected: Vec<(String, String)> = names
            .iter()
            .flat_map(|name| {
                ["@", "@", "www", "api", "cdn"].map(|host| (name.clone(), host.to_owned()))
            })
            .collect();
        assert_eq!(rows, expected, "{api:?}");
    }
}

#[test]
fn rows_for_stdout_wait_in_tmpdir_and_an_unusable_one_is_named_with_nothing_printed() {
    for api in Api::BOTH {
        let (env, _) = account(api, 2);
        let missing = env.home().join("no-such-tmp");
        let mut cmd = env.command();
        cmd.env("TMPDIR", &missing).args(["export", "--all"]);
        let run = env.run_command(&mut cmd);
        run.code(1)
            .stderr_has("could not make the temporary file stdout's rows wait in");
        assert!(run.stdout.is_empty(), "{api:?}: {run:?}");
    }
}
