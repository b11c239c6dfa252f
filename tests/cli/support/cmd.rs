//! Command builders: one run of `dpbatch`, spelled once, e.g.
//! `env.domain_create("a.cn").value("1.2.3.4").wait().fast().json().run()`.

use super::{Env, FAST, Run};
use std::ffi::OsString;
use std::fmt::Display;

/// A run of the binary being built; [`Cmd::run`] runs it through [`Env::run_command`], so
/// it gets the hermetic environment and the checks every run must pass.
#[must_use = "a command does nothing until it is run"]
pub struct Cmd<'e> {
    env: &'e Env,
    args: Vec<String>,
    stdin: Option<String>,
    vars: Vec<(String, Option<OsString>)>,
}

impl Env {
    /// `dpbatch ARGS`, for what has no builder of its own.
    pub fn dpbatch<S: Into<String>>(&self, args: impl IntoIterator<Item = S>) -> Cmd<'_> {
        Cmd {
            env: self,
            args: args.into_iter().map(Into::into).collect(),
            stdin: None,
            vars: Vec::new(),
        }
    }

    /// `dpbatch domain-create DOMAINS`.
    pub fn domain_create(&self, domains: &str) -> Cmd<'_> {
        self.dpbatch(["domain-create", domains])
    }

    /// `dpbatch record-create`; name the domains with [`Cmd::domains`] or
    /// [`Cmd::domain_ids`] and the records with [`Cmd::record`].
    pub fn record_create(&self) -> Cmd<'_> {
        self.dpbatch(["record-create"])
    }

    /// `dpbatch record-modify`; name the records with [`Cmd::record_ids`] or a selection
    /// ([`Cmd::domains`] and [`Cmd::select`]), and the change with [`Cmd::change`].
    pub fn record_modify(&self) -> Cmd<'_> {
        self.dpbatch(["record-modify"])
    }

    /// `dpbatch detail JOB`.
    pub fn detail(&self, job: impl Display) -> Cmd<'_> {
        self.dpbatch(["detail".to_owned(), job.to_string()])
    }

    /// `dpbatch wait JOB --interval 10ms`: the fake needs no polite pause.
    pub fn wait(&self, job: impl Display) -> Cmd<'_> {
        self.dpbatch(["wait".to_owned(), job.to_string()]).fast()
    }
}

impl<'e> Cmd<'e> {
    pub fn arg(mut self, arg: impl Display) -> Self {
        self.args.push(arg.to_string());
        self
    }

    pub fn args<S: Display>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(|a| a.to_string()));
        self
    }

    fn flag(self, flag: &str, value: impl Display) -> Self {
        self.arg(flag).arg(value)
    }

    /// `--domain NAMES`.
    pub fn domains(self, names: &str) -> Self {
        self.flag("--domain", names)
    }

    /// `--domain-id IDS`.
    pub fn domain_ids(self, ids: impl Display) -> Self {
        self.flag("--domain-id", ids)
    }

    /// `--record-id IDS`.
    pub fn record_ids(self, ids: impl Display) -> Self {
        self.flag("--record-id", ids)
    }

    /// `--sub HOSTS`.
    pub fn sub(self, hosts: &str) -> Self {
        self.flag("--sub", hosts)
    }

    /// `--value VALUE`.
    pub fn value(self, value: &str) -> Self {
        self.flag("--value", value)
    }

    /// `--type TYPE --value VALUE`: the record a record-create adds.
    pub fn record(self, record_type: &str, value: &str) -> Self {
        self.flag("--type", record_type).value(value)
    }

    /// `--sub HOSTS --type TYPE`: the records a record-modify selects by name.
    pub fn select(self, hosts: &str, record_type: &str) -> Self {
        self.sub(hosts).flag("--type", record_type)
    }

    /// `--change FIELD --to VALUE`.
    pub fn change(self, field: &str, to: impl Display) -> Self {
        self.flag("--change", field).flag("--to", to)
    }

    pub fn wait(self) -> Self {
        self.arg("--wait")
    }

    /// `--interval 10ms`: no test sleeps for real seconds.
    pub fn fast(self) -> Self {
        self.args(FAST)
    }

    pub fn json(self) -> Self {
        self.arg("--json")
    }

    pub fn dry_run(self) -> Self {
        self.arg("--dry-run")
    }

    /// Feeds `text` to the binary's stdin.
    pub fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.to_owned());
        self
    }

    /// Sets an environment variable on top of the hermetic environment.
    pub fn env(mut self, name: &str, value: impl Into<OsString>) -> Self {
        self.vars.push((name.to_owned(), Some(value.into())));
        self
    }

    /// Removes a variable of the hermetic environment (the token, say).
    pub fn env_remove(mut self, name: &str) -> Self {
        self.vars.push((name.to_owned(), None));
        self
    }

    /// The arguments so far, as given to the binary.
    pub fn argv(&self) -> &[String] {
        &self.args
    }

    pub fn run(self) -> Run {
        let mut cmd = self.env.command();
        for (name, value) in &self.vars {
            match value {
                Some(value) => cmd.env(name, value),
                None => cmd.env_remove(name),
            };
        }
        cmd.args(&self.args);
        if let Some(stdin) = &self.stdin {
            cmd.write_stdin(stdin.as_str());
        }
        self.env.run_command(&mut cmd)
    }

    /// Runs a submit that must succeed and returns the job id it printed.
    pub fn submit(self) -> u64 {
        self.run().code(0).job_id()
    }
}
