use super::*;

fn record(host: &str, record_type: &str, line: &str, value: &str) -> AccountRecord {
    AccountRecord {
        id: 1,
        host: Some(host.into()),
        line: Some(line.into()),
        record_type: Some(record_type.into()),
        ttl: Some(600),
        value: Some(value.into()),
        mx: None,
        weight: None,
        enabled: true,
        remark: None,
        system: false,
    }
}

fn change(field: ChangeField, to: &str, value: Option<&str>) -> Change {
    Change {
        field,
        to: to.into(),
        value: value.map(str::to_owned),
        mx: None,
    }
}

fn spec(host: &str, record_type: &str, line: &str, value: &str) -> RecordSpec {
    RecordSpec {
        host: host.into(),
        record_type: record_type.into(),
        line: line.into(),
        value: value.into(),
        ttl: 600,
        mx: None,
    }
}

#[test]
fn fields_compare_as_dns_reads_them() {
    assert!(same_host("WWW", "www") && same_host("", "@") && same_host(" @", "@"));
    assert!(!same_host("www", "api"));
    // An IDN label in Unicode (the look-ups) or punycode (a zone file) is one host.
    assert!(same_host("中文", "XN--fiq228c") && same_host("*.中文", "*.xn--fiq228c"));
    assert!(same_value(
        Some("CNAME"),
        "中文.例子.cn.",
        "xn--fiq228c.xn--fsqu00a.cn"
    ));
    assert!(same_type("cname", "CNAME") && !same_type("A", "AAAA"));
    assert!(same_line("", DEFAULT_LINE) && same_line("电信", "电信"));
    assert!(!same_line("电信", DEFAULT_LINE));
    assert!(same_value(
        Some("CNAME"),
        "Target.example.",
        "target.example"
    ));
    assert!(same_value(Some("txt"), "\"v=spf1 -all\"", "v=spf1 -all"));
    assert!(
        !same_value(Some("TXT"), "Hello", "hello"),
        "text keeps its case"
    );
    assert!(!same_value(Some("A"), "1.1.1.1", "1.1.1.2"));
    assert!(same_value(Some("AAAA"), "2001:DB8::1", "2001:db8::1"));
    // Where case can mean something, only the very text is the same value.
    for record_type in ["URL", "FRAMEURL", "CAA", "HTTPS"] {
        assert!(
            !same_value(
                Some(record_type),
                "https://a.example/Path",
                "https://a.example/path"
            ),
            "{record_type}"
        );
    }
    assert!(same_value(
        Some("URL"),
        "https://a.example/",
        "https://a.example/"
    ));
}

#[test]
fn a_spec_matches_the_records_it_asks_for() {
    let asked = spec("www,@", "a", DEFAULT_LINE, "192.0.2.1");
    assert!(asked.matches(&record("WWW", "A", DEFAULT_LINE, "192.0.2.1").fields()));
    assert!(asked.matches(&record("", "A", "", "192.0.2.1.").fields()));
    assert!(!asked.matches(&record("api", "A", DEFAULT_LINE, "192.0.2.1").fields()));
    assert!(!asked.matches(&record("www", "AAAA", DEFAULT_LINE, "192.0.2.1").fields()));
    assert!(!asked.matches(&record("www", "A", "电信", "192.0.2.1").fields()));
    assert!(!asked.matches(&record("www", "A", DEFAULT_LINE, "192.0.2.2").fields()));
    let txt = spec("_acme-challenge", "TXT", DEFAULT_LINE, "token");
    assert!(txt.matches(&record("_acme-challenge", "TXT", DEFAULT_LINE, "\"token\"").fields()));
    let unnamed = AccountRecord {
        host: None,
        ..record("www", "A", DEFAULT_LINE, "192.0.2.1")
    };
    assert!(
        !asked.matches(&unnamed.fields()),
        "a field left out matches nothing"
    );
}

#[test]
fn fields_a_source_leaves_out_are_found_anywhere() {
    let now = record("www", "CNAME", DEFAULT_LINE, "a.example.");
    let shown = RecordFields {
        host: Some("WWW"),
        value: Some("A.example"),
        ..RecordFields::default()
    };
    assert!(shown.found_in(&now.fields()));
    let other = RecordFields {
        line: Some("电信"),
        ..shown
    };
    assert!(!other.found_in(&now.fields()));
    let unnamed = AccountRecord { host: None, ..now };
    assert!(!shown.found_in(&unnamed.fields()));
}

#[test]
fn records_already_at_the_target_are_recognised() {
    let www = record("www", "A", "默认", "1.1.1.1");
    let met = |field, to, value| change(field, to, value).is_met_by(&www);
    assert!(met(ChangeField::Value, "1.1.1.1", None));
    assert!(!met(ChangeField::Value, "2.2.2.2", None));
    assert!(met(ChangeField::Ttl, "600", None));
    assert!(met(ChangeField::Status, "enable", None));
    assert!(!met(ChangeField::Status, "disable", None));
    assert!(met(ChangeField::Host, "WWW", None));
    assert!(met(ChangeField::Line, "默认", None));
    assert!(met(ChangeField::RecordType, "A", Some("1.1.1.1")));
    assert!(!met(ChangeField::RecordType, "A", Some("3.3.3.3")));
    assert!(!met(ChangeField::Mx, "5", None));
    let cname = record("www", "CNAME", "默认", "target.example.");
    assert!(change(ChangeField::Value, "Target.example", None).is_met_by(&cname));
}

#[test]
fn addresses_compare_as_addresses() {
    assert!(same_value(Some("AAAA"), "2001:db8::1", "2001:DB8:0::1"));
    assert!(same_value(Some("AAAA"), "2001:db8::1.", "2001:0db8:0:0::1"));
    assert!(!same_value(Some("AAAA"), "2001:db8::1", "2001:db8::2"));
    assert!(same_value(Some("a"), "192.0.2.1", "192.0.2.1."));
    // Not an address: compared as a name, as before.
    assert!(same_value(Some("A"), "Not-An-Address", "not-an-address"));
}
