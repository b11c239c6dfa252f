use super::*;

#[test]
fn twins_compare_the_apex_either_way() {
    let mut a = Record::new("", "MX", DEFAULT_LINE, "mx.a.");
    let b = Record::new("@", "MX", DEFAULT_LINE, "mx.a.");
    assert!(a.twin_of(&b));
    a.line = "电信".into();
    assert!(!a.twin_of(&b));
}

#[test]
fn domain_names_match_in_any_case() {
    let mut zone = Zone::new();
    zone.add_domain("Example.CN");
    assert!(zone.has_domain_named("example.cn"));
    assert!(!zone.has_domain_named("example.com"));
}

#[test]
fn domain_names_match_in_either_form() {
    let mut zone = Zone::new();
    let id = zone.add_domain("我们.CN");
    let names = zone.names(id).unwrap();
    assert_eq!(
        (names.unicode.as_str(), names.ascii.as_str()),
        ("我们.cn", "xn--vnqp08b.cn")
    );
    assert_eq!(zone.domain_named("XN--VNQP08B.cn"), Some(id));
    assert_eq!(zone.domain_named("我们.cn"), Some(id));
    assert!(names.contain("vnqp") && names.contain("我"));
}

#[test]
fn dnspods_own_records_are_refused_to_clients_but_not_to_test_hooks() {
    let mut zone = Zone::new();
    let domain_id = zone.add_domain("a.cn");
    let ns = zone.records().next().unwrap().id;
    let mut www = Record::new("www", "A", DEFAULT_LINE, "192.0.2.1");
    www.domain_id = domain_id;
    let www = zone.add_record(www);
    assert_eq!(zone.user_record_mut(ns).err(), Some(Failure::SystemRecord));
    assert_eq!(
        zone.remove_user_record(ns).err(),
        Some(Failure::SystemRecord)
    );
    assert!(zone.record_mut(ns).is_some());
    assert!(zone.user_record_mut(www).is_ok());
    assert_eq!(zone.remove_user_record(www).map(|r| r.id), Ok(www));
    assert_eq!(
        zone.remove_user_record(www).err(),
        Some(Failure::NoSuchRecord)
    );
    assert_eq!(zone.user_records().count(), 0);
}

#[test]
fn a_domains_records_are_listed_from_its_own_index_through_adds_and_removals() {
    let mut zone = Zone::new();
    let (a, b) = (zone.add_domain("a.cn"), zone.add_domain("b.cn"));
    let add = |zone: &mut Zone, domain_id, host: &str| {
        let mut record = Record::new(host, "A", DEFAULT_LINE, "192.0.2.1");
        record.domain_id = domain_id;
        zone.add_record(record)
    };
    let www = add(&mut zone, a, "www");
    let other = add(&mut zone, b, "www");
    let mail = add(&mut zone, a, "mail");
    assert_eq!(zone.remove_user_record(www).map(|r| r.id), Ok(www));
    let listed: Vec<u64> = zone.domain_records(a).map(|r| r.id).collect();
    let scanned: Vec<u64> = (zone.records().filter(|r| r.domain_id == a))
        .map(|r| r.id)
        .collect();
    assert_eq!(listed, scanned);
    assert_eq!(listed.last(), Some(&mail));
    assert!(!listed.contains(&other) && !listed.contains(&www));
    // Two NS records of DNSPod's own, and `mail`.
    assert_eq!((zone.record_count(a), zone.record_count(b)), (3, 3));
    assert_eq!(zone.domain_records(0).count(), 0);
}
