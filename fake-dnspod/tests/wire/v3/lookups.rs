//! The look-ups: shapes, paging by Offset/Limit, filters, ErrorOnEmpty and unknown domains.

use fake_dnspod::FakeDnspod;
use serde_json::{Value, json};

use super::{error_code, ok, v3};

fn record_ids(response: &Value) -> Vec<u64> {
    let list = response["RecordList"].as_array().unwrap();
    list.iter()
        .map(|r| r["RecordId"].as_u64().unwrap())
        .collect()
}

#[test]
fn describe_domain_finds_by_either_name_or_by_id() {
    let server = FakeDnspod::start();
    let id = server.add_domain("例子.cn");
    server.add_record(id, "www", "A", "默认", "192.0.2.1");
    for body in [
        json!({"Domain": "例子.cn"}),
        json!({"Domain": "XN--FSQU00A.cn"}),
        json!({"Domain": "other.cn", "DomainId": id}),
    ] {
        let info = &ok(&server, "DescribeDomain", body)["DomainInfo"];
        assert_eq!(
            (&info["DomainId"], &info["Domain"]),
            (&json!(id), &json!("例子.cn"))
        );
        assert_eq!(
            (&info["Punycode"], &info["RecordCount"]),
            (&json!("xn--fsqu00a.cn"), &json!(3)),
            "www and DNSPod's two NS records"
        );
    }
    for body in [
        json!({"Domain": "other.cn"}),
        json!({"Domain": "x", "DomainId": 1}),
    ] {
        let response = v3(&server, "DescribeDomain", body);
        assert_eq!(
            error_code(&response),
            "InvalidParameterValue.DomainNotExists"
        );
    }
    assert_eq!(
        error_code(&v3(&server, "DescribeDomain", json!({}))),
        "MissingParameter"
    );
}

#[test]
fn describe_domain_list_pages_by_offset_and_limit() {
    let server = FakeDnspod::start();
    let ids = server.add_domains("p", 3100);
    let first = ok(&server, "DescribeDomainList", json!({}));
    assert_eq!(first["DomainCountInfo"]["DomainTotal"], 3100);
    assert_eq!(
        first["DomainList"].as_array().unwrap().len(),
        3000,
        "the default Limit"
    );
    let rest = ok(
        &server,
        "DescribeDomainList",
        json!({"Offset": 3000, "Limit": 3000}),
    );
    let listed = rest["DomainList"].as_array().unwrap();
    assert_eq!(listed.len(), 100);
    assert_eq!(listed[0]["DomainId"], ids[3000]);
    assert_eq!(listed[0]["Name"], "p03001.example");
    let keyword = ok(
        &server,
        "DescribeDomainList",
        json!({"Keyword": "p0300", "Limit": 5}),
    );
    assert_eq!(keyword["DomainCountInfo"]["DomainTotal"], 10);
    assert_eq!(keyword["DomainList"].as_array().unwrap().len(), 5);
    let wide = v3(&server, "DescribeDomainList", json!({"Keyword": "example"}));
    assert_eq!(error_code(&wide), "InvalidParameter.ResultMoreThan500");
}

#[test]
fn describe_record_list_pages_at_100_by_default_and_3000_at_most() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    for n in 0..150 {
        server.add_record(domain, &format!("h{n}"), "A", "默认", "192.0.2.1");
    }
    // DNSPod's two NS records first, then the 150.
    let ids: Vec<u64> = server.records().iter().map(|r| r.id).collect();
    let first = ok(&server, "DescribeRecordList", json!({"Domain": "a.cn"}));
    assert_eq!(record_ids(&first), ids[..100]);
    let info = &first["RecordCountInfo"];
    assert_eq!(
        (&info["TotalCount"], &info["ListCount"]),
        (&json!(152), &json!(100))
    );
    let second = ok(
        &server,
        "DescribeRecordList",
        json!({"Domain": "a.cn", "Offset": 100, "Limit": 3000}),
    );
    assert_eq!(record_ids(&second), ids[100..]);
    let over = v3(
        &server,
        "DescribeRecordList",
        json!({"Domain": "a.cn", "Limit": 3001}),
    );
    assert_eq!(error_code(&over), "InvalidParameterValue.LimitInvalid");
}

#[test]
fn describe_record_list_filters_and_shows_loose_types() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let [ns1, ns2] = [0, 1].map(|i| server.records()[i].id);
    let www = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let mx = server.add_record(domain, "@", "MX", "电信", "mx.a.cn.");
    server.add_record(domain, "www", "A", "联通", "192.0.2.2");
    let by_sub = |body: Value| record_ids(&ok(&server, "DescribeRecordList", body));
    // SubDomain wins over Subdomain.
    assert_eq!(
        by_sub(
            json!({"Domain": "a.cn", "Subdomain": "@", "SubDomain": "www", "RecordLine": "默认"})
        ),
        [www]
    );
    assert_eq!(
        by_sub(json!({"Domain": "a.cn", "Subdomain": "@"})),
        [ns1, ns2, mx]
    );
    assert_eq!(
        by_sub(json!({"Domain": "a.cn", "RecordType": "mx", "RecordLineId": "10=0"})),
        [mx]
    );
    let all = ok(&server, "DescribeRecordList", json!({"Domain": "a.cn"}));
    let list = all["RecordList"].as_array().unwrap();
    let mx_item = list.iter().find(|r| r["RecordId"] == mx).unwrap();
    assert_eq!(
        (&mx_item["Type"], &mx_item["MX"], &mx_item["LineId"]),
        (&json!("MX"), &json!(5), &json!("10=0"))
    );
    // Odd ids as the vendor's examples (strings), even ones numbers and nulls. Only
    // DNSPod's own NS records say `DefaultNS: true`, with a TTL of a day.
    for item in list {
        let id = item["RecordId"].as_u64().unwrap();
        let (odd, system) = (id % 2 == 1, [ns1, ns2].contains(&id));
        let ttl = if system { 86_400 } else { 600 };
        assert_eq!(
            item["TTL"],
            if odd {
                json!(ttl.to_string())
            } else {
                json!(ttl)
            }
        );
        let default_ns = match (system, odd) {
            (true, _) => json!(true),
            (false, true) => Value::Null,
            (false, false) => json!(false),
        };
        assert_eq!(item["DefaultNS"], default_ns, "{item}");
        assert_eq!(item["Weight"], Value::Null, "no record here has a weight");
        assert_eq!(
            (&item["Status"], &item["Name"].is_string()),
            (&json!("ENABLE"), &true)
        );
    }
}

#[test]
fn an_empty_record_list_is_an_error_unless_asked_otherwise() {
    let server = FakeDnspod::start();
    server.add_domain("a.cn");
    // Every domain has DNSPod's NS records: only a filter finds nothing.
    let www = json!({"Domain": "a.cn", "Subdomain": "www"});
    let empty = v3(&server, "DescribeRecordList", www);
    assert_eq!(error_code(&empty), "ResourceNotFound.NoDataOfRecord");
    let asked = ok(
        &server,
        "DescribeRecordList",
        json!({"Domain": "a.cn", "Subdomain": "www", "ErrorOnEmpty": "no"}),
    );
    assert_eq!(
        (
            &asked["RecordList"],
            &asked["RecordCountInfo"]["TotalCount"]
        ),
        (&json!([]), &json!(0))
    );
    let unknown = v3(&server, "DescribeRecordList", json!({"Domain": "b.cn"}));
    assert_eq!(
        error_code(&unknown),
        "InvalidParameterValue.DomainNotExists"
    );
}

#[test]
fn look_ups_see_what_finished_v3_jobs_made() {
    let server = FakeDnspod::start();
    ok(
        &server,
        "CreateDomainBatch",
        json!({"DomainList": ["new.cn"], "RecordValue": "192.0.2.9"}),
    );
    assert_eq!(
        error_code(&v3(&server, "DescribeDomain", json!({"Domain": "new.cn"}))),
        "InvalidParameterValue.DomainNotExists"
    );
    server.finish_all();
    let list = ok(&server, "DescribeRecordList", json!({"Domain": "new.cn"}));
    assert_eq!(
        list["RecordCountInfo"]["TotalCount"], 4,
        "@ and www, and DNSPod's two NS records"
    );
    let fake = FakeDnspod::domains(&server);
    assert_eq!(fake[0].name, "new.cn");
}

#[test]
fn totals_can_be_left_out_or_overstated_while_the_pages_stay_true() {
    let totals = |totals| {
        let server = FakeDnspod::start_with(fake_dnspod::Config {
            totals,
            ..fake_dnspod::Config::default()
        });
        let id = server.add_domain("a.cn");
        server.add_record(id, "www", "A", "默认", "192.0.2.1");
        let all: Vec<u64> = server.records().iter().map(|r| r.id).collect();
        let domains = ok(&server, "DescribeDomainList", json!({}));
        let records = ok(&server, "DescribeRecordList", json!({"Domain": "a.cn"}));
        assert_eq!(domains["DomainList"][0]["Name"], "a.cn");
        assert_eq!(record_ids(&records), all, "DNSPod's two NS records and www");
        let counts = &domains["DomainCountInfo"];
        let info = &records["RecordCountInfo"];
        assert_eq!(info["ListCount"], 3);
        [
            counts["DomainTotal"].clone(),
            counts["AllTotal"].clone(),
            info["TotalCount"].clone(),
            info["SubdomainCount"].clone(),
        ]
    };
    assert_eq!(
        totals(fake_dnspod::Totals::Missing),
        [Value::Null, Value::Null, Value::Null, Value::Null]
    );
    assert_eq!(
        totals(fake_dnspod::Totals::Overstated(2)),
        [json!(3), json!(3), json!(5), json!(5)]
    );
}

#[test]
fn describe_record_list_shows_each_records_own_weight_remark_and_pause() {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let plain = server.add_record(domain, "www", "A", "默认", "192.0.2.1");
    let kept = server.add_record(domain, "www", "A", "默认", "192.0.2.2");
    server.change_record(kept, |r| {
        (r.weight, r.enabled) = (Some(30), false);
        r.remark = "备用".into();
    });
    let zero = server.add_record(domain, "api", "A", "默认", "192.0.2.3");
    server.change_record(zero, |r| r.weight = Some(0));
    let all = ok(&server, "DescribeRecordList", json!({"Domain": "a.cn"}));
    let shown = |id: u64| {
        let list = all["RecordList"].as_array().unwrap();
        let r = list.iter().find(|r| r["RecordId"] == id).unwrap();
        (
            r["Weight"].clone(),
            r["Status"].clone(),
            r["Remark"].clone(),
        )
    };
    assert_eq!(shown(plain), (Value::Null, json!("ENABLE"), json!("")));
    assert_eq!(shown(kept), (json!(30), json!("DISABLE"), json!("备用")));
    assert_eq!(shown(zero).0, json!(0), "0 is a weight, not none");
}
