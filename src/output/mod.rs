//! Everything the user sees. Results go to stdout (table or JSON, decided once); hints,
//! warnings, progress and errors go to stderr.

mod json;
mod progress;
mod table;

use crate::escape::{self, visible};

pub(crate) use progress::{LookupProgress, Progress};

use crate::backend::DryRun;
use crate::history::Entry;
use crate::input::values::display_duration;
use crate::job::Job;
use crate::resolve::Selected;
use crate::wait::{Policy, WaitOutcome};
use anyhow::Context;
use std::io::{self, BufWriter, IsTerminal, Write};

/// How results are shown, decided once per run.
pub(crate) struct Output {
    json: bool,
    quiet: bool,
    /// Where results go in unit tests, instead of stdout.
    #[cfg(test)]
    captured: Option<std::rc::Rc<std::cell::RefCell<Vec<u8>>>>,
    color: bool,
    progress_bar: bool,
}

impl Output {
    pub(crate) fn new(json: bool, quiet: bool) -> Output {
        // An empty NO_COLOR counts as unset (no-color.org).
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            json,
            quiet,
            #[cfg(test)]
            captured: None,
            color: !no_color && io::stdout().is_terminal(),
            progress_bar: !quiet && io::stderr().is_terminal(),
        }
    }

    /// An output whose results a unit test reads back (as JSON with `json`), with no
    /// hints, colour or progress bar.
    #[cfg(test)]
    pub(crate) fn captured(json: bool) -> (Output, std::rc::Rc<std::cell::RefCell<Vec<u8>>>) {
        let sink = std::rc::Rc::default();
        let output = Output {
            json,
            quiet: true,
            captured: Some(std::rc::Rc::clone(&sink)),
            color: false,
            progress_bar: false,
        };
        (output, sink)
    }

    /// A warning on stderr; shown even under `--quiet`. (In unit tests it goes with the
    /// captured results, marked, so that tests can read it and the test log stays clean.)
    pub(crate) fn warn(&self, message: &str) {
        #[cfg(test)]
        if let Some(captured) = &self.captured {
            let line = format!("stderr: warning: {message}\n");
            captured.borrow_mut().extend_from_slice(line.as_bytes());
            return;
        }
        warn(message);
    }

    /// A line on stderr about what is being done; `--quiet` silences it.
    pub(crate) fn note(&self, message: &str) {
        if !self.quiet {
            log(message);
        }
    }

    /// A hint on stderr; `--quiet` silences it.
    pub(crate) fn hint(&self, message: &str) {
        if !self.quiet {
            log(&format!("hint: {message}"));
        }
    }

    /// The job id of a submit without `--wait`: bare, so `JOB=$(dpbatch ...)` works.
    pub(crate) fn submitted(&self, job_id: u64, command: &str) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                json::write_submitted(out, job_id, command)
            } else {
                writeln!(out, "{job_id}")
            }
        })
    }

    /// Bytes made elsewhere (a completion script), as they are.
    pub(crate) fn raw(&self, bytes: &[u8]) -> anyhow::Result<()> {
        self.write_stdout(|out| out.write_all(bytes))
    }

    /// A job's items and the summary line.
    pub(crate) fn job(&self, job_id: u64, detail: &Job) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                json::write_job(out, job_id, detail)
            } else {
                table::write_job(out, job_id, detail, self.color)
            }
        })
    }

    /// A job as `detail` shows it, and on stderr whether it finished with failures.
    pub(crate) fn job_and_verdict(&self, job_id: u64, job: &Job) -> anyhow::Result<()> {
        self.job(job_id, job)?;
        let tally = job.tally();
        if tally.finished() && tally.failed > 0 {
            log(&format!(
                "job {job_id} finished with {} of {} items failed",
                tally.failed, tally.total
            ));
        }
        Ok(())
    }

    /// Where following a job ended: the job as last seen, and how to resume if it goes on.
    pub(crate) fn followed(
        &self,
        job_id: u64,
        ended: &WaitOutcome,
        policy: &Policy,
    ) -> anyhow::Result<()> {
        let resume = format!("resume with `dpbatch wait {job_id}`");
        match ended {
            WaitOutcome::Finished(job) => self.job_and_verdict(job_id, job)?,
            WaitOutcome::TimedOut(last) => {
                let pending = last.as_ref().map(Job::tally).map_or_else(
                    || "its items' state is unknown".to_owned(),
                    |t| {
                        format!(
                            "{} of {} items still waiting or running",
                            t.waiting + t.running,
                            t.total
                        )
                    },
                );
                if let Some(job) = last {
                    self.job(job_id, job)?;
                }
                log(&format!(
                    "timed out after {} waiting for job {job_id} ({pending}); the job goes on: {resume}",
                    display_duration(policy.timeout.unwrap_or_default())
                ));
            }
            WaitOutcome::Interrupted => {
                log(&format!("interrupted; job {job_id} goes on: {resume}"));
            }
        }
        Ok(())
    }

    /// The job history, newest first.
    pub(crate) fn jobs(&self, entries: &[Entry]) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                json::write_jobs(out, entries)
            } else {
                table::write_jobs(out, entries)
            }
        })
    }

    /// The records `record-modify` selected, with those it will skip marked: on stderr
    /// before submitting, or on stdout as the result of `--dry-run`.
    pub(crate) fn selection(
        &self,
        rows: &[(bool, &Selected)],
        to_stdout: bool,
    ) -> anyhow::Result<()> {
        if !to_stdout && self.quiet {
            return Ok(());
        }
        let render = |out: &mut dyn Write| {
            if self.json {
                json::write_selection(out, rows)
            } else {
                table::write_selection(out, rows)
            }
        };
        if to_stdout {
            self.write_stdout(render)
        } else {
            render(&mut io::stderr().lock()).context("could not write to stderr")
        }
    }

    pub(crate) fn dry_run(&self, request: &DryRun) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                json::write_dry_run(out, request)
            } else {
                // One line per parameter, whatever a value holds: CR/LF shows as `\r\n`.
                writeln!(out, "{} {}", request.method, request.url)?;
                writeln!(out, "User-Agent: {}", visible(&request.user_agent))?;
                writeln!(out, "Content-Type: {}", request.content_type)?;
                for (name, value) in &request.headers {
                    writeln!(out, "{name}: {}", visible(value))?;
                }
                writeln!(out)?;
                for (name, value) in &request.form {
                    writeln!(out, "{name}={}", visible(value))?;
                }
                if let Some(body) = &request.body {
                    writeln!(out, "{}", visible(body))?;
                }
                Ok(())
            }
        })
    }

    /// Writes through one locked, buffered stdout and flushes, so a closed pipe surfaces as an
    /// error here (and exits quietly) rather than as a panic in `println!`.
    fn write_stdout(
        &self,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        #[cfg(test)]
        if let Some(captured) = &self.captured {
            return render(&mut *captured.borrow_mut()).context("could not write the result");
        }
        let mut out = BufWriter::new(io::stdout().lock());
        render(&mut out)
            .and_then(|()| out.flush())
            .context("could not write to stdout")
    }

    /// The progress display for waiting on `job_id`: a bar on a terminal, else nothing.
    pub(crate) fn progress(&self, job_id: u64) -> Progress {
        Progress::new(job_id, self.progress_bar)
    }

    /// The progress display for looking up `total` domains: a bar on a terminal.
    pub(crate) fn lookup_progress(&self, total: usize) -> LookupProgress {
        LookupProgress::new(total, self.progress_bar)
    }
}

/// A warning on stderr; shown even under `--quiet`.
pub(crate) fn warn(message: &str) {
    log(&format!("warning: {message}"));
}

/// One `dpbatch: ` message on stderr, its control characters escaped but for its own
/// line breaks (server text reaches it escaped whole, so it cannot forge a line). A
/// failing stderr has nowhere to report to, so it is ignored.
pub(crate) fn log(message: &str) {
    let message = escape::visible_except(message, &['\n']);
    let _ = writeln!(io::stderr().lock(), "dpbatch: {message}");
}
