//! Look-ups run side by side: a map over items on a few threads, results in the items'
//! order. Look-ups are read-only, so running several at once changes nothing but time.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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
}
