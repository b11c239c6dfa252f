use super::*;
use crate::backend::v3::loopback::{client, domain_create, serve};
use crate::backend::v3::wire::{
    TaskDetail,
    tests::{SUBMITS, TASK},
};
use crate::error::{RefusalKind, exit_code};
use proptest::prelude::*;

fn refusal(code: &str) -> String {
    format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "said no"}}, "RequestId": "req-9"}}}}"#
    )
}

#[test]
fn refusals_keep_code_message_and_request_id() {
    let body = refusal("AuthFailure.SignatureExpire");
    let (id, result) = parse_answer::<SubmitAnswer>(Action::CreateDomainBatch, body.as_bytes());
    assert_eq!(id.as_deref(), Some("req-9"));
    match result {
        Err(CallError::Refused(r)) => {
            assert_eq!(r.code, "AuthFailure.SignatureExpire");
            assert_eq!(r.message, "said no (RequestId req-9)");
            assert_eq!(r.kind, RefusalKind::Auth);
            assert!(r.hint.unwrap().contains("clock"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn refusal_text_is_escaped_and_cut_short() {
    let body = format!(
        r#"{{"Response": {{"Error": {{"Code": "InvalidParameter\n", "Message": "{}\u001b[2J"}}}}}}"#,
        "x".repeat(100_000)
    );
    match parse_answer::<TaskDetail>(Action::DescribeBatchTask, body.as_bytes()).1 {
        Err(CallError::Refused(r)) => {
            assert_eq!(r.code, "InvalidParameter\\n");
            assert!(r.message.len() < 400, "{}", r.message.len());
            assert!(r.message.ends_with("bytes in all)"), "{}", r.message);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn answers_read_and_broken_bodies_are_unreadable() {
    let (id, job) = parse_answer::<TaskDetail>(Action::DescribeBatchTask, TASK.as_bytes());
    assert_eq!(
        (id.as_deref(), job.unwrap().domains.len()),
        (Some("ab-12"), 3)
    );
    for body in [&b"<html>502</html>"[..], b"{\"Response\": {}}", b"{}", b""] {
        match parse_answer::<SubmitAnswer>(Action::CreateDomainBatch, body).1 {
            Err(CallError::Unreadable(_)) => {}
            other => panic!("{other:?}"),
        }
    }
}

/// The v3 bodies the client reads, for the property tests.
fn samples() -> Vec<String> {
    let mut bodies: Vec<String> = SUBMITS.iter().map(|s| (*s).to_owned()).collect();
    bodies.push(TASK.to_owned());
    bodies.push(refusal("InternalError"));
    bodies
}

fn parse_all(body: &[u8]) {
    let _ = parse_answer::<TaskDetail>(Action::DescribeBatchTask, body);
    let _ = parse_answer::<SubmitAnswer>(Action::ModifyRecordBatch, body);
    let _ = parse_answer::<Envelope>(Action::DescribeDomain, body);
}

/// A sample body with one edit: cut short, a byte replaced, or a value after a colon
/// swapped for another JSON value.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let replacement = prop_oneof![
        Just("null"),
        Just("\"\""),
        Just("\"abc\""),
        Just("-1"),
        Just("1.5"),
        Just("[]"),
        Just("{}"),
        Just("true"),
        Just("18446744073709551616"),
    ];
    (
        0..5usize,
        any::<prop::sample::Index>(),
        0..3usize,
        any::<u8>(),
        replacement,
    )
        .prop_map(|(which, at, how, byte, replacement)| {
            let text = &samples()[which];
            let at = at.index(text.len());
            match how {
                0 => text.as_bytes()[..at].to_vec(),
                1 => {
                    let mut body = text.as_bytes().to_vec();
                    body[at] = byte;
                    body
                }
                _ => {
                    let colons: Vec<usize> = text.match_indices(':').map(|(i, _)| i).collect();
                    let colon = colons[at % colons.len()];
                    let end = text[colon..]
                        .find([',', '}'])
                        .map_or(text.len(), |e| colon + e);
                    format!("{}{replacement}{}", &text[..=colon], &text[end..]).into_bytes()
                }
            }
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        parse_all(&body);
    }

    #[test]
    fn mutated_sample_bodies_never_panic_the_decoder(body in mutated()) {
        parse_all(&body);
    }
}

#[test]
fn a_submit_is_signed_for_the_host_and_port_it_is_sent_to() {
    let (endpoint, server) = serve(vec![SUBMITS[0].to_owned()]);
    let host = endpoint.host().to_owned();
    let request = domain_create();
    let (job_id, _) = client(endpoint, None).submit(&request).unwrap();
    assert_eq!(job_id, 69);
    let seen = server.join().unwrap().concat().to_ascii_lowercase();
    let call = Call {
        host: &host,
        action: "CreateDomainBatch",
        body: br#"{"DomainList":["a.cn"]}"#,
        timestamp: 1_700_000_000,
        variant: VARIANT,
    };
    let signature = call.signature("dpbatchTESTsecretKey000000000000");
    for header in [
        format!("host: {host}\r\n"),
        "content-type: application/json; charset=utf-8\r\n".to_owned(),
        "x-tc-action: createdomainbatch\r\n".to_owned(),
        "x-tc-version: 2021-03-23\r\n".to_owned(),
        "x-tc-timestamp: 1700000000\r\n".to_owned(),
        "x-tc-language: zh-cn\r\n".to_owned(),
        "x-tc-token: session-tok\r\n".to_owned(),
        format!("signature={signature}\r\n"),
    ] {
        assert!(seen.contains(&header), "{header} not in {seen}");
    }
    assert!(
        seen.ends_with("\r\n\r\n{\"domainlist\":[\"a.cn\"]}"),
        "{seen}"
    );
}

#[test]
fn a_submit_answered_internal_error_has_an_unknown_outcome() {
    let (endpoint, server) = serve(vec![refusal("InternalError")]);
    let request = domain_create();
    let err = client(endpoint, None).submit(&request).unwrap_err();
    server.join().unwrap();
    assert!(matches!(err, ChangeError::Unknown(_)), "{err:?}");
    let err = anyhow::Error::from(err);
    assert_eq!(exit_code(&err), 1);
    assert!(
        format!("{err:#}").contains("InternalError: said no (RequestId req-9)"),
        "{err:#}"
    );
}

#[test]
fn a_definite_refusal_of_a_submit_exits_3() {
    let (endpoint, server) = serve(vec![refusal("InvalidParameter.DomainsEmpty")]);
    let request = domain_create();
    let err = client(endpoint, None).submit(&request).unwrap_err();
    server.join().unwrap();
    assert!(matches!(err, ChangeError::Refused(_)), "{err:?}");
    assert_eq!(exit_code(&err.into()), 3);
}
