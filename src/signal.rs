//! Ctrl-C, SIGTERM and SIGHUP: one handler for the whole run, installed before the first
//! request. The first signal asks the run to stop where it is safe to (a poll, a look-up,
//! a request in flight) and say what it leaves behind; a second one exits at once, after
//! the words the current step registered (the resume command, an unknown submit).

use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

/// Signals seen so far, and a bell rung on each signal and on each finished request.
struct Signals {
    seen: Mutex<u32>,
    bell: Condvar,
}

static SIGNALS: Signals = Signals {
    seen: Mutex::new(0),
    bell: Condvar::new(),
};

/// Printed on stderr if a second signal ends the run before the current step can.
static LAST_WORDS: Mutex<Option<String>> = Mutex::new(None);

static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

fn seen() -> MutexGuard<'static, u32> {
    SIGNALS.seen.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs the handler; later calls return the first call's result.
pub(crate) fn install() -> anyhow::Result<()> {
    INSTALLED
        .get_or_init(|| ctrlc::set_handler(on_signal).map_err(|e| e.to_string()))
        .clone()
        .map_err(|why| anyhow::anyhow!("could not install the Ctrl-C handler: {why}"))
}

fn on_signal() {
    let mut count = seen();
    *count += 1;
    if *count > 1 {
        let words = LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(words) = words {
            crate::stderr::log(&words);
        }
        std::process::exit(130);
    }
    SIGNALS.bell.notify_all();
}

/// Whether a signal has asked the run to stop.
pub(crate) fn interrupted() -> bool {
    *seen() > 0
}

/// What to say if a second signal ends the run during the step now running; `None` when
/// the step leaves nothing behind.
pub(crate) fn set_last_words(words: Option<String>) {
    *LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()) = words;
}

/// Wakes [`wait`]ers to look at their condition again: a worker calls it when done.
pub(crate) fn ring() {
    let _guard = seen();
    SIGNALS.bell.notify_all();
}

/// How [`wait`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waited {
    Ready,
    Interrupted,
    DeadlinePassed,
}

/// Blocks until `ready()` holds, a signal arrives, or `deadline` passes, whichever is
/// first. `ready` is checked under the bell's lock, so a [`ring`] is never missed.
pub(crate) fn wait(deadline: Instant, mut ready: impl FnMut() -> bool) -> Waited {
    let mut count = seen();
    loop {
        if ready() {
            return Waited::Ready;
        }
        if *count > 0 {
            return Waited::Interrupted;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Waited::DeadlinePassed;
        }
        count = SIGNALS
            .bell
            .wait_timeout(count, left)
            .unwrap_or_else(|e| e.into_inner())
            .0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn a_ring_wakes_a_waiter_whose_condition_now_holds() {
        let done = Arc::new(AtomicBool::new(false));
        let worker = {
            let done = Arc::clone(&done);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(20));
                done.store(true, Ordering::SeqCst);
                ring();
            })
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        assert_eq!(
            wait(deadline, || done.load(Ordering::SeqCst)),
            Waited::Ready
        );
        assert!(Instant::now() < deadline);
        worker.join().unwrap();
    }

    #[test]
    fn the_deadline_ends_a_wait_for_a_condition_that_never_holds() {
        let deadline = Instant::now() + Duration::from_millis(30);
        assert_eq!(wait(deadline, || false), Waited::DeadlinePassed);
        assert!(Instant::now() >= deadline);
    }
}
