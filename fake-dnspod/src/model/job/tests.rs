use super::*;
use crate::model::zone::{DEFAULT_LINE, Record};
use std::time::Duration;

/// Two domains of two records each: six items.
fn job() -> Job {
    let domain = |name: &str| {
        let records = ["www", "@"]
            .map(|sub| RecordItem::waiting(Record::new(sub, "A", DEFAULT_LINE, "192.0.2.1")));
        DomainItem::waiting(name, None, records.into())
    };
    Job::new(1, Kind::Domain, vec![domain("a.cn"), domain("b.cn")])
}

fn polled(job: &mut Job, progress: Progress, zone: &mut Zone) -> Vec<Status> {
    job.count_poll();
    job.settle(progress, zone);
    job.statuses().collect()
}

#[test]
fn per_poll_progress_waits_then_runs_then_finishes() {
    use Status::{Ok, Running, Waiting};
    let (mut job, mut zone) = (job(), Zone::new());
    let progress = Progress::PerPoll {
        waiting: 1,
        running: 2,
    };
    assert_eq!(polled(&mut job, progress, &mut zone), [Waiting; 6]);
    assert_eq!(
        polled(&mut job, progress, &mut zone),
        [Ok, Ok, Running, Waiting, Waiting, Waiting]
    );
    assert_eq!(
        polled(&mut job, progress, &mut zone),
        [Ok, Ok, Ok, Ok, Running, Waiting]
    );
    assert_eq!(polled(&mut job, progress, &mut zone), [Ok; 6]);
    let made = zone.records().filter(|r| !r.system).count();
    // Each domain also has DNSPod's two NS records.
    assert_eq!(
        (zone.domains().count(), made, zone.records().count()),
        (2, 4, 8)
    );
}

#[test]
fn elapsed_progress_follows_the_clock() {
    let (mut job, mut zone) = (job(), Zone::new());
    let hour = Progress::Elapsed(Duration::from_secs(3600));
    let seen = polled(&mut job, hour, &mut zone);
    assert_eq!(seen[..2], [Status::Running, Status::Waiting]);
    let now = Progress::Elapsed(Duration::ZERO);
    assert_eq!(polled(&mut job, now, &mut zone), [Status::Ok; 6]);
}

#[test]
fn finished_items_stay_finished() {
    let (mut job, mut zone) = (job(), Zone::new());
    job.finish(&mut zone);
    job.settle(
        Progress::PerPoll {
            waiting: 9,
            running: 9,
        },
        &mut zone,
    );
    assert_eq!(job.counts(), (6, 6, 0));
}
