//! Removals through the legacy backend against the fake server in this process, on
//! loopback: what is sent, what a refusal means, and that a removal is sent once.

use super::*;
use crate::error::{ApiRefused, RefusalKind, exit_code};
use fake_dnspod::{FakeDnspod, Fault};
use std::net::TcpListener;

fn backend(url: &str, token: &str) -> LegacyBackend {
    LegacyBackend::new(Options {
        endpoint: Endpoint::parse(url).unwrap(),
        token: Some(Token::parse(token).unwrap()),
        lang: Lang::En,
        user_agent: "dpbatch/test (test@example.com)".into(),
        request_timeout: Duration::from_secs(5),
        trace: None,
        lookup_jobs: 1,
    })
    .unwrap()
}

/// A fake with one domain and two records, and a backend of it.
fn account() -> (FakeDnspod, LegacyBackend, u64, [u64; 2]) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let records = [
        server.add_record(domain, "www", "A", "默认", "1.1.1.1"),
        server.add_record(domain, "m", "A", "默认", "1.1.1.2"),
    ];
    let backend = backend(&server.url(), fake_dnspod::DEFAULT_TOKEN);
    (server, backend, domain, records)
}

fn refusal(err: &ChangeError) -> &ApiRefused {
    match err {
        ChangeError::Refused(refused) => refused,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_removal_deletes_one_record_and_a_second_finds_it_gone() {
    let (server, backend, domain, [www, m]) = account();
    assert_eq!(backend.capabilities().delete_job_records, None);
    backend.remove_record(domain, www).unwrap();
    let left: Vec<u64> = server.user_records().iter().map(|r| r.id).collect();
    assert_eq!(left, [m]);
    let sent = &server.requests()[0];
    assert_eq!(sent.action, "Record.Remove");
    assert_eq!(
        (sent.param("domain_id"), sent.param("record_id")),
        (
            Some(domain.to_string().as_str()),
            Some(www.to_string().as_str())
        )
    );
    assert_eq!(sent.param("login_token"), Some(fake_dnspod::DEFAULT_TOKEN));

    let err = backend.remove_record(domain, www).unwrap_err();
    assert_eq!(
        (refusal(&err).code.as_str(), refusal(&err).kind),
        ("8", RefusalKind::NotFound)
    );
    assert_eq!(exit_code(&err.into()), 3);
    let err = backend.remove_record(domain + 1000, m).unwrap_err();
    assert_eq!(
        (refusal(&err).code.as_str(), refusal(&err).kind),
        ("6", RefusalKind::NotFound)
    );
    assert_eq!(server.user_records().len(), 1);
}

#[test]
fn a_refused_login_is_an_auth_failure_sent_once() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let record = server.add_record(domain, "www", "A", "默认", "1.1.1.1");
    let err = backend(&server.url(), "520001,wrong-secret")
        .remove_record(domain, record)
        .unwrap_err();
    assert_eq!(refusal(&err).kind, RefusalKind::Auth);
    assert_eq!(server.count("Record.Remove"), 1);
    assert_eq!(server.user_records().len(), 1);
}

#[test]
fn a_lost_answer_is_an_unknown_outcome_never_sent_again() {
    for fault in [Fault::Drop, Fault::HttpStatus(502), Fault::Html] {
        let (server, backend, domain, [www, _]) = account();
        server.inject("Record.Remove", fault.clone());
        let err = backend.remove_record(domain, www).unwrap_err();
        assert!(matches!(err, ChangeError::Unknown(_)), "{fault:?}: {err:?}");
        let err = anyhow::Error::from(err);
        assert!(format!("{err:#}").contains("Record.Remove"), "{err:#}");
        assert_eq!(exit_code(&err), 1);
        assert_eq!(server.count("Record.Remove"), 1, "{fault:?}");
    }
}

#[test]
fn a_connection_never_made_is_not_sent() {
    // A port nobody listens on: bound, then let go.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = backend(
        &format!("http://127.0.0.1:{port}"),
        fake_dnspod::DEFAULT_TOKEN,
    )
    .remove_record(1, 2)
    .unwrap_err();
    assert!(matches!(err, ChangeError::NotSent(_)), "{err:?}");
    let err = anyhow::Error::from(err);
    assert!(
        format!("{err:#}").contains("Record.Remove was not sent"),
        "{err:#}"
    );
}

#[test]
fn a_delete_job_is_refused_without_a_request() {
    let (server, backend, _, [www, m]) = account();
    let spec = JobSpec::RecordDelete {
        record_ids: vec![www, m],
        domain_ids: Vec::new(),
    };
    let err = backend.submit(&spec).unwrap_err();
    assert!(matches!(err, ChangeError::NotSent(_)), "{err:?}");
    let err = anyhow::Error::from(err);
    assert!(format!("{err:#}").contains("no batch deletion"), "{err:#}");
    assert!(server.requests().is_empty());
    assert_eq!(server.user_records().len(), 2);
}

#[test]
fn removals_are_paced_under_twenty_a_second() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let records: Vec<u64> = (0..6)
        .map(|i| server.add_record(domain, &format!("h{i}"), "A", "默认", "1.1.1.1"))
        .collect();
    let backend = backend(&server.url(), fake_dnspod::DEFAULT_TOKEN);
    let start = std::time::Instant::now();
    for record in records {
        backend.remove_record(domain, record).unwrap();
    }
    // Six calls are five gaps of at least 50 ms.
    assert!(
        start.elapsed() >= Duration::from_millis(250),
        "{:?}",
        start.elapsed()
    );
    assert!(server.user_records().is_empty());
}
