use super::*;
use crate::secret::test_keys;

fn backend(credentials: Option<Credentials>) -> V3Backend {
    V3Backend::new(Options {
        endpoint: Endpoint::parse("http://127.0.0.1:8053").unwrap(),
        credentials,
        lang: Lang::En,
        user_agent: "dpbatch/test".into(),
        request_timeout: Duration::from_secs(5),
        trace: None,
        clock: || 1_763_942_400,
        lookup_jobs: 1,
    })
    .unwrap()
}

fn keys(token: Option<&str>) -> Credentials {
    test_keys(
        "AKIDdpbatchTESTsecretId0000000000abcd".into(),
        "dpbatchTESTsecretKey000000000000".into(),
        token.map(str::to_owned),
    )
}

fn spec() -> JobSpec {
    JobSpec::DomainCreate {
        domains: vec!["a.cn".into(), "例子.cn".into()],
        value: Some("1.2.3.4".into()),
    }
}

#[test]
fn secret_ids_show_four_characters_at_each_end() {
    assert_eq!(
        mask_secret_id("AKIDdpbatchTESTsecretId0000000000abcd"),
        "AKID****abcd"
    );
    assert_eq!(mask_secret_id("AKID12345678"), "AKID****5678");
    assert_eq!(mask_secret_id("AKID1234567"), "****");
    assert_eq!(mask_secret_id(""), "****");
    assert_eq!(
        mask_secret_id("例子例子例子例子例子例子"),
        "例子例子****例子例子"
    );
}

#[test]
fn a_dry_run_shows_the_request_with_its_secrets_hidden() {
    let preview = backend(Some(keys(Some("sts-token")))).preview(&spec());
    assert_eq!(
        (preview.method, preview.url.as_str()),
        ("POST", "http://127.0.0.1:8053/")
    );
    assert_eq!(preview.content_type, "application/json; charset=utf-8");
    assert!(preview.form.is_empty());
    let headers: Vec<String> = preview
        .headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    assert_eq!(
        headers,
        [
            "Authorization: TC3-HMAC-SHA256 Credential=AKID****abcd/2025-11-24/dnspod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=<redacted>",
            "X-TC-Action: CreateDomainBatch",
            "X-TC-Version: 2021-03-23",
            "X-TC-Timestamp: 1763942400",
            "X-TC-Language: en-US",
            "X-TC-Token: <redacted>",
        ]
    );
    assert_eq!(
        preview.body.as_deref(),
        Some(r#"{"DomainList":["a.cn","例子.cn"],"RecordValue":"1.2.3.4"}"#)
    );
    let shown = format!("{headers:?} {:?}", preview.body);
    for secret in ["secretKey", "sts-token", "TESTsecretId"] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

#[test]
fn a_dry_run_needs_no_credentials() {
    let preview = backend(None).preview(&spec());
    assert!(
        preview.headers[0]
            .1
            .contains("Credential=<no credentials configured>/")
    );
    assert!(
        !preview
            .headers
            .iter()
            .any(|(name, _)| *name == "X-TC-Token")
    );
    let err = anyhow::Error::from(backend(None).submit(&spec()).unwrap_err());
    assert!(
        format!("{err:#}").contains("no API 3.0 credentials"),
        "{err:#}"
    );
}

#[test]
fn credentials_never_show_their_secrets() {
    let credentials = keys(Some("sts-token"));
    assert_eq!(format!("{credentials:?}"), "CloudKeys(AKID****abcd)");
    let redacted = credentials
        .redactor()
        .redact_bytes(b"key dpbatchTESTsecretKey000000000000 token sts-token".to_vec());
    assert_eq!(redacted, b"key <redacted> token <redacted>");
}

#[test]
fn languages_are_the_api_s_own_tags() {
    assert_eq!(language(Lang::En), "en-US");
    assert_eq!(language(Lang::Cn), "zh-CN");
}

#[test]
fn detail_reads_a_job_and_traces_action_status_and_request_id() {
    use std::sync::{Arc, Mutex};
    let (endpoint, server) = loopback::serve(vec![
        wire::tests::TASK.to_owned(),
        r#"{"Response": {"DetailList": [], "RequestId": "empty-1"}}"#.to_owned(),
    ]);
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = Arc::clone(&lines);
    let backend = V3Backend::new(Options {
        endpoint,
        credentials: Some(loopback::credentials()),
        lang: Lang::En,
        user_agent: "dpbatch/test".into(),
        request_timeout: Duration::from_secs(5),
        trace: Some(Arc::new(move |line: &str| {
            sink.lock().unwrap().push(line.to_owned())
        })),
        clock: || 1_700_000_000,
        lookup_jobs: 1,
    })
    .unwrap();
    assert_eq!(backend.detail(69, None).unwrap().domains.len(), 3);
    // A job always has items: an answer without any is broken.
    match backend.detail(69, None) {
        Err(CallError::Unreadable(why)) => assert!(why.contains("job 69"), "{why}"),
        other => panic!("{other:?}"),
    }
    let seen = server.join().unwrap();
    assert!(seen[0].ends_with(r#"{"JobId":69}"#), "{}", seen[0]);
    let lines = lines.lock().unwrap().join("\n");
    for part in [
        "DescribeBatchTask answered HTTP 200",
        "DescribeBatchTask RequestId ab-12",
        "DescribeBatchTask RequestId empty-1",
    ] {
        assert!(lines.contains(part), "{part} not in {lines}");
    }
    assert!(
        !lines.contains("secretKey") && !lines.contains("session-tok"),
        "{lines}"
    );
}
