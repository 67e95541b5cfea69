//! Work shared among threads, one per core unless told otherwise, with
//! the results in the order of the items whatever the thread count: what
//! makes `collect` and `geoparse --jsonl` give the same output on one
//! worker as on eight.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of workers for `items` things to do: `jobs`, or one per
/// core when `jobs` is 0; never more than there are things, never none.
pub fn workers(jobs: usize, items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = if jobs == 0 { cores } else { jobs };
    jobs.clamp(1, items.max(1))
}

/// `work` on every item on `workers` threads, in any order; the results in
/// the items' order. Each worker asks `stop` before taking an item and
/// calls `done` after one; items left when it said stop are `None`.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    stop: impl Fn() -> bool + Sync,
    done: impl Fn() + Sync,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let run = || {
        while !stop() {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                break;
            };
            let result = work(item);
            if let Ok(mut slot) = results[i].lock() {
                *slot = Some(result);
            }
            done();
        }
    };
    if workers <= 1 {
        run();
    } else {
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(run);
            }
        });
    }
    results
        .into_iter()
        .map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn results_come_in_the_items_order_whatever_the_number_of_workers() {
        let items: Vec<u64> = (0..500).collect();
        let square = |n: &u64| n * n;
        let one = map_in_order(&items, 1, || false, || {}, square);
        let four = map_in_order(&items, 4, || false, || {}, square);
        assert_eq!(one, four);
        assert_eq!(four[499], Some(499 * 499));
    }

    #[test]
    fn a_stop_leaves_the_items_not_yet_taken_undone() {
        let items: Vec<u32> = (0..100).collect();
        let stop = AtomicBool::new(false);
        let taken = AtomicUsize::new(0);
        let results = map_in_order(
            &items,
            1,
            || stop.load(Ordering::Relaxed),
            || {
                if taken.fetch_add(1, Ordering::Relaxed) == 9 {
                    stop.store(true, Ordering::Relaxed);
                }
            },
            |n| *n,
        );
        assert_eq!(results.iter().flatten().count(), 10);
        assert_eq!(results[10], None);
    }

    #[test]
    fn there_is_one_worker_per_job_asked_and_never_more_than_items() {
        assert_eq!(workers(3, 10), 3);
        assert_eq!(workers(8, 2), 2);
        assert_eq!(workers(5, 0), 1);
        assert!(workers(0, 1000) >= 1);
    }
}
