//! The progress bars (stderr, terminal only): one over every item of the jobs followed,
//! one over the domains looked up; and the retry notices.

use crate::backend::CallError;
use crate::job::{Job, Tally};
use crate::wait::{MAX_CONSECUTIVE_FAILURES, Observer};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use rust_i18n::t;
use std::time::Duration;

/// The bar while jobs are followed: the items of every job polled so far, and for a split
/// operation how many of its jobs are sent and finished.
pub(crate) struct Progress {
    bar: ProgressBar,
    label: String,
    /// Each job's items as last polled.
    tallies: Vec<(u64, Tally)>,
    /// Jobs sent of the jobs to send, once there is more than one.
    sent: Option<(usize, usize)>,
}

impl Progress {
    /// A bar among `bars` (none when `None`), which take it off the terminal while
    /// a line is written to stderr.
    pub(super) fn new(label: &str, bars: Option<&MultiProgress>) -> Progress {
        let bar = if let Some(bars) = bars {
            let bar = bars.add(ProgressBar::no_length());
            let style = ProgressStyle::with_template(&t!("output.progress.bar"))
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(label.to_owned());
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            label: label.to_owned(),
            tallies: Vec::new(),
            sent: None,
        }
    }

    /// What the bar names: `job 39581`, once the one job has its id.
    pub(crate) fn set_label(&mut self, label: &str) {
        label.clone_into(&mut self.label);
        self.bar.set_prefix(label.to_owned());
    }

    /// `sent` of the operation's `total` jobs are submitted.
    pub(crate) fn jobs_sent(&mut self, sent: usize, total: usize) {
        if total > 1 {
            self.sent = Some((sent, total));
            self.redraw();
        }
    }

    fn redraw(&mut self) {
        let tally = self
            .tallies
            .iter()
            .map(|(_, tally)| *tally)
            .fold(Tally::default(), Tally::plus);
        self.bar.set_length(tally.total);
        self.bar.set_position(tally.done());
        if let Some((sent, total)) = self.sent {
            let finished = self.tallies.iter().filter(|(_, t)| t.finished()).count();
            let label = &self.label;
            let prefix = t!(
                "output.progress.sent",
                label = label,
                sent = sent,
                total = total,
                finished = finished
            );
            self.bar.set_prefix(prefix.into_owned());
        }
        let counts = t!(
            "output.progress.tally",
            ok = tally.ok,
            failed = tally.failed
        );
        self.bar.set_message(counts.into_owned());
    }
}

impl Observer for Progress {
    fn polled(&mut self, job_id: u64, detail: &Job) {
        let tally = detail.tally();
        match self.tallies.iter_mut().find(|(id, _)| *id == job_id) {
            Some((_, last)) => *last = tally,
            None => self.tallies.push((job_id, tally)),
        }
        self.redraw();
    }

    fn retrying(&mut self, err: &CallError, attempt: u32, delay: Duration) {
        self.bar.suspend(|| {
            crate::stderr::warn(&t!(
                "output.progress.retrying",
                err = err,
                delay = format!("{:.1}", delay.as_secs_f64()),
                attempt = attempt,
                max = MAX_CONSECUTIVE_FAILURES
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
    pub(super) fn new(total: usize, bars: Option<&MultiProgress>) -> LookupProgress {
        let Some(bars) = bars else {
            return LookupProgress {
                bar: ProgressBar::hidden(),
            };
        };
        let bar = bars.add(ProgressBar::new(total as u64));
        let style = ProgressStyle::with_template(&t!("output.progress.lookup"))
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

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, lookup};
    use indicatif::ProgressStyle;

    /// A template indicatif cannot read falls back to a bare bar, silently: each must read.
    #[test]
    fn the_bar_templates_read_in_both_languages() {
        for key in ["output.progress.bar", "output.progress.lookup"] {
            for lang in [Lang::En, Lang::Cn] {
                let template = lookup(key, lang).expect("in the catalog");
                assert!(
                    ProgressStyle::with_template(&template).is_ok(),
                    "{key} {lang:?}"
                );
            }
        }
    }
}
