//! Ctrl-C, SIGTERM and SIGHUP: one handler for the whole run, installed before the first
//! request. The first signal asks the run to stop where it is safe to (a poll, a look-up,
//! a request in flight) and say what it leaves behind; a second one exits at once, after
//! the words the current step registered (the resume command, an unknown submit).

use rust_i18n::t;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, Weak};
use std::time::Instant;

/// Signals seen so far.
static SEEN: Mutex<u32> = Mutex::new(0);

/// The bell of [`wait`]: rung by signals alone.
static BELL: Bell = Bell::new();

/// The bells of their own ([`Bell::registered`]) a signal rings too.
static BELLS: Mutex<Vec<Weak<Bell>>> = Mutex::new(Vec::new());

/// Printed on stderr if a second signal ends the run before the current step can.
static LAST_WORDS: Mutex<Option<String>> = Mutex::new(None);

static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

fn seen() -> MutexGuard<'static, u32> {
    SEEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs the handler; later calls return the first call's result.
pub(crate) fn install() -> anyhow::Result<()> {
    INSTALLED
        .get_or_init(|| ctrlc::set_handler(on_signal).map_err(|e| e.to_string()))
        .clone()
        .map_err(|why| anyhow::anyhow!("{}", t!("signal.no_handler", why = why)))
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
    // Released first: a waiter looks at the count while holding its bell.
    drop(count);
    BELL.ring();
    let bells = BELLS.lock().unwrap_or_else(|e| e.into_inner());
    for bell in bells.iter().filter_map(Weak::upgrade) {
        bell.ring();
    }
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

/// How [`wait`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waited {
    Ready,
    Interrupted,
    DeadlinePassed,
}

/// Blocks until a signal arrives or `deadline` passes; `ready()` is looked at on each.
pub(crate) fn wait(deadline: Instant, ready: impl FnMut() -> bool) -> Waited {
    BELL.wait(deadline, ready)
}

/// What one waiter waits on, rung by whoever may have made its condition hold and by
/// every signal: one finished request wakes only the thread waiting for it.
pub(crate) struct Bell {
    lock: Mutex<()>,
    rung: Condvar,
}

impl Bell {
    const fn new() -> Bell {
        Bell {
            lock: Mutex::new(()),
            rung: Condvar::new(),
        }
    }

    /// A bell of its own that signals ring too.
    pub(crate) fn registered() -> Arc<Bell> {
        let bell = Arc::new(Bell::new());
        let mut bells = BELLS.lock().unwrap_or_else(|e| e.into_inner());
        // Bells whose waiters are gone, so that the list stays as long as those alive.
        bells.retain(|old| old.strong_count() > 0);
        bells.push(Arc::downgrade(&bell));
        bell
    }

    /// Wakes the waiter to look at its condition again.
    pub(crate) fn ring(&self) {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.rung.notify_all();
    }

    /// Blocks until `ready()` holds, a signal arrives, or `deadline` passes, whichever is
    /// first. Both are looked at under the bell's lock, so a [`Bell::ring`] is never
    /// missed.
    pub(crate) fn wait(&self, deadline: Instant, mut ready: impl FnMut() -> bool) -> Waited {
        let mut guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if ready() {
                return Waited::Ready;
            }
            if interrupted() {
                return Waited::Interrupted;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Waited::DeadlinePassed;
            }
            guard = self
                .rung
                .wait_timeout(guard, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn a_ring_wakes_a_waiter_whose_condition_now_holds() {
        let done = Arc::new(AtomicBool::new(false));
        let bell = Bell::registered();
        let worker = {
            let (done, bell) = (Arc::clone(&done), Arc::clone(&bell));
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(20));
                done.store(true, Ordering::SeqCst);
                bell.ring();
            })
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        assert_eq!(
            bell.wait(deadline, || done.load(Ordering::SeqCst)),
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
