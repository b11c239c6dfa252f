//! One [`Watch`] following several jobs.

use super::*;

/// Job `id` answers `waiting` for its first `waits` polls, then `ok`; every poll is logged.
fn jobs_finishing_after(
    waits: &[(u64, usize)],
    polls: &RefCell<Vec<u64>>,
) -> impl FnMut(u64, Option<Instant>) -> Result<Job, CallError> {
    move |job_id, _| {
        polls.borrow_mut().push(job_id);
        let seen = polls.borrow().iter().filter(|id| **id == job_id).count();
        let (_, waits) = waits
            .iter()
            .find(|(id, _)| *id == job_id)
            .expect("a known job");
        Ok(job(if seen > *waits {
            ItemStatus::Ok
        } else {
            ItemStatus::Waiting
        }))
    }
}

#[test]
fn several_jobs_are_polled_once_a_round_and_finished_ones_no_more() {
    let pacer = FakePacer::new();
    let polls = RefCell::new(Vec::new());
    let mut watch = Watch::default();
    for id in [1, 2, 3, 4] {
        watch.add(id);
    }
    let fetch = jobs_finishing_after(&[(1, 0), (2, 2), (3, 1), (4, 2)], &polls);
    let ended = watch
        .until(
            |w| w.unfinished() == 0,
            fetch,
            SECOND,
            None,
            &pacer,
            &mut Log::default(),
        )
        .unwrap();
    assert_eq!(ended, Ended::Done);
    assert_eq!(*polls.borrow(), [1, 2, 3, 4, 2, 3, 4, 2, 4]);
    assert_eq!(
        *pacer.sleeps.borrow(),
        [SECOND, SECOND],
        "one pause a round, not a job"
    );
    assert_eq!(watch.outcome(), Outcome::Success);
}

#[test]
fn waiting_for_a_free_slot_stops_as_soon_as_one_job_finishes() {
    let pacer = FakePacer::new();
    let polls = RefCell::new(Vec::new());
    let mut watch = Watch::default();
    for id in [1, 2] {
        watch.add(id);
    }
    let fetch = jobs_finishing_after(&[(1, 5), (2, 1)], &polls);
    let ended = watch
        .until(
            |w| w.unfinished() < 2,
            fetch,
            SECOND,
            None,
            &pacer,
            &mut Log::default(),
        )
        .unwrap();
    assert_eq!(ended, Ended::Done);
    assert_eq!(*polls.borrow(), [1, 2, 1, 2]);
    assert_eq!(watch.unfinished(), 1);
}

#[test]
fn one_jobs_failures_name_it_and_a_deadline_ends_every_wait() {
    let pacer = FakePacer::new();
    let mut watch = Watch::default();
    watch.add(1);
    watch.add(2);
    let fetch = |job_id, _| match job_id {
        1 => Ok(job(ItemStatus::Waiting)),
        _ => Err(http(503)),
    };
    let err = watch
        .until(
            |w| w.unfinished() == 0,
            fetch,
            SECOND,
            None,
            &pacer,
            &mut Log::default(),
        )
        .unwrap_err();
    assert!(
        matches!(err, WaitError::TooManyFailures { job_id: 2, .. }),
        "{err:?}"
    );
    let mut watch = Watch::default();
    watch.add(1);
    let deadline = deadline(Some(Duration::from_secs(3)), &pacer);
    let ended = watch
        .until(
            |w| w.unfinished() == 0,
            |_, _| Ok(job(ItemStatus::Waiting)),
            SECOND,
            deadline,
            &pacer,
            &mut Log::default(),
        )
        .unwrap();
    assert_eq!(ended, Ended::TimedOut);
}
