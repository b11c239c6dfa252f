use super::*;
use std::net::Ipv4Addr;

const HERE: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
const THERE: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

fn limits(per_hour: Option<usize>) -> JobLimits {
    JobLimits::new(true, per_hour)
}

#[test]
fn a_job_may_hold_5000_records_and_no_more() {
    let (mut limits, now) = (limits(None), Instant::now());
    assert_eq!(limits.admit(now, HERE, MAX_RECORDS, 0), Ok(()));
    assert_eq!(
        limits.admit(now, HERE, MAX_RECORDS + 1, 0),
        Err(Refused::TooLarge)
    );
}

#[test]
fn held_slots_count_with_the_accounts_unfinished_jobs() {
    let (mut limits, now) = (limits(None), Instant::now());
    assert_eq!(limits.admit(now, HERE, 1, 3), Ok(()));
    assert_eq!(limits.admit(now, HERE, 1, 4), Err(Refused::NoSlot));
    limits.hold(2, Release::Manually);
    assert_eq!(limits.admit(now, HERE, 1, 1), Ok(()));
    assert_eq!(limits.admit(now, HERE, 1, 2), Err(Refused::NoSlot));
    limits.hold(0, Release::Manually);
    assert_eq!(limits.admit(now, HERE, 1, 2), Ok(()));
}

#[test]
fn held_slots_are_given_back_at_their_time() {
    let (mut limits, now) = (limits(None), Instant::now());
    let later = now + Duration::from_secs(5);
    limits.hold(4, Release::At(later));
    assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
    assert_eq!(limits.held(later - Duration::from_millis(1)), 4);
    assert_eq!(limits.admit(later, HERE, 1, 0), Ok(()));
    assert_eq!(limits.held(now), 0, "given back for good");
}

#[test]
fn held_slots_are_given_back_after_so_many_refusals() {
    let (mut limits, now) = (limits(None), Instant::now());
    limits.hold(4, Release::AfterRefusals(2));
    assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
    assert_eq!(limits.held(now), 4);
    assert_eq!(limits.admit(now, HERE, 1, 0), Err(Refused::NoSlot));
    assert_eq!(limits.held(now), 0);
    assert_eq!(limits.admit(now, HERE, 1, 0), Ok(()));
    // Refusals of another kind do not count down.
    limits.hold(4, Release::AfterRefusals(1));
    assert_eq!(
        limits.admit(now, HERE, MAX_RECORDS + 1, 0),
        Err(Refused::TooLarge)
    );
    assert_eq!(limits.held(now), 4);
}

#[test]
fn each_ip_has_its_own_sliding_hour_of_admitted_jobs() {
    let mut limits = limits(Some(2));
    limits.window = Duration::from_secs(10);
    let start = Instant::now();
    let at = |secs| start + Duration::from_secs(secs);
    assert_eq!(limits.admit(at(0), HERE, 1, 0), Ok(()));
    // A refused job does not use up the hour.
    assert_eq!(limits.admit(at(1), HERE, 1, 4), Err(Refused::NoSlot));
    assert_eq!(limits.admit(at(5), HERE, 1, 0), Ok(()));
    assert_eq!(limits.admit(at(6), HERE, 1, 0), Err(Refused::HourlyCap(2)));
    assert_eq!(limits.admit(at(6), THERE, 1, 0), Ok(()));
    // The first job leaves the window, the second is still in it.
    assert_eq!(limits.admit(at(10), HERE, 1, 0), Ok(()));
    assert_eq!(limits.admit(at(11), HERE, 1, 0), Err(Refused::HourlyCap(2)));
}

#[test]
fn a_spent_hour_is_said_before_a_missing_slot() {
    let (mut limits, now) = (limits(Some(1)), Instant::now());
    assert_eq!(limits.admit(now, HERE, 1, 0), Ok(()));
    assert_eq!(limits.admit(now, HERE, 1, 4), Err(Refused::HourlyCap(1)));
}

#[test]
fn unenforced_limits_admit_anything() {
    let (mut limits, now) = (JobLimits::new(false, Some(1)), Instant::now());
    limits.hold(4, Release::Manually);
    for _ in 0..3 {
        assert_eq!(limits.admit(now, HERE, MAX_RECORDS * 2, 9), Ok(()));
    }
}
