//! A part sent one call a record, on the mock backend (deletions as the legacy API makes
//! them): each record asked once, in order, and what each call's end means for the rest.

use crate::backend::mock::{Fails, MockBackend};
use crate::commands::resume;
use crate::commands::submit::{submit_parts, submit_steps};
use crate::commands::tests::{Fixture, args, fixture, resume_last};
use crate::error::Outcome;
use crate::job::{Action, JobSpec, Part, Record, Step};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering::SeqCst;

/// Records 1..=5, the first two in domain 70, the rest in 80.
const PAIRS: [(u64, u64); 5] = [(70, 1), (70, 2), (80, 3), (80, 4), (80, 5)];

fn failing(removals: &[(u64, Fails)]) -> Fixture {
    fixture(MockBackend {
        failed_removals: removals.iter().copied().collect::<BTreeMap<_, _>>(),
        ..MockBackend::default()
    })
}

/// Deletes [`PAIRS`] as one part of an operation of `undo`.
fn delete(f: &Fixture) -> anyhow::Result<Outcome> {
    let spec = JobSpec::RecordDelete {
        record_ids: PAIRS.map(|(_, record)| record).to_vec(),
        domain_ids: PAIRS.map(|(domain, _)| domain).to_vec(),
    };
    submit_parts(
        &f.session,
        "undo",
        &[Part::job(spec, None)],
        &args(false),
        &[],
    )
}

fn removed(f: &Fixture) -> Vec<(u64, u64)> {
    f.backend.removed.lock().unwrap().clone()
}

/// Each call's status as printed, in order (the fixture's warnings left out).
fn statuses(f: &Fixture) -> Vec<String> {
    let (_, printed) = warned(f);
    let printed: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let rows = printed.as_array().expect("an array of removals");
    rows.iter()
        .map(|row| row["status"].as_str().unwrap().to_owned())
        .collect()
}

/// The warnings the fixture captured among the results, and the results.
fn warned(f: &Fixture) -> (Vec<String>, String) {
    let captured = String::from_utf8(f.stdout.borrow().clone()).unwrap();
    let (mut warnings, mut results) = (Vec::new(), Vec::new());
    for line in captured.lines() {
        match line.strip_prefix("stderr: warning: ") {
            Some(warning) => warnings.push(warning.to_owned()),
            None => results.push(line),
        }
    }
    (warnings, results.join("\n"))
}

fn resumed(f: &Fixture) -> Outcome {
    f.stdout.borrow_mut().clear();
    resume::run(&f.session, &resume_last()).unwrap()
}

#[test]
fn every_record_is_removed_once_in_order_in_its_domain() {
    let f = failing(&[]);
    assert_eq!(delete(&f).unwrap(), Outcome::Success);
    assert_eq!(removed(&f), PAIRS);
    assert_eq!(statuses(&f), ["deleted"; 5]);
    assert!(f.backend.submitted.lock().unwrap().is_empty(), "no job");
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(removed(&f), PAIRS, "nothing left to resume");
}

#[test]
fn a_record_gone_meanwhile_is_reported_gone_and_the_rest_are_sent() {
    let f = failing(&[(2, Fails::Gone)]);
    assert_eq!(delete(&f).unwrap(), Outcome::Success);
    assert_eq!(removed(&f), PAIRS);
    assert_eq!(
        statuses(&f),
        ["deleted", "gone", "deleted", "deleted", "deleted"]
    );
}

#[test]
fn a_record_refused_alone_is_an_error_and_the_rest_are_sent_but_not_it_again() {
    let f = failing(&[(3, Fails::Refused)]);
    assert_eq!(delete(&f).unwrap(), Outcome::ItemsFailed);
    assert_eq!(removed(&f), PAIRS);
    assert_eq!(
        statuses(&f),
        ["deleted", "deleted", "error", "deleted", "deleted"]
    );
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(removed(&f), PAIRS, "a refused call is an item that failed");
}

#[test]
fn a_lost_answer_stops_at_once_and_resume_never_sends_that_record_again() {
    let f = failing(&[(3, Fails::Lost)]);
    let err = delete(&f).unwrap_err();
    assert_eq!(err.root_cause().to_string(), "connection reset");
    assert_eq!(removed(&f), PAIRS[..3], "nothing after the lost one");
    assert_eq!(statuses(&f), ["deleted", "deleted"]);
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(
        removed(&f),
        [PAIRS[..3].to_vec(), PAIRS[3..].to_vec()].concat(),
        "the rest once each, record 3 never again"
    );
    assert_eq!(statuses(&f), ["deleted", "deleted"]);
    let unknown = "the removal of record 3 (domain ID 80) has an unknown outcome";
    let named = |f: &Fixture| warned(f).0.iter().any(|w| w.starts_with(unknown));
    assert!(named(&f), "{:?}", warned(&f));
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(removed(&f).len(), 5, "nothing left");
    assert!(named(&f), "still named once all else is sent");
}

#[test]
fn a_refused_login_stops_at_once_and_resume_sends_that_record_again() {
    let f = failing(&[(2, Fails::Login)]);
    let err = format!("{:#}", delete(&f).unwrap_err());
    assert!(err.contains("Login failed"), "{err}");
    assert_eq!(removed(&f), PAIRS[..2], "nothing after the refusal");
    assert_eq!(statuses(&f), ["deleted"]);
    // The refused call did nothing: resume sends it again (refused again here).
    f.stdout.borrow_mut().clear();
    assert!(resume::run(&f.session, &resume_last()).is_err());
    assert_eq!(removed(&f), [PAIRS[0], PAIRS[1], PAIRS[1]]);
}

#[test]
fn a_call_refused_for_the_rate_is_sent_again_after_a_pause_and_the_rest_follow() {
    let f = failing(&[(2, Fails::OverRate)]);
    assert_eq!(delete(&f).unwrap(), Outcome::Success);
    assert_eq!(
        removed(&f),
        [PAIRS[0], PAIRS[1], PAIRS[1], PAIRS[2], PAIRS[3], PAIRS[4]],
        "the refusal did nothing: record 2 asked again, each other once"
    );
    assert_eq!(statuses(&f), ["deleted"; 5]);
}

#[test]
fn each_call_is_on_record_before_it_goes_so_a_kill_loses_none() {
    let f = failing(&[]);
    delete(&f).unwrap();
    let path = f.session.history.as_ref().unwrap().path().to_owned();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        6,
        "a line before each call, and the last's end"
    );
    assert!(
        lines[0].contains(r#""plan":"#),
        "the first line: {}",
        lines[0]
    );
    // Killed while record 3's call was in flight: its line is the run's last.
    std::fs::write(&path, lines[..3].join("\n") + "\n").unwrap();
    f.backend.removed.lock().unwrap().clear();
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(
        removed(&f),
        PAIRS[3..],
        "record 3 may have been done: never again"
    );
}

/// `n` creates of A records on a.cn, hosts h1..hn.
fn creates(n: usize) -> Vec<Step> {
    (1..=n)
        .map(|i| Step {
            action: Action::Create,
            domain: "a.cn".into(),
            domain_id: 70,
            record_id: None,
            before: None,
            after: Some(Record::new(&format!("h{i}"), "A", "10.0.0.1")),
        })
        .collect()
}

/// A mock with API 3.0's rates (calls a part several at once).
fn v3(backend: MockBackend) -> Fixture {
    fixture(MockBackend {
        delete_jobs: true,
        ..backend
    })
}

/// How often each host's create was asked.
fn asked(f: &Fixture) -> BTreeMap<String, usize> {
    let mut asked = BTreeMap::new();
    for step in f.backend.stepped.lock().unwrap().iter() {
        let host = step.after.as_ref().unwrap().host.to_string();
        *asked.entry(host).or_insert(0) += 1;
    }
    asked
}

/// The keys the history's lines name as being sent.
fn sending(path: &std::path::Path) -> Vec<u64> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|line| line["calls"]["sending"].as_u64())
        .collect()
}

#[test]
fn on_api_3_a_parts_calls_go_several_at_once_each_on_record_before_it_is_sent() {
    let f = v3(MockBackend {
        gate: 8,
        ..MockBackend::default()
    });
    let path = f.session.history.as_ref().unwrap().path().to_owned();
    let unrecorded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&unrecorded);
    let told = move |step: &Step| {
        if !sending(&path).contains(&step.call_key()) {
            seen.lock().unwrap().push(step.describe());
        }
    };
    assert!(f.backend.on_call.set(Box::new(told)).is_ok());
    let steps = creates(40);
    assert_eq!(
        submit_steps(&f.session, "apply", &steps, &args(false)).unwrap(),
        Outcome::Success
    );
    assert!(f.backend.most_in_flight.load(SeqCst) >= 8, "calls overlap");
    assert_eq!(asked(&f).len(), 40);
    assert!(asked(&f).values().all(|n| *n == 1));
    assert!(unrecorded.lock().unwrap().is_empty(), "{unrecorded:?}");
    assert_eq!(resumed(&f), Outcome::Success);
    assert_eq!(f.backend.stepped.lock().unwrap().len(), 40, "nothing left");
}

#[test]
fn on_api_3_a_refused_login_starts_no_more_calls_and_resume_sends_exactly_the_rest() {
    let f = v3(MockBackend {
        failed_steps: BTreeMap::from([(3, Fails::Login)]),
        // `resume` reads the domain again before it sends the rest.
        domains: BTreeMap::from([("a.cn".to_owned(), 70)]),
        records: BTreeMap::from([("a.cn".to_owned(), Vec::new())]),
        ..MockBackend::default()
    });
    let steps = creates(300);
    let err = submit_steps(&f.session, "apply", &steps, &args(false)).unwrap_err();
    assert!(format!("{err:#}").contains("Login failed"), "{err:#}");
    let first = f.backend.stepped.lock().unwrap().clone();
    assert!(
        first.len() < 300,
        "no call started after the refusal was seen"
    );
    let refused = first[2].after.as_ref().unwrap().host.to_string();
    assert_eq!(resumed(&f), Outcome::Success);
    let asked = asked(&f);
    assert_eq!(asked.len(), 300, "every record asked for");
    for (host, n) in asked {
        let once_more = usize::from(host == refused);
        assert_eq!(n, 1 + once_more, "{host}: the refused call again, no other");
    }
}
