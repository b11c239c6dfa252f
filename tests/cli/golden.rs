//! What users and scripts see, pinned byte for byte: each test runs a scenario against the
//! fake and compares its transcript (every command with its stdout, stderr and exit code)
//! with a file in `tests/cli/golden/`. After a deliberate change of output, rewrite them
//! with `DPBATCH_BLESS=1 cargo test --locked golden` and review the diff.
//!
//! The fake stamps jobs with a fixed `created_at` and hands out ids from fixed counters, so
//! a transcript only varies in the fake's port, the test's temporary home, the crate
//! version and, for the job history, the time of each submit: those are replaced by
//! placeholders (see [`Transcript::normalise`]). More scenarios are in `golden_flows.rs`.

use crate::support::{Api, Cmd, Env, assert_current, ids};
use fake_dnspod::{Config, Fault, Progress};

/// 2015-09-08 18:37:01 in Beijing, the time of the vendor's Batch.Detail example.
const CREATED_AT: u64 = 1_441_708_621;

/// A fake whose jobs spend two polls waiting and two running, stamped [`CREATED_AT`].
fn env() -> Env {
    env_on(Api::Legacy)
}

/// [`env`], with every run of the binary on `api`.
pub(crate) fn env_on(api: Api) -> Env {
    Env::with_on(
        Config {
            progress: Progress::PerPoll {
                waiting: 2,
                running: 2,
            },
            job_created_at: Some(CREATED_AT),
            ..Config::default()
        },
        api,
    )
}

/// The commands of a scenario and what each printed, as a user would read them.
pub(crate) struct Transcript<'e> {
    env: &'e Env,
    text: String,
    /// Replace the history's submit times (the `jobs` command shows them).
    pub(crate) submit_times: bool,
}

impl<'e> Transcript<'e> {
    pub(crate) fn new(env: &'e Env) -> Self {
        Transcript {
            env,
            text: String::new(),
            submit_times: false,
        }
    }

    /// Runs `cmd`, records it, and returns the run for checks beyond the transcript.
    pub(crate) fn run(&mut self, cmd: Cmd<'_>) -> crate::support::Run {
        let line: Vec<String> = cmd.argv().iter().map(|arg| shell_word(arg)).collect();
        let run = cmd.run();
        let mut entry = format!("$ dpbatch {}\n", line.join(" "));
        for (name, text) in [("", &run.stdout), ("[stderr]\n", &run.stderr)] {
            if !text.is_empty() {
                entry.push_str(name);
                entry.push_str(text);
                if !text.ends_with('\n') {
                    entry.push_str("\n[no newline at end]\n");
                }
            }
        }
        entry.push_str(&format!("[exit {}]\n\n", run.code));
        let entry = self.normalise(&entry);
        self.text.push_str(&entry);
        run
    }

    /// `detail` and `detail --json` at each step of the fake's progress (two polls
    /// waiting, two running), then `wait --json` to the end and both views of the end.
    fn follow(&mut self, job: u64, exit: i32) {
        for _ in 0..2 {
            self.run(self.env.detail(job)).code(0);
            self.run(self.env.detail(job).json()).code(0);
        }
        let last = self.run(self.env.wait(job).json());
        assert_eq!(last.code(exit).json()["finished"], true);
        self.run(self.env.detail(job)).code(exit);
        self.run(self.env.detail(job).json()).code(exit);
    }

    /// What differs from one run of the same scenario to the next, and carriage returns.
    fn normalise(&self, text: &str) -> String {
        let version = format!("dpbatch/{}", env!("CARGO_PKG_VERSION"));
        // A zone file's first line names the version that wrote it.
        let written_by = format!("by dpbatch {}", env!("CARGO_PKG_VERSION"));
        let home = self.env.home().to_str().expect("a UTF-8 temporary path");
        let text = text
            .replace(&self.env.server.url(), "http://127.0.0.1:<port>")
            .replace(home, "<home>")
            .replace(&version, "dpbatch/<version>")
            .replace(&written_by, "by dpbatch <version>")
            // CSV's CRLF line ends, kept visible in a file git may store either way.
            .replace('\r', "<CR>");
        let text = request_ids(&text);
        if self.submit_times {
            submit_times(&text)
        } else {
            text
        }
    }

    /// Adds what a run wrote to a file, with the file's name relative to the home.
    pub(crate) fn file(&mut self, path: &std::path::Path) {
        let text = std::fs::read_to_string(path).expect("a file the run wrote");
        let entry = format!("[file {}]\n{text}[end of file]\n\n", path.display());
        let entry = self.normalise(&entry);
        self.text.push_str(&entry);
    }

    pub(crate) fn check(self, name: &str) {
        assert_current(&format!("tests/cli/golden/{name}"), &self.text);
    }
}

/// An argument as a shell would need it.
fn shell_word(arg: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || ",._-/:=@<>".contains(c);
    if !arg.is_empty() && arg.chars().all(plain) {
        arg.to_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// `jobs` shows when each job was submitted (`2026-12-01 10:01:19` in the table, Unix
/// seconds in `--json`); that is the clock of the machine, so it becomes a placeholder of
/// the same width. The test checks the stored times themselves against its own clock.
fn submit_times(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\"submitted_at\":") {
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            out.push_str("\"submitted_at\":<unix-seconds>");
            rest = &after[digits..];
        } else if rest.len() >= 19 && is_date_time(&rest.as_bytes()[..19]) {
            out.push_str("YYYY-MM-DD hh:mm:ss");
            rest = &rest[19..];
        } else {
            let next = rest.chars().next().expect("not empty");
            out.push(next);
            rest = &rest[next.len_utf8()..];
        }
    }
    out
}

/// An API 3.0 refusal names its request (`(RequestId …)`); the fake numbers them across
/// every test of the process, so the id becomes a placeholder.
fn request_ids(text: &str) -> String {
    const TAG: &str = "(RequestId ";
    let mut parts = text.split(TAG);
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let rest = part.find(')').map_or(part, |end| &part[end..]);
        out.push_str(TAG);
        out.push_str("<request-id>");
        out.push_str(rest);
    }
    out
}

/// `DDDD-DD-DD DD:DD:DD`.
fn is_date_time(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .zip(b"0000-00-00 00:00:00")
        .all(|(&b, &shape)| {
            if shape == b'0' {
                b.is_ascii_digit()
            } else {
                b == shape
            }
        })
}

#[test]
fn the_normaliser_replaces_only_what_varies() {
    let text = "39581  2026-12-01 10:01:19 UTC\n{\"submitted_at\":1764583279,\"x\":1}";
    assert_eq!(
        submit_times(text),
        "39581  YYYY-MM-DD hh:mm:ss UTC\n{\"submitted_at\":<unix-seconds>,\"x\":1}"
    );
    assert_eq!(submit_times("默认 2015-09-08"), "默认 2015-09-08");
    assert_eq!(
        request_ids("refused (RequestId fa4e-17) twice (RequestId x)."),
        "refused (RequestId <request-id>) twice (RequestId <request-id>)."
    );
    assert_eq!(shell_word("v=spf1 -all"), "'v=spf1 -all'");
    assert_eq!(shell_word("a.cn,b.cn"), "a.cn,b.cn");
}

/// The example at the top of README.md is what the binary prints against the fake: the
/// fake's first job id is the README's 39581, so no part of it needs replacing.
#[test]
fn the_readme_example_table_is_what_the_binary_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let block = readme
        .split("```console\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README.md opens with a ```console block");
    let (command, shown) = block.split_once('\n').expect("a command line, then output");
    let args = command
        .strip_prefix("$ dpbatch ")
        .expect("the block starts with `$ dpbatch `");
    let env = Env::new();
    let run = env.dpbatch(args.split_whitespace()).fast().run();
    run.code(0);
    assert!(
        run.stdout == shown,
        "README.md's example is not what `dpbatch {args}` prints; fix README.md by hand:\n\
         README:\n{shown}\nbinary:\n{}",
        run.stdout
    );
}

/// Two domains, `a.cn` with `www` and `@` A records and `b.cn` with `www`; returns the
/// domain ids and the record ids.
pub(crate) fn two_domains(env: &Env) -> ([u64; 2], [u64; 3]) {
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    let records = [
        env.server.add_record(a, "www", "A", "默认", "192.0.2.1"),
        env.server.add_record(a, "@", "A", "默认", "192.0.2.1"),
        env.server.add_record(b, "www", "A", "默认", "192.0.2.2"),
    ];
    ([a, b], records)
}

#[test]
fn domain_create_from_dry_run_to_a_failure() {
    let env = env();
    let mut t = Transcript::new(&env);
    let submit = || env.domain_create("a.cn,fail-b.cn").value("1.2.3.4");
    t.run(submit().dry_run()).code(0);
    t.run(submit().dry_run().json()).code(0);
    let job = t.run(submit().json()).code(0).json()["job_id"].as_u64();
    t.follow(job.expect("a job id"), 4);
    t.check("domain-create.txt");
}

#[test]
fn record_create_of_an_mx_and_a_txt_record() {
    let env = env();
    let (domains, _) = two_domains(&env);
    let mut t = Transcript::new(&env);
    // The TXT record's second host fails: the fake refuses hosts named fail*.
    let specs = r#"[{"sub_domain": "@", "record_type": "MX", "value": "mx.a.cn.", "MX": 10, "ttl": 3600},
        {"sub_domain": "@,fail-txt", "record_type": "TXT", "value": "v=spf1 -all", "record_line": "电信"}]"#;
    let submit = || {
        env.record_create()
            .domains("a.cn,b.cn")
            .args(["--records-file", "-"])
            .stdin(specs)
    };
    t.run(submit().dry_run()).code(0);
    // `-v`: the requests whole, after the same summary (by ID: no look-up's timed line).
    let by_id = env
        .record_create()
        .domain_ids(ids(&domains))
        .args(["--records-file", "-"])
        .stdin(specs);
    t.run(by_id.dry_run().arg("-v")).code(0);
    t.run(submit().dry_run().json()).code(0);
    let job = t.run(submit()).code(0).job_id();
    t.follow(job, 4);
    t.check("record-create.txt");
}

#[test]
fn record_modify_by_id_with_an_unknown_record() {
    let env = env();
    let (_, [a_www, a_apex, b_www]) = two_domains(&env);
    let mut t = Transcript::new(&env);
    let submit = || {
        env.record_modify()
            .record_ids(ids(&[a_www, 99, b_www, a_apex]))
            .change("ttl", 3600)
    };
    t.run(submit().dry_run()).code(0);
    t.run(submit().dry_run().json()).code(0);
    let job = t.run(submit()).code(0).job_id();
    t.follow(job, 4);
    t.check("record-modify.txt");
}

#[test]
fn record_modify_by_selection_shows_what_it_selected() {
    let env = env();
    two_domains(&env);
    let mut t = Transcript::new(&env);
    // b.cn's www is at the target already: skipped.
    let submit = || {
        env.record_modify()
            .domains("a.cn,b.cn")
            .select("www,@", "A")
            .change("value", "192.0.2.2")
    };
    t.run(submit().dry_run()).code(0);
    t.run(submit().dry_run().json()).code(0);
    let job = t.run(submit()).code(0).job_id();
    t.run(env.wait(job)).code(0);
    t.check("record-modify-selection.txt");
}

#[test]
fn jobs_lists_every_kind_of_entry() {
    let env = env();
    let ([a, _], [a_www, ..]) = two_domains(&env);
    env.write_config("default", "[profiles.work]\n");
    let before = now();
    let failed = env.domain_create("fail-a.cn").submit();
    env.wait(failed).run().code(4);
    env.dpbatch(["retry", "--last"]).run().code(0);
    env.record_create()
        .domain_ids(a)
        .record("TXT", "hello")
        .args(["--profile", "work"])
        .submit();
    env.record_modify()
        .record_ids(a_www)
        .change("ttl", 60)
        .submit();
    env.server
        .inject("Batch.Domain.Create", Fault::HttpStatus(502));
    env.domain_create("c.cn,d.cn").run().code(1);
    let after = now();
    for line in std::fs::read_to_string(env.history_path()).unwrap().lines() {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let at = entry["submitted_at"].as_u64().expect("Unix seconds");
        assert!(
            (before..=after).contains(&at),
            "{at} not in {before}..={after}"
        );
    }
    let mut t = Transcript::new(&env);
    t.submit_times = true;
    t.run(env.dpbatch(["jobs"])).code(0);
    t.run(env.dpbatch(["jobs", "--all-accounts"])).code(0);
    t.run(env.dpbatch(["jobs", "--limit", "2"]).json()).code(0);
    t.run(env.dpbatch(["jobs"]).json()).code(0);
    t.check("jobs.txt");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
