//! The harness every end-to-end test uses: a fake DNSPod on loopback, a private home and
//! config directory, and the real `dpbatch` binary run with a hermetic environment.

mod cmd;
mod golden;

pub use cmd::Cmd;
pub use golden::assert_current;

use assert_cmd::cargo::cargo_bin;
use fake_dnspod::{
    Config, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, DEFAULT_TOKEN, FakeDnspod, Request, TemporaryKey,
};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempDir;

/// The part of the fake's token no output may ever show.
pub fn secret() -> &'static str {
    DEFAULT_TOKEN.split_once(',').expect("ID,SECRET").1
}

pub const EMAIL: &str = "ci@example.com";

/// The session token of the temporary keys tests configure; no output may show it.
pub const TEMPORARY_TOKEN: &str = "fake-session-token-0123456789";

/// Fast polling against the fake: no test sleeps for real seconds.
pub const FAST: [&str; 2] = ["--interval", "10ms"];

/// Which API a test's runs talk to; the fake speaks both over one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Api {
    Legacy,
    V3,
}

impl Api {
    pub const BOTH: [Api; 2] = [Api::Legacy, Api::V3];

    /// The action this API calls what the legacy API calls `legacy`.
    pub fn action(self, legacy: &str) -> &str {
        let v3 = match legacy {
            "Batch.Domain.Create" => "CreateDomainBatch",
            "Batch.Record.Create" => "CreateRecordBatch",
            "Batch.Record.Modify" => "ModifyRecordBatch",
            "Batch.Detail" => "DescribeBatchTask",
            "Domain.Info" => "DescribeDomain",
            "Domain.List" => "DescribeDomainList",
            "Record.List" => "DescribeRecordList",
            // The legacy API deletes one record a call; API 3.0 deletes in a job.
            "Record.Remove" => "DeleteRecordBatch",
            other => panic!("no API 3.0 twin for {other}"),
        };
        match self {
            Api::Legacy => legacy,
            Api::V3 => v3,
        }
    }
}

pub struct Env {
    pub server: FakeDnspod,
    pub api: Api,
    home: TempDir,
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The bare job id a submit prints on stdout.
    pub fn job_id(&self) -> u64 {
        self.stdout
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("stdout is not a job id: {self:?}"))
    }

    /// The job id a table's summary line names (`job 39581 (domain): ...`): what a
    /// `--wait` run prints instead of the bare id.
    pub fn summary_job_id(&self) -> u64 {
        self.stdout
            .lines()
            .last()
            .and_then(|line| line.strip_prefix("job "))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("stdout ends in no job summary: {self:?}"))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    /// A `--dry-run --json` run's stdout: its summary line, then each request, every
    /// line one JSON document.
    pub fn dry_json(&self) -> (serde_json::Value, Vec<serde_json::Value>) {
        let mut lines = self.stdout.lines().map(|line| {
            serde_json::from_str::<serde_json::Value>(line)
                .unwrap_or_else(|e| panic!("a line of stdout is not JSON ({e}): {self:?}"))
        });
        let summary = lines.next().expect("a dry run prints its summary first");
        assert!(summary["summary"].is_object(), "no summary first: {self:?}");
        (summary, lines.collect())
    }

    /// The one document a `--dry-run --json` run prints after its summary: a request,
    /// or a selection.
    pub fn dry_result(&self) -> serde_json::Value {
        let (_, requests) = self.dry_json();
        assert_eq!(requests.len(), 1, "not one document: {self:?}");
        requests.into_iter().next().unwrap()
    }

    /// Asserts the exit code, showing the whole run when it differs.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, expected, "unexpected exit code: {self:#?}");
        self
    }

    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}: {self:#?}"
        );
        self
    }

    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}: {self:#?}"
        );
        self
    }
}

impl Env {
    pub fn new() -> Env {
        Env::with(Config::default())
    }

    pub fn with(config: Config) -> Env {
        Env::with_on(config, Api::Legacy)
    }

    /// A fresh fake, with every run of the binary on `api`.
    pub fn on(api: Api) -> Env {
        Env::with_on(Config::default(), api)
    }

    pub fn with_on(config: Config, api: Api) -> Env {
        Env {
            server: FakeDnspod::start_with(config),
            api,
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A fake on API 3.0 that also takes a temporary key, which only counts with its
    /// session token [`TEMPORARY_TOKEN`]; the key, for a run to send.
    pub fn with_temporary_key() -> (Env, TemporaryKey) {
        let key = TemporaryKey {
            secret_id: "AKIDtemporaryKey00000000000000000000".into(),
            secret_key: "temporarySecretKey00000000000000".into(),
            token: TEMPORARY_TOKEN.into(),
        };
        let config = Config {
            temporary: Some(key.clone()),
            ..Config::default()
        };
        (Env::with_on(config, Api::V3), key)
    }

    /// Every request the fake received for what the legacy API calls `legacy_action`,
    /// on this test's API.
    pub fn calls(&self, legacy_action: &str) -> Vec<Request> {
        self.requests(self.api.action(legacy_action))
    }

    /// The default config path inside this test's private config directory.
    pub fn default_config_path(&self) -> PathBuf {
        self.home
            .path()
            .join("xdg")
            .join("dpbatch")
            .join("config.toml")
    }

    /// Writes a config file (mode 600 on Unix) and returns its path.
    pub fn write_config(&self, name: &str, text: &str) -> PathBuf {
        let path = if name == "default" {
            self.default_config_path()
        } else {
            self.home.path().join(name)
        };
        std::fs::create_dir_all(path.parent().expect("parent")).expect("config dir");
        std::fs::write(&path, text).expect("config file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        path
    }

    /// Writes tccli's credential file `~/.tccli/NAME.credential` (`../x` reaches outside
    /// it), mode 600, holding the fake's API 3.0 keys and `extra` fields.
    pub fn tccli_profile(&self, name: &str, extra: &str) -> PathBuf {
        let path = self
            .home()
            .join(".tccli")
            .join(format!("{name}.credential"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("tccli dir");
        let text = format!(
            r#"{{"secretId": "{DEFAULT_SECRET_ID}", "secretKey": "{DEFAULT_SECRET_KEY}"{extra}}}"#
        );
        std::fs::write(&path, text).expect("tccli file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        path
    }

    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.home.path().join(name);
        std::fs::write(&path, text).expect("input file");
        path
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The job history file dpbatch writes in this test's private data directory.
    pub fn history_path(&self) -> PathBuf {
        self.home
            .path()
            .join("data")
            .join("dpbatch")
            .join("jobs.jsonl")
    }

    /// The history's lines, each parsed as the JSON object dpbatch wrote.
    pub fn history_lines(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.history_path())
            .expect("history")
            .lines()
            .map(|l| serde_json::from_str(l).expect("a history line is JSON"))
            .collect()
    }

    /// Edits the history's lines and writes them back, one a line: how tests play an
    /// older dpbatch or a tampered file.
    pub fn rewrite_history(&self, edit: impl FnOnce(&mut Vec<serde_json::Value>)) {
        let mut lines = self.history_lines();
        edit(&mut lines);
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(self.history_path(), text).expect("history written");
    }

    /// Clears `cmd`'s environment and gives it this test's own: private home, config and
    /// data directories (so nothing touches the real user's files), no proxy, no colour,
    /// the fake as endpoint and its token. Every way of running the binary goes through it.
    pub fn hermetic<'c>(
        &self,
        cmd: &'c mut std::process::Command,
    ) -> &'c mut std::process::Command {
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("xdg"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("NO_COLOR", "1")
            .env("DPBATCH_ENDPOINT", self.server.url())
            .env("DPBATCH_EMAIL", EMAIL);
        match self.api {
            Api::Legacy => cmd.env("DNSPOD_TOKEN", DEFAULT_TOKEN),
            Api::V3 => cmd
                .env("DPBATCH_API", "v3")
                .env("TENCENTCLOUD_SECRET_ID", DEFAULT_SECRET_ID)
                .env("TENCENTCLOUD_SECRET_KEY", DEFAULT_SECRET_KEY),
        }
    }

    /// The binary as a plain process, for tests that signal it or read its pipes.
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(cargo_bin!("dpbatch"));
        self.hermetic(&mut cmd);
        cmd
    }

    /// The binary, hermetic, with a timeout so that a hang fails the test.
    pub fn command(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.process());
        cmd.timeout(Duration::from_secs(30));
        cmd
    }

    /// Runs `dpbatch ARGS` and checks what every run must honour: the secret appears in
    /// no output, and stdout has no terminal escapes.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_command(self.command().args(args))
    }

    /// `dpbatch export --all --format zone --out DIR`: a zone file a domain under `dir`.
    pub fn export_zones(&self, dir: &Path) -> Run {
        let dir = dir.to_str().expect("a UTF-8 test path");
        self.run(&["export", "--all", "--format", "zone", "--out", dir])
    }

    /// The older spelling of `env.dpbatch(ARGS).stdin(TEXT).run()`, kept while tests on
    /// other branches may still call it.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.run_command(self.command().args(args).write_stdin(stdin))
    }

    pub fn run_command(&self, cmd: &mut assert_cmd::Command) -> Run {
        let output = cmd.output().expect("dpbatch runs");
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert_no_secret(&run.stdout, "stdout");
        assert_no_secret(&run.stderr, "stderr");
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
            "terminal escapes off a terminal: {run:#?}"
        );
        run
    }

    /// Every request the fake received for `action`.
    pub fn requests(&self, action: &str) -> Vec<Request> {
        self.server
            .requests()
            .into_iter()
            .filter(|r| r.action == action)
            .collect()
    }

    /// The fake saw nothing at all: for input and config errors.
    pub fn assert_nothing_sent(&self) {
        let requests = self.server.requests();
        assert!(
            requests.is_empty(),
            "requests were sent: {:?}",
            requests.iter().map(|r| &r.action).collect::<Vec<_>>()
        );
    }

    /// Starts `dpbatch ARGS` with piped output and returns once the fake has received
    /// `count` `action` requests, or `within` has passed.
    pub fn spawn_and_await(
        &self,
        args: &[&str],
        action: &str,
        count: usize,
        within: Duration,
    ) -> std::process::Child {
        let child = self
            .process()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let deadline = std::time::Instant::now() + within;
        while self.requests(action).len() < count && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        child
    }

    /// Submits a domain job through the binary and returns its id.
    pub fn submit_domains(&self, domains: &str) -> u64 {
        self.run(&["domain-create", domains]).code(0).job_id()
    }
}

/// Fails if `text` holds a secret of the fake, as it is or in any spelling a JSON reader
/// decodes (`\u0066ake-...`, `\/`): what every output and written file must honour.
pub fn assert_no_secret(text: &str, what: &str) {
    let decoded = json_unescaped(text);
    for secret in [secret(), DEFAULT_SECRET_KEY, TEMPORARY_TOKEN] {
        assert!(
            !text.contains(secret) && !decoded.contains(secret),
            "a secret leaked in {what}: {text}"
        );
    }
}

/// `text` with JSON's `\uXXXX` and `\/` escapes decoded (a lone surrogate as U+FFFD).
fn json_unescaped(text: &str) -> String {
    let mut units = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let hex = rest
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        if let (true, Some(hex)) = (rest.starts_with("\\u"), hex) {
            units.push(u16::from_str_radix(hex, 16).expect("hex"));
            rest = &rest[6..];
        } else if rest.starts_with("\\/") {
            units.push(u16::from(b'/'));
            rest = &rest[2..];
        } else {
            units.extend(c.encode_utf16(&mut [0; 2]).iter());
            rest = &rest[c.len_utf8()..];
        }
    }
    String::from_utf16_lossy(&units)
}

/// Presses Ctrl-C in the process `pid` (SIGINT, through kill(1)).
pub fn interrupt(pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -INT {pid}");
}

/// Waits for `child` at most `limit`, for tests whose point is that the binary ends
/// promptly; past it the child is killed and the test fails, rather than hanging.
pub fn exits_within(mut child: std::process::Child, limit: Duration) -> std::process::Output {
    let deadline = std::time::Instant::now() + limit;
    while child.try_wait().expect("try_wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("dpbatch still runs {limit:?} later");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// `d01.cn` to `dNN.cn`, comma-separated.
pub fn names(count: usize) -> String {
    (1..=count)
        .map(|i| format!("d{i:02}.cn"))
        .collect::<Vec<_>>()
        .join(",")
}

/// IDs as the API takes them: comma-separated.
pub fn ids(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// A form as `name=value` strings, in the order sent.
pub fn form(request: &Request) -> Vec<String> {
    request
        .form
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect()
}

/// The domains a domain-create request asked for, on either API.
pub fn sent_domains(api: Api, request: &Request) -> Vec<String> {
    match api {
        Api::Legacy => request
            .param("domains")
            .unwrap_or_default()
            .split(',')
            .map(str::to_owned)
            .collect(),
        Api::V3 => request.json().unwrap()["DomainList"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_owned())
            .collect(),
    }
}
