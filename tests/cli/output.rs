//! Scripts first: stdout carries only the result, stderr the rest; verbose logs stay
//! token-free; a closed pipe is not an error.

use crate::support::{Env, secret};
use std::io::Read;
use std::process::Stdio;

#[test]
fn verbose_logs_each_request_on_stderr_with_the_token_redacted() {
    let env = Env::new();
    let run = env
        .dpbatch(["-v", "domain-create", "a.cn"])
        .wait()
        .fast()
        .run();
    run.code(0)
        .stderr_has("POST http://127.0.0.1")
        .stderr_has("login_token=520001,<redacted>")
        .stderr_has("Batch.Detail answered HTTP 200");
    assert!(!run.stdout.contains("POST"), "logs stay off stdout");
}

#[test]
fn quiet_keeps_stderr_empty_on_success() {
    let env = Env::new();
    let run = env
        .dpbatch(["-q", "domain-create", "a.cn"])
        .wait()
        .fast()
        .run();
    assert!(run.code(0).stderr.is_empty(), "{run:#?}");
}

#[test]
fn no_colour_off_a_terminal_even_without_no_color() {
    let env = Env::new();
    // The harness asserts no escape in any output; here NO_COLOR is not even set.
    let run = env.domain_create("a.cn,fail-b.cn").wait().fast();
    run.env_remove("NO_COLOR").run().code(4).stdout_has("error");
}

/// Runs dpbatch under a pseudo-terminal (`script` from util-linux) and returns what the
/// terminal showed, stdout and stderr together.
fn on_a_terminal(env: &Env, args: &str, no_color: bool) -> String {
    let command = format!(
        "{} {args}",
        assert_cmd::cargo::cargo_bin!("dpbatch").display()
    );
    let mut script = std::process::Command::new("script");
    env.hermetic(script.args(["-qec", &command, "/dev/null"]))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "xterm");
    if !no_color {
        script.env_remove("NO_COLOR");
    }
    let output = script.output().expect("`script` (util-linux) runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_terminal_gets_colour_and_a_progress_bar_unless_no_color() {
    let env = Env::with(fake_dnspod::Config {
        progress: fake_dnspod::Progress::PerPoll {
            waiting: 2,
            running: 6,
        },
        ..fake_dnspod::Config::default()
    });
    let job = env.submit_domains("a.cn,b.cn");
    let shown = on_a_terminal(&env, &format!("wait {job} --interval 100ms"), false);
    assert!(shown.contains("\u{1b}[32mok"), "coloured status: {shown:?}");
    assert!(
        shown.contains(&format!("job {job} [")) && shown.contains("items ok "),
        "progress bar with counts: {shown:?}"
    );
    let plain = on_a_terminal(&env, &format!("detail {job}"), true);
    assert!(
        plain.contains("2 ok") && !plain.contains("\u{1b}["),
        "NO_COLOR: {plain:?}"
    );
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let env = Env::new();
    let job = env.server.create_domain_job(2000, 2);
    env.server.finish_all();
    let mut child = env
        .process()
        .args(["--json", "detail", &job.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one byte, like `head -c1`, then close the pipe on a far larger answer.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(first, *b"{");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn help_and_version_go_to_stdout() {
    let env = Env::new();
    env.run(&["--help"])
        .code(0)
        .stdout_has("record-modify")
        .stdout_has("Exit codes");
    env.run(&["--version"])
        .code(0)
        .stdout_has(env!("CARGO_PKG_VERSION"));
    let help = env.run(&["record-create", "--help"]);
    help.code(0)
        .stdout_has("--records-file")
        .stdout_has("DNSPOD_TOKEN");
    assert!(
        !help.stdout.contains(secret()),
        "env values of the token are hidden from help"
    );
    env.assert_nothing_sent();
}
