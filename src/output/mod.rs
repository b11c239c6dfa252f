//! Everything the user sees. Results go to stdout (table or JSON, decided once); hints,
//! warnings, progress and errors go to stderr.

mod dry_run;
mod ended;
mod jobs_json;
mod jobs_table;
mod json;
mod lines;
mod plan;
mod progress;
mod table;
mod undo;
mod words;

use crate::escape::visible;
use crate::stderr::log;
use ended::{interrupted, timed_out, verdict};

pub(crate) use dry_run::DrySummary;
pub(crate) use progress::{LookupProgress, Progress};

use crate::backend::DryRun;
use crate::converge::DomainPlan;
use crate::history::Operation;
use crate::history::Removed;
use crate::job::{Before, Job, Step};
use crate::resolve::Selected;
use crate::undo::Restore;
use crate::wait::{Ended, Watched};
use anyhow::Context;
use indicatif::{MultiProgress, ProgressDrawTarget};
use rust_i18n::t;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::time::Duration;

/// How results are shown, decided once per run.
pub(crate) struct Output {
    json: bool,
    quiet: bool,
    /// Where results go in unit tests, instead of stdout.
    #[cfg(test)]
    captured: Option<std::rc::Rc<std::cell::RefCell<Vec<u8>>>>,
    /// Where stderr lines go in unit tests, in order with the bars' drawing.
    #[cfg(test)]
    stderr: Option<std::sync::Arc<std::sync::Mutex<Vec<String>>>>,
    color: bool,
    /// The bars drawn on a terminal; `None` when there are none (off a terminal, `--quiet`).
    bars: Option<MultiProgress>,
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
            #[cfg(test)]
            stderr: None,
            color: !no_color && io::stdout().is_terminal(),
            bars: (!quiet && io::stderr().is_terminal())
                .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
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
            stderr: None,
            color: false,
            bars: None,
        };
        (output, sink)
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

    /// Everything `from` reads, as it is (an export spooled to a temporary file).
    pub(crate) fn raw_from(&self, from: &mut dyn io::Read) -> anyhow::Result<()> {
        self.write_stdout(|out| io::copy(from, out).map(drop))
    }

    /// Jobs as `detail` shows them, and on stderr which finished with failures.
    pub(crate) fn jobs_and_verdicts(&self, jobs: &[(u64, Job)]) -> anyhow::Result<()> {
        self.write_stdout(|out| match (self.json, jobs) {
            (true, jobs) => jobs
                .iter()
                .try_for_each(|(job_id, job)| json::write_job(out, *job_id, job)),
            (false, [(job_id, job)]) => table::write_job(out, *job_id, job, self.color),
            (false, jobs) => {
                let jobs: Vec<(u64, &Job)> = jobs.iter().map(|(id, job)| (*id, job)).collect();
                table::write_jobs_together(out, &jobs, self.color)
            }
        })?;
        jobs.iter().for_each(|(job_id, job)| verdict(*job_id, job));
        Ok(())
    }

    /// Where following jobs ended: each job as last seen (one table, a summary line
    /// each and a total; JSON Lines), and how to resume if they go on.
    pub(crate) fn followed(
        &self,
        watched: &[Watched],
        ended: Ended,
        timeout: Option<Duration>,
        resume: &str,
    ) -> anyhow::Result<()> {
        let seen: Vec<(u64, &Job)> = watched
            .iter()
            .filter_map(|w| w.last.as_ref().map(|job| (w.job_id, job)))
            .collect();
        // Interrupted, the user asked to stop: nothing more on stdout.
        let shown: &[(u64, &Job)] = if ended == Ended::Interrupted {
            &[]
        } else {
            &seen
        };
        self.write_stdout(|out| match (self.json, shown) {
            (_, []) => Ok(()),
            (true, jobs) => jobs
                .iter()
                .try_for_each(|(job_id, job)| json::write_job(out, *job_id, job)),
            (false, [(job_id, job)]) => table::write_job(out, *job_id, job, self.color),
            (false, jobs) => table::write_jobs_together(out, jobs, self.color),
        })?;
        match ended {
            Ended::Done => seen.iter().for_each(|(job_id, job)| verdict(*job_id, job)),
            Ended::TimedOut => log(&timed_out(watched, &seen, timeout, resume)),
            Ended::Interrupted => log(&interrupted(watched, resume)),
        }
        Ok(())
    }

    /// Whether the result goes out as JSON (`--json`).
    pub(crate) fn is_json(&self) -> bool {
        self.json
    }

    /// The job history, newest first, one operation a row.
    pub(crate) fn jobs(&self, operations: &[Operation]) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                jobs_json::write_jobs(out, operations)
            } else {
                jobs_table::write_jobs(out, operations)
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
            // Buffered: a selection of 30,000 records is some 300,000 small writes.
            let mut err = BufWriter::new(io::stderr().lock());
            render(&mut err)
                .and_then(|()| err.flush())
                .with_context(|| t!("output.stderr_failed"))
        }
    }

    /// What `undo --dry-run` would put back: a table, or a JSON array.
    pub(crate) fn undo_plan(&self, restores: &[Restore]) -> anyhow::Result<()> {
        self.write_stdout(|out| {
            if self.json {
                undo::write_json(out, restores)
            } else {
                undo::write_table(out, restores)
            }
        })
    }

    /// A desired-state plan: its changes on stdout (a table, or JSON Lines), then on
    /// stderr a summary per domain with changes and a total.
    pub(crate) fn plan(&self, plans: &[DomainPlan]) -> anyhow::Result<()> {
        if plans.iter().any(|p| !p.steps.is_empty()) {
            self.write_stdout(|out| match self.json {
                true => plan::write_json(out, plans),
                false => plan::write_table(out, plans),
            })?;
        }
        plan::summaries(plans)
            .iter()
            .for_each(|line| self.note(line));
        Ok(())
    }

    /// The steps of an undo of an apply, as a plan's changes are shown: a table, or JSON
    /// Lines.
    pub(crate) fn steps(&self, steps: &[Step]) -> anyhow::Result<()> {
        self.write_stdout(|out| match self.json {
            true => plan::write_steps_json(out, steps.iter()),
            false => plan::write_steps_table(out, &steps.iter().collect::<Vec<_>>()),
        })
    }

    /// What `apply` is about to do, on stderr (stdout carries only its result, whatever
    /// `--json`): the plan's table, then the summary per domain and the total; `--quiet`
    /// silences both.
    pub(crate) fn applying(&self, plans: &[DomainPlan]) -> anyhow::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let mut err = BufWriter::new(io::stderr().lock());
        plan::write_table(&mut err, plans)
            .and_then(|()| err.flush())
            .with_context(|| t!("output.stderr_failed"))?;
        drop(err);
        plan::summaries(plans)
            .iter()
            .for_each(|line| self.note(line));
        Ok(())
    }

    /// The records an undo of a record-create deletes: the result on stdout (`--dry-run`),
    /// or on stderr before asking for `--yes`.
    pub(crate) fn deletion_plan(&self, records: &[Before], to_stdout: bool) -> anyhow::Result<()> {
        let rows: Vec<(&Before, Option<&Removed>)> = records.iter().map(|c| (c, None)).collect();
        if to_stdout {
            return self.write_stdout(|out| undo::write_deletions(out, &rows, self.json));
        }
        let mut err = BufWriter::new(io::stderr().lock());
        undo::write_deletions(&mut err, &rows, self.json)
            .and_then(|()| err.flush())
            .with_context(|| t!("output.stderr_failed"))
    }

    /// The records about to be deleted, on stderr before anything is sent, as a
    /// selection is; `--quiet` silences it.
    pub(crate) fn deleting(&self, records: &[Before]) -> anyhow::Result<()> {
        match self.quiet {
            true => Ok(()),
            false => self.deletion_plan(records, false),
        }
    }

    /// How each call of a deletion sent one call a record came out.
    pub(crate) fn removals(&self, results: &[(&Before, &Removed)]) -> anyhow::Result<()> {
        let rows: Vec<(&Before, Option<&Removed>)> =
            results.iter().map(|(c, r)| (*c, Some(*r))).collect();
        self.write_stdout(|out| undo::write_deletions(out, &rows, self.json))
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
            .with_context(|| t!("output.stdout_failed"))
    }

    /// The progress display for waiting on jobs (`label`: `job 39581`, `jobs`): a bar on
    /// a terminal when `shown`, else nothing but retry warnings.
    pub(crate) fn progress(&self, label: &str, shown: bool) -> Progress {
        Progress::new(label, self.bars.as_ref().filter(|_| shown))
    }

    /// The progress display for looking up `total` domains: a bar on a terminal.
    pub(crate) fn lookup_progress(&self, total: usize) -> LookupProgress {
        LookupProgress::new(total, self.bars.as_ref())
    }
}
