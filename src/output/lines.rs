//! The lines the output writes on stderr besides its tables: warnings, notes and hints,
//! each written with the progress bars taken off the terminal.

use super::Output;
use crate::stderr::log;
#[cfg(test)]
use indicatif::{MultiProgress, ProgressDrawTarget};

impl Output {
    /// An output whose bars draw on `term` and whose stderr lines go to `stderr`.
    #[cfg(test)]
    pub(crate) fn drawn_on(
        term: Box<dyn indicatif::TermLike>,
        stderr: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    ) -> Output {
        Output {
            json: false,
            quiet: false,
            captured: None,
            stderr: Some(stderr),
            color: false,
            bars: Some(MultiProgress::with_draw_target(
                ProgressDrawTarget::term_like(term),
            )),
        }
    }

    /// One `dpbatch: ` line on stderr, with any bar taken off the terminal while it is
    /// written: else the line lands on the bar's and the bar's next draw erases it.
    fn to_stderr(&self, message: &str) {
        let write = || {
            #[cfg(test)]
            if let Some(stderr) = &self.stderr {
                stderr.lock().unwrap().push(message.to_owned());
                return;
            }
            log(message);
        };
        match &self.bars {
            Some(bars) => bars.suspend(write),
            None => write(),
        }
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
        self.to_stderr(&crate::stderr::warning_line(message));
    }

    /// A line on stderr about what is being done; `--quiet` silences it.
    pub(crate) fn note(&self, message: &str) {
        if !self.quiet {
            self.to_stderr(message);
        }
    }

    /// A hint on stderr; `--quiet` silences it.
    pub(crate) fn hint(&self, message: &str) {
        if !self.quiet {
            self.to_stderr(&rust_i18n::t!("error.hint_line", hint = message));
        }
    }
}

#[cfg(test)]
mod tests;
