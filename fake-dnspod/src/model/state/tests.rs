use super::*;
use crate::model::admission::JOBS_PER_HOUR;
use crate::model::change::Change;
use crate::model::item::Status;
use crate::model::zone::Failure;
use std::time::Duration;

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// An empty account under the vendor's job limits.
fn new_state(progress: Progress) -> State {
    State::new(progress, JobLimits::new(true, Some(JOBS_PER_HOUR)), None)
}

#[test]
fn clock_driven_effects_land_without_a_poll() {
    let mut state = new_state(Progress::Elapsed(Duration::ZERO));
    let id = state.synthetic_job(1, 1);
    assert_eq!(state.domains().len(), 1);
    let job = state.poll(id).unwrap();
    assert!(job.statuses().all(|status| status == Status::Ok));
}

#[test]
fn a_fixed_creation_time_stamps_every_job() {
    let mut state = new_state(Progress::Elapsed(Duration::ZERO));
    state.job_created_at = Some(1_441_708_621);
    let id = state.synthetic_job(1, 0);
    assert_eq!(state.poll(id).unwrap().created_at, "2015-09-08 18:37:01");
}

#[test]
fn synthetic_names_never_repeat() {
    let mut state = new_state(Progress::PerPoll {
        waiting: 0,
        running: 0,
    });
    state.synthetic_job(2, 0);
    state.synthetic_job(1, 0);
    state.finish_all();
    let names: Vec<String> = state.domains().into_iter().map(|d| d.name).collect();
    assert_eq!(
        names,
        ["d00001.example", "d00002.example", "d00003.example"]
    );
}

#[test]
fn modify_groups_known_records_by_domain_and_unknown_ones_apart() {
    let mut state = new_state(Progress::PerPoll {
        waiting: 1,
        running: 1,
    });
    let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
    let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
    let b1 = state.add_record(b, "www", "A", DEFAULT_LINE, "192.0.2.1");
    let a2 = state.add_record(a, "@", "A", DEFAULT_LINE, "192.0.2.1");
    let modification = Modification {
        change: Change::Ttl(60),
        value: None,
        mx: None,
    };
    let job = state
        .modify_records(&[a1, 7, b1, a2], &modification, LOOPBACK)
        .unwrap();
    let groups: Vec<(Option<u64>, usize)> = job
        .domains
        .iter()
        .map(|d| (d.domain_id, d.records.len()))
        .collect();
    assert_eq!(groups, [(Some(a), 2), (None, 1), (Some(b), 1)]);
    assert!(job.domains[0].records.iter().all(|r| r.record.ttl == 60));
}

fn per_poll() -> State {
    new_state(Progress::PerPoll {
        waiting: 1,
        running: 1,
    })
}

#[test]
fn a_domain_with_a_value_counts_as_the_three_items_it_adds() {
    let mut state = per_poll();
    let names =
        |n: usize, tag: &str| -> Vec<String> { (0..n).map(|i| format!("{tag}{i}.cn")).collect() };
    let ip = Some(Ipv4Addr::new(192, 0, 2, 1));
    // 1667 x 3 = 5001: one over.
    let refused = state.create_domains(&names(1667, "a"), ip, LOOPBACK);
    assert_eq!(refused.err(), Some(Refused::TooLarge));
    assert!(
        state
            .create_domains(&names(1666, "b"), ip, LOOPBACK)
            .is_ok()
    );
    // Without a value a domain is one item: 5000 of them fit.
    assert!(
        state
            .create_domains(&names(5000, "c"), None, LOOPBACK)
            .is_ok()
    );
    // What is counted is what the job adds: the domain, `www` and `@`.
    state.finish_all();
    let (domains, records) = (state.domains(), state.user_records());
    assert_eq!((domains.len(), records.len()), (6666, 1666 * 2));
    let first = &domains[0];
    let mut hosts: Vec<&str> = records
        .iter()
        .filter(|r| r.domain_id == first.id)
        .map(|r| r.sub_domain.as_str())
        .collect();
    hosts.sort_unstable();
    assert_eq!(hosts, ["@", "www"]);
}

#[test]
fn record_jobs_count_their_records() {
    let mut state = per_poll();
    let ids: Vec<u64> = (0..2)
        .map(|n| state.add_domain(&format!("d{n}.cn")))
        .collect();
    let spec = |hosts: usize| RecordSpec {
        hosts: (0..hosts).map(|h| format!("h{h}")).collect(),
        record_type: "A".into(),
        line: DEFAULT_LINE.into(),
        value: "192.0.2.1".into(),
        ttl: 600,
        mx: None,
    };
    // 2 domains x (2000 + 501) hosts = 5002; 2 x 2500 = 5000.
    let over = state.create_records(&ids, &[spec(2000), spec(501)], LOOPBACK);
    assert_eq!(over.err(), Some(Refused::TooLarge));
    assert!(state.create_records(&ids, &[spec(2500)], LOOPBACK).is_ok());
    let record_ids: Vec<u64> = (1..=5001).collect();
    let over = state.delete_records(&record_ids, LOOPBACK);
    assert_eq!(over.err(), Some(Refused::TooLarge));
    assert!(state.delete_records(&record_ids[1..], LOOPBACK).is_ok());
}

#[test]
fn a_delete_job_removes_its_records_and_fails_unknown_ones() {
    let mut state = per_poll();
    let a = state.add_domain("a.cn");
    let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
    let a2 = state.add_record(a, "@", "A", DEFAULT_LINE, "192.0.2.1");
    let job = state.delete_records(&[a1, 9, a2], LOOPBACK).unwrap().id;
    assert_eq!(
        state.user_records().len(),
        2,
        "nothing is gone before it runs"
    );
    for _ in 0..3 {
        state.poll(job);
    }
    let job = state.poll(job).unwrap();
    use Failure::NoSuchRecord;
    let statuses: Vec<Status> = job.statuses().collect();
    assert_eq!(
        statuses,
        [
            Status::Ok,
            Status::Ok,
            Status::Ok,
            Status::Error(NoSuchRecord),
            Status::Error(NoSuchRecord)
        ]
    );
    assert!(state.user_records().is_empty());
}

#[test]
fn a_falsified_detail_lists_a_record_never_made_and_one_twice() {
    let mut state = per_poll();
    let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
    let mx = state.add_record(b, "@", "MX", DEFAULT_LINE, "mx.b.cn.");
    let spec = RecordSpec {
        hosts: vec!["www".into()],
        record_type: "A".into(),
        line: DEFAULT_LINE.into(),
        value: "192.0.2.1".into(),
        ttl: 600,
        mx: None,
    };
    let job = state.create_records(&[a], &[spec], LOOPBACK).unwrap().id;
    state.finish_all();
    let www = state
        .user_records()
        .iter()
        .find(|r| r.domain_id == a)
        .unwrap()
        .id;
    state.falsify(job, &Falsehood::ListsTwice(www));
    state.falsify(job, &Falsehood::Lists(mx));
    let job = state.poll(job).unwrap();
    let listed: Vec<(Option<u64>, u64)> = job
        .domains
        .iter()
        .flat_map(|d| d.records.iter().map(|r| (d.domain_id, r.record.id)))
        .collect();
    assert_eq!(listed, [(Some(a), www), (Some(a), www), (Some(b), mx)]);
    assert!(job.is_finished());
    assert_eq!(
        job.counts(),
        (5, 5, 0),
        "two domains and three records, all ok"
    );
    assert_eq!(
        state.user_records().len(),
        2,
        "a lie changes nothing in the account"
    );
}

#[test]
fn remove_record_takes_only_a_record_of_that_domain() {
    let mut state = per_poll();
    let (a, b) = (state.add_domain("a.cn"), state.add_domain("b.cn"));
    let a1 = state.add_record(a, "www", "A", DEFAULT_LINE, "192.0.2.1");
    assert_eq!(state.remove_record(b, a1), Err(Failure::NoSuchRecord));
    assert_eq!(state.remove_record(a, a1), Ok(()));
    assert_eq!(state.remove_record(a, a1), Err(Failure::NoSuchRecord));
    assert!(state.user_records().is_empty());
}

/// That no job or Record.Remove changes them is the wire tests' (`deletes.rs`).
#[test]
fn every_domain_has_dnspods_two_ns_records() {
    let mut state = per_poll();
    state.add_domain("a.cn");
    let system: Vec<Record> = state.records();
    let listed: Vec<(&str, &str, u32, bool)> = system
        .iter()
        .map(|r| (r.sub_domain.as_str(), r.value.as_str(), r.ttl, r.system))
        .collect();
    assert_eq!(
        listed,
        [
            ("@", "f1g1ns1.dnspod.net.", 86_400, true),
            ("@", "f1g1ns2.dnspod.net.", 86_400, true)
        ]
    );
}

#[test]
fn a_job_over_the_limits_is_not_queued() {
    let mut state = per_poll();
    state.job_limits = JobLimits::new(true, Some(1));
    let names = ["a.cn".to_string()];
    let first = state.create_domains(&names, None, LOOPBACK).unwrap().id;
    let refused = state.create_domains(&names, None, LOOPBACK);
    assert_eq!(refused.err(), Some(Refused::HourlyCap(1)));
    // The next job takes the next id: the refused one used none.
    state.job_limits = JobLimits::new(true, None);
    let next = state.create_domains(&names, None, LOOPBACK).unwrap().id;
    assert_eq!(next, first + 1);
    assert!(state.poll(first + 2).is_none());
}
