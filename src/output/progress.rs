//! The progress bar while waiting (stderr, terminal only) and the retry notices.

use crate::backend::CallError;
use crate::job::Job;
use crate::wait::{MAX_CONSECUTIVE_FAILURES, Observer};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Duration;

pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub(super) fn new(job_id: u64, visible: bool) -> Progress {
        if !visible {
            return Progress {
                bar: ProgressBar::hidden(),
            };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} job {prefix} [{bar:30}] {pos}/{len} items {msg} ({elapsed})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(job_id.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar }
    }
}

impl Observer for Progress {
    fn polled(&mut self, detail: &Job) {
        let tally = detail.tally();
        self.bar.set_length(tally.total);
        self.bar.set_position(tally.done());
        self.bar
            .set_message(format!("ok {}, failed {}", tally.ok, tally.failed));
    }

    fn retrying(&mut self, err: &CallError, attempt: u32, delay: Duration) {
        self.bar.suspend(|| {
            super::warn(&format!(
                "reading the job failed ({err}); retrying in {:.1}s (failure {attempt} of {MAX_CONSECUTIVE_FAILURES})",
                delay.as_secs_f64()
            ));
        });
    }
}

/// The bar disappears when waiting ends, whichever way it ends.
impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// The bar while names are looked up: `looking up 1,234/3,000 domains`.
pub(crate) struct LookupProgress {
    bar: ProgressBar,
}

impl LookupProgress {
    pub(super) fn new(total: usize, visible: bool) -> LookupProgress {
        if !visible {
            return LookupProgress {
                bar: ProgressBar::hidden(),
            };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} looking up {human_pos}/{human_len} domains [{bar:30}] ({elapsed})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        LookupProgress { bar }
    }

    /// One more domain looked up; callable from any look-up thread.
    pub(crate) fn tick(&self) {
        self.bar.inc(1);
    }
}

impl Drop for LookupProgress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
