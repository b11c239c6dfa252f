//! Work run side by side: look-ups as a map over items on a few threads, results in the
//! items' order (read-only, so running several at once changes nothing but time); and
//! calls fed one at a time by the calling thread (`feed`), which decides before each
//! whether it starts and takes each result as it finishes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

/// `work` on each item with up to `workers` threads; the results in the items' order.
/// After a failure no new item is started, and the first failure in order is returned.
pub(crate) fn map<T, R, E>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> Result<R, E> + Sync,
) -> Result<Vec<R>, E>
where
    T: Sync,
    R: Send,
    E: Send,
{
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        return items.iter().map(&work).collect();
    }
    let next = AtomicUsize::new(0);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let results: Mutex<Vec<Option<Result<R, E>>>> =
        Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while !failed.load(Ordering::SeqCst) {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let result = work(item);
                    failed.fetch_or(result.is_err(), Ordering::SeqCst);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    // Items after a failure may not have run; the failure comes first in order.
    let mut out = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Some(Ok(value)) => out.push(value),
            Some(Err(err)) => return Err(err),
            None => break,
        }
    }
    Ok(out)
}

/// Runs `work` on items that `next` hands out, at most `workers` at once, each on a
/// worker thread; `next` and `done` run on the calling thread alone, `next` whenever a
/// worker is free (it may start no more: `None`), `done` with each result as it finishes.
/// Returns once `next` gave `None` and every item started has finished. `state` is what
/// both change.
pub(crate) fn feed<S, R: Send>(
    workers: usize,
    state: &mut S,
    mut next: impl FnMut(&mut S) -> Option<usize>,
    work: impl Fn(usize) -> R + Sync,
    mut done: impl FnMut(&mut S, usize, R),
) {
    if workers <= 1 {
        while let Some(item) = next(state) {
            let result = work(item);
            done(state, item, result);
        }
        return;
    }
    let (start, started) = mpsc::channel::<usize>();
    let started = Mutex::new(started);
    let (finish, finished) = mpsc::channel();
    std::thread::scope(|scope| {
        // Owned here, so that a panic passed on below closes it before the workers are
        // joined.
        let start = start;
        for _ in 0..workers {
            let (finish, started, work) = (finish.clone(), &started, &work);
            scope.spawn(move || worker(started, &finish, work));
        }
        drop(finish);
        let (mut running, mut more) = (0, true);
        loop {
            while more && running < workers {
                match next(state) {
                    Some(item) if start.send(item).is_ok() => running += 1,
                    _ => more = false,
                }
            }
            let Some(Ok((item, result))) = (running > 0).then(|| finished.recv()) else {
                break;
            };
            running -= 1;
            match result {
                Ok(result) => done(state, item, result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        // The workers see the channel closed and end.
        drop(start);
    });
}

/// What a worker finished: the item, and its result or its panic.
type Finished<R> = (usize, std::thread::Result<R>);

/// A worker of [`feed`]: items in turn until the feed closes. The lock is held while
/// waiting for an item: one worker waits, the rest wait for the lock.
fn worker<R>(
    started: &Mutex<mpsc::Receiver<usize>>,
    finish: &mpsc::Sender<Finished<R>>,
    work: impl Fn(usize) -> R,
) {
    loop {
        // Its own statement: the lock is let go before the work.
        let Ok(item) = lock(started).recv() else {
            return;
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
        if finish.send((item, result)).is_err() {
            return;
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_keep_the_items_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..40).collect();
        let doubled = map(&items, 8, |n| {
            std::thread::sleep(Duration::from_millis(40 - n));
            Ok::<_, ()>(n * 2)
        })
        .unwrap();
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn at_most_the_workers_run_at_once() {
        let running = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let items = vec![(); 30];
        map(&items, 3, |_| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(5));
            running.fetch_sub(1, Ordering::SeqCst);
            Ok::<_, ()>(())
        })
        .unwrap();
        assert!(most.load(Ordering::SeqCst) <= 3);
    }

    #[test]
    fn the_first_failure_in_order_is_returned() {
        let items: Vec<u32> = (0..20).collect();
        let err = map(&items, 4, |n| {
            if *n == 7 || *n == 12 { Err(*n) } else { Ok(*n) }
        });
        assert_eq!(err, Err(7));
        assert_eq!(map(&[] as &[u32], 4, |n| Ok::<_, ()>(*n)), Ok(vec![]));
    }

    /// A feed that starts items 0..n in turn until `stop_at`, with what ran at once.
    fn fed(n: usize, workers: usize, stop_at: usize) -> (Vec<usize>, usize) {
        let (running, most, begun) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        let mut state = (0, Vec::new());
        feed(
            workers,
            &mut state,
            |(next, _)| (*next < n.min(stop_at)).then(|| std::mem::replace(next, *next + 1)),
            |item| {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                begun.fetch_add(1, Ordering::SeqCst);
                // Until every worker is busy, so they overlap (a bound, should they not).
                let bound = std::time::Instant::now() + Duration::from_secs(5);
                while begun.load(Ordering::SeqCst) < workers.min(n)
                    && item < workers
                    && std::time::Instant::now() < bound
                {
                    std::thread::yield_now();
                }
                running.fetch_sub(1, Ordering::SeqCst);
                item
            },
            |(_, done), item, result| {
                assert_eq!(item, result);
                done.push(item);
            },
        );
        state.1.sort_unstable();
        (state.1, most.load(Ordering::SeqCst))
    }

    #[test]
    fn a_feed_runs_every_item_started_with_the_workers_all_busy_and_no_more() {
        let (done, most) = fed(50, 4, usize::MAX);
        assert_eq!(done, (0..50).collect::<Vec<_>>());
        assert_eq!(most, 4);
        let (done, most) = fed(5, 1, usize::MAX);
        assert_eq!((done.len(), most), (5, 1));
    }

    #[test]
    fn a_feed_starts_nothing_once_next_says_no_more() {
        let (done, _) = fed(50, 4, 10);
        assert_eq!(done, (0..10).collect::<Vec<_>>());
    }
}
