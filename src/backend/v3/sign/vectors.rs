//! Worked examples of both signed-header variants (made-up keys), each step byte for byte.

use super::*;

const SECRET_ID: &str = "AKIDdpbatchTESTsecretId0000000000000";
const SECRET_KEY: &str = "dpbatchTESTsecretKey000000000000";

struct Vector {
    action: &'static str,
    timestamp: u64,
    variant: SignedHeaders,
    body: &'static str,
    canonical_request: &'static str,
    string_to_sign: &'static str,
    authorization: &'static str,
}

const VECTORS: [Vector; 6] = [
    Vector {
        action: "DescribeBatchTask",
        timestamp: 1700000000,
        variant: SignedHeaders::WithAction,
        body: "{\"JobId\":69}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json; charset=utf-8\n\
host:dnspod.tencentcloudapi.com\n\
x-tc-action:describebatchtask\n\
\n\
content-type;host;x-tc-action\n\
303215014e0bb80997884cb08aa74a8112d706f4a57041676698f9545228485d",
        string_to_sign: "TC3-HMAC-SHA256\n\
1700000000\n\
2023-11-14/dnspod/tc3_request\n\
0e46af8e8d04ed7d0d3a41764f31fec25e9b17eecc87c4b9cd482af65f814900",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2023-11-14/dnspod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=5d9a82691182b9ba2f7c8a7646841480291e15a2f4a2abef343fdaa0788f6026",
    },
    Vector {
        action: "CreateDomainBatch",
        timestamp: 1763942400,
        variant: SignedHeaders::WithAction,
        body: "{\"DomainList\":[\"a.cn\",\"例子.cn\"],\"RecordValue\":\"1.2.3.4\"}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json; charset=utf-8\n\
host:dnspod.tencentcloudapi.com\n\
x-tc-action:createdomainbatch\n\
\n\
content-type;host;x-tc-action\n\
e4b5bf9b6b84ea7d66f700a3aa06ee9b9cdfb0c1ce564624873b0ff93357c0ba",
        string_to_sign: "TC3-HMAC-SHA256\n\
1763942400\n\
2025-11-24/dnspod/tc3_request\n\
61024d16da2361ccedf0a5abb396f2de5e6cf625ee4d4a373c57c9e916b646f7",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2025-11-24/dnspod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=ed46bd595e943b810169887c90ff9ade910d230d38d8ceea6d4bac50de9cad64",
    },
    Vector {
        action: "ModifyRecordBatch",
        timestamp: 1704067199,
        variant: SignedHeaders::WithAction,
        body: "{\"RecordIdList\":[36,90,91],\"Change\":\"ttl\",\"ChangeTo\":\"3600\"}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json; charset=utf-8\n\
host:dnspod.tencentcloudapi.com\n\
x-tc-action:modifyrecordbatch\n\
\n\
content-type;host;x-tc-action\n\
f13a9b199b2f3e427365300ca1005ff87ba4df93aefa39882f29245c8f2ab4f8",
        string_to_sign: "TC3-HMAC-SHA256\n\
1704067199\n\
2023-12-31/dnspod/tc3_request\n\
f1012e61c37e54ccc979a5e5de1ad4abe2dc099835db37b20cb0b108f18d97a9",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2023-12-31/dnspod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=8faa6a60b8a5a80dbd8b753b12067c203ac396b5dc0b5a330f90ad8c732ebe96",
    },
    Vector {
        action: "DescribeBatchTask",
        timestamp: 1700000000,
        variant: SignedHeaders::ContentTypeAndHost,
        body: "{\"JobId\":69}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json\n\
host:dnspod.tencentcloudapi.com\n\
\n\
content-type;host\n\
303215014e0bb80997884cb08aa74a8112d706f4a57041676698f9545228485d",
        string_to_sign: "TC3-HMAC-SHA256\n\
1700000000\n\
2023-11-14/dnspod/tc3_request\n\
0c7fa91640b4993e026ccdd8db7d25f160c109e987f6b7667a4ba825e72e7933",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2023-11-14/dnspod/tc3_request, SignedHeaders=content-type;host, Signature=15ea06176dfdc0d2d7d7c5b6e662e07bb3481079bb0ae97bdf757b359ea94e2f",
    },
    Vector {
        action: "CreateDomainBatch",
        timestamp: 1763942400,
        variant: SignedHeaders::ContentTypeAndHost,
        body: "{\"DomainList\":[\"a.cn\",\"例子.cn\"],\"RecordValue\":\"1.2.3.4\"}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json\n\
host:dnspod.tencentcloudapi.com\n\
\n\
content-type;host\n\
e4b5bf9b6b84ea7d66f700a3aa06ee9b9cdfb0c1ce564624873b0ff93357c0ba",
        string_to_sign: "TC3-HMAC-SHA256\n\
1763942400\n\
2025-11-24/dnspod/tc3_request\n\
32757797eef699d6b5c39a832baf79136cf02e824db136b682f3c6db82e13345",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2025-11-24/dnspod/tc3_request, SignedHeaders=content-type;host, Signature=16794e282872e53f2b5c86c3e18eab4790f9819d2fed563ad61cac477f6b9e90",
    },
    Vector {
        action: "ModifyRecordBatch",
        timestamp: 1704067199,
        variant: SignedHeaders::ContentTypeAndHost,
        body: "{\"RecordIdList\":[36,90,91],\"Change\":\"ttl\",\"ChangeTo\":\"3600\"}",
        canonical_request: "POST\n\
/\n\
\n\
content-type:application/json\n\
host:dnspod.tencentcloudapi.com\n\
\n\
content-type;host\n\
f13a9b199b2f3e427365300ca1005ff87ba4df93aefa39882f29245c8f2ab4f8",
        string_to_sign: "TC3-HMAC-SHA256\n\
1704067199\n\
2023-12-31/dnspod/tc3_request\n\
bf9e186c2713ce572898452feaabe995a0a23de2c3fd7fd78eb039f81815d713",
        authorization: "TC3-HMAC-SHA256 Credential=AKIDdpbatchTESTsecretId0000000000000/2023-12-31/dnspod/tc3_request, SignedHeaders=content-type;host, Signature=4c0ffec12b2a217c0253d8afca52b24e04b854c6b2becf261c98b2f7f404c820",
    },
];

#[test]
fn every_step_of_every_vector_is_reproduced_byte_for_byte() {
    for v in &VECTORS {
        let call = Call {
            host: "dnspod.tencentcloudapi.com",
            action: v.action,
            body: v.body.as_bytes(),
            timestamp: v.timestamp,
            variant: v.variant,
        };
        let which = format!("{} {} {:?}", v.action, v.timestamp, v.variant);
        assert_eq!(call.canonical_request(), v.canonical_request, "{which}");
        assert_eq!(call.string_to_sign(), v.string_to_sign, "{which}");
        let authorization = call.authorization(SECRET_ID, &call.signature(SECRET_KEY));
        assert_eq!(authorization, v.authorization, "{which}");
        let sent = call.headers(authorization, None, None);
        assert_eq!(sent[0], ("Authorization", v.authorization.to_owned()));
        assert_eq!(
            sent[1],
            ("Content-Type", v.variant.content_type().to_owned())
        );
    }
}

/// What signing one request costs, for `bench/run.sh` (which runs it with
/// `cargo test --release -- --ignored signing_cost --nocapture`): not a check.
#[test]
#[ignore = "a measurement for bench/run.sh"]
fn signing_cost() {
    let body = br#"{"RecordIdList":[118332371,118332374],"Change":"ttl","ChangeTo":"600"}"#;
    let rounds: u32 = 20_000;
    let started = std::time::Instant::now();
    for i in 0..rounds {
        let call = Call {
            host: "dnspod.tencentcloudapi.com",
            action: "ModifyRecordBatch",
            body,
            timestamp: 1_700_000_000 + u64::from(i),
            variant: SignedHeaders::WithAction,
        };
        let signature = call.signature(SECRET_KEY);
        std::hint::black_box(call.headers(call.authorization(SECRET_ID, &signature), None, None));
    }
    println!(
        "signing: {} ns per request",
        started.elapsed().as_nanos() / u128::from(rounds)
    );
}
