//! The look-ups' answers in every shape the real server sent between 2014 and 2023, written
//! with our own example values: numbers and strings swapped per year and per field, fields
//! that come and go, and refusals whose messages changed while their codes did not.

use super::*;
use crate::backend::CallError;
use crate::backend::legacy::client::parse_answer;
use crate::backend::legacy::codes::{classify, not_in_account};
use crate::backend::legacy::wire::Action;
use crate::error::RefusalKind;

fn is_login_failure(code: &str) -> bool {
    classify(Action::DomainInfo, code).0 == RefusalKind::Auth
}

fn parse<T: Answer>(action: Action, body: &str) -> Result<T, CallError> {
    parse_answer(action, body.as_bytes())
}

#[test]
fn domain_info_reads_string_ids_beside_a_boolean_remark() {
    let body = r#"{"status":{"code":"1","message":"Action completed successful","created_at":"2016-05-11 02:55:53"},
        "domain":{"id":"40100200","name":"shop.example","punycode":"shop.example","grade":"DP_Free",
        "grade_title":"\u65b0\u514d\u8d39\u5957\u9910","status":"enable","ext_status":"dnserror","records":"2",
        "group_id":"1","is_mark":"no","remark":false,"is_vip":"no","searchengine_push":"yes","user_id":"700001",
        "created_on":"2016-05-11 02:35:23","updated_on":"2016-05-11 02:35:23","ttl":"600",
        "cname_speedup":"disable","owner":"owner@example.com"}}"#;
    let answer: DomainInfoAnswer = parse(Action::DomainInfo, body).unwrap();
    assert_eq!(answer.domain.id, 40100200);
    assert_eq!(answer.domain.punycode.as_deref(), Some("shop.example"));
}

/// The info block of 2017 (totals numbers, `share_total` a string) and of 2019 (the other
/// way round), with domains of several vintages: `group_id` a number or a string,
/// `remark: false`, `dnspod_ns` a list.
#[test]
fn domain_list_totals_are_numbers_or_strings_even_within_one_answer() {
    let domains = r#"[{"id":40100200,"name":"shop.example","punycode":"shop.example","grade":"DP_Free",
        "status":"enable","ext_status":"dnserror","records":"2","group_id":"1","is_mark":"no","remark":false,
        "ttl":"600","owner":"owner@example.com"},
        {"id":40100201,"name":"例子.example","punycode":"xn--fsqu00a.example","grade":"DP_Free","group_id":1,
        "remark":false,"ttl":600,"min_ttl":600,"dnspod_ns":["ns1.example.net","ns2.example.net"],"status":"enable"}]"#;
    let infos = [
        r#"{"domain_total":2,"all_total":2,"mine_total":2,"share_total":"0","vip_total":0,"share_out_total":1}"#,
        r#"{"domain_total":"2","all_total":"2","mine_total":"2","share_total":0,"vip_total":"0","share_out_total":"1"}"#,
    ];
    for info in infos {
        let body = format!(r#"{{"status":{{"code":"1"}},"info":{info},"domains":{domains}}}"#);
        let answer: DomainListAnswer = parse(Action::DomainList, &body).unwrap();
        assert_eq!(answer.info.domain_total, Some(2), "{info}");
        let ids: Vec<u64> = answer.domains.iter().map(|d| d.id).collect();
        assert_eq!(ids, [40100200, 40100201]);
        assert_eq!(
            answer.domains[1].punycode.as_deref(),
            Some("xn--fsqu00a.example")
        );
    }
}

fn records(body: &str) -> RecordListAnswer {
    parse(Action::RecordList, body).unwrap()
}

/// 2014: `record_total` a number, no `line_id` and no `weight`; the domain's id a string.
#[test]
fn record_list_of_2014_has_a_numeric_total_and_no_line_id() {
    let answer = records(
        r#"{"status":{"code":"1"},"domain":{"id":"40100200","name":"shop.example","punycode":"shop.example",
        "grade":"DP_Free","owner":"owner@example.com"},"info":{"sub_domains":"12","record_total":1},
        "records":[{"id":"900001","name":"www","line":"\u9ed8\u8ba4","type":"A","ttl":"600","value":"192.0.2.1",
        "mx":"0","enabled":"1","status":"enabled","monitor_status":"","remark":"","updated_on":"2014-07-08 16:38:27",
        "use_aqb":"no"}]}"#,
    );
    assert_eq!(answer.info.record_total, Some(1));
    let www = &answer.records[0];
    assert_eq!((www.id, www.ttl), (900001, Some(600)));
    assert_eq!(
        (www.line.as_deref(), www.value.as_deref()),
        (Some("默认"), Some("192.0.2.1"))
    );
}

/// 2016: `weight: null` on every record, `"hold":"hold"` on the system NS records.
#[test]
fn record_list_of_2016_has_null_weights_and_held_ns_records() {
    let answer = records(
        r#"{"status":{"code":"1"},"domain":{"id":"40100200","name":"shop.example"},
        "info":{"sub_domains":"2","record_total":"2"},
        "records":[{"id":"900010","name":"@","line":"\u9ed8\u8ba4","type":"NS","ttl":"86400",
        "value":"ns1.example.net.","weight":null,"mx":"0","enabled":"1","status":"enabled","monitor_status":"",
        "remark":"","updated_on":"2016-05-11 02:35:23","use_aqb":"no","hold":"hold"},
        {"id":"900011","name":"@","line":"\u9ed8\u8ba4","type":"MX","ttl":"600","value":"mx.shop.example.",
        "weight":null,"mx":"10","enabled":"1","status":"enabled","remark":"","use_aqb":"no"}]}"#,
    );
    assert_eq!(answer.info.record_total, Some(2));
    let [ns, mx] = [0, 1].map(|i| answer.records[i].clone().into_record());
    assert_eq!(
        (ns.record_type.as_deref(), ns.ttl, ns.mx),
        (Some("NS"), Some(86400), None)
    );
    assert_eq!((mx.id, mx.mx), (900011, Some(10)));
    assert_eq!((ns.system, mx.system), (true, false), "held is DNSPod's");
}

/// 2017: `line_id` appears, `weight` is a number on some records, and a value may keep
/// the trailing dot it was written with.
#[test]
fn record_list_of_2017_has_line_ids_and_numeric_weights() {
    let answer = records(
        r#"{"status":{"code":"1"},"domain":{"id":"40100200","name":"shop.example","ttl":600,"min_ttl":600,
        "dnspod_ns":["ns1.example.net","ns2.example.net"],"status":"enable"},
        "info":{"sub_domains":"60","record_total":"2"},
        "records":[{"id":"900020","ttl":"30","value":"192.0.2.7.","enabled":"1","status":"enabled",
        "name":"api","line":"\u9ed8\u8ba4","line_id":"0","type":"A","weight":null,"remark":"","mx":"0"},
        {"id":"900021","ttl":"30","value":"192.0.2.8","enabled":"1","status":"enabled","name":"api",
        "line":"\u79FB\u52A8","line_id":"10=3","type":"A","weight":10,"remark":"","mx":"0"}]}"#,
    );
    let [dotted, weighted] = [&answer.records[0], &answer.records[1]];
    assert_eq!(dotted.value.as_deref(), Some("192.0.2.7."));
    assert_eq!(
        (weighted.id, weighted.line.as_deref(), weighted.ttl),
        (900021, Some("移动"), Some(30))
    );
    assert_eq!((dotted.weight, weighted.weight), (None, Some(10)));
}

/// 2019: ids, TTLs, `enabled` and `mx` as JSON numbers, the domain's id a number, and
/// `records_num` beside the totals.
#[test]
fn record_list_of_2019_sends_numbers() {
    let answer = records(
        r#"{"status":{"code":"1"},"domain":{"id":40100200,"name":"shop.example","q_project_id":0},
        "info":{"sub_domains":"11","record_total":"1","records_num":"1"},
        "records":[{"id":900030,"ttl":600,"value":"192.0.2.9","enabled":1,"status":"enabled",
        "updated_on":"2019-08-29 11:40:12","q_project_id":0,"name":"*.app","line":"默认","line_id":"0",
        "type":"A","remark":"","mx":0}]}"#,
    );
    let record = answer.records[0].clone().into_record();
    assert_eq!(
        (record.id, record.ttl, record.mx),
        (900030, Some(600), None)
    );
    assert_eq!(
        (record.host.as_deref(), record.enabled),
        (Some("*.app"), true)
    );
}

fn refusal<T: Answer + std::fmt::Debug>(action: Action, code: &str, message: &str) -> String {
    let body = format!(
        r#"{{"status":{{"code":"{code}","message":"{message}","created_at":"2023-06-21 00:00:00"}}}}"#
    );
    match parse::<T>(action, &body) {
        Err(CallError::Refused(refused)) => refused.code,
        other => panic!("{body}: {other:?}"),
    }
}

/// The refusals seen for a domain the account does not hold: code 13 in English (2016)
/// and under two Chinese texts (2023), 9 as the vendor's table gives it, 6 and 8.
#[test]
fn unknown_domains_are_known_by_their_code_in_any_wording() {
    let cases = [
        ("13", "Domain is not exists"),
        ("13", "当前域名有误，请返回重新操作。"),
        ("13", "当前域名未添加解析，请返回域名列表"),
        ("9", "Not the owner of the domain"),
        ("8", "You are not the domain's owner"),
        ("6", "Domain ID invalid"),
    ];
    for (code, message) in cases {
        let info = refusal::<DomainInfoAnswer>(Action::DomainInfo, code, message);
        let list = refusal::<RecordListAnswer>(Action::RecordList, code, message);
        let all = refusal::<DomainListAnswer>(Action::DomainList, code, message);
        assert!(not_in_account(Action::DomainInfo, &info), "{message}");
        assert!(not_in_account(Action::RecordList, &list), "{message}");
        assert!(not_in_account(Action::DomainList, &all), "{message}");
    }
    // Batch.Detail's 8 is about a job, not a domain.
    assert!(!not_in_account(Action::Detail, "8"));
}

/// A bad token (10002 since 2018, -1 as documented), no records (10), a bad line (26):
/// none of them is an unknown domain, whatever the message says.
#[test]
fn other_refusals_are_not_unknown_domains() {
    for code in ["10002", "-1"] {
        let code = refusal::<DomainInfoAnswer>(Action::DomainInfo, code, "Domain is not exists");
        assert!(is_login_failure(&code));
        assert!(!not_in_account(Action::DomainInfo, &code));
    }
    for (code, message) in [
        ("10", "No records"),
        ("26", "Record line invalid"),
        ("3", "Domain is not exists"),
    ] {
        let code = refusal::<RecordListAnswer>(Action::RecordList, code, message);
        assert!(!not_in_account(Action::RecordList, &code), "{code}");
        assert!(!is_login_failure(&code));
    }
}
