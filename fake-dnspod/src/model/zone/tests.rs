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
