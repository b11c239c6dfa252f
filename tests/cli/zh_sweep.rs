//! Issue 23's sweep: a Chinese user (`LANG=zh_CN.UTF-8`) reads no English sentence from
//! dpbatch. Every command's `--help` and man page, and a normal run, a dry run and a
//! failing run of the main commands on both APIs against the fake; a line of their stdout
//! or stderr that holds three or more English words in a row fails the test, unless the
//! words sit in backticks, quotes or clap's brackets, or are option names, URLs, JSON or
//! the API's own message.
//!
//! A line allowed to stay English is listed, an exact substring, in `STILL_ENGLISH`; an
//! entry that no longer occurs fails the test too, so the list never keeps a stale excuse.

use crate::support::{Api, Cmd, Env, FAST};

/// Lines still English, each named by an exact part of it. Empty: every area speaks
/// Chinese, the operating system's error words included (src/i18n/os_error.rs); a line
/// that turns English again fails the test unless it is named here, with why.
const STILL_ENGLISH: &[&str] = &[];

/// The API's own messages as the fake sends them (never translated by dpbatch).
const API_MESSAGES: &[&str] = &["The batch job does not exist."];

/// Stands for a masked part: not a word, so it ends a run of words.
const MASK: &str = " § ";

/// `line` with its backtick and quoted parts, and the API's messages, masked.
fn masked(line: &str) -> String {
    let mut line = line.to_owned();
    for message in API_MESSAGES {
        line = line.replace(message, MASK);
    }
    let (mut out, mut open, mut after) = (String::new(), None, ' ');
    for c in line.chars() {
        let outside = open.is_none();
        match (open, c) {
            (Some(close), _) if c == close => open = None,
            (Some(_), _) => {}
            // clap's `[OPTIONS]`, `<SHELL>`, `[默认：...]`: names and values, not prose.
            (None, '[') => open = Some(']'),
            (None, '<') => open = Some('>'),
            // An apostrophe inside a word (`don't`) opens no quote.
            (None, '`' | '"') => open = Some(c),
            (None, '\'') if !after.is_alphanumeric() => open = Some(c),
            (None, _) => out.push(c),
        }
        if outside && open.is_some() {
            out.push_str(MASK);
        }
        after = c;
    }
    out
}

/// A word of English letters, with the punctuation a sentence puts around it.
fn is_word(token: &str) -> bool {
    let core = token
        .trim_start_matches(['(', '['])
        .trim_end_matches([',', '.', ':', ';', ')', ']', '?', '!']);
    core.starts_with(|c: char| c.is_ascii_alphabetic())
        && core.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
}

/// The runs of three or more English words in `line` (none in a JSON line).
fn english_runs(line: &str) -> Vec<String> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Vec::new();
    }
    let masked = masked(line);
    let (mut runs, mut run) = (Vec::new(), Vec::new());
    for token in masked.split_whitespace().chain([MASK.trim()]) {
        if is_word(token) {
            run.push(token);
            continue;
        }
        if run.len() >= 3 {
            runs.push(run.join(" "));
        }
        run.clear();
    }
    runs
}

/// What the catalogue printed, a line at a time, named by the command that printed it.
#[derive(Default)]
struct Sweep {
    lines: Vec<(String, String)>,
}

impl Sweep {
    /// Runs `cmd` in Chinese, checks it ended as its kind should (a failing run fails),
    /// and keeps its lines.
    fn run(&mut self, kind: &str, cmd: Cmd<'_>) -> crate::support::Run {
        let label = format!("{kind}: dpbatch {}", cmd.argv().join(" "));
        let run = cmd.env("LANG", "zh_CN.UTF-8").run();
        let failed = run.code != 0;
        assert_eq!(failed, kind.starts_with("failing"), "{label}: {run:#?}");
        for line in run.stdout.lines().chain(run.stderr.lines()) {
            self.lines.push((label.clone(), line.to_owned()));
        }
        run
    }

    /// Every English line no `STILL_ENGLISH` entry names, and every entry no line holds.
    fn faults(&self) -> Vec<String> {
        let mut faults: Vec<String> = Vec::new();
        for (label, line) in &self.lines {
            let listed = STILL_ENGLISH.iter().any(|entry| line.contains(entry));
            let runs = english_runs(line);
            let told = faults
                .iter()
                .any(|fault| fault.ends_with(&format!("\n    {line}")));
            if !listed && !runs.is_empty() && !told {
                faults.push(format!("English {runs:?} from {label}:\n    {line}"));
            }
        }
        for entry in STILL_ENGLISH {
            if !self.lines.iter().any(|(_, line)| line.contains(entry)) {
                faults.push(format!(
                    "STILL_ENGLISH `{entry}` no longer occurs: take it off"
                ));
            }
        }
        faults
    }
}

/// The commands the Chinese top-level help lists, `help` aside.
fn commands(sweep: &mut Sweep, env: &Env) -> Vec<String> {
    let top = sweep.run("help", env.dpbatch(["--help"]));
    let listed = top.stdout.split("命令:\n").nth(1).expect("a command list");
    let names: Vec<String> = listed
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 15, "{names:?}");
    names
}

/// Every command's `--help` and man page, and dpbatch(1).
fn help_pages(sweep: &mut Sweep) {
    let env = Env::new();
    sweep.run("man", env.dpbatch(["man"]));
    for name in commands(sweep, &env) {
        sweep.run("help", env.dpbatch([name.as_str(), "--help"]));
        sweep.run("man", env.dpbatch(["man", name.as_str()]));
    }
}

fn submits(sweep: &mut Sweep, env: &Env) {
    let domain = env.domain_create("a.cn").value("192.0.2.1").wait().fast();
    sweep.run("normal", domain);
    sweep.run("dry", env.domain_create("b.cn").dry_run());
    sweep.run("failing", env.domain_create("bad..cn"));
    let create = || env.record_create().domains("a.cn").sub("api");
    sweep.run("normal", create().record("A", "192.0.2.2").wait().fast());
    sweep.run("dry", create().record("A", "192.0.2.4").dry_run());
    let unknown = env
        .record_create()
        .domains("nosuch.cn")
        .record("A", "192.0.2.2");
    sweep.run("failing", unknown);
    let modify = || env.record_modify().domains("a.cn").select("api", "A");
    sweep.run("dry", modify().change("value", "192.0.2.3").dry_run());
    sweep.run(
        "normal",
        modify().change("value", "192.0.2.3").wait().fast(),
    );
    let none = env.record_modify().domains("a.cn").select("nothing", "A");
    sweep.run("failing", none.change("ttl", 60));
    let delete = || {
        env.dpbatch([
            "record-delete",
            "--domain",
            "a.cn",
            "--sub",
            "api",
            "--type",
            "A",
        ])
    };
    sweep.run("dry", delete().dry_run());
    sweep.run("failing without --yes", delete());
    sweep.run("normal", delete().args(["--yes", "--wait"]).fast());
}

fn followers(sweep: &mut Sweep, env: &Env) {
    let job = env.domain_create("c.cn").submit();
    sweep.run("normal", env.wait(job));
    sweep.run("normal", env.detail(job));
    sweep.run("failing", env.detail(999_999));
    sweep.run("normal", env.dpbatch(["jobs"]));
    sweep.run("failing", env.dpbatch(["jobs", "--profile", "nosuch"]));
    sweep.run("dry", env.dpbatch(["jobs", "--prune", "1h", "--dry-run"]));
    sweep.run("dry", env.dpbatch(["retry", "--last", "--dry-run"]));
    sweep.run("normal", env.dpbatch(["retry", "--last"]));
    sweep.run("failing", env.dpbatch(["retry", "999999"]));
    sweep.run("normal", env.dpbatch(["resume", "--last"]));
    sweep.run("dry", env.dpbatch(["resume", "--last", "--dry-run"]));
    sweep.run("failing", env.dpbatch(["resume", "999999"]));
}

fn undo(sweep: &mut Sweep, env: &Env) {
    let modify = env
        .record_modify()
        .record_ids(118_332_373)
        .change("ttl", 60);
    modify.wait().fast().run().code(0);
    sweep.run("dry", env.dpbatch(["undo", "--last", "--dry-run"]));
    sweep.run(
        "normal",
        env.dpbatch(["undo", "--last", "--wait"]).args(FAST),
    );
    sweep.run("failing", env.dpbatch(["undo", "999999"]));
}

fn desired(sweep: &mut Sweep, env: &Env) {
    let zones = env.home().join("zones");
    let dir = zones.to_str().expect("a UTF-8 test path");
    sweep.run("normal", env.dpbatch(["export", "--domain", "a.cn"]));
    let export = [
        "export", "--domain", "a.cn", "--format", "zone", "--out", dir,
    ];
    sweep.run("normal", env.dpbatch(export));
    sweep.run("failing", env.dpbatch(["export", "--domain", "nosuch.cn"]));
    let zone = zones.join("a.cn.zone");
    let text = std::fs::read_to_string(&zone).expect("the exported zone");
    std::fs::write(&zone, format!("{text}new 600 IN A 192.0.2.9\n")).unwrap();
    sweep.run("normal", env.dpbatch(["plan", dir]));
    sweep.run("failing", env.dpbatch(["plan", "no-such-dir"]));
    sweep.run("dry", env.dpbatch(["apply", dir, "--dry-run"]));
    sweep.run("normal", env.dpbatch(["apply", dir, "--wait"]).args(FAST));
    sweep.run("failing", env.dpbatch(["apply", "--plan", "no-such.json"]));
}

#[test]
fn chinese_users_read_no_english_sentence_from_dpbatch() {
    let mut sweep = Sweep::default();
    help_pages(&mut sweep);
    for api in Api::BOTH {
        let env = Env::on(api);
        submits(&mut sweep, &env);
        followers(&mut sweep, &env);
        undo(&mut sweep, &env);
        desired(&mut sweep, &env);
    }
    let faults = sweep.faults();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn english_is_three_words_in_a_row_outside_quotes_options_urls_and_json() {
    let runs = english_runs("dpbatch: error: could not read `a file`: no such file");
    assert_eq!(runs, ["dpbatch: error: could not read", "no such file"]);
    assert!(english_runs("dpbatch: 错误：无法读取 `the history file`").is_empty());
    assert!(english_runs("读取 the `x` of it").is_empty());
    assert!(english_runs("示例：dpbatch retry --last --dry-run --wait").is_empty());
    assert!(english_runs("见 https://docs.dnspod.cn/api/record list").is_empty());
    assert!(english_runs(r#"{"status": "the job is done"}"#).is_empty());
    assert!(english_runs("提示：\"Domain is not under this account\"").is_empty());
    assert_eq!(english_runs("a.cn  www  A  默认"), Vec::<String>::new());
    assert_eq!(english_runs("we don't send it"), ["we don't send it"]);
    assert_eq!(
        english_runs("DOMAIN  HOST  TYPE  LINE"),
        ["DOMAIN HOST TYPE LINE"]
    );
    let usage = "用法: dpbatch retry [OPTIONS] <JOB_ID|--last> [可选值：area, value, ttl]";
    assert!(english_runs(usage).is_empty());
}
