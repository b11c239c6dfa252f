//! Paging through Domain.List and Record.List: past the vendor's forced 3000 entries, and
//! to an end whatever a server claims, with each domain and record sent once.

use crate::support::{Env, ids};
use fake_dnspod::Fault;

#[test]
fn domain_list_pages_past_3000_until_every_name_is_found() {
    let env = Env::new();
    let seeded = env.server.add_domains("p", 3500);
    // Three names past the first page: one more page is cheaper than three Domain.Info.
    let names = "p03100.example,p03200.example,p03300.example";
    env.record_create()
        .domains(names)
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    let pages = env.requests("Domain.List");
    assert_eq!(pages.len(), 2);
    assert_eq!(
        (pages[1].param("offset"), pages[1].param("length")),
        (Some("3000"), Some("3000"))
    );
    assert!(env.requests("Domain.Info").is_empty());
    let want = ids(&[seeded[3099], seeded[3199], seeded[3299]]);
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(want.as_str())
    );
}

#[test]
fn one_name_left_after_the_first_page_is_asked_for_alone() {
    let env = Env::new();
    let seeded = env.server.add_domains("p", 3500);
    env.record_create()
        .domains("p00001.example,p03400.example")
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    assert_eq!(env.requests("Domain.List").len(), 1);
    let info = env.requests("Domain.Info");
    assert_eq!(info.len(), 1, "only the name the first page did not hold");
    assert_eq!(info[0].param("domain"), Some("p03400.example"));
    let want = ids(&[seeded[0], seeded[3399]]);
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(want.as_str())
    );
}

#[test]
fn record_list_pages_past_3000() {
    let env = Env::new();
    let big = env.server.add_domain("big.cn");
    let records: Vec<u64> = (0..3100)
        .map(|i| {
            env.server
                .add_record(big, "www", "TXT", "默认", &format!("v{i}"))
        })
        .collect();
    env.record_modify()
        .domains("big.cn")
        .select("www", "TXT")
        .change("ttl", 60)
        .run()
        .code(0);
    let pages = env.requests("Record.List");
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1].param("offset"), Some("3000"));
    let sent = env.requests("Batch.Record.Modify")[0]
        .param("record_id")
        .unwrap()
        .split(',')
        .count();
    assert_eq!(sent, records.len());
}

#[test]
fn paging_stops_at_an_empty_page_whatever_total_was_claimed() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let record = env.server.add_record(a, "www", "A", "默认", "1.1.1.1");
    let claims = |records: &str| {
        Fault::Json(format!(
            r#"{{"status": {{"code": "1"}}, "info": {{"record_total": "5000"}}, "records": [{records}]}}"#
        ))
    };
    let listed = format!(
        r#"{{"id": "{record}", "name": "www", "line": "默认", "type": "A", "ttl": "600", "value": "1.1.1.1", "mx": "0", "enabled": "1"}}"#
    );
    env.server.inject("Record.List", claims(&listed));
    env.server.inject("Record.List", claims(""));
    env.record_modify()
        .domains("a.cn")
        .select("www", "A")
        .change("ttl", 60)
        .run()
        .code(0);
    assert_eq!(env.requests("Record.List").len(), 2);
    let lying = r#"{"status": {"code": "1"}, "info": {"domain_total": 9000}, "domains": []}"#;
    env.server.inject("Domain.List", Fault::Json(lying.into()));
    env.record_create()
        .domains("a.cn,b.cn")
        .record("A", "1.1.1.1")
        .run()
        .code(2)
        .stderr_has("a.cn, b.cn");
    assert_eq!(env.requests("Domain.List").len(), 1);
}

/// A Record.List page of these records in this order, claiming far more.
fn record_page(records: &[u64]) -> Fault {
    let listed: Vec<String> = records
        .iter()
        .map(|id| {
            format!(
                r#"{{"id": "{id}", "name": "www", "line": "默认", "type": "A", "ttl": "600", "value": "1.1.1.1", "mx": "0", "enabled": "1"}}"#
            )
        })
        .collect();
    Fault::Json(format!(
        r#"{{"status": {{"code": "1"}}, "info": {{"record_total": "5000"}}, "records": [{}]}}"#,
        listed.join(",")
    ))
}

#[test]
fn a_repeated_record_list_page_ends_the_listing_and_each_record_is_sent_once() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let one = env.server.add_record(a, "www", "A", "默认", "1.1.1.1");
    let two = env.server.add_record(a, "www", "A", "默认", "1.1.1.1");
    env.server
        .inject("Record.List", record_page(&[one, two, one]));
    env.server.inject("Record.List", record_page(&[two, one]));
    env.record_modify()
        .domains("a.cn")
        .select("www", "A")
        .change("ttl", 60)
        .run()
        .code(0)
        .stderr_has("2 records selected");
    assert_eq!(env.requests("Record.List").len(), 2);
    assert_eq!(
        env.requests("Batch.Record.Modify")[0].param("record_id"),
        Some(ids(&[one, two]).as_str())
    );
}

#[test]
fn a_repeated_domain_list_page_leaves_the_other_names_to_domain_info() {
    let env = Env::new();
    let names = ["a.cn", "b.cn", "c.cn", "d.cn", "e.cn"];
    let seeded: Vec<u64> = names.iter().map(|n| env.server.add_domain(n)).collect();
    let page = format!(
        r#"{{"status": {{"code": "1"}}, "info": {{"domain_total": 9000}}, "domains": [{{"id": {}, "name": "a.cn"}}]}}"#,
        seeded[0]
    );
    for _ in 0..2 {
        env.server.inject("Domain.List", Fault::Json(page.clone()));
    }
    env.record_create()
        .domains(&names.join(","))
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    assert_eq!(env.requests("Domain.List").len(), 2);
    assert_eq!(env.requests("Domain.Info").len(), 4);
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(ids(&seeded).as_str())
    );
}

#[test]
fn two_names_of_one_domain_send_its_id_once() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    // As for a domain alias: Domain.List lists the alias under its main domain's ID.
    let page = format!(
        r#"{{"status": {{"code": "1"}}, "info": {{"domain_total": 2}}, "domains": [{{"id": {a}, "name": "a.cn"}}, {{"id": {a}, "name": "alias.cn"}}]}}"#
    );
    env.server.inject("Domain.List", Fault::Json(page));
    env.record_create()
        .domains("alias.cn,a.cn")
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(a.to_string().as_str())
    );
}
