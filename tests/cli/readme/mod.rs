//! README's walk-through, CI recipe and worked examples run as written, against a fake on a
//! free port in a clean HOME: a README change that breaks a command fails here. Which
//! blocks run, and how, is up to the markers README puts before them (see `parse`).

mod parse;

use fake_dnspod::{Config, FakeDnspod, Progress};
use parse::{Group, Step};
use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The address README's commands name; each group's fake is on a free port instead.
const README_ADDR: &str = "127.0.0.1:8053";
/// How README starts a fake; the test starts one in process with the same options.
const START_FAKE: &str = "cargo run -p fake-dnspod --";

/// The command sections whose examples must run; `man` and `completions` write files
/// and print scripts, and are tested by `generated`.
const COMMAND_SECTIONS: [&str; 13] = [
    "domain-create",
    "record-create",
    "record-modify",
    "record-delete",
    "resume",
    "detail",
    "wait",
    "retry",
    "export",
    "plan",
    "apply",
    "undo",
    "jobs",
];

#[test]
fn readme_commands_exit_as_the_text_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let groups = parse::groups(&readme);
    let headings: Vec<&str> = groups.iter().map(|g| g.heading.as_str()).collect();
    for needed in ["Try it offline", "In CI, with jq"] {
        assert!(
            headings.contains(&needed),
            "{needed} is not tested: {headings:?}"
        );
    }
    // Issue 22: each command section's worked examples run.
    for command in COMMAND_SECTIONS {
        let section = format!("`{command}");
        assert!(
            headings.iter().any(|h| h.starts_with(&section)),
            "README's {command} section is not tested: {headings:?}"
        );
    }
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = groups
            .iter()
            .map(|g| scope.spawn(|| run_group(g)))
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().unwrap().err())
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The fake a group's commands talk to, restarted on the same address as README says.
struct Fake {
    server: Option<FakeDnspod>,
    addr: SocketAddr,
}

impl Fake {
    fn start() -> Fake {
        let server = FakeDnspod::start_with(config(&[]));
        let addr: SocketAddr = server.url().trim_start_matches("http://").parse().unwrap();
        Fake {
            server: Some(server),
            addr,
        }
    }

    /// `cargo run -p fake-dnspod -- ARGS`: the old fake stops and a new one starts. It
    /// takes a free port rather than wait for the old one, and the variables the reader
    /// exported are moved to it (`work`'s `state.sh`), as if it had the old port.
    fn restart(&mut self, args: &str, work: &Path) {
        drop(self.server.take());
        let args: Vec<&str> = args.split_whitespace().collect();
        let server = FakeDnspod::start_with(config(&args));
        hold(&server, &args);
        let addr: SocketAddr = server.url().trim_start_matches("http://").parse().unwrap();
        let state = work.join("state.sh");
        if let Ok(text) = std::fs::read_to_string(&state) {
            let moved = text.replace(&self.addr.to_string(), &addr.to_string());
            std::fs::write(&state, moved).unwrap();
        }
        self.addr = addr;
        self.server = Some(server);
    }
}

/// The standalone fake's configuration for these command-line options: seeded, its job ids
/// from the clock, so a restart never reuses one.
fn config(args: &[&str]) -> Config {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let mut config = Config {
        seed: true,
        first_job: millis as u64,
        ..Config::default()
    };
    if let Some(first) = option(args, "--first-job") {
        config.first_job = first.parse().unwrap();
    }
    config.job_limits = !args.contains(&"--no-job-limits");
    if let Some(secs) = option(args, "--elapsed") {
        config.progress = Progress::Elapsed(Duration::from_secs_f64(secs.parse().unwrap()));
    }
    for arg in args.iter().filter(|a| a.starts_with("--")) {
        let known = [
            "--addr",
            "--elapsed",
            "--held-slots",
            "--held-refusals",
            "--held-for",
            "--first-job",
            "--no-job-limits",
        ];
        assert!(
            known.contains(arg),
            "README starts a fake with {arg}: teach tests/cli/readme"
        );
    }
    config
}

/// `--held-slots N` with `--held-refusals K` or `--held-for MS`.
fn hold(server: &FakeDnspod, args: &[&str]) {
    let Some(slots) = option(args, "--held-slots") else {
        return;
    };
    let slots = slots.parse().unwrap();
    match (option(args, "--held-refusals"), option(args, "--held-for")) {
        (Some(k), _) => server.hold_slots_for_refusals(slots, k.parse().unwrap()),
        (None, Some(ms)) => {
            server.hold_slots_for(slots, Duration::from_millis(ms.parse().unwrap()))
        }
        (None, None) => server.hold_slots(slots),
    }
}

fn option<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    args.iter().position(|a| *a == name).map(|at| args[at + 1])
}

/// Runs a group's steps in order, in one clean HOME; the first command that exits other
/// than README says fails it, named with its README line.
fn run_group(group: &Group) -> Result<(), String> {
    let work = tempfile::tempdir().unwrap();
    let bin = work.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(
        assert_cmd::cargo::cargo_bin!("dpbatch"),
        bin.join("dpbatch"),
    )
    .unwrap();
    for dir in ["home", "run"] {
        std::fs::create_dir_all(work.path().join(dir)).unwrap();
    }
    let mut fake = Fake::start();
    let mut script = String::new();
    for step in &group.steps {
        match step {
            Step::Command { text, .. } if text.starts_with(START_FAKE) => {
                let segment =
                    std::mem::take(&mut script).replace(README_ADDR, &fake.addr.to_string());
                run_segment(work.path(), &segment, &group.heading)?;
                fake.restart(&text[START_FAKE.len()..], work.path());
            }
            step => script.push_str(&checked(step, work.path())),
        }
    }
    let script = script.replace(README_ADDR, &fake.addr.to_string());
    run_segment(work.path(), &script, &group.heading)
}

/// A step as shell text that stops the segment with 99 when its exit code is not README's.
fn checked(step: &Step, work: &Path) -> String {
    let (line, command, exit) = match step {
        Step::Command { line, text, exit } => (*line, text.clone(), *exit),
        Step::Script {
            line,
            text,
            env,
            exit,
        } => {
            let file = work.join(format!("block-{line}.sh"));
            std::fs::write(&file, text).unwrap();
            let vars: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let command = format!("env {} bash {}", vars.join(" "), file.display());
            (*line, command, *exit)
        }
    };
    format!(
        "{command}\nrc=$?; if [ \"$rc\" != {exit} ]; then echo \"README.md:{line}: exit $rc, README says {exit}\" >&2; exit 99; fi\n"
    )
}

/// Runs `script` with the variables earlier segments exported, and keeps its own for the
/// next (a fake restart splits a group, as README's reader keeps their terminal).
fn run_segment(work: &Path, script: &str, heading: &str) -> Result<(), String> {
    if script.is_empty() {
        return Ok(());
    }
    let state = work.join("state.sh");
    let text = format!(
        "set -o pipefail\n[ -f '{0}' ] && . '{0}'\n{script}export -p > '{0}'\n",
        state.display()
    );
    let path = format!(
        "{}:/usr/local/bin:/usr/bin:/bin",
        work.join("bin").display()
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(&text)
        .env_clear()
        .env("PATH", path)
        .env("HOME", work.join("home"))
        .current_dir(work.join("run"))
        .output()
        .expect("bash runs");
    match output.status.code() {
        Some(0) => Ok(()),
        code => Err(format!(
            "README section \"{heading}\" failed ({code:?}):\n{}\n--- stdout:\n{}",
            String::from_utf8_lossy(&output.stderr),
            String::from_utf8_lossy(&output.stdout)
        )),
    }
}
