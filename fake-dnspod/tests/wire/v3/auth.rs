//! The gateway's checks: both signed-header variants and any sorted superset pass; each
//! way of getting the signature, clock, key, token, version or action wrong has its code.

use fake_dnspod::{Api, Config, FakeDnspod, TemporaryKey};
use serde_json::json;

use super::{Call, PAGE, SDK, error_code, now, ok, v3};

fn refused(server: &FakeDnspod, call: &Call) -> String {
    error_code(&call.response(server)).to_string()
}

fn lookup(server: &FakeDnspod) -> Call {
    Call::new(server, "DescribeDomainList", json!({}))
}

#[test]
fn both_signed_header_variants_and_sorted_supersets_are_accepted() {
    let server = FakeDnspod::start();
    for signed in [
        PAGE,
        SDK,
        &["content-type", "host", "x-tc-action", "x-tc-timestamp"],
    ] {
        let call = Call {
            signed,
            ..lookup(&server)
        };
        let response = call.response(&server);
        assert_eq!(
            response["DomainCountInfo"]["DomainTotal"], 0,
            "{signed:?}: {response}"
        );
    }
}

#[test]
fn the_vendor_vector_is_accepted_with_its_host_and_clock() {
    let secret_id = "AKIDdpbatchTESTsecretId0000000000000";
    let server = FakeDnspod::start_with(Config {
        secret_id: secret_id.into(),
        secret_key: "dpbatchTESTsecretKey000000000000".into(),
        clock_offset: 1_700_000_000 - now() as i64,
        ..Config::default()
    });
    let call = Call {
        host: "dnspod.tencentcloudapi.com".into(),
        secret_id: secret_id.into(),
        secret_key: "dpbatchTESTsecretKey000000000000".into(),
        timestamp: 1_700_000_000,
        body: r#"{"JobId":69}"#.into(),
        ..Call::new(&server, "DescribeBatchTask", json!({}))
    };
    assert_eq!(
        call.authorization(),
        "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2023-11-14/dnspod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=5d9a82691182b9ba2f7c8a7646841480291e15a2f4a2abef343fdaa0788f6026"
    );
    // Past the signature check: the job is what is missing.
    let reply = call.send(&server);
    assert_eq!(reply.header("date"), Some("Tue, 14 Nov 2023 22:13:20 GMT"));
    assert_eq!(
        error_code(&reply.json()["Response"]),
        "InvalidParameter.BatchTaskNotExist"
    );
}

#[test]
fn a_wrong_signature_is_a_signature_failure() {
    let server = FakeDnspod::start();
    let wrong_key = Call {
        secret_key: "not the key".into(),
        ..lookup(&server)
    };
    let tampered = Call {
        tampered: Some(r#"{"Limit":1} "#.into()),
        ..lookup(&server)
    };
    let unsorted = Call {
        signed: &["host", "content-type"],
        ..lookup(&server)
    };
    let without_host = Call {
        signed: &["content-type", "x-tc-action"],
        ..lookup(&server)
    };
    let mut other_host = lookup(&server);
    other_host.authorization = Some(other_host.authorization());
    other_host.host = "dnspod.tencentcloudapi.com".into();
    for call in [wrong_key, tampered, unsorted, without_host, other_host] {
        assert_eq!(refused(&server, &call), "AuthFailure.SignatureFailure");
    }
}

#[test]
fn a_timestamp_more_than_300_s_off_is_expired() {
    let server = FakeDnspod::start_with(Config {
        clock_offset: -1000,
        ..Config::default()
    });
    let call = lookup(&server);
    let response = call.response(&server);
    assert_eq!(error_code(&response), "AuthFailure.SignatureExpire");
    assert!(
        response["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    for (offset, code) in [(-1290, None), (-1310, Some("AuthFailure.SignatureExpire"))] {
        let call = Call {
            timestamp: now().saturating_add_signed(offset),
            ..lookup(&server)
        };
        let response = call.response(&server);
        assert_eq!(response["Error"]["Code"].as_str(), code, "{offset}");
    }
}

#[test]
fn an_unknown_secret_id_is_not_found() {
    let server = FakeDnspod::start();
    let call = Call {
        secret_id: "AKIDsomebodyElse".into(),
        ..lookup(&server)
    };
    assert_eq!(refused(&server, &call), "AuthFailure.SecretIdNotFound");
}

#[test]
fn temporary_keys_need_their_session_token() {
    let server = FakeDnspod::start_with(Config {
        temporary: Some(TemporaryKey {
            secret_id: "AKIDtemporary".into(),
            secret_key: "temporary-key".into(),
            token: "session-token".into(),
        }),
        ..Config::default()
    });
    let temporary = |token: Option<&str>| Call {
        secret_id: "AKIDtemporary".into(),
        secret_key: "temporary-key".into(),
        token: token.map(str::to_string),
        ..lookup(&server)
    };
    for token in [None, Some("another")] {
        assert_eq!(
            refused(&server, &temporary(token)),
            "AuthFailure.TokenFailure"
        );
    }
    let response = temporary(Some("session-token")).response(&server);
    assert!(response.get("Error").is_none(), "{response}");
    // The permanent key still works beside it.
    ok(&server, "DescribeDomainList", json!({}));
}

#[test]
fn a_missing_or_malformed_authorization_is_refused() {
    let server = FakeDnspod::start();
    let cases = [
        ("", "MissingParameter"),
        ("TC3-HMAC-SHA256", "AuthFailure.InvalidAuthorization"),
        (
            "HMAC-SHA1 Credential=x/y",
            "AuthFailure.InvalidAuthorization",
        ),
        (
            "TC3-HMAC-SHA256 Credential=AKID, SignedHeaders=content-type;host, Signature=00",
            "AuthFailure.InvalidAuthorization",
        ),
    ];
    for (authorization, code) in cases {
        let call = Call {
            authorization: Some(authorization.into()),
            ..lookup(&server)
        };
        assert_eq!(refused(&server, &call), code, "{authorization:?}");
    }
}

#[test]
fn version_and_action_must_exist() {
    let server = FakeDnspod::start();
    let cases = [
        (None, "DescribeDomainList", "MissingParameter"),
        (Some("2018-08-26"), "DescribeDomainList", "NoSuchVersion"),
        (Some("2021-03-23"), "DescribeNothing", "InvalidAction"),
    ];
    for (version, action, code) in cases {
        let call = Call {
            version,
            ..Call::new(&server, action, json!({}))
        };
        assert_eq!(refused(&server, &call), code, "{version:?} {action}");
    }
}

#[test]
fn fields_are_typed_and_known() {
    let server = FakeDnspod::start();
    let cases = [
        (
            "DescribeBatchTask",
            json!({"JobId": "69"}),
            "InvalidParameter",
        ),
        ("DescribeBatchTask", json!({}), "MissingParameter"),
        (
            "DescribeBatchTask",
            json!({"JobId": 69, "Job": 1}),
            "UnknownParameter",
        ),
        (
            "CreateRecordBatch",
            json!({"DomainIdList": [1], "RecordList": []}),
            "InvalidParameter",
        ),
        (
            "ModifyRecordBatch",
            json!({"RecordIdList": ["1"], "Change": "ttl", "ChangeTo": "60"}),
            "InvalidParameter",
        ),
    ];
    for (action, body, code) in cases {
        assert_eq!(
            error_code(&v3(&server, action, body.clone())),
            code,
            "{body}"
        );
    }
    let response = v3(&server, "DescribeBatchTask", json!({"JobId": 69, "Job": 1}));
    assert!(
        response["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("`Job`")
    );
}

#[test]
fn v3_requests_are_logged_with_their_action_and_json_body() {
    let server = FakeDnspod::start();
    v3(&server, "DescribeBatchTask", json!({"JobId": 69}));
    let request = &server.requests()[0];
    assert_eq!(
        (request.api, request.action.as_str()),
        (Api::V3, "DescribeBatchTask")
    );
    assert_eq!(request.json(), Some(json!({"JobId": 69})));
    assert!(
        request
            .header("authorization")
            .unwrap()
            .starts_with("TC3-HMAC-SHA256 ")
    );
    assert_eq!(server.count("DescribeBatchTask"), 1);
}
